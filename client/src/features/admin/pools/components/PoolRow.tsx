import { useState, type FormEvent } from "react";
import type { AdminWarmPoolFieldsFragment } from "../../../../generated/graphql";
import { AdminIcon } from "../../components/AdminIcon";
import { fraction } from "../../format";
import { MAX_POOL_SIZE, barTone, parseSize, poolState } from "../pools";

type Props = {
  pool: AdminWarmPoolFieldsFragment;
  /** The image's name people see, when the image list knows it. */
  friendlyName?: string;
  /** Rejects when the API refused (a toast has said why). */
  onResize: (size: number) => Promise<void>;
  /** Asks before ending the pool's sessions. */
  onRemove: () => void;
};

/** One pool: its image and zone, ready sessions as a bar, those starting, and its size, editable in place. */
export function PoolRow({ pool: p, friendlyName, onResize, onRemove }: Props) {
  const state = poolState(p);
  const ending = p.size === 0;
  const name = friendlyName ?? p.imageName;
  return (
    <tr data-testid="pool-row" data-image={p.imageName} data-zone={p.zoneName} data-state={state.text.toLowerCase()} className={ending ? "adm-row--muted" : undefined}>
      <td>
        <div className="adm-pool__name">
          <span className="adm-cell-main">
            {name} {friendlyName && <span className="adm-cell-sub adm-mono">{p.imageName}</span>}
          </span>
          <span className="adm-cell-sub">in zone {p.zoneName}</span>
        </div>
      </td>
      <td data-label="Ready" data-testid="pool-ready" data-value={p.ready} className="adm-pool__ready">
        <div className="adm-pool__bar">
          <div className="adm-pool__bar-head">
            <span className={`status status--${state.tone}`}>
              <span className="status__dot" aria-hidden="true" />
              {state.text}
            </span>
            <span className="adm-pool__count">{ending ? `${p.ready} left` : `${p.ready} of ${p.size}`}</span>
          </div>
          {!ending && (
            <div
              className={`adm-meter__track adm-meter__track--${barTone(p)}`}
              role="meter"
              aria-label={`Ready sessions of ${name} in ${p.zoneName}`}
              aria-valuemin={0}
              aria-valuemax={p.size}
              aria-valuenow={Math.min(p.ready, p.size)}
              aria-valuetext={`${p.ready} of ${p.size} ready`}
            >
              <div className="adm-meter__fill" style={{ width: `${fraction(p.ready, p.size) * 100}%` }} />
            </div>
          )}
          {p.message && !ending && (
            <p className="adm-pool__msg" role="status" data-testid="pool-message">
              <AdminIcon name="alert" /> <span>{p.message}</span>
            </p>
          )}
        </div>
      </td>
      <td data-label="Starting" data-testid="pool-starting" data-value={p.starting} className="adm-num">
        {p.starting > 0 ? (
          <span className="status status--progress">
            <span className="status__dot" aria-hidden="true" />
            {p.starting}
          </span>
        ) : (
          <span className="muted">0</span>
        )}
      </td>
      <td data-label="Size" data-testid="pool-size" data-value={p.size}>
        {ending ? <span className="muted">Off</span> : <SizeEditor key={p.size} size={p.size} label={`Size of the pool of ${name} in ${p.zoneName}`} onSave={onResize} onRemove={onRemove} />}
      </td>
      <td className="adm-cell-actions">
        {!ending && (
          <button type="button" className="button button--ghost button--sm adm-danger-text" onClick={onRemove} data-testid="pool-remove" aria-label={`Remove the pool of ${name} in ${p.zoneName}`}>
            <AdminIcon name="trash" /> <span className="adm-hide-narrow">Remove</span>
          </button>
        )}
      </td>
    </tr>
  );
}

/** The size as a number field with Save (enabled once changed); 0 asks to remove the pool instead. Remounted when the size changes elsewhere. */
function SizeEditor({ size, label, onSave, onRemove }: { size: number; label: string; onSave: (size: number) => Promise<void>; onRemove: () => void }) {
  const [draft, setDraft] = useState(String(size));
  const [busy, setBusy] = useState(false);
  const parsed = parseSize(draft);
  const changed = "size" in parsed && parsed.size !== size;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!("size" in parsed) || !changed) return;
    if (parsed.size === 0) return onRemove();
    setBusy(true);
    try {
      await onSave(parsed.size);
    } catch {
      setDraft(String(size));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="adm-pool__size" onSubmit={(e) => void submit(e)}>
      <input
        className="input"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_POOL_SIZE}
        step={1}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        aria-label={label}
        aria-invalid={"problem" in parsed ? true : undefined}
        title={"problem" in parsed ? parsed.problem : undefined}
        data-testid="pool-size-input"
      />
      <button type="submit" className="button button--secondary button--sm" disabled={busy || !changed} data-testid="pool-size-save">
        {busy ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
