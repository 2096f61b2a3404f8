import { describe, expect, it } from "vitest";
import { appendReading, historyFromSamples, totalOverTime } from "./series";

const at = (s: number) => new Date(s * 1000).toISOString();

describe("historyFromSamples", () => {
  it("splits stored samples into series per server, oldest first", () => {
    const h = historyFromSamples([
      { serverId: "a", at: at(0), cpuPercent: 10, memoryUsedMb: 100, sessions: 1 },
      { serverId: "b", at: at(0), cpuPercent: 50, memoryUsedMb: 500, sessions: 0 },
      { serverId: "a", at: at(30), cpuPercent: 20, memoryUsedMb: 200, sessions: 2 },
    ]);
    expect(h.a.cpu).toEqual([
      { t: 0, v: 10 },
      { t: 30_000, v: 20 },
    ]);
    expect(h.a.sessions.map((p) => p.v)).toEqual([1, 2]);
    expect(h.b.mem).toEqual([{ t: 0, v: 500 }]);
  });
});

describe("appendReading", () => {
  const reading = { cpuPercent: 5, memoryUsedMb: 50, sessions: 1 };
  it("adds a live reading for a new server", () => {
    const h = appendReading({}, "a", 1000, reading);
    expect(h.a.cpu).toEqual([{ t: 1000, v: 5 }]);
  });
  it("skips readings that come sooner than the minimum gap", () => {
    const h1 = appendReading({}, "a", 0, reading);
    const h2 = appendReading(h1, "a", 5_000, reading, { minGapMs: 10_000 });
    expect(h2).toBe(h1);
    const h3 = appendReading(h1, "a", 10_000, reading, { minGapMs: 10_000 });
    expect(h3.a.cpu).toHaveLength(2);
    expect(h1.a.cpu).toHaveLength(1);
  });
  it("drops what slid out of the window, for every server", () => {
    let h = appendReading({}, "a", 0, reading);
    h = appendReading(h, "b", 0, reading);
    h = appendReading(h, "a", 120_000, reading, { since: 60_000 });
    expect(h.a.cpu.map((p) => p.t)).toEqual([120_000]);
    expect(h.b.cpu).toEqual([]);
  });
});

describe("totalOverTime", () => {
  it("adds every server's latest reading at each moment one reported", () => {
    const a = [
      { t: 0, v: 1 },
      { t: 30_000, v: 2 },
    ];
    const b = [{ t: 10_000, v: 3 }];
    expect(totalOverTime([a, b], 0, 60_000, 60_000)).toEqual([
      { t: 0, v: 1 },
      { t: 10_000, v: 4 },
      { t: 30_000, v: 5 },
    ]);
  });
  it("is exactly the line of a single server", () => {
    const a = [
      { t: 0, v: 1 },
      { t: 30_000, v: 0 },
    ];
    expect(totalOverTime([a], 0, 60_000, 60_000)).toEqual(a);
  });
  it("stops counting a server whose last reading is stale", () => {
    const a = [{ t: 0, v: 4 }];
    const b = [
      { t: 10_000, v: 1 },
      { t: 90_000, v: 1 },
    ];
    expect(totalOverTime([a, b], 0, 120_000, 45_000)).toEqual([
      { t: 0, v: 4 },
      { t: 10_000, v: 5 },
      { t: 90_000, v: 1 },
    ]);
  });
  it("leaves out readings outside the window", () => {
    expect(totalOverTime([[{ t: -5, v: 1 }, { t: 5, v: 2 }]], 0, 10, 100)).toEqual([{ t: 5, v: 2 }]);
  });
});
