import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Benchmark, BenchContext } from "./lib/types.js";
import { hashToken } from "../server/src/auth/tokens.js";
import { testDb } from "../tests/support/db.js";
import { env } from "../tests/support/env.js";
import { pidOf } from "../tests/support/stack.js";
import { keepAliveAgent, request, sleep } from "./lib/http.js";
import { nowMs, round, summarize } from "./lib/stats.js";

const STEPS = (process.env.BENCH_CHECKIN_STEPS ?? "250,500,1000,1500,2000,3000,4000,5000,6000").split(",").map(Number);
const STEP_MS = Number(process.env.BENCH_CHECKIN_STEP_MS ?? 15_000);
// The first seconds of a step carry the new agents' first check-ins (image rows, samples): not measured.
const WARM_MS = Math.min(5000, STEP_MS / 3);
const INTERVAL_MS = 5000;
const GOAL_P99_MS = 100;
const GOAL_AGENTS = 5000;
const SLOT_MS = 5;
const SLOTS = INTERVAL_MS / SLOT_MS;

interface SimAgent {
  token: string;
  body: string;
  slot: number;
  busy: boolean;
}

interface Step {
  agents: number;
  /** A second window at the same count, after the first one missed. */
  retry: boolean;
  checkIns: number;
  errors: number;
  rate: number;
  latency: ReturnType<typeof summarize>;
  managerCpuPct: number;
  machineCpuPct: number;
  generatorLagMaxMs: number;
  over100Ms: number;
}

const passes = (s: Step) => s.latency.p99 <= GOAL_P99_MS && s.errors <= s.checkIns * 0.01;

/**
 * Check-in capacity of ONE manager: simulated agents, each checking in every 5 s with what a real
 * agent with no sessions sends (host facts, resources, an empty container list, the tiny image
 * READY), over plain HTTP GraphQL with its own agent token. The count ramps up in steps; each
 * step's p99 is taken over its last seconds. A step that misses is measured once more; the ramp
 * stops at the first count that misses twice.
 */
export const checkin: Benchmark = {
  name: "checkin",
  title: "Check-in capacity (one manager)",
  async run(ctx: BenchContext) {
    const max = Math.max(...STEPS);
    const { zoneId, tokens } = await enroll(max);
    ctx.log(`${max} simulated agents enrolled`);
    const doc = readFileSync(join(env.root, "agent/src/api/checkIn.graphql"), "utf8");
    const agents: SimAgent[] = tokens.map((token, i) => ({
      token,
      slot: Math.floor(((i * 0.6180339887) % 1) * SLOTS), // low-discrepancy phases: even spread at any count
      busy: false,
      body: JSON.stringify({ query: doc, variables: { input: checkInInput(i, ctx.tiny.ref) } }),
    }));
    const http = keepAliveAgent(env.managerUrl);
    const samples: { at: number; ms: number; ok: boolean }[] = [];
    let active = 0;
    let stopped = false;
    let inFlight = 0;

    const fire = (a: SimAgent) => {
      if (a.busy) return; // like the real agent: never two check-ins of one agent at once
      a.busy = true;
      inFlight++;
      const at = nowMs();
      request(env.managerUrl, {
        method: "POST",
        agent: http,
        timeoutMs: 10_000,
        headers: { "content-type": "application/json", authorization: `Bearer ${a.token}` },
        body: a.body,
      })
        .then((r) => samples.push({ at, ms: r.ms, ok: r.status === 200 && !r.body.startsWith(`{"errors"`) && r.body.includes(`"checkIn"`) }))
        .catch(() => samples.push({ at, ms: nowMs() - at, ok: false }))
        .finally(() => {
          a.busy = false;
          inFlight--;
        });
    };
    // One timer walks the 5 ms slots of the 5 s interval; each slot fires the active agents placed in it.
    const bySlot: SimAgent[][] = Array.from({ length: SLOTS }, () => []);
    let nextSlotAt = nowMs();
    let slot = 0;
    const tick = () => {
      if (stopped) return;
      const now = nowMs();
      while (nextSlotAt <= now) {
        for (const a of bySlot[slot]) fire(a);
        slot = (slot + 1) % SLOTS;
        nextSlotAt += SLOT_MS;
      }
      setTimeout(tick, 1);
    };

    const lag = monitorEventLoopDelay({ resolution: 5 });
    /** One measured window at the current count. */
    const measure = async (count: number, retry: boolean): Promise<Step> => {
      const cpu0 = cpuTimes();
      lag.reset();
      lag.enable();
      const from = nowMs();
      await sleep(STEP_MS - WARM_MS);
      const to = nowMs();
      lag.disable();
      const cpu1 = cpuTimes();
      const window = samples.filter((s) => s.at >= from && s.at < to);
      const step: Step = {
        agents: count,
        retry,
        checkIns: window.length,
        errors: window.filter((s) => !s.ok).length,
        rate: round(window.length / ((to - from) / 1000)),
        latency: summarize(window.map((s) => s.ms)),
        over100Ms: window.filter((s) => s.ms > GOAL_P99_MS).length,
        managerCpuPct: round((100 * (cpu1.manager - cpu0.manager)) / ((to - from) / 1000)),
        machineCpuPct: round((100 * (cpu1.busy - cpu0.busy)) / (cpu1.total - cpu0.total)),
        generatorLagMaxMs: round(lag.max / 1e6),
      };
      ctx.log(
        `${count} agents${retry ? " (again)" : ""}: ${step.rate}/s, p50 ${step.latency.p50} ms, p99 ${step.latency.p99} ms, ` +
          `${step.errors} errors, manager CPU ${step.managerCpuPct}%, machine ${step.machineCpuPct}%, bench event-loop lag max ${step.generatorLagMaxMs} ms`,
      );
      return step;
    };

    const steps: Step[] = [];
    tick();
    try {
      for (const count of STEPS) {
        for (; active < count; active++) bySlot[agents[active].slot].push(agents[active]);
        // The first step also warms the manager up (JIT, its connection pool).
        await sleep(steps.length ? WARM_MS : 2 * WARM_MS);
        let step = await measure(count, false);
        // One stall (this is a shared 2-core machine) can decide a 10 s window's p99: a miss is measured again.
        if (!passes(step)) {
          steps.push(step);
          step = await measure(count, true);
        }
        steps.push(step);
        if (!passes(step)) break;
      }
    } finally {
      stopped = true;
      for (const until = Date.now() + 15_000; inFlight > 0 && Date.now() < until; ) await sleep(50);
      http.destroy();
      await unenroll(zoneId);
    }

    // A count passes when its last window did (a first miss is measured again).
    const final = steps.filter((s, i) => steps[i + 1]?.agents !== s.agents);
    const passing = final.filter(passes);
    const capacity = passing.length ? Math.max(...passing.map((s) => s.agents)) : 0;
    const failedAt = final.find((s) => !passes(s))?.agents ?? null;
    const met = capacity >= GOAL_AGENTS;
    return {
      rows: [
        ...steps.map((s) => ({
          metric: `${s.agents} agents${s.retry ? ", again" : ""} (${s.rate}/s): p50 / p99`,
          berth: `${s.latency.p50} / ${s.latency.p99}`,
          unit: "ms",
        })),
        {
          metric: "agents at p99 <= 100 ms",
          berth: failedAt ? `${capacity} (passes 100 ms at ${failedAt})` : `>= ${capacity} (ramp ended)`,
          unit: "agents",
          goal: `>= ${GOAL_AGENTS}`,
          met,
        },
      ],
      goals: [{ text: `one manager keeps check-in p99 under ${GOAL_P99_MS} ms for ${GOAL_AGENTS} agents (held up to ${capacity})`, met }],
      data: { intervalMs: INTERVAL_MS, stepMs: STEP_MS, measuredMs: STEP_MS - WARM_MS, capacity, failedAt, steps },
    };
  },
};

/** What a real agent with no sessions sends (agent/src/checkin.ts), for host sim-<i>. */
function checkInInput(i: number, tinyRef: string) {
  return {
    host: { hostname: `sim-${i}`, cores: 8, memoryMb: 32768, diskMb: 200_000, gpus: 0, dockerVersion: "20.10.24", agentVersion: "bench", publishHost: "127.0.0.1" },
    resources: { cpuPercent: 3.5, memoryUsedMb: 2048 },
    containers: [],
    images: [{ ref: tinyRef, status: "READY", progress: 1, message: "" }],
    busySessionIds: [],
  };
}

/**
 * Enrolls `n` agents in a zone of their own. Rows go straight into the bench database, each with
 * the hash of its own agent token, exactly what registerAgent stores (it is not rate-limited, but
 * thousands of registrations would eat the time budget and are not what is measured); every
 * check-in then goes through the real HTTP API with that token.
 */
async function enroll(n: number) {
  const db = testDb();
  const zone = await db.zone.create({ data: { name: `bench-sim-${randomBytes(3).toString("hex")}` } });
  const tokens = Array.from({ length: n }, () => `ba_${randomBytes(32).toString("base64url")}`);
  for (let i = 0; i < n; i += 1000) {
    await db.server.createMany({
      data: tokens.slice(i, i + 1000).map((t, j) => ({ zoneId: zone.id, hostname: `sim-${i + j}`, agentTokenHash: hashToken(t), cores: 8, memoryMb: 32768 })),
    });
  }
  return { zoneId: zone.id, tokens };
}

async function unenroll(zoneId: string) {
  const db = testDb();
  const servers = { server: { zoneId } };
  await db.serverSample.deleteMany({ where: servers });
  await db.serverImage.deleteMany({ where: servers });
  await db.server.deleteMany({ where: { zoneId } });
  await db.zone.delete({ where: { id: zoneId } });
}

/** CPU seconds of the manager process, and the machine's busy/total jiffies. */
function cpuTimes() {
  const pid = pidOf("manager");
  const tick = 100; // USER_HZ
  let manager = 0;
  if (pid) {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    manager = (Number(f[11]) + Number(f[12])) / tick;
  }
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + cpu[4];
  const total = cpu.reduce((a, b) => a + b, 0);
  return { manager, busy: total - idle, total };
}
