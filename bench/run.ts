import { randomBytes } from "node:crypto";
import { join } from "node:path";
import Docker from "dockerode";
import type { Benchmark, BenchContext, Result } from "./lib/types.js";
import { UserPool } from "./lib/users.js";
import { removeBaselines } from "./lib/docker.js";
import { machineInfo, save, table } from "./lib/report.js";
import { round } from "./lib/stats.js";
import { bootstrapStack, removeContainersOfPreviousRun } from "../tests/support/bootstrap.js";
import { closeTestDb, testDb } from "../tests/support/db.js";
import { env } from "../tests/support/env.js";
import { ApiClient } from "../tests/support/api.js";
import { stopProc } from "../tests/support/stack.js";
import { memory } from "./memory.js";
import { launch } from "./launch.js";
import { burst } from "./burst.js";
import { proxy } from "./proxy.js";
import { fanout } from "./fanout.js";
import { checkin } from "./checkin.js";
import { warmPool } from "./warm-pool.js";

/**
 * `npm run bench [-- NAME...]`: brings up the test profile's stack on a fresh database, runs the
 * named benchmarks (all by default, in this order), prints the table and writes the JSON.
 * Run it under the shared lock: flock /tmp/berth-test.lock npm run bench
 */
export const BENCHMARKS: Benchmark[] = [memory, launch, warmPool, burst, proxy, fanout, checkin];

async function main() {
  const names = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length) {
    console.error(`unknown benchmark(s): ${unknown.join(", ")}; known: ${BENCHMARKS.map((b) => b.name).join(", ")}`);
    process.exit(2);
  }
  const selected = names.length ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS;
  const started = Date.now();
  const log = (m: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${m}`);

  const docker = new Docker({ socketPath: env.dockerSocket });
  await removeBaselines(docker);
  log("bringing up the test stack (fresh database, manager, agent)");
  const adminPassword = `bench-admin-${randomBytes(8).toString("hex")}`;
  const { installationId } = await bootstrapStack(adminPassword);
  const tiny = await testDb().image.findUniqueOrThrow({ where: { name: "tiny" } });
  const pool = new UserPool();
  let admin: Promise<ApiClient> | undefined;
  const signInAdmin = async () => {
    const c = new ApiClient();
    await c.signIn("admin", adminPassword);
    return c;
  };
  const results: Result[] = [];
  try {
    for (const b of selected) {
      const ctx: BenchContext = {
        docker,
        installationId,
        tiny: { id: tiny.id, ref: tiny.ref, cores: tiny.cores, memoryMb: tiny.memoryMb, shmMb: tiny.shmMb, network: tiny.network },
        users: (n) => pool.take(n),
        admin: () => (admin ??= signInAdmin()),
        log: (m) => log(`${b.name}: ${m}`),
      };
      const t0 = Date.now();
      const base = { name: b.name, title: b.title, startedAt: new Date().toISOString() };
      log(`${b.name}: ${b.title}`);
      try {
        const outcome = await b.run(ctx);
        results.push({ ...base, ...outcome, durationS: round((Date.now() - t0) / 1000) });
      } catch (e) {
        log(`${b.name}: FAILED ${String((e as Error)?.stack ?? e)}`);
        results.push({ ...base, rows: [], goals: [], data: {}, error: String((e as Error)?.message ?? e), durationS: round((Date.now() - t0) / 1000) });
      }
      log(`${b.name}: done in ${round((Date.now() - t0) / 1000)} s`);
    }
  } finally {
    await pool.close().catch(() => {});
    await cleanUp(docker);
  }

  const doc = {
    finishedAt: new Date().toISOString(),
    totalS: round((Date.now() - started) / 1000),
    machine: await machineInfo(docker),
    benchmarks: selected.map((b) => b.name),
    goals: results.flatMap((r) => r.goals.map((g) => ({ benchmark: r.name, ...g }))),
    results,
  };
  console.log(`\n${table(results)}\n`);
  for (const g of doc.goals) console.log(`${g.met ? "met   " : "MISSED"}  ${g.benchmark}: ${g.text}`);
  const files = save(join(env.root, "bench", "results"), doc);
  console.log(`\nsaved ${files.join(" and ")} (${doc.totalS} s in all)`);
  process.exit(results.some((r) => r.error) ? 1 : 0);
}

/** Leaves nothing behind: no session or baseline containers, the manager and agent stopped. */
async function cleanUp(docker: Docker) {
  await stopProc("manager-b").catch(() => {});
  await stopProc("agent").catch(() => {});
  await stopProc("manager").catch(() => {});
  await removeContainersOfPreviousRun().catch(() => {});
  await removeBaselines(docker).catch(() => {});
  await closeTestDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
