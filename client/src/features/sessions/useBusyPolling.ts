import { useEffect } from "react";
import type { MySessionsQuery } from "../../generated/graphql";
import { isLaunching } from "./status";

type Polled = { data?: MySessionsQuery; startPolling: (ms: number) => void; stopPolling: () => void };

/** Refresh a session list often while one of its sessions is starting or ending, rarely otherwise. */
export function useBusyPolling({ data, startPolling, stopPolling }: Polled) {
  const busy = data?.mySessions.some((s) => isLaunching(s.status) || s.status === "STOPPING") ?? false;
  useEffect(() => {
    startPolling(busy ? 2_000 : 15_000);
    return () => stopPolling();
  }, [busy, startPolling, stopPolling]);
}
