import { useState } from "react";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { Icon, Logo } from "../../../components/Icon";
import type { SessionFieldsFragment } from "../../../generated/graphql";
import { age, cores, memory, useNow } from "../../../format";
import { Link } from "../../../router";
import { GuestBadge } from "../../sharing/GuestBadge";
import { URGENT_BELOW_S, formatCountdown, secondsLeft } from "../lifetime";
import { statusLabel } from "../status";
import type { ChatSlot } from "./SessionStage";
import { StatusBadge } from "./StatusBadge";

type Props = {
  session: SessionFieldsFragment;
  fullscreen: boolean;
  onToggleFullscreen: () => void;
  onEnd: () => Promise<void>;
  onPause: () => void;
  onResume: () => void;
  onShare: () => void;
  chat: ChatSlot;
};

/**
 * A tab on the left edge; opened, it holds the session's controls. Which buttons show is the
 * API's answer (viewerCan, viewerRole), never a rule worked out here.
 */
export function ControlPanel(p: Props) {
  const { session } = p;
  const [open, setOpen] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [ending, setEnding] = useState(false);
  const now = useNow(session.expiresAt ? 1_000 : 30_000);
  const name = session.image.friendlyName;
  const can = session.viewerCan;
  const guest = session.viewerRole === "VIEWER";

  const end = async () => {
    setEnding(true);
    try {
      await p.onEnd();
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
        aria-label={`Show controls for ${name}${p.chat.unread ? ` (${p.chat.unread} new messages)` : ""}`}
        aria-expanded={false}
        data-testid="control-panel-toggle"
      >
        <Logo size={22} />
        <span className="status__dot status--ok" data-testid="session-status" data-status={session.status} aria-label={statusLabel(session.status)} />
        {session.expiresAt && <TimeLeft expiresAt={session.expiresAt} now={now} compact />}
        {p.chat.unread > 0 && <span className="unread-dot" aria-hidden="true" />}
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
      {guest && <GuestBadge ownerName={session.ownerName} canControl={can.control} />}
      {session.expiresAt && <TimeLeft expiresAt={session.expiresAt} now={now} />}
      <dl className="control__facts">
        <div><dt>Running for</dt><dd>{age(session.startedAt ?? session.createdAt, now)}</dd></div>
        <div><dt>Resources</dt><dd>{cores(session.cores)} · {memory(session.memoryMb)}</dd></div>
        {session.serverHostname && <div><dt>Server</dt><dd>{session.serverHostname}</dd></div>}
      </dl>
      <div className="control__actions">
        {(can.chat || can.manage) && (
          <div className="control__pair">
            {can.chat && (
              <button
                type="button"
                className={`button button--secondary button--block${p.chat.open ? " button--pressed" : ""}`}
                onClick={p.chat.onToggle}
                aria-pressed={p.chat.open}
                data-testid="chat-open"
              >
                <Icon name="chat" /> Chat
                {p.chat.unread > 0 && (
                  <span className="unread-count" data-testid="chat-unread" aria-label={`${p.chat.unread} new`}>{p.chat.unread}</span>
                )}
              </button>
            )}
            {can.manage && (
              <button type="button" className="button button--secondary button--block" onClick={p.onShare} data-testid="share-open">
                <Icon name="share" /> Share
              </button>
            )}
          </div>
        )}
        {can.manage && session.status === "RUNNING" && (
          <button type="button" className="button button--secondary button--block" onClick={p.onPause} data-testid="session-pause">
            <Icon name="pause" /> Pause
          </button>
        )}
        {can.manage && session.status === "PAUSED" && (
          <button type="button" className="button button--primary button--block" onClick={p.onResume} data-testid="session-resume">
            <Icon name="play" /> Resume
          </button>
        )}
        <button type="button" className="button button--secondary button--block" onClick={p.onToggleFullscreen} data-testid="session-fullscreen">
          <Icon name={p.fullscreen ? "shrink" : "expand"} /> {p.fullscreen ? "Exit full screen" : "Full screen"}
        </button>
        <Link to="/" className="button button--secondary button--block" data-testid="session-leave">
          <Icon name="grid" /> Workspaces
        </Link>
        {can.destroy && (
          <button type="button" className="button button--danger button--block" onClick={() => setConfirming(true)} data-testid="end-session">
            <Icon name="power" /> End session
          </button>
        )}
      </div>
      <p className="control__hint">
        {guest
          ? `Leaving does not end it for ${session.ownerName}; open the link again to come back.`
          : "Leaving keeps the session running; find it again under My sessions."}
      </p>
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

/** The image's time limit, counting down; urgent in its last minutes. */
function TimeLeft({ expiresAt, now, compact }: { expiresAt: string; now: number; compact?: boolean }) {
  const left = secondsLeft(expiresAt, now);
  const urgent = left < URGENT_BELOW_S;
  const text = formatCountdown(left);
  if (compact) {
    return <span className={`time-left time-left--compact${urgent ? " time-left--urgent" : ""}`}>{text}</span>;
  }
  return (
    <div className={`time-left${urgent ? " time-left--urgent" : ""}`} data-testid="session-time-left" data-seconds={left} role="timer">
      <Icon name="clock" />
      <span className="time-left__label">Time left</span>
      <span className="time-left__value">{text}</span>
    </div>
  );
}
