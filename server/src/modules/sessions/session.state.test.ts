import { describe, expect, it } from "vitest";
import { canTransition, ENDED, sourcesOf } from "./session.state.js";

describe("session state machine", () => {
  it("never leaves an ended status", () => {
    for (const s of ENDED) for (const t of ["RUNNING", "STARTING", "STOPPING"] as const) expect(canTransition(s, t)).toBe(false);
  });
  it("cannot go back from STOPPING to RUNNING (a late agent report is ignored)", () => {
    expect(canTransition("STOPPING", "RUNNING")).toBe(false);
    expect(sourcesOf("RUNNING")).not.toContain("STOPPING");
  });
  it("lets any live status be lost", () => {
    expect(sourcesOf("LOST").sort()).toEqual(["PAUSED", "REQUESTED", "RUNNING", "STARTING", "STOPPING"]);
  });
});
