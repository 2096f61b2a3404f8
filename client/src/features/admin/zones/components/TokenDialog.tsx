import { useEffect, useState } from "react";
import type { AdminZoneFieldsFragment } from "../../../../generated/graphql";
import { CopyButton } from "../../components/CopyButton";
import { Modal } from "../../components/Modal";
import { OneTimeSecret } from "../../components/Secret";
import { apiProblem } from "../../errors";
import { agentCommand } from "../strategy";

type Props = { zone?: AdminZoneFieldsFragment; origin: string; onClose: () => void; onCreate: (zone: AdminZoneFieldsFragment, name: string) => Promise<string> };

/** Names a new enrollment token, then shows it once with the command to run on the new host. */
export function TokenDialog({ zone, origin, onClose, onCreate }: Props) {
  const [name, setName] = useState("");
  const [token, setToken] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    setName("");
    setToken(undefined);
    setProblem(undefined);
  }, [zone?.id]);

  const create = async () => {
    if (!zone) return;
    setBusy(true);
    setProblem(undefined);
    try {
      setToken(await onCreate(zone, name.trim()));
    } catch (e) {
      setProblem(apiProblem(e).message);
    } finally {
      setBusy(false);
    }
  };

  // The form gives way to the token: move the focus to its copy button, not into the void.
  useEffect(() => {
    if (token) document.querySelector<HTMLElement>("[data-testid='token-value-copy']")?.focus();
  }, [token]);

  const command = token ? agentCommand(origin, token) : "";

  return (
    <Modal
      open={zone !== undefined}
      title={token ? "Enrollment token created" : `New enrollment token for ${zone?.name ?? ""}`}
      description={token ? undefined : "A server that enrolls with this token joins the zone. You can revoke it at any time; servers already enrolled keep working."}
      onClose={onClose}
      onSubmit={token ? undefined : () => void create()}
      busy={busy}
      testId="token-dialog"
      footer={
        token ? (
          <button type="button" className="button button--primary" onClick={onClose} data-testid="token-done">
            Done
          </button>
        ) : (
          <>
            <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={busy} data-testid="token-create-submit">
              {busy ? "Creating…" : "Create token"}
            </button>
          </>
        )
      }
    >
      {token ? (
        <div className="adm-form">
          <OneTimeSecret value={token} label="Token" testId="token-value" />
          <div className="adm-command">
            <span className="field__label">Run this on the new Docker host, from a clone of Berth, as root:</span>
            <pre className="adm-command__code" data-testid="token-command">{command}</pre>
            <div>
              <CopyButton text={command} label="Copy command" testId="token-command-copy" />
            </div>
          </div>
        </div>
      ) : (
        <div className="adm-form">
          <label className="field">
            <span className="field__label">Name (optional)</span>
            <input className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. rack 3 hosts" data-autofocus data-testid="token-name" />
            <span className="adm-hint">Helps you tell tokens apart later; only the token's first characters are ever shown again.</span>
          </label>
          {problem && <p className="adm-form-error" role="alert">{problem}</p>}
        </div>
      )}
    </Modal>
  );
}
