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
  | { kind: "cancel"; sessionId: string };

const STARTING = new Set(["REQUESTED", "STARTING"]);

/**
 * Compares the desired state with the containers listed for this check-in. Pure: the same
 * inputs always give the same actions. Sessions in `busy` (an operation running, or finished
 * after the listing began) are left alone: the listing may not show what that operation did.
 * A RUNNING session without a container gets no action: the manager marks it LOST itself.
 */
export function planReconcile(desired: DesiredSession[], containers: ContainerState[], busy: ReadonlySet<string>, running: ReadonlySet<string>): Action[] {
  const actions: Action[] = [];
  const wanted = new Map(desired.map((s) => [s.sessionId, s]));
  const bySession = new Map<string, ContainerState>();
  for (const c of containers) if (c.sessionId && !bySession.has(c.sessionId)) bySession.set(c.sessionId, c);

  for (const s of desired) {
    if (busy.has(s.sessionId) || !STARTING.has(s.status)) continue;
    const c = bySession.get(s.sessionId);
    if (!c) actions.push({ kind: "start", session: s });
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
