import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import Docker from "dockerode";
import pg from "pg";
import { env } from "./env.js";
import { adminQuery } from "./db.js";
import { agentProc, managerProc, startProc, stopProc, waitFor } from "./stack.js";

/**
 * Brings up the test profile's manager and one agent on a fresh database (Postgres, Redis,
 * dockerd, the registry and nginx must be running: scripts/test.sh and scripts/bench.sh start
 * them). Used by the tests' global setup and by the benchmarks.
 */
export async function bootstrapStack(adminPassword: string): Promise<{ installationId: string }> {
  await stopProc("agent", "SIGKILL");
  await stopProc("manager", "SIGKILL");
  await removeContainersOfPreviousRun();
  await resetDatabase();
  rmSync(join(env.stateDir, "enrollment-token"), { force: true });
  rmSync(process.env.BERTH_AGENT_STATE_FILE ?? join(env.stateDir, "agent", "state.json"), { force: true });

  execFileSync(process.execPath, [join(env.root, "dist/server/src/cli.js"), "setup"], {
    // The default desktops are big: tests that need them register them themselves.
    env: { ...process.env, BERTH_ADMIN_PASSWORD: adminPassword, BERTH_STATE_DIR: env.stateDir, BERTH_SETUP_DEFAULT_IMAGES: "0" },
    stdio: "inherit",
  });
  startProc(managerProc);
  await waitFor("the manager to answer", async () => (await fetch(env.managerUrl.replace("/graphql", "/healthz"))).ok, 30_000);
  startProc(agentProc());

  const installationId = await withPg(async (c) => (await c.query(`SELECT id FROM "Installation"`)).rows[0].id as string);
  // The agent registers, then downloads the tiny image; sessions can only be placed once it is READY.
  await waitFor(
    "the agent to register and report the tiny image READY",
    () => withPg(async (c) => (await c.query(`SELECT 1 FROM "ServerImage" WHERE status = 'READY'`)).rowCount),
    60_000,
    200,
  );
  // Tests launch many small sessions at once; don't let this small machine's real core count limit them.
  await withPg((c) => c.query(`UPDATE "Server" SET "coresOverride" = 64`));
  return { installationId };
}

export async function withPg<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: env.databaseUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function resetDatabase() {
  const name = new URL(env.databaseUrl).pathname.slice(1);
  if (!/^berth_test[a-z0-9_]*$/.test(name)) throw new Error(`refusing to reset database '${name}': not a test database`);
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
}

/** Containers of an earlier run belong to an installation that is about to vanish. */
export async function removeContainersOfPreviousRun() {
  let installationId: string | undefined;
  try {
    installationId = await withPg(async (c) => (await c.query(`SELECT id FROM "Installation"`)).rows[0]?.id);
  } catch {
    return; // no database yet
  }
  if (!installationId) return;
  const docker = new Docker({ socketPath: env.dockerSocket });
  const containers = await docker.listContainers({ all: true, filters: { label: [`berth.installation=${installationId}`] } });
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => {})));
}
