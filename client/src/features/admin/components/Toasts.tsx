import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Icon } from "../../../components/Icon";

type Toast = { id: number; tone: "ok" | "error"; message: string };
type Api = { success: (message: string) => void; error: (message: string) => void };

const ToastContext = createContext<Api>({ success: () => {}, error: () => {} });

/** Short confirmations after an action ("Zone 'eu' created"), announced politely. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const push = useCallback(
    (tone: Toast["tone"], message: string) => {
      const id = next.current++;
      setToasts((ts) => [...ts.slice(-3), { id, tone, message }]);
      setTimeout(() => dismiss(id), tone === "error" ? 8000 : 4000);
    },
    [dismiss],
  );
  const region = useRef<HTMLDivElement>(null);
  // Re-showing the popover puts it on top of any dialog opened since.
  useEffect(() => {
    const el = region.current;
    if (!el || typeof el.showPopover !== "function") return;
    if (el.matches(":popover-open")) el.hidePopover();
    if (toasts.length) el.showPopover();
  }, [toasts]);
  const api = useMemo<Api>(() => ({ success: (m) => push("ok", m), error: (m) => push("error", m) }), [push]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      {/* Always present, so screen readers announce each new message. */}
      <div className="sr-only" role="status" aria-live="polite">
        {toasts.at(-1)?.message}
      </div>
      <div ref={region} className="adm-toasts" popover="manual">
        {toasts.map((t) => (
          <div key={t.id} className={`adm-toast adm-toast--${t.tone}`} data-testid={`toast-${t.tone}`}>
            <Icon name={t.tone === "ok" ? "check" : "alert"} />
            <span className="adm-toast__text">{t.message}</span>
            <button type="button" className="icon-button adm-toast__close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
              <Icon name="close" />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
