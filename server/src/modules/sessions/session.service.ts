import type { Db } from "../../db.js";
import type { Actor } from "../../auth/actor.js";
import {
  authorize,
  canChat,
  canControlSession,
  canManageSession,
  canViewSession,
  requireUser,
  type ActiveViewer,
} from "../../auth/policy.js";
import { forbidden, notFound, conflict } from "../../errors.js";
import type { Events } from "../../pubsub.js";
import type { Prisma } from "../../generated/prisma/client.js";
import type { SessionStatus } from "../../generated/prisma/enums.js";
import { isUuid } from "../../validation.js";
import { imageView } from "../images/image.service.js";
import type { ShareService } from "../shares/share.service.js";
import { ENDED, sourcesOf } from "./session.state.js";
import { nudgeServer, publishSessionChanged } from "./session.topics.js";
import { SessionRole, type Session as SessionView } from "./session.type.js";

const withRefs = { image: true, server: { select: { hostname: true } }, user: { select: { username: true } } } as const;
type SessionRow = Prisma.SessionGetPayload<{ include: typeof withRefs }>;

export class SessionService {
  constructor(private readonly db: Db, private readonly events: Events, private readonly shares: ShareService) {}

  /**
   * Reads one session for an actor. Someone who may not see it gets NOT_FOUND, so ids cannot be
   * probed; `strict` makes that FORBIDDEN instead when the session exists (subscriptions use it).
   */
  async get(actor: Actor, id: string, opts: { strict?: boolean } = {}): Promise<SessionView> {
    const { row, viewer } = await this.load(actor, id);
    if (!canViewSession(actor, row, viewer)) {
      throw opts.strict ? forbidden("this session is not yours, and it is not shared with you") : notFound("session", id);
    }
    return this.view(actor, row, viewer);
  }

  async listMine(actor: Actor, includeEnded = false): Promise<SessionView[]> {
    const user = requireUser(actor);
    const rows = await this.db.session.findMany({
      where: { userId: user.userId, ...(includeEnded ? {} : { status: { notIn: ENDED } }) },
      include: withRefs,
      orderBy: { createdAt: "desc" },
      take: 200,
    });
    return rows.map((r) => this.view(actor, r, null));
  }

  /** Administrators: every session, newest first, filtered. */
  async listAll(actor: Actor, f: { status?: SessionStatus[] | null; userId?: string | null; imageId?: string | null; serverId?: string | null; includeEnded?: boolean; first?: number }) {
    const user = requireUser(actor);
    authorize(user.role === "ADMIN", "only administrators can list every session");
    const rows = await this.db.session.findMany({
      where: {
        ...(f.status?.length ? { status: { in: f.status } } : f.includeEnded ? {} : { status: { notIn: ENDED } }),
        ...(f.userId && isUuid(f.userId) ? { userId: f.userId } : {}),
        ...(f.imageId && isUuid(f.imageId) ? { imageId: f.imageId } : {}),
        ...(f.serverId && isUuid(f.serverId) ? { serverId: f.serverId } : {}),
      },
      include: withRefs,
      orderBy: { createdAt: "desc" },
      take: Math.min(f.first ?? 200, 1000),
    });
    return rows.map((r) => this.view(actor, r, null));
  }

  /** Asks the agent to remove the container; the session ends when the agent confirms. */
  async destroy(actor: Actor, id: string): Promise<SessionView> {
    const row = await this.managed(actor, id, "only the owner or an administrator can end this session");
    const who = actor.kind === "user" && actor.userId === row.userId ? "its owner" : "an administrator";
    const changed = await this.transition(row.id, "STOPPING", { statusMessage: `ending: requested by ${who}` });
    if (changed) await nudgeServer(this.events, row.serverId, "session destroyed");
    return this.get(actor, id);
  }

  async pause(actor: Actor, id: string, mode: "PAUSE" | "STOP" = "PAUSE"): Promise<SessionView> {
    const row = await this.managed(actor, id, "only the owner or an administrator can pause this session");
    if (row.status !== "RUNNING") throw conflict(`only a running session can be paused (this one is ${row.status.toLowerCase()})`);
    await this.pauseRow(row.id, row.serverId, mode, "paused");
    return this.get(actor, id);
  }

  async resume(actor: Actor, id: string): Promise<SessionView> {
    const row = await this.managed(actor, id, "only the owner or an administrator can resume this session");
    if (row.status !== "PAUSED") throw conflict(`only a paused session can be resumed (this one is ${row.status.toLowerCase()})`);
    await this.resumeRow(row.id, row.serverId);
    return this.get(actor, id);
  }

  /** The viewing page calls this now and then; a session nobody keeps alive is reaped. */
  async keepalive(actor: Actor, id: string): Promise<boolean> {
    const { row, viewer } = await this.load(actor, id);
    if (!canViewSession(actor, row, viewer)) throw notFound("session", id);
    await this.db.session.update({ where: { id }, data: { lastKeepaliveAt: new Date() } });
    if (viewer && actor.kind === "user") {
      await this.db.shareViewer.updateMany({ where: { shareId: viewer.shareId, userId: actor.userId }, data: { lastSeenAt: new Date() } });
    }
    return true;
  }

  pauseRow = async (id: string, serverId: string | null, mode: "PAUSE" | "STOP", why: string) => {
    const ok = await this.transition(id, "PAUSED", { statusMessage: why, pauseMode: mode, pausedAt: new Date() });
    if (ok) await nudgeServer(this.events, serverId, "session paused");
    return ok;
  };

  resumeRow = async (id: string, serverId: string | null) => {
    const ok = await this.transition(id, "STARTING", { statusMessage: "resuming", lastKeepaliveAt: new Date(), pausedAt: null, startingSince: new Date() });
    if (ok) await nudgeServer(this.events, serverId, "session resumed");
    return ok;
  };

  /**
   * Moves a session to `to` if its current status allows it (a conditional update, so two
   * managers or a late agent report can never move a session backwards). Publishes after commit.
   * An ended session loses its chat and its shares.
   */
  async transition(
    id: string,
    to: SessionStatus,
    patch: Prisma.SessionUpdateManyMutationInput = {},
    extraWhere: Prisma.SessionWhereInput = {},
  ): Promise<boolean> {
    const ends = ENDED.includes(to);
    const res = await this.db.session.updateMany({
      where: { id, status: { in: sourcesOf(to) }, ...extraWhere },
      data: { ...patch, status: to, ...(ends ? { endedAt: new Date() } : {}), ...(to === "RUNNING" ? { startedAt: new Date() } : {}) },
    });
    if (res.count === 0) return false;
    if (ends) {
      await this.db.chatMessage.deleteMany({ where: { sessionId: id } });
      await this.db.share.updateMany({ where: { sessionId: id, active: true }, data: { active: false, stoppedAt: new Date() } });
    }
    const s = await this.db.session.findUniqueOrThrow({ where: { id }, select: { id: true, userId: true } });
    await publishSessionChanged(this.events, s);
    return true;
  }

  /** A STOPPING session whose container is gone: STOPPED, keeping the reason it was ended for. */
  async finishStopping(id: string): Promise<boolean> {
    const row = await this.db.session.findUnique({ where: { id }, select: { statusMessage: true } });
    if (!row) return false;
    const reason = row.statusMessage.startsWith("ending: ") ? `ended: ${row.statusMessage.slice("ending: ".length)}` : "ended";
    return this.transition(id, "STOPPED", { statusMessage: reason });
  }

  /** Updates the progress message of a session still on its way up. */
  async progress(id: string, message: string) {
    const res = await this.db.session.updateMany({ where: { id, status: { in: ["REQUESTED", "STARTING"] } }, data: { statusMessage: message } });
    if (res.count > 0) {
      const s = await this.db.session.findUniqueOrThrow({ where: { id }, select: { id: true, userId: true } });
      await publishSessionChanged(this.events, s);
    }
  }

  /** Who may reach a session and how (the proxy's question). */
  async access(actor: Actor, id: string) {
    if (actor.kind !== "user" || !isUuid(id)) return null;
    const row = await this.db.session.findUnique({
      where: { id },
      select: { id: true, userId: true, status: true, hostPort: true, secret: true, server: { select: { publishHost: true } } },
    });
    if (!row) return null;
    const viewer = row.userId === actor.userId ? null : await this.shares.viewer(actor.userId, id);
    return {
      row,
      viewer,
      view: canViewSession(actor, row, viewer),
      control: canControlSession(actor, row, viewer),
    };
  }

  view(actor: Actor, row: SessionRow, viewer: ActiveViewer): SessionView {
    const isOwner = actor.kind === "user" && actor.userId === row.userId;
    const live = !ENDED.includes(row.status);
    const manage = canManageSession(actor, row);
    return {
      id: row.id,
      status: row.status,
      statusMessage: row.statusMessage,
      image: imageView(actor, row.image),
      userId: row.userId,
      ownerName: row.user.username,
      cores: row.cores,
      memoryMb: row.memoryMb,
      serverHostname: manage ? (row.server?.hostname ?? null) : null,
      url: `/session/${row.id}/`,
      createdAt: row.createdAt,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      expiresAt: row.expiresAt,
      lastKeepaliveAt: row.lastKeepaliveAt,
      claimedAt: row.claimedAt,
      viewerRole: isOwner ? SessionRole.OWNER : manage ? SessionRole.ADMIN : SessionRole.VIEWER,
      viewerCan: {
        view: canViewSession(actor, row, viewer) && row.status === "RUNNING",
        control: canControlSession(actor, row, viewer) && row.status === "RUNNING",
        destroy: manage && live,
        manage: manage && live,
        chat: canChat(actor, row, viewer) && live,
      },
    };
  }

  private async load(actor: Actor, id: string) {
    const user = requireUser(actor);
    const row = isUuid(id) ? await this.db.session.findUnique({ where: { id }, include: withRefs }) : null;
    if (!row) throw notFound("session", id);
    const viewer = row.userId === user.userId || user.role === "ADMIN" ? null : await this.shares.viewer(user.userId, id);
    return { row, viewer };
  }

  private async managed(actor: Actor, id: string, message: string) {
    const { row, viewer } = await this.load(actor, id);
    if (!canViewSession(actor, row, viewer)) throw notFound("session", id);
    authorize(canManageSession(actor, row), message);
    return row;
  }
}
