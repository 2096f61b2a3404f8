import type { Role } from "../generated/prisma/client.js";

/** Who is making a request. Every policy takes one of these. */
export type Actor =
  | { kind: "anonymous" }
  | { kind: "user"; userId: string; username: string; role: Role; zoneId: string | null; authSessionId: string }
  | { kind: "agent"; serverId: string; zoneId: string };

export type UserActor = Extract<Actor, { kind: "user" }>;
export type AgentActor = Extract<Actor, { kind: "agent" }>;

export const anonymous: Actor = { kind: "anonymous" };
export const isAdmin = (a: Actor): boolean => a.kind === "user" && a.role === "ADMIN";
