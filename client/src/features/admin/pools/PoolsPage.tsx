import { useMutation, useQuery } from "@apollo/client/react";
import { errorMessage } from "../../../errors";
import { AdminImagesDocument, AdminSetWarmPoolDocument, AdminWarmPoolsDocument, AdminZonesDocument } from "../../../generated/graphql";
import { useTitle } from "../../../useTitle";
import { useToast } from "../components/Toasts";
import { useThrottled } from "../hooks";
import { useServersLive } from "../servers/useServersLive";
import { PoolsPageView, type PoolChange } from "./PoolsPageView";

/**
 * Warm pools, live without polling: every serversUpdated event (an agent checking in, which is
 * how a pooled session reports it is ready or gone) refetches the pools, at most every 2 s;
 * a change made here refetches at once.
 */
export function PoolsPage() {
  useTitle("Admin · Warm pools");
  const pools = useQuery(AdminWarmPoolsDocument, { fetchPolicy: "cache-and-network" });
  const images = useQuery(AdminImagesDocument, { fetchPolicy: "cache-and-network" });
  const zones = useQuery(AdminZonesDocument, { fetchPolicy: "cache-and-network" });
  const refetch = useThrottled(() => void pools.refetch().catch(() => {}), 2000);
  useServersLive(() => refetch());
  const [setPool] = useMutation(AdminSetWarmPoolDocument, { refetchQueries: [AdminWarmPoolsDocument] });
  const toast = useToast();

  /**
   * Sets a pool's size. The API's refusal (a disabled image, per-user folders) rejects, after an
   * error toast unless the caller shows it itself (the remove confirmation does).
   */
  const change = async ({ imageId, zoneId, size, what }: PoolChange, { inlineErrors = false } = {}) => {
    try {
      await setPool({ variables: { imageId, zoneId, size } });
      toast.success(size === 0 ? `${what}: pool removed, its waiting sessions end` : `${what}: keeps ${size} ready ${size === 1 ? "session" : "sessions"}`);
    } catch (e) {
      if (!inlineErrors) toast.error(`${what}: ${errorMessage(e)}`);
      throw e;
    }
  };

  return (
    <PoolsPageView
      pools={pools.data?.warmPools}
      images={images.data?.images ?? []}
      zones={zones.data?.zones ?? []}
      loading={pools.loading}
      error={pools.error && !pools.data ? errorMessage(pools.error) : undefined}
      onRetry={() => void pools.refetch().catch(() => {})}
      onChange={change}
    />
  );
}
