import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { errorMessage } from "../../errors";
import { MySessionsDocument } from "../../generated/graphql";
import { useTitle } from "../../useTitle";
import { SessionsPageView } from "./SessionsPageView";
import { useSessionActions } from "./useSessionActions";

/** Every session of the signed-in user; ended ones on request. */
export function SessionsPage() {
  useTitle("My sessions");
  const [includeEnded, setIncludeEnded] = useState(false);
  const sessions = useQuery(MySessionsDocument, {
    variables: { includeEnded },
    fetchPolicy: "cache-and-network",
  });
  const actions = useSessionActions();

  return (
    <SessionsPageView
      sessions={sessions.data?.mySessions}
      loading={sessions.loading}
      error={sessions.error && !sessions.data ? errorMessage(sessions.error) : undefined}
      onRetry={() => void sessions.refetch().catch(() => {})}
      includeEnded={includeEnded}
      onIncludeEndedChange={setIncludeEnded}
      onEnd={actions.end}
      onRelaunch={(s) => actions.launch(s.image)}
      notice={actions.notice}
      onDismissNotice={actions.dismissNotice}
    />
  );
}
