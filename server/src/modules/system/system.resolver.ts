import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { requireAdmin } from "../../auth/policy.js";
import { VERSION } from "../../version.js";
import { ENDED } from "../sessions/session.state.js";
import { HEARTBEAT_MS } from "../managers/manager.service.js";
import { ServerSample, SystemInfo } from "./system.type.js";

const startedAt = Date.now();

@Resolver()
export class SystemResolver {
  @Query(() => SystemInfo, { description: "Administrators: the Installation ID, version, uptime and counts." })
  async systemInfo(@Ctx() { actor, services }: Context): Promise<SystemInfo> {
    requireAdmin(actor);
    const { db, config } = services;
    const onlineSince = new Date(Date.now() - config.BERTH_OFFLINE_AFTER_S * 1000);
    const [installation, users, images, servers, serversOnline, sessions, sessionsRunning, managersAlive] = await Promise.all([
      services.installation.ensure(),
      db.user.count(),
      db.image.count(),
      db.server.count(),
      db.server.count({ where: { enabled: true, lastCheckInAt: { gte: onlineSince } } }),
      db.session.count({ where: { status: { notIn: ENDED } } }),
      db.session.count({ where: { status: "RUNNING" } }),
      db.manager.count({ where: { heartbeatAt: { gte: new Date(Date.now() - HEARTBEAT_MS * 3) } } }),
    ]);
    return {
      installationId: installation.id,
      installedAt: installation.createdAt,
      version: VERSION,
      uptimeS: Math.round((Date.now() - startedAt) / 1000),
      users,
      images,
      servers,
      serversOnline,
      sessions,
      sessionsRunning,
      managersAlive,
    };
  }

  @Query(() => [ServerSample], { description: "Administrators: every server's utilisation samples (about one per 30 s), oldest first." })
  async serverSamples(@Arg("minutes", () => Int, { defaultValue: 60 }) minutes: number, @Ctx() { actor, services }: Context): Promise<ServerSample[]> {
    requireAdmin(actor);
    const since = new Date(Date.now() - Math.min(Math.max(minutes, 1), 24 * 60) * 60_000);
    return services.db.serverSample.findMany({ where: { at: { gte: since } }, orderBy: { at: "asc" }, take: 20_000 });
  }
}
