import { readFileSync } from "node:fs";
import type { Benchmark, BenchContext } from "./lib/types.js";
import { env } from "../tests/support/env.js";
import { agentProc, managerProc, pidOf, startProc, stopProc, waitFor } from "../tests/support/stack.js";
import { testDb } from "../tests/support/db.js";
import { mapLimit, sleep } from "./lib/http.js";
import { destroySessions, launchAndOpen } from "./lib/sessions.js";
import { round } from "./lib/stats.js";

const SESSIONS = Number(process.env.BENCH_MEMORY_SESSIONS ?? 100);
const SETTLE_MS = 5000;

/** Resident set size of a process in MiB (VmRSS from /proc). */
export function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return round(Number(m[1]) / 1024);
}

/** Peak of a few readings over `ms` (RSS moves with garbage collection). */
async function rssOver(name: string, ms: number): Promise<number> {
  let peak = 0;
  for (const until = Date.now() + ms; Date.now() < until; await sleep(500)) {
    const pid = pidOf(name);
    if (!pid) throw new Error(`${name} is not running`);
    peak = Math.max(peak, rssMiB(pid));
  }
  return peak;
}

/**
 * Memory: resident size of the manager and the agent, idle (freshly restarted, the agent checked
 * in) and with SESSIONS tiny sessions running (two per user, the per-user limit), after a couple of
 * check-ins that carry all of them.
 */
export const memory: Benchmark = {
  name: "memory",
  title: `Memory (RSS), idle and with ${SESSIONS} sessions`,
  async run(ctx: BenchContext) {
    const users = await ctx.users(Math.ceil(SESSIONS / 2));
    await restart();
    await sleep(SETTLE_MS);
    const idle = { manager: await rssOver("manager", 1500), agent: await rssOver("agent", 1500) };
    ctx.log(`idle: manager ${idle.manager} MiB, agent ${idle.agent} MiB`);

    await Promise.all(users.map((u) => u.connected()));
    const owners = Array.from({ length: SESSIONS }, (_, i) => users[i % users.length]);
    const launched = await mapLimit(owners, 10, async (user) => ({ user, sessionId: (await launchAndOpen(user, ctx.tiny.id, 120_000)).sessionId }));
    ctx.log(`${launched.length} sessions running`);
    try {
      await sleep(SETTLE_MS);
      const busy = { manager: await rssOver("manager", 2500), agent: await rssOver("agent", 2500) };
      ctx.log(`with ${SESSIONS}: manager ${busy.manager} MiB, agent ${busy.agent} MiB`);
      return {
        rows: [
          { metric: "manager RSS idle", berth: idle.manager, unit: "MiB" },
          { metric: `manager RSS, ${SESSIONS} sessions`, berth: busy.manager, unit: "MiB" },
          { metric: "agent RSS idle", berth: idle.agent, unit: "MiB" },
          { metric: `agent RSS, ${SESSIONS} sessions`, berth: busy.agent, unit: "MiB" },
        ],
        goals: [],
        data: { sessions: SESSIONS, idleMiB: idle, withSessionsMiB: busy },
      };
    } finally {
      await destroySessions(ctx.docker, launched, 120_000);
    }
  },
};

/** Fresh processes, so "idle" means idle: the manager, then the agent (same identity) once it has checked in. */
async function restart() {
  await stopProc("agent");
  await stopProc("manager");
  startProc(managerProc);
  await waitFor("the manager to answer", async () => (await fetch(env.managerUrl.replace("/graphql", "/healthz"))).ok, 30_000);
  const since = new Date();
  startProc(agentProc());
  await waitFor("the agent to check in", async () => (await testDb().server.count({ where: { lastCheckInAt: { gt: since } } })) > 0, 30_000, 100);
}
