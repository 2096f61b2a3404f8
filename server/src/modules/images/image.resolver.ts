import { Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { Image } from "./image.type.js";

@Resolver()
export class ImageResolver {
  @Query(() => [Image], { description: "Images the signed-in user may launch (administrators: all)." })
  images(@Ctx() { actor, services }: Context): Promise<Image[]> {
    return services.images.list(actor);
  }
}
