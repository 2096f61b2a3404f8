import { useEffect, useState } from "react";
import type { AdminZoneFieldsFragment, PlacementStrategy } from "../../../../generated/graphql";
import { Modal } from "../../components/Modal";
import { apiProblem } from "../../errors";
import { STRATEGIES } from "../strategy";

type Input = { name: string; strategy: PlacementStrategy; searchAlternateZones: boolean };
type Props = { open: boolean; zone?: AdminZoneFieldsFragment; onClose: () => void; onSave: (input: Input) => Promise<void> };

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9 _.-]*$/;

/** Create a zone, or rename one and change how it places sessions. */
export function ZoneFormDialog({ open, zone, onClose, onSave }: Props) {
  const [input, setInput] = useState<Input>({ name: "", strategy: "LEAST_LOAD", searchAlternateZones: false });
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setInput(zone ? { name: zone.name, strategy: zone.strategy, searchAlternateZones: zone.searchAlternateZones } : { name: "", strategy: "LEAST_LOAD", searchAlternateZones: false });
    setProblem(undefined);
  }, [open, zone]);

  const submit = async () => {
    const name = input.name.trim();
    if (!name) return setProblem("Give the zone a name, such as 'eu-west' or 'office'.");
    if (!NAME.test(name) || name.length > 64) return setProblem("A zone name is up to 64 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit.");
    setBusy(true);
    setProblem(undefined);
    try {
      await onSave({ ...input, name });
    } catch (e) {
      setProblem(apiProblem(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={zone ? `Edit zone ${zone.name}` : "New zone"}
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      testId="zone-form"
      footer={
        <>
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="zone-form-save">
            {busy ? "Saving…" : zone ? "Save" : "Create zone"}
          </button>
        </>
      }
    >
      <div className="adm-form">
        <label className="field">
          <span className="field__label">Name</span>
          <input
            className="input"
            value={input.name}
            onChange={(e) => setInput({ ...input, name: e.target.value })}
            data-autofocus
            maxLength={64}
            placeholder="eu-west"
            aria-invalid={!!problem}
            data-testid="zone-form-name"
          />
        </label>
        <fieldset className="adm-fieldset">
          <legend className="field__label">Placement</legend>
          <div className="adm-choices">
            {STRATEGIES.map((s) => (
              <label key={s.value} className="adm-choice">
                <input
                  type="radio"
                  name="strategy"
                  value={s.value}
                  checked={input.strategy === s.value}
                  onChange={() => setInput({ ...input, strategy: s.value })}
                  data-testid={`zone-form-strategy-${s.value}`}
                />
                <span className="adm-choice__body">
                  <span className="adm-choice__label">{s.label}</span>
                  <span className="adm-choice__text">{s.explain}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="toggle">
          <input
            type="checkbox"
            checked={input.searchAlternateZones}
            onChange={(e) => setInput({ ...input, searchAlternateZones: e.target.checked })}
            data-testid="zone-form-alternate"
          />
          <span className="toggle__track" aria-hidden="true" />
          When this zone is full, place sessions in other zones
        </label>
        {problem && (
          <p className="adm-form-error" role="alert" data-testid="zone-form-error">
            {problem}
          </p>
        )}
      </div>
    </Modal>
  );
}
