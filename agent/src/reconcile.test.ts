import { describe, expect, it } from "vitest";
import type { ContainerState } from "./providers/provider.js";
import { planReconcile, type DesiredSession } from "./reconcile.js";

const A = "aaaaaaaa-0000-4000-8000-000000000001";
const B = "bbbbbbbb-0000-4000-8000-000000000002";
const C = "cccccccc-0000-4000-8000-000000000003";

const buildSession = (over: Partial<DesiredSession> = {}): DesiredSession => ({
  sessionId: A,
  status: "REQUESTED",
  imageRef: "127.0.0.1:5000/berth/tiny:latest",
  cores: 1,
  memoryMb: 256,
  shmMb: 64,
  network: "bridge",
  env: [],
  secret: "s3cret",
  viewSecret: "v1ew",
  binds: [],
  runConfig: "{}",
  pauseMode: "PAUSE",
  revokedPrincipals: [],
  ...over,
});

const buildContainer = (over: Partial<ContainerState> = {}): ContainerState => ({
  containerId: `c-${over.sessionId ?? A}`,
  sessionId: A,
  state: "running",
  hostPort: 40000,
  imageRef: "img",
  ...over,
});

const none = new Set<string>();

describe("planReconcile", () => {
  it("starts a requested or starting session that has no container", () => {
    const actions = planReconcile([buildSession(), buildSession({ sessionId: B, status: "STARTING" })], [], none, none);
    expect(actions.map((a) => [a.kind, "session" in a ? a.session.sessionId : ""])).toEqual([
      ["start", A],
      ["start", B],
    ]);
  });

  it("adopts a running container of a session the manager still thinks is starting", () => {
    const c = buildContainer();
    expect(planReconcile([buildSession({ status: "STARTING" })], [c], none, none)).toEqual([{ kind: "adopt", session: buildSession({ status: "STARTING" }), container: c }]);
  });

  it("starts again a starting session whose container was created but never started", () => {
    const actions = planReconcile([buildSession()], [buildContainer({ state: "created" })], none, none);
    expect(actions.map((a) => a.kind)).toEqual(["start"]);
  });

  it("does nothing for a running session without a container (the manager marks it lost)", () => {
    expect(planReconcile([buildSession({ status: "RUNNING" })], [], none, none)).toEqual([]);
  });

  it("pauses the container of a session the manager paused, and resumes a paused one being started", () => {
    const desired = [buildSession({ status: "PAUSED" }), buildSession({ sessionId: B, status: "PAUSED", pauseMode: "STOP" })];
    const containers = [buildContainer(), buildContainer({ sessionId: B })];
    expect(planReconcile(desired, containers, none, none).map((a) => [a.kind, (a as { mode?: string }).mode])).toEqual([
      ["pause", "PAUSE"],
      ["pause", "STOP"],
    ]);
    const resuming = planReconcile([buildSession({ status: "STARTING" })], [buildContainer({ state: "paused" })], none, none);
    expect(resuming.map((a) => a.kind)).toEqual(["resume"]);
  });

  it("cuts off revoked viewers once per container", () => {
    const s = buildSession({ status: "RUNNING", revokedPrincipals: ["p1", "p2"] });
    const c = buildContainer();
    expect(planReconcile([s], [c], none, none)).toEqual([{ kind: "revoke", sessionId: s.sessionId, containerId: c.containerId, principals: ["p1", "p2"] }]);
    expect(planReconcile([s], [c], none, none, new Map([[c.containerId, new Set(["p1"])]]))).toEqual([
      { kind: "revoke", sessionId: s.sessionId, containerId: c.containerId, principals: ["p2"] },
    ]);
    expect(planReconcile([s], [c], none, none, new Map([[c.containerId, new Set(["p1", "p2"])]]))).toEqual([]);
  });

  it("leaves running and paused sessions with their containers alone", () => {
    const desired = [buildSession({ status: "RUNNING" }), buildSession({ sessionId: B, status: "PAUSED" })];
    const containers = [buildContainer(), buildContainer({ sessionId: B, state: "paused" })];
    expect(planReconcile(desired, containers, none, none)).toEqual([]);
  });

  it("removes containers whose session is not desired, whatever their state", () => {
    const containers = [buildContainer({ sessionId: B }), buildContainer({ sessionId: C, state: "exited" })];
    expect(planReconcile([], containers, none, none)).toEqual([
      { kind: "remove", sessionId: B, containerId: `c-${B}` },
      { kind: "remove", sessionId: C, containerId: `c-${C}` },
    ]);
  });

  it("removes a labelled container that names no session", () => {
    expect(planReconcile([], [buildContainer({ sessionId: "", containerId: "x" })], none, none)).toEqual([{ kind: "remove", sessionId: "", containerId: "x" }]);
  });

  it("never acts on a busy session: neither start nor remove", () => {
    const busy = new Set([A, B]);
    const actions = planReconcile([buildSession()], [buildContainer({ sessionId: B })], busy, none);
    expect(actions).toEqual([]);
  });

  it("cancels a running operation whose session is no longer desired", () => {
    const running = new Set([A]);
    expect(planReconcile([], [], running, running)).toEqual([{ kind: "cancel", sessionId: A }]);
  });

  it("plans a mixed state in one pass", () => {
    const desired = [buildSession({ sessionId: A, status: "RUNNING" }), buildSession({ sessionId: B })];
    const containers = [buildContainer({ sessionId: A }), buildContainer({ sessionId: C })];
    expect(planReconcile(desired, containers, none, none).map((a) => a.kind)).toEqual(["start", "remove"]);
  });
});
