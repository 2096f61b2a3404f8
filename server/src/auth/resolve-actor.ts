import type { IncomingHttpHeaders } from "node:http";
import type { Services } from "../services.js";
import { anonymous, type Actor } from "./actor.js";
import { bearer, readCookie, SIGNIN_COOKIE } from "./cookies.js";

/**
 * Who is calling: a browser sign-in cookie, or a Bearer credential (agent tokens start
 * with "ba_"). Anything unknown is anonymous; operations then decide whether that is enough.
 */
export async function resolveActor(services: Services, headers: IncomingHttpHeaders | Record<string, unknown>): Promise<Actor> {
  const token = bearer(headers);
  if (token?.startsWith("ba_")) return (await services.agents.actorFromAgentToken(token)) ?? anonymous;
  const cookie = readCookie(headers as IncomingHttpHeaders, SIGNIN_COOKIE);
  if (cookie) return (await services.users.actorFromSignIn(cookie)) ?? anonymous;
  return anonymous;
}
