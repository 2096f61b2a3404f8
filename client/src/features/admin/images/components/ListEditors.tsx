import { AdminIcon } from "../../components/AdminIcon";
import type { EnvRow, VolumeRow } from "../imageForm";

/** NAME = value rows; an empty list says so and offers the first row. */
export function EnvEditor({ rows, onChange }: { rows: EnvRow[]; onChange: (rows: EnvRow[]) => void }) {
  const put = (i: number, patch: Partial<EnvRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="adm-rows" data-testid="image-env">
      {rows.map((r, i) => (
        <div key={i} className="adm-rows__row adm-rows__row--env" data-testid="image-env-row">
          <input className="input adm-mono" value={r.name} placeholder="NAME" aria-label={`Variable ${i + 1} name`} onChange={(e) => put(i, { name: e.target.value })} />
          <span className="adm-rows__eq" aria-hidden="true">=</span>
          <input className="input adm-mono" value={r.value} placeholder="value" aria-label={`Variable ${i + 1} value`} onChange={(e) => put(i, { value: e.target.value })} />
          <button type="button" className="icon-button" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove variable ${r.name || i + 1}`}>
            <AdminIcon name="trash" />
          </button>
        </div>
      ))}
      <button type="button" className="button button--secondary button--sm adm-rows__add" onClick={() => onChange([...rows, { name: "", value: "" }])} data-testid="image-env-add">
        <AdminIcon name="plus" /> Add variable
      </button>
    </div>
  );
}

/** Host path → container path rows, each read-only or not. */
export function VolumeEditor({ rows, onChange }: { rows: VolumeRow[]; onChange: (rows: VolumeRow[]) => void }) {
  const put = (i: number, patch: Partial<VolumeRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="adm-rows" data-testid="image-volumes">
      {rows.map((r, i) => (
        <div key={i} className="adm-rows__row adm-rows__row--vol" data-testid="image-volume-row">
          <input className="input adm-mono" value={r.hostPath} placeholder="/srv/berth/home/{username}" aria-label={`Volume ${i + 1} host path`} onChange={(e) => put(i, { hostPath: e.target.value })} />
          <span className="adm-rows__eq" aria-hidden="true">→</span>
          <input className="input adm-mono" value={r.containerPath} placeholder="/home/user" aria-label={`Volume ${i + 1} container path`} onChange={(e) => put(i, { containerPath: e.target.value })} />
          <label className="adm-check adm-rows__ro">
            <input type="checkbox" checked={r.readOnly} onChange={(e) => put(i, { readOnly: e.target.checked })} />
            Read-only
          </label>
          <button type="button" className="icon-button" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove volume ${i + 1}`}>
            <AdminIcon name="trash" />
          </button>
        </div>
      ))}
      <button type="button" className="button button--secondary button--sm adm-rows__add" onClick={() => onChange([...rows, { hostPath: "", containerPath: "", readOnly: false }])} data-testid="image-volume-add">
        <AdminIcon name="plus" /> Add volume
      </button>
    </div>
  );
}
