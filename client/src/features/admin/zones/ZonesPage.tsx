import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { errorMessage } from "../../../errors";
import {
  AdminCreateEnrollmentTokenDocument,
  AdminCreateZoneDocument,
  AdminDeleteZoneDocument,
  AdminEnrollmentTokensDocument,
  AdminRevokeEnrollmentTokenDocument,
  AdminServersDocument,
  AdminSettingsDocument,
  AdminUpdateZoneDocument,
  AdminUsersDocument,
  AdminZonesDocument,
  type AdminUpdateZoneMutation,
  type UpdateZoneInput,
} from "../../../generated/graphql";
import { useTitle } from "../../../useTitle";
import { useToast } from "../components/Toasts";
import { ZonesPageView, type ZoneUsage } from "./ZonesPageView";

const stripNulls = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v != null)) as Partial<T>;

/** Zones, how each places sessions, and the tokens that enrol servers into them. */
export function ZonesPage() {
  useTitle("Admin · Zones");
  const zones = useQuery(AdminZonesDocument, { fetchPolicy: "cache-and-network" });
  const tokens = useQuery(AdminEnrollmentTokensDocument, { fetchPolicy: "cache-and-network" });
  const servers = useQuery(AdminServersDocument, { fetchPolicy: "cache-first" });
  const users = useQuery(AdminUsersDocument, { fetchPolicy: "cache-first" });
  const settings = useQuery(AdminSettingsDocument, { fetchPolicy: "cache-first" });
  const [create] = useMutation(AdminCreateZoneDocument, { refetchQueries: [AdminZonesDocument] });
  const [update] = useMutation(AdminUpdateZoneDocument);
  const [remove] = useMutation(AdminDeleteZoneDocument);
  const [createToken] = useMutation(AdminCreateEnrollmentTokenDocument, { refetchQueries: [AdminEnrollmentTokensDocument] });
  const [revokeToken] = useMutation(AdminRevokeEnrollmentTokenDocument);
  const client = useApolloClient();
  const toast = useToast();

  const usage: Record<string, ZoneUsage> = {};
  for (const z of zones.data?.zones ?? []) usage[z.id] = { servers: 0, users: 0 };
  for (const s of servers.data?.servers ?? []) if (usage[s.zoneId]) usage[s.zoneId].servers++;
  for (const u of users.data?.users ?? []) if (u.zoneId && usage[u.zoneId]) usage[u.zoneId].users++;

  /** Runs a mutation; success → toast; failure → toast with the API's words, and rethrows for forms. */
  const act = async <T,>(work: () => Promise<T>, done: string, { inlineErrors = false } = {}) => {
    try {
      const r = await work();
      toast.success(done);
      return r;
    } catch (e) {
      if (!inlineErrors) toast.error(errorMessage(e));
      throw e;
    }
  };

  return (
    <ZonesPageView
      zones={zones.data?.zones}
      tokens={tokens.data?.enrollmentTokens ?? []}
      usage={usage}
      usageKnown={servers.data !== undefined && users.data !== undefined}
      defaultZone={settings.data?.settings.defaultZone}
      origin={window.location.origin}
      loading={zones.loading}
      error={zones.error && !zones.data ? errorMessage(zones.error) : undefined}
      onRetry={() => void zones.refetch().catch(() => {})}
      onCreate={(input) => act(() => create({ variables: { input } }), `Zone '${input.name}' created`, { inlineErrors: true })}
      onUpdate={(zone, input: UpdateZoneInput, done, inlineErrors) =>
        act(
          () =>
            update({
              variables: { id: zone.id, input },
              // Toggles and selects follow the click at once; a refusal puts the stored value back.
              optimisticResponse: { updateZone: { ...zone, ...stripNulls(input), __typename: "Zone" } as AdminUpdateZoneMutation["updateZone"] },
            }),
          done,
          { inlineErrors },
        )
      }
      onDelete={async (zone) => {
        await remove({ variables: { id: zone.id } });
        client.cache.evict({ id: client.cache.identify({ __typename: "Zone", id: zone.id }) });
        client.cache.gc();
        toast.success(`Zone '${zone.name}' deleted`);
      }}
      onCreateToken={async (zone, name) => {
        const r = await act(() => createToken({ variables: { zoneId: zone.id, name } }), `Enrollment token created for '${zone.name}'`, { inlineErrors: true });
        return r.data!.createEnrollmentToken.token;
      }}
      onRevokeToken={(token) => act(() => revokeToken({ variables: { id: token.id } }), `Token ${token.prefix}… revoked`)}
    />
  );
}
