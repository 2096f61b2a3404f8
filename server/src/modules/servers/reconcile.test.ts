import { describe, expect, it } from "vitest";
import { isSteady, remedies, type ReconciledSession } from "./reconcile.js";

const now = new Date("2026-01-01T12:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);

function session(overrides: Partial<ReconciledSession> & { id: string }): ReconciledSession {
  return { status: "RUNNING", startingSince: ago(60), updatedAt: ago(60), ...overrides };
}
const running = (id: string, state = "running") => ({ sessionId: id, containerId: `c-${id}`, state });
const report = (containers: ReturnType<typeof running>[], busySessionIds: string[] = []) => ({ containers, busySessionIds });

describe("remedies", () => {
  it("fails a session that did not start in time", () => {
    expect(remedies([session({ id: "a", status: "STARTING", startingSince: ago(200) })], report([]), now, 120)).toEqual([{ id: "a", kind: "timedOut" }]);
  });

  it("finishes a stopping session whose container is gone", () => {
    expect(remedies([session({ id: "a", status: "STOPPING" })], report([]), now, 120)).toEqual([{ id: "a", kind: "stopped" }]);
  });

  it("loses a settled running session whose container is missing or exited, but not a fresh one", () => {
    expect(remedies([session({ id: "a" })], report([]), now, 120)).toEqual([{ id: "a", kind: "lost", message: "the container disappeared from its server" }]);
    expect(remedies([session({ id: "a" })], report([running("a", "exited")]), now, 120)[0]).toMatchObject({ kind: "lost" });
    expect(remedies([session({ id: "a", updatedAt: ago(1) })], report([]), now, 120)).toEqual([]);
  });

  it("leaves alone what the agent is busy with", () => {
    expect(remedies([session({ id: "a" })], report([], ["a"]), now, 120)).toEqual([]);
  });
});

describe("isSteady", () => {
  it("holds for no sessions and no containers", () => {
    expect(isSteady([], report([]), now, 120)).toBe(true);
  });

  it("holds for running and paused sessions whose containers are there", () => {
    expect(isSteady([session({ id: "a" }), session({ id: "b", status: "PAUSED" })], report([running("a"), running("b", "paused")]), now, 120)).toBe(true);
  });

  it("does not hold while a session is on its way up or down", () => {
    for (const status of ["REQUESTED", "STARTING", "STOPPING"] as const) {
      expect(isSteady([session({ id: "a", status, startingSince: ago(1) })], report([running("a")]), now, 120)).toBe(false);
    }
  });

  it("does not hold when a container is missing, unknown, or the agent is busy", () => {
    expect(isSteady([session({ id: "a" })], report([]), now, 120)).toBe(false);
    expect(isSteady([], report([running("x")]), now, 120)).toBe(false);
    expect(isSteady([session({ id: "a" })], report([running("a")], ["a"]), now, 120)).toBe(false);
  });
});
