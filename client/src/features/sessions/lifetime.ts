import type { SessionFieldsFragment } from "../../generated/graphql";

/** Below this many seconds the countdown turns urgent (a display choice, not a rule). */
export const URGENT_BELOW_S = 5 * 60;

/** Whole seconds from `now` until `expiresAt`, never negative. */
export function secondsLeft(expiresAt: string, now: number): number {
  return Math.max(0, Math.floor((Date.parse(expiresAt) - now) / 1000));
}

/** "1 h 05 min" from an hour up, "12:04" below it, "0:00" at the end. */
export function formatCountdown(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const min = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h} h ${String(min).padStart(2, "0")} min`;
  return `${min}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * The time-limit warning the manager sends shortly before a session's limit ends it. The API has
 * no field for it: it replaces a running session's statusMessage (normally "running") with the
 * warning, so any other message on a running session with a limit is that warning.
 */
export function expiryWarning(s: Pick<SessionFieldsFragment, "status" | "statusMessage" | "expiresAt">): string | undefined {
  if (s.status !== "RUNNING" || !s.expiresAt) return undefined;
  const m = s.statusMessage.trim();
  if (!m || m.toLowerCase() === "running") return undefined;
  return m;
}

/**
 * How the session page shows a session that has (or had) a container: the live view, frozen,
 * or coming back from a pause (STARTING after it ran once). Anything else gets its own page.
 */
export type StageState = "live" | "paused" | "resuming";

export function stageState(s: Pick<SessionFieldsFragment, "status" | "startedAt">): StageState | undefined {
  if (s.status === "RUNNING") return "live";
  if (s.status === "PAUSED") return "paused";
  if (s.status === "STARTING" && s.startedAt) return "resuming";
  return undefined;
}
