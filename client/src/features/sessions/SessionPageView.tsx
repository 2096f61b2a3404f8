import type { ReactNode } from "react";
import { Banner } from "../../components/Banner";
import { EmptyState } from "../../components/EmptyState";
import { Loading, Spinner } from "../../components/Spinner";
import type { SessionFieldsFragment } from "../../generated/graphql";
import { AccessEnded } from "../sharing/AccessEnded";
import { BackButton } from "./components/BackButton";
import { LaunchProgress } from "./components/LaunchProgress";
import { SessionEnded } from "./components/SessionEnded";
import { SessionStage, type ChatSlot } from "./components/SessionStage";
import { StatusBadge } from "./components/StatusBadge";
import { stageState } from "./lifetime";
import type { ProgressEntry } from "./SessionPage";
import type { Notice } from "./useSessionActions";
import { isEnded, isLaunching } from "./status";

type Props = {
  session?: SessionFieldsFragment;
  loading: boolean;
  error?: string;
  /** The live updates stopped (the page still shows the last known state). */
  liveError?: string;
  /** A guest lost access (removed, or sharing stopped): why, and the view is closed. */
  accessEnded?: string;
  log: ProgressEntry[];
  onEnd: () => Promise<void>;
  onPause: () => void;
  onResume: () => void;
  onRelaunch: () => void;
  relaunching: boolean;
  notice?: Notice;
  onDismissNotice: () => void;
  chat: ChatSlot;
  onShare: () => void;
  /** The owner's share dialog (absent for guests). */
  shareDialog?: ReactNode;
};

export function SessionPageView(p: Props) {
  const { session } = p;

  if (p.accessEnded) return <AccessEnded message={p.accessEnded} />;

  if (!session) {
    if (p.loading) return <div className="page"><Loading label="Opening your session…" /></div>;
    return (
      <div className="page">
        <EmptyState
          icon="alert"
          title="This session cannot be shown"
          testId="session-error"
          actions={<BackButton />}
        >
          {p.error ?? "It does not exist, or it belongs to someone else."}
        </EmptyState>
      </div>
    );
  }

  const stage = stageState(session);
  if (stage) {
    return (
      <>
        <SessionStage
          session={session}
          state={stage}
          onEnd={p.onEnd}
          onPause={p.onPause}
          onResume={p.onResume}
          onShare={p.onShare}
          chat={p.chat}
          notice={p.notice}
          onDismissNotice={p.onDismissNotice}
          liveError={p.liveError}
        />
        {p.shareDialog}
      </>
    );
  }

  return (
    <div className="page page--narrow">
      {p.notice && (
        <Banner title={p.notice.title} onDismiss={p.onDismissNotice}>
          {p.notice.message}
        </Banner>
      )}
      {p.liveError && (
        <Banner tone="info" title="Live updates stopped" testId="live-error">
          {p.liveError} Reload the page to follow this session again.
        </Banner>
      )}
      {isLaunching(session.status) && <LaunchProgress session={session} log={p.log} onCancel={p.onEnd} />}
      {isEnded(session.status) && <SessionEnded session={session} onRelaunch={p.onRelaunch} relaunching={p.relaunching} />}
      {session.status === "STOPPING" && (
        <div className="card card--center" data-testid="session-stopping">
          <Spinner size="lg" />
          <h1 className="card__title">Ending {session.image.friendlyName}…</h1>
          <StatusBadge status={session.status} testId="session-status" />
          <p className="muted">The container is being removed. This takes a moment.</p>
          <BackButton />
        </div>
      )}
    </div>
  );
}
