import { afterEach, describe, expect, it, vi } from "vitest";
import type { CheckInInput } from "./api/generated/graphql.js";
import { CheckInLoop, checkInOnce, type CheckInDeps } from "./checkin.js";
import { ImageManager } from "./images.js";
import { SessionOperations } from "./operations.js";
import { InMemoryProvider } from "./providers/fake.provider.js";
import type { DesiredState } from "./reconcile.js";
import { specFor } from "./start-session.js";

const A = "aaaaaaaa-0000-4000-8000-000000000001";
const B = "bbbbbbbb-0000-4000-8000-000000000002";

const buildDesired = (over: Partial<DesiredState> = {}): DesiredState => ({
  serverId: "srv",
  installationId: "inst",
  checkInIntervalS: 5,
  tasks: [],
  pruneImages: false,
  images: [],
  sessions: [],
  ...over,
});

const session = (sessionId: string, status: DesiredState["sessions"][number]["status"]) => ({
  sessionId,
  status,
  imageRef: "img",
  cores: 1,
  memoryMb: 128,
  shmMb: 0,
  network: "bridge",
  env: [],
  secret: "s",
  viewSecret: "v",
  binds: [],
  runConfig: "{}",
  pauseMode: "PAUSE",
  revokedPrincipals: [],
});

function depsFor(provider: InMemoryProvider, answer: DesiredState, ops = new SessionOperations()) {
  const sent: CheckInInput[] = [];
  const deps: CheckInDeps = {
    provider,
    ops,
    images: new ImageManager(provider),
    hostFacts: async () => ({ hostname: "h", cores: 2, memoryMb: 1024, dockerVersion: "x", agentVersion: "y", publishHost: "127.0.0.1" }),
    resources: async () => ({ cpuPercent: 1, memoryUsedMb: 100 }),
    send: async (input) => (sent.push(input), answer),
  };
  return { deps, sent, ops };
}

describe("checkInOnce", () => {
  it("reports this installation's containers and plans from the answer", async () => {
    const provider = new InMemoryProvider();
    const c = await provider.start(specFor(session(A, "RUNNING"), "127.0.0.1"));
    await provider.start(specFor(session(B, "RUNNING"), "127.0.0.1"));
    const { deps, sent } = depsFor(provider, buildDesired({ sessions: [session(A, "RUNNING")] }));
    const { actions } = await checkInOnce(deps);
    expect(sent[0].containers).toContainEqual({ sessionId: A, containerId: c.containerId, state: "running", hostPort: c.hostPort });
    expect(sent[0].containers).toHaveLength(2);
    expect(actions).toEqual([{ kind: "remove", sessionId: B, containerId: expect.any(String) }]);
  });

  it("leaves out containers whose session label is not a session id", async () => {
    const provider = new InMemoryProvider();
    await provider.start(specFor(session("not-a-uuid", "RUNNING"), "127.0.0.1"));
    const { deps, sent } = depsFor(provider, buildDesired());
    await checkInOnce(deps);
    expect(sent[0].containers).toEqual([]);
  });

  it("marks busy the sessions with an operation running during the check-in", async () => {
    const provider = new InMemoryProvider();
    const ops = new SessionOperations();
    let finish!: () => void;
    ops.run(A, "start", () => new Promise<void>((r) => (finish = r)));
    const { deps, sent } = depsFor(provider, buildDesired({ sessions: [session(A, "REQUESTED")] }), ops);
    const { actions } = await checkInOnce(deps);
    expect(sent[0].busySessionIds).toEqual([A]);
    expect(actions).toEqual([]); // no second start while the first runs
    finish();
    await ops.idle();
  });

  it("still counts as busy an operation that finished while the manager was answering", async () => {
    const provider = new InMemoryProvider();
    const ops = new SessionOperations();
    let finish!: () => void;
    ops.run(A, "start", () => new Promise<void>((r) => (finish = r)));
    const { deps } = depsFor(provider, buildDesired({ sessions: [session(A, "STARTING")] }), ops);
    const send = deps.send;
    deps.send = async (input) => {
      finish();
      await ops.idle();
      return send(input);
    };
    const { actions } = await checkInOnce(deps);
    expect(actions).toEqual([]);
  });
});

describe("CheckInLoop", () => {
  afterEach(() => vi.useRealTimers());

  it("coalesces nudges: one check-in in flight and at most one queued", async () => {
    let runs = 0;
    let release!: () => void;
    const loop = new CheckInLoop(() => {
      runs++;
      return new Promise<void>((r) => (release = r));
    }, () => 60_000);
    loop.trigger("a");
    loop.trigger("b");
    loop.trigger("c");
    loop.trigger("d");
    expect(runs).toBe(1);
    release();
    await vi.waitFor(() => expect(runs).toBe(2));
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBe(2);
    await loop.stop();
  });

  it("checks in again after each interval", async () => {
    vi.useFakeTimers();
    let runs = 0;
    const loop = new CheckInLoop(async () => void runs++, () => 5000);
    loop.trigger("start");
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(3);
    await loop.stop();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(runs).toBe(3);
  });
});
