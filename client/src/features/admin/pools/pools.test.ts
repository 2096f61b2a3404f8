import { describe, expect, it } from "vitest";
import type { AdminWarmPoolFieldsFragment } from "../../../generated/graphql";
import { activePool, barTone, imageOptions, parseSize, poolState, poolsSummary, visiblePools, zoneForImage, zoneOptions } from "./pools";

const pool = (over: Partial<AdminWarmPoolFieldsFragment> = {}): AdminWarmPoolFieldsFragment => ({
  id: "p1",
  imageId: "i1",
  imageName: "tiny",
  zoneId: "z1",
  zoneName: "default",
  size: 2,
  ready: 2,
  starting: 0,
  message: "",
  ...over,
});
const image = (over: Partial<Parameters<typeof imageOptions>[0][number]> = {}) => ({
  id: "i1",
  name: "tiny",
  friendlyName: "Tiny",
  enabled: true,
  zoneId: null as string | null,
  volumes: [] as { hostPath: string; containerPath: string; readOnly: boolean }[],
  ...over,
});
const zones = [
  { id: "z1", name: "default" },
  { id: "z2", name: "eu" },
];

describe("visiblePools", () => {
  it("hides a pool switched off once its sessions are gone, and sorts by image then zone", () => {
    const list = visiblePools([
      pool({ id: "a", imageName: "tiny", zoneName: "eu" }),
      pool({ id: "b", size: 0, ready: 0, starting: 0 }),
      pool({ id: "c", size: 0, ready: 1, starting: 0, imageName: "desktop" }),
      pool({ id: "d", imageName: "tiny", zoneName: "default" }),
    ]);
    expect(list.map((p) => p.id)).toEqual(["c", "d", "a"]);
  });
});

describe("poolState", () => {
  it("names what the pool is doing", () => {
    expect(poolState(pool())).toEqual({ tone: "ok", text: "Full" });
    expect(poolState(pool({ ready: 1, starting: 1 }))).toEqual({ tone: "progress", text: "Filling" });
    expect(poolState(pool({ ready: 1, message: "1 short: the server is full" }))).toEqual({ tone: "warn", text: "Short" });
    expect(poolState(pool({ size: 0, ready: 1 }))).toEqual({ tone: "neutral", text: "Ending" });
  });
  it("colours the bar amber only while a pool is short", () => {
    expect(barTone(pool({ ready: 1, message: "1 short" }))).toBe("warn");
    expect(barTone(pool({ ready: 1 }))).toBe("ok");
  });
});

describe("parseSize", () => {
  it("takes whole numbers from 0 to 100", () => {
    expect(parseSize(" 3 ")).toEqual({ size: 3 });
    expect(parseSize("0")).toEqual({ size: 0 });
    expect(parseSize("100")).toEqual({ size: 100 });
  });
  it("refuses anything else, saying what it wants", () => {
    for (const bad of ["", "1.5", "-1", "101", "two"]) expect(parseSize(bad)).toEqual({ problem: "A whole number from 0 to 100." });
  });
});

describe("imageOptions", () => {
  it("offers enabled images by name, and shows those with per-user folders as not choosable", () => {
    const options = imageOptions([
      image({ id: "i1", friendlyName: "Tiny" }),
      image({ id: "i2", friendlyName: "Off", enabled: false }),
      image({ id: "i3", friendlyName: "Desktop", volumes: [{ hostPath: "/home/{username}", containerPath: "/home/user", readOnly: false }] }),
    ]);
    expect(options).toEqual([
      { id: "i3", label: "Desktop (per-user folders: cannot be pooled)", disabled: true },
      { id: "i1", label: "Tiny", disabled: false },
    ]);
  });
});

describe("zones for an image", () => {
  it("offers only the image's own zone when it is restricted to one", () => {
    expect(zoneOptions(zones, { zoneId: "z2" }).map((z) => z.disabled)).toEqual([true, false]);
    expect(zoneOptions(zones, { zoneId: null }).map((z) => z.disabled)).toEqual([false, false]);
  });
  it("selects the image's zone, else keeps the current choice, else the first zone", () => {
    expect(zoneForImage(zones, { zoneId: "z2" }, "z1")).toBe("z2");
    expect(zoneForImage(zones, { zoneId: null }, "z2")).toBe("z2");
    expect(zoneForImage(zones, undefined, "gone")).toBe("z1");
    expect(zoneForImage([], undefined, "")).toBe("");
  });
});

describe("activePool and poolsSummary", () => {
  it("finds the pool that is on for an image and zone", () => {
    const pools = [pool(), pool({ id: "p2", zoneId: "z2", size: 0 })];
    expect(activePool(pools, "i1", "z1")?.id).toBe("p1");
    expect(activePool(pools, "i1", "z2")).toBeUndefined();
  });
  it("counts the pools that are on and their ready sessions", () => {
    expect(poolsSummary([pool(), pool({ id: "p2", size: 3, ready: 1 }), pool({ id: "p3", size: 0, ready: 1 })])).toBe("2 pools · 3 of 5 sessions ready");
    expect(poolsSummary([pool({ size: 1, ready: 0 })])).toBe("1 pool · 0 of 1 session ready");
  });
});
