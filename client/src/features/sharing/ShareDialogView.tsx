import { useEffect, useRef, useState } from "react";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Spinner";
import { age, useNow } from "../../format";
import type { ShareFieldsFragment, ShareMode } from "../../generated/graphql";
import "./sharing.css";

type Props = {
  open: boolean;
  sessionName: string;
  loading: boolean;
  loadError?: string;
  /** The active share; undefined while sharing is off. */
  share?: ShareFieldsFragment;
  link?: string;
  busy: boolean;
  /** The viewer being removed right now. */
  removing?: string;
  error?: string;
  onStart: (mode: ShareMode) => void;
  onChangeMode: (mode: ShareMode) => void;
  onStop: () => void;
  onRemove: (userId: string) => void;
  onClose: () => void;
};

const MODES: { mode: ShareMode; label: string; hint: string; testId: string }[] = [
  { mode: "VIEW", label: "View only", hint: "Guests watch; only you use keyboard and mouse.", testId: "share-mode-view" },
  { mode: "COLLABORATE", label: "Collaborate", hint: "Guests may use keyboard and mouse too.", testId: "share-mode-collaborate" },
];

export function ShareDialogView(p: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [chosen, setChosen] = useState<ShareMode>("VIEW");
  // While a change is on its way the choice shows at once; a refused change falls back to the share's mode.
  const mode = p.share && !p.busy ? p.share.mode : chosen;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (p.open && !d.open) d.showModal();
    if (!p.open && d.open) d.close();
  }, [p.open]);

  const pick = (m: ShareMode) => {
    setChosen(m);
    if (p.share && p.share.mode !== m) p.onChangeMode(m);
  };

  return (
    <dialog
      ref={ref}
      className="dialog share-dialog"
      aria-labelledby="share-title"
      data-testid="share-dialog"
      onCancel={(e) => {
        e.preventDefault();
        p.onClose();
      }}
      onClick={(e) => e.target === e.currentTarget && p.onClose()}
    >
      <div className="dialog__box">
        <div className="share-dialog__head">
          <h2 id="share-title" className="dialog__title">Share {p.sessionName}</h2>
          <button type="button" className="icon-button" onClick={p.onClose} aria-label="Close" data-testid="share-close">
            <Icon name="close" />
          </button>
        </div>
        {p.open && p.loading && <Loading label="Loading sharing…" />}
        {p.loadError && <p className="share-dialog__error" role="alert">{p.loadError}</p>}
        {!p.loading && !p.loadError && (
          <>
            <p className="dialog__body">
              {p.share
                ? "Anyone signed in to Berth who opens this link can join. Removed guests cannot come back through it."
                : "Give other Berth users a link to this session. You choose whether they only watch or may take the controls."}
            </p>
            <fieldset className="share-modes" disabled={p.busy}>
              <legend className="share-modes__legend">Guests may</legend>
              {MODES.map((m) => (
                <label key={m.mode} className={`share-mode${mode === m.mode ? " share-mode--on" : ""}`}>
                  <input type="radio" name="share-mode" value={m.mode} checked={mode === m.mode} onChange={() => pick(m.mode)} data-testid={m.testId} />
                  <span className="share-mode__text">
                    <strong>{m.label}</strong>
                    <span>{m.hint}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            {p.share && p.link ? (
              <ActiveShare {...p} share={p.share} link={p.link} />
            ) : (
              <div className="dialog__actions">
                <button type="button" className="button button--ghost" onClick={p.onClose}>Cancel</button>
                <button type="button" className="button button--primary" onClick={() => p.onStart(mode)} disabled={p.busy} data-testid="share-start">
                  <Icon name="share" /> {p.busy ? "Starting…" : "Start sharing"}
                </button>
              </div>
            )}
          </>
        )}
        {p.error && <p className="share-dialog__error" role="alert" data-testid="share-error">{p.error}</p>}
      </div>
    </dialog>
  );
}

function ActiveShare(p: Props & { share: ShareFieldsFragment; link: string }) {
  const now = useNow();
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const copy = async () => {
    const ok = await copyText(p.link, input.current);
    setCopied(ok);
    if (ok) setTimeout(() => setCopied(false), 2000);
  };

  return (
    <>
      <div className="share-link">
        <input
          ref={input}
          className="share-link__input"
          readOnly
          value={p.link}
          aria-label="Share link"
          onFocus={(e) => e.target.select()}
          data-testid="share-link"
        />
        <button type="button" className="button button--secondary" onClick={() => void copy()} data-testid="share-copy">
          <Icon name={copied ? "check" : "copy"} /> {copied ? "Copied" : "Copy"}
        </button>
      </div>

      <section className="share-viewers" aria-labelledby="share-viewers-title">
        <h3 id="share-viewers-title" className="share-viewers__title">
          Watching now <span className="share-viewers__count">{p.share.viewers.length}</span>
        </h3>
        {p.share.viewers.length === 0 ? (
          <p className="share-viewers__empty">Nobody has joined yet.</p>
        ) : (
          <ul className="share-viewers__list">
            {p.share.viewers.map((v) => (
              <li key={v.userId} className="share-viewer" data-testid="share-viewer" data-user={v.username}>
                <span className="avatar" aria-hidden="true">{v.username.slice(0, 1).toUpperCase()}</span>
                <span className="share-viewer__name">{v.username}</span>
                <span className="share-viewer__since">joined {ago(v.joinedAt, now)}</span>
                <button
                  type="button"
                  className="button button--sm button--danger-ghost"
                  onClick={() => p.onRemove(v.userId)}
                  disabled={p.removing === v.userId}
                  aria-label={`Remove ${v.username}`}
                  data-testid="share-remove-viewer"
                >
                  {p.removing === v.userId ? "Removing…" : "Remove"}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="dialog__actions dialog__actions--split">
        <button type="button" className="button button--danger-ghost" onClick={p.onStop} disabled={p.busy} data-testid="share-stop">
          <Icon name="stop" /> Stop sharing
        </button>
        <button type="button" className="button button--primary" onClick={p.onClose}>Done</button>
      </div>
    </>
  );
}

function ago(iso: string, now: number): string {
  const a = age(iso, now);
  return a === "just now" ? a : `${a} ago`;
}

/** The clipboard API where the browser allows it; otherwise the old select-and-copy. */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!input) return false;
    input.focus();
    input.select();
    return document.execCommand("copy");
  }
}
