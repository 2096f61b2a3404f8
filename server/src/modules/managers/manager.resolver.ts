import { Ctx, Query, Resolver, Subscription, type SubscribeResolverData } from "type-graphql";
import type { Context } from "../../context.js";
import { requireAdmin } from "../../auth/policy.js";
import { Manager } from "./manager.type.js";
import { HEARTBEAT_MS } from "./manager.service.js";

@Resolver(() => Manager)
export class ManagerResolver {
  @Query(() => [Manager], { description: "Administrators: manager processes seen in the last hour." })
  managers(@Ctx() { actor, services }: Context): Promise<Manager[]> {
    return listManagers(actor, services);
  }

  @Subscription(() => [Manager], {
    description: "Administrators: the managers again whenever one starts, beats or stops (about every 5 s).",
    subscribe: async function* ({ context }: SubscribeResolverData<unknown, object, Context>) {
      requireAdmin(context.actor);
      for await (const e of context.services.events.subscribe("managers")) yield e;
    },
  })
  managersUpdated(@Ctx() { actor, services }: Context): Promise<Manager[]> {
    return listManagers(actor, services);
  }
}

async function listManagers(actor: Context["actor"], services: Context["services"]): Promise<Manager[]> {
  requireAdmin(actor);
  const since = new Date(Date.now() - 3600_000);
  const rows = await services.db.manager.findMany({ where: { heartbeatAt: { gt: since } }, include: { zone: true }, orderBy: { startedAt: "asc" } });
  const now = Date.now();
  return rows.map((m) => ({ ...m, zoneName: m.zone?.name ?? null, alive: now - m.heartbeatAt.getTime() < HEARTBEAT_MS * 3 }));
}
