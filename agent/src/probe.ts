import { sleep } from "./timing.js";

export interface ProbeOptions {
  host: string;
  port: number;
  secret: string;
  /** Between knocks once the first seconds have passed (default 100 ms). */
  intervalMs?: number;
  /** Between knocks during the first `eagerForMs` (default 15 ms for 2 s): most sessions answer within a second. */
  eagerIntervalMs?: number;
  eagerForMs?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Asked about once a second while the desktop does not answer: a reason when it never will (container exited). */
  whyDead?: () => Promise<string | null>;
}

/**
 * Waits until the session answers HTTP on its published port: any response below 500 means the
 * server inside is up (it may still say 401 for a wrong credential; we send the right one).
 */
export async function waitUntilReady(o: ProbeOptions): Promise<void> {
  const url = `http://${probeHost(o.host)}:${o.port}/`;
  const intervalMs = o.intervalMs ?? 100;
  const eagerIntervalMs = Math.min(o.eagerIntervalMs ?? 15, intervalMs);
  const timeoutMs = o.timeoutMs ?? 60_000;
  const started = Date.now();
  const eagerUntil = started + (o.eagerForMs ?? 2000);
  const deadline = started + timeoutMs;
  let last = "no answer yet";
  let nextLivenessCheck = Date.now() + 1000;
  while (Date.now() < deadline) {
    o.signal?.throwIfAborted();
    try {
      const res = await fetch(url, {
        headers: { authorization: `Bearer ${o.secret}` },
        redirect: "manual",
        signal: o.signal ? AbortSignal.any([o.signal, AbortSignal.timeout(2000)]) : AbortSignal.timeout(2000),
      });
      await res.body?.cancel().catch(() => {});
      if (res.status < 500) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      o.signal?.throwIfAborted();
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      last = cause?.code ?? cause?.message ?? (e as Error).message;
    }
    if (o.whyDead && Date.now() >= nextLivenessCheck) {
      nextLivenessCheck = Date.now() + 1000;
      const reason = await o.whyDead();
      if (reason) throw new Error(reason);
    }
    await sleep(Date.now() < eagerUntil ? eagerIntervalMs : intervalMs, o.signal);
  }
  throw new Error(`the desktop did not answer within ${timeoutMs / 1000} s (last: ${last})`);
}

/** Where to knock: a wildcard bind address is reached through loopback; IPv6 needs brackets. */
export function probeHost(publishHost: string): string {
  if (publishHost === "0.0.0.0") return "127.0.0.1";
  if (publishHost === "::") return "[::1]";
  return publishHost.includes(":") ? `[${publishHost}]` : publishHost;
}
