import { closeSync, mkdirSync, openSync, readSync, statSync, writeFileSync } from "node:fs";
import { connect as netConnect } from "node:net";
import { connect as tlsConnect } from "node:tls";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { hashToken, newToken } from "../../server/src/auth/tokens.js";
import { closeTestDb, testDb } from "../support/db.js";
import { dbSnapshot, snapshotDiff, trafficCounts, type DbSnapshot } from "../support/db-snapshot.js";
import type { ApiClient } from "../support/api.js";
import { env } from "../support/env.js";
import { imageByName, signedInClient } from "../support/factories.js";
import { fuzzRequest, rootFields, type FuzzActor, type FuzzRequest } from "../support/fuzz.js";
import { agentRequest, type AgentFuzzContext, type AgentRequest } from "../support/fuzz-agent.js";
import { settledMemory } from "../support/process-memory.js";
import { logFile, pidOf, sleep, waitFor } from "../support/stack.js";

/**
 * Issue #9, bad input: thousands of malformed requests, generated from schema.graphql by a seeded
 * generator (tests/support/fuzz.ts), sent to the manager directly and through nginx, as an anonymous
 * caller, a signed-in user and an agent, plus malformed (and oddly valid) agent check-ins.
 * BERTH_FUZZ_SEED replays a run; BERTH_FUZZ_SCALE multiplies the request counts.
 */
const SEED = Number(process.env.BERTH_FUZZ_SEED ?? 9);
const SCALE = Number(process.env.BERTH_FUZZ_SCALE ?? 1);
/** Per round; the test sends two identical rounds. */
const API_REQUESTS = Math.round(2400 * SCALE);
const AGENT_REQUESTS = Math.round(500 * SCALE);
const CONCURRENCY = 8;
/** What the manager may gain while the second round replays the first (why: docs/reliability.md). */
const RSS_GROWTH_LIMIT_MB = 50;
const HEAP_GROWTH_LIMIT_MB = 10;

const TARGETS = { direct: env.managerUrl.replace(/\/graphql$/, ""), nginx: env.publicUrl } as const;
type Target = keyof typeof TARGETS;

interface Outcome {
  round?: number;
  actor: string;
  target: Target;
  kind: string;
  op?: string;
  status: number; // 0: no answer
  internal: boolean; // an INTERNAL_SERVER_ERROR code in the body
  refusedValid: boolean; // a check-in meant to be accepted got errors
  detail: string;
}

async function send(target: Target, actor: string, req: FuzzRequest & AgentRequest): Promise<Outcome> {
  const out = { actor, target, kind: req.kind, op: req.op, internal: false, refusedValid: false };
  try {
    const res = await fetch(TARGETS[target] + (req.path ?? "/graphql"), {
      method: req.method ?? "POST",
      headers: req.headers,
      body: req.body,
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    const refusedValid = !!req.accepted && (res.status !== 200 || text.includes('"errors"'));
    return { ...out, status: res.status, internal: text.includes("INTERNAL_SERVER_ERROR"), refusedValid, detail: text.slice(0, 300) };
  } catch (e) {
    return { ...out, status: 0, detail: String((e as Error & { cause?: unknown }).cause ?? e) };
  }
}

/** Runs `n` jobs with at most `concurrency` in flight. */
async function pool(n: number, concurrency: number, job: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) await job(next++);
  }));
}

/** HTTP the fetch API cannot send: broken framing, bad header bytes, truncated bodies. */
const RAW: { name: string; bytes: string; answers: boolean }[] = [
  { name: "truncated body", bytes: "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"query\":\"{", answers: false },
  { name: "bad chunk size", bytes: "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nxx\r\n0\r\n\r\n", answers: true },
  { name: "length and chunked", bytes: "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", answers: true },
  { name: "NUL in a header", bytes: "POST /graphql HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\nContent-Length: 2\r\n\r\n{}", answers: true },
  { name: "header without colon", bytes: "POST /graphql HTTP/1.1\r\nHost: x\r\nNoColonHere\r\nContent-Length: 2\r\n\r\n{}", answers: true },
  { name: "garbage request line", bytes: "GARBAGE\r\n\r\n", answers: true },
  { name: "negative length", bytes: "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n{}", answers: true },
  { name: "enormous length", bytes: "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999999999999\r\n\r\n{}", answers: true },
  { name: "100 KB header", bytes: `GET /graphql?query={__typename} HTTP/1.1\r\nHost: x\r\nApollo-Require-Preflight: 1\r\nX-Big: ${"b".repeat(100_000)}\r\n\r\n`, answers: true },
  { name: "bad cookie encoding", bytes: "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nCookie: berth_session=%E0%A4%A\r\nContent-Length: 25\r\nConnection: close\r\n\r\n{\"query\":\"{ me { id } }\"}", answers: true },
];

/** Writes raw bytes and returns the answer's status (0: none within 3 s). The socket is not half-closed: nginx would take that as the client leaving. */
function sendRaw(target: Target, bytes: string): Promise<number> {
  return new Promise((resolve) => {
    const url = new URL(TARGETS[target]);
    const port = Number(url.port || (target === "nginx" ? 443 : 80));
    const socket = target === "nginx" ? tlsConnect({ host: url.hostname, port, servername: url.hostname }) : netConnect({ host: url.hostname, port });
    let answer = "";
    const status = () => Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0);
    socket.setTimeout(3000, () => socket.destroy());
    socket.on("data", (d) => {
      answer += d.toString("latin1");
      if (status()) socket.destroy();
    });
    socket.on("close", () => resolve(status()));
    socket.on("error", () => {});
    socket.once(target === "nginx" ? "secureConnect" : "connect", () => socket.write(Buffer.from(bytes, "latin1")));
  });
}

const healthy = async () => (await fetch(`${TARGETS.direct}/healthz`)).ok;

/** Lines the manager logged after `offset`: masked internal errors and failed audit writes show here. */
function logSince(offset: number): string[] {
  const fd = openSync(logFile("manager"), "r");
  try {
    const size = statSync(logFile("manager")).size;
    const buf = Buffer.alloc(Math.max(0, size - offset));
    readSync(fd, buf, 0, buf.length, offset);
    return buf.toString("utf8").split("\n").filter(Boolean);
  } finally {
    closeSync(fd);
  }
}

/**
 * Waits until nothing earlier tests left behind can still move on its own: no session on its way
 * up or down, none live on a server that stopped checking in (the reaper would end it), and two
 * snapshots a second apart agree.
 */
async function settledSnapshot(): Promise<DbSnapshot> {
  let last = await dbSnapshot();
  return waitFor("the database to settle", async () => {
    await sleep(1000);
    const silentSince = new Date(Date.now() - 12_000); // offline after 15 s: the reaper is about to act
    const moving = await testDb().session.count({
      where: {
        OR: [
          { status: { in: ["REQUESTED", "STARTING", "STOPPING"] } },
          { status: { in: ["RUNNING", "PAUSED"] }, server: { OR: [{ lastCheckInAt: null }, { lastCheckInAt: { lt: silentSince } }] } },
        ],
      },
    });
    const now = await dbSnapshot();
    const same = Object.keys(snapshotDiff(last, now)).length === 0;
    last = now;
    return same && moving === 0 ? now : null;
  }, 60_000, 0);
}

interface Callers {
  user: ApiClient;
  actors: FuzzActor[];
  agent: AgentFuzzContext & { headers: Record<string, string> };
}

/**
 * Callers: nobody, a signed-in user, and an agent (a throwaway server row, disabled, so nothing is
 * placed on it). A running session of another user is the bystander that agent reports name.
 */
async function setUpCallers(cleanup: (() => Promise<unknown>)[]): Promise<Callers> {
  const { client: user } = await signedInClient();
  const { client: owner } = await signedInClient();
  const main = await testDb().server.findFirstOrThrow({ where: { hostname: { not: { startsWith: "agent-" } }, enabled: true }, orderBy: { createdAt: "asc" } });
  const tiny = await imageByName("tiny");
  const bystander = (await owner.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: tiny.id })).requestSession.id;
  cleanup.push(() => owner.gql(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: bystander }));
  await waitFor("the bystander session to run", async () => (await testDb().session.findUniqueOrThrow({ where: { id: bystander } })).status === "RUNNING", 20_000);
  const host = { hostname: `fuzz-probe-${SEED}`, cores: 2, memoryMb: 2048, diskMb: 0, gpus: 0, dockerVersion: "fuzz", agentVersion: "fuzz", publishHost: "127.0.0.1" };
  const agentToken = newToken("ba");
  const probe = await testDb().server.create({ data: { zoneId: main.zoneId, agentTokenHash: hashToken(agentToken), enabled: false, ...host } });
  cleanup.push(() => testDb().server.delete({ where: { id: probe.id } }));
  const headers = { authorization: `Bearer ${agentToken}` };
  const actors: FuzzActor[] = [
    { name: "anonymous", headers: {} },
    { name: "user", headers: { cookie: user.cookie }, exclude: ["signOut", "signOutEverywhere"] },
    // The agent protocol itself is fuzzed by agentRequest, which keeps the probe's host facts.
    { name: "agent", headers, exclude: ["checkIn", "reportSession", "reportTask", "registerAgent"] },
  ];
  return { user, actors, agent: { host, foreignSessionIds: [bystander], headers } };
}

/** One round: the seeded API requests from every caller, then the agent's, alternating direct and nginx. */
async function fuzzRound(callers: Callers, round: number, outcomes: Outcome[]) {
  await pool(API_REQUESTS, CONCURRENCY, async (i) => {
    const actor = callers.actors[i % callers.actors.length];
    outcomes.push({ ...(await send(i % 2 ? "nginx" : "direct", actor.name, fuzzRequest(SEED, i, actor))), round });
  });
  await pool(AGENT_REQUESTS, CONCURRENCY, async (i) => {
    const req = agentRequest(SEED, i, callers.agent);
    outcomes.push({ ...(await send(i % 2 ? "nginx" : "direct", "agent", { ...req, headers: { ...callers.agent.headers, ...req.headers } })), round });
  });
}

function tally(outcomes: Outcome[]) {
  const statuses: Record<string, number> = {};
  const codes: Record<string, number> = {};
  const byKind: Record<string, Record<string, number>> = {};
  for (const o of outcomes) {
    statuses[o.status] = (statuses[o.status] ?? 0) + 1;
    (byKind[o.kind] ??= {})[o.status] = (byKind[o.kind][o.status] ?? 0) + 1;
    for (const [, code] of o.detail.matchAll(/"code":"([A-Z_]+)"/g)) codes[code] = (codes[code] ?? 0) + 1;
  }
  return { statuses, codes, byKind };
}

describe.runIf(inject("stackStarted"))("bad input: a seeded fuzz of the API and the agent protocol", () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const step of cleanup) await step().catch(() => {});
    await closeTestDb();
  });

  it("answers thousands of malformed requests with no 5xx, no crash, no change to stored data and flat memory", async () => {
    const callers = await setUpCallers(cleanup);
    const before = await settledSnapshot();
    const traffic = await trafficCounts();
    const pid = pidOf("manager")!;
    const logOffset = statSync(logFile("manager")).size;
    const memory = [await settledMemory(pid)];

    // Round 1 fills what is meant to fill (parsed-document cache, connection pools, JIT); round 2
    // replays the very same requests, so anything it adds to memory is held per request: a leak.
    const outcomes: Outcome[] = [];
    const started = Date.now();
    await fuzzRound(callers, 1, outcomes);
    memory.push(await settledMemory(pid));
    await fuzzRound(callers, 2, outcomes);
    const raw: { name: string; target: Target; status: number; answers: boolean }[] = [];
    for (const target of ["direct", "nginx"] as const) for (const r of RAW) raw.push({ name: r.name, target, status: await sendRaw(target, r.bytes), answers: r.answers });
    const seconds = (Date.now() - started) / 1000;

    // The manager is the same process, healthy, and still knows the user.
    expect(pidOf("manager")).toBe(pid);
    expect(await healthy()).toBe(true);
    expect((await callers.user.ok<{ me: { id: string } | null }>(`{ me { id } }`)).me).not.toBeNull();
    memory.push(await settledMemory(pid));
    const after = await dbSnapshot();
    const trafficAfter = await trafficCounts();
    const logged = logSince(logOffset).filter((l) => /"level":"error"|audit write failed|unexpected error|uncaught|unhandled/i.test(l));

    const summary = {
      seed: SEED,
      requests: outcomes.length + raw.length,
      seconds,
      ...tally(outcomes),
      raw,
      operations: { inSchema: rootFields().length, broken: new Set(outcomes.map((o) => o.op).filter(Boolean)).size },
      memoryMb: { beforeFuzz: memory[0], afterRound1: memory[1], afterRound2: memory[2] },
      addedRows: { AuditEvent: trafficAfter.AuditEvent - traffic.AuditEvent, ServerSample: trafficAfter.ServerSample - traffic.ServerSample },
    };
    mkdirSync(join(env.root, "test-results"), { recursive: true });
    writeFileSync(join(env.root, "test-results", "fuzz.json"), JSON.stringify(summary, null, 2));
    console.log(`fuzz: ${JSON.stringify({ ...summary, byKind: undefined, raw: undefined })}`);

    // Every query, mutation and subscription of the schema was broken at least once.
    expect(rootFields().filter((f) => !outcomes.some((o) => o.op === f))).toEqual([]);
    const bad = outcomes.filter((o) => o.status >= 500 || o.status === 0 || o.internal);
    expect(bad.slice(0, 10), `${bad.length} requests answered 5xx, not at all, or with INTERNAL_SERVER_ERROR (seed ${SEED})`).toEqual([]);
    expect(raw.filter((r) => r.status >= 500 || (r.answers && r.status === 0))).toEqual([]);
    expect(outcomes.filter((o) => o.refusedValid).slice(0, 5), "well-formed odd check-ins must be accepted").toEqual([]);
    expect(logged.slice(0, 5), "the manager logged errors during the fuzz").toEqual([]);
    // Nothing stored changed: the audit log and utilisation samples grew (by design), nothing else.
    expect(snapshotDiff(before, after)).toEqual({});
    expect(memory[2].rssMb - memory[1].rssMb, "RSS growth over the replayed round").toBeLessThan(RSS_GROWTH_LIMIT_MB);
    if (memory[1].heapUsedMb !== null && memory[2].heapUsedMb !== null) {
      expect(memory[2].heapUsedMb - memory[1].heapUsedMb, "heap growth over the replayed round").toBeLessThan(HEAP_GROWTH_LIMIT_MB);
    }
  }, 240_000);
});
