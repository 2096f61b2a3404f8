import { describe, expect, it } from "vitest";
import type { Events, WatchHandlers } from "../../pubsub.js";
import { globMatcher } from "../../pubsub.js";
import { ServerCache, type KnownServer } from "./server-cache.js";

/** Events whose watch is driven by the test: `up` says whether the Redis connection is. */
function fakeEvents() {
  const state = { up: true, handlers: undefined as WatchHandlers | undefined };
  const events = { watch: (_p: string[], h: WatchHandlers) => ((state.handlers = h), { active: () => state.up, close: () => {} }) } as unknown as Events;
  return { events, state };
}

function cache() {
  const { events, state } = fakeEvents();
  const c = new ServerCache({ ttlMs: 60_000, tokenTtlMs: 60_000, seenWithinMs: 10_000 });
  c.attach(events);
  return { c, state };
}

const known = (at: number): KnownServer => ({
  host: "h",
  images: "[]",
  answer: { serverId: "s1", installationId: "i", sessions: [], images: [], pruneImages: false, checkInIntervalS: 5 },
  sessions: [],
  keptAt: at,
  seenAt: at,
  published: { cpuPercent: 0, memoryUsedMb: 0, at },
});

describe("ServerCache", () => {
  it("answers from what it kept until the server is nudged", () => {
    const { c, state } = cache();
    expect(c.keep("s1", c.mark("s1"), known(1000))).toBe(true);
    expect(c.known("s1", 2000)).toBeDefined();
    state.handlers!.message("server/s1/sync", { reason: "session requested" });
    expect(c.known("s1", 2000)).toBeUndefined();
  });

  it("refuses to keep what was read before a nudge arrived", () => {
    const { c, state } = cache();
    const mark = c.mark("s1");
    state.handlers!.message("server/s1/sync", { reason: "session requested" });
    expect(c.keep("s1", mark, known(1000))).toBe(false);
    expect(c.keep("s1", c.mark("s1"), known(1000))).toBe(true);
  });

  it("forgets a server when one of its sessions changes, and refuses a keep that raced any session's change", () => {
    const { c, state } = cache();
    const k = { ...known(1000), sessions: [{ id: "x", status: "RUNNING" as const, startingSince: new Date(0), updatedAt: new Date(0) }] };
    c.keep("s1", c.mark("s1"), k);
    state.handlers!.message("session/other", { id: "other" });
    expect(c.known("s1", 2000)).toBeDefined();
    state.handlers!.message("session/x", { id: "x" });
    expect(c.known("s1", 2000)).toBeUndefined();
    const mark = c.mark("s1");
    state.handlers!.message("session/new", { id: "new" });
    expect(c.keep("s1", mark, k)).toBe(false);
  });

  it("forgets a server whose image downloads another manager recorded", () => {
    const { c, state } = cache();
    c.keep("s1", c.mark("s1"), known(1000));
    state.handlers!.message("images", { serverId: "s1", from: c.self });
    expect(c.known("s1", 2000)).toBeDefined();
    state.handlers!.message("images", { serverId: "s1", from: "another manager" });
    expect(c.known("s1", 2000)).toBeUndefined();
  });

  it("uses nothing while Redis is down, and forgets everything once it is back", () => {
    const { c, state } = cache();
    const mark = c.mark("s1");
    c.keep("s1", mark, known(1000));
    c.keepActor("hash", { kind: "agent", serverId: "s1", zoneId: "z" }, c.tokenMark(), 1000);
    state.up = false;
    expect(c.known("s1", 2000)).toBeUndefined();
    expect(c.actor("hash", 2000)).toBeUndefined();
    state.up = true;
    state.handlers!.resync();
    expect(c.known("s1", 2000)).toBeUndefined();
    expect(c.actor("hash", 2000)).toBeUndefined();
    expect(c.keep("s1", mark, known(1000))).toBe(false);
  });

  it("drops an answer too old, or of a server this manager has not seen for a while", () => {
    const { c } = cache();
    c.keep("s1", c.mark("s1"), known(1000));
    expect(c.known("s1", 1000 + 10_001)).toBeUndefined();
  });

  it("forgets an agent token when its server is deleted or changed, and refuses a look-up that raced it", () => {
    const { c, state } = cache();
    const actor = { kind: "agent" as const, serverId: "s1", zoneId: "z" };
    c.keepActor("hash", actor, c.tokenMark(), 1000);
    expect(c.actor("hash", 2000)).toEqual(actor);
    state.handlers!.message("servers", { id: "s1" });
    expect(c.actor("hash", 2000)).toBeUndefined();
    c.keepActor("hash", actor, c.tokenMark(), 1000);
    state.handlers!.message("servers", { id: "s1", checkIn: true });
    expect(c.actor("hash", 2000)).toEqual(actor);
    const mark = c.tokenMark();
    state.handlers!.message("servers", { id: "s1" });
    c.keepActor("hash", actor, mark, 1000);
    expect(c.actor("hash", 2000)).toBeUndefined();
  });
});

describe("globMatcher", () => {
  it("matches Redis-style patterns with *", () => {
    const m = globMatcher(["server/*/sync", "servers"]);
    expect(m("server/abc/sync")).toBe(true);
    expect(m("servers")).toBe(true);
    expect(m("server/abc/other")).toBe(false);
    expect(m("session/abc")).toBe(false);
  });
});
