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
      case "pause":
        ops.run(a.sessionId, "pause", () => pauseSession(deps, a.sessionId, a.containerId, a.mode));
        break;
      case "resume":
        ops.run(a.session.sessionId, "resume", async (signal) => {
          await deps.provider.unpause(a.container.containerId);
          await adoptSession(deps, a.session, { ...a.container, state: "running" }, signal);
        });
        break;
      case "revoke":
        ops.run(a.sessionId, "revoke", () => revokeViewers(deps, a.sessionId, a.containerId, a.principals));
        break;
    }
  }
}

/** Freezes (PAUSE) or stops (STOP) a paused session's container; it stays for resuming. */
async function pauseSession(deps: SessionDeps, sessionId: string, containerId: string, mode: "PAUSE" | "STOP") {
  try {
    if (mode === "STOP") await deps.provider.stop(containerId);
    else await deps.provider.pause(containerId);
    log.info(mode === "STOP" ? "session container stopped (paused)" : "session container paused", { sessionId, containerId });
  } catch (e) {
    log.warn("cannot pause a session container; will try again at the next check-in", { sessionId, containerId, error: errorText(e) });
  }
}

/**
 * Tells the session server to cut off viewers (their open connections close at once and they
 * are refused from then on). Every image ships berth-gateway, which does it.
 */
async function revokeViewers(deps: SessionDeps, sessionId: string, containerId: string, principals: string[]) {
  try {
    const r = await deps.provider.exec(containerId, ["berth-gateway", "revoke", ...principals], { timeoutMs: 10_000 });
    // 126/127: the image has no berth-gateway, so it cannot cut viewers off; don't ask it again and again.
    if (r.exitCode === 126 || r.exitCode === 127) {
      log.warn("this session's image cannot cut off viewers (no berth-gateway); the proxy still refuses them", { sessionId, containerId });
    } else if (r.exitCode !== 0) throw new Error(`berth-gateway revoke exited ${r.exitCode}: ${(r.stderr || r.stdout).trim().slice(0, 300)}`);
    const done = deps.revoked.get(containerId) ?? new Set<string>();
    for (const p of principals) done.add(p);
    deps.revoked.set(containerId, done);
    log.info("viewers cut off", { sessionId, containerId, count: principals.length });
  } catch (e) {
    log.warn("cannot cut off viewers; will try again at the next check-in", { sessionId, containerId, error: errorText(e) });
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
  deps.revoked.delete(containerId);
  if (sessionId) await deps.report({ sessionId, status: "STOPPED", message: "ended" });
}
