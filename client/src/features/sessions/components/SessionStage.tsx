import { useEffect, useRef, useState, type RefObject } from "react";
import { Banner } from "../../../components/Banner";
import { Spinner } from "../../../components/Spinner";
import type { SessionFieldsFragment } from "../../../generated/graphql";
import type { Notice } from "../useSessionActions";
import { ControlPanel } from "./ControlPanel";

type Props = {
  session: SessionFieldsFragment;
  onEnd: () => Promise<void>;
  notice?: Notice;
  onDismissNotice: () => void;
};

/** The running session, filling the window, with Berth's controls floating over its edge. */
export function SessionStage({ session, onEnd, notice, onDismissNotice }: Props) {
  const stage = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState(false);
  const fullscreen = useFullscreen(stage);
  useNoPageScroll();

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void stage.current?.requestFullscreen().catch(() => {});
  };

  return (
    <div className="stage" ref={stage} data-testid="session-stage" data-status={session.status}>
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
      {notice && (
        <div className="stage__notice">
          <Banner title={notice.title} onDismiss={onDismissNotice}>{notice.message}</Banner>
        </div>
      )}
      <ControlPanel session={session} fullscreen={fullscreen} onToggleFullscreen={toggleFullscreen} onEnd={onEnd} />
    </div>
  );
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
