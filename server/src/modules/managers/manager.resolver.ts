import { Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { requireAdmin } from "../../auth/policy.js";
import { Manager } from "./manager.type.js";
import { HEARTBEAT_MS } from "./manager.service.js";

@Resolver(() => Manager)
export class ManagerResolver {
  @Query(() => [Manager], { description: "Administrators: manager processes seen in the last hour." })
  async managers(@Ctx() { actor, services }: Context): Promise<Manager[]> {
    requireAdmin(actor);
    const since = new Date(Date.now() - 3600_000);
    const rows = await services.db.manager.findMany({ where: { heartbeatAt: { gt: since } }, include: { zone: true }, orderBy: { startedAt: "asc" } });
    const now = Date.now();
    return rows.map((m) => ({ ...m, zoneName: m.zone?.name ?? null, alive: now - m.heartbeatAt.getTime() < HEARTBEAT_MS * 3 }));
  }
}
