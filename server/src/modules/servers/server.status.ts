/** A server's status is derived, never stored: it cannot disagree with its facts. */
export type ServerStatus = "ONLINE" | "OFFLINE" | "DRAINING" | "DISABLED";

export interface ServerFacts {
  enabled: boolean;
  draining: boolean;
  lastCheckInAt: Date | null;
}

export function serverStatus(s: ServerFacts, now: Date, offlineAfterS: number): ServerStatus {
  if (!s.enabled) return "DISABLED";
  if (!s.lastCheckInAt || now.getTime() - s.lastCheckInAt.getTime() > offlineAfterS * 1000) return "OFFLINE";
  if (s.draining) return "DRAINING";
  return "ONLINE";
}

export const effectiveCores = (s: { cores: number; coresOverride: number | null }) => s.coresOverride ?? s.cores;
export const effectiveMemoryMb = (s: { memoryMb: number; memoryMbOverride: number | null }) => s.memoryMbOverride ?? s.memoryMb;
