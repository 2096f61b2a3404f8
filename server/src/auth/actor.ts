import type { Role } from "../generated/prisma/client.js";

/** Who is making a request. Every policy takes one of these. */
export type Actor =
  /** `reason` says why a credential that was sent did not count (revoked, expired, unknown). */
  | { kind: "anonymous"; reason?: string }
  | { kind: "user"; userId: string; username: string; role: Role; zoneId: string | null; authSessionId: string }
  | { kind: "agent"; serverId: string; zoneId: string }
  /** An integrator's program. It acts for users only through operations that allow it, by scope. */
  | { kind: "apikey"; keyId: string; name: string; scopes: string[]; createdById: string };

export type UserActor = Extract<Actor, { kind: "user" }>;
export type AgentActor = Extract<Actor, { kind: "agent" }>;
export type ApiKeyActor = Extract<Actor, { kind: "apikey" }>;

export const anonymous: Actor = { kind: "anonymous" };
export const isAdmin = (a: Actor): boolean => a.kind === "user" && a.role === "ADMIN";
