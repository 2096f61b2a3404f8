import type { AdminServerFieldsFragment, AdminSystemInfoQuery } from "../../../generated/graphql";
import { Link } from "../../../router";
import { AdminIcon, type AdminIconName } from "../components/AdminIcon";
import { LoadState } from "../components/LoadState";
import { PageHeader } from "../components/PageHeader";
import { gb, mb, percent } from "../format";
import { adminPath, type AdminTab } from "../routes";
import { colorAt, type Series } from "./chart";
import { LineChart } from "./components/LineChart";
import { totalOverTime, type HistoryByServer } from "./series";

type Props = {
  info?: AdminSystemInfoQuery["systemInfo"];
  servers?: AdminServerFieldsFragment[];
  history?: HistoryByServer;
  from: number;
  to: number;
  error?: string;
  onRetry: () => void;
};

export function DashboardPageView(p: Props) {
  const servers = [...(p.servers ?? [])].sort((a, b) => a.hostname.localeCompare(b.hostname));
  const chartsReady = p.history !== undefined && p.servers !== undefined;

  return (
    <div className="adm-page" data-testid="admin-page-dashboard">
      <PageHeader title="Dashboard" lead="The fleet at a glance: what runs now, and the last hour of load." />

      {!p.info && <LoadState loading what="dashboard" error={p.error} onRetry={p.onRetry} />}
      {p.info && <Counts info={p.info} />}

      {p.info && !chartsReady && !p.error && <LoadState loading what="the last hour of samples" onRetry={p.onRetry} />}
      {chartsReady && <Charts servers={servers} history={p.history!} from={p.from} to={p.to} />}
    </div>
  );
}

function Counts({ info }: { info: NonNullable<Props["info"]> }) {
  const offline = info.servers - info.serversOnline;
  return (
    <ul className="adm-stats" data-testid="dashboard-counts">
      <Stat tab="sessions" icon="sessions" label="Sessions running" value={info.sessionsRunning} note={`${info.sessions} live in all`} testId="stat-sessions" />
      <Stat
        tab="servers"
        icon="servers"
        label="Servers online"
        value={info.serversOnline}
        total={info.servers}
        note={info.servers === 0 ? "none enrolled yet" : offline ? `${offline} not online` : "all online"}
        warn={offline > 0}
        testId="stat-servers"
      />
      <Stat tab="users" icon="users" label="Users" value={info.users} testId="stat-users" />
      <Stat tab="images" icon="images" label="Images" value={info.images} testId="stat-images" />
      <Stat tab="managers" icon="managers" label="Managers alive" value={info.managersAlive} warn={info.managersAlive === 0} testId="stat-managers" />
    </ul>
  );
}

type StatProps = { tab: AdminTab; icon: AdminIconName; label: string; value: number; total?: number; note?: string; warn?: boolean; testId: string };

function Stat({ tab, icon, label, value, total, note, warn, testId }: StatProps) {
  return (
    <li>
      <Link to={adminPath(tab)} className="adm-stat" data-testid={testId}>
        <span className="adm-stat__icon"><AdminIcon name={icon} /></span>
        <span className="adm-stat__label">{label}</span>
        <span className="adm-stat__value">
          {value}
          {total !== undefined && <span className="adm-stat__total"> / {total}</span>}
        </span>
        {note && <span className={`adm-stat__note ${warn ? "adm-stat__note--warn" : ""}`}>{note}</span>}
      </Link>
    </li>
  );
}

function Charts({ servers, history, from, to }: { servers: AdminServerFieldsFragment[]; history: HistoryByServer; from: number; to: number }) {
  const empty = { cpu: [], mem: [], sessions: [] };
  const per = servers.map((s, i) => ({ server: s, color: colorAt(i), h: history[s.id] ?? empty }));
  const total = totalOverTime(per.map((x) => x.h.sessions), from, to, 60_000);
  // A server with no stored samples yet (just enrolled) still shows its current reading.
  const withLive = (points: Series["points"], live: number, server: AdminServerFieldsFragment) =>
    points.length || server.status === "OFFLINE" ? points : [{ t: to, v: live }];

  // The line ends at what the servers report now, so it agrees with the counts above.
  const liveTotal = servers.filter((s) => s.status !== "OFFLINE").reduce((n, s) => n + s.sessionCount, 0);
  const totalNow = [...total.filter((p) => p.t < to - 5_000), { t: to, v: liveTotal }];

  const sessionSeries: Series[] = [
    { id: "all", label: "All servers", color: "#151a22", points: totalNow },
    ...(servers.length > 1 ? per.map(({ server, color, h }) => ({ id: server.id, label: server.hostname, color, points: h.sessions, dashed: true })) : []),
  ];
  const cpuSeries: Series[] = per.map(({ server, color, h }) => ({ id: server.id, label: server.hostname, color, points: withLive(h.cpu, server.cpuPercent, server) }));
  // Memory is drawn in GB, so the axis gets round GB ticks rather than multiples of 1000 MB.
  const toGb = (points: Series["points"]) => points.map((p) => ({ t: p.t, v: p.v / 1024 }));
  const memSeries: Series[] = per.map(({ server, color, h }) => ({ id: server.id, label: server.hostname, color, points: toGb(withLive(h.mem, server.memoryUsedMb, server)) }));
  const byId = new Map(servers.map((s) => [s.id, s]));
  const noServers = "No servers yet: enrol one under Servers and its load appears here.";

  return (
    <div className="adm-charts">
      <div className="adm-card adm-charts__wide">
        <LineChart
          title="Sessions"
          unit="live sessions, last hour"
          series={sessionSeries}
          from={from}
          to={to}
          integer
          formatY={(v) => String(Math.round(v))}
          emptyText="No sessions in the last hour."
          testId="chart-sessions"
        />
      </div>
      <div className="adm-card">
        <LineChart
          title="CPU"
          unit="% of each server"
          series={cpuSeries}
          from={from}
          to={to}
          yTop={100}
          formatY={percent}
          emptyText={noServers}
          testId="chart-cpu"
        />
      </div>
      <div className="adm-card">
        <LineChart
          title="Memory used"
          unit="per server"
          series={memSeries}
          from={from}
          to={to}
          formatY={gb}
          legendValue={(s) => {
            const last = s.points[s.points.length - 1];
            const server = byId.get(s.id);
            return last && server ? `${mb(last.v * 1024)} of ${mb(server.memoryMb)}` : "—";
          }}
          emptyText={noServers}
          testId="chart-memory"
        />
      </div>
    </div>
  );
}
