import http from "node:http";
import https from "node:https";
import { readFileSync } from "node:fs";
import { env } from "../../tests/support/env.js";
import { nowMs } from "./stats.js";

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs `fn` over `items` with at most `limit` at a time; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Keep-alive agents; the https one trusts the stack's self-signed certificate, as a browser would once accepted. */
export function keepAliveAgent(url: string, maxSockets = Infinity): http.Agent {
  const opts = { keepAlive: true, maxSockets, maxFreeSockets: 1024, scheduling: "fifo" as const };
  return url.startsWith("https:") ? new https.Agent({ ...opts, ca: readFileSync(env.tlsCert) }) : new http.Agent(opts);
}

export interface Answer {
  status: number;
  body: string;
  ms: number;
}

/** One request with node:http(s) (no fetch machinery in the way), the whole body read. */
export function request(
  url: string,
  o: { method?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent; timeoutMs?: number } = {},
): Promise<Answer> {
  const started = nowMs();
  const lib = url.startsWith("https:") ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method: o.method ?? "GET", headers: o.headers, agent: o.agent, timeout: o.timeoutMs ?? 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: nowMs() - started }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${o.timeoutMs ?? 10_000} ms`)));
    req.on("error", reject);
    req.end(o.body);
  });
}

export interface LoadResult {
  requests: number;
  ok: number;
  errors: number;
  statuses: Record<string, number>;
  rps: number;
  /** How long the run took, in seconds. */
  elapsedS: number;
  latencyMs: number[];
}

/**
 * A closed-loop load generator (autocannon-like): `concurrency` loops each send the next request
 * as soon as the previous answer is read, over keep-alive connections (unless `newConnections`),
 * for `durationMs`.
 */
export async function loadLoop(o: {
  url: string;
  headers?: Record<string, string>;
  concurrency: number;
  durationMs: number;
  expectStatus?: number;
  /** A new connection for every request (what nginx does towards a session), instead of keep-alive. */
  newConnections?: boolean;
}): Promise<LoadResult> {
  const agent = o.newConnections ? new http.Agent({ keepAlive: false }) : keepAliveAgent(o.url, o.concurrency);
  const statuses: Record<string, number> = {};
  const latencyMs: number[] = [];
  let ok = 0;
  let errors = 0;
  const started = nowMs();
  const until = started + o.durationMs;
  const loop = async () => {
    while (nowMs() < until) {
      try {
        const a = await request(o.url, { headers: o.headers, agent });
        statuses[a.status] = (statuses[a.status] ?? 0) + 1;
        latencyMs.push(a.ms);
        if (a.status === (o.expectStatus ?? 200)) ok++;
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, loop));
  const elapsedS = (nowMs() - started) / 1000;
  agent.destroy();
  return { requests: ok + errors, ok, errors, statuses, rps: ok / elapsedS, elapsedS, latencyMs };
}
