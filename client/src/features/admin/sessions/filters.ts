import type { SessionStatus } from "../../../generated/graphql";

/** The status choices of the filter, each a set of statuses the API is asked for. */
export const STATUS_FILTERS = {
  live: { label: "Live (not ended)", statuses: undefined, includeEnded: false },
  running: { label: "Running", statuses: ["RUNNING"], includeEnded: false },
  starting: { label: "Starting", statuses: ["REQUESTED", "STARTING"], includeEnded: false },
  paused: { label: "Paused", statuses: ["PAUSED"], includeEnded: false },
  ending: { label: "Ending", statuses: ["STOPPING"], includeEnded: false },
  ended: { label: "Ended", statuses: ["STOPPED"], includeEnded: true },
  failed: { label: "Failed or lost", statuses: ["FAILED", "LOST"], includeEnded: true },
  all: { label: "All, ended too", statuses: undefined, includeEnded: true },
} satisfies Record<string, { label: string; statuses?: SessionStatus[]; includeEnded: boolean }>;

export type StatusFilter = keyof typeof STATUS_FILTERS;
export type SessionFilters = { status: StatusFilter; userId?: string; imageId?: string; serverId?: string };

/** Filters from the address (?status=running&serverId=…), so a link can open a filtered list. */
export function filtersFromSearch(search: string): SessionFilters {
  const q = new URLSearchParams(search);
  const status = q.get("status") ?? "live";
  return {
    status: status in STATUS_FILTERS ? (status as StatusFilter) : "live",
    userId: q.get("userId") || undefined,
    imageId: q.get("imageId") || undefined,
    serverId: q.get("serverId") || undefined,
  };
}

export function filtersToQuery(f: SessionFilters): Record<string, string | undefined> {
  return { status: f.status === "live" ? undefined : f.status, userId: f.userId, imageId: f.imageId, serverId: f.serverId };
}

export function sessionsVariables(f: SessionFilters) {
  const s = STATUS_FILTERS[f.status];
  return {
    status: s.statuses ?? null,
    includeEnded: s.includeEnded,
    userId: f.userId ?? null,
    imageId: f.imageId ?? null,
    serverId: f.serverId ?? null,
  };
}

export const hasFilters = (f: SessionFilters) => f.status !== "live" || !!f.userId || !!f.imageId || !!f.serverId;

/** Sessions worth following one by one: live ones, at most `cap` (the list refetches for the rest). */
export function sessionsToFollow<T extends { id: string; status: SessionStatus }>(sessions: T[], cap: number): string[] {
  return sessions.filter((s) => !["STOPPED", "FAILED", "LOST"].includes(s.status)).slice(0, cap).map((s) => s.id);
}
