import { createPubSub } from "@graphql-yoga/subscription";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { Redis } from "ioredis";
import { log } from "./log.js";

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
  servers: [{ id: string }];
  managers: [{ id: string }];
  images: [{ serverId: string }];
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
}

/** Redis-backed pub/sub so that any manager can serve any subscriber. */
export function createEvents(redisUrl: string): Events {
  const options = {
    // Reconnect quickly and forever: a Redis restart must not end subscriptions.
    retryStrategy: (times: number) => Math.min(50 * times, 1000),
    maxRetriesPerRequest: null,
  };
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  for (const [name, c] of [["publish", publishClient], ["subscribe", subscribeClient]] as const) {
    c.on("error", (e: Error) => log.warn("redis error", { client: name, error: e.message }));
  }
  const pubsub = createPubSub<Topics>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  return {
    redis: publishClient,
    ready: () => publishClient.status === "ready" && subscribeClient.status === "ready",
    async publish(topic, payload) {
      try {
        // Same wire format as the event target (JSON), but awaited so callers know it left.
        await publishClient.publish(topic as string, JSON.stringify(payload));
      } catch (e) {
        log.warn("publish failed; subscribers will catch up on their next read", { topic, error: String(e) });
      }
    },
    subscribe(topic) {
      return pubsub.subscribe(topic as `session/${string}`) as AsyncIterable<never>;
    },
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
