import { useEffect, useState, type ReactNode } from "react";
import { errorMessage } from "../../../errors";
import { Modal } from "./Modal";

type Props = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel?: string;
  tone?: "danger" | "primary";
  /** Rejects when the API refused: its words are shown in the dialog, which stays open. */
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  testId: string;
};

/**
 * A question before an action that cannot be undone. Cancel has the focus; when the API
 * refuses (a zone in use, a user with live sessions), its message appears right here.
 */
export function ConfirmAction({ open, title, children, confirmLabel, busyLabel = "Working…", tone = "danger", onConfirm, onClose, testId }: Props) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  useEffect(() => {
    if (open) setRefusal(undefined);
  }, [open]);

  const confirm = async () => {
    setBusy(true);
    setRefusal(undefined);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setRefusal(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onClose={onClose}
      busy={busy}
      testId={`${testId}-dialog`}
      footer={
        <>
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy} data-autofocus>
            Cancel
          </button>
          <button type="button" className={`button button--${tone}`} onClick={() => void confirm()} disabled={busy} data-testid={testId}>
            {busy ? busyLabel : confirmLabel}
          </button>
        </>
      }
    >
      <div className="adm-confirm">
        {children}
        {refusal && (
          <p className="adm-form-error" role="alert" data-testid={`${testId}-error`}>
            {refusal}
          </p>
        )}
      </div>
    </Modal>
  );
}
