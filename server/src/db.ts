import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.js";

export type Db = PrismaClient;
/** The client handed to code running inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// Pool connections stay open while idle (pg's default closes them after 10 s). A new connection
// costs a backend start, SCRAM authentication and cold catalog caches, tens of milliseconds in all:
// under steady load, closing and reopening them was the main source of latency spikes (check-ins'
// p99, docs/performance.md).
const IDLE_TIMEOUT_MS = 10 * 60_000;

export function createDb(connectionString: string, max = 20): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max, idleTimeoutMillis: IDLE_TIMEOUT_MS }) });
}

/** Interactive transactions hold a pool connection: bound how long they wait and run. */
export const TX_OPTIONS = { maxWait: 5000, timeout: 10000 } as const;
