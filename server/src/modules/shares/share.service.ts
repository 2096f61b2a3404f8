import { randomBytes } from "node:crypto";
import type { Db } from "../../db.js";
import type { Actor } from "../../auth/actor.js";
import { acting, authorize, canManageSession, requireUser, type ActiveViewer, type Scope } from "../../auth/policy.js";
import { viewerPrincipal } from "../../auth/session-credentials.js";
import { conflict, forbidden, notFound } from "../../errors.js";
import type { Events } from "../../pubsub.js";
import type { ShareMode } from "../../generated/prisma/enums.js";
import { isUuid } from "../../validation.js";
import { nudgeServer } from "../sessions/session.topics.js";
import type { Share } from "./share.type.js";

const SHARE_ID = /^[0-9a-f]{32}$/;

export class ShareService {
  constructor(private readonly db: Db, private readonly events: Events) {}

  /** The signed-in user's place in the session's active share, if any. */
  async viewer(userId: string, sessionId: string): Promise<ActiveViewer> {
    const row = await this.db.shareViewer.findFirst({
      where: { userId, removedAt: null, share: { sessionId, active: true } },
      select: { shareId: true, share: { select: { mode: true } } },
    });
    return row ? { shareId: row.shareId, mode: row.share.mode } : null;
  }

  /** Turns sharing on (or changes its mode). Only a running session can be shared. */
  async share(actor: Actor, sessionId: string, mode: ShareMode): Promise<Share> {
    const session = await this.ownedSession(actor, sessionId);
    if (session.status !== "RUNNING") throw conflict("only a running session can be shared");
    const active = await this.db.share.findFirst({ where: { sessionId, active: true } });
    const share = active
      ? await this.db.share.update({ where: { id: active.id }, data: { mode } })
      : await this.db.share.create({ data: { id: randomBytes(16).toString("hex"), sessionId, mode } });
    // A new mode applies to connections made from now on (the viewer's page reconnects to pick it up).
    await this.changed(sessionId);
    return this.view(share.id);
  }

  /** Turns sharing off: every viewer is cut off at once, open connections included. */
  async stop(actor: Actor, sessionId: string): Promise<boolean> {
    const session = await this.ownedSession(actor, sessionId);
    const active = await this.db.share.findFirst({ where: { sessionId, active: true } });
    if (!active) return false;
    await this.db.share.update({ where: { id: active.id }, data: { active: false, stoppedAt: new Date() } });
    await this.db.shareViewer.updateMany({ where: { shareId: active.id, removedAt: null }, data: { removedAt: new Date() } });
    await nudgeServer(this.events, session.serverId, "sharing stopped");
    await this.changed(sessionId);
    return true;
  }

  /** A signed-in user follows a share link (or an integrator joins them, acting for them); removed viewers stay out. */
  async join(actor: Actor, shareId: string): Promise<string> {
    const user = requireUser(actor);
    const share = SHARE_ID.test(shareId) ? await this.db.share.findUnique({ where: { id: shareId }, include: { session: true } }) : null;
    if (!share || !share.active || share.session.status !== "RUNNING") throw notFound("share", shareId);
    if (share.session.userId === user.userId) return share.sessionId;
    const existing = await this.db.shareViewer.findUnique({ where: { shareId_userId: { shareId, userId: user.userId } } });
    if (existing?.removedAt) throw forbidden("the owner removed you from this session");
    await this.db.shareViewer.upsert({
      where: { shareId_userId: { shareId, userId: user.userId } },
      create: { shareId, userId: user.userId },
      update: { lastSeenAt: new Date() },
    });
    await this.changed(share.sessionId);
    return share.sessionId;
  }

  async removeViewer(actor: Actor, sessionId: string, userId: string): Promise<Share> {
    const session = await this.ownedSession(actor, sessionId);
    const active = await this.db.share.findFirst({ where: { sessionId, active: true } });
    if (!active) throw notFound("share of session", sessionId);
    const res = await this.db.shareViewer.updateMany({ where: { shareId: active.id, userId, removedAt: null }, data: { removedAt: new Date() } });
    if (res.count === 0) throw notFound("viewer", userId);
    await nudgeServer(this.events, session.serverId, "viewer removed");
    await this.changed(sessionId);
    return this.view(active.id);
  }

  /** The active share of a session, for its owner or an administrator. */
  async activeShare(actor: Actor, sessionId: string): Promise<Share | null> {
    await this.ownedSession(actor, sessionId, "sessions:read");
    const active = await this.db.share.findFirst({ where: { sessionId, active: true }, select: { id: true } });
    return active ? this.view(active.id) : null;
  }

  /** Principals the session's container must refuse: removed viewers and viewers of stopped shares. */
  async revokedPrincipals(sessionIds: string[]): Promise<Map<string, string[]>> {
    const rows = await this.db.shareViewer.findMany({
      where: { share: { sessionId: { in: sessionIds } }, OR: [{ removedAt: { not: null } }, { share: { active: false } }] },
      select: { shareId: true, userId: true, share: { select: { sessionId: true } } },
    });
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.share.sessionId, [...(out.get(r.share.sessionId) ?? []), viewerPrincipal(r.shareId, r.userId)]);
    return out;
  }

  private async view(shareId: string): Promise<Share> {
    const s = await this.db.share.findUniqueOrThrow({
      where: { id: shareId },
      include: { viewers: { where: { removedAt: null }, include: { user: { select: { username: true } } }, orderBy: { joinedAt: "asc" } } },
    });
    return {
      id: s.id,
      sessionId: s.sessionId,
      mode: s.mode,
      url: `/share/${s.id}`,
      createdAt: s.createdAt,
      viewers: s.viewers.map((v) => ({ userId: v.userId, username: v.user.username, joinedAt: v.joinedAt, lastSeenAt: v.lastSeenAt })),
    };
  }

  /** The session, when the actor may manage it: its owner, an administrator, or an API key with the scope. */
  private async ownedSession(actor: Actor, sessionId: string, scope: Scope = "sessions:write") {
    actor = requireUser(acting(actor, scope));
    const s = isUuid(sessionId) ? await this.db.session.findUnique({ where: { id: sessionId } }) : null;
    if (!s) throw notFound("session", sessionId);
    authorize(canManageSession(actor, s), "only the session's owner can share it");
    return s;
  }

  private async changed(sessionId: string) {
    const s = await this.db.session.findUniqueOrThrow({ where: { id: sessionId }, select: { userId: true } });
    await Promise.all([
      this.events.publish(`session/${sessionId}`, { id: sessionId }),
      this.events.publish(`user/${s.userId}/sessions`, { id: sessionId }),
    ]);
  }
}
