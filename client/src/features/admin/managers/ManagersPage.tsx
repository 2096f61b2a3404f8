import { useQuery } from "@apollo/client/react";
import { errorMessage } from "../../../errors";
import { AdminManagersDocument } from "../../../generated/graphql";
import { useTitle } from "../../../useTitle";
import { useTick } from "../hooks";
import { ManagersPageView } from "./ManagersPageView";

/** Manager processes seen in the last hour. There is no live feed for them: a slow refresh suits heartbeats. */
export function ManagersPage() {
  useTitle("Admin · Managers");
  const managers = useQuery(AdminManagersDocument, { fetchPolicy: "cache-and-network", pollInterval: 30_000 });
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
