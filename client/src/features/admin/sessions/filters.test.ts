import { describe, expect, it } from "vitest";
import { filtersFromSearch, filtersToQuery, hasFilters, sessionsToFollow, sessionsVariables } from "./filters";

describe("session filters", () => {
  it("read from and write to the address", () => {
    const f = filtersFromSearch("?status=failed&serverId=s1");
    expect(f).toEqual({ status: "failed", serverId: "s1", userId: undefined, imageId: undefined });
    expect(filtersToQuery(f)).toEqual({ status: "failed", serverId: "s1", userId: undefined, imageId: undefined });
    expect(filtersFromSearch("?status=bogus").status).toBe("live");
  });
  it("ask the API for the right statuses", () => {
    expect(sessionsVariables({ status: "live" })).toEqual({ status: null, includeEnded: false, userId: null, imageId: null, serverId: null });
    expect(sessionsVariables({ status: "starting", userId: "u" })).toMatchObject({ status: ["REQUESTED", "STARTING"], userId: "u" });
    expect(sessionsVariables({ status: "all" })).toMatchObject({ status: null, includeEnded: true });
  });
  it("know when any filter is on", () => {
    expect(hasFilters({ status: "live" })).toBe(false);
    expect(hasFilters({ status: "live", imageId: "i" })).toBe(true);
  });
});

describe("sessionsToFollow", () => {
  it("follows live sessions only, up to the cap", () => {
    const s = [
      { id: "a", status: "RUNNING" as const },
      { id: "b", status: "STOPPED" as const },
      { id: "c", status: "STARTING" as const },
      { id: "d", status: "PAUSED" as const },
    ];
    expect(sessionsToFollow(s, 2)).toEqual(["a", "c"]);
  });
});
