import { useApolloClient, useSubscription } from "@apollo/client/react";
import type { ApolloClient } from "@apollo/client";
import { useEffect } from "react";
import { wsClient } from "../../apollo";
import { MySessionsDocument, MySessionsUpdatedDocument, type SessionFieldsFragment } from "../../generated/graphql";
import { listNeedsRefetch } from "./liveList";

/**
 * Keeps every "my sessions" list on screen current from one subscription. Each event lands in
 * the session's cache entry by itself; a list is asked again only when the event changes which
 * sessions it holds, or after the socket reconnected (events may have been missed meanwhile).
 */
export function useMySessionsLive() {
  const client = useApolloClient();
  useSubscription(MySessionsUpdatedDocument, {
    onData: ({ client, data }) => {
      const changed = data.data?.mySessionsUpdated;
      if (changed && cachedLists(client).some((list) => listNeedsRefetch(list, changed))) refetchLists(client);
    },
  });

  useEffect(
    () => wsClient.on("connected", (_socket, _payload, wasRetry) => {
      if (wasRetry) refetchLists(client);
    }),
    [client],
  );
}

function cachedLists(client: ApolloClient) {
  return [false, true].flatMap((includeEnded) => {
    const data = client.cache.readQuery({ query: MySessionsDocument, variables: { includeEnded } });
    return data ? [{ includeEnded, ids: data.mySessions.map((s: SessionFieldsFragment) => s.id) }] : [];
  });
}

function refetchLists(client: ApolloClient) {
  // Only lists some screen is watching are asked again.
  void client.refetchQueries({ include: [MySessionsDocument] }).catch(() => {});
}
