import type { Redis } from "ioredis";
import { log } from "./log.js";

/**
 * Subscribers of Redis channels in this process: one Redis subscription per channel however many
 * listen, each message parsed once and handed to every subscriber as the same object (which lets
 * `sharedSubscribe` answer it once per audience). A subscriber is a small queue, not a Repeater:
 * with hundreds of subscribers on one chat, the cost per delivery is what the fan-out is made of.
 */
export class TopicFanout {
  private readonly topics = new Map<string, Set<TopicQueue<unknown>>>();

  /** `client` must be a connection used for nothing but these subscriptions. */
  constructor(private readonly client: Pick<Redis, "on" | "subscribe" | "unsubscribe">) {
    client.on("message", (channel: string, message: string) => this.deliver(channel, message));
  }

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    let queues = this.topics.get(topic);
    if (!queues) {
      this.topics.set(topic, (queues = new Set()));
      this.client.subscribe(topic).catch((e: unknown) => log.warn("redis subscribe failed; it is retried on reconnect", { topic, error: String(e) }));
    }
    const set = queues;
    const queue = new TopicQueue<T>(() => {
      set.delete(queue as TopicQueue<unknown>);
      if (set.size === 0 && this.topics.get(topic) === set) {
        this.topics.delete(topic);
        this.client.unsubscribe(topic).catch(() => {});
      }
    });
    set.add(queue as TopicQueue<unknown>);
    return queue;
  }

  /** How many subscribers a topic has here (tests and diagnostics). */
  listeners(topic: string): number {
    return this.topics.get(topic)?.size ?? 0;
  }

  private deliver(channel: string, message: string) {
    const queues = this.topics.get(channel);
    if (!queues) return;
    let payload: unknown;
    try {
      payload = message === "" ? null : JSON.parse(message);
    } catch {
      log.warn("an event that is not JSON was dropped", { topic: channel });
      return;
    }
    for (const q of queues) q.push(payload);
  }
}

/** Events waiting for a slow subscriber before it is ended (it re-reads when it subscribes again). */
const MAX_WAITING = 10_000;

/** One subscriber: events queue until it asks for them; `return()` ends it and lets go of the topic. */
export class TopicQueue<T> implements AsyncIterableIterator<T> {
  private items: T[] = [];
  private waiting: ((r: IteratorResult<T>) => void) | null = null;
  private ended = false;

  constructor(private readonly onEnd: () => void) {}

  push(value: T) {
    if (this.ended) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = null;
      waiting({ value, done: false });
    } else if (this.items.push(value) > MAX_WAITING) {
      log.warn("a subscriber fell too far behind and was ended", { waiting: this.items.length });
      this.end();
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length) return Promise.resolve({ value: this.items.shift()!, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(e?: unknown): Promise<IteratorResult<T>> {
    this.end();
    return Promise.reject(e);
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  private end() {
    if (this.ended) return;
    this.ended = true;
    this.items = [];
    this.onEnd();
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.({ value: undefined, done: true });
  }
}

/**
 * A subscription that runs `check` when it is first read (a refusal is thrown from that first
 * `next()`, which graphql-ws reports as the operation's error, as a generator would) and then
 * hands out `open()`'s events with no layer in between.
 */
export function checkedSubscription<T>(check: () => Promise<unknown>, open: () => AsyncIterable<T>): AsyncIterableIterator<T> {
  let inner: AsyncIterator<T> | null = null;
  let ended = false;
  const it: AsyncIterableIterator<T> = {
    async next() {
      if (ended) return { value: undefined, done: true };
      await check();
      if (ended) return { value: undefined, done: true };
      inner = open()[Symbol.asyncIterator]();
      it.next = () => inner!.next();
      return inner.next();
    },
    async return() {
      ended = true;
      return inner?.return ? inner.return() : { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return it;
    },
  };
  return it;
}
