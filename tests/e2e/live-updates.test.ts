import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient, subscribe } from "../support/api.js";
import { adminClient, waitServerReady } from "../support/admin.js";
import { closeTestDb, testDb } from "../support/db.js";
import { env } from "../support/env.js";
import { startAgentFor, startEngine, stopAgent, type Engine } from "../support/engines.js";
import { buildUser, imageByName, signedInClient } from "../support/factories.js";
import { startProc, stopProc, waitFor } from "../support/stack.js";

const PORT_B = 14001;
const managerB = `http://127.0.0.1:${PORT_B}`;
const AGENT = "agent-on-b";

/** A client talking straight to one manager (not through nginx), with a signed-in user's cookie. */
function direct(base: string, cookie: string) {
  const c = new ApiClient(base);
  c.cookie = cookie;
  return c;
}

const SESSION_FIELDS = `id status statusMessage`;

describe.runIf(inject("stackStarted"))("live updates across managers, through Redis", () => {
  let engine: Engine;
  let zoneId: string;

  beforeAll(async () => {
    startProc({ name: "manager-b", script: "dist/server/src/main.js", env: { BERTH_MANAGER_PORT: String(PORT_B) } });
    await waitFor("manager B", async () => (await fetch(`${managerB}/healthz`)).ok, 30_000);
    engine = await startEngine(3);
    const admin = await adminClient();
    zoneId = (await admin.ok<{ createZone: { id: string } }>(`mutation{ createZone(input:{name:"live-${Date.now()}"}){ id } }`)).createZone.id;
    const token = (await admin.ok<{ createEnrollmentToken: { token: string } }>(`mutation($z:ID!){ createEnrollmentToken(zoneId:$z){ token } }`, { z: zoneId }))
      .createEnrollmentToken.token;
    startAgentFor(engine, AGENT, token, { freshIdentity: true, env: { BERTH_AGENT_MANAGER_URLS: `${managerB}/graphql` } });
    await waitServerReady(admin, AGENT);
  }, 120_000);

  afterAll(async () => {
    const admin = await adminClient();
    const server = await testDb().server.findFirst({ where: { hostname: AGENT } });
    if (server) await admin.gql(`mutation($id:ID!){ deleteServer(id:$id, destroySessions:true){ id } }`, { id: server.id });
    await stopAgent(AGENT);
    await stopProc("manager-b");
    await engine?.stop();
    await closeTestDb();
  }, 60_000);

  it("delivers, on manager A, a chat message sent through manager B and an agent's report made through B, within 1 s", async () => {
    const owner = await buildUser();
    await testDb().user.update({ where: { id: owner.id }, data: { zoneId } });
    const viaNginx = new ApiClient();
    await viaNginx.signIn(owner.username, owner.password);
    const a = direct(env.managerUrl.replace("/graphql", ""), viaNginx.cookie);
    const b = direct(managerB, viaNginx.cookie);

    const session = (await b.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: (await imageByName("tiny")).id })).requestSession;
    const updates = subscribe(a.subscriptions(), `subscription($id:ID!){ sessionUpdated(id:$id){ ${SESSION_FIELDS} } }`, { id: session.id });
    const seenAt = new Map<string, number>();
    await waitFor("RUNNING on manager A", async () => {
      for (const e of updates.events) if (e.data) seenAt.set(e.data.sessionUpdated.status, seenAt.get(e.data.sessionUpdated.status) ?? Date.now());
      return seenAt.has("RUNNING");
    }, 15_000, 5);
    const row = await testDb().session.findUniqueOrThrow({ where: { id: session.id } });
    const statusDelay = seenAt.get("RUNNING")! - row.startedAt!.getTime();
    console.log(`RUNNING reported through B reached a subscriber on A after ${statusDelay} ms`);
    expect(statusDelay).toBeLessThan(1000);

    const chat = subscribe(a.subscriptions(), `subscription($s:ID!){ chatMessageAdded(sessionId:$s){ body authorName } }`, { s: session.id });
    await new Promise((r) => setTimeout(r, 300)); // the subscription is registered
    const sentAt = Date.now();
    await b.ok(`mutation($s:ID!){ sendChatMessage(sessionId:$s, body:"hello from B"){ id } }`, { s: session.id });
    await waitFor("the chat message on A", () => chat.events.length > 0, 2000, 2);
    const chatDelay = Date.now() - sentAt;
    console.log(`chat sent through B reached a subscriber on A after ${chatDelay} ms`);
    expect(chat.events[0].data).toEqual({ chatMessageAdded: { body: "hello from B", authorName: owner.username } });
    expect(chatDelay).toBeLessThan(1000);
    updates.dispose();
    chat.dispose();
  });

  it("refuses with FORBIDDEN a subscription to another user's session, and leaks no event about it", async () => {
    const { client: owner } = await signedInClient();
    const { client: other } = await signedInClient();
    const tiny = await imageByName("tiny");
    const s = (await owner.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: tiny.id })).requestSession;
    const spy = subscribe(other.subscriptions(), `subscription($id:ID!){ sessionUpdated(id:$id){ id status } }`, { id: s.id });
    const own = subscribe(other.subscriptions(), `subscription{ mySessionsUpdated { id } }`, {});
    const chat = subscribe(other.subscriptions(), `subscription($s:ID!){ chatMessageAdded(sessionId:$s){ body } }`, { s: s.id });
    await waitFor("the refusal", () => spy.done && chat.done, 5000);
    expect(JSON.stringify(spy.error)).toContain("FORBIDDEN");
    expect(JSON.stringify(chat.error)).toContain("FORBIDDEN");
    await waitFor("RUNNING", async () => (await testDb().session.findUniqueOrThrow({ where: { id: s.id } })).status === "RUNNING", 10_000);
    await owner.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: s.id });
    await new Promise((r) => setTimeout(r, 1500));
    expect(spy.events).toEqual([]);
    expect(own.events).toEqual([]);
    own.dispose();
  });

  it("keeps subscriptions through a Redis restart: nothing published after it is missed", async () => {
    const { client } = await signedInClient();
    const tiny = await imageByName("tiny");
    const s = (await client.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: tiny.id })).requestSession;
    await waitFor("RUNNING", async () => (await testDb().session.findUniqueOrThrow({ where: { id: s.id } })).status === "RUNNING", 10_000);
    const chat = subscribe(client.subscriptions(), `subscription($s:ID!){ chatMessageAdded(sessionId:$s){ body } }`, { s: s.id });
    const updates = subscribe(client.subscriptions(), `subscription($id:ID!){ sessionUpdated(id:$id){ status } }`, { id: s.id });
    await waitFor("the first update", () => updates.events.length > 0, 5000);

    execFileSync("bash", ["-c", `source scripts/lib/env.sh && source scripts/lib/services.sh && redis_stop && redis_start`], {
      cwd: env.root,
      env: { ...process.env, BERTH_PROFILE: "test" },
      stdio: "ignore",
    });
    // Both managers reconnect by themselves; "after the restart" is once they say Redis is ready again.
    for (const base of [env.managerUrl.replace("/graphql", ""), managerB]) {
      await waitFor(`${base} to reconnect to Redis`, async () => (await fetch(`${base}/healthz`)).ok, 15_000, 100);
    }
    for (let i = 0; i < 3; i++) await client.ok(`mutation($s:ID!,$b:String!){ sendChatMessage(sessionId:$s, body:$b){ id } }`, { s: s.id, b: `after restart ${i}` });
    await waitFor("all three messages", () => chat.events.length === 3, 5000);
    await client.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: s.id });
    expect(chat.events.map((e) => e.data?.chatMessageAdded.body)).toEqual(["after restart 0", "after restart 1", "after restart 2"]);
    await waitFor("STOPPED through the subscription", () => updates.events.some((e) => e.data?.sessionUpdated.status === "STOPPED"), 10_000);
    expect(chat.error).toBeUndefined();
    expect(updates.error).toBeUndefined();
    chat.dispose();
    updates.dispose();
  }, 60_000);
});
