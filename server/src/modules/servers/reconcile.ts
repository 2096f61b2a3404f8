import type { Db } from "../../db.js";
import type { SessionService } from "../sessions/session.service.js";
import type { CheckInInput } from "./agent.inputs.js";

/**
 * Heals differences between what a server should run and what its agent reports.
 * Containers nobody wants are removed by the agent itself (they are absent from the
 * desired state); this side handles sessions whose containers are missing.
 */
export async function reconcile(
  deps: { db: Db; sessions: SessionService; startTimeoutS: number },
  serverId: string,
  input: Pick<CheckInInput, "containers" | "busySessionIds">,
  now: Date,
) {
  const reported = new Map(input.containers.map((c) => [c.sessionId, c]));
  const busy = new Set(input.busySessionIds);
  const sessions = await deps.db.session.findMany({
    where: { serverId, status: { in: ["REQUESTED", "STARTING", "RUNNING", "PAUSED", "STOPPING"] } },
    select: { id: true, status: true, startingSince: true, updatedAt: true },
  });
  for (const s of sessions) {
    const starting = s.status === "REQUESTED" || s.status === "STARTING";
    if (starting && now.getTime() - s.startingSince.getTime() > deps.startTimeoutS * 1000) {
      await deps.sessions.transition(s.id, "FAILED", { statusMessage: `did not start within ${deps.startTimeoutS} s` });
      continue;
    }
    if (busy.has(s.id)) continue;
    const c = reported.get(s.id);
    // A check-in's container list may predate a report handled a moment ago: judge only settled sessions.
    const settled = now.getTime() - s.updatedAt.getTime() > GRACE_MS;
    if (s.status === "STOPPING" && !c) {
      await deps.sessions.finishStopping(s.id);
    } else if (settled && (s.status === "RUNNING" || s.status === "PAUSED") && isGone(s.status, c?.state)) {
      await deps.sessions.transition(s.id, "LOST", {
        statusMessage: c ? `the container ${c.state}` : "the container disappeared from its server",
      });
    }
  }
}

const GRACE_MS = 3000;

/** A running session needs a live container; a paused one may be frozen or stopped, but must exist. */
function isGone(status: "RUNNING" | "PAUSED", state: string | undefined): boolean {
  if (!state || state === "dead") return true;
  return status === "RUNNING" && state === "exited";
}
