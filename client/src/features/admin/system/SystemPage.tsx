import { useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { errorMessage } from "../../../errors";
import { AdminSystemInfoDocument } from "../../../generated/graphql";
import { useTitle } from "../../../useTitle";
import { useTick } from "../hooks";
import { SystemPageView } from "./SystemPageView";

/** The Installation ID (for support and licences), version, uptime and counts. */
export function SystemPage() {
  useTitle("Admin · System info");
  const info = useQuery(AdminSystemInfoDocument, { fetchPolicy: "network-only" });
  const now = useTick(1000);
  // Uptime ticks on locally from the moment the answer arrived.
  const [fetchedAt, setFetchedAt] = useState(() => Date.now());
  useEffect(() => setFetchedAt(Date.now()), [info.data]);

  return (
    <SystemPageView
      info={info.data?.systemInfo}
      uptimeS={info.data ? info.data.systemInfo.uptimeS + Math.max(0, (now - fetchedAt) / 1000) : 0}
      loading={info.loading}
      error={info.error && !info.data ? errorMessage(info.error) : undefined}
      onRetry={() => void info.refetch().catch(() => {})}
    />
  );
}
