import type { SessionStatus } from "../../generated/prisma/enums.js";
import type { SessionService } from "../sessions/session.service.js";
import type { CheckInInput } from "./agent.inputs.js";

/** What reconciling needs of each of the server's sessions that holds a reservation (REQUESTED to STOPPING). */
export interface ReconciledSession {
  id: string;
  status: SessionStatus;
  startingSince: Date;
  updatedAt: Date;
}

/** One healing step: the session and where it must go. */
export type Remedy =
  | { id: string; kind: "timedOut" }
  | { id: string; kind: "stopped" }
  | { id: string; kind: "lost"; message: string };

/**
 * Judges differences between what a server should run and what its agent reports (pure).
 * Containers nobody wants are removed by the agent itself (they are absent from the
 * desired state); this side handles sessions whose containers are missing.
 */
export function remedies(
  sessions: ReconciledSession[],
  input: Pick<CheckInInput, "containers" | "busySessionIds">,
  now: Date,
  startTimeoutS: number,
): Remedy[] {
  const reported = new Map(input.containers.map((c) => [c.sessionId, c]));
  const busy = new Set(input.busySessionIds);
  const out: Remedy[] = [];
  for (const s of sessions) {
    const starting = s.status === "REQUESTED" || s.status === "STARTING";
    if (starting && now.getTime() - s.startingSince.getTime() > startTimeoutS * 1000) {
      out.push({ id: s.id, kind: "timedOut" });
      continue;
    }
    if (busy.has(s.id)) continue;
    const c = reported.get(s.id);
    // A check-in's container list may predate a report handled a moment ago: judge only settled sessions.
    const settled = now.getTime() - s.updatedAt.getTime() > GRACE_MS;
    if (s.status === "STOPPING" && !c) {
      out.push({ id: s.id, kind: "stopped" });
    } else if (settled && (s.status === "RUNNING" || s.status === "PAUSED") && isGone(s.status, c?.state)) {
      out.push({ id: s.id, kind: "lost", message: c ? `the container ${c.state}` : "the container disappeared from its server" });
    }
  }
  return out;
}

/**
 * Heals what `remedies` found. Returns whether it acted on any session (then the caller's copy
 * is stale: read them again).
 */
export async function reconcile(
  deps: { sessions: SessionService; startTimeoutS: number },
  sessions: ReconciledSession[],
  input: Pick<CheckInInput, "containers" | "busySessionIds">,
  now: Date,
): Promise<boolean> {
  const todo = remedies(sessions, input, now, deps.startTimeoutS);
  for (const r of todo) {
    if (r.kind === "timedOut") await deps.sessions.transition(r.id, "FAILED", { statusMessage: `did not start within ${deps.startTimeoutS} s` });
    else if (r.kind === "stopped") await deps.sessions.finishStopping(r.id);
    else await deps.sessions.transition(r.id, "LOST", { statusMessage: r.message });
  }
  return todo.length > 0;
}

/**
 * Whether an answer kept from an earlier check-in still holds for this one: every session is
 * settled (RUNNING or PAUSED: they change only with a nudge to the server, or when their
 * container does, which this check-in shows), the agent is busy with none, reports no container
 * the answer does not know, and nothing needs healing.
 */
export function isSteady(sessions: ReconciledSession[], input: Pick<CheckInInput, "containers" | "busySessionIds">, now: Date, startTimeoutS: number): boolean {
  if (input.busySessionIds.length > 0) return false;
  if (!sessions.every((s) => s.status === "RUNNING" || s.status === "PAUSED")) return false;
  const known = new Set(sessions.map((s) => s.id));
  if (!input.containers.every((c) => known.has(c.sessionId))) return false;
  return remedies(sessions, input, now, startTimeoutS).length === 0;
}

const GRACE_MS = 3000;

/** A running session needs a live container; a paused one may be frozen or stopped, but must exist. */
function isGone(status: "RUNNING" | "PAUSED", state: string | undefined): boolean {
  if (!state || state === "dead") return true;
  return status === "RUNNING" && state === "exited";
}
