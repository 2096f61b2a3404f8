import { useEffect, useId, useRef, type FormEvent, type ReactNode } from "react";
import { AdminIcon } from "./AdminIcon";

type Props = {
  open: boolean;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Buttons at the bottom; a submit button submits the form. */
  footer?: ReactNode;
  onClose: () => void;
  /** Makes the body a form: Enter submits, the footer's submit button too. */
  onSubmit?: () => void;
  /** While true, Escape and the backdrop do not close it. */
  busy?: boolean;
  variant?: "dialog" | "drawer";
  testId?: string;
};

/**
 * A modal (native <dialog>: focus stays inside, Escape closes). The drawer variant slides in
 * from the right and suits long forms; the dialog suits short questions.
 */
export function Modal({ open, title, description, children, footer, onClose, onSubmit, busy, variant = "dialog", testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      // The marked control, else the first field: not the close button the browser would pick.
      const first =
        d.querySelector<HTMLElement>("[data-autofocus]") ??
        d.querySelector<HTMLElement>(".adm-modal__body :is(input:not([type=hidden]), select, textarea):not(:disabled)");
      first?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onSubmit?.();
  };

  const body = (
    <>
      <div className="adm-modal__body">{children}</div>
      {footer && <div className="adm-modal__footer">{footer}</div>}
    </>
  );

  return (
    <dialog
      ref={ref}
      className={`adm-modal adm-modal--${variant}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
      onClick={(e) => {
        // A stray click beside a long form must not throw away what was typed: only dialogs close.
        if (e.target === e.currentTarget && !busy && variant === "dialog") onClose();
      }}
    >
      {open && (
        <div className="adm-modal__box">
          <header className="adm-modal__head">
            <div>
              <h2 id={titleId} className="adm-modal__title">{title}</h2>
              {description && <div className="adm-modal__desc">{description}</div>}
            </div>
            <button type="button" className="icon-button" onClick={onClose} disabled={busy} aria-label="Close">
              <AdminIcon name="close" />
            </button>
          </header>
          {onSubmit ? (
            <form className="adm-modal__form" onSubmit={submit} noValidate>
              {body}
            </form>
          ) : (
            body
          )}
        </div>
      )}
    </dialog>
  );
}
