// Icons only the admin screens use (24×24, stroked), drawn like the app's own set.
const paths = {
  dashboard: "M4 13h6V4H4zM14 20h6v-9h-6zM14 4v3h6V4zM4 20h6v-3H4z",
  servers: "M4 4h16v6H4zM4 14h16v6H4zM8 7h.01M8 17h.01",
  zones: "M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11Zm0-8.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z",
  managers: "M12 3 4 7v5c0 4.4 3.4 8.3 8 9 4.6-.7 8-4.6 8-9V7Z M9 12l2 2 4-4",
  images: "M12 3 3 7.5l9 4.5 9-4.5ZM3 12l9 4.5 9-4.5M3 16.5 12 21l9-4.5",
  // A flame: sessions kept warm.
  pools: "M12 21a6 6 0 0 0 6-6c0-3.6-2.4-6.3-4.6-9.5-.6 2.8-1.9 4.6-3.6 5.6-.4-1.2-.5-2.1-.3-3.3C7.6 9.6 6 12 6 15a6 6 0 0 0 6 6Z",
  sessions: "M3 5h18v11H3zM8 20h8M12 16v4",
  users: "M16 20v-1.5a3.5 3.5 0 0 0-3.5-3.5h-5A3.5 3.5 0 0 0 4 18.5V20M10 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7ZM20 20v-1.5a3.5 3.5 0 0 0-2.5-3.35M15.5 4.15a3.5 3.5 0 0 1 0 6.7",
  apikeys: "M21 2l-2 2m-7.6 7.6a5.5 5.5 0 1 1-7.78 7.78 5.5 5.5 0 0 1 7.78-7.78Zm0 0L15.5 7.5m0 0 3 3L22 7l-3-3m-3.5 3.5L19 4",
  audit: "M9 4h6v3H9zM8 5.5H5V21h14V5.5h-3M8.5 12h7M8.5 16h4.5",
  system: "M12 11v5m0-8.5v.01M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z",
  settings: "M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M14 4v4M8 10v4M16 16v4",
  plus: "M12 5v14M5 12h14",
  edit: "M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16zM13.5 6.5l4 4",
  trash: "M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3",
  copy: "M9 9h10v11H9zM5 15H4V4h11v1",
  key: "M21 2l-2 2m-7.6 7.6a5.5 5.5 0 1 1-7.78 7.78 5.5 5.5 0 0 1 7.78-7.78Zm0 0L15.5 7.5m0 0 3 3L22 7l-3-3m-3.5 3.5L19 4",
  pause: "M8 5v14M16 5v14",
  play: "M7 5.5v13a1 1 0 0 0 1.5.9l10.5-6.5a1 1 0 0 0 0-1.8L8.5 4.6A1 1 0 0 0 7 5.5Z",
  power: "M12 3v8m5.7-4.7a8 8 0 1 1-11.4 0",
  sliders: "M6 4v16M18 4v16M12 4v16M4 15h4M10 9h4M16 13h4",
  download: "M12 4v11m-5-5 5 5 5-5M5 20h14",
  ban: "M5.6 5.6l12.8 12.8M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z",
  refresh: "M20 11a8 8 0 0 0-14.9-3M4 4v4h4m-4 5a8 8 0 0 0 14.9 3M20 20v-4h-4",
  external: "M14 4h6v6m0-6-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5",
  check: "m5 12.5 4.5 4.5L19 7.5",
  close: "M6 6l12 12M18 6 6 18",
  alert: "M12 8v5m0 3.5v.01M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z",
  filter: "M4 5h16l-6 7.5V19l-4 1.5v-8Z",
  terminal: "M4 5h16v14H4zM8 10l3 2.5L8 15M13 15h3",
  stop: "M7 7h10v10H7z",
} as const;

export type AdminIconName = keyof typeof paths;

export function AdminIcon({ name, className }: { name: AdminIconName; className?: string }) {
  return (
    <svg className={`icon ${className ?? ""}`} viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
