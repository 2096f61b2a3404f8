import { useEffect, useState } from "react";
import type { AdminZoneFieldsFragment, CreateUserInput } from "../../../../generated/graphql";
import { Modal } from "../../components/Modal";
import { apiProblem } from "../../errors";
import { createUserInput, newUserProblems, type NewUserForm } from "../userForm";
import { RoleChoice } from "./RoleChoice";

type Props = { open: boolean; zones: AdminZoneFieldsFragment[]; onClose: () => void; onCreate: (input: CreateUserInput) => Promise<void> };

const EMPTY: NewUserForm = { username: "", password: "", role: "USER", zoneId: "" };

export function NewUserDialog({ open, zones, onClose, onCreate }: Props) {
  const [form, setForm] = useState<NewUserForm>(EMPTY);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (!open) return;
    setForm(EMPTY);
    setTried(false);
    setProblem(undefined);
  }, [open]);

  const problems = newUserProblems(form);
  const submit = async () => {
    setTried(true);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await onCreate(createUserInput(form));
    } catch (e) {
      setProblem(apiProblem(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="New user"
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      testId="user-form"
      footer={
        <>
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="user-form-save">
            {busy ? "Creating…" : "Create user"}
          </button>
        </>
      }
    >
      <div className="adm-form">
        <label className="field">
          <span className="field__label">Username</span>
          <input
            className="input"
            value={form.username}
            onChange={(e) => setForm({ ...form, username: e.target.value })}
            data-autofocus
            autoComplete="off"
            aria-invalid={tried && !!problems.username}
            data-testid="user-form-username"
          />
          {tried && problems.username && <span className="adm-field-error">{problems.username}</span>}
        </label>
        <label className="field">
          <span className="field__label">Password (optional)</span>
          <input
            className="input"
            type="password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
            autoComplete="new-password"
            aria-invalid={tried && !!problems.password}
            data-testid="user-form-password"
          />
          {tried && problems.password ? (
            <span className="adm-field-error">{problems.password}</span>
          ) : (
            <span className="adm-hint">Leave empty and Berth generates a strong one. Either way it is shown once, after creating.</span>
          )}
        </label>
        <RoleChoice value={form.role} onChange={(role) => setForm({ ...form, role })} />
        <label className="field">
          <span className="field__label">Zone</span>
          <select className="input" value={form.zoneId} onChange={(e) => setForm({ ...form, zoneId: e.target.value })} data-testid="user-form-zone">
            <option value="">The default zone</option>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
          </select>
          <span className="adm-hint">Their sessions are placed in this zone.</span>
        </label>
        {problem && (
          <p className="adm-form-error" role="alert" data-testid="user-form-error">
            {problem}
          </p>
        )}
      </div>
    </Modal>
  );
}
