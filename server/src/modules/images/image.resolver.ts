import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { acting, hasScope } from "../../auth/policy.js";
import type { Actor, ApiKeyActor } from "../../auth/actor.js";

const asPlainUser = (k: ApiKeyActor): Actor => ({ kind: "user", userId: k.createdById, username: `api-key:${k.name}`, role: "USER", zoneId: null, authSessionId: "" });
import { ImageInput } from "./image.inputs.js";
import { Image } from "./image.type.js";

@Resolver(() => Image)
export class ImageResolver {
  @Query(() => [Image], { description: "Images the signed-in user may launch (administrators: all)." })
  images(@Ctx() { actor, services }: Context): Promise<Image[]> {
    // Any API key may list images; one with images:write sees their settings too.
    const as = actor.kind === "apikey" ? (hasScope(actor, "images:write") ? acting(actor, "images:write") : asPlainUser(actor)) : actor;
    return services.images.list(as);
  }

  @Query(() => Image)
  image(@Arg("id", () => ID) id: string, @Ctx() { actor, services }: Context): Promise<Image> {
    return services.images.get(actor, id);
  }

  @Mutation(() => Image, { description: "Administrators: register an image. Every agent starts downloading it at once." })
  createImage(@Arg("input", () => ImageInput) input: ImageInput, @Ctx() { actor, services }: Context): Promise<Image> {
    return services.images.create(acting(actor, "images:write"), input);
  }

  @Mutation(() => Image, { description: "Administrators: change an image's settings (omitted fields keep their value)." })
  updateImage(@Arg("id", () => ID) id: string, @Arg("input", () => ImageInput) input: ImageInput, @Ctx() { actor, services }: Context): Promise<Image> {
    return services.images.update(acting(actor, "images:write"), id, input);
  }

  @Mutation(() => Image, { description: "Administrators: delete an image. Refused while its sessions run, unless force (which ends them first)." })
  deleteImage(
    @Arg("id", () => ID) id: string,
    @Arg("force", () => Boolean, { defaultValue: false }) force: boolean,
    @Ctx() { actor, services }: Context,
  ): Promise<Image> {
    return services.images.delete(acting(actor, "images:write"), id, force);
  }
}
