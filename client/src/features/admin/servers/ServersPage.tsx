import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { errorMessage } from "../../../errors";
import { AdminDeleteServerDocument, AdminUpdateServerDocument, AdminZonesDocument, type AdminServerFieldsFragment } from "../../../generated/graphql";
import { useTitle } from "../../../useTitle";
import { useToast } from "../components/Toasts";
import { useTick } from "../hooks";
import { capacityUpdates, type CapacityForm } from "./capacity";
import { ServersPageView } from "./ServersPageView";
import { useServersLive } from "./useServersLive";

/** Every server, live; enable, drain, resize, move and delete them. */
export function ServersPage() {
  useTitle("Admin · Servers");
  const servers = useServersLive();
  const zones = useQuery(AdminZonesDocument, { fetchPolicy: "cache-and-network" });
  const [update] = useMutation(AdminUpdateServerDocument);
  const [remove] = useMutation(AdminDeleteServerDocument);
  const client = useApolloClient();
  const toast = useToast();
  const now = useTick(1000);
  const [busyId, setBusyId] = useState<string>();

  const run = async (server: AdminServerFieldsFragment, what: string, inputs: Parameters<typeof update>[0][]) => {
    setBusyId(server.id);
    try {
      for (const options of inputs) await update(options);
      toast.success(what);
    } catch (e) {
      toast.error(`${server.hostname}: ${errorMessage(e)}`);
      throw e;
    } finally {
      setBusyId(undefined);
    }
  };
  const quiet = (p: Promise<unknown>) => void p.catch(() => {});

  return (
    <ServersPageView
      servers={servers.data?.servers}
      zones={zones.data?.zones ?? []}
      loading={servers.loading}
      error={servers.error && !servers.data ? errorMessage(servers.error) : undefined}
      onRetry={() => void servers.refetch().catch(() => {})}
      now={now}
      busyId={busyId}
      onSetEnabled={(s, enabled) =>
        quiet(run(s, `${s.hostname} ${enabled ? "enabled" : "disabled"}`, [{ variables: { id: s.id, input: { enabled } } }]))
      }
      onSetDraining={(s, draining) =>
        quiet(run(s, draining ? `${s.hostname} is draining: it takes no new sessions` : `${s.hostname} takes new sessions again`, [{ variables: { id: s.id, input: { draining } } }]))
      }
      onSaveCapacity={(s, form: CapacityForm) =>
        run(
          s,
          `${s.hostname} saved`,
          capacityUpdates(s, form).map((input) => ({ variables: { id: s.id, input } })),
        )
      }
      onDelete={async (s, destroySessions) => {
        setBusyId(s.id);
        try {
          await remove({ variables: { id: s.id, destroySessions } });
          client.cache.evict({ id: client.cache.identify({ __typename: "Server", id: s.id }) });
          client.cache.gc();
          toast.success(`${s.hostname} deleted`);
        } finally {
          setBusyId(undefined);
        }
      }}
    />
  );
}
