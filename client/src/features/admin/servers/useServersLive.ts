import { useQuery, useSubscription } from "@apollo/client/react";
import { useRef } from "react";
import { AdminServersDocument, AdminServersUpdatedDocument, type AdminServerFieldsFragment } from "../../../generated/graphql";
import { useThrottled } from "../hooks";

/**
 * Every server, kept live: each serversUpdated event updates its server in the cache (same
 * fields, same id); a server the list does not know yet (just enrolled), or one that is gone
 * (the event of its deletion answers NOT_FOUND), refetches the list.
 */
export function useServersLive(onServer?: (server: AdminServerFieldsFragment) => void) {
  const servers = useQuery(AdminServersDocument, { fetchPolicy: "cache-and-network" });
  const known = useRef(new Set<string>());
  known.current = new Set(servers.data?.servers.map((s) => s.id));
  const loaded = useRef(false);
  loaded.current = servers.data !== undefined;
  const refetch = useThrottled(() => void servers.refetch().catch(() => {}), 2000);
  const handler = useRef(onServer);
  handler.current = onServer;

  useSubscription(AdminServersUpdatedDocument, {
    onData: ({ data }) => {
      const server = data.data?.serversUpdated;
      if (!server) return;
      if (loaded.current && !known.current.has(server.id)) refetch();
      handler.current?.(server);
    },
    // A server deleted elsewhere arrives as NOT_FOUND (the event outlives the row): the list knows better.
    onError: () => refetch(),
  });

  return servers;
}
