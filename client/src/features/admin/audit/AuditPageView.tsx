import { EmptyState } from "../../../components/EmptyState";
import type { AdminAuditEventsQuery } from "../../../generated/graphql";
import { AdminIcon } from "../components/AdminIcon";
import { LoadState } from "../components/LoadState";
import { PageHeader } from "../components/PageHeader";
import { ago, plural } from "../format";
import { actorLabel, detailSummary, outcomeTone, preciseTime } from "./event";
import { FAILURE_CODES, NO_FILTERS, SINCE_CHOICES, hasFilters, type AuditFilters, type Since } from "./filters";

type AuditEvent = AdminAuditEventsQuery["auditEvents"][number];
type Props = {
  events?: AuditEvent[];
  /** What the inputs show (typing is applied a moment later). */
  filters: AuditFilters;
  /** Action names seen so far, suggested in the action field. */
  actions: string[];
  now: number;
  loading: boolean;
  refreshing: boolean;
  error?: string;
  /** How many events were asked for, and whether asking for more could show older ones. */
  limit: number;
  mayHaveMore: boolean;
  onType: (patch: Pick<Partial<AuditFilters>, "action" | "actor">) => void;
  onFiltersChange: (f: AuditFilters) => void;
  onRefresh: () => void;
  onMore: () => void;
};

export function AuditPageView(p: Props) {
  const f = p.filters;
  const set = (patch: Partial<AuditFilters>) => p.onFiltersChange({ ...f, ...patch });
  const events = p.events ?? [];
  const filtered = hasFilters(f);
  // An outcome from the address that the list does not offer stays selectable.
  const unknownOutcome = f.outcome && f.outcome !== "OK" && !FAILURE_CODES.includes(f.outcome);

  return (
    <div className="adm-page" data-testid="admin-page-audit">
      <PageHeader
        title="Audit log"
        lead="Who did what, and when: sign-ins and failed ones, launches and ends, shares, admin changes and everything done with an API key. Newest first; secrets are never recorded."
        actions={
          <>
            {p.refreshing && <span className="adm-toolbar__note">Updating…</span>}
            <button type="button" className="button button--secondary" onClick={p.onRefresh} disabled={p.refreshing} data-testid="audit-refresh">
              <AdminIcon name="refresh" /> Refresh
            </button>
          </>
        }
      />

      <div className="adm-filters" role="group" aria-label="Filter the audit log">
        <label className="adm-filter">
          <span className="adm-filter__label">Action</span>
          <input
            className="input"
            type="search"
            list="audit-actions"
            placeholder="e.g. signIn"
            spellCheck={false}
            autoCapitalize="off"
            value={f.action}
            onChange={(e) => p.onType({ action: e.target.value })}
            data-testid="audit-filter-action"
          />
          <datalist id="audit-actions">
            {p.actions.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </label>
        <label className="adm-filter">
          <span className="adm-filter__label">Who</span>
          <input
            className="input"
            type="search"
            placeholder="username or api-key:name"
            spellCheck={false}
            autoCapitalize="off"
            value={f.actor}
            onChange={(e) => p.onType({ actor: e.target.value })}
            data-testid="audit-filter-actor"
          />
        </label>
        <label className="adm-filter adm-filter--wide">
          <span className="adm-filter__label">Outcome</span>
          <select className="input" value={f.outcome} onChange={(e) => set({ outcome: e.target.value })} data-testid="audit-filter-outcome">
            <option value="">Any outcome</option>
            {unknownOutcome && <option value={f.outcome}>{f.outcome}</option>}
            <option value="OK">OK (succeeded)</option>
            <optgroup label="Failed with">
              {FAILURE_CODES.map((code) => (
                <option key={code} value={code}>{code}</option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="adm-filter">
          <span className="adm-filter__label">When</span>
          <select className="input" value={f.since} onChange={(e) => set({ since: e.target.value as Since })} data-testid="audit-filter-since">
            {Object.entries(SINCE_CHOICES).map(([k, v]) => (
              <option key={k} value={k}>{v.label}</option>
            ))}
          </select>
        </label>
        {filtered && (
          <button type="button" className="button button--ghost button--sm adm-filters__clear" onClick={() => p.onFiltersChange(NO_FILTERS)} data-testid="audit-filter-clear">
            <AdminIcon name="close" /> Clear filters
          </button>
        )}
        <p className="adm-hint adm-audit__hint">Action and who match exactly, letter case included (signIn, not signin).</p>
      </div>

      {!p.events && <LoadState loading={p.loading} error={p.error} what="audit log" onRetry={p.onRefresh} />}
      {p.events && events.length === 0 && (
        <EmptyState
          icon="clock"
          title={filtered ? "No event matches these filters" : "Nothing recorded yet"}
          testId="audit-empty"
          actions={
            filtered ? (
              <button type="button" className="button button--secondary" onClick={() => p.onFiltersChange(NO_FILTERS)}>
                Clear filters
              </button>
            ) : undefined
          }
        >
          {filtered
            ? "Action and who must match exactly. Widen the time range, or clear a filter."
            : "Every sign-in, launch, share and change made through the API appears here as it happens."}
        </EmptyState>
      )}
      {events.length > 0 && (
        <>
          <p className="adm-summary" data-testid="audit-summary">
            {events.length >= p.limit ? `The newest ${plural(events.length, "event")}` : plural(events.length, "event")}
            {filtered && " matching the filters"}
          </p>
          <div className="adm-table-wrap adm-card adm-card--flush" aria-busy={p.refreshing}>
            <table className="adm-table adm-table--stack adm-table--compact adm-audit">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Detail</th>
                  <th scope="col" className="adm-col-optional">IP address</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <AuditRow key={e.id} e={e} now={p.now} onActor={(actor) => set({ actor })} onAction={(action) => set({ action })} />
                ))}
              </tbody>
            </table>
          </div>
          {p.mayHaveMore && (
            <div className="adm-audit__more">
              <button type="button" className="button button--secondary" onClick={p.onMore} disabled={p.refreshing} data-testid="audit-more">
                Show older events
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function AuditRow({ e, now, onActor, onAction }: { e: AuditEvent; now: number; onActor: (name: string) => void; onAction: (action: string) => void }) {
  const who = actorLabel(e);
  const detail = detailSummary(e.detail);
  return (
    <tr data-testid="audit-row" data-action={e.action} data-actor={e.actorName} data-actor-kind={e.actorKind} data-outcome={e.outcome}>
      <td className="adm-nowrap">
        <div>
          <time className="adm-audit__time" dateTime={e.at} title={e.at}>{preciseTime(e.at, now)}</time>
          <div className="adm-cell-sub">{ago(e.at, now)}</div>
        </div>
      </td>
      <td data-label="Who">
        <div>
          {e.actorName ? (
            <button type="button" className="adm-linklike adm-cell-main adm-nowrap" onClick={() => onActor(e.actorName)} title={`Only what ${e.actorName} did`}>
              {who.name}
            </button>
          ) : (
            <span className="muted">{who.name}</span>
          )}
          <div className="adm-cell-sub adm-nowrap">{who.kind}</div>
        </div>
      </td>
      <td data-label="Action">
        <button type="button" className="adm-linklike adm-mono" onClick={() => onAction(e.action)} title={`Only ${e.action}`}>
          {e.action}
        </button>
      </td>
      <td data-label="Outcome">
        <span className={`status status--${outcomeTone(e.outcome)}`} data-testid="audit-outcome">
          <span className="status__dot" aria-hidden="true" />
          {e.outcome}
        </span>
      </td>
      <td data-label="Detail" className="adm-audit__detail">
        {!detail.line && <span className="muted">—</span>}
        {detail.line && !detail.full && <span className="adm-mono">{detail.line}</span>}
        {detail.full && (
          <details>
            <summary className="adm-mono">{detail.line}</summary>
            <pre className="adm-audit__json">{detail.full}</pre>
          </details>
        )}
      </td>
      <td data-label="IP address" className="adm-mono adm-nowrap adm-col-optional">{e.ip || <span className="muted">—</span>}</td>
    </tr>
  );
}
