import { useState } from "react";
import { EmptyState } from "../../../components/EmptyState";
import type { AdminServerFieldsFragment, AdminZoneFieldsFragment, ServerStatus } from "../../../generated/graphql";
import { Link } from "../../../router";
import { AdminIcon } from "../components/AdminIcon";
import { ConfirmAction } from "../components/ConfirmAction";
import { LoadState } from "../components/LoadState";
import { PageHeader } from "../components/PageHeader";
import { plural } from "../format";
import { adminPath } from "../routes";
import type { CapacityForm } from "./capacity";
import { CapacityDialog } from "./components/CapacityDialog";
import { ServerCard } from "./components/ServerCard";

type Props = {
  servers?: AdminServerFieldsFragment[];
  zones: AdminZoneFieldsFragment[];
  loading: boolean;
  error?: string;
  onRetry: () => void;
  now: number;
  busyId?: string;
  onSetEnabled: (s: AdminServerFieldsFragment, enabled: boolean) => void;
  onSetDraining: (s: AdminServerFieldsFragment, draining: boolean) => void;
  onSaveCapacity: (s: AdminServerFieldsFragment, form: CapacityForm) => Promise<unknown>;
  onDelete: (s: AdminServerFieldsFragment, destroySessions: boolean) => Promise<unknown>;
};

const FILTERS: (ServerStatus | "ALL")[] = ["ALL", "ONLINE", "OFFLINE", "DRAINING", "DISABLED"];
const FILTER_LABEL: Record<ServerStatus | "ALL", string> = { ALL: "All", ONLINE: "Online", OFFLINE: "Offline", DRAINING: "Draining", DISABLED: "Disabled" };

export function ServersPageView(p: Props) {
  const [filter, setFilter] = useState<ServerStatus | "ALL">("ALL");
  const [editing, setEditing] = useState<AdminServerFieldsFragment>();
  const [deleting, setDeleting] = useState<AdminServerFieldsFragment>();
  const [endSessions, setEndSessions] = useState(false);

  const all = [...(p.servers ?? [])].sort((a, b) => a.hostname.localeCompare(b.hostname));
  const shown = filter === "ALL" ? all : all.filter((s) => s.status === filter);
  const count = (f: ServerStatus | "ALL") => (f === "ALL" ? all.length : all.filter((s) => s.status === f).length);
  // The dialog shows the live server, not the one captured when it opened.
  const deletingNow = deleting && (all.find((s) => s.id === deleting.id) ?? deleting);

  return (
    <div className="adm-page" data-testid="admin-page-servers">
      <PageHeader
        title="Servers"
        lead="Docker hosts running the Berth agent. Sessions are placed on online servers with room to spare."
        actions={
          <Link to={adminPath("zones")} className="button button--secondary" data-testid="servers-enroll">
            <AdminIcon name="plus" /> Add a server
          </Link>
        }
      />

      {!p.servers && <LoadState loading={p.loading} error={p.error} what="servers" onRetry={p.onRetry} />}

      {p.servers && all.length === 0 && (
        <EmptyState
          icon="server"
          title="No servers yet"
          testId="servers-empty"
          actions={
            <Link to={adminPath("zones")} className="button button--primary">
              <AdminIcon name="key" /> Create an enrollment token
            </Link>
          }
        >
          A server joins when its agent enrolls with a zone's token. Create a token under Zones, then run the
          one-line command it shows on the Docker host.
        </EmptyState>
      )}

      {all.length > 0 && (
        <>
          <div className="adm-toolbar">
            <div className="filters" role="group" aria-label="Show servers">
              {FILTERS.filter((f) => f === "ALL" || count(f) > 0).map((f) => (
                <button key={f} type="button" className="filter" aria-pressed={filter === f} onClick={() => setFilter(f)} data-testid={`servers-filter-${f.toLowerCase()}`}>
                  {FILTER_LABEL[f]} <span className="adm-filter-count">{count(f)}</span>
                </button>
              ))}
            </div>
            <span className="adm-toolbar__note">Live: updates as agents check in</span>
          </div>
          {shown.length === 0 ? (
            <p className="adm-none">No {FILTER_LABEL[filter].toLowerCase()} servers.</p>
          ) : (
            <ul className="adm-server-list">
              {shown.map((s) => (
                <ServerCard
                  key={s.id}
                  server={s}
                  now={p.now}
                  busy={p.busyId === s.id}
                  onSetEnabled={(v) => p.onSetEnabled(s, v)}
                  onSetDraining={(v) => p.onSetDraining(s, v)}
                  onEdit={() => setEditing(s)}
                  onDelete={() => {
                    setEndSessions(false);
                    setDeleting(s);
                  }}
                />
              ))}
            </ul>
          )}
        </>
      )}

      <CapacityDialog
        server={editing && (all.find((s) => s.id === editing.id) ?? editing)}
        zones={p.zones}
        onClose={() => setEditing(undefined)}
        onSave={async (form) => {
          await p.onSaveCapacity(editing!, form);
          setEditing(undefined);
        }}
      />

      <ConfirmAction
        open={deletingNow !== undefined}
        title={`Delete ${deletingNow?.hostname ?? "server"}?`}
        confirmLabel="Delete server"
        busyLabel="Deleting…"
        onConfirm={() => p.onDelete(deletingNow!, endSessions)}
        onClose={() => setDeleting(undefined)}
        testId="server-delete-confirm"
      >
        <p>Its agent's credential stops working at once. To bring the host back, enrol it again with a token.</p>
        {deletingNow && deletingNow.sessionCount > 0 && (
          <>
            <p className="adm-warn-text">It still runs {plural(deletingNow.sessionCount, "session")}: a server cannot be deleted while its sessions run.</p>
            <label className="adm-check">
              <input type="checkbox" checked={endSessions} onChange={(e) => setEndSessions(e.target.checked)} data-testid="server-delete-end-sessions" />
              Also end its {plural(deletingNow.sessionCount, "session")}
            </label>
          </>
        )}
      </ConfirmAction>
    </div>
  );
}
