import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { acting } from "../../auth/policy.js";
import { WarmPool } from "./pool.type.js";

@Resolver(() => WarmPool)
export class PoolResolver {
  @Query(() => [WarmPool], { description: "Administrators: the warm pools, with how many sessions wait in each." })
  warmPools(@Ctx() { actor, services }: Context): Promise<WarmPool[]> {
    return services.pools.list(acting(actor, "admin"));
  }

  @Mutation(() => WarmPool, {
    description:
      "Administrators: keep `size` ready sessions of an image waiting in a zone (0 ends them). Launches take them at once; " +
      "the pool refills in the background, only into capacity nobody else holds, and gives way to on-demand launches.",
  })
  setWarmPool(
    @Arg("imageId", () => ID) imageId: string,
    @Arg("zoneId", () => ID) zoneId: string,
    @Arg("size", () => Int) size: number,
    @Ctx() { actor, services }: Context,
  ): Promise<WarmPool> {
    return services.pools.set(acting(actor, "admin"), imageId, zoneId, size);
  }
}
