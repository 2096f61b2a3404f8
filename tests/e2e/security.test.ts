import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/api.js";
import { closeTestDb } from "../support/db.js";
import { env } from "../support/env.js";
import { buildUser, imageByName, signedInClient } from "../support/factories.js";
import { adminClient } from "../support/admin.js";

describe.runIf(inject("stackStarted"))("the front door and sign-in protection", () => {
  afterAll(() => closeTestDb());

  it("sets the sign-in cookie httpOnly, Secure and SameSite, and the usual security headers", async () => {
    const user = await buildUser();
    const res = await fetch(`${env.publicUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation($u:String!,$p:String!){ signIn(username:$u,password:$p){ id } }`, variables: { u: user.username, p: user.password } }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("berth_session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    for (const path of ["/", "/graphql", "/session/00000000-0000-4000-8000-000000000000/"]) {
      const r = await fetch(env.publicUrl + path, { redirect: "manual" });
      expect(r.headers.get("strict-transport-security"), path).toMatch(/max-age=/);
      expect(r.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(r.headers.get("x-frame-options"), path).toBe("SAMEORIGIN");
      expect(r.headers.get("server") ?? "", path).not.toMatch(/\d/);
    }
  });

  it("refuses cross-site form posts to the API (CSRF protection)", async () => {
    const { client } = await signedInClient();
    const res = await fetch(`${env.publicUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "text/plain", cookie: client.cookie },
      body: JSON.stringify({ query: "mutation { signOut }" }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
  });

  it("never shows a session's credential to the browser", async () => {
    const { client } = await signedInClient();
    const tiny = await imageByName("tiny");
    const s = (await client.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: tiny.id })).requestSession;
    const { testDb } = await import("../support/db.js");
    const { waitFor } = await import("../support/stack.js");
    await waitFor("RUNNING", async () => (await testDb().session.findUniqueOrThrow({ where: { id: s.id } })).status === "RUNNING", 10_000);
    const row = await testDb().session.findUniqueOrThrow({ where: { id: s.id } });
    const page = await client.fetch(`/session/${s.id}/`);
    const text = await page.text();
    const headers = JSON.stringify([...page.headers.entries()]);
    expect(text + headers).not.toContain(row.secret);
    const api = JSON.stringify(await client.gql(`query($id:ID!){ session(id:$id){ id url status } mySessions { id url } }`, { id: s.id }));
    expect(api).not.toContain(row.secret);
    await client.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: s.id });
  });

  it("locks an account for a while after repeated failed sign-ins, saying how long", async () => {
    const user = await buildUser();
    const c = new ApiClient();
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await c.gql(`mutation($u:String!){ signIn(username:$u, password:"wrong-password"){ id } }`, { u: user.username });
      codes.push(r.errors![0].extensions!.code as string);
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill("UNAUTHENTICATED"));
    expect(codes[5]).toBe("RATE_LIMITED");
    // Even the right password waits until the lock ends.
    const locked = await c.gql(`mutation($u:String!,$p:String!){ signIn(username:$u, password:$p){ id } }`, { u: user.username, p: user.password });
    expect(locked.errors?.[0].extensions?.code).toBe("RATE_LIMITED");
    expect(locked.errors?.[0].message).toMatch(/try again in \d+ s/);
    await new Promise((r) => setTimeout(r, 5200));
    expect((await c.gql(`mutation($u:String!,$p:String!){ signIn(username:$u, password:$p){ id } }`, { u: user.username, p: user.password })).errors).toBeUndefined();
  });

  it("enforces password rules with messages a person can act on", async () => {
    const admin = await adminClient();
    const name = `pw-${randomBytes(3).toString("hex")}`;
    for (const [password, message] of [["short", /at least 8/], [name, /cannot be the username/], ["password1", /too easy/], ["aaaaaaaaaa", /too easy/]] as const) {
      const r = await admin.gql(`mutation($u:String!,$p:String!){ createUser(input:{username:$u, password:$p}){ password } }`, { u: name, p: password });
      expect(r.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(r.errors?.[0].message).toMatch(message);
    }
  });

  it("signs out everywhere", async () => {
    const user = await buildUser();
    const a = new ApiClient();
    const b = new ApiClient();
    await a.signIn(user.username, user.password);
    await b.signIn(user.username, user.password);
    expect((await a.ok<{ signOutEverywhere: number }>(`mutation { signOutEverywhere }`)).signOutEverywhere).toBe(2);
    expect((await b.ok<{ me: unknown }>(`{ me { id } }`)).me).toBeNull();
    expect((await b.fetch(`/session/00000000-0000-4000-8000-000000000000/`)).status).toBe(401);
  });
});
