import { describe, expect, it } from "vitest";
import { cpuPercentBetween, hostFacts, memAvailableMb, ResourceSampler } from "./host-facts.js";

describe("cpuPercentBetween", () => {
  it("is the busy share of the time that passed", () => {
    expect(cpuPercentBetween({ idle: 100, total: 200 }, { idle: 175, total: 300 })).toBe(25);
  });
  it("is 0 when no time passed", () => {
    expect(cpuPercentBetween({ idle: 1, total: 2 }, { idle: 1, total: 2 })).toBe(0);
  });
});

describe("memAvailableMb", () => {
  it("reads MemAvailable from /proc/meminfo", () => {
    expect(memAvailableMb("MemTotal: 2048000 kB\nMemFree: 1000 kB\nMemAvailable: 1048576 kB\n")).toBe(1024);
  });
  it("is null when the line is missing", () => {
    expect(memAvailableMb("MemTotal: 1 kB\n")).toBeNull();
  });
});

describe("hostFacts and ResourceSampler", () => {
  it("describe this machine", async () => {
    const f = await hostFacts({ hostname: "h1", publishHost: "127.0.0.1", engine: { version: "20.10", dataRoot: "/" } });
    expect(f.cores).toBeGreaterThan(0);
    expect(f.memoryMb).toBeGreaterThan(0);
    expect(f.diskMb).toBeGreaterThan(0);
    expect(f).toMatchObject({ hostname: "h1", publishHost: "127.0.0.1", dockerVersion: "20.10", gpus: 0 });
    const r = await new ResourceSampler().sample();
    expect(r.memoryUsedMb).toBeGreaterThan(0);
    expect(r.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(r.cpuPercent).toBeLessThanOrEqual(100);
  });
});
