import { useFragment, useSubscription } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { errorCode, errorMessage } from "../../errors";
import { SessionFieldsFragmentDoc, SessionUpdatedDocument, type SessionFieldsFragment } from "../../generated/graphql";
import { navigate } from "../../router";
import { useTitle } from "../../useTitle";
import { ChatPanelView } from "../chat/ChatPanelView";
import { useChat } from "../chat/useChat";
import { accessEndedMessage } from "../sharing/guest";
import { ShareDialog } from "../sharing/ShareDialog";
import { SessionPageView } from "./SessionPageView";
import { useKeepalive } from "./useKeepalive";
import { useSessionActions } from "./useSessionActions";

export type ProgressEntry = { status: SessionFieldsFragment["status"]; message: string; at: number };

/**
 * One session, live from sessionUpdated alone: it sends the current state first and then every
 * change. Whatever the cache already knows (from a list, or from joining a share) shows at once.
 */
export function SessionPage({ id }: { id: string }) {
  const [liveTick, setLiveTick] = useState(0);
  const live = useSubscription(SessionUpdatedDocument, { variables: { id }, onData: () => setLiveTick((t) => t + 1) });
  const cached = useFragment({ fragment: SessionFieldsFragmentDoc, fragmentName: "SessionFields", from: { __typename: "Session", id } });
  const fromLive = live.data?.sessionUpdated.id === id ? live.data.sessionUpdated : undefined;
  const session = fromLive ?? (cached.complete ? cached.data : undefined);
  const accessEnded = guestAccessEnded(session, live.error);
  const log = useProgressLog(id, session);
  const actions = useSessionActions();
  const [chatOpen, setChatOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const showing = !!session && !accessEnded;
  const chat = useChat(id, showing && session.viewerCan.chat, chatOpen);
  useKeepalive(id, showing && session.viewerCan.view);
  useTitle(session ? session.image.friendlyName : "Session");

  const end = async () => {
    if (!session) return;
    await actions.end(session);
    navigate("/");
  };

  return (
    <SessionPageView
      session={session}
      loading={!session && !live.error}
      error={!session && live.error ? errorMessage(live.error) : undefined}
      liveError={session && live.error ? errorMessage(live.error) : undefined}
      accessEnded={accessEnded}
      log={log}
      onEnd={end}
      onPause={() => session && actions.pause(session)}
      onResume={() => session && actions.resume(session)}
      onRelaunch={() => session && actions.launch(session.image)}
      relaunching={!!actions.launchingId}
      notice={actions.notice}
      onDismissNotice={actions.dismissNotice}
      chat={{
        open: chatOpen,
        unread: chat.unread,
        onToggle: () => setChatOpen((o) => !o),
        panel: (
          <ChatPanelView
            messages={chat.messages}
            myId={chat.myId}
            loading={chat.loading}
            loadError={chat.loadError}
            sending={chat.sending}
            sendError={chat.sendError}
            onSend={chat.send}
            onDraftEdit={chat.clearSendError}
            onClose={() => setChatOpen(false)}
          />
        ),
      }}
      onShare={() => setShareOpen(true)}
      shareDialog={
        session?.viewerCan.manage && (
          <ShareDialog sessionId={id} sessionName={session.image.friendlyName} open={shareOpen} onClose={() => setShareOpen(false)} liveTick={liveTick} />
        )
      }
    />
  );
}

/**
 * A guest's access ends when the owner removes them or stops sharing: sessionUpdated then
 * answers FORBIDDEN (or NOT_FOUND). Says why, for the page to close the view.
 */
function guestAccessEnded(session: SessionFieldsFragment | undefined, error: unknown): string | undefined {
  if (!session || session.viewerRole !== "VIEWER" || !error) return undefined;
  const code = errorCode(error);
  if (code !== "FORBIDDEN" && code !== "NOT_FOUND") return undefined;
  return accessEndedMessage(session.status);
}

/** Every distinct progress message seen on this page, in order, for the launch stepper. */
function useProgressLog(id: string, session: SessionFieldsFragment | undefined): ProgressEntry[] {
  const [log, setLog] = useState<{ id: string; entries: ProgressEntry[] }>({ id, entries: [] });
  const status = session?.id === id ? session.status : undefined;
  const message = session?.id === id ? session.statusMessage : undefined;

  useEffect(() => {
    if (!status) return;
    setLog((prev) => {
      const entries = prev.id === id ? prev.entries : [];
      const last = entries[entries.length - 1];
      if (last && last.status === status && last.message === (message ?? "")) return prev.id === id ? prev : { id, entries };
      return { id, entries: [...entries, { status, message: message ?? "", at: Date.now() }] };
    });
  }, [id, status, message]);

  return log.id === id ? log.entries : [];
}
