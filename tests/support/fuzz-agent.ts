import { MB, JSON_HEADERS, Rng, post, type FuzzRequest } from "./fuzz.js";

/**
 * Malformed (and oddly well-formed) agent traffic for tests/e2e/fuzz.test.ts: check-ins, session
 * and task reports, registrations. Seeded like tests/support/fuzz.ts.
 */

/** What check-in fuzzing needs to know: the probe server's stored host facts and real session ids. */
export interface AgentFuzzContext {
  /** Host facts exactly as stored for the probe, so an accepted check-in changes nothing lasting. */
  host: { hostname: string; cores: number; memoryMb: number; diskMb: number; gpus: number; dockerVersion: string; agentVersion: string; publishHost: string };
  /** Sessions of other servers, which a probe's reports must never touch. */
  foreignSessionIds: string[];
}

/** A request, and whether the manager must accept it (a well-formed check-in, however odd). */
export type AgentRequest = FuzzRequest & { accepted?: boolean };

const CHECK_IN = `mutation($in: CheckInInput!) { checkIn(input: $in) { serverId sessions { sessionId } tasks { id } } }`;
const REPORT = `mutation($in: SessionReportInput!) { reportSession(input: $in) }`;
const REPORT_TASK = `mutation($in: TaskResultInput!) { reportTask(input: $in) }`;
const REGISTER = `mutation($t: String!, $h: HostFactsInput!) { registerAgent(enrollmentToken: $t, host: $h) { serverId agentToken } }`;

type CheckIn = { host: Record<string, unknown>; resources: Record<string, unknown>; containers: unknown[]; images: unknown[]; busySessionIds: unknown[] };
type Case = (c: { rng: Rng; base: () => CheckIn; container: (o?: object) => object; foreign: () => string }) => AgentRequest;

const checkIn = (kind: string, input: unknown, accepted = false): AgentRequest => ({ ...post(kind, { query: CHECK_IN, variables: { in: input } }), accepted });
const withHost = (b: CheckIn, key: string, value: unknown) => ((b.host[key] = value), b);

const CASES: Case[] = [
  ({ rng, base }) => checkIn("negativeResources", { ...base(), resources: rng.pick([{ cpuPercent: -1, memoryUsedMb: 1 }, { cpuPercent: 1, memoryUsedMb: -5 }, { cpuPercent: -0.0001, memoryUsedMb: 0 }]) }),
  ({ rng, base }) => checkIn("nanResources", { ...base(), resources: { cpuPercent: rng.pick(["NaN", "lots", "1e3", "", null, {}, [1]]), memoryUsedMb: 1 } }),
  ({ rng, base }) =>
    checkIn("hugeResources", { ...base(), resources: rng.pick([{ cpuPercent: 1e308, memoryUsedMb: 1 }, { cpuPercent: 1, memoryUsedMb: 2 ** 31 }, { cpuPercent: 1, memoryUsedMb: 2 ** 30 + 1 }, { cpuPercent: 100001, memoryUsedMb: 1 }]) }),
  ({ rng, base }) => {
    const [key, value] = rng.pick<[string, unknown]>([
      ["cores", -1], ["cores", 1e9], ["hostname", ""], ["hostname", "h".repeat(300)], ["hostname", "h".repeat(MB)], ["publishHost", "$(rm -rf /)"],
      ["publishHost", "127.0.0.1; reboot"], ["memoryMb", 2.5], ["gpus", 5000], ["diskMb", -1], ["dockerVersion", "d".repeat(65)], ["agentVersion", null],
    ]);
    return checkIn("badHostFacts", withHost(base(), key, value));
  },
  // Well-formed, however odd: the manager must accept these and change nothing but the probe's check-in time.
  ({ rng, base, container }) => checkIn("unknownContainers", { ...base(), containers: Array.from({ length: 1 + rng.int(20) }, () => container({ state: rng.pick(["running", "exited", "dead", "paused"]) })) }, true),
  ({ rng, base, container }) => {
    const c = container();
    return checkIn("duplicateContainers", { ...base(), containers: rng.chance(0.5) ? [c, c, { ...c, state: "dead" }] : Array.from({ length: 5 }, () => container({ containerId: "same-container" })) }, true);
  },
  ({ rng, base }) => {
    const n = rng.pick([10_000, 10_001]); // the limit, and one over it
    return checkIn("manyContainers", { ...base(), containers: Array.from({ length: n }, (_, k) => ({ sessionId: rng.uuid(), containerId: `c${k}`, state: "running" })) }, n <= 10_000);
  },
  ({ base, container, foreign, rng }) => checkIn("foreignSessions", { ...base(), containers: [container({ sessionId: foreign(), state: rng.pick(["dead", "exited", "running"]) })], busySessionIds: [foreign()] }, true),
  ({ rng, base }) => checkIn("unknownImages", { ...base(), images: Array.from({ length: 1 + rng.int(3) }, () => ({ ref: `fuzz/unknown-${rng.word(4)}:1`, status: "READY", progress: 1 })) }, true),
  // Malformed parts.
  ({ rng, base, container }) => checkIn("wrongState", { ...base(), containers: [container({ state: rng.pick(["exploded", "", "RUNNING", null, 5, "running\u0000"]) })] }),
  ({ rng, base, container }) => checkIn("badHostPort", { ...base(), containers: [container({ hostPort: rng.pick([0, 65536, -1, "80", 1.5]) })] }),
  ({ rng, base, container }) => checkIn("badSessionId", { ...base(), containers: [container({ sessionId: rng.pick(["not-a-uuid", "", "x".repeat(36), "'; DROP TABLE \"Session\"; --"]) })] }),
  ({ rng, base }) => checkIn("badBusyIds", { ...base(), busySessionIds: rng.chance(0.5) ? Array.from({ length: 10_001 }, () => rng.uuid()) : [null, 1, {}] }),
  ({ rng, base }) =>
    checkIn("badImages", {
      ...base(),
      images: [rng.pick([{ ref: "x".repeat(600), status: "READY" }, { ref: "fuzz/unknown:1", status: "DONE" }, { ref: "fuzz/unknown:1", status: "READY", progress: 2 }, { ref: "", status: "PULLING" }, { ref: "r", status: "FAILED", message: "m".repeat(2001) }])],
    }),
  ({ rng, base, container }) => {
    const where = rng.int(3);
    if (where === 2) return checkIn("nulInCheckIn", { ...base(), containers: [container({ containerId: "c\u0000" })] }, true); // not stored: fine
    return checkIn("nulInCheckIn", withHost(base(), where ? "dockerVersion" : "hostname", "fuzz\u0000"));
  },
  ({ rng, base }) => {
    const b: Partial<CheckIn> = base();
    delete b[rng.pick(["host", "resources", "containers"] as const)];
    return checkIn("missingPart", b);
  },
  ({ rng, base }) => checkIn("extraPart", { ...base(), [rng.pick(["extra", "serverId", "__proto__"])]: { x: 1 } }),
  ({ rng }) => checkIn("notAnObject", rng.pick([null, [], "check-in", 7, true])),
  ({ rng, foreign }) =>
    post("reportSession", {
      query: REPORT,
      variables: {
        in: rng.pick([
          { sessionId: rng.uuid(), status: "RUNNING", containerId: "c", hostPort: 30001 },
          { sessionId: foreign(), status: rng.pick(["FAILED", "STOPPED", "RUNNING", "STARTING"]), containerId: "c", hostPort: 30001, message: "from another server" },
          { sessionId: foreign(), status: "EXPLODED" },
          { sessionId: "short", status: "FAILED" },
          { sessionId: rng.pick(["x".repeat(36), "'; DROP TABLE \"Session\"; --xxxxxxxxxxxxxxxxxxxx", "g".repeat(8) + "-0000-4000-8000-" + "0".repeat(12)]), status: "FAILED" },
          { sessionId: rng.uuid(), status: "FAILED", message: "bad\u0000message", containerId: "c\u0000" },
          { sessionId: rng.uuid(), status: "FAILED", message: "m".repeat(MB) },
          { sessionId: rng.uuid(), status: "RUNNING", hostPort: 0, containerId: "" },
        ]),
      },
    }),
  ({ rng }) =>
    post("reportTask", {
      query: REPORT_TASK,
      variables: {
        in: rng.pick([
          { taskId: rng.uuid(), exitCode: 0, stdout: "", stderr: "", truncated: false },
          { taskId: rng.uuid(), exitCode: 2 ** 31, stdout: "", stderr: "", truncated: false },
          { taskId: "x".repeat(MB / 2), exitCode: 0, stdout: "o".repeat(MB / 3), stderr: "", truncated: true },
          { taskId: rng.uuid(), exitCode: 0, stdout: "\u0000binary\u0000", stderr: "", truncated: false, error: "\u0000" },
        ]),
      },
    }),
  ({ rng }) => ({
    ...post("registerAgent", { query: REGISTER, variables: { t: rng.pick(["bz_wrong", "", "bz_" + "z".repeat(MB / 2), "bz_\u0000", "ba_not-an-enrollment-token"]), h: { hostname: "intruder", cores: 1, memoryMb: 1, dockerVersion: "x", agentVersion: "x", publishHost: "127.0.0.1" } } }),
    headers: { ...JSON_HEADERS, authorization: "" }, // registration is anonymous
  }),
];

/** The `i`-th agent request of a run; deterministic in (seed, i). */
export function agentRequest(seed: number, i: number, ctx: AgentFuzzContext): AgentRequest {
  const rng = new Rng(seed * 7_000_003 + i);
  const base = (): CheckIn => ({ host: { ...ctx.host }, resources: { cpuPercent: 5, memoryUsedMb: 100 }, containers: [], images: [], busySessionIds: [] });
  const container = (o: object = {}) => ({ sessionId: rng.uuid(), containerId: rng.word(64), state: "running", hostPort: 30000 + rng.int(1000), ...o });
  const foreign = () => (ctx.foreignSessionIds.length ? rng.pick(ctx.foreignSessionIds) : rng.uuid());
  return rng.pick(CASES)({ rng, base, container, foreign });
}
