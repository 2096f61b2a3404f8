import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { requireAdmin } from "../../auth/policy.js";
import { badInput } from "../../errors.js";
import { Settings, SettingsInput, type KeepaliveAction } from "./settings.type.js";

@Resolver()
export class SettingsResolver {
  @Query(() => Settings, { description: "Administrators: global defaults." })
  async settings(@Ctx() { actor, services }: Context): Promise<Settings> {
    requireAdmin(actor);
    return (await services.settings.all()) as Settings;
  }

  @Mutation(() => Settings, { description: "Administrators: change global defaults (omitted fields stay)." })
  async updateSettings(@Arg("input", () => SettingsInput) input: SettingsInput, @Ctx() { actor, services }: Context): Promise<Settings> {
    requireAdmin(actor);
    if (input.defaultZone && !(await services.db.zone.findUnique({ where: { name: input.defaultZone } }))) {
      throw badInput(`there is no zone named '${input.defaultZone}'`);
    }
    if (input.sessionsPerUser != null) await services.settings.set("sessionsPerUser", input.sessionsPerUser);
    if (input.keepaliveExpiryS != null) await services.settings.set("keepaliveExpiryS", input.keepaliveExpiryS);
    if (input.keepaliveAction != null) await services.settings.set("keepaliveAction", input.keepaliveAction as KeepaliveAction);
    if (input.defaultZone != null) await services.settings.set("defaultZone", input.defaultZone);
    return (await services.settings.all()) as Settings;
  }
}
