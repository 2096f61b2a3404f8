import { Redis, type RedisOptions } from "ioredis";
import { log } from "./log.js";
import { TopicFanout } from "./topic-fanout.js";

/**
 * Every event a manager publishes. Payloads carry IDs only: subscribers re-read
 * and re-authorise, so no stale or unauthorised data ever rides an event.
 * Publish only after the transaction that caused the event has committed.
 */
export type Topics = {
  [k: `session/${string}`]: [{ id: string }];
  [k: `user/${string}/sessions`]: [{ id: string }];
  [k: `server/${string}/sync`]: [{ reason: string }];
  [k: `chat/${string}`]: [{ id: string }];
  [k: `task/${string}`]: [{ id: string }];
  /** `checkIn`: only what its agent reports changed (its status, resources, images), not the server's settings or credential. */
  servers: [{ id: string; checkIn?: boolean }];
  managers: [{ id: string }];
  /** `from`: the manager that recorded it (its own cache already agrees). */
  images: [{ serverId: string; from?: string }];
};

type Payload<K extends keyof Topics> = Topics[K][0];

export interface Events {
  /** Awaited publish: resolves once Redis accepted the message (or logs why it could not). */
  publish<K extends keyof Topics>(topic: K, payload: Payload<K>): Promise<void>;
  subscribe<K extends keyof Topics>(topic: K): AsyncIterable<Payload<K>>;
  close(): Promise<void>;
  /** A Redis connection for plain commands (rate limits and other counters). */
  redis: Redis;
  /** True when both connections are up (the subscriber re-subscribes by itself after a reconnect). */
  ready(): boolean;
  /**
   * Hears every message whose channel matches one of `patterns` (Redis globs: `*` matches anything),
   * from every manager: for caches that must forget what another manager changed. This manager's
   * own publishes reach `message` at once, before they leave for Redis, and again through Redis.
   * Messages sent while the connection was down are lost: `resync` runs each time it is back (and
   * subscribed), and `active()` is false in between, so a cache must not be trusted then.
   */
  watch(patterns: string[], handlers: WatchHandlers): Watch;
}

export interface WatchHandlers {
  message(channel: string, payload: unknown): void;
  resync(): void;
}

export interface Watch {
  active(): boolean;
  close(): void;
}

/** Redis-backed pub/sub so that any manager can serve any subscriber. */
export function createEvents(redisUrl: string): Events {
  const closers: (() => void)[] = [];
  const options: RedisOptions = {
    // Reconnect quickly and forever: a Redis restart must not end subscriptions.
    retryStrategy: (times: number) => Math.min(50 * times, 1000),
    maxRetriesPerRequest: null,
  };
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  for (const [name, c] of [["publish", publishClient], ["subscribe", subscribeClient]] as const) {
    c.on("error", (e: Error) => log.warn("redis error", { client: name, error: e.message }));
  }
  const watchers: { matches: (channel: string) => boolean; handlers: WatchHandlers }[] = [];
  const fanout = new TopicFanout(subscribeClient);
  return {
    redis: publishClient,
    ready: () => publishClient.status === "ready" && subscribeClient.status === "ready",
    async publish(topic, payload) {
      for (const w of watchers) if (w.matches(topic as string)) w.handlers.message(topic as string, payload);
      try {
        // Same wire format as the event target (JSON), but awaited so callers know it left.
        await publishClient.publish(topic as string, JSON.stringify(payload));
      } catch (e) {
        log.warn("publish failed; subscribers will catch up on their next read", { topic, error: String(e) });
      }
    },
    subscribe(topic) {
      return fanout.subscribe(topic as string);
    },
    watch(patterns, handlers) {
      const w = watchRedis(redisUrl, options, patterns, handlers);
      const entry = { matches: globMatcher(patterns), handlers };
      watchers.push(entry);
      closers.push(w.close);
      return {
        active: w.active,
        close() {
          watchers.splice(watchers.indexOf(entry), 1);
          w.close();
        },
      };
    },
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
      for (const close of closers) close();
    },
  };
}

/**
 * A connection of its own for pattern subscriptions. It subscribes again by itself on every
 * (re)connect and reports active only once Redis confirmed it; `resync` runs first.
 */
function watchRedis(redisUrl: string, options: RedisOptions, patterns: string[], handlers: WatchHandlers) {
  const client = new Redis(redisUrl, { ...options, autoResubscribe: false });
  let active = false;
  let closed = false;
  client.on("error", (e: Error) => log.warn("redis error", { client: "watch", error: e.message }));
  client.on("close", () => (active = false));
  client.on("ready", () => {
    client
      .psubscribe(...patterns)
      .then(() => {
        if (closed || client.status !== "ready") return;
        handlers.resync();
        active = true;
      })
      .catch((e) => log.warn("redis pattern subscription failed; retrying on reconnect", { error: String(e) }));
  });
  client.on("pmessage", (_pattern: string, channel: string, message: string) => {
    let payload: unknown;
    try {
      payload = JSON.parse(message);
    } catch {
      return;
    }
    handlers.message(channel, payload);
  });
  return {
    active: () => active && !closed,
    close() {
      closed = true;
      active = false;
      client.disconnect();
    },
  };
}

/** Redis glob patterns (only `*` is used here) as one predicate. */
export function globMatcher(patterns: string[]): (channel: string) => boolean {
  const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`^(?:${patterns.map((p) => p.split("*").map(escape).join(".*")).join("|")})$`);
  return (channel) => re.test(channel);
}
