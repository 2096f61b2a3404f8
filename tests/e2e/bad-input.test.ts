import { afterAll, describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/api.js";
import { closeTestDb, testDb } from "../support/db.js";
import { env } from "../support/env.js";
import { imageByName, signedInClient } from "../support/factories.js";
import { waitFor } from "../support/stack.js";

/** Counts rows of every table that bad input might touch, to show nothing changed. */
async function snapshot() {
  const db = testDb();
  const [sessions, servers, users, tokens] = await Promise.all([
    db.session.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } }),
    db.server.count(),
    db.user.count(),
    db.enrollmentToken.count(),
  ]);
  return { sessions, servers, users, tokens };
}

describe.runIf(inject("stackStarted"))("bad input gets a stable error code and changes nothing", () => {
  afterAll(() => closeTestDb());

  it("answers NOT_FOUND for an unknown image id, well-formed or not", async () => {
    const { client } = await signedInClient();
    const before = await snapshot();
    for (const imageId of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "'; DROP TABLE \"Session\"; --"]) {
      const r = await client.gql(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: imageId });
      expect(r.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to destroy another user's session", async () => {
    const { client: owner } = await signedInClient();
    const { client: other } = await signedInClient();
    const tiny = await imageByName("tiny");
    const s = (await owner.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: tiny.id })).requestSession;
    await waitFor("RUNNING", async () => (await testDb().session.findUnique({ where: { id: s.id } }))?.status === "RUNNING", 10_000);
    const before = await snapshot();
    const r = await other.gql(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: s.id });
    expect(r.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
    await owner.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: s.id });
  });

  it("refuses anonymous launches with UNAUTHENTICATED", async () => {
    const tiny = await imageByName("tiny");
    const r = await new ApiClient().gql(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: tiny.id });
    expect(r.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a wrong enrollment token", async () => {
    const before = await snapshot();
    const agent = new ApiClient(env.managerUrl.replace("/graphql", ""));
    const r = await agent.gql(
      `mutation($t:String!,$h:HostFactsInput!){ registerAgent(enrollmentToken:$t, host:$h){ serverId agentToken } }`,
      { t: "bz_wrong", h: { hostname: "intruder", cores: 4, memoryMb: 4096, dockerVersion: "20.10", agentVersion: "0", publishHost: "127.0.0.1" } },
    );
    expect(r.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses malformed check-ins", async () => {
    const before = await snapshot();
    const anonymousAgent = new ApiClient(env.managerUrl.replace("/graphql", ""));
    const validHost = { hostname: "h", cores: 1, memoryMb: 1, dockerVersion: "x", agentVersion: "x", publishHost: "127.0.0.1" };
    const q = `mutation($in:CheckInInput!){ checkIn(input:$in){ serverId } }`;
    // Without an agent credential.
    let r = await anonymousAgent.gql(q, { in: { host: validHost, resources: { cpuPercent: 1, memoryUsedMb: 1 }, containers: [] } });
    expect(r.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    // With a real credential but malformed content: negative memory, unknown container state, a bad session id.
    const server = await testDb().server.findFirstOrThrow();
    const { hashToken, newToken } = await import("../../server/src/auth/tokens.js");
    const token = newToken("ba");
    // A second credential for a throwaway server row in the same zone, so the real agent is undisturbed.
    const probe = await testDb().server.create({ data: { zoneId: server.zoneId, hostname: "probe", agentTokenHash: hashToken(token), enabled: false } });
    const snap = await snapshot();
    const agent = new ApiClient(env.managerUrl.replace("/graphql", ""), { authorization: `Bearer ${token}` });
    for (const bad of [
      { host: { ...validHost, memoryMb: -5 }, resources: { cpuPercent: 1, memoryUsedMb: 1 }, containers: [] },
      { host: validHost, resources: { cpuPercent: 1, memoryUsedMb: 1 }, containers: [{ sessionId: "x", containerId: "c", state: "exploded" }] },
      { host: { ...validHost, publishHost: "$(rm -rf /)" }, resources: { cpuPercent: 1, memoryUsedMb: 1 }, containers: [] },
      { host: validHost, resources: { cpuPercent: "lots", memoryUsedMb: 1 }, containers: [] },
    ]) {
      r = await agent.gql(q, { in: bad });
      expect(["BAD_USER_INPUT"]).toContain(r.errors?.[0].extensions?.code);
    }
    expect(await snapshot()).toEqual(snap);
    const after = await testDb().server.findUniqueOrThrow({ where: { id: probe.id } });
    expect(after.lastCheckInAt).toEqual(probe.lastCheckInAt);
    await testDb().server.delete({ where: { id: probe.id } });
    expect(await snapshot()).toEqual(before);
  });
});
