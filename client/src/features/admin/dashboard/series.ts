import type { Point } from "./chart";

/** One server's history: what the charts draw, oldest first. */
export type History = { cpu: Point[]; mem: Point[]; sessions: Point[] };
export type HistoryByServer = Record<string, History>;

export type Sample = { serverId: string; at: string; cpuPercent: number; memoryUsedMb: number; sessions: number };

/** The samples the API keeps (about one per 30 s per server), split into series per server. */
export function historyFromSamples(samples: Sample[]): HistoryByServer {
  const out: HistoryByServer = {};
  for (const s of samples) add(out, s.serverId, Date.parse(s.at), s);
  return out;
}

/**
 * Adds a live reading unless it repeats the last time or comes sooner than `minGapMs`
 * after it (agents check in every few seconds; the charts need far fewer points); drops
 * points older than `since`. Returns a new object so React sees the change.
 */
export function appendReading(
  history: HistoryByServer,
  serverId: string,
  t: number,
  r: { cpuPercent: number; memoryUsedMb: number; sessions: number },
  { minGapMs = 10_000, since = -Infinity } = {},
): HistoryByServer {
  const last = history[serverId]?.cpu.at(-1);
  if (last && t - last.t < minGapMs) return history;
  const next: HistoryByServer = {};
  for (const [id, h] of Object.entries(history)) next[id] = trim(h, since);
  next[serverId] = trim(next[serverId] ?? { cpu: [], mem: [], sessions: [] }, since);
  next[serverId] = {
    cpu: [...next[serverId].cpu, { t, v: r.cpuPercent }],
    mem: [...next[serverId].mem, { t, v: r.memoryUsedMb }],
    sessions: [...next[serverId].sessions, { t, v: r.sessions }],
  };
  return next;
}

/**
 * Sessions across all servers at every moment any server reported: each server counts with its
 * latest reading at or before that moment, unless it is older than `staleMs` (the server was gone).
 * Evaluated at the readings themselves, so with one server the total is exactly its line.
 */
export function totalOverTime(perServer: Point[][], from: number, to: number, staleMs: number): Point[] {
  const times = [...new Set(perServer.flatMap((pts) => pts.map((p) => p.t)))].filter((t) => t >= from && t <= to).sort((a, b) => a - b);
  const idx = perServer.map(() => -1);
  const out: Point[] = [];
  for (const t of times) {
    let sum = 0;
    perServer.forEach((pts, i) => {
      while (idx[i] + 1 < pts.length && pts[idx[i] + 1].t <= t) idx[i]++;
      const p = pts[idx[i]];
      if (p && t - p.t <= staleMs) sum += p.v;
    });
    out.push({ t, v: sum });
  }
  return out;
}

function add(out: HistoryByServer, serverId: string, t: number, s: { cpuPercent: number; memoryUsedMb: number; sessions: number }) {
  const h = (out[serverId] ??= { cpu: [], mem: [], sessions: [] });
  h.cpu.push({ t, v: s.cpuPercent });
  h.mem.push({ t, v: s.memoryUsedMb });
  h.sessions.push({ t, v: s.sessions });
}

function trim(h: History, since: number): History {
  if (!(h.cpu[0]?.t < since)) return h;
  const keep = (p: Point) => p.t >= since;
  return { cpu: h.cpu.filter(keep), mem: h.mem.filter(keep), sessions: h.sessions.filter(keep) };
}
