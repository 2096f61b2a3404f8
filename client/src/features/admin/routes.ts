/** The admin area's tabs, decided from the path after /admin. */
export const ADMIN_TABS = ["dashboard", "servers", "zones", "managers", "images", "pools", "sessions", "users", "apikeys", "audit", "system", "settings"] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export const TAB_LABELS: Record<AdminTab, string> = {
  dashboard: "Dashboard",
  servers: "Servers",
  zones: "Zones",
  managers: "Managers",
  images: "Images",
  pools: "Warm pools",
  sessions: "Sessions",
  users: "Users",
  apikeys: "API keys",
  audit: "Audit log",
  system: "System info",
  settings: "Settings",
};

/** "" or "/" → dashboard, "/servers" → servers, anything else → null (not found). */
export function parseAdminTab(sub: string): AdminTab | null {
  const name = sub.replace(/^\/+|\/+$/g, "");
  if (name === "") return "dashboard";
  return (ADMIN_TABS as readonly string[]).includes(name) && name !== "dashboard" ? (name as AdminTab) : null;
}

export function adminPath(tab: AdminTab, query?: Record<string, string | undefined>): string {
  const path = tab === "dashboard" ? "/admin" : `/admin/${tab}`;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v) params.set(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
