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
  if (token?.startsWith("ba_")) return (await services.agents.actorFromAgentToken(token)) ?? { kind: "anonymous", reason: "unknown agent token: the server was deleted; re-enroll the agent" };
  if (token?.startsWith("bk_")) {
    const r = await services.apiKeys.actorFromKey(token);
    return "reason" in r ? { kind: "anonymous", reason: r.reason } : r;
  }
  if (token) return { kind: "anonymous", reason: "unknown credential: send an API key (bk_...) or sign in" };
  const cookie = readCookie(headers as IncomingHttpHeaders, SIGNIN_COOKIE);
  if (cookie) return (await services.users.actorFromSignIn(cookie)) ?? anonymous;
  return anonymous;
}
