import { useState } from "react";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { Icon } from "../../../components/Icon";
import { ImageArt } from "../../../components/Monogram";
import { age, useNow } from "../../../format";
import { sentence } from "../../../errors";
import type { SessionFieldsFragment } from "../../../generated/graphql";
import { Link } from "../../../router";
import { isEnded, isLaunching } from "../status";
import { StatusBadge } from "./StatusBadge";

type Props = {
  sessions: SessionFieldsFragment[];
  /** Resolves when the session is ending; rejects (the page shows why) when it could not. */
  onEnd: (session: SessionFieldsFragment) => Promise<unknown>;
  onRelaunch?: (session: SessionFieldsFragment) => void;
};

export function SessionList({ sessions, onEnd, onRelaunch }: Props) {
  const now = useNow();
  const [confirming, setConfirming] = useState<SessionFieldsFragment>();
  const [ending, setEnding] = useState(false);

  const confirmEnd = async () => {
    if (!confirming) return;
    setEnding(true);
    try {
      await onEnd(confirming);
    } catch {
      // The page shows the error; the dialog just closes.
    } finally {
      setEnding(false);
      setConfirming(undefined);
    }
  };

  return (
    <>
      <ul className="session-list">
        {sessions.map((s) => (
          <li key={s.id} className="session-row" data-testid="session-row" data-session-id={s.id} data-status={s.status}>
            <ImageArt name={s.image.friendlyName} seed={s.image.name} thumbnailUrl={s.image.thumbnailUrl} size="sm" />
            <div className="session-row__main">
              <div className="session-row__title">
                <span className="session-row__name">{s.image.friendlyName}</span>
                <StatusBadge status={s.status} />
              </div>
              <div className="session-row__meta">
                <span className="meta-item">
                  <Icon name="clock" />
                  {describeAge(s, now)}
                </span>
                {s.serverHostname && !isEnded(s.status) && (
                  <span className="meta-item" title="Server">
                    <Icon name="server" />
                    {s.serverHostname}
                  </span>
                )}
              </div>
              {(isLaunching(s.status) || isEnded(s.status)) && s.statusMessage && (
                <div className="session-row__message">{sentence(s.statusMessage)}</div>
              )}
            </div>
            <div className="session-row__actions">
              {!isEnded(s.status) && s.status !== "STOPPING" && (
                <>
                  <Link
                    to={`/sessions/${s.id}`}
                    className={`button button--sm ${s.status === "RUNNING" ? "button--primary" : "button--secondary"}`}
                    data-testid="session-open"
                    aria-label={`Open ${s.image.friendlyName}`}
                  >
                    <Icon name="external" /> Open
                  </Link>
                  {s.viewerCan.destroy && (
                    <button
                      type="button"
                      className="button button--sm button--danger-ghost"
                      onClick={() => setConfirming(s)}
                      data-testid="session-end"
                      aria-label={`End ${s.image.friendlyName}`}
                    >
                      <Icon name="power" /> End
                    </button>
                  )}
                </>
              )}
              {isEnded(s.status) && onRelaunch && (
                <button type="button" className="button button--sm button--secondary" onClick={() => onRelaunch(s)}>
                  <Icon name="refresh" /> Launch again
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={!!confirming}
        title={`End ${confirming?.image.friendlyName ?? "this session"}?`}
        confirmLabel="End session"
        busy={ending}
        onConfirm={confirmEnd}
        onCancel={() => setConfirming(undefined)}
        testId="confirm-end"
      >
        The container and everything in it is removed. Save anything you want to keep first.
      </ConfirmDialog>
    </>
  );
}

function describeAge(s: SessionFieldsFragment, now: number): string {
  if (isEnded(s.status)) return `Ended ${ago(s.endedAt ?? s.createdAt, now)}`;
  if (isLaunching(s.status)) return `Requested ${ago(s.createdAt, now)}`;
  return `Started ${ago(s.startedAt ?? s.createdAt, now)}`;
}

function ago(iso: string, now: number): string {
  const a = age(iso, now);
  return a === "just now" ? a : `${a} ago`;
}
