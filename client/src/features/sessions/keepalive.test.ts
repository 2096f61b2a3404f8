import { describe, expect, it } from "vitest";
import { KEEPALIVE_EVERY_MS, keepaliveDue } from "./keepalive";

describe("keepaliveDue", () => {
  it("sends at once when the view opens in a visible tab", () => {
    expect(keepaliveDue(undefined, 1_000, true)).toBe(true);
  });
  it("sends nothing from a hidden tab", () => {
    expect(keepaliveDue(undefined, 1_000, false)).toBe(false);
    expect(keepaliveDue(0, 10 * KEEPALIVE_EVERY_MS, false)).toBe(false);
  });
  it("sends again once a minute has passed, not sooner", () => {
    expect(keepaliveDue(0, KEEPALIVE_EVERY_MS - 1, true)).toBe(false);
    expect(keepaliveDue(0, KEEPALIVE_EVERY_MS, true)).toBe(true);
  });
});
