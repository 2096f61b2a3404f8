import type { ServerStatus } from "./server.status.js";

export type Strategy = "LEAST_LOAD" | "MOST_LOAD" | "ROUND_ROBIN";

/** What placement knows about one server, already read inside the launch transaction. */
export interface Candidate {
  id: string;
  hostname: string;
  zoneId: string;
  status: ServerStatus;
  cores: number; // effective (overridden) capacity
  memoryMb: number;
  usedCores: number; // reserved by sessions that hold a reservation
  usedMemoryMb: number;
  imageReady: boolean;
  /** When this server was last given a session (for ROUND_ROBIN); null if never. */
  lastPlacedAt: Date | null;
}

export interface PlacementRequest {
  cores: number;
  memoryMb: number;
  /** Zones to try, in order: the user's zone first, then others if it allows. */
  zones: { id: string; name: string; strategy: Strategy }[];
  /** Image restrictions. */
  onlyZoneId?: string | null;
  onlyServerId?: string | null;
}

export type Placement = { ok: true; serverId: string; hostname: string } | { ok: false; reasons: string[] };

const EPS = 1e-9;

/** Why a server cannot take the session, or null if it can. */
export function unfit(c: Candidate, req: PlacementRequest): string | null {
  if (req.onlyServerId && c.id !== req.onlyServerId) return "the image is restricted to another server";
  if (c.status === "OFFLINE") return "offline";
  if (c.status === "DISABLED") return "disabled";
  if (c.status === "DRAINING") return "draining";
  if (!c.imageReady) return "image not downloaded yet";
  const freeCores = c.cores - c.usedCores;
  const freeMem = c.memoryMb - c.usedMemoryMb;
  if (freeCores + EPS < req.cores) return `full: ${fmt(freeCores)} of ${fmt(c.cores)} cores free, ${fmt(req.cores)} needed`;
  if (freeMem < req.memoryMb) return `full: ${freeMem} MB of ${c.memoryMb} MB memory free, ${req.memoryMb} MB needed`;
  return null;
}

/** Orders fitting servers by a zone's strategy; ties break by hostname, then id, so results are stable. */
export function rank(cands: Candidate[], strategy: Strategy): Candidate[] {
  const byName = (a: Candidate, b: Candidate) => a.hostname.localeCompare(b.hostname) || a.id.localeCompare(b.id);
  const free = (c: Candidate) => [c.memoryMb - c.usedMemoryMb, c.cores - c.usedCores] as const;
  const sorted = [...cands];
  switch (strategy) {
    case "LEAST_LOAD":
      return sorted.sort((a, b) => free(b)[0] - free(a)[0] || free(b)[1] - free(a)[1] || byName(a, b));
    case "MOST_LOAD":
      return sorted.sort((a, b) => free(a)[0] - free(b)[0] || free(a)[1] - free(b)[1] || byName(a, b));
    case "ROUND_ROBIN":
      return sorted.sort((a, b) => (a.lastPlacedAt?.getTime() ?? 0) - (b.lastPlacedAt?.getTime() ?? 0) || byName(a, b));
  }
}

/** Picks a server for a session, or says for each server why it could not. Pure: no I/O. */
export function place(req: PlacementRequest, candidates: Candidate[]): Placement {
  const reasons: string[] = [];
  const zones = req.onlyZoneId ? req.zones.filter((z) => z.id === req.onlyZoneId) : req.zones;
  if (zones.length === 0) return { ok: false, reasons: ["the image is restricted to a zone this user cannot use"] };
  for (const zone of zones) {
    const inZone = candidates.filter((c) => c.zoneId === zone.id);
    if (inZone.length === 0) reasons.push(`zone '${zone.name}' has no servers`);
    const fitting: Candidate[] = [];
    for (const c of inZone) {
      const why = unfit(c, req);
      if (why) reasons.push(`${c.hostname}: ${why}`);
      else fitting.push(c);
    }
    const best = rank(fitting, zone.strategy)[0];
    if (best) return { ok: true, serverId: best.id, hostname: best.hostname };
  }
  return { ok: false, reasons };
}

const fmt = (n: number) => (Math.round(n * 100) / 100).toString();
