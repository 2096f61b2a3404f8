import { describe, expect, it } from "vitest";
import { actorLabel, detailSummary, outcomeTone, preciseTime } from "./event";

describe("actorLabel", () => {
  it("names the actor and says what kind it is", () => {
    expect(actorLabel({ actorKind: "user", actorName: "alice" })).toEqual({ name: "alice", kind: "user" });
    expect(actorLabel({ actorKind: "apikey", actorName: "api-key:lms" })).toEqual({ name: "api-key:lms", kind: "API key" });
    expect(actorLabel({ actorKind: "anonymous", actorName: "" })).toEqual({ name: "anonymous", kind: "not signed in" });
    expect(actorLabel({ actorKind: "anonymous", actorName: "bob" })).toEqual({ name: "bob", kind: "signing in" });
  });
});

describe("outcomeTone", () => {
  it("is good only for OK", () => {
    expect(outcomeTone("OK")).toBe("ok");
    expect(outcomeTone("UNAUTHENTICATED")).toBe("bad");
  });
});

describe("preciseTime", () => {
  it("shows the second, and the year only when it is not this one", () => {
    const now = Date.parse("2026-06-01T00:00:00Z");
    expect(preciseTime("2026-03-01T12:34:56Z", now)).toMatch(/\b56\b/);
    expect(preciseTime("2026-03-01T12:34:56Z", now)).not.toContain("2026");
    expect(preciseTime("2025-03-01T12:34:56Z", now)).toContain("2025");
  });
});

describe("detailSummary", () => {
  it("reads flat variables as one line", () => {
    expect(detailSummary(JSON.stringify({ username: "alice", password: "[redacted]" }))).toEqual({ line: "username: alice · password: [redacted]" });
  });
  it("is empty when there were no variables", () => {
    expect(detailSummary("{}")).toEqual({ line: "" });
  });
  it("flattens inputs and keeps the whole for a closer look", () => {
    const d = detailSummary(JSON.stringify({ id: "s1", input: { cores: 2, tags: ["a", "b"] } }));
    expect(d.line).toBe("id: s1 · input.cores: 2 · input.tags: a, b");
    expect(JSON.parse(d.full!)).toEqual({ id: "s1", input: { cores: 2, tags: ["a", "b"] } });
  });
  it("shortens long lines", () => {
    const d = detailSummary(JSON.stringify({ note: "x".repeat(300) }), 50);
    expect(d.line).toHaveLength(50);
    expect(d.line.endsWith("…")).toBe(true);
    expect(d.full).toContain("x".repeat(300));
  });
  it("shows text that is not JSON as it is", () => {
    expect(detailSummary("oops")).toEqual({ line: "oops" });
  });
});
