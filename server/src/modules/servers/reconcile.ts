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

/**
 * Heals differences between what a server should run and what its agent reports.
 * Containers nobody wants are removed by the agent itself (they are absent from the
 * desired state); this side handles sessions whose containers are missing.
 * Returns whether it acted on any session (then the caller's copy is stale: read them again).
 */
export async function reconcile(
  deps: { sessions: SessionService; startTimeoutS: number },
  sessions: ReconciledSession[],
  input: Pick<CheckInInput, "containers" | "busySessionIds">,
  now: Date,
): Promise<boolean> {
  const reported = new Map(input.containers.map((c) => [c.sessionId, c]));
  const busy = new Set(input.busySessionIds);
  let changed = false;
  for (const s of sessions) {
    const starting = s.status === "REQUESTED" || s.status === "STARTING";
    if (starting && now.getTime() - s.startingSince.getTime() > deps.startTimeoutS * 1000) {
      await deps.sessions.transition(s.id, "FAILED", { statusMessage: `did not start within ${deps.startTimeoutS} s` });
      changed = true;
      continue;
    }
    if (busy.has(s.id)) continue;
    const c = reported.get(s.id);
    // A check-in's container list may predate a report handled a moment ago: judge only settled sessions.
    const settled = now.getTime() - s.updatedAt.getTime() > GRACE_MS;
    if (s.status === "STOPPING" && !c) {
      await deps.sessions.finishStopping(s.id);
      changed = true;
    } else if (settled && (s.status === "RUNNING" || s.status === "PAUSED") && isGone(s.status, c?.state)) {
      await deps.sessions.transition(s.id, "LOST", {
        statusMessage: c ? `the container ${c.state}` : "the container disappeared from its server",
      });
      changed = true;
    }
  }
  return changed;
}

const GRACE_MS = 3000;

/** A running session needs a live container; a paused one may be frozen or stopped, but must exist. */
function isGone(status: "RUNNING" | "PAUSED", state: string | undefined): boolean {
  if (!state || state === "dead") return true;
  return status === "RUNNING" && state === "exited";
}
