import type { AdminServerFieldsFragment } from "../../../../generated/graphql";
import { Link } from "../../../../router";
import { AdminIcon } from "../../components/AdminIcon";
import { ResourceBar } from "../../components/ResourceBar";
import { ServerStatusBadge } from "../../components/ServerStatusBadge";
import { ago, mb, num, percent, plural } from "../../format";
import { adminPath } from "../../routes";

type Props = {
  server: AdminServerFieldsFragment;
  now: number;
  busy: boolean;
  onSetEnabled: (enabled: boolean) => void;
  onSetDraining: (draining: boolean) => void;
  onEdit: () => void;
  onDelete: () => void;
};

export function ServerCard({ server: s, now, busy, onSetEnabled, onSetDraining, onEdit, onDelete }: Props) {
  const overrides = [
    s.coresOverride != null && `cores limited to ${num(s.coresOverride)} (host has ${num(s.cores)})`,
    s.memoryMbOverride != null && `memory limited to ${mb(s.memoryMbOverride)} (host has ${mb(s.memoryMb)})`,
  ].filter(Boolean);

  return (
    <li className={`adm-server adm-server--${s.status.toLowerCase()}`} data-testid="server-row" data-hostname={s.hostname} data-status={s.status} aria-busy={busy}>
      <div className="adm-server__head">
        <div className="adm-server__title">
          <span className="adm-server__icon"><AdminIcon name="servers" /></span>
          <div className="adm-server__name-block">
            <div className="adm-server__name-line">
              <h2 className="adm-server__name">{s.hostname}</h2>
              <ServerStatusBadge status={s.status} />
              <span className="chip" title="Zone">{s.zoneName}</span>
            </div>
            <div className="adm-server__facts">
              <span title={s.lastCheckInAt ?? undefined} data-testid="server-checkin">
                Checked in {ago(s.lastCheckInAt, now)}
              </span>
              <span>Agent {s.agentVersion || "?"}</span>
              <span>Docker {s.dockerVersion || "?"}</span>
              <span title="Address session ports are published on">{s.publishHost}</span>
            </div>
          </div>
        </div>
        <div className="adm-server__actions">
          {s.enabled ? (
            <button type="button" className="button button--secondary button--sm" onClick={() => onSetEnabled(false)} disabled={busy} data-testid="server-disable">
              <AdminIcon name="power" /> Disable
            </button>
          ) : (
            <button type="button" className="button button--primary button--sm" onClick={() => onSetEnabled(true)} disabled={busy} data-testid="server-enable">
              <AdminIcon name="power" /> Enable
            </button>
          )}
          {s.draining ? (
            <button type="button" className="button button--secondary button--sm" onClick={() => onSetDraining(false)} disabled={busy} data-testid="server-undrain">
              <AdminIcon name="play" /> Undrain
            </button>
          ) : (
            <button type="button" className="button button--secondary button--sm" onClick={() => onSetDraining(true)} disabled={busy} data-testid="server-drain" title="Keep its sessions but place no new ones here">
              <AdminIcon name="pause" /> Drain
            </button>
          )}
          <button type="button" className="button button--secondary button--sm" onClick={onEdit} disabled={busy} data-testid="server-edit">
            <AdminIcon name="sliders" /> Capacity
          </button>
          <button type="button" className="button button--danger-ghost button--sm" onClick={onDelete} disabled={busy} data-testid="server-delete" aria-label={`Delete ${s.hostname}`}>
            <AdminIcon name="trash" />
            <span className="adm-hide-narrow">Delete</span>
          </button>
        </div>
      </div>

      <div className="adm-server__meters">
        <ResourceBar
          label="Cores reserved"
          used={s.allocatedCores}
          total={s.effectiveCores}
          text={`${num(s.allocatedCores)} of ${num(s.effectiveCores)}`}
          testId="server-cores"
        />
        <ResourceBar
          label="Memory reserved"
          used={s.allocatedMemoryMb}
          total={s.effectiveMemoryMb}
          text={`${mb(s.allocatedMemoryMb)} of ${mb(s.effectiveMemoryMb)}`}
          testId="server-memory"
        />
        <ResourceBar label="CPU in use" used={s.cpuPercent} total={100} text={percent(s.cpuPercent)} testId="server-cpu" />
        <ResourceBar label="Memory in use" used={s.memoryUsedMb} total={s.memoryMb} text={`${mb(s.memoryUsedMb)} of ${mb(s.memoryMb)}`} testId="server-memory-used" />
      </div>

      <div className="adm-server__foot">
        <Link to={adminPath("sessions", { serverId: s.id })} className="adm-server__sessions" data-testid="server-sessions-link">
          <AdminIcon name="sessions" />
          {plural(s.sessionCount, "session")}
          <span className="adm-link-hint">View</span>
        </Link>
        {overrides.length > 0 && (
          <span className="adm-server__override" data-testid="server-overrides">
            <AdminIcon name="sliders" /> {overrides.join("; ")}
          </span>
        )}
        {s.gpus > 0 && <span className="chip">{plural(s.gpus, "GPU")}</span>}
      </div>
    </li>
  );
}
