import { downloadSummary, type ImageDownload } from "../downloads";

/** An image's download state: one line when settled, a bar per server while pulling. */
export function DownloadCell({ enabled, downloads }: { enabled: boolean; downloads: ImageDownload[] }) {
  if (!enabled) return <span className="muted adm-small">Not downloaded while disabled</span>;
  const summary = downloadSummary(downloads);
  const busy = downloads.filter((d) => d.status !== "READY");
  return (
    <div className="adm-dl" data-testid="image-downloads" data-summary={summary.tone}>
      <span className={`status status--${summary.tone}`}>
        <span className="status__dot" aria-hidden="true" />
        {summary.text}
      </span>
      {summary.tone !== "ok" && busy.length > 0 && <DownloadList downloads={busy.slice(0, 3)} compact />}
      {busy.length > 3 && <span className="adm-cell-sub">and {busy.length - 3} more</span>}
    </div>
  );
}

/** Each server with its bar (pulling), its failure message, or ready. */
export function DownloadList({ downloads, compact }: { downloads: ImageDownload[]; compact?: boolean }) {
  return (
    <ul className={`adm-dl-list ${compact ? "adm-dl-list--compact" : ""}`}>
      {downloads.map((d) => (
        <li key={d.serverId} className="adm-dl-item" data-testid="image-download" data-hostname={d.hostname} data-status={d.status}>
          <div className="adm-dl-item__head">
            <span className="adm-dl-item__host">{d.hostname}</span>
            <span className={`adm-dl-item__state adm-dl-item__state--${d.status.toLowerCase()}`}>{label(d)}</span>
          </div>
          {d.status === "PULLING" && (
            <div
              className="adm-meter__track adm-meter__track--ok adm-dl-item__bar"
              role="progressbar"
              aria-label={`Download on ${d.hostname}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(d.progress * 100)}
            >
              <div className="adm-meter__fill" style={{ width: `${Math.max(2, d.progress * 100)}%` }} />
            </div>
          )}
          {d.status === "FAILED" && d.message && <div className="adm-dl-item__msg">{d.message}</div>}
        </li>
      ))}
    </ul>
  );
}

function label(d: ImageDownload): string {
  switch (d.status) {
    case "READY":
      return "Ready";
    case "PULLING":
      return `${Math.round(d.progress * 100)}%`;
    case "FAILED":
      return "Failed";
    default:
      return d.serverOnline ? "Waiting" : "Server offline";
  }
}
