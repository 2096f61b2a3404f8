// The berth command line (sdk/src/cli.ts), run as scripts run it: `node sdk/dist/cli.js ...`,
// checking exit codes, tables and --json. It trusts the stack's certificate through BERTH_CA_FILE
// alone (NODE_EXTRA_CA_CERTS is taken away), as on a machine that never saw the certificate.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { adminClient } from "../support/admin.js";
import { env } from "../support/env.js";
import { pngSize } from "../../sdk/src/index.js";

const cli = join(env.root, "sdk", "dist", "cli.js");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `vars` are added to (or, when undefined, removed from) its environment. */
const berth = (args: string[], vars: Record<string, string | undefined> = {}) => node([cli, ...args], vars);

function node(args: string[], vars: Record<string, string | undefined>): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: undefined, BERTH_URL: undefined, BERTH_API_KEY: undefined, BERTH_CA_FILE: undefined, ...vars };
  for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (c) => (stdout += c));
    p.stderr.on("data", (c) => (stderr += c));
    const timer = setTimeout(() => p.kill("SIGKILL"), 60_000);
    p.on("error", reject);
    p.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function newKey(scopes: string[]) {
  const admin = await adminClient();
  const r = await admin.ok<{ createApiKey: { secret: string } }>(`mutation($in:CreateApiKeyInput!){ createApiKey(input:$in){ secret } }`, {
    in: { name: `cli-${randomBytes(3).toString("hex")}`, scopes },
  });
  return { BERTH_URL: env.publicUrl, BERTH_API_KEY: r.createApiKey.secret, BERTH_CA_FILE: env.tlsCert };
}

beforeAll(() => {
  // The suite's build (npm run build) leaves the SDK out: compile it here.
  execFileSync(process.execPath, [join(env.root, "node_modules", "typescript", "bin", "tsc"), "-p", join(env.root, "sdk", "tsconfig.json")], { stdio: "inherit" });
}, 120_000);

describe("berth: usage", () => {
  it("prints help for the tool and every command, exit 0", async () => {
    const top = await berth(["--help"]);
    expect(top.code).toBe(0);
    for (const c of ["sessions list", "sessions request", "sessions end", "sessions screenshot", "sessions exec", "sessions share", "sessions join", "sessions link", "sessions unshare", "pools list", "pools set", "images list", "servers list", "zones list", "users ensure"]) {
      expect(top.stdout).toContain(`berth ${c}`);
      const help = await berth([...c.split(" "), "--help"]);
      expect(help.code, c).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: berth ${c}`));
      expect(help.stdout).toContain("Exit codes:");
    }
    expect(top.stdout).toMatch(/3 {2}timed out waiting/);
  });

  it("exits 2 with a pointer to the help for usage mistakes", async () => {
    const cases: [string[], RegExp][] = [
      [[], /Usage: berth <command>/],
      [["sessions"], /Usage: berth sessions <command>/],
      [["sessions", "frobnicate"], /unknown command 'sessions frobnicate'/],
      [["sessions", "list", "--bogus"], /Unknown option '--bogus'/],
      [["sessions", "list"], /missing a Berth address \(--url or BERTH_URL\) and an API key/],
      [["sessions", "end", "--url", "https://x", "--api-key", "bk_x"], /missing argument: berth sessions end <id>/],
      [["sessions", "exec", "some-id", "--url", "https://x", "--api-key", "bk_x"], /give the command after --/],
      [["sessions", "request", "--image", "tiny", "--user", "a", "--env", "NOEQUALS", "--url", "https://x", "--api-key", "bk_x"], /--env takes NAME=VALUE/],
      [["sessions", "list", "--status", "sleeping", "--url", "https://x", "--api-key", "bk_x"], /unknown status 'SLEEPING'/],
    ];
    for (const [args, message] of cases) {
      const r = await berth(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe("");
    }
  });

  it("exits 1 with NETWORK_ERROR when the server cannot be reached", async () => {
    const r = await berth(["images", "list", "--json", "--url", "http://127.0.0.1:9", "--api-key", "bk_x"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe("NETWORK_ERROR");
    expect(r.stderr).toMatch(/^berth: NETWORK_ERROR: could not reach http:\/\/127\.0\.0\.1:9\/graphql/);
  });
});

describe.runIf(inject("stackStarted"))("berth: the integrator flow", () => {
  it("ensures a user, launches a session with --wait, runs a command, and ends it", async () => {
    const key = await newKey(["sessions:read", "sessions:write", "users:write", "fleet:read"]);
    const username = `cli-${randomBytes(3).toString("hex")}`;

    const user = await berth(["users", "ensure", username, "--json"], key);
    expect(user.code).toBe(0);
    expect(JSON.parse(user.stdout)).toMatchObject({ username, role: "USER" });

    const images = await berth(["images", "list"], key);
    expect(images.code).toBe(0);
    expect(images.stdout).toMatch(/^ID +NAME +CORES +MEMORY +ENABLED +DESCRIPTION\n/);
    expect(images.stdout).toMatch(/\stiny\s/);

    const req = await berth(["sessions", "request", "--image", "tiny", "--user", username, "--env", "CUSTOMER=acme", "--start-url", "https://example.com/", "--wait"], key);
    expect(req.code, req.stderr).toBe(0);
    const [id, url] = req.stdout.trim().split(" ");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(url).toBe(`${env.publicUrl}/session/${id}/`);
    // Not a terminal: one progress line per change, each with its status message.
    expect(req.stderr).toMatch(/^\[ +\d+\.\ds\] (REQUESTED|STARTING) {2}\S/m);
    expect(req.stderr.trim().split("\n").at(-1)).toMatch(/\] RUNNING/);

    const listed = await berth(["sessions", "list", "--user", username, "--json"], key);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id, status: "RUNNING", ownerName: username, viewUrl: url })]);
    const table = await berth(["sessions", "list", "--user", username, "--status", "running"], key);
    expect(table.stdout).toMatch(new RegExp(`^ID +STATUS +USER +IMAGE +SERVER +AGE +MESSAGE\\n${id} +RUNNING +${username} +tiny `));

    // The command's own exit code and output come through; --json carries them as well.
    const exec = await berth(["sessions", "exec", id, "--", "/tiny-server", "--root", "/no/such/dir"], key);
    expect(exec.code).toBe(2);
    expect(exec.stderr).toMatch(/--root \/no\/such\/dir is not a directory/);
    const execJson = await berth(["sessions", "exec", id, "--json", "--timeout", "10", "--", "/tiny-server", "--root", "/nope"], key);
    expect(execJson.code).toBe(2);
    expect(JSON.parse(execJson.stdout)).toMatchObject({ exitCode: 2, truncated: false, stderr: expect.stringMatching(/is not a directory/) });

    // A PNG of the screen (the tiny image's is a 640x400 test card), to a file or as JSON facts.
    const file = join(tmpdir(), `berth-${id}.png`);
    const shot = await berth(["sessions", "screenshot", id, "-o", file], key);
    expect([shot.code, shot.stdout.trim()]).toEqual([0, `${file} 640x400`]);
    expect(pngSize(readFileSync(file))).toEqual({ width: 640, height: 400 });
    const shotJson = await berth(["sessions", "screenshot", id, "-o", file, "--json"], key);
    expect(JSON.parse(shotJson.stdout)).toMatchObject({ file, width: 640, height: 400 });

    // Waiting for a status that never comes: exit 3.
    const late = await berth(["sessions", "wait", id, "--until", "PAUSED", "--timeout", "1"], key);
    expect(late.code).toBe(3);
    expect(late.stderr).toMatch(/TIMEOUT: session did not become PAUSED within 1 s/);

    const end = await berth(["sessions", "end", id, "--wait"], key);
    expect(end.code, end.stderr).toBe(0);
    expect(end.stdout.trim()).toBe(`${id} STOPPED`);
    const got = await berth(["sessions", "get", id, "--json"], key);
    expect(JSON.parse(got.stdout)).toMatchObject({ id, status: "STOPPED" });
    const ended = await berth(["sessions", "wait", id], key);
    expect(ended.code).toBe(1);
    expect(ended.stderr).toMatch(/SESSION_ENDED: session .* ended STOPPED/);
    expect((await berth(["sessions", "list", "--user", username], key)).stderr).toMatch(/no sessions/);
    expect((await berth(["sessions", "list", "--user", username, "--all", "--json"], key)).stdout).toContain(`"status": "STOPPED"`);
  });


  it("shares a session, joins a user to it and prints a single-use viewing link for them", async () => {
    const key = await newKey(["sessions:read", "sessions:write", "users:write"]);
    const owner = `cli-own-${randomBytes(3).toString("hex")}`;
    const guest = `cli-guest-${randomBytes(3).toString("hex")}`;
    for (const u of [owner, guest]) expect((await berth(["users", "ensure", u], key)).code).toBe(0);
    const req = await berth(["sessions", "request", "--image", "tiny", "--user", owner, "--wait"], key);
    expect(req.code, req.stderr).toBe(0);
    const id = req.stdout.trim().split(" ")[0];

    const share = await berth(["sessions", "share", id], key);
    expect(share.code, share.stderr).toBe(0);
    const shareUrl = share.stdout.trim();
    expect(shareUrl).toMatch(new RegExp(`^${env.publicUrl}/share/[0-9a-f]{32}$`));
    const join = await berth(["sessions", "join", shareUrl, "--user", guest], key);
    expect([join.code, join.stdout.trim()]).toEqual([0, id]);
    const link = await berth(["sessions", "link", id, "--user", guest, "--ttl", "30"], key);
    expect(link.code, link.stderr).toBe(0);
    const opened = await fetch(link.stdout.trim(), { redirect: "manual" });
    expect([opened.status, opened.headers.get("location")]).toEqual([302, `/sessions/${id}`]);
    const noUser = await berth(["sessions", "join", shareUrl], key);
    expect([noUser.code, noUser.stderr]).toEqual([2, expect.stringMatching(/--user <name> is required/)]);
    expect((await berth(["sessions", "unshare", id], key)).stdout.trim()).toBe("sharing stopped");
    expect((await berth(["sessions", "unshare", id], key)).stdout.trim()).toBe("was not shared");
    expect((await berth(["sessions", "end", id, "--wait"], key)).code).toBe(0);
  });

  it("sets, lists and ends a warm pool with an admin key; other keys are refused", async () => {
    const admin = await newKey(["admin"]);
    const set = await berth(["pools", "set", "--image", "tiny", "--zone", "default", "--size", "1"], admin);
    expect([set.code, set.stdout]).toEqual([0, expect.stringMatching(/^tiny in default: 1 wanted, \d ready, \d starting/)]);
    let listed = "";
    for (let i = 0; i < 100 && !/tiny +default +1\/1 +0/.test(listed); i++) {
      await new Promise((r) => setTimeout(r, 200));
      listed = (await berth(["pools", "list"], admin)).stdout;
    }
    expect(listed).toMatch(/^IMAGE +ZONE +READY +STARTING +NOTE\ntiny +default +1\/1 +0/);
    expect(JSON.parse((await berth(["pools", "list", "--json"], admin)).stdout)).toEqual([expect.objectContaining({ imageName: "tiny", size: 1, ready: 1 })]);
    const missing = await berth(["pools", "set", "--image", "tiny"], admin);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/--size <n> is required/)]);
    const nobody = await berth(["pools", "set", "--image", "nope", "--size", "1"], admin);
    expect([nobody.code, nobody.stderr]).toEqual([1, expect.stringMatching(/NOT_FOUND: no image 'nope'/)]);
    const weak = await newKey(["fleet:read"]);
    expect((await berth(["pools", "list"], weak)).stderr).toMatch(/FORBIDDEN/);
    expect((await berth(["pools", "set", "--image", "tiny", "--size", "0"], admin)).code).toBe(0);
    expect((await berth(["pools", "list"], admin)).stderr).toMatch(/no warm pools|^$/);
  });

  it("lists servers and zones as tables and JSON", async () => {
    const key = await newKey(["fleet:read"]);
    const servers = await berth(["servers", "list"], key);
    expect(servers.code).toBe(0);
    expect(servers.stdout).toMatch(/^ID +HOSTNAME +STATUS +ZONE +SESSIONS +CORES +MEMORY +CPU +CHECK-IN\n/);
    expect(servers.stdout).toMatch(/ ONLINE /);
    const zones = JSON.parse((await berth(["zones", "list", "--json"], key)).stdout);
    expect(zones.length).toBeGreaterThanOrEqual(1);
    expect((await berth(["zones", "list"], key)).stdout).toContain(zones[0].name);
  });

  it("exits 1 with the server's code for a refusal, also as JSON", async () => {
    const key = await newKey(["sessions:read"]);
    const r = await berth(["sessions", "request", "--image", "tiny", "--user", "nobody", "--json"], key);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: "FORBIDDEN", message: "this API key lacks the 'sessions:write' scope" } });
    expect(r.stderr).toMatch(/^berth: FORBIDDEN: this API key lacks the 'sessions:write' scope/);
    const revoked = await berth(["sessions", "list"], { ...key, BERTH_API_KEY: "bk_not-a-real-key" });
    expect(revoked.code).toBe(1);
    expect(revoked.stderr).toMatch(/UNAUTHENTICATED: unknown API key/);
  });

  it("follows a session over the WebSocket trusting only the certificate given to the SDK", async () => {
    const key = await newKey(["sessions:read", "sessions:write", "users:write"]);
    const script = `
      import { readFileSync } from "node:fs";
      import { BerthClient } from ${JSON.stringify(join(env.root, "sdk", "dist", "index.js"))};
      const berth = new BerthClient({ url: process.env.BERTH_URL, apiKey: process.env.BERTH_API_KEY, ca: readFileSync(process.env.BERTH_CA_FILE, "utf8") });
      const user = process.env.SDK_USER;
      await berth.ensureUser(user);
      const s = await berth.requestSession({ imageId: (await berth.findImage("tiny")).id, forUser: user });
      const seen = [];
      // Polling would ask once now, then not for ten minutes: only the subscription can bring RUNNING in time.
      const r = await berth.waitForSession(s.id, { pollIntervalMs: 600000, timeoutMs: 20000, onProgress: (x) => seen.push(x.status) });
      await berth.endSession(s.id);
      console.log(JSON.stringify({ status: r.status, seen }));`;
    const r = await node(["--input-type=module", "-e", script], { ...key, SDK_USER: `wss-${randomBytes(3).toString("hex")}` });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.status).toBe("RUNNING");
    expect(out.seen.at(-1)).toBe("RUNNING");
  });

  it("needs the certificate when the Berth is self-signed: without BERTH_CA_FILE it cannot connect", async () => {
    const key = await newKey(["sessions:read"]);
    const r = await berth(["images", "list"], { ...key, BERTH_CA_FILE: undefined });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/NETWORK_ERROR: could not reach .*(SELF_SIGNED|certificate|UNABLE_TO_VERIFY)/i);
  });
});
