import type { Benchmark, BenchContext } from "./lib/types.js";
import { baselineRun, removeBaselines } from "./lib/docker.js";
import { destroySessions, launchAndOpen, type LaunchTiming } from "./lib/sessions.js";
import { round, summarize } from "./lib/stats.js";

const SAMPLES = Number(process.env.BENCH_LAUNCH_SAMPLES ?? 25);
const GOAL_RATIO = 1.25;

/**
 * Launch latency, one at a time: requestSession to the first 200 through nginx, against the
 * engine's floor (create + start the same container with the same limits until its port answers).
 * Berth and the baseline alternate, so drift on the machine hits both alike; one warm-up each.
 */
export const launch: Benchmark = {
  name: "launch",
  title: "Launch latency (sequential)",
  async run(ctx: BenchContext) {
    // Several users: one user may launch 20 times a minute.
    const users = await ctx.users(4);
    await Promise.all(users.map((u) => u.connected()));
    const berth: LaunchTiming[] = [];
    const floor: number[] = [];
    for (let i = -1; i < SAMPLES; i++) {
      const user = users[(i + 1) % users.length];
      const t = await launchAndOpen(user, ctx.tiny.id);
      await destroySessions(ctx.docker, [{ user, sessionId: t.sessionId }]);
      const b = await baselineRun(ctx);
      await removeBaselines(ctx.docker, [b.containerId]);
      if (i < 0) continue; // warm-up
      berth.push(t);
      floor.push(b.ms);
      if ((i + 1) % 5 === 0) ctx.log(`${i + 1}/${SAMPLES}: berth ${Math.round(t.openMs)} ms, docker ${Math.round(b.ms)} ms`);
    }
    const open = summarize(berth.map((t) => t.openMs));
    const base = summarize(floor);
    const ratio = round(open.p50 / base.p50, 2);
    const met = ratio < GOAL_RATIO;
    const pct = (p: "p50" | "p95" | "p99") => ({ metric: `${p}`, berth: open[p], baseline: base[p], ratio: round(open[p] / base[p], 2) });
    return {
      rows: [
        { ...pct("p50"), goal: `ratio < ${GOAL_RATIO}`, met },
        pct("p95"),
        pct("p99"),
        { metric: "p50 mutation answered", berth: summarize(berth.map((t) => t.requestedMs)).p50 },
        { metric: "p50 RUNNING seen", berth: summarize(berth.map((t) => t.runningMs)).p50 },
      ],
      goals: [{ text: `p50 launch within ${GOAL_RATIO}x of docker run (got ${ratio}x)`, met }],
      data: { samples: SAMPLES, berth: open, baseline: base, berthSamples: berth, baselineSamples: floor.map((x) => round(x)) },
    };
  },
};
