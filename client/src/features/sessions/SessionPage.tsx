import { useQuery, useSubscription } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { errorMessage } from "../../errors";
import { SessionDocument, SessionUpdatedDocument, type SessionFieldsFragment } from "../../generated/graphql";
import { navigate } from "../../router";
import { useTitle } from "../../useTitle";
import { SessionPageView } from "./SessionPageView";
import { isLaunching } from "./status";
import { useSessionActions } from "./useSessionActions";

export type ProgressEntry = { status: SessionFieldsFragment["status"]; message: string; at: number };

/**
 * One session, live: the subscription sends its current state first and then every change.
 * The query answers quickly over HTTP (and says clearly when the session does not exist);
 * while the session is starting it also polls, in case the WebSocket is slow to connect.
 */
export function SessionPage({ id }: { id: string }) {
  const query = useQuery(SessionDocument, { variables: { id } });
  const live = useSubscription(SessionUpdatedDocument, { variables: { id } });
  const fromLive = live.data?.sessionUpdated.id === id ? live.data.sessionUpdated : undefined;
  const session = fromLive ?? query.data?.session;
  const log = useProgressLog(id, session);
  const actions = useSessionActions();
  useTitle(session ? session.image.friendlyName : "Session");

  const launching = !!session && (isLaunching(session.status) || session.status === "STOPPING");
  const { startPolling, stopPolling } = query;
  useEffect(() => {
    if (!launching || fromLive) return;
    startPolling(3_000);
    return () => stopPolling();
  }, [launching, fromLive, startPolling, stopPolling]);

  const end = async () => {
    if (!session) return;
    await actions.end(session);
    navigate("/");
  };

  return (
    <SessionPageView
      session={session}
      loading={query.loading && !session}
      error={!session && (query.error ?? live.error) ? errorMessage(query.error ?? live.error) : undefined}
      liveError={session && live.error ? errorMessage(live.error) : undefined}
      log={log}
      onEnd={end}
      onRelaunch={() => session && actions.launch(session.image)}
      relaunching={!!actions.launchingId}
      notice={actions.notice}
      onDismissNotice={actions.dismissNotice}
    />
  );
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
