import { randomBytes } from "node:crypto";
import type { Request, Response } from "express";
import { Field, ObjectType } from "type-graphql";
import type { Actor } from "../../auth/actor.js";
import { acting, authorize, canManageSession, requireUser } from "../../auth/policy.js";
import { hashToken, newToken } from "../../auth/tokens.js";
import { conflict, notFound } from "../../errors.js";
import { isUuid } from "../../validation.js";
import type { Services } from "../../services.js";
import { log } from "../../log.js";

@ObjectType({ description: "A single-use link that signs the session's owner in and opens the session (for an iframe or a new tab)." })
export class ViewingLink {
  @Field(() => String, { description: "Path on the front door, e.g. /auth/link/…; prefix it with the public address." }) url: string;
  @Field(() => Date) expiresAt: Date;
}

const LINK = /^[A-Za-z0-9_-]{32,64}$/;

/**
 * Integrators (sessions:write) and owners: a link valid once, for ttlS seconds, that opens the
 * session as its owner, or (forUser: integrators and administrators) as a viewer of its share.
 */
export async function createViewingLink(services: Services, actor: Actor, sessionId: string, ttlS: number, forUser: string | null = null): Promise<ViewingLink> {
  const target = forUser ? await services.users.actFor(actor, forUser, "sessions:write") : null;
  const as = requireUser(acting(actor, "sessions:write"));
  const session = isUuid(sessionId) ? await services.db.session.findUnique({ where: { id: sessionId } }) : null;
  if (!session) throw notFound("session", sessionId);
  authorize(canManageSession(as, session), "only the session's owner, an administrator or an API key can make its viewing link");
  if (["STOPPED", "FAILED", "LOST", "STOPPING"].includes(session.status)) throw conflict(`the session is ${session.status.toLowerCase()}`);
  if (target && target.userId !== session.userId && !(await services.shares.viewer(target.userId, sessionId))) {
    throw conflict(`'${target.username}' is neither the owner nor a viewer of this session: join them first (joinShare with forUser)`);
  }
  const token = randomBytes(32).toString("base64url");
  const ttl = Math.min(Math.max(ttlS, 5), 600);
  await services.events.redis.set(`berth:link:${token}`, JSON.stringify({ userId: target?.userId ?? session.userId, sessionId }), "EX", ttl);
  return { url: `/auth/link/${token}`, expiresAt: new Date(Date.now() + ttl * 1000) };
}

/** GET /auth/link/<token>: used once (GETDEL), signs the owner in, then opens the session's page. */
export function viewingLinkRoute(services: Services) {
  return async (req: Request, res: Response) => {
    try {
      const token = String(req.params.token ?? "");
      const raw = LINK.test(token) ? await services.events.redis.getdel(`berth:link:${token}`) : null;
      if (!raw) return void res.status(410).type("text/plain").send("This viewing link was already used or has expired. Ask for a new one.\n");
      const { userId, sessionId } = JSON.parse(raw) as { userId: string; sessionId: string };
      const user = await services.db.user.findUnique({ where: { id: userId } });
      if (!user || user.disabled) return void res.status(403).type("text/plain").send("This user cannot sign in.\n");
      const signIn = newToken("bs");
      const maxAgeS = services.config.BERTH_SIGNIN_TTL_H * 3600;
      await services.db.authSession.create({ data: { userId, tokenHash: hashToken(signIn), expiresAt: new Date(Date.now() + maxAgeS * 1000) } });
      // SameSite=None so the sign-in also works inside an integrator's iframe (https only).
      res.setHeader("Set-Cookie", `berth_session=${encodeURIComponent(signIn)}; Path=/; HttpOnly; Secure; SameSite=None; Max-Age=${Math.floor(maxAgeS)}`);
      res.setHeader("Cache-Control", "no-store");
      res.redirect(302, `/sessions/${sessionId}`);
    } catch (e) {
      log.error("viewing link failed", { error: String(e) });
      res.status(503).type("text/plain").send("Try again in a moment.\n");
    }
  };
}
