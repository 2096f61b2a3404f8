import { useState } from "react";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { Icon, Logo } from "../../../components/Icon";
import type { SessionFieldsFragment } from "../../../generated/graphql";
import { age, cores, memory, useNow } from "../../../format";
import { Link } from "../../../router";
import { statusLabel } from "../status";
import { StatusBadge } from "./StatusBadge";

type Props = {
  session: SessionFieldsFragment;
  fullscreen: boolean;
  onToggleFullscreen: () => void;
  onEnd: () => Promise<void>;
};

/** A tab on the left edge; opened, it holds the session's controls. */
export function ControlPanel({ session, fullscreen, onToggleFullscreen, onEnd }: Props) {
  const [open, setOpen] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [ending, setEnding] = useState(false);
  const now = useNow();
  const name = session.image.friendlyName;

  const end = async () => {
    setEnding(true);
    try {
      await onEnd();
    } catch {
      setEnding(false);
      setConfirming(false);
    }
  };

  if (!open) {
    return (
      <button
        type="button"
        className="control-handle"
        onClick={() => setOpen(true)}
        aria-label={`Show controls for ${name}`}
        aria-expanded={false}
        data-testid="control-panel-toggle"
      >
        <Logo size={22} />
        <span className="status__dot status--ok" data-testid="session-status" data-status={session.status} aria-label={statusLabel(session.status)} />
        <Icon name="chevron-right" />
      </button>
    );
  }

  return (
    <aside className="control" aria-label="Session controls" data-testid="control-panel">
      <div className="control__head">
        <Link to="/" className="control__brand" aria-label="Berth: back to workspaces (the session keeps running)">
          <Logo size={24} />
        </Link>
        <div className="control__title">
          <span className="control__name" title={name}>{name}</span>
          <StatusBadge status={session.status} testId="session-status" />
        </div>
        <button
          type="button"
          className="icon-button"
          onClick={() => setOpen(false)}
          aria-label="Hide controls"
          aria-expanded={true}
          data-testid="control-panel-toggle"
        >
          <Icon name="chevron-left" />
        </button>
      </div>
      <dl className="control__facts">
        <div><dt>Running for</dt><dd>{age(session.startedAt ?? session.createdAt, now)}</dd></div>
        <div><dt>Resources</dt><dd>{cores(session.cores)} · {memory(session.memoryMb)}</dd></div>
        {session.serverHostname && <div><dt>Server</dt><dd>{session.serverHostname}</dd></div>}
      </dl>
      <div className="control__actions">
        <button type="button" className="button button--secondary button--block" onClick={onToggleFullscreen} data-testid="session-fullscreen">
          <Icon name={fullscreen ? "shrink" : "expand"} /> {fullscreen ? "Exit full screen" : "Full screen"}
        </button>
        <Link to="/" className="button button--secondary button--block" data-testid="session-leave">
          <Icon name="grid" /> Workspaces
        </Link>
        {session.viewerCan.destroy && (
          <button type="button" className="button button--danger button--block" onClick={() => setConfirming(true)} data-testid="end-session">
            <Icon name="power" /> End session
          </button>
        )}
      </div>
      <p className="control__hint">Leaving keeps the session running; find it again under My sessions.</p>
      <ConfirmDialog
        open={confirming}
        title={`End ${name}?`}
        confirmLabel="End session"
        busy={ending}
        onConfirm={end}
        onCancel={() => setConfirming(false)}
        testId="confirm-end-session"
      >
        The container and everything in it is removed. Save anything you want to keep first.
      </ConfirmDialog>
    </aside>
  );
}
