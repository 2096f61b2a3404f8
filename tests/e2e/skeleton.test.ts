import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { execFileSync } from "node:child_process";
import Docker from "dockerode";
import { ApiClient } from "../support/api.js";
import { env } from "../support/env.js";
import { closeTestDb, testDb } from "../support/db.js";
import { imageByName, signedInClient } from "../support/factories.js";
import { agentProc, pidOf, startProc, stopProc, waitFor } from "../support/stack.js";

const docker = new Docker({ socketPath: env.dockerSocket });
const SESSION = `id status statusMessage url image { name } viewerCan { view destroy }`;

async function launch(client: ApiClient, imageId: string) {
  const r = await client.ok<{ requestSession: { id: string; status: string } }>(
    `mutation($i:ID!){ requestSession(imageId:$i){ ${SESSION} } }`,
    { i: imageId },
  );
  return r.requestSession;
}

async function waitRunning(client: ApiClient, id: string, timeoutMs = 10_000) {
  return waitFor(`session ${id} to be RUNNING`, async () => {
    const s = (await client.ok<{ session: { status: string; statusMessage: string } }>(`query($id:ID!){ session(id:$id){ ${SESSION} } }`, { id })).session;
    if (["FAILED", "LOST", "STOPPED"].includes(s.status)) throw new Error(`session ended: ${s.status} ${s.statusMessage}`);
    return s.status === "RUNNING" ? s : null;
  }, timeoutMs, 50);
}

const containersOf = (sessionId: string) =>
  docker.listContainers({ all: true, filters: { label: [`berth.session=${sessionId}`] } });

/** Sends one message over a WebSocket and resolves with the first message that comes back. */
function echo(ws: import("ws").WebSocket, message: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no echo within 5 s")), 5000);
    ws.once("error", reject);
    ws.once("unexpected-response", (_req, res) => reject(new Error(`WebSocket refused: HTTP ${res.statusCode}`)));
    ws.once("open", () => ws.send(message));
    ws.once("message", (data) => {
      clearTimeout(timer);
      resolve(data.toString());
    });
  });
}

describe.runIf(inject("stackStarted"))("one session, end to end, through nginx over https", () => {
  let tinyId: string;
  beforeAll(async () => {
    tinyId = (await imageByName("tiny")).id;
  });
  afterAll(() => closeTestDb());

  it("launches a session, serves it to its owner only, echoes a WebSocket, and removes it", async () => {
    const { client: owner } = await signedInClient();
    const { client: stranger } = await signedInClient();
    const anonymous = new ApiClient();

    const requested = await launch(owner, tinyId);
    expect(["REQUESTED", "STARTING", "RUNNING"]).toContain(requested.status);
    const started = Date.now();
    await waitRunning(owner, requested.id, 10_000);
    console.log(`session RUNNING ${Date.now() - started} ms after requestSession answered`);

    const page = await owner.fetch(`/session/${requested.id}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Berth tiny session");

    const ws = owner.websocket(`/session/${requested.id}/websockify`);
    expect(await echo(ws, "hello through nginx")).toBe("hello through nginx");
    ws.close();

    expect((await stranger.fetch(`/session/${requested.id}/`)).status).toBe(403);
    expect((await anonymous.fetch(`/session/${requested.id}/`)).status).toBe(401);
    // The stranger cannot even learn that the session exists.
    const peek = await stranger.gql(`query($id:ID!){ session(id:$id){ id } }`, { id: requested.id });
    expect(peek.errors?.[0].extensions?.code).toBe("NOT_FOUND");

    expect(await containersOf(requested.id)).toHaveLength(1);
    const destroyed = await owner.ok<{ destroySession: { status: string } }>(`mutation($id:ID!){ destroySession(id:$id){ status } }`, { id: requested.id });
    expect(["STOPPING", "STOPPED"]).toContain(destroyed.destroySession.status);
    await waitFor("the container to be removed", async () => (await containersOf(requested.id)).length === 0, 10_000);
    await waitFor("the session to be STOPPED", async () =>
      (await owner.ok<{ session: { status: string } }>(`query($id:ID!){ session(id:$id){ status } }`, { id: requested.id })).session.status === "STOPPED");
    // nginx reuses the manager's yes for 1 to 2 s (nginx.conf, /_berth_auth): the refusal comes within that.
    await waitFor("the ended session to be refused", async () => (await owner.fetch(`/session/${requested.id}/`)).status === 403, 3_000);
  });

  it("keeps nginx's connection to the session between requests, and none once the session is gone", async () => {
    const { client } = await signedInClient();
    const s = await launch(client, tinyId);
    await waitRunning(client, s.id);
    const { hostPort } = await testDb().session.findUniqueOrThrow({ where: { id: s.id }, select: { hostPort: true } });
    // The agent publishes in BERTH_SESSION_PORTS, for which nginx has a named upstream with kept connections.
    expect(hostPort).toBeGreaterThanOrEqual(30000);
    expect(hostPort).toBeLessThanOrEqual(30999);
    /** nginx's open connections to the session's port (ss -p names the process). */
    const nginxConnections = () =>
      execFileSync("ss", ["-Htnp", "state", "established", `( dport = :${hostPort} )`], { encoding: "utf8" })
        .split("\n")
        .filter((l) => l.includes('"nginx"')).length;
    for (let i = 0; i < 5; i++) expect((await client.fetch(`/session/${s.id}/`)).status).toBe(200);
    // Without kept connections nginx closes each one as soon as the answer is through.
    expect(nginxConnections()).toBeGreaterThanOrEqual(1);
    expect(nginxConnections()).toBeLessThanOrEqual(2); // one per worker at most, for requests one at a time

    await client.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: s.id });
    await waitFor("the container to be removed", async () => (await containersOf(s.id)).length === 0, 10_000);
    // The port may serve another session next: no connection to the old one is left to reuse.
    await waitFor("nginx to drop its connections to the ended session", async () => nginxConnections() === 0, 5_000);
  });

  it("keeps a running session through an agent restart", async () => {
    const { client } = await signedInClient();
    const s = await launch(client, tinyId);
    await waitRunning(client, s.id);

    await stopProc("agent", "SIGKILL");
    startProc(agentProc());
    expect(pidOf("agent")).not.toBeNull();
    // Give the new agent time to check in a couple of times, then the session must be intact.
    await waitFor("the agent to check in again", async () => {
      const server = await testDb().server.findFirst({ orderBy: { lastCheckInAt: "desc" } });
      return server?.lastCheckInAt && Date.now() - server.lastCheckInAt.getTime() < 1000;
    }, 20_000);
    await new Promise((r) => setTimeout(r, 6000));

    const after = await client.ok<{ session: { status: string } }>(`query($id:ID!){ session(id:$id){ status } }`, { id: s.id });
    expect(after.session.status).toBe("RUNNING");
    const page = await client.fetch(`/session/${s.id}/`);
    expect(page.status).toBe(200);
    expect(await containersOf(s.id)).toHaveLength(1);
    await client.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: s.id });
    await waitFor("the container to be removed", async () => (await containersOf(s.id)).length === 0, 10_000);
  });
});
