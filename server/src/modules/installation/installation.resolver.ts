import { Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { requireAdmin } from "../../auth/policy.js";
import { VERSION } from "../../version.js";
import { Installation } from "./installation.type.js";

@Resolver()
export class InstallationResolver {
  @Query(() => Installation, { description: "The Installation ID and version (administrators)." })
  async installation(@Ctx() { actor, services }: Context): Promise<Installation> {
    requireAdmin(actor);
    return { ...(await services.installation.ensure()), version: VERSION };
  }
}
