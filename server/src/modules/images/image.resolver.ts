import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { ImageInput } from "./image.inputs.js";
import { Image } from "./image.type.js";

@Resolver(() => Image)
export class ImageResolver {
  @Query(() => [Image], { description: "Images the signed-in user may launch (administrators: all)." })
  images(@Ctx() { actor, services }: Context): Promise<Image[]> {
    return services.images.list(actor);
  }

  @Query(() => Image)
  image(@Arg("id", () => ID) id: string, @Ctx() { actor, services }: Context): Promise<Image> {
    return services.images.get(actor, id);
  }

  @Mutation(() => Image, { description: "Administrators: register an image. Every agent starts downloading it at once." })
  createImage(@Arg("input", () => ImageInput) input: ImageInput, @Ctx() { actor, services }: Context): Promise<Image> {
    return services.images.create(actor, input);
  }

  @Mutation(() => Image, { description: "Administrators: change an image's settings (omitted fields keep their value)." })
  updateImage(@Arg("id", () => ID) id: string, @Arg("input", () => ImageInput) input: ImageInput, @Ctx() { actor, services }: Context): Promise<Image> {
    return services.images.update(actor, id, input);
  }

  @Mutation(() => Image, { description: "Administrators: delete an image. Refused while its sessions run, unless force (which ends them first)." })
  deleteImage(
    @Arg("id", () => ID) id: string,
    @Arg("force", () => Boolean, { defaultValue: false }) force: boolean,
    @Ctx() { actor, services }: Context,
  ): Promise<Image> {
    return services.images.delete(actor, id, force);
  }
}
