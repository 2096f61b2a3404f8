import type { Redis } from "ioredis";
import { DomainError } from "./errors.js";

/**
 * A fixed-window counter in Redis, so a limit holds across every manager. Throws RATE_LIMITED
 * with how long to wait when `key` was used more than `limit` times in the current window.
 */
export async function rateLimit(redis: Redis, key: string, limit: number, windowS: number, what: string): Promise<void> {
  const window = Math.floor(Date.now() / 1000 / windowS);
  const k = `berth:rate:${key}:${window}`;
  const count = await redis.incr(k);
  if (count === 1) await redis.expire(k, windowS * 2);
  if (count > limit) {
    const wait = windowS - (Math.floor(Date.now() / 1000) % windowS);
    throw new DomainError("RATE_LIMITED", `slow down: at most ${limit} ${what} every ${windowS} seconds; try again in ${wait} s`, { retryAfterS: wait });
  }
}
