import { describe, expect, it } from "vitest";
import { place, rank, type Candidate, type PlacementRequest } from "./placement.js";

const zoneA = { id: "zone-a", name: "a", strategy: "LEAST_LOAD" as const };
const zoneB = { id: "zone-b", name: "b", strategy: "LEAST_LOAD" as const };

function server(overrides: Partial<Candidate> & { id: string }): Candidate {
  return {
    hostname: overrides.id,
    zoneId: zoneA.id,
    status: "ONLINE",
    cores: 8,
    memoryMb: 16384,
    usedCores: 0,
    usedMemoryMb: 0,
    imageReady: true,
    lastPlacedAt: null,
    ...overrides,
  };
}

const req = (o: Partial<PlacementRequest> = {}): PlacementRequest => ({ cores: 2, memoryMb: 2048, zones: [zoneA], ...o });

describe("place", () => {
  it("picks the server with the most free memory under LEAST_LOAD", () => {
    const r = place(req(), [server({ id: "s1", usedMemoryMb: 8000 }), server({ id: "s2", usedMemoryMb: 1000 })]);
    expect(r).toMatchObject({ ok: true, serverId: "s2" });
  });

  it("breaks a memory tie by free cores, then by hostname", () => {
    expect(place(req(), [server({ id: "s1", usedCores: 4 }), server({ id: "s2", usedCores: 1 })])).toMatchObject({ serverId: "s2" });
    expect(place(req(), [server({ id: "s2" }), server({ id: "s1" })])).toMatchObject({ serverId: "s1" });
  });

  it("packs the fullest server that still fits under MOST_LOAD", () => {
    const zones = [{ ...zoneA, strategy: "MOST_LOAD" as const }];
    const r = place(req({ zones }), [
      server({ id: "empty" }),
      server({ id: "busy", usedMemoryMb: 12000 }),
      server({ id: "too-full", usedMemoryMb: 15000 }),
    ]);
    expect(r).toMatchObject({ ok: true, serverId: "busy" });
  });

  it("takes the server that waited longest under ROUND_ROBIN (never-used first)", () => {
    const zones = [{ ...zoneA, strategy: "ROUND_ROBIN" as const }];
    const cands = [
      server({ id: "s1", lastPlacedAt: new Date(3000) }),
      server({ id: "s2", lastPlacedAt: new Date(1000) }),
      server({ id: "s3", lastPlacedAt: new Date(2000) }),
    ];
    expect(place(req({ zones }), cands)).toMatchObject({ serverId: "s2" });
    expect(place(req({ zones }), [...cands, server({ id: "s4" })])).toMatchObject({ serverId: "s4" });
  });

  it("uses overridden capacity (the candidate's cores and memory are already effective)", () => {
    const r = place(req({ cores: 6 }), [server({ id: "small", cores: 4 }), server({ id: "overridden", cores: 32 })]);
    expect(r).toMatchObject({ serverId: "overridden" });
  });

  it("honours an image restricted to one server", () => {
    const r = place(req({ onlyServerId: "s1" }), [server({ id: "s1", usedMemoryMb: 10000 }), server({ id: "s2" })]);
    expect(r).toMatchObject({ serverId: "s1" });
  });

  it("honours an image restricted to one zone", () => {
    const r = place(req({ zones: [zoneA, zoneB], onlyZoneId: "zone-b" }), [server({ id: "a1" }), server({ id: "b1", zoneId: "zone-b" })]);
    expect(r).toMatchObject({ serverId: "b1" });
  });

  it("tries the user's zone first and other zones only in order", () => {
    const cands = [server({ id: "a1", usedMemoryMb: 16000 }), server({ id: "b1", zoneId: "zone-b" })];
    expect(place(req({ zones: [zoneA] }), cands)).toMatchObject({ ok: false });
    expect(place(req({ zones: [zoneA, zoneB] }), cands)).toMatchObject({ ok: true, serverId: "b1" });
  });

  it("says for each server why nothing fits", () => {
    const r = place(req(), [
      server({ id: "full", usedCores: 7.5 }),
      server({ id: "off", status: "OFFLINE" }),
      server({ id: "drain", status: "DRAINING" }),
      server({ id: "dis", status: "DISABLED" }),
      server({ id: "cold", imageReady: false }),
      server({ id: "nomem", usedMemoryMb: 15000 }),
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reasons).toEqual([
      "full: full: 0.5 of 8 cores free, 2 needed",
      "off: offline",
      "drain: draining",
      "dis: disabled",
      "cold: image not downloaded yet",
      "nomem: full: 1384 MB of 16384 MB memory free, 2048 MB needed",
    ]);
  });

  it("fits a session that uses exactly the remaining capacity", () => {
    expect(place(req({ cores: 0.1 * 3 }), [server({ id: "s", cores: 1, usedCores: 0.7 })])).toMatchObject({ ok: true });
  });

  it("reports a zone without servers", () => {
    expect(place(req(), [])).toEqual({ ok: false, reasons: ["zone 'a' has no servers"] });
  });
});

describe("rank", () => {
  it("is stable for identical servers", () => {
    const cands = [server({ id: "b", hostname: "x" }), server({ id: "a", hostname: "x" })];
    expect(rank(cands, "LEAST_LOAD").map((c) => c.id)).toEqual(["a", "b"]);
  });
});
