import type { Benchmark, BenchContext } from "./lib/types.js";
import { testDb } from "../tests/support/db.js";
import { destroySessions, launchAndOpen, type LaunchTiming } from "./lib/sessions.js";
import { sleep } from "./lib/http.js";
import { round, summarize } from "./lib/stats.js";

const SAMPLES = Number(process.env.BENCH_POOL_SAMPLES ?? 20);
const POOL_SIZE = 3;
const GOAL_P50_MS = 100;

/**
 * Launch from a warm pool: requestSession to the first 200 through nginx when a ready session
 * waits. The taker's credentials are handed to the container on the way (the agent's POST
 * /.berth/claim), so this is the whole hand-over, not only the database claim. Before each
 * sample the pool is full again (the refill is not what is measured).
 */
export const warmPool: Benchmark = {
  name: "pool",
  title: "Launch from a warm pool",
  async run(ctx: BenchContext) {
    // The pool's size goes straight to the bench database (the managers' keeper reads it every round).
    const db = testDb();
    const zoneId = (await db.zone.findFirstOrThrow({ where: { name: "default" } })).id;
    const key = { imageId_zoneId: { imageId: ctx.tiny.id, zoneId } };
    const set = (size: number) => db.warmPool.upsert({ where: key, create: { imageId: ctx.tiny.id, zoneId, size }, update: { size } });
    const full = async () => {
      for (const until = Date.now() + 60_000; Date.now() < until; await sleep(20)) {
        const waiting = await db.session.groupBy({ by: ["status"], where: { pool: { imageId: ctx.tiny.id, zoneId }, status: { in: ["REQUESTED", "STARTING", "RUNNING"] } }, _count: true });
        const n = (s: string) => waiting.find((w) => w.status === s)?._count ?? 0;
        if (n("RUNNING") >= POOL_SIZE && n("REQUESTED") + n("STARTING") === 0) return;
      }
      throw new Error(`the warm pool did not fill to ${POOL_SIZE} within 60 s`);
    };
    const users = await ctx.users(4);
    await Promise.all(users.map((u) => u.connected()));
    await set(POOL_SIZE);
    const timings: LaunchTiming[] = [];
    try {
      for (let i = -1; i < SAMPLES; i++) {
        await full();
        const user = users[(i + 1) % users.length];
        const t = await launchAndOpen(user, ctx.tiny.id);
        const row = await testDb().session.findUniqueOrThrow({ where: { id: t.sessionId }, select: { claimedAt: true } });
        if (!row.claimedAt) throw new Error(`launch ${i} did not take a pooled session`);
        await destroySessions(ctx.docker, [{ user, sessionId: t.sessionId }]);
        if (i < 0) continue; // warm-up
        timings.push(t);
        if ((i + 1) % 5 === 0) ctx.log(`${i + 1}/${SAMPLES}: ${Math.round(t.openMs)} ms`);
      }
    } finally {
      await set(0);
    }
    const open = summarize(timings.map((t) => t.openMs));
    const met = open.p50 < GOAL_P50_MS;
    return {
      rows: [
        { metric: "p50", berth: open.p50, goal: `< ${GOAL_P50_MS} ms`, met },
        { metric: "p95", berth: open.p95 },
        { metric: "p99", berth: open.p99 },
        { metric: "p50 mutation answered", berth: summarize(timings.map((t) => t.requestedMs)).p50 },
        { metric: "p50 RUNNING seen", berth: summarize(timings.map((t) => t.runningMs)).p50 },
      ],
      goals: [{ text: `p50 launch from a warm pool under ${GOAL_P50_MS} ms (got ${round(open.p50)} ms)`, met }],
      data: { samples: SAMPLES, poolSize: POOL_SIZE, open, timings },
    };
  },
};
