import { describe, expect, it } from "vitest";
import { expiryWarning, formatCountdown, secondsLeft, stageState } from "./lifetime";

describe("formatCountdown", () => {
  it("counts minutes and seconds below an hour", () => {
    expect(formatCountdown(0)).toBe("0:00");
    expect(formatCountdown(9)).toBe("0:09");
    expect(formatCountdown(12 * 60 + 4)).toBe("12:04");
    expect(formatCountdown(3599)).toBe("59:59");
  });
  it("switches to hours and minutes from an hour up", () => {
    expect(formatCountdown(3600)).toBe("1 h 00 min");
    expect(formatCountdown(3600 + 5 * 60 + 59)).toBe("1 h 05 min");
    expect(formatCountdown(26 * 3600)).toBe("26 h 00 min");
  });
  it("never shows a negative time", () => {
    expect(formatCountdown(-5)).toBe("0:00");
  });
});

describe("secondsLeft", () => {
  const now = Date.parse("2025-01-01T12:00:00Z");
  it("rounds down to whole seconds and stops at zero", () => {
    expect(secondsLeft("2025-01-01T12:01:00.900Z", now)).toBe(60);
    expect(secondsLeft("2025-01-01T11:59:00Z", now)).toBe(0);
  });
});

describe("expiryWarning", () => {
  const base = { status: "RUNNING" as const, expiresAt: "2025-01-01T12:00:00Z" };
  it("is the status message a running session with a time limit gets shortly before the end", () => {
    expect(expiryWarning({ ...base, statusMessage: "ends in about 5 min: its time limit" })).toBe("ends in about 5 min: its time limit");
  });
  it("is nothing for the ordinary running message, without a limit, or when not running", () => {
    expect(expiryWarning({ ...base, statusMessage: "running" })).toBeUndefined();
    expect(expiryWarning({ ...base, statusMessage: "  " })).toBeUndefined();
    expect(expiryWarning({ ...base, expiresAt: null, statusMessage: "ends in about 5 min" })).toBeUndefined();
    expect(expiryWarning({ ...base, status: "STOPPING", statusMessage: "ending: its time limit was reached" })).toBeUndefined();
  });
});

describe("stageState", () => {
  it("keeps the session's stage while it runs, is paused or resumes", () => {
    expect(stageState({ status: "RUNNING", startedAt: "x" })).toBe("live");
    expect(stageState({ status: "PAUSED", startedAt: "x" })).toBe("paused");
    expect(stageState({ status: "STARTING", startedAt: "x" })).toBe("resuming");
  });
  it("leaves a first start and the end to their own pages", () => {
    expect(stageState({ status: "STARTING", startedAt: null })).toBeUndefined();
    expect(stageState({ status: "REQUESTED", startedAt: null })).toBeUndefined();
    expect(stageState({ status: "STOPPING", startedAt: "x" })).toBeUndefined();
  });
});
