// docs/api.md keeps its promises: every fenced example tagged `berth-example` is run against the
// test stack as a reader would run it. ```sh blocks run in bash with `berth` on the PATH (curl
// trusts the stack through CURL_CA_BUNDLE); ```graphql blocks are sent with the API key (`admin`
// in the tag: with an admin-scoped key; a `# variables: {...}` line gives variables, $NAMEs
// filled in); ```ts blocks are compiled with TypeScript and run by Node against the built SDK.
// Before each example, alice has exactly one RUNNING session, $SESSION_ID, shared as $SHARE_ID.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { createClient } from "graphql-ws";
import ts from "typescript";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { BerthClient, ENDED_STATUSES, type Session } from "../../sdk/src/index.js";
import { ApiClient, type GqlResult } from "../support/api.js";
import { adminClient } from "../support/admin.js";
import { env } from "../support/env.js";

interface Example {
  lang: string;
  tags: string[];
  code: string;
  line: number;
  heading: string;
}

const doc = readFileSync(join(env.root, "docs", "api.md"), "utf8");

function examples(md: string): Example[] {
  const out: Example[] = [];
  let heading = "";
  const lines = md.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith("## ")) heading = lines[i].slice(3);
    const open = /^```(\w+) berth-example\b(.*)$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    while (++i < lines.length && lines[i] !== "```") body.push(lines[i]);
    out.push({ lang: open[1], tags: open[2].trim().split(/\s+/).filter(Boolean), code: body.join("\n"), line: start + 1, heading });
  }
  return out;
}

const all = examples(doc);
const OPERATIONS = [
  "ensureUser", "images", "requestSession", "sessionUpdated", "session", "sessions", "keepalive", "runCommand", "screenshot",
  "createViewingLink", "shareSession", "destroySession", "servers", "zones", "warmPools",
];

// What every SDK example may assume, unless it makes its own client.
const PRELUDE = `import { BerthClient as __Berth } from "@berth/sdk";\nconst berth = new __Berth({ url: process.env.BERTH_URL!, apiKey: process.env.BERTH_API_KEY! });\n`;

const compile = (code: string) =>
  ts.transpileModule(/new BerthClient\(/.test(code) ? code : PRELUDE + code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: true,
  });

describe("docs/api.md", () => {
  it("has runnable examples (GraphQL, curl or the CLI, and the SDK) for every integrator operation", () => {
    for (const op of OPERATIONS) {
      const mine = all.filter((e) => e.heading.startsWith(op) || e.code.toLowerCase().includes(op.toLowerCase()));
      expect(mine.map((e) => e.lang), op).toEqual(expect.arrayContaining(["graphql", "ts", "sh"]));
    }
  });

  it("has SDK examples that compile", () => {
    for (const e of all.filter((x) => x.lang === "ts")) expect(compile(e.code).diagnostics ?? [], `line ${e.line}`).toEqual([]);
  });
});

describe.runIf(inject("stackStarted"))("docs/api.md examples, run against Berth", () => {
  const dir = mkdtempSync(join(tmpdir(), "berth-docs-"));
  const vars: Record<string, string> = {};
  let berth: BerthClient;
  let adminKey = "";
  let session: Session | undefined;

  async function key(name: string, scopes: string[]) {
    const admin = await adminClient();
    const r = await admin.ok<{ createApiKey: { secret: string } }>(`mutation($in:CreateApiKeyInput!){ createApiKey(input:$in){ secret } }`, {
      in: { name: `${name}-${randomBytes(3).toString("hex")}`, scopes },
    });
    return r.createApiKey.secret;
  }

  beforeAll(async () => {
    execFileSync(process.execPath, [join(env.root, "node_modules", "typescript", "bin", "tsc"), "-p", join(env.root, "sdk", "tsconfig.json")], { stdio: "inherit" });
    // `berth` on the PATH, and `@berth/sdk` importable, as after installing the package.
    mkdirSync(join(dir, "bin"));
    writeFileSync(join(dir, "bin", "berth"), `#!/bin/sh\nexec "${process.execPath}" "${join(env.root, "sdk", "dist", "cli.js")}" "$@"\n`);
    chmodSync(join(dir, "bin", "berth"), 0o755);
    mkdirSync(join(dir, "node_modules", "@berth"), { recursive: true });
    symlinkSync(join(env.root, "sdk"), join(dir, "node_modules", "@berth", "sdk"));

    const apiKey = await key("docs", ["sessions:read", "sessions:write", "users:write", "fleet:read"]);
    adminKey = await key("docs-admin", ["admin"]);
    berth = new BerthClient({ url: env.publicUrl, apiKey });
    await berth.ensureUser("alice");
    const zoneId = (await new ApiClient(env.publicUrl, { authorization: `Bearer ${adminKey}` }).ok<{ zones: { id: string; name: string }[] }>(`{ zones { id name } }`)).zones.find((z) => z.name === "default")!.id;
    Object.assign(vars, { BERTH_URL: env.publicUrl, BERTH_API_KEY: apiKey, BERTH_ADMIN_KEY: adminKey, ZONE_ID: zoneId, BERTH_CA_FILE: env.tlsCert, CURL_CA_BUNDLE: env.tlsCert, IMAGE_ID: (await berth.findImage("tiny"))!.id });
  }, 120_000);

  /** alice has one RUNNING session ($SESSION_ID) and nothing else, whatever the last example did. */
  async function prepare() {
    const alice = await berth.ensureUser("alice");
    const live = await berth.listSessions({ userId: alice.id });
    const keep = live.find((s) => s.id === session?.id && s.status === "RUNNING");
    for (const s of live.filter((s) => s !== keep)) {
      await berth.endSession(s.id);
      await berth.waitForSession(s.id, { until: [...ENDED_STATUSES], timeoutMs: 20_000 });
    }
    if (!keep) {
      const s = await berth.requestSession({ imageId: vars.IMAGE_ID, forUser: "alice" });
      session = await berth.waitForSession(s.id, { timeoutMs: 30_000 });
    }
    vars.SESSION_ID = session!.id;
    // The sharing examples: a share of alice's session, and bob, who may join it.
    await berth.ensureUser("bob");
    vars.SHARE_ID = (await berth.share(session!.id)).id;
  }

  function run(cmd: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
    return new Promise((resolve, reject) => {
      const p = spawn(cmd, args, { cwd: dir, env: { ...process.env, ...vars, PATH: `${join(dir, "bin")}:${process.env.PATH}` }, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      let err = "";
      p.stdout.on("data", (c) => (out += c));
      p.stderr.on("data", (c) => (err += c));
      const timer = setTimeout(() => p.kill("SIGKILL"), 100_000);
      p.on("error", reject);
      p.on("close", (code) => (clearTimeout(timer), resolve({ code, out, err })));
    });
  }

  const fill = (text: string) => text.replace(/\$([A-Z_]+)/g, (m, name) => vars[name] ?? m);

  async function graphql(e: Example): Promise<GqlResult> {
    const v = /^# variables: (.*)$/m.exec(e.code);
    const variables = v ? JSON.parse(fill(v[1])) : {};
    const secret = e.tags.includes("admin") ? adminKey : vars.BERTH_API_KEY;
    if (!/^\s*subscription\b/m.test(e.code)) return new ApiClient(env.publicUrl, { authorization: `Bearer ${secret}` }).gql(e.code, variables);
    // A subscription: its first event (the current state).
    const client = createClient({
      url: `${env.publicUrl.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${secret}` },
      retryAttempts: 0,
    });
    try {
      return await new Promise<GqlResult>((resolve, reject) => {
        client.subscribe({ query: e.code, variables }, { next: (r) => resolve(r as GqlResult), error: reject, complete: () => reject(new Error("ended without an event")) });
      });
    } finally {
      await client.dispose();
    }
  }

  for (const e of all) {
    it(`${e.heading}: the ${e.lang} example at line ${e.line} works`, async () => {
      await prepare();
      if (e.lang === "graphql") {
        const r = await graphql(e);
        expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
        expect(r.data).toBeTruthy();
      } else if (e.lang === "sh") {
        const r = await run("bash", ["-euo", "pipefail", "-c", e.code]);
        expect(r.code, `${r.out}\n${r.err}`).toBe(0);
        expect(r.out).not.toContain(`"errors"`);
      } else if (e.lang === "ts") {
        const file = join(dir, `example-${e.line}.mjs`);
        writeFileSync(file, compile(e.code).outputText);
        const r = await run(process.execPath, [file]);
        expect(r.code, `${r.out}\n${r.err}`).toBe(0);
      } else {
        throw new Error(`don't know how to run a ${e.lang} example`);
      }
    }, 120_000);
  }
});
