import type { Benchmark, BenchContext } from "./lib/types.js";
import { baselineRun, removeBaselines } from "./lib/docker.js";
import { destroySessions, launchAndOpen } from "./lib/sessions.js";
import { nowMs, round, summarize } from "./lib/stats.js";

const BURST = Number(process.env.BENCH_BURST ?? 50);

/**
 * A burst: BURST users each launch one session at the same moment; wall time until every one of
 * them answers 200 through nginx, against the same number of concurrent plain container starts.
 */
export const burst: Benchmark = {
  name: "burst",
  title: `Burst of ${BURST} concurrent launches`,
  async run(ctx: BenchContext) {
    const users = await ctx.users(BURST);
    // Open every user's graphql-ws connection first, as the portals would have.
    await Promise.all(users.map((u) => u.connected()));

    const t0 = nowMs();
    const settled = await Promise.allSettled(users.map((u) => launchAndOpen(u, ctx.tiny.id, 120_000)));
    const berthWall = nowMs() - t0;
    const launched = settled.flatMap((s, i) => (s.status === "fulfilled" ? [{ user: users[i], sessionId: s.value.sessionId, t: s.value }] : []));
    const failures = settled.flatMap((s) => (s.status === "rejected" ? [String(s.reason?.message ?? s.reason)] : []));
    ctx.log(`berth: ${launched.length}/${BURST} open after ${Math.round(berthWall)} ms`);
    await destroySessions(ctx.docker, launched);

    const b0 = nowMs();
    const base = await Promise.allSettled(Array.from({ length: BURST }, () => baselineRun(ctx)));
    const baseWall = nowMs() - b0;
    const baseOk = base.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    ctx.log(`docker: ${baseOk.length}/${BURST} answering after ${Math.round(baseWall)} ms`);
    await removeBaselines(ctx.docker);

    const each = summarize(launched.map((l) => l.t.openMs));
    const eachBase = summarize(baseOk.map((b) => b.ms));
    return {
      rows: [
        { metric: `wall time, all ${BURST} open`, berth: round(berthWall), baseline: round(baseWall), ratio: round(berthWall / baseWall, 2) },
        { metric: "per launch p50", berth: each.p50, baseline: eachBase.p50, ratio: round(each.p50 / eachBase.p50, 2) },
        { metric: "per launch p99", berth: each.p99, baseline: eachBase.p99, ratio: round(each.p99 / eachBase.p99, 2) },
        { metric: "succeeded", berth: `${launched.length}/${BURST}`, baseline: `${baseOk.length}/${BURST}`, unit: "launches" },
      ],
      goals: [],
      data: {
        burst: BURST,
        berthWallMs: round(berthWall),
        baselineWallMs: round(baseWall),
        berthEach: each,
        baselineEach: eachBase,
        berthFailures: failures,
        baselineFailures: base.flatMap((s) => (s.status === "rejected" ? [String(s.reason?.message ?? s.reason)] : [])),
        requestedP50: summarize(launched.map((l) => l.t.requestedMs)).p50,
        runningP50: summarize(launched.map((l) => l.t.runningMs)).p50,
      },
      notes: failures.length ? [`${failures.length} launches failed: ${failures[0]}`] : [],
    };
  },
};
