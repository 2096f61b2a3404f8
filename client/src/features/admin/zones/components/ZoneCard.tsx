import { useState } from "react";
import type { AdminEnrollmentTokenFieldsFragment, AdminZoneFieldsFragment, PlacementStrategy, UpdateZoneInput } from "../../../../generated/graphql";
import { AdminIcon } from "../../components/AdminIcon";
import { plural } from "../../format";
import { STRATEGIES, strategyExplain, strategyLabel } from "../strategy";
import { TokenList } from "./TokenList";
import type { ZoneUsage } from "../ZonesPageView";

type Props = {
  zone: AdminZoneFieldsFragment;
  isDefault: boolean;
  usage?: ZoneUsage;
  tokens: AdminEnrollmentTokenFieldsFragment[];
  onUpdate: (input: UpdateZoneInput, done: string) => Promise<unknown>;
  onRename: () => void;
  onDelete: () => void;
  onNewToken: () => void;
  onRevokeToken: (t: AdminEnrollmentTokenFieldsFragment) => void;
};

export function ZoneCard({ zone: z, isDefault, usage, tokens, onUpdate, onRename, onDelete, onNewToken, onRevokeToken }: Props) {
  const [saving, setSaving] = useState(false);
  const save = async (input: UpdateZoneInput, done: string) => {
    setSaving(true);
    try {
      await onUpdate(input, done);
    } catch {
      // The toast says why; the control shows the stored value again.
    } finally {
      setSaving(false);
    }
  };
  const strategyId = `zone-${z.id}-strategy`;

  return (
    <li className="adm-card adm-zone" data-testid="zone-row" data-name={z.name}>
      <div className="adm-zone__head">
        <div className="adm-zone__title">
          <h2 className="adm-zone__name">{z.name}</h2>
          {isDefault && <span className="chip chip--accent" title="Users without a zone launch here">Default</span>}
          {usage && (
            <span className="adm-zone__usage">
              {plural(usage.servers, "server")} · {plural(usage.users, "user")}
            </span>
          )}
        </div>
        <div className="adm-zone__actions">
          <button type="button" className="button button--secondary button--sm" onClick={onRename} data-testid="zone-rename">
            <AdminIcon name="edit" /> Rename
          </button>
          <button type="button" className="button button--danger-ghost button--sm" onClick={onDelete} data-testid="zone-delete" aria-label={`Delete zone ${z.name}`}>
            <AdminIcon name="trash" />
            <span className="adm-hide-narrow">Delete</span>
          </button>
        </div>
      </div>

      <div className="adm-zone__settings">
        <div className="field">
          <label className="field__label" htmlFor={strategyId}>Placement</label>
          <select
            id={strategyId}
            className="input adm-select-inline"
            value={z.strategy}
            disabled={saving}
            onChange={(e) => {
              const v = e.target.value as PlacementStrategy;
              void save({ strategy: v }, `'${z.name}' now places by ${strategyLabel(v).toLowerCase()}`);
            }}
            data-testid="zone-strategy"
          >
            {STRATEGIES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
          <span className="adm-hint">{strategyExplain(z.strategy)}</span>
        </div>
        <div className="field">
          <span className="field__label">When full</span>
          <label className="toggle">
            <input
              type="checkbox"
              checked={z.searchAlternateZones}
              disabled={saving}
              onChange={(e) =>
                void save(
                  { searchAlternateZones: e.target.checked },
                  e.target.checked ? `'${z.name}' overflows into other zones when full` : `'${z.name}' keeps its sessions inside the zone`,
                )
              }
              data-testid="zone-alternate"
            />
            <span className="toggle__track" aria-hidden="true" />
            Use other zones
          </label>
          <span className="adm-hint">
            {z.searchAlternateZones ? "Sessions go to another zone when no server here has room." : "Launches are refused when no server here has room."}
          </span>
        </div>
      </div>

      <TokenList tokens={tokens} zoneName={z.name} onNew={onNewToken} onRevoke={onRevokeToken} />
    </li>
  );
}
