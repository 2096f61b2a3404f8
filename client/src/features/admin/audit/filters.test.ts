import { describe, expect, it } from "vitest";
import { MAX_EVENTS, NO_FILTERS, auditVariables, filtersFromSearch, filtersToQuery, hasFilters, mayHaveMore, mergeActions, nextLimit, sameFilters } from "./filters";

describe("audit filters", () => {
  it("read from and write to the address, dropping what is empty", () => {
    const f = filtersFromSearch("?action=signIn&actor=%20alice%20&outcome=UNAUTHENTICATED&since=24h");
    expect(f).toEqual({ action: "signIn", actor: "alice", outcome: "UNAUTHENTICATED", since: "24h" });
    expect(filtersToQuery(f)).toEqual({ action: "signIn", actor: "alice", outcome: "UNAUTHENTICATED", since: "24h" });
    expect(filtersToQuery(NO_FILTERS)).toEqual({ action: undefined, actor: undefined, outcome: undefined, since: undefined });
  });
  it("ignore a time range they do not know", () => {
    expect(filtersFromSearch("?since=forever").since).toBe("all");
  });
  it("ask the API for exact matches, with null for anything not filtered", () => {
    expect(auditVariables(NO_FILTERS, 100, 0)).toEqual({ action: null, actorName: null, outcome: null, since: null, first: 100 });
    expect(auditVariables({ action: " signIn ", actor: "bob", outcome: "OK", since: "all" }, 100, 0)).toMatchObject({ action: "signIn", actorName: "bob", outcome: "OK" });
  });
  it("count the time range back from a fixed moment", () => {
    const anchor = Date.parse("2026-03-01T12:00:00Z");
    expect(auditVariables({ ...NO_FILTERS, since: "1h" }, 100, anchor).since).toBe("2026-03-01T11:00:00.000Z");
    expect(auditVariables({ ...NO_FILTERS, since: "7d" }, 100, anchor).since).toBe("2026-02-22T12:00:00.000Z");
  });
  it("never ask for more than the API gives", () => {
    expect(auditVariables(NO_FILTERS, 5000, 0).first).toBe(MAX_EVENTS);
    expect(nextLimit(100)).toBe(200);
    expect(nextLimit(950)).toBe(MAX_EVENTS);
  });
  it("offer older events only while a full page came back below the cap", () => {
    expect(mayHaveMore(100, 100)).toBe(true);
    expect(mayHaveMore(42, 100)).toBe(false);
    expect(mayHaveMore(MAX_EVENTS, MAX_EVENTS)).toBe(false);
  });
  it("know when any filter is on, and when two sets are the same", () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, actor: "  " })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, since: "1h" })).toBe(true);
    expect(sameFilters({ ...NO_FILTERS, action: "signIn " }, { ...NO_FILTERS, action: "signIn" })).toBe(true);
    expect(sameFilters(NO_FILTERS, { ...NO_FILTERS, outcome: "OK" })).toBe(false);
  });
});

describe("mergeActions", () => {
  it("adds the actions it sees, sorted, once each", () => {
    expect(mergeActions(["signIn"], [{ action: "requestSession" }, { action: "signIn" }, { action: "createShare" }])).toEqual(["createShare", "requestSession", "signIn"]);
  });
  it("returns the same list when nothing is new (so nothing re-renders)", () => {
    const known = ["a", "b"];
    expect(mergeActions(known, [{ action: "a" }])).toBe(known);
  });
});
