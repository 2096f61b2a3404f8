import { useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { errorMessage } from "../../../errors";
import { AdminServerSamplesDocument, AdminSystemInfoDocument } from "../../../generated/graphql";
import { useTitle } from "../../../useTitle";
import { useThrottled, useTick } from "../hooks";
import { useServersLive } from "../servers/useServersLive";
import { DashboardPageView } from "./DashboardPageView";
import { appendReading, historyFromSamples, type HistoryByServer } from "./series";

const WINDOW_MIN = 60;

/** Counts, then the last hour of sessions and load, from the stored samples and then live. */
export function DashboardPage() {
  useTitle("Admin · Dashboard");
  const info = useQuery(AdminSystemInfoDocument, { fetchPolicy: "cache-and-network" });
  const samples = useQuery(AdminServerSamplesDocument, { variables: { minutes: WINDOW_MIN }, fetchPolicy: "network-only" });
  const [history, setHistory] = useState<HistoryByServer>();
  const now = useTick(10_000);
  const refreshCounts = useThrottled(() => void info.refetch().catch(() => {}), 10_000);

  useEffect(() => {
    if (samples.data) setHistory(historyFromSamples(samples.data.serverSamples));
  }, [samples.data]);

  const servers = useServersLive((s) => {
    refreshCounts();
    if (!s.lastCheckInAt) return;
    const t = Date.parse(s.lastCheckInAt);
    setHistory((h) =>
      h === undefined
        ? h
        : appendReading(h, s.id, t, { cpuPercent: s.cpuPercent, memoryUsedMb: s.memoryUsedMb, sessions: s.sessionCount }, { since: Date.now() - WINDOW_MIN * 60_000 }),
    );
  });

  const firstError = (info.error && !info.data && info.error) || (samples.error && !samples.data && samples.error);

  return (
    <DashboardPageView
      info={info.data?.systemInfo}
      servers={servers.data?.servers}
      history={history}
      from={now - WINDOW_MIN * 60_000}
      to={now}
      error={firstError ? errorMessage(firstError) : undefined}
      onRetry={() => {
        void info.refetch().catch(() => {});
        void samples.refetch().catch(() => {});
      }}
    />
  );
}
