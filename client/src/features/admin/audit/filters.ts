/**
 * The audit log's filters: what the address holds, what the API is asked for, and how far back.
 * The API matches action, actor and outcome exactly and pages only by "the newest N", so
 * "Show older events" asks again for more (up to the API's cap of 1000).
 */

export const PAGE_SIZE = 100;
export const MAX_EVENTS = 1000;

export const SINCE_CHOICES = {
  all: { label: "Any time", ms: undefined },
  "1h": { label: "Last hour", ms: 3_600_000 },
  "24h": { label: "Last 24 hours", ms: 86_400_000 },
  "7d": { label: "Last 7 days", ms: 7 * 86_400_000 },
  "30d": { label: "Last 30 days", ms: 30 * 86_400_000 },
} satisfies Record<string, { label: string; ms?: number }>;

export type Since = keyof typeof SINCE_CHOICES;

/** Error codes worth offering besides OK: the API's stable ones, and a masked internal failure. */
export const FAILURE_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "NOT_FOUND",
  "CONFLICT",
  "NO_CAPACITY",
  "RATE_LIMITED",
  "UNAVAILABLE",
  "INTERNAL_SERVER_ERROR",
];

export type AuditFilters = { action: string; actor: string; outcome: string; since: Since };

export const NO_FILTERS: AuditFilters = { action: "", actor: "", outcome: "", since: "all" };

/** Filters from the address (?action=signIn&actor=alice&outcome=UNAUTHENTICATED&since=24h). */
export function filtersFromSearch(search: string): AuditFilters {
  const q = new URLSearchParams(search);
  const since = q.get("since") ?? "all";
  return {
    action: (q.get("action") ?? "").trim(),
    actor: (q.get("actor") ?? "").trim(),
    outcome: (q.get("outcome") ?? "").trim(),
    since: since in SINCE_CHOICES ? (since as Since) : "all",
  };
}

export function filtersToQuery(f: AuditFilters): Record<string, string | undefined> {
  return {
    action: f.action.trim() || undefined,
    actor: f.actor.trim() || undefined,
    outcome: f.outcome || undefined,
    since: f.since === "all" ? undefined : f.since,
  };
}

/**
 * The query's variables. `anchor` is the moment "last hour" counts back from: fixed until the
 * filter changes or Refresh is pressed, so the variables (and the query) stay put between renders.
 */
export function auditVariables(f: AuditFilters, first: number, anchor: number) {
  const ms = SINCE_CHOICES[f.since].ms;
  return {
    action: f.action.trim() || null,
    actorName: f.actor.trim() || null,
    outcome: f.outcome || null,
    since: ms === undefined ? null : new Date(anchor - ms).toISOString(),
    first: Math.min(Math.max(first, 1), MAX_EVENTS),
  };
}

export const hasFilters = (f: AuditFilters) => !!f.action.trim() || !!f.actor.trim() || !!f.outcome || f.since !== "all";

export const sameFilters = (a: AuditFilters, b: AuditFilters) =>
  a.action.trim() === b.action.trim() && a.actor.trim() === b.actor.trim() && a.outcome === b.outcome && a.since === b.since;

/** A full page came back and the cap is not reached: there may be older events. */
export const mayHaveMore = (count: number, first: number) => count >= first && first < MAX_EVENTS;

export const nextLimit = (first: number) => Math.min(first + PAGE_SIZE, MAX_EVENTS);

/** Action names to suggest while typing: those seen so far, sorted, without repeats. */
export function mergeActions(known: readonly string[], events: readonly { action: string }[]): string[] {
  const all = new Set(known);
  for (const e of events) all.add(e.action);
  return all.size === known.length ? (known as string[]) : [...all].sort((a, b) => a.localeCompare(b));
}
