import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { Banner } from "../../../components/Banner";
import { Icon } from "../../../components/Icon";
import { Spinner } from "../../../components/Spinner";
import type { SessionFieldsFragment } from "../../../generated/graphql";
import { ViewOnlyIndicator } from "../../sharing/GuestBadge";
import { expiryWarning, type StageState } from "../lifetime";
import type { Notice } from "../useSessionActions";
import { ControlPanel } from "./ControlPanel";
import "../../sharing/sharing.css";

/** The chat beside the session: its panel, whether it shows, and others' messages not yet seen. */
export type ChatSlot = { open: boolean; unread: number; onToggle: () => void; panel: ReactNode };

type Props = {
  session: SessionFieldsFragment;
  state: StageState;
  onEnd: () => Promise<void>;
  onPause: () => void;
  onResume: () => void;
  onShare: () => void;
  chat: ChatSlot;
  notice?: Notice;
  onDismissNotice: () => void;
  liveError?: string;
};

/** The session, filling the window, with Berth's controls floating over its edge and the chat beside it. */
export function SessionStage(p: Props) {
  const { session } = p;
  const stage = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(stage);
  const warning = useDismissible(expiryWarning(session));
  const guestWithoutControl = session.viewerRole === "VIEWER" && !session.viewerCan.control;
  useNoPageScroll();

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void stage.current?.requestFullscreen().catch(() => {});
  };

  return (
    <div className="stage stage--split" ref={stage} data-testid="session-stage" data-status={session.status}>
      <div className="stage__main">
        {p.state === "live" && session.viewerCan.view && (
          // A new share mode applies to new connections: the guest's view reconnects when it changes.
          <SessionFrame key={`${session.id}:${session.viewerCan.control}`} session={session} />
        )}
        {p.state !== "live" && <Frozen session={session} state={p.state} onResume={p.onResume} />}
        {(warning.text || p.notice || p.liveError) && (
          <div className="stage__notices">
            {warning.text && (
              <Banner title="This session ends soon" onDismiss={warning.dismiss} testId="session-expiry-warning">
                {sentenceCase(warning.text)}. Save your work now.
              </Banner>
            )}
            {p.notice && <Banner title={p.notice.title} onDismiss={p.onDismissNotice}>{p.notice.message}</Banner>}
            {p.liveError && (
              <Banner tone="info" title="Live updates stopped" testId="live-error">
                {p.liveError} Reload the page to follow this session again.
              </Banner>
            )}
          </div>
        )}
        {guestWithoutControl && p.state === "live" && <ViewOnlyIndicator />}
        <ControlPanel
          session={session}
          fullscreen={fullscreen}
          onToggleFullscreen={toggleFullscreen}
          onEnd={p.onEnd}
          onPause={p.onPause}
          onResume={p.onResume}
          onShare={p.onShare}
          chat={p.chat}
        />
      </div>
      {p.chat.open && session.viewerCan.chat && p.chat.panel}
    </div>
  );
}

function SessionFrame({ session }: { session: SessionFieldsFragment }) {
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      <iframe
        className="stage__frame"
        src={session.url}
        title={`Session ${session.image.friendlyName}`}
        allow="clipboard-read; clipboard-write; fullscreen; autoplay"
        onLoad={() => setLoaded(true)}
        data-testid="session-iframe"
      />
      {!loaded && (
        <div className="stage__connecting" role="status">
          <Spinner size="lg" />
          <span>Connecting to {session.image.friendlyName}…</span>
        </div>
      )}
    </>
  );
}

/** Paused, or coming back: the view is closed meanwhile (a frozen container answers nothing). */
function Frozen({ session, state, onResume }: { session: SessionFieldsFragment; state: StageState; onResume: () => void }) {
  const name = session.image.friendlyName;
  if (state === "resuming") {
    return (
      <div className="stage__frozen" role="status" data-testid="session-resuming">
        <Spinner size="lg" />
        <span>Resuming {name}…</span>
      </div>
    );
  }
  return (
    <div className="stage__frozen" data-testid="session-paused">
      <Icon name="pause" className="stage__frozen-icon" />
      <strong className="stage__frozen-title">{name} is paused</strong>
      {session.viewerCan.manage ? (
        <>
          <span>Everything in it is kept as it was. Resume to continue where you left off.</span>
          <button type="button" className="button button--primary" onClick={onResume} data-testid="paused-resume">
            <Icon name="play" /> Resume
          </button>
        </>
      ) : (
        <span>It continues here when {session.ownerName} resumes it.</span>
      )}
    </div>
  );
}

/** A message the user may close; it comes back if the message changes. */
function useDismissible(text: string | undefined) {
  const [dismissed, setDismissed] = useState<string>();
  return { text: text && text !== dismissed ? text : undefined, dismiss: () => setDismissed(text) };
}

function sentenceCase(text: string): string {
  const t = text.trim().replace(/[.!?]$/, "");
  return t ? t[0].toUpperCase() + t.slice(1) : t;
}

function useFullscreen(ref: RefObject<HTMLElement | null>): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const update = () => setOn(!!ref.current && document.fullscreenElement === ref.current);
    document.addEventListener("fullscreenchange", update);
    return () => document.removeEventListener("fullscreenchange", update);
  }, [ref]);
  return on;
}

/** The stage covers the window; the page behind it must not scroll under the session. */
function useNoPageScroll() {
  useEffect(() => {
    document.documentElement.classList.add("no-scroll");
    return () => document.documentElement.classList.remove("no-scroll");
  }, []);
}
