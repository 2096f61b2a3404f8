import { useState } from "react";
import { EmptyState } from "../../../components/EmptyState";
import { ImageArt } from "../../../components/Monogram";
import { sentence } from "../../../errors";
import type { AdminImageFieldsFragment, AdminServerFieldsFragment, AdminSessionFieldsFragment, AdminUserFieldsFragment } from "../../../generated/graphql";
import { Link } from "../../../router";
import { statusLabel, statusTone } from "../../sessions/status";
import { AdminIcon } from "../components/AdminIcon";
import { ConfirmAction } from "../components/ConfirmAction";
import { LoadState } from "../components/LoadState";
import { PageHeader } from "../components/PageHeader";
import { ago, coreCount, duration, mb, plural } from "../format";
import { STATUS_FILTERS, hasFilters, type SessionFilters, type StatusFilter } from "./filters";

type Session = AdminSessionFieldsFragment;
type Props = {
  sessions?: Session[];
  filters: SessionFilters;
  users: AdminUserFieldsFragment[];
  images: AdminImageFieldsFragment[];
  servers: AdminServerFieldsFragment[];
  now: number;
  loading: boolean;
  refreshing: boolean;
  error?: string;
  onRetry: () => void;
  onFiltersChange: (f: SessionFilters) => void;
  onEnd: (s: Session) => Promise<void>;
};

const ENDED = new Set(["STOPPED", "FAILED", "LOST"]);

export function SessionsPageView(p: Props) {
  const [ending, setEnding] = useState<Session>();
  const f = p.filters;
  const set = (patch: Partial<SessionFilters>) => p.onFiltersChange({ ...f, ...patch });
  const sessions = p.sessions ?? [];
  // A filter may name something the lists do not hold (deleted, or not loaded yet): keep it selectable.
  const missing = (id: string | undefined, list: { id: string }[]) => id !== undefined && list.length > 0 && !list.some((x) => x.id === id);

  return (
    <div className="adm-page" data-testid="admin-page-sessions">
      <PageHeader
        title="Sessions"
        lead="Every user's sessions, newest first. Open one to watch or help; end one to free its server."
        actions={p.refreshing ? <span className="adm-toolbar__note">Updating…</span> : undefined}
      />

      <div className="adm-filters" role="group" aria-label="Filter sessions">
        <label className="adm-filter">
          <span className="adm-filter__label">Status</span>
          <select className="input" value={f.status} onChange={(e) => set({ status: e.target.value as StatusFilter })} data-testid="sessions-filter-status">
            {Object.entries(STATUS_FILTERS).map(([k, v]) => (
              <option key={k} value={k}>{v.label}</option>
            ))}
          </select>
        </label>
        <label className="adm-filter">
          <span className="adm-filter__label">Owner</span>
          <select className="input" value={f.userId ?? ""} onChange={(e) => set({ userId: e.target.value || undefined })} data-testid="sessions-filter-user">
            <option value="">Anyone</option>
            {missing(f.userId, p.users) && <option value={f.userId}>(deleted user)</option>}
            {p.users.map((u) => (
              <option key={u.id} value={u.id}>{u.username}</option>
            ))}
          </select>
        </label>
        <label className="adm-filter">
          <span className="adm-filter__label">Image</span>
          <select className="input" value={f.imageId ?? ""} onChange={(e) => set({ imageId: e.target.value || undefined })} data-testid="sessions-filter-image">
            <option value="">Any image</option>
            {missing(f.imageId, p.images) && <option value={f.imageId}>(deleted image)</option>}
            {p.images.map((i) => (
              <option key={i.id} value={i.id}>{i.friendlyName}</option>
            ))}
          </select>
        </label>
        <label className="adm-filter">
          <span className="adm-filter__label">Server</span>
          <select className="input" value={f.serverId ?? ""} onChange={(e) => set({ serverId: e.target.value || undefined })} data-testid="sessions-filter-server">
            <option value="">Any server</option>
            {missing(f.serverId, p.servers) && <option value={f.serverId}>(deleted server)</option>}
            {p.servers.map((s) => (
              <option key={s.id} value={s.id}>{s.hostname}</option>
            ))}
          </select>
        </label>
        {hasFilters(f) && (
          <button type="button" className="button button--ghost button--sm adm-filters__clear" onClick={() => p.onFiltersChange({ status: "live" })} data-testid="sessions-filter-clear">
            <AdminIcon name="close" /> Clear filters
          </button>
        )}
      </div>

      {!p.sessions && <LoadState loading={p.loading} error={p.error} what="sessions" onRetry={p.onRetry} />}
      {p.sessions && sessions.length === 0 && (
        <EmptyState
          icon="monitor"
          title={hasFilters(f) ? "No session matches these filters" : "No live sessions"}
          testId="admin-sessions-empty"
          actions={
            hasFilters(f) ? (
              <button type="button" className="button button--secondary" onClick={() => p.onFiltersChange({ status: "live" })}>
                Clear filters
              </button>
            ) : (
              <button type="button" className="button button--secondary" onClick={() => set({ status: "all" })}>
                Show ended sessions
              </button>
            )
          }
        >
          {hasFilters(f) ? "Widen the filters, or include ended sessions." : "Nobody is using a workspace right now. Sessions appear here as soon as someone launches one."}
        </EmptyState>
      )}
      {sessions.length > 0 && (
        <>
          <p className="adm-summary">
            {plural(sessions.length, "session")}
            {sessions.length >= 200 && " (the newest 200; narrow the filters to see older ones)"}
          </p>
          <div className="adm-table-wrap adm-card adm-card--flush">
            <table className="adm-table adm-table--stack">
              <thead>
                <tr>
                  <th scope="col">Workspace</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Server</th>
                  <th scope="col">Status</th>
                  <th scope="col">Age</th>
                  <th scope="col" className="adm-col-optional">Resources</th>
                  <th scope="col"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => {
                  const ended = ENDED.has(s.status);
                  return (
                    <tr key={s.id} data-testid="session-row-admin" data-session-id={s.id} data-status={s.status} className={ended ? "adm-row--muted" : undefined}>
                      <td>
                        <div className="adm-session">
                          <ImageArt name={s.image.friendlyName} seed={s.image.name} thumbnailUrl={s.image.thumbnailUrl} size="sm" />
                          <div className="adm-session__text">
                            <div className="adm-cell-main">{s.image.friendlyName}</div>
                            <div className="adm-cell-sub adm-mono" title={s.id}>{s.id.slice(0, 8)}</div>
                          </div>
                        </div>
                      </td>
                      <td data-label="Owner">
                        <button type="button" className="adm-linklike" onClick={() => set({ userId: s.userId })} title={`Only ${s.ownerName}'s sessions`}>
                          {s.ownerName}
                        </button>
                      </td>
                      <td data-label="Server">{s.serverHostname ?? <span className="muted">—</span>}</td>
                      <td data-label="Status">
                        <div>
                          <span className={`status status--${statusTone(s.status)}`} data-status={s.status}>
                            <span className="status__dot" aria-hidden="true" />
                            {statusLabel(s.status)}
                          </span>
                          {s.statusMessage && s.status !== "RUNNING" && <div className="adm-cell-sub adm-cell-msg">{sentence(s.statusMessage)}</div>}
                        </div>
                      </td>
                      <td data-label="Age" className="adm-nowrap">
                        <div>
                          <div title={s.createdAt}>{duration((p.now - Date.parse(s.createdAt)) / 1000)}</div>
                          {ended && s.endedAt && <div className="adm-cell-sub">ended {ago(s.endedAt, p.now)}</div>}
                          {!ended && s.expiresAt && <div className="adm-cell-sub">ends in {duration((Date.parse(s.expiresAt) - p.now) / 1000)}</div>}
                        </div>
                      </td>
                      <td data-label="Resources" className="adm-nowrap adm-col-optional">
                        {coreCount(s.cores)} · {mb(s.memoryMb)}
                      </td>
                      <td className="adm-cell-actions">
                        {!ended && s.status !== "STOPPING" && (
                          <Link to={`/sessions/${s.id}`} className="button button--secondary button--sm" data-testid="admin-session-open" aria-label={`Open ${s.ownerName}'s ${s.image.friendlyName}`}>
                            <AdminIcon name="external" /> Open
                          </Link>
                        )}
                        {!ended && s.status !== "STOPPING" && (
                          <button type="button" className="button button--danger-ghost button--sm" onClick={() => setEnding(s)} data-testid="admin-session-end" aria-label={`End ${s.ownerName}'s ${s.image.friendlyName}`}>
                            <AdminIcon name="stop" /> End
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}

      <ConfirmAction
        open={ending !== undefined}
        title={`End ${ending?.ownerName ?? ""}'s ${ending?.image.friendlyName ?? "session"}?`}
        confirmLabel="End session"
        busyLabel="Ending…"
        onConfirm={() => p.onEnd(ending!)}
        onClose={() => setEnding(undefined)}
        testId="admin-session-end-confirm"
      >
        <p>Its container is removed at once and unsaved work in it is lost.</p>
      </ConfirmAction>
    </div>
  );
}
