import type { Db } from "../../db.js";
import type { Actor } from "../../auth/actor.js";
import { requireAdmin } from "../../auth/policy.js";
import { conflict, notFound } from "../../errors.js";
import type { Events } from "../../pubsub.js";
import { isUuid } from "../../validation.js";
import { RESERVING } from "../sessions/session.state.js";
import type { SessionService } from "../sessions/session.service.js";
import { nudgeServer } from "../sessions/session.topics.js";
import type { ZoneService } from "../zones/zone.service.js";
import { effectiveCores, effectiveMemoryMb, serverStatus } from "./server.status.js";
import type { Server, UpdateServerInput } from "./server.type.js";
import { ServerStatusEnum } from "./server.type.js";

const withRefs = { zone: { select: { name: true } }, images: { include: { image: { select: { name: true } } } } } as const;

export class ServerService {
  constructor(
    private readonly db: Db,
    private readonly events: Events,
    private readonly sessions: SessionService,
    private readonly zones: ZoneService,
    private readonly offlineAfterS: number,
  ) {}

  async list(actor: Actor, ids?: string[]): Promise<Server[]> {
    requireAdmin(actor);
    const rows = await this.db.server.findMany({ where: ids ? { id: { in: ids } } : {}, include: withRefs, orderBy: [{ hostname: "asc" }, { id: "asc" }] });
    // One grouped query for every server's reservations (no query per server).
    const usage = await this.db.session.groupBy({
      by: ["serverId"],
      where: { serverId: { in: rows.map((r) => r.id) }, status: { in: RESERVING } },
      _sum: { cores: true, memoryMb: true },
      _count: { _all: true },
    });
    const now = new Date();
    return rows.map((r) => {
      const u = usage.find((x) => x.serverId === r.id);
      return {
        ...r,
        zoneName: r.zone.name,
        status: serverStatus(r, now, this.offlineAfterS) as ServerStatusEnum,
        effectiveCores: effectiveCores(r),
        effectiveMemoryMb: effectiveMemoryMb(r),
        allocatedCores: u?._sum.cores ?? 0,
        allocatedMemoryMb: u?._sum.memoryMb ?? 0,
        sessionCount: u?._count._all ?? 0,
        images: r.images.map((i) => ({ ...i, imageName: i.image.name })),
      };
    });
  }

  async get(actor: Actor, id: string): Promise<Server> {
    const [server] = isUuid(id) ? await this.list(actor, [id]) : [];
    if (!server) throw notFound("server", id);
    return server;
  }

  async update(actor: Actor, id: string, input: UpdateServerInput): Promise<Server> {
    requireAdmin(actor);
    await this.get(actor, id);
    if (input.zoneId) await this.zones.byId(input.zoneId);
    await this.db.server.update({
      where: { id },
      data: {
        enabled: input.enabled ?? undefined,
        draining: input.draining ?? undefined,
        pruneImages: input.pruneImages ?? undefined,
        zoneId: input.zoneId ?? undefined,
        coresOverride: input.clearOverrides ? null : (input.coresOverride ?? undefined),
        memoryMbOverride: input.clearOverrides ? null : (input.memoryMbOverride ?? undefined),
      },
    });
    await this.events.publish("servers", { id });
    await nudgeServer(this.events, id, "server settings changed");
    return this.get(actor, id);
  }

  /** Refused while sessions hold the server, unless destroySessions: then they are ended first. */
  async delete(actor: Actor, id: string, destroySessions: boolean): Promise<Server> {
    const server = await this.get(actor, id);
    const live = await this.db.session.findMany({ where: { serverId: id, status: { in: RESERVING } }, select: { id: true } });
    if (live.length && !destroySessions) {
      throw conflict(`server '${server.hostname}' has ${live.length} session(s): end them first, or delete with destroySessions: true`);
    }
    if (live.length) await this.endSessions(server, live.map((s) => s.id));
    // Its agent's credential goes with the row; its sessions keep their history.
    await this.db.$transaction([
      this.db.session.updateMany({ where: { serverId: id }, data: { serverId: null } }),
      this.db.server.delete({ where: { id } }),
    ]);
    await this.events.publish("servers", { id });
    return server;
  }

  /**
   * Asks the agent to remove the sessions' containers and waits for it (an online agent takes
   * moments). Sessions it could not confirm are ended anyway; their containers are removed when
   * that host's agent enrolls again, since no session wants them.
   */
  private async endSessions(server: Server, ids: string[], timeoutMs = 20_000) {
    for (const id of ids) await this.sessions.transition(id, "STOPPING", { statusMessage: `ending: server ${server.hostname} is being deleted` });
    await nudgeServer(this.events, server.id, "server deleted");
    const deadline = Date.now() + (server.status === "OFFLINE" ? 0 : timeoutMs);
    while (Date.now() < deadline && (await this.db.session.count({ where: { id: { in: ids }, status: "STOPPING" } })) > 0) {
      await new Promise((r) => setTimeout(r, 200));
    }
    for (const id of ids) await this.sessions.transition(id, "STOPPED", { statusMessage: `ended: server ${server.hostname} was deleted` });
  }
}
