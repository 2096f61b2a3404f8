import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/api.js";
import { adminClient } from "../support/admin.js";
import { closeTestDb, testDb } from "../support/db.js";
import { env } from "../support/env.js";
import { buildUser, imageByName } from "../support/factories.js";
import { startProc, stopProc, waitFor } from "../support/stack.js";
import { hashToken, newToken } from "../../server/src/auth/tokens.js";

const PORT_B = 14002;
const managerA = env.managerUrl.replace("/graphql", "");
const managerB = `http://127.0.0.1:${PORT_B}`;

const CHECK_IN = `mutation($in:CheckInInput!){ checkIn(input:$in){ serverId pruneImages sessions { sessionId status } } }`;
interface Answer {
  checkIn: { serverId: string; pruneImages: boolean; sessions: { sessionId: string; status: string }[] };
}

/** A client talking straight to one manager (not through nginx), with someone's cookie. */
function direct(base: string, cookie: string) {
  const c = new ApiClient(base);
  c.cookie = cookie;
  return c;
}

/**
 * A simulated agent (a server row with its own credential, like the check-in benchmark's) that
 * checks in only when the test says so, always on manager A: whatever it is told must reflect
 * changes made through manager B at once, although A answers steady check-ins from memory.
 */
describe.runIf(inject("stackStarted"))("check-ins answered from memory stay right across managers", () => {
  const token = newToken("ba");
  const agent = new ApiClient(managerA, { authorization: `Bearer ${token}` });
  let tinyRef: string;
  let zoneId: string;
  let serverId: string;
  let adminB: ApiClient;
  let userB: ApiClient;
  const agentB = new ApiClient(managerB, { authorization: `Bearer ${token}` });
  const report = (sessionId: string, status: string) =>
    agentB.ok(`mutation($in:SessionReportInput!){ reportSession(input:$in) }`, { in: { sessionId, status, containerId: "c-sim", hostPort: 40000 } });

  let containers: { sessionId: string; containerId: string; state: string; hostPort: number }[] = [];
  /** A session requested through manager B that the agent reported RUNNING (through B), its container listed in check-ins. */
  const runningSession = async () => {
    const image = await imageByName("tiny");
    const s = (await userB.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: image.id })).requestSession;
    await report(s.id, "STARTING");
    await report(s.id, "RUNNING");
    containers = [{ sessionId: s.id, containerId: "c-sim", state: "running", hostPort: 40000 }];
    return s;
  };
  const checkIn = () =>
    agent.gql<Answer>(CHECK_IN, {
      in: {
        host: { hostname: "cache-sim", cores: 8, memoryMb: 32768, diskMb: 1000, gpus: 0, dockerVersion: "x", agentVersion: "test", publishHost: "127.0.0.1" },
        resources: { cpuPercent: 1, memoryUsedMb: 100 },
        containers,
        images: [{ ref: tinyRef, status: "READY", progress: 1, message: "" }],
        busySessionIds: [],
      },
    });
  const answer = async () => {
    const r = await checkIn();
    if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
    return r.data!.checkIn;
  };

  beforeAll(async () => {
    startProc({ name: "manager-cache-b", script: "dist/server/src/main.js", env: { BERTH_MANAGER_PORT: String(PORT_B) } });
    await waitFor("manager B", async () => (await fetch(`${managerB}/healthz`)).ok, 30_000);
    tinyRef = (await imageByName("tiny")).ref;
    const zone = await testDb().zone.create({ data: { name: `cache-${randomBytes(3).toString("hex")}` } });
    zoneId = zone.id;
    const server = await testDb().server.create({ data: { zoneId, hostname: "cache-sim", agentTokenHash: hashToken(token), cores: 8, memoryMb: 32768 } });
    serverId = server.id;
    adminB = direct(managerB, (await adminClient()).cookie);
    const user = await buildUser();
    await testDb().user.update({ where: { id: user.id }, data: { zoneId } });
    const viaNginx = new ApiClient();
    await viaNginx.signIn(user.username, user.password);
    userB = direct(managerB, viaNginx.cookie);
    // A few check-ins: the first writes and reads everything, the next ones are answered from memory.
    for (let i = 0; i < 3; i++) await answer();
  }, 60_000);

  afterAll(async () => {
    const db = testDb();
    await db.session.updateMany({ where: { serverId }, data: { status: "STOPPED", serverId: null } });
    await db.server.deleteMany({ where: { id: serverId } });
    await db.zone.deleteMany({ where: { id: zoneId } });
    await stopProc("manager-cache-b");
    await closeTestDb();
  }, 60_000);

  it("writes a steady check-in's time within about a second", async () => {
    const before = Date.now();
    await answer();
    await waitFor("the check-in to be written", async () => {
      const s = await testDb().server.findUniqueOrThrow({ where: { id: serverId } });
      return s.lastCheckInAt && s.lastCheckInAt.getTime() >= before - 5;
    }, 2500, 50);
  });

  it("tells the agent at once of a setting changed through the other manager", async () => {
    expect((await answer()).pruneImages).toBe(false);
    await adminB.ok(`mutation($id:ID!){ updateServer(id:$id, input:{pruneImages:true}){ id } }`, { id: serverId });
    await waitFor("pruneImages on manager A", async () => (await answer()).pruneImages, 1000, 20);
    await adminB.ok(`mutation($id:ID!){ updateServer(id:$id, input:{pruneImages:false}){ id } }`, { id: serverId });
    await waitFor("pruneImages off on manager A", async () => !(await answer()).pruneImages, 1000, 20);
  });

  it("hands the agent at once a session requested through the other manager", async () => {
    for (let i = 0; i < 2; i++) expect((await answer()).sessions).toEqual([]);
    const image = await imageByName("tiny");
    const s = (await userB.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: image.id })).requestSession;
    await waitFor("the session in manager A's answer", async () => (await answer()).sessions.some((x) => x.sessionId === s.id), 1000, 20);
    // Ended through B: gone from A's answer at once too (STOPPING is not a session to run).
    await userB.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: s.id });
    await waitFor("the session gone from manager A's answer", async () => (await answer()).sessions.length === 0, 1000, 20);
  });

  it("drops at once a running session that the agent's own report through the other manager ended", async () => {
    const s = await runningSession();
    // Running with its container there: steady, so A answers the next check-ins from memory.
    for (let i = 0; i < 3; i++) expect((await answer()).sessions).toEqual([{ sessionId: s.id, status: "RUNNING" }]);
    // A report does not nudge the server; the session's own event must still reach A.
    await report(s.id, "FAILED");
    await waitFor("the failed session gone from manager A's answer", async () => (await answer()).sessions.length === 0, 1000, 20);
    containers = [];
  });

  it("still tells the agent, within seconds, of a change whose event was lost (made straight in the database)", async () => {
    const s = await runningSession();
    for (let i = 0; i < 3; i++) expect((await answer()).sessions).toEqual([{ sessionId: s.id, status: "RUNNING" }]);
    // As if a manager died between its commit and its publish: no event at all.
    await testDb().session.update({ where: { id: s.id }, data: { status: "STOPPING", statusMessage: "ending: a lost event" } });
    // The reapers nudge the servers of sessions changed seconds ago (RENUDGE_AFTER_MS: 4 s).
    const at = Date.now();
    await waitFor("manager A to tell the agent to stop it", async () => (await answer()).sessions.length === 0, 12_000, 100);
    console.log(`a lost event healed after ${Date.now() - at} ms`);
    containers = [];
    await agentB.ok(`mutation($in:SessionReportInput!){ reportSession(input:$in) }`, { in: { sessionId: s.id, status: "STOPPED" } });
  }, 30_000);

  it("refuses the agent's credential on manager A at once once the server is deleted through manager B", async () => {
    await answer();
    await testDb().session.updateMany({ where: { serverId, status: "STOPPING" }, data: { status: "STOPPED" } });
    await adminB.ok(`mutation($id:ID!){ deleteServer(id:$id){ id } }`, { id: serverId });
    await waitFor("the credential refused on manager A", async () => (await checkIn()).errors?.[0]?.extensions?.code === "UNAUTHENTICATED", 1000, 20);
  });
});
