import { describe, expect, it } from "vitest";
import { PullProgressTracker } from "./pull-progress.js";

describe("PullProgressTracker", () => {
  it("ignores messages that are not about a layer", () => {
    const t = new PullProgressTracker();
    expect(t.update({ status: "Pulling from berth/tiny", id: "latest" })).toBe(0);
    expect(t.update({ status: "Digest: sha256:abc" })).toBe(0);
  });

  it("weighs layers by their size once known", () => {
    const t = new PullProgressTracker();
    t.update({ id: "small", status: "Pulling fs layer" });
    t.update({ id: "big", status: "Pulling fs layer" });
    t.update({ id: "big", status: "Downloading", progressDetail: { current: 0, total: 900 } });
    const f = t.update({ id: "small", status: "Downloading", progressDetail: { current: 100, total: 100 } });
    // small: 0.8 of 100 bytes; big: 0 of 900 bytes
    expect(f).toBeCloseTo(0.08, 5);
    expect(t.update({ id: "big", status: "Downloading", progressDetail: { current: 450, total: 900 } })).toBeCloseTo((80 + 0.4 * 900) / 1000, 5);
  });

  it("counts extraction as the last fifth of a layer", () => {
    const t = new PullProgressTracker();
    t.update({ id: "l", status: "Downloading", progressDetail: { current: 10, total: 10 } });
    expect(t.update({ id: "l", status: "Download complete" })).toBeCloseTo(0.8, 5);
    expect(t.update({ id: "l", status: "Extracting", progressDetail: { current: 5, total: 10 } })).toBeCloseTo(0.9, 5);
    // Only the end of the pull says 1 (READY); until then the fraction stops just short.
    expect(t.update({ id: "l", status: "Pull complete" })).toBe(0.99);
  });

  it("never goes back when a big layer's size becomes known late", () => {
    const t = new PullProgressTracker();
    t.update({ id: "a", status: "Already exists" });
    const before = t.update({ id: "b", status: "Waiting" });
    const after = t.update({ id: "b", status: "Downloading", progressDetail: { current: 1, total: 1_000_000 } });
    expect(after).toBeGreaterThanOrEqual(before);
  });

  it("leaves layers already present out, so a pull does not look done early", () => {
    const t = new PullProgressTracker();
    t.update({ id: "a", status: "Already exists" });
    expect(t.update({ id: "b", status: "Pulling fs layer" })).toBe(0);
    expect(t.update({ id: "b", status: "Downloading", progressDetail: { current: 5, total: 10 } })).toBeCloseTo(0.4, 5);
  });
});
