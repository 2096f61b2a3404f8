import { useQuery } from "@apollo/client/react";
import { errorMessage } from "../../errors";
import { ImagesDocument, MySessionsDocument } from "../../generated/graphql";
import { useTitle } from "../../useTitle";
import { isActive } from "../sessions/status";
import { useSessionActions } from "../sessions/useSessionActions";
import { WorkspacesPageView } from "./WorkspacesPageView";

/** The dashboard: the user's open sessions, then every workspace they can launch. */
export function WorkspacesPage({ isAdmin }: { isAdmin: boolean }) {
  useTitle("Workspaces");
  const images = useQuery(ImagesDocument, { fetchPolicy: "cache-and-network" });
  const sessions = useQuery(MySessionsDocument, {
    variables: { includeEnded: false },
    fetchPolicy: "cache-and-network",
  });
  const actions = useSessionActions();

  return (
    <WorkspacesPageView
      images={images.data?.images}
      imagesLoading={images.loading}
      imagesError={images.error && !images.data ? errorMessage(images.error) : undefined}
      onRetryImages={() => void images.refetch().catch(() => {})}
      sessions={sessions.data?.mySessions.filter((s) => isActive(s.status)) ?? []}
      isAdmin={isAdmin}
      launchingId={actions.launchingId}
      onLaunch={actions.launch}
      onEnd={actions.end}
      notice={actions.notice}
      onDismissNotice={actions.dismissNotice}
    />
  );
}
