import type { CheckInMutation } from "./api/generated/graphql.js";
import type { ContainerState } from "./providers/provider.js";

export type DesiredState = CheckInMutation["checkIn"];
export type DesiredSession = DesiredState["sessions"][number];

/** One thing to do so that what runs here matches what the manager wants. */
export type Action =
  /** No usable container yet: create (or take over) one and wait until the desktop answers. */
  | { kind: "start"; session: DesiredSession }
  /** A running container the manager does not know is running (the agent restarted mid-start): probe it, report it. */
  | { kind: "adopt"; session: DesiredSession; container: ContainerState }
  /** A container nobody wants: remove it and say so. sessionId "" for a container without a session label. */
  | { kind: "remove"; sessionId: string; containerId: string }
  /** An operation in progress for a session that is no longer wanted: make it give up. */
  | { kind: "cancel"; sessionId: string }
  /** A session the manager paused: freeze its container (PAUSE) or stop it, keeping it (STOP). */
  | { kind: "pause"; sessionId: string; containerId: string; mode: "PAUSE" | "STOP" }
  /** A paused container of a session being resumed: thaw it, then probe and report it like an adoption. */
  | { kind: "resume"; session: DesiredSession; container: ContainerState }
  /** Viewers the container must cut off now (the session server closes their connections). */
  | { kind: "revoke"; sessionId: string; containerId: string; principals: string[] };

const STARTING = new Set(["REQUESTED", "STARTING"]);

/**
 * Compares the desired state with the containers listed for this check-in. Pure: the same
 * inputs always give the same actions. Sessions in `busy` (an operation running, or finished
 * after the listing began) are left alone: the listing may not show what that operation did.
 * A RUNNING session without a container gets no action: the manager marks it LOST itself.
 */
export function planReconcile(
  desired: DesiredSession[],
  containers: ContainerState[],
  busy: ReadonlySet<string>,
  running: ReadonlySet<string>,
  revokedApplied: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): Action[] {
  const actions: Action[] = [];
  const wanted = new Map(desired.map((s) => [s.sessionId, s]));
  const bySession = new Map<string, ContainerState>();
  for (const c of containers) if (c.sessionId && !bySession.has(c.sessionId)) bySession.set(c.sessionId, c);

  for (const s of desired) {
    if (busy.has(s.sessionId)) continue;
    const c = bySession.get(s.sessionId);
    if (s.status === "PAUSED" && c?.state === "running") {
      actions.push({ kind: "pause", sessionId: s.sessionId, containerId: c.containerId, mode: s.pauseMode === "STOP" ? "STOP" : "PAUSE" });
      continue;
    }
    // Cutting viewers off matters for a running session; a resuming one gets it at its next check-in.
    if (c?.state === "running" && s.status === "RUNNING" && s.revokedPrincipals.length) {
      const done = revokedApplied.get(c.containerId);
      const todo = s.revokedPrincipals.filter((p) => !done?.has(p));
      if (todo.length) actions.push({ kind: "revoke", sessionId: s.sessionId, containerId: c.containerId, principals: todo });
    }
    if (!STARTING.has(s.status)) continue;
    if (!c) actions.push({ kind: "start", session: s });
    else if (c.state === "paused") actions.push({ kind: "resume", session: s, container: c });
    else if (c.state === "running") actions.push({ kind: "adopt", session: s, container: c });
    // Created but never started, or stopped: starting it again takes it over by name.
    else if (c.state === "created" || c.state === "exited" || c.state === "dead") actions.push({ kind: "start", session: s });
  }

  for (const c of containers) {
    if (wanted.has(c.sessionId) || busy.has(c.sessionId)) continue;
    actions.push({ kind: "remove", sessionId: c.sessionId, containerId: c.containerId });
  }

  for (const id of running) if (!wanted.has(id)) actions.push({ kind: "cancel", sessionId: id });
  return actions;
}
