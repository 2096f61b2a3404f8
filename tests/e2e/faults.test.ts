import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, inject, it } from "vitest";
import Docker from "dockerode";
import { ApiClient } from "../support/api.js";
import { closeTestDb, testDb } from "../support/db.js";
import { env } from "../support/env.js";
import { imageByName, signedInClient } from "../support/factories.js";
import { service } from "../support/faults.js";
import { agentProc, managerProc, startProc, stopProc, waitFor } from "../support/stack.js";

const docker = new Docker({ socketPath: env.dockerSocket });
const CHECKIN_S = 5;
const ENDED = ["STOPPED", "FAILED", "LOST"];

const statusOf = async (id: string) => (await testDb().session.findUniqueOrThrow({ where: { id } })).status;

/** A running session and a launch in flight, for one fault. */
async function scene() {
  const { client } = await signedInClient();
  const tiny = await imageByName("tiny");
  const launch = () => client.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: tiny.id });
  const running = (await launch()).requestSession.id;
  await waitFor("RUNNING", async () => (await statusOf(running)) === "RUNNING", 10_000);
  const inFlight = launch().then((r) => r.requestSession.id).catch(() => null);
  return { client, running, inFlight };
}

/**
 * After a fault, within two check-in intervals: every session is RUNNING and reachable or has
 * ended with a reason; no container without a live session; no reservation without a container.
 */
async function assertHealed(client: ApiClient, ids: (string | null)[]) {
  const live = ids.filter((x): x is string => !!x);
  await waitFor("every session settled", async () => {
    const rows = await testDb().session.findMany({ where: { id: { in: live } } });
    return rows.every((r) => r.status === "RUNNING" || ENDED.includes(r.status));
  }, 2 * CHECKIN_S * 1000 + 10_000, 200);
  for (const id of live) {
    const row = await testDb().session.findUniqueOrThrow({ where: { id } });
    if (row.status === "RUNNING") {
      expect((await client.fetch(`/session/${id}/`)).status).toBe(200);
    } else {
      expect(row.statusMessage).not.toBe("");
    }
  }
  let last: unknown;
  await waitFor("no orphans and no phantom reservations", async () => {
    const containers = await docker.listContainers({ all: true, filters: { label: [`berth.installation=${inject("installationId")}`] } });
    const sessions = await testDb().session.findMany({ where: { id: { in: containers.map((c) => c.Labels["berth.session"]) } } });
    const orphans = containers.filter((c) => !sessions.some((s) => s.id === c.Labels["berth.session"] && !ENDED.includes(s.status)));
    const reserving = await testDb().session.findMany({ where: { status: { in: ["RUNNING", "PAUSED"] }, serverId: { not: null } } });
    const phantom = reserving.filter((s) => !containers.some((c) => c.Labels["berth.session"] === s.id));
    last = { orphans: orphans.map((c) => c.Labels["berth.session"]), phantom: phantom.map((s) => `${s.id} ${s.status}`) };
    return orphans.length === 0 && phantom.length === 0;
  }, 2 * CHECKIN_S * 1000 + 10_000, 500).catch((e) => {
    throw new Error(`${e.message}: ${JSON.stringify(last)}`);
  });
}

async function cleanup(client: ApiClient, ids: (string | null)[]) {
  for (const id of ids) if (id) await client.gql(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id });
}

describe.runIf(inject("stackStarted"))("faults: nothing lost, nothing orphaned", () => {
  afterAll(() => closeTestDb());

  it("survives kill -9 of the agent", async () => {
    const { client, running, inFlight } = await scene();
    await stopProc("agent", "SIGKILL");
    startProc(agentProc());
    const ids = [running, await inFlight];
    await assertHealed(client, ids);
    expect(await statusOf(running)).toBe("RUNNING");
    await cleanup(client, ids);
  }, 60_000);

  it("survives kill -9 of the manager", async () => {
    const { client, running, inFlight } = await scene();
    await stopProc("manager", "SIGKILL");
    startProc(managerProc);
    await waitFor("the manager", async () => (await fetch(env.managerUrl.replace("/graphql", "/healthz"))).ok, 30_000);
    const ids = [running, await inFlight];
    await assertHealed(client, ids);
    expect(await statusOf(running)).toBe("RUNNING");
    await cleanup(client, ids);
  }, 60_000);

  it("survives a Redis restart", async () => {
    const { client, running, inFlight } = await scene();
    service("redis_stop", "redis_start");
    const ids = [running, await inFlight];
    await assertHealed(client, ids);
    expect(await statusOf(running)).toBe("RUNNING");
    await cleanup(client, ids);
  }, 60_000);

  it("survives a Postgres restart", async () => {
    const { client, running, inFlight } = await scene();
    execFileSync("pg_ctlcluster", ["15", "main", "restart"], { stdio: "ignore" });
    await closeTestDb(); // the test's own pool held connections to the old server
    await waitFor("the manager to answer again", async () => !(await client.gql(`{ me { id } }`)).errors, 20_000, 250);
    const ids = [running, await inFlight];
    await assertHealed(client, ids);
    expect(await statusOf(running)).toBe("RUNNING");
    await cleanup(client, ids);
  }, 60_000);

  it("survives a dockerd restart (sessions keep running with live-restore)", async () => {
    const { client, running, inFlight } = await scene();
    service("dockerd_stop", "dockerd_start");
    const ids = [running, await inFlight];
    await assertHealed(client, ids);
    expect(await statusOf(running)).toBe("RUNNING");
    await cleanup(client, ids);
  }, 90_000);

  it("survives an nginx reload, WebSocket subscriptions included", async () => {
    const { client, running, inFlight } = await scene();
    service("nginx_start"); // running: it reloads
    const ids = [running, await inFlight];
    await assertHealed(client, ids);
    await cleanup(client, ids);
  }, 60_000);
});
