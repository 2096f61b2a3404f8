import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { TopicFanout } from "./topic-fanout.js";

/** Stands in for the Redis subscriber connection: records (un)subscriptions, emits messages. */
function fakeRedis() {
  const e = new EventEmitter();
  const subscribed = new Set<string>();
  return {
    on: (ev: string, f: (...a: never[]) => void) => e.on(ev, f),
    subscribe: async (t: string) => void subscribed.add(t),
    unsubscribe: async (t: string) => void subscribed.delete(t),
    send: (channel: string, message: string) => e.emit("message", channel, message),
    subscribed,
  };
}

describe("TopicFanout", () => {
  it("subscribes a channel once, hands every subscriber the same parsed event, and lets go with the last", async () => {
    const redis = fakeRedis();
    const fanout = new TopicFanout(redis as never);
    const a = fanout.subscribe<{ id: string }>("chat/1");
    const b = fanout.subscribe<{ id: string }>("chat/1");
    const other = fanout.subscribe<{ id: string }>("chat/2");
    expect([...redis.subscribed].sort()).toEqual(["chat/1", "chat/2"]);

    const [na, nb] = [a.next(), b.next()];
    redis.send("chat/1", JSON.stringify({ id: "m1" }));
    const [ra, rb] = await Promise.all([na, nb]);
    expect(ra).toEqual({ value: { id: "m1" }, done: false });
    expect(ra.value).toBe(rb.value); // one object for all: answers can be shared per event

    // Events queue for a subscriber that has not asked yet, in order.
    redis.send("chat/1", JSON.stringify({ id: "m2" }));
    redis.send("chat/1", JSON.stringify({ id: "m3" }));
    redis.send("chat/1", "not json");
    expect((await a.next()).value).toEqual({ id: "m2" });
    expect((await a.next()).value).toEqual({ id: "m3" });

    // A pending next() ends when the subscriber is ended; the channel stays while someone listens.
    const pending = a.next();
    await a.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(fanout.listeners("chat/1")).toBe(1);
    expect(redis.subscribed.has("chat/1")).toBe(true);
    await b.return!();
    expect(redis.subscribed.has("chat/1")).toBe(false);
    expect(fanout.listeners("chat/2")).toBe(1);
    await other.return!();
    expect(redis.subscribed.size).toBe(0);
  });

  it("subscribes again when a topic comes back after its last subscriber left", async () => {
    const redis = fakeRedis();
    const fanout = new TopicFanout(redis as never);
    await fanout.subscribe("t").return!();
    const again = fanout.subscribe<{ n: number }>("t");
    expect(redis.subscribed.has("t")).toBe(true);
    const n = again.next();
    redis.send("t", JSON.stringify({ n: 1 }));
    expect((await n).value).toEqual({ n: 1 });
  });
});

describe("checkedSubscription", () => {
  it("checks on the first read, throws a refusal from it, and otherwise reads the topic directly", async () => {
    const { checkedSubscription } = await import("./topic-fanout.js");
    const redis = fakeRedis();
    const fanout = new TopicFanout(redis as never);
    const refused = checkedSubscription(async () => {
      throw new Error("FORBIDDEN");
    }, () => fanout.subscribe("chat/1"));
    await expect(refused.next()).rejects.toThrow("FORBIDDEN");
    expect(redis.subscribed.size).toBe(0);

    const allowed = checkedSubscription(async () => true, () => fanout.subscribe<{ id: string }>("chat/1"));
    const first = allowed.next();
    await new Promise((r) => setTimeout(r, 0));
    redis.send("chat/1", JSON.stringify({ id: "m1" }));
    expect((await first).value).toEqual({ id: "m1" });
    await allowed.return!();
    expect(redis.subscribed.size).toBe(0);
  });
});
