// The integrator SDK (sdk/): first its own behaviour against a stand-in server (errors, the polling
// fallback, timeouts), then the whole integrator flow against the test stack through the SDK alone.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, inject, it } from "vitest";
import { BerthClient, BerthError, pngSize, type Session } from "../../sdk/src/index.js";
import { adminClient } from "../support/admin.js";
import { env } from "../support/env.js";
import { decodePng } from "../support/png.js";
import { waitFor } from "../support/stack.js";

/** An API key made by the administrator, and an SDK client using it. */
async function newKey(scopes: string[]) {
  const admin = await adminClient();
  const r = await admin.ok<{ createApiKey: { secret: string } }>(`mutation($in:CreateApiKeyInput!){ createApiKey(input:$in){ secret } }`, {
    in: { name: `sdk-${randomBytes(3).toString("hex")}`, scopes },
  });
  return new BerthClient({ url: env.publicUrl, apiKey: r.createApiKey.secret });
}

const servers: Server[] = [];
/** A stand-in for the manager: answers each POST /graphql with `answer(body)`; no WebSocket. */
async function standIn(answer: (body: { query: string; variables: Record<string, unknown> }, req: IncomingMessage) => { status?: number; body: unknown }) {
  const s = createServer(async (req, res) => {
    // Node hands a WebSocket upgrade nobody listens for to this handler: refuse it as a proxy might.
    if (req.method !== "POST") return void res.writeHead(404).end();
    let text = "";
    for await (const c of req) text += c;
    const a = answer(JSON.parse(text || "{}"), req);
    res.writeHead(a.status ?? 200, { "content-type": typeof a.body === "string" ? "text/html" : "application/json" });
    res.end(typeof a.body === "string" ? a.body : JSON.stringify(a.body));
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

const fakeSession = (status: string, statusMessage: string) => ({ id: "5f0c2b1e-0000-4000-8000-000000000001", status, statusMessage });

describe("BerthClient (against a stand-in server)", () => {
  it("sends the API key and throws the server's refusal as a BerthError with its code and message", async () => {
    let auth = "";
    const url = await standIn((_b, req) => {
      auth = String(req.headers.authorization);
      return { body: { data: null, errors: [{ message: "this API key lacks the 'sessions:write' scope", extensions: { code: "FORBIDDEN" } }] } };
    });
    const err = await new BerthClient({ url, apiKey: "bk_test" }).requestSession({ imageId: "x", forUser: "alice" }).catch((e) => e);
    expect(err).toBeInstanceOf(BerthError);
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toBe("this API key lacks the 'sessions:write' scope");
    expect(auth).toBe("Bearer bk_test");
  });

  it("says HTTP_ERROR for an answer that is not GraphQL, and NETWORK_ERROR when nothing listens", async () => {
    const url = await standIn(() => ({ status: 502, body: "<html>502 Bad Gateway</html>" }));
    const bad = await new BerthClient({ url, apiKey: "bk_x" }).listImages().catch((e) => e);
    expect(bad.code).toBe("HTTP_ERROR");
    expect(bad.message).toMatch(/answered 502 without GraphQL: <html>502 Bad Gateway/);

    const closed = await standIn(() => ({ body: {} }));
    servers.pop()!.close();
    const down = await new BerthClient({ url: closed, apiKey: "bk_x" }).listImages().catch((e) => e);
    expect(down.code).toBe("NETWORK_ERROR");
    expect(down.message).toMatch(/could not reach .*\/graphql: ECONNREFUSED/);
  });

  it("waitForSession polls session(id) when the WebSocket cannot be opened, reporting each change", async () => {
    const states = [fakeSession("REQUESTED", "placed on server a"), fakeSession("STARTING", "creating the container"), fakeSession("STARTING", "creating the container"), fakeSession("RUNNING", "running")];
    let asked = 0;
    const url = await standIn(() => ({ body: { data: { session: states[Math.min(asked++, states.length - 1)] } } }));
    const seen: string[] = [];
    const s = await new BerthClient({ url, apiKey: "bk_x" }).waitForSession(states[0].id, { pollIntervalMs: 20, timeoutMs: 5000, onProgress: (x) => seen.push(`${x.status}: ${x.statusMessage}`) });
    expect(s.status).toBe("RUNNING");
    expect(seen).toEqual(["REQUESTED: placed on server a", "STARTING: creating the container", "RUNNING: running"]);
  });

  it("waitForSession throws SESSION_ENDED when the session fails first, and TIMEOUT when time runs out", async () => {
    const failing = await standIn(() => ({ body: { data: { session: fakeSession("FAILED", "did not start within 60 s") } } }));
    const ended = await new BerthClient({ url: failing, apiKey: "bk_x" }).waitForSession("s", { subscribe: false }).catch((e) => e);
    expect(ended.code).toBe("SESSION_ENDED");
    expect(ended.message).toMatch(/ended FAILED: did not start within 60 s/);
    expect((ended.details.session as Session).status).toBe("FAILED");

    const stuck = await standIn(() => ({ body: { data: { session: fakeSession("STARTING", "pulling the image") } } }));
    const t0 = Date.now();
    const late = await new BerthClient({ url: stuck, apiKey: "bk_x" }).waitForSession("s", { subscribe: false, timeoutMs: 300, pollIntervalMs: 50 }).catch((e) => e);
    expect(late.code).toBe("TIMEOUT");
    expect(late.message).toMatch(/last seen: STARTING, pulling the image/);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it("reads a PNG's size", () => {
    const png = Buffer.alloc(24);
    png.write("\x89PNG", 0, "latin1");
    png.writeUInt32BE(1280, 16);
    png.writeUInt32BE(800, 20);
    expect(pngSize(png)).toEqual({ width: 1280, height: 800 });
    expect(() => pngSize(Buffer.from("not a png at all, really"))).toThrow(/not a PNG/);
  });
});

describe.runIf(inject("stackStarted"))("the integrator flow through the SDK", () => {
  it("creates a user, launches a session with progress, runs a command in it, and ends it", async () => {
    const berth = await newKey(["sessions:read", "sessions:write", "users:write"]);
    const username = `sdk-${randomBytes(3).toString("hex")}`;
    const user = await berth.ensureUser(username);
    expect(user).toMatchObject({ username, role: "USER", disabled: false, activeSessions: 0 });
    expect((await berth.ensureUser(username)).id).toBe(user.id);

    const tiny = (await berth.listImages()).find((i) => i.name === "tiny");
    expect(tiny).toBeDefined();
    expect((await berth.findImage("tiny"))?.id).toBe(tiny!.id);
    const requested = await berth.requestSession({ imageId: tiny!.id, forUser: username, env: { CUSTOMER: "acme" }, startUrl: "https://example.com/start" });
    expect(requested).toMatchObject({ ownerName: username, userId: user.id, image: { name: "tiny" } });

    const progress: Session[] = [];
    const running = await berth.waitForSession(requested.id, { until: "RUNNING", timeoutMs: 30_000, onProgress: (s) => progress.push(s) });
    expect(running.status).toBe("RUNNING");
    expect(running.startedAt).not.toBeNull();
    // The subscription starts with the current state, then each change with its progress message.
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)!.status).toBe("RUNNING");
    expect(progress.some((s) => ["REQUESTED", "STARTING"].includes(s.status) && s.statusMessage !== "")).toBe(true);
    expect(berth.viewUrl(running)).toBe(`${env.publicUrl}${running.url}`);

    const mine = await berth.listSessions({ userId: user.id });
    expect(mine.map((s) => s.id)).toEqual([requested.id]);
    expect(await berth.listSessions({ userId: user.id, status: ["STOPPED"] })).toEqual([]);
    expect(await berth.keepalive(requested.id)).toBe(true);

    // The tiny image holds one program, the gateway: a wrong option makes it exit 2 at once.
    const r = await berth.runCommand(requested.id, ["/tiny-server", "--root", "/no/such/dir"], { timeoutS: 10 });
    expect(r).toMatchObject({ exitCode: 2, truncated: false });
    expect(r.stderr).toMatch(/--root \/no\/such\/dir is not a directory/);

    // The tiny image has no screen: its gateway draws a 640x400 test card (the desktop images
    // answer with their screen: tests/e2e/desktops.test.ts).
    const shot = await berth.screenshot(requested.id);
    expect(pngSize(shot)).toEqual({ width: 640, height: 400 });
    expect(decodePng(shot).pixel(0, 0)).toEqual(Buffer.from([192, 192, 192])); // a whole, valid PNG

    const ending = await berth.endSession(requested.id);
    expect(["STOPPING", "STOPPED"]).toContain(ending.status);
    const stopped = await berth.waitForSession(requested.id, { until: "STOPPED", timeoutMs: 20_000 });
    expect(stopped.status).toBe("STOPPED");
    expect(stopped.endedAt).not.toBeNull();
    expect((await berth.getSession(requested.id)).status).toBe("STOPPED");
    expect((await berth.listSessions({ userId: user.id, includeEnded: true })).map((s) => s.status)).toEqual(["STOPPED"]);
  });

  it("shares a session for its owner, joins another user and opens it for them with a viewing link; stopping cuts them off", async () => {
    const berth = await newKey(["sessions:read", "sessions:write", "users:write"]);
    const owner = `sdk-own-${randomBytes(3).toString("hex")}`;
    const guest = `sdk-guest-${randomBytes(3).toString("hex")}`;
    const stranger = `sdk-str-${randomBytes(3).toString("hex")}`;
    await Promise.all([berth.ensureUser(owner), berth.ensureUser(guest), berth.ensureUser(stranger)]);
    const tiny = await berth.findImage("tiny");
    const s = await berth.waitForSession((await berth.requestSession({ imageId: tiny!.id, forUser: owner })).id, { timeoutMs: 30_000 });

    const share = await berth.share(s.id, "VIEW");
    expect(share).toMatchObject({ sessionId: s.id, mode: "VIEW", url: `/share/${share.id}` });
    const joined = await berth.joinShare(share.id, guest);
    expect(joined.id).toBe(s.id);
    // A link for someone who is neither owner nor viewer is refused; the guest's signs them in, once.
    await expect(berth.viewingLink(s.id, { forUser: stranger })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/neither the owner nor a viewer/) });
    const link = await berth.viewingLink(s.id, { forUser: guest, ttlS: 30 });
    expect(link.url).toMatch(new RegExp(`^${env.publicUrl}/auth/link/`));
    const opened = await fetch(link.url, { redirect: "manual" });
    expect([opened.status, opened.headers.get("location")]).toEqual([302, `/sessions/${s.id}`]);
    const cookie = /berth_session=[^;]+/.exec(opened.headers.get("set-cookie") ?? "")![0];
    expect((await fetch(link.url, { redirect: "manual" })).status).toBe(410);
    const page = await fetch(`${env.publicUrl}/session/${s.id}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`<span id="berth-access">view</span>`);

    expect(await berth.stopSharing(s.id)).toBe(true);
    // nginx reuses the manager's yes for 1 to 2 s (nginx.conf, /_berth_auth): the refusal comes within that.
    await waitFor("the guest of a stopped share to be refused", async () => (await fetch(`${env.publicUrl}/session/${s.id}/`, { headers: { cookie } })).status === 403, 3_000);
    // Sharing needs sessions:write.
    const reader = await newKey(["sessions:read"]);
    await expect(reader.share(s.id)).rejects.toMatchObject({ code: "FORBIDDEN", message: "this API key lacks the 'sessions:write' scope" });
    await berth.endSession(s.id);
  });

  it("waits by polling alone as well, and passes refusals on with the server's code", async () => {
    const berth = await newKey(["sessions:read", "sessions:write", "users:write"]);
    const username = `sdk-${randomBytes(3).toString("hex")}`;
    await berth.ensureUser(username);
    const tiny = await berth.findImage("tiny");
    const s = await berth.requestSession({ imageId: tiny!.id, forUser: username });
    const seen: string[] = [];
    const running = await berth.waitForSession(s.id, { subscribe: false, pollIntervalMs: 100, timeoutMs: 30_000, onProgress: (x) => seen.push(x.status) });
    expect(running.status).toBe("RUNNING");
    expect(seen.at(-1)).toBe("RUNNING");
    await berth.endSession(s.id);

    const missing = await berth.waitForSession("00000000-0000-4000-8000-000000000000", { timeoutMs: 10_000 }).catch((e) => e);
    expect(missing).toBeInstanceOf(BerthError);
    expect(missing.code).toBe("NOT_FOUND");

    const readOnly = await newKey(["sessions:read"]);
    const refused = await readOnly.requestSession({ imageId: tiny!.id, forUser: username }).catch((e) => e);
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/lacks the 'sessions:write' scope/);
    expect((await readOnly.listServers().catch((e) => e)).code).toBe("FORBIDDEN");
  });

  it("lists servers and zones with fleet:read", async () => {
    const berth = await newKey(["fleet:read"]);
    const servers = await berth.listServers();
    expect(servers.length).toBeGreaterThanOrEqual(1);
    expect(servers.some((s) => s.status === "ONLINE" && s.images.some((i) => i.imageName === "tiny" && i.status === "READY"))).toBe(true);
    const zones = await berth.listZones();
    expect(zones.map((z) => z.id)).toEqual(expect.arrayContaining(servers.map((s) => s.zoneId)));
  });
});
