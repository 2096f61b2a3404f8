import { useEffect, useState } from "react";
import type { AdminServerFieldsFragment, AdminZoneFieldsFragment } from "../../../../generated/graphql";
import { Modal } from "../../components/Modal";
import { coreCount, mb, num } from "../../format";
import { capacityForm, capacityProblems, type CapacityForm } from "../capacity";

type Props = {
  server?: AdminServerFieldsFragment;
  zones: AdminZoneFieldsFragment[];
  onClose: () => void;
  /** Rejects when the API refused (the page's toast says why). */
  onSave: (form: CapacityForm) => Promise<void>;
};

/** Overrides of what the host reports (to keep room for other work), its zone, image pruning. */
export function CapacityDialog({ server, zones, onClose, onSave }: Props) {
  const [form, setForm] = useState<CapacityForm>();
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const serverId = server?.id;

  useEffect(() => {
    if (server) setForm(capacityForm(server));
    setTried(false);
    // Only when a different server is opened: live updates must not overwrite what is typed.
  }, [serverId]);

  const problems = form ? capacityProblems(form) : {};
  const submit = async () => {
    setTried(true);
    if (!form || Object.keys(problems).length) return;
    setBusy(true);
    try {
      await onSave(form);
    } catch {
      // Stays open; the toast explains.
    } finally {
      setBusy(false);
    }
  };
  const set = (patch: Partial<CapacityForm>) => setForm((f) => (f ? { ...f, ...patch } : f));

  return (
    <Modal
      open={server !== undefined}
      title={server ? `Capacity of ${server.hostname}` : "Capacity"}
      description="Placement uses these limits instead of what the host reports. Leave a field empty to use the host's own figure."
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      testId="server-capacity-dialog"
      footer={
        <>
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          {form && (form.cores || form.memoryGb) && (
            <button type="button" className="button button--secondary" onClick={() => set({ cores: "", memoryGb: "" })} disabled={busy} data-testid="server-capacity-clear">
              Clear overrides
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={busy} data-testid="server-capacity-save">
            {busy ? "Saving…" : "Save"}
          </button>
        </>
      }
    >
      {server && form && (
        <div className="adm-form">
          <div className="adm-form__row">
            <label className="field">
              <span className="field__label">Cores override</span>
              <input
                className="input"
                inputMode="decimal"
                value={form.cores}
                placeholder={`${num(server.cores)} (host)`}
                onChange={(e) => set({ cores: e.target.value })}
                aria-invalid={tried && !!problems.cores}
                data-testid="server-cores-override"
              />
              <span className={tried && problems.cores ? "adm-field-error" : "adm-hint"}>
                {tried && problems.cores ? problems.cores : `The host reports ${coreCount(server.cores)}.`}
              </span>
            </label>
            <label className="field">
              <span className="field__label">Memory override (GB)</span>
              <input
                className="input"
                inputMode="decimal"
                value={form.memoryGb}
                placeholder={`${+(server.memoryMb / 1024).toFixed(1)} (host)`}
                onChange={(e) => set({ memoryGb: e.target.value })}
                aria-invalid={tried && !!problems.memoryGb}
                data-testid="server-memory-override"
              />
              <span className={tried && problems.memoryGb ? "adm-field-error" : "adm-hint"}>
                {tried && problems.memoryGb ? problems.memoryGb : `The host reports ${mb(server.memoryMb)}.`}
              </span>
            </label>
          </div>
          <label className="field">
            <span className="field__label">Zone</span>
            <select className="input" value={form.zoneId} onChange={(e) => set({ zoneId: e.target.value })} data-testid="server-zone">
              {zones.length === 0 && <option value={form.zoneId}>{server.zoneName}</option>}
              {zones.map((z) => (
                <option key={z.id} value={z.id}>
                  {z.name}
                </option>
              ))}
            </select>
            <span className="adm-hint">Sessions already running stay where they are.</span>
          </label>
          <label className="toggle">
            <input type="checkbox" checked={form.pruneImages} onChange={(e) => set({ pruneImages: e.target.checked })} data-testid="server-prune" />
            <span className="toggle__track" aria-hidden="true" />
            Remove images that are no longer in the catalogue
          </label>
        </div>
      )}
    </Modal>
  );
}
