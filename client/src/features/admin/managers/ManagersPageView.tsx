import { EmptyState } from "../../../components/EmptyState";
import type { AdminManagersQuery } from "../../../generated/graphql";
import { AdminIcon } from "../components/AdminIcon";
import { LoadState } from "../components/LoadState";
import { PageHeader } from "../components/PageHeader";
import { ago, dateTime, duration } from "../format";

type Props = {
  managers?: AdminManagersQuery["managers"];
  now: number;
  loading: boolean;
  refreshing: boolean;
  error?: string;
  onRefresh: () => void;
};

export function ManagersPageView(p: Props) {
  const managers = [...(p.managers ?? [])].sort((a, b) => Number(b.alive) - Number(a.alive) || a.hostname.localeCompare(b.hostname));
  const alive = managers.filter((m) => m.alive).length;

  return (
    <div className="adm-page" data-testid="admin-page-managers">
      <PageHeader
        title="Managers"
        lead="The processes that answer the API and place sessions. Several can run side by side; a manager is alive while its heartbeat is fresh."
        actions={
          <button type="button" className="button button--secondary" onClick={p.onRefresh} disabled={p.refreshing} data-testid="managers-refresh">
            <AdminIcon name="refresh" /> {p.refreshing ? "Refreshing…" : "Refresh"}
          </button>
        }
      />
      {!p.managers && <LoadState loading={p.loading} error={p.error} what="managers" onRetry={p.onRefresh} />}
      {p.managers && managers.length === 0 && (
        <EmptyState icon="server" title="No managers seen in the last hour">
          That is odd, since one answered this page. Its heartbeat may be failing to reach the database: check the manager's log.
        </EmptyState>
      )}
      {managers.length > 0 && (
        <>
          <p className="adm-summary" data-testid="managers-summary">
            <strong>{alive}</strong> of {managers.length} alive
          </p>
          <div className="adm-table-wrap adm-card adm-card--flush">
            <table className="adm-table adm-table--stack">
              <thead>
                <tr>
                  <th scope="col">Manager</th>
                  <th scope="col">Status</th>
                  <th scope="col">Zone</th>
                  <th scope="col">Version</th>
                  <th scope="col">Started</th>
                  <th scope="col">Last heartbeat</th>
                </tr>
              </thead>
              <tbody>
                {managers.map((m) => (
                  <tr key={m.id} data-testid="manager-row" data-hostname={m.hostname} data-alive={m.alive} className={m.alive ? undefined : "adm-row--muted"}>
                    <td>
                      <div className="adm-cell-main">{m.hostname}</div>
                      <div className="adm-cell-sub adm-mono">{m.url}</div>
                    </td>
                    <td data-label="Status">
                      {m.alive ? (
                        <span className="status status--ok"><span className="status__dot" aria-hidden="true" />Alive</span>
                      ) : (
                        <span className="status status--bad"><span className="status__dot" aria-hidden="true" />Gone</span>
                      )}
                    </td>
                    <td data-label="Zone">{m.zoneName ?? <span className="muted">—</span>}</td>
                    <td data-label="Version" className="adm-mono">{m.version}</td>
                    <td data-label="Started" className="adm-nowrap">
                      <div>
                        <div>{dateTime(m.startedAt)}</div>
                        <div className="adm-cell-sub">up {duration((p.now - Date.parse(m.startedAt)) / 1000)}</div>
                      </div>
                    </td>
                    <td data-label="Last heartbeat" className="adm-nowrap" title={dateTime(m.heartbeatAt)}>{ago(m.heartbeatAt, p.now)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
