import { useEffect, useState } from "react";
import type { AdminUserFieldsFragment, AdminZoneFieldsFragment, UpdateUserInput } from "../../../../generated/graphql";
import { Modal } from "../../components/Modal";
import { apiProblem } from "../../errors";
import { editUserForm, updateUserInput, type EditUserForm } from "../userForm";
import { RoleChoice } from "./RoleChoice";

type Props = {
  user?: AdminUserFieldsFragment;
  isMe: boolean;
  zones: AdminZoneFieldsFragment[];
  onClose: () => void;
  onSave: (input: UpdateUserInput) => Promise<void>;
};

export function EditUserDialog({ user, isMe, zones, onClose, onSave }: Props) {
  const [form, setForm] = useState<EditUserForm>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const userId = user?.id;

  useEffect(() => {
    setForm(user ? editUserForm(user) : undefined);
    setProblem(undefined);
    // Only when another user is opened, so a refetch does not undo what is being edited.
  }, [userId]);

  const submit = async () => {
    if (!user || !form) return;
    const input = updateUserInput(user, form);
    if (Object.keys(input).length === 0) return onClose();
    setBusy(true);
    setProblem(undefined);
    try {
      await onSave(input);
    } catch (e) {
      setProblem(apiProblem(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={user !== undefined}
      title={`Edit ${user?.username ?? ""}`}
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      testId="user-edit-form"
      footer={
        <>
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="user-edit-save">
            {busy ? "Saving…" : "Save"}
          </button>
        </>
      }
    >
      {form && (
        <div className="adm-form">
          <RoleChoice value={form.role} onChange={(role) => setForm({ ...form, role })} disabled={isMe} />
          {isMe && <span className="adm-hint">You cannot remove your own administrator role; another administrator can.</span>}
          <label className="field">
            <span className="field__label">Zone</span>
            <select className="input" value={form.zoneId} onChange={(e) => setForm({ ...form, zoneId: e.target.value })} data-testid="user-edit-zone">
              <option value="">The default zone</option>
              {zones.map((z) => (
                <option key={z.id} value={z.id}>
                  {z.name}
                </option>
              ))}
            </select>
          </label>
          <label className="toggle">
            <input type="checkbox" checked={form.disabled} disabled={isMe} onChange={(e) => setForm({ ...form, disabled: e.target.checked })} data-testid="user-edit-disabled" />
            <span className="toggle__track" aria-hidden="true" />
            Disabled: cannot sign in
          </label>
          <span className="adm-hint">
            {isMe ? "You cannot disable yourself." : "Disabling signs them out everywhere at once."}
          </span>
          {problem && (
            <p className="adm-form-error" role="alert" data-testid="user-edit-error">
              {problem}
            </p>
          )}
        </div>
      )}
    </Modal>
  );
}
