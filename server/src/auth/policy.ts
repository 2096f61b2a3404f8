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
  if (actor.kind === "apikey") throw forbidden("an API key cannot do this itself: use an operation that takes forUser");
  if (actor.kind !== "user") throw unauthenticated(actor.kind === "anonymous" && actor.reason ? actor.reason : undefined);
  return actor;
}

/** Administrators; an API key with the `admin` scope acts as the administrator who made it. */
export function requireAdmin(actor: Actor): UserActor {
  if (actor.kind === "apikey") {
    requireScope(actor, "admin");
    return { kind: "user", userId: actor.createdById, username: `api-key:${actor.name}`, role: "ADMIN", zoneId: null, authSessionId: "" };
  }
  const user = requireUser(actor);
  authorize(user.role === "ADMIN", "only administrators can do that");
  return user;
}

/** API key scopes. Administrators (signed in) have them all; the `admin` scope implies every other. */
export const SCOPES = ["sessions:read", "sessions:write", "users:write", "images:write", "fleet:read", "admin"] as const;
export type Scope = (typeof SCOPES)[number];

export function hasScope(actor: Actor, scope: Scope): boolean {
  if (actor.kind === "user") return actor.role === "ADMIN";
  if (actor.kind === "apikey") return actor.scopes.includes(scope) || actor.scopes.includes("admin");
  return false;
}

/**
 * The actor an operation runs as. An API key with `scope` acts as the administrator who made it
 * (each operation names the scope it needs); users and agents are themselves.
 */
export function acting(actor: Actor, scope: Scope): Actor {
  if (actor.kind !== "apikey") return actor;
  requireScope(actor, scope);
  return { kind: "user", userId: actor.createdById, username: `api-key:${actor.name}`, role: "ADMIN", zoneId: null, authSessionId: "" };
}

export function requireScope(actor: Actor, scope: Scope): void {
  if (actor.kind === "anonymous") throw unauthenticated(actor.reason);
  if (!hasScope(actor, scope)) {
    throw forbidden(actor.kind === "apikey" ? `this API key lacks the '${scope}' scope` : "only administrators can do that");
  }
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
