import { describe, expect, it } from "vitest";
import { listNeedsRefetch } from "./liveList";

describe("listNeedsRefetch", () => {
  const live = { includeEnded: false, ids: ["a", "b"] };
  const all = { includeEnded: true, ids: ["a", "b", "old"] };

  it("asks again when a session the list does not hold appears", () => {
    expect(listNeedsRefetch(live, { id: "new", status: "REQUESTED" })).toBe(true);
    expect(listNeedsRefetch(all, { id: "new", status: "REQUESTED" })).toBe(true);
  });
  it("leaves a change to a listed session to the cache", () => {
    expect(listNeedsRefetch(live, { id: "a", status: "RUNNING" })).toBe(false);
    expect(listNeedsRefetch(all, { id: "a", status: "STOPPED" })).toBe(false);
  });
  it("asks again when a listed session ends in a list of live sessions", () => {
    expect(listNeedsRefetch(live, { id: "a", status: "STOPPED" })).toBe(true);
  });
  it("ignores an ended session a list of live sessions never held", () => {
    expect(listNeedsRefetch(live, { id: "gone", status: "FAILED" })).toBe(false);
  });
});
