import { describe, expect, it } from "vitest";
import { ago, duration, fraction, gb, loadTone, mb, num, plural, timeLimit } from "./format";

describe("ago", () => {
  const now = Date.parse("2026-01-01T12:00:00Z");
  it("ticks in seconds, then minutes, hours and days", () => {
    expect(ago(null, now)).toBe("never");
    expect(ago("2026-01-01T12:00:00Z", now)).toBe("just now");
    expect(ago("2026-01-01T11:59:56Z", now)).toBe("4 s ago");
    expect(ago("2026-01-01T11:57:00Z", now)).toBe("3 min ago");
    expect(ago("2026-01-01T09:00:00Z", now)).toBe("3 h ago");
    expect(ago("2025-12-31T12:00:00Z", now)).toBe("1 day ago");
    expect(ago("2025-12-27T12:00:00Z", now)).toBe("5 days ago");
  });
});

describe("duration", () => {
  it("uses the two largest units", () => {
    expect(duration(45)).toBe("45 s");
    expect(duration(12 * 60 + 5)).toBe("12 min");
    expect(duration(2 * 3600)).toBe("2 h");
    expect(duration(2 * 3600 + 5 * 60)).toBe("2 h 5 min");
    expect(duration(3 * 86400 + 4 * 3600)).toBe("3 d 4 h");
    expect(duration(-5)).toBe("0 s");
  });
});

describe("sizes", () => {
  it("shows MB below a GB and trims GB sensibly", () => {
    expect(mb(512)).toBe("512 MB");
    expect(mb(1536)).toBe("1.5 GB");
    expect(mb(24 * 1024 - 100)).toBe("24 GB");
    expect(gb(0)).toBe("0");
    expect(gb(0.5)).toBe("0.5 GB");
    expect(num(0.25)).toBe("0.25");
    expect(num(2)).toBe("2");
  });
});

describe("fraction and loadTone", () => {
  it("keeps bars within 0..1, full when over-committed", () => {
    expect(fraction(1, 4)).toBe(0.25);
    expect(fraction(5, 4)).toBe(1);
    expect(fraction(0, 0)).toBe(0);
    expect(fraction(1, 0)).toBe(1);
  });
  it("warns from 75 % and alarms from 90 %", () => {
    expect(loadTone(0.5)).toBe("ok");
    expect(loadTone(0.8)).toBe("warn");
    expect(loadTone(0.95)).toBe("bad");
  });
});

describe("timeLimit and plural", () => {
  it("says limits in the largest whole unit", () => {
    expect(timeLimit(null)).toBe("No limit");
    expect(timeLimit(7200)).toBe("2 h");
    expect(timeLimit(90 * 60)).toBe("90 min");
    expect(timeLimit(45)).toBe("45 s");
  });
  it("counts", () => {
    expect(plural(1, "session")).toBe("1 session");
    expect(plural(3, "session")).toBe("3 sessions");
  });
});
