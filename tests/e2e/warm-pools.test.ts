// Warm pools (issue #8): ready sessions kept waiting per image and zone. A launch takes one at
// once; no waiting session is ever handed to two users, even under a burst of launches; the
// taker gets credentials of its own (the pool's stop working); the pool refills in the
// background, only into free capacity, and gives way to on-demand launches.
import { randomBytes } from "node:crypto";
import Docker from "dockerode";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/api.js";
import { adminClient } from "../support/admin.js";
import { closeTestDb, testDb } from "../support/db.js";
import { env } from "../support/env.js";
import { buildUser, imageByName } from "../support/factories.js";
import { waitFor } from "../support/stack.js";

type Pool = { id: string; size: number; ready: number; starting: number; message: string; imageName: string; zoneName: string };
const POOLS = `{ warmPools { id size ready starting message imageName zoneName } }`;
const SET = `mutation($i:ID!,$z:ID!,$n:Int!){ setWarmPool(imageId:$i, zoneId:$z, size:$n){ id size ready starting message } }`;

describe.runIf(inject("stackStarted"))("warm pools", () => {
  let admin: ApiClient;
  let imageId = "";
  let zoneId = "";
  let serverId = "";
  const docker = new Docker({ socketPath: env.dockerSocket });

  const pool = async () => (await admin.ok<{ warmPools: Pool[] }>(POOLS)).warmPools.find((p) => p.imageName === "tiny")!;
  const setSize = (n: number) => admin.ok<{ setWarmPool: Pool }>(SET, { i: imageId, z: zoneId, n });
  let last: Pool | undefined;
  const waitPool = (what: string, ok: (p: Pool) => boolean) =>
    waitFor(what, async () => ((p) => ((last = p), ok(p) ? p : null))(await pool()), 30_000, 100).catch((e: Error) => {
      throw new Error(`${e.message}; the pool: ${JSON.stringify(last)}`);
    });

  beforeAll(async () => {
    admin = await adminClient();
    imageId = (await imageByName("tiny")).id;
    const server = await testDb().server.findFirstOrThrow({ where: { images: { some: { imageId, status: "READY" } } }, orderBy: { createdAt: "asc" } });
    serverId = server.id;
    zoneId = server.zoneId;
  });
  afterAll(async () => {
    await setSize(0).catch(() => {});
    await waitPool("the pool to drain", (p) => p.ready + p.starting === 0).catch(() => {});
    await testDb().server.update({ where: { id: serverId }, data: { coresOverride: 64 } });
    await closeTestDb();
  });

  it("refuses what cannot work, and only administrators see or set pools", async () => {
    const bad = await admin.gql(SET, { i: imageId, z: zoneId, n: 101 });
    expect([bad.errors?.[0].extensions?.code, bad.errors?.[0].message]).toEqual(["BAD_USER_INPUT", "size is a whole number from 0 to 100"]);
    const user = new ApiClient();
    const u = await buildUser();
    await user.signIn(u.username, u.password);
    expect((await user.gql(POOLS)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await user.gql(SET, { i: imageId, z: zoneId, n: 1 })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("hands each waiting session to exactly one user under 20 concurrent launches, with credentials of its own, then refills", async () => {
    await setSize(5);
    await waitPool("5 ready sessions", (p) => p.ready === 5 && p.starting === 0);
    const waiting = await testDb().session.findMany({ where: { pool: { imageId, zoneId }, status: "RUNNING" }, select: { id: true, secret: true, hostPort: true } });
    expect(waiting).toHaveLength(5);
    // Nobody can open a waiting session: it belongs to the pool user, who cannot sign in.
    const owner = await testDb().session.findUniqueOrThrow({ where: { id: waiting[0].id }, select: { user: { select: { username: true, disabled: true } } } });
    expect(owner.user).toEqual({ username: ".pool", disabled: true });

    const users = await Promise.all(Array.from({ length: 20 }, () => buildUser()));
    const clients = await Promise.all(
      users.map(async (u) => {
        const c = new ApiClient();
        await c.signIn(u.username, u.password);
        return { user: u, c };
      }),
    );
    const t0 = performance.now();
    const launched = await Promise.all(
      clients.map(async ({ user, c }) => {
        const r = await c.ok<{ requestSession: { id: string; status: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id status } }`, { i: imageId });
        return { user, c, id: r.requestSession.id, status: r.requestSession.status };
      }),
    );
    const burstMs = performance.now() - t0;
    // 20 launches, 20 different sessions, each owned by the user who launched it.
    expect(new Set(launched.map((l) => l.id)).size).toBe(20);
    const rows = await testDb().session.findMany({ where: { id: { in: launched.map((l) => l.id) } }, select: { id: true, userId: true, claimedAt: true } });
    for (const l of launched) expect(rows.find((r) => r.id === l.id)?.userId).toBe(l.user.id);
    const claimed = rows.filter((r) => r.claimedAt);
    // Every waiting session was taken, once each.
    expect(claimed.length).toBeGreaterThanOrEqual(5);
    for (const w of waiting) expect(launched.filter((l) => l.id === w.id)).toHaveLength(1);

    // Each user reaches their own session through the front door; the pool's credential no longer works.
    await Promise.all(
      launched.map(async (l) => {
        await waitFor(`${l.id} RUNNING`, async () => (await l.c.ok<{ session: { status: string } }>(`query($id:ID!){ session(id:$id){ status } }`, { id: l.id })).session.status === "RUNNING", 30_000, 100);
        const page = await l.c.fetch(`/session/${l.id}/`);
        expect(page.status).toBe(200);
        const html = await page.text();
        expect(html).toContain(`<code id="berth-session-id">${l.id}</code>`);
        expect(html).toContain(`<span id="berth-access">full</span>`);
      }),
    );
    for (const w of waiting) {
      const direct = await fetch(`http://127.0.0.1:${w.hostPort}/`, { headers: { authorization: `Bearer ${w.secret}` } });
      expect(direct.status).toBe(401);
    }
    // One container per session: none was started twice, none is left over.
    const containers = await docker.listContainers({ all: true });
    for (const l of launched) expect(containers.filter((c) => Object.values(c.Labels).includes(l.id)), l.id).toHaveLength(1);
    console.log(`warm pool: 20 concurrent launches answered in ${Math.round(burstMs)} ms, ${claimed.length} from the pool`);

    // The pool fills up again in the background.
    await waitPool("the pool refilled", (p) => p.ready === 5);
    await Promise.all(launched.map((l) => l.c.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: l.id })));
  }, 120_000);

  it("gives way to on-demand launches, fills only free capacity, and shrinks when told", async () => {
    const tiny = await imageByName("tiny");
    await setSize(0);
    await waitPool("the pool empty", (p) => p.ready + p.starting === 0);
    // Room for exactly four more tiny sessions on the server, besides what runs there now (once ended ones are gone).
    await waitFor("ended sessions gone", async () => (await testDb().session.count({ where: { serverId, status: "STOPPING" } })) === 0, 30_000);
    const used = await testDb().session.aggregate({ where: { serverId, status: { in: ["REQUESTED", "STARTING", "RUNNING", "PAUSED", "STOPPING"] } }, _sum: { cores: true } });
    await testDb().server.update({ where: { id: serverId }, data: { coresOverride: (used._sum.cores ?? 0) + 4 * tiny.cores } });
    await setSize(6);
    const short = await waitPool("4 ready, 2 short for capacity", (p) => p.ready === 4 && p.starting === 0 && /^2 short: .*full/.test(p.message));
    expect(short.size).toBe(6);

    // The server is full of waiting sessions, yet an on-demand launch (its own environment: no pooled one fits) starts.
    const key = (await admin.ok<{ createApiKey: { secret: string } }>(`mutation($in:CreateApiKeyInput!){ createApiKey(input:$in){ secret } }`, {
      in: { name: `pools-${randomBytes(3).toString("hex")}`, scopes: ["sessions:write", "sessions:read", "users:write"] },
    })).createApiKey.secret;
    const integrator = new ApiClient(env.publicUrl, { authorization: `Bearer ${key}` });
    const u = await buildUser();
    const r = await integrator.ok<{ requestSession: { id: string; claimedAt: string | null } }>(
      `mutation($i:ID!,$u:String!){ requestSession(imageId:$i, forUser:$u, env:[{name:"CUSTOMER", value:"acme"}]){ id claimedAt } }`,
      { i: imageId, u: u.username },
    );
    expect(r.requestSession.claimedAt).toBeNull();
    const evicted = await testDb().session.findMany({ where: { statusMessage: { contains: "making room for a launch" }, createdAt: { gt: new Date(Date.now() - 60_000) } } });
    expect(evicted).toHaveLength(1);
    await waitFor("the on-demand session RUNNING", async () => (await testDb().session.findUniqueOrThrow({ where: { id: r.requestSession.id } })).status === "RUNNING", 30_000);
    await waitPool("3 ready now", (p) => p.ready === 3 && p.starting === 0);

    await setSize(1);
    await waitPool("the pool shrunk to 1", (p) => p.ready === 1 && p.starting === 0 && p.message === "");
    await integrator.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: r.requestSession.id });
  }, 120_000);
});
