import type { Benchmark, BenchContext } from "./lib/types.js";
import { testDb } from "../tests/support/db.js";
import { env } from "../tests/support/env.js";
import { loadLoop, type LoadResult } from "./lib/http.js";
import { startNginxFloor } from "./lib/nginx-floor.js";
import { destroySessions, launchAndOpen } from "./lib/sessions.js";
import { round, summarize } from "./lib/stats.js";

const CONCURRENCY = Number(process.env.BENCH_PROXY_CONCURRENCY ?? 32);
const DURATION_MS = Number(process.env.BENCH_PROXY_DURATION_MS ?? 6000);
/** Direct and through nginx take turns, this many times each, so drift on the machine hits both alike. */
const ROUNDS = 3;
const DIAGNOSTIC_MS = 2000;
const GOAL = 0.8;

/**
 * Proxy overhead: requests per second for a session's page through nginx (https, the owner's
 * cookie, nginx's auth_request to the manager, the credential injected) against the same page
 * straight from the container's published port with the session credential. Same client, same
 * fixed concurrency over keep-alive connections, same duration; a short warm-up before each, then
 * the two take turns (ROUNDS each), since on two shared cores the rate of either drifts by 20 %
 * from one run to the next.
 */
export const proxy: Benchmark = {
  name: "proxy",
  title: "Proxy throughput",
  async run(ctx: BenchContext) {
    const [user] = await ctx.users(1);
    await user.connected();
    const { sessionId } = await launchAndOpen(user, ctx.tiny.id);
    try {
      const row = await testDb().session.findUniqueOrThrow({ where: { id: sessionId }, select: { hostPort: true, secret: true } });
      const viaNginx = { url: `${env.publicUrl}/session/${sessionId}/`, headers: { cookie: user.client.cookie } };
      const direct = { url: `http://127.0.0.1:${row.hostPort}/`, headers: { authorization: `Bearer ${row.secret}` } };
      const run = async (t: { url: string; headers: Record<string, string> }) => {
        await loadLoop({ ...t, concurrency: CONCURRENCY, durationMs: 1000 }); // warm-up
        return loadLoop({ ...t, concurrency: CONCURRENCY, durationMs: DURATION_MS });
      };
      const ds: LoadResult[] = [];
      const ns: LoadResult[] = [];
      await loadLoop({ ...direct, concurrency: CONCURRENCY, durationMs: 1000 }); // warm-ups
      await loadLoop({ ...viaNginx, concurrency: CONCURRENCY, durationMs: 1000 });
      for (let i = 0; i < ROUNDS; i++) {
        ds.push(await loadLoop({ ...direct, concurrency: CONCURRENCY, durationMs: DURATION_MS / ROUNDS }));
        ns.push(await loadLoop({ ...viaNginx, concurrency: CONCURRENCY, durationMs: DURATION_MS / ROUNDS }));
      }
      const d = combine(ds);
      const n = combine(ns);
      // One request at a time: what each request pays for the detour, without queueing.
      const one = { concurrency: 1, durationMs: DIAGNOSTIC_MS };
      const d1 = summarize((await loadLoop({ ...direct, ...one })).latencyMs);
      const n1 = summarize((await loadLoop({ ...viaNginx, ...one })).latencyMs);
      ctx.log(`direct ${Math.round(d.rps)} req/s, through nginx ${Math.round(n.rps)} req/s (ratio by round: ${ds.map((r, i) => round(ns[i].rps / r.rps, 2)).join(", ")})`);
      // Where the difference goes: nginx opens a new connection to the session for every request
      // (proxy_pass to a variable address keeps no upstream connections), and asks the manager.
      const short = { concurrency: CONCURRENCY, durationMs: DIAGNOSTIC_MS };
      const fresh = await loadLoop({ ...direct, ...short, newConnections: true });
      const auth = await loadLoop({
        url: env.managerUrl.replace("/graphql", "/internal/session-auth"),
        headers: { cookie: user.client.cookie, "x-berth-session-id": sessionId },
        ...short,
      });
      // And nginx at its best here: kept connections to the session, no auth, no access log.
      const floor = await startNginxFloor({ port: Number(process.env.BENCH_PROXY_FLOOR_PORT ?? 18444), sessionPort: row.hostPort!, authorization: `Bearer ${row.secret}` });
      let kept: LoadResult;
      try {
        kept = await run({ url: floor.url, headers: {} });
      } finally {
        await floor.stop();
      }
      ctx.log(`direct with a new connection per request ${Math.round(fresh.rps)} req/s; the manager's auth answer alone ${Math.round(auth.rps)} req/s; nginx alone with kept connections ${Math.round(kept.rps)} req/s`);
      const ratio = round(n.rps / d.rps, 2);
      const met = ratio >= GOAL && n.errors === 0;
      const lat = (r: LoadResult) => summarize(r.latencyMs);
      return {
        rows: [
          { metric: `req/s at concurrency ${CONCURRENCY}`, berth: round(n.rps, 0), baseline: round(d.rps, 0), unit: "req/s", ratio, goal: `ratio >= ${GOAL}`, met },
          { metric: `latency p50 at concurrency ${CONCURRENCY}`, berth: lat(n).p50, baseline: lat(d).p50 },
          { metric: `latency p99 at concurrency ${CONCURRENCY}`, berth: lat(n).p99, baseline: lat(d).p99 },
          { metric: "latency p50, one request at a time", berth: n1.p50, baseline: d1.p50, ratio: round(n1.p50 / d1.p50, 2) },
          { metric: "non-200 answers", berth: n.errors, baseline: d.errors, unit: "count" },
          { metric: "diagnostic: direct, new connection per request", berth: round(fresh.rps, 0), unit: "req/s" },
          { metric: "diagnostic: manager /internal/session-auth alone", berth: round(auth.rps, 0), unit: "req/s" },
          { metric: "diagnostic: nginx alone, kept connections, no auth", berth: round(kept.rps, 0), unit: "req/s", ratio: round(kept.rps / d.rps, 2) },
        ],
        goals: [{ text: `through nginx at least ${GOAL} of direct (got ${ratio})`, met }],
        data: {
          concurrency: CONCURRENCY,
          durationMs: DURATION_MS,
          rounds: ds.map((r, i) => ({ direct: round(r.rps, 0), nginx: round(ns[i].rps, 0), ratio: round(ns[i].rps / r.rps, 2) })),
          nginx: { ...n, latencyMs: undefined, latency: lat(n) },
          direct: { ...d, latencyMs: undefined, latency: lat(d) },
          directNewConnections: { ...fresh, latencyMs: undefined, latency: lat(fresh) },
          sessionAuthOnly: { ...auth, latencyMs: undefined, latency: lat(auth) },
          nginxKeptConnectionsNoAuth: { ...kept, latencyMs: undefined, latency: lat(kept) },
          oneAtATime: { nginx: n1, direct: d1 },
        },
      };
    } finally {
      await destroySessions(ctx.docker, [{ user, sessionId }]);
    }
  },
};

/** Rounds of one path taken together: their requests over their summed time. */
function combine(rs: LoadResult[]): LoadResult {
  const seconds = rs.reduce((t, r) => t + r.elapsedS, 0);
  const statuses: Record<string, number> = {};
  for (const r of rs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const sum = (f: (r: LoadResult) => number) => rs.reduce((t, r) => t + f(r), 0);
  return { requests: sum((r) => r.requests), ok: sum((r) => r.ok), errors: sum((r) => r.errors), statuses, rps: sum((r) => r.ok) / seconds, elapsedS: seconds, latencyMs: rs.flatMap((r) => r.latencyMs) };
}
