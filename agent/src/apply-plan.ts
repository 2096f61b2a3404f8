import { errorText, log } from "./log.js";
import type { SessionOperations } from "./operations.js";
import type { Action } from "./reconcile.js";
import { adoptSession, startSession, type SessionDeps } from "./start-session.js";

/**
 * Sets the planned actions going: each runs as its session's one operation, concurrently
 * across sessions. Nothing here waits for them; the next check-in sees what they did.
 */
export function applyPlan(deps: SessionDeps, ops: SessionOperations, actions: Action[]): void {
  for (const a of actions) {
    switch (a.kind) {
      case "start":
        ops.run(a.session.sessionId, "start", (signal) => startSession(deps, a.session, signal));
        break;
      case "adopt":
        ops.run(a.session.sessionId, "adopt", (signal) => adoptSession(deps, a.session, a.container, signal));
        break;
      case "remove":
        // A container without a session label still gets its own slot (keyed by its id).
        ops.run(a.sessionId || a.containerId, "remove", () => removeSession(deps, a.sessionId, a.containerId));
        break;
      case "cancel":
        if (ops.cancel(a.sessionId)) log.info("session no longer wanted; stopping its start", { sessionId: a.sessionId });
        break;
    }
  }
}

/** Removes a container nobody wants and tells the manager the session is over. */
export async function removeSession(deps: SessionDeps, sessionId: string, containerId: string): Promise<void> {
  try {
    await deps.provider.remove(containerId);
  } catch (e) {
    log.warn("cannot remove a container; will try again at the next check-in", { sessionId, containerId, error: errorText(e) });
    return;
  }
  log.info("session container removed", { sessionId, containerId });
  if (sessionId) await deps.report({ sessionId, status: "STOPPED", message: "ended" });
}
