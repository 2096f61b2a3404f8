import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import Docker from "dockerode";
import { ApiClient } from "../support/api.js";
import { adminClient } from "../support/admin.js";
import { closeTestDb, testDb } from "../support/db.js";
import { env } from "../support/env.js";
import { imageByName } from "../support/factories.js";
import { waitFor } from "../support/stack.js";

const docker = new Docker({ socketPath: env.dockerSocket });

async function newKey(scopes: string[]) {
  const admin = await adminClient();
  const r = await admin.ok<{ createApiKey: { secret: string; key: { id: string; prefix: string } } }>(
    `mutation($in:CreateApiKeyInput!){ createApiKey(input:$in){ secret key { id prefix } } }`,
    { in: { name: `test-${randomBytes(3).toString("hex")}`, scopes } },
  );
  return { ...r.createApiKey, client: new ApiClient(env.publicUrl, { authorization: `Bearer ${r.createApiKey.secret}` }), admin };
}

describe.runIf(inject("stackStarted"))("the integrator API: keys and scopes", () => {
  afterAll(() => closeTestDb());

  it("creates a user and a session for them with environment and a start URL, then ends it", async () => {
    const { client, secret, key } = await newKey(["sessions:read", "sessions:write", "users:write"]);
    expect(secret.startsWith(key.prefix)).toBe(true);
    const username = `alice-${randomBytes(3).toString("hex")}`;
    const user = await client.ok<{ ensureUser: { id: string; username: string } }>(`mutation($u:String!){ ensureUser(username:$u){ id username } }`, { u: username });
    expect(user.ensureUser.username).toBe(username);
    // Idempotent: the same user again.
    expect((await client.ok<{ ensureUser: { id: string } }>(`mutation($u:String!){ ensureUser(username:$u){ id } }`, { u: username })).ensureUser.id).toBe(user.ensureUser.id);

    const tiny = await imageByName("tiny");
    const s = (
      await client.ok<{ requestSession: { id: string; ownerName: string } }>(
        `mutation($i:ID!,$u:String!){ requestSession(imageId:$i, forUser:$u, env:[{name:"CUSTOMER", value:"acme"}], startUrl:"https://example.com/start"){ id ownerName } }`,
        { i: tiny.id, u: username },
      )
    ).requestSession;
    expect(s.ownerName).toBe(username);
    await waitFor("RUNNING", async () => (await client.ok<{ session: { status: string } }>(`query($id:ID!){ session(id:$id){ status } }`, { id: s.id })).session.status === "RUNNING", 10_000);
    const [c] = await docker.listContainers({ filters: { label: [`berth.session=${s.id}`] } });
    const envs = (await docker.getContainer(c.Id).inspect()).Config.Env;
    expect(envs).toContain("CUSTOMER=acme");
    expect(envs).toContain("BERTH_START_URL=https://example.com/start");
    await client.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: s.id });
    const used = await testDb().apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(used.lastUsedAt).not.toBeNull();
  });

  it("refuses requestSession with FORBIDDEN to a key without sessions:write", async () => {
    const { client } = await newKey(["sessions:read"]);
    const tiny = await imageByName("tiny");
    const r = await client.gql(`mutation($i:ID!){ requestSession(imageId:$i, forUser:"admin"){ id } }`, { i: tiny.id });
    expect(r.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(r.errors?.[0].message).toMatch(/lacks the 'sessions:write' scope/);
  });

  it("refuses acting for an administrator without the admin scope", async () => {
    const { client } = await newKey(["sessions:write"]);
    const tiny = await imageByName("tiny");
    const r = await client.gql(`mutation($i:ID!){ requestSession(imageId:$i, forUser:"admin"){ id } }`, { i: tiny.id });
    expect(r.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("answers UNAUTHENTICATED at once for a revoked key, an expired key and a wrong secret, saying which", async () => {
    const { client, key, admin } = await newKey(["sessions:read"]);
    expect((await client.gql(`{ images { id } }`)).errors).toBeUndefined();
    await admin.ok(`mutation($id:ID!){ revokeApiKey(id:$id){ revokedAt } }`, { id: key.id });
    const revoked = await client.gql(`{ sessions { id } }`);
    expect(revoked.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(revoked.errors?.[0].message).toMatch(/was revoked/);

    const expired = await newKey(["sessions:read"]);
    await testDb().apiKey.update({ where: { id: expired.key.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const e = await expired.client.gql(`{ sessions { id } }`);
    expect(e.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(e.errors?.[0].message).toMatch(/expired/);

    const wrong = new ApiClient(env.publicUrl, { authorization: "Bearer bk_not-a-real-key" });
    const w = await wrong.gql(`{ sessions { id } }`);
    expect(w.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(w.errors?.[0].message).toMatch(/unknown API key/);
  });

  it("refuses a query deeper or larger than the limits before it runs", async () => {
    const { client } = await newKey(["sessions:read"]);
    let nested = "name";
    for (let i = 0; i < 20; i++) nested = `ofType { ${nested} }`;
    const deep = await client.gql(`{ __schema { types { fields { type { ${nested} } } } } }`);
    expect(deep.data ?? null).toBeNull();
    expect(deep.errors?.[0].message).toMatch(/query too deep/);
    const wide = await client.gql(`{ ${Array.from({ length: 1100 }, (_, i) => `a${i}: images { id name }`).join(" ")} }`);
    expect(wide.data ?? null).toBeNull();
    expect(wide.errors?.[0].message).toMatch(/query too large/);
  });
});

describe.runIf(inject("stackStarted"))("commands inside a session", () => {
  afterAll(() => closeTestDb());

  it("runs a command in a session and returns its exit code and output", async () => {
    const { client } = await newKey(["sessions:read", "sessions:write", "users:write"]);
    const username = `cmd-${randomBytes(3).toString("hex")}`;
    await client.ok(`mutation($u:String!){ ensureUser(username:$u){ id } }`, { u: username });
    const tiny = await imageByName("tiny");
    const s = (await client.ok<{ requestSession: { id: string } }>(`mutation($i:ID!,$u:String!){ requestSession(imageId:$i, forUser:$u){ id } }`, { i: tiny.id, u: username })).requestSession;
    await waitFor("RUNNING", async () => (await testDb().session.findUniqueOrThrow({ where: { id: s.id } })).status === "RUNNING", 10_000);
    const ok = await client.ok<{ runCommand: { exitCode: number; stdout: string } }>(
      `mutation($s:ID!){ runCommand(sessionId:$s, command:["berth-gateway","version"]){ exitCode stdout stderr } }`,
      { s: s.id },
    );
    expect(ok.runCommand.exitCode).toBe(0);
    expect(ok.runCommand.stdout).toMatch(/berth-gateway/);
    const missing = await client.gql(`mutation($s:ID!){ runCommand(sessionId:$s, command:["/no/such/program"]){ exitCode } }`, { s: s.id });
    expect(missing.errors?.[0].extensions?.code ?? "none").toMatch(/UNAVAILABLE|none/);
    await client.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: s.id });
  });
});

describe.runIf(inject("stackStarted"))("viewing links", () => {
  afterAll(() => closeTestDb());

  it("signs the owner in once and opens the session; a second use is refused", async () => {
    const { client } = await newKey(["sessions:read", "sessions:write", "users:write"]);
    const username = `view-${randomBytes(3).toString("hex")}`;
    await client.ok(`mutation($u:String!){ ensureUser(username:$u){ id } }`, { u: username });
    const tiny = await imageByName("tiny");
    const s = (await client.ok<{ requestSession: { id: string } }>(`mutation($i:ID!,$u:String!){ requestSession(imageId:$i, forUser:$u){ id } }`, { i: tiny.id, u: username })).requestSession;
    await waitFor("RUNNING", async () => (await testDb().session.findUniqueOrThrow({ where: { id: s.id } })).status === "RUNNING", 10_000);
    const link = (await client.ok<{ createViewingLink: { url: string } }>(`mutation($s:ID!){ createViewingLink(sessionId:$s){ url expiresAt } }`, { s: s.id })).createViewingLink;
    const browser = new ApiClient();
    const first = await browser.fetch(link.url);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`/sessions/${s.id}`);
    expect((await browser.ok<{ me: { username: string } }>(`{ me { username } }`)).me.username).toBe(username);
    expect((await browser.fetch(`/session/${s.id}/`)).status).toBe(200);
    expect((await new ApiClient().fetch(link.url)).status).toBe(410);
    await client.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: s.id });
  });
});
