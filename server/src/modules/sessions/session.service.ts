import type { Db } from "../../db.js";
import type { Actor } from "../../auth/actor.js";
import { authorize, canDestroySession, canViewSession, requireUser } from "../../auth/policy.js";
import { notFound } from "../../errors.js";
import type { Events } from "../../pubsub.js";
import type { Prisma } from "../../generated/prisma/client.js";
import type { SessionStatus } from "../../generated/prisma/enums.js";
import { isUuid } from "../../validation.js";
import { ENDED, RESERVING, sourcesOf } from "./session.state.js";
import { nudgeServer, publishSessionChanged } from "./session.topics.js";
import type { Session as SessionView } from "./session.type.js";
import { imageView } from "../images/image.service.js";

const withRefs = { image: true, server: { select: { hostname: true } } } as const;
type SessionRow = Prisma.SessionGetPayload<{ include: typeof withRefs }>;

export class SessionService {
  constructor(private readonly db: Db, private readonly events: Events) {}

  /** Reads one session for an actor; FORBIDDEN is reported as NOT_FOUND so ids cannot be probed. */
  async get(actor: Actor, id: string): Promise<SessionView> {
    requireUser(actor);
    const row = isUuid(id) ? await this.db.session.findUnique({ where: { id }, include: withRefs }) : null;
    if (!row || !canViewSession(actor, row)) throw notFound("session", id);
    return this.view(actor, row);
  }

  async listMine(actor: Actor, includeEnded = false): Promise<SessionView[]> {
    const user = requireUser(actor);
    const rows = await this.db.session.findMany({
      where: { userId: user.userId, ...(includeEnded ? {} : { status: { notIn: ENDED } }) },
      include: withRefs,
      orderBy: { createdAt: "desc" },
      take: 200,
    });
    return rows.map((r) => this.view(actor, r));
  }

  /** Asks the agent to remove the container; the session ends when the agent confirms. */
  async destroy(actor: Actor, id: string): Promise<SessionView> {
    requireUser(actor);
    const row = isUuid(id) ? await this.db.session.findUnique({ where: { id }, include: withRefs }) : null;
    if (!row || !canViewSession(actor, row)) throw notFound("session", id);
    authorize(canDestroySession(actor, row), "only the owner or an administrator can end this session");
    const changed = await this.transition(row.id, "STOPPING", { statusMessage: "ending the session" });
    if (changed) await nudgeServer(this.events, row.serverId, "session destroyed");
    return this.get(actor, id);
  }

  /**
   * Moves a session to `to` if its current status allows it (a conditional update, so two
   * managers or a late agent report can never move a session backwards). Publishes after commit.
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
    const s = await this.db.session.findUniqueOrThrow({ where: { id }, select: { id: true, userId: true } });
    await publishSessionChanged(this.events, s);
    return true;
  }

  /** Updates the progress message of a session still on its way up. */
  async progress(id: string, message: string) {
    const res = await this.db.session.updateMany({ where: { id, status: { in: ["REQUESTED", "STARTING"] } }, data: { statusMessage: message } });
    if (res.count > 0) {
      const s = await this.db.session.findUniqueOrThrow({ where: { id }, select: { id: true, userId: true } });
      await publishSessionChanged(this.events, s);
    }
  }

  view(actor: Actor, row: SessionRow): SessionView {
    return {
      id: row.id,
      status: row.status,
      statusMessage: row.statusMessage,
      image: imageView(actor, row.image),
      userId: row.userId,
      cores: row.cores,
      memoryMb: row.memoryMb,
      serverHostname: row.server?.hostname ?? null,
      url: `/session/${row.id}/`,
      createdAt: row.createdAt,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      viewerCan: {
        view: canViewSession(actor, row) && row.status === "RUNNING",
        destroy: canDestroySession(actor, row) && !ENDED.includes(row.status),
      },
    };
  }

  /** For the proxy: where a RUNNING session lives and the credential to inject. */
  async routeFor(id: string) {
    if (!isUuid(id)) return null;
    return this.db.session.findUnique({
      where: { id },
      select: { id: true, userId: true, status: true, hostPort: true, secret: true, server: { select: { publishHost: true } } },
    });
  }

  reservingStatuses() {
    return RESERVING;
  }
}
