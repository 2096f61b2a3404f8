import { useMutation, useQuery, useSubscription } from "@apollo/client/react";
import { useRef } from "react";
import { errorMessage } from "../../../errors";
import { AdminDestroySessionDocument, AdminImagesDocument, AdminSessionUpdatedDocument, AdminSessionsDocument, AdminUsersDocument } from "../../../generated/graphql";
import { navigate, useLocationPath } from "../../../router";
import { useTitle } from "../../../useTitle";
import { useToast } from "../components/Toasts";
import { useThrottled, useTick } from "../hooks";
import { adminPath } from "../routes";
import { useServersLive } from "../servers/useServersLive";
import { filtersFromSearch, filtersToQuery, sessionsToFollow, sessionsVariables } from "./filters";
import { SessionsPageView } from "./SessionsPageView";

const FOLLOW_CAP = 50;

/**
 * Every session, filtered by the address. Live without polling: each visible live session is
 * followed by its own subscription, and the list is refetched (at most every 2 s) when a
 * server's session count changes, which is how new and removed sessions show up.
 */
export function SessionsPage() {
  useTitle("Admin · Sessions");
  const path = useLocationPath();
  const filters = filtersFromSearch(new URL(path, location.origin).search);
  const sessions = useQuery(AdminSessionsDocument, { variables: sessionsVariables(filters), fetchPolicy: "cache-and-network" });
  const users = useQuery(AdminUsersDocument, { fetchPolicy: "cache-first" });
  const images = useQuery(AdminImagesDocument, { fetchPolicy: "cache-first" });
  const [destroy] = useMutation(AdminDestroySessionDocument);
  const toast = useToast();
  const now = useTick(15_000);

  const refetch = useThrottled(() => void sessions.refetch().catch(() => {}), 2000);
  const counts = useRef(new Map<string, number>());
  const servers = useServersLive((s) => {
    const before = counts.current.get(s.id);
    counts.current.set(s.id, s.sessionCount);
    if (before !== undefined && before !== s.sessionCount) refetch();
  });

  const list = sessions.data?.sessions;
  const follow = list ? sessionsToFollow(list, FOLLOW_CAP) : [];

  return (
    <>
      {follow.map((id) => (
        <FollowSession key={id} id={id} />
      ))}
      <SessionsPageView
        sessions={list}
        filters={filters}
        users={users.data?.users ?? []}
        images={images.data?.images ?? []}
        servers={servers.data?.servers ?? []}
        now={now}
        loading={sessions.loading}
        refreshing={sessions.loading && list !== undefined}
        error={sessions.error && !list ? errorMessage(sessions.error) : undefined}
        onRetry={() => void sessions.refetch().catch(() => {})}
        onFiltersChange={(f) => navigate(adminPath("sessions", filtersToQuery(f)), { replace: true })}
        onEnd={async (s) => {
          await destroy({ variables: { id: s.id } });
          toast.success(`${s.image.friendlyName} of ${s.ownerName} is ending`);
        }}
      />
    </>
  );
}

/** Keeps one session's row current (the cache merges each update by id). */
function FollowSession({ id }: { id: string }) {
  useSubscription(AdminSessionUpdatedDocument, { variables: { id } });
  return null;
}
