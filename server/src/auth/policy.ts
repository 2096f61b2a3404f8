import type { Actor, AgentActor, UserActor } from "./actor.js";
import { forbidden, unauthenticated } from "../errors.js";

/**
 * Authorisation is a set of small pure predicates. Services call `authorize(rule)`;
 * a false rule throws FORBIDDEN. Keep rules here so one file shows who may do what.
 */
export function authorize(allowed: boolean, message?: string): asserts allowed {
  if (!allowed) throw forbidden(message);
}

export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== "user") throw unauthenticated();
  return actor;
}

export function requireAdmin(actor: Actor): UserActor {
  const user = requireUser(actor);
  authorize(user.role === "ADMIN", "only administrators can do that");
  return user;
}

export function requireAgent(actor: Actor): AgentActor {
  if (actor.kind !== "agent") throw unauthenticated("this operation is for agents: send the agent token as a Bearer credential");
  return actor;
}

type OwnedSession = { userId: string };
/** A signed-in user's place in a session's active share (null: not a viewer). */
export type ActiveViewer = { shareId: string; mode: "VIEW" | "COLLABORATE" } | null | undefined;

const ownerOrAdmin = (actor: Actor, s: OwnedSession) => actor.kind === "user" && (actor.role === "ADMIN" || actor.userId === s.userId);

export const canViewSession = (actor: Actor, s: OwnedSession, viewer?: ActiveViewer): boolean =>
  ownerOrAdmin(actor, s) || (actor.kind === "user" && !!viewer);

/** Keyboard and mouse: the owner, administrators, and viewers of a collaborative share. */
export const canControlSession = (actor: Actor, s: OwnedSession, viewer?: ActiveViewer): boolean =>
  ownerOrAdmin(actor, s) || (actor.kind === "user" && viewer?.mode === "COLLABORATE");

/** End, pause, resume, share: the owner and administrators. */
export const canManageSession = (actor: Actor, s: OwnedSession): boolean => ownerOrAdmin(actor, s);
export const canDestroySession = canManageSession;

export const canChat = canViewSession;

export const canLaunch = (actor: Actor, image: { enabled: boolean }): boolean =>
  actor.kind === "user" && (image.enabled || actor.role === "ADMIN");
