import { useQuery, useSubscription } from "@apollo/client/react";
import { errorMessage } from "../../../errors";
import { AdminManagersDocument, AdminManagersUpdatedDocument } from "../../../generated/graphql";
import { useTitle } from "../../../useTitle";
import { useTick } from "../hooks";
import { ManagersPageView } from "./ManagersPageView";

/** Manager processes seen in the last hour, live: the list comes again with every heartbeat. */
export function ManagersPage() {
  useTitle("Admin · Managers");
  const managers = useQuery(AdminManagersDocument, { fetchPolicy: "cache-and-network" });
  useSubscription(AdminManagersUpdatedDocument, {
    onData: ({ client, data }) => {
      if (data.data) client.writeQuery({ query: AdminManagersDocument, data: { managers: data.data.managersUpdated } });
    },
  });
  const now = useTick(1000);
  return (
    <ManagersPageView
      managers={managers.data?.managers}
      now={now}
      loading={managers.loading}
      refreshing={managers.loading && managers.data !== undefined}
      error={managers.error && !managers.data ? errorMessage(managers.error) : undefined}
      onRefresh={() => void managers.refetch().catch(() => {})}
    />
  );
}
