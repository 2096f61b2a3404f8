import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { Server, UpdateServerInput } from "./server.type.js";

@Resolver(() => Server)
export class ServerResolver {
  @Query(() => [Server], { description: "Administrators: every server with its status, capacity and image downloads." })
  servers(@Ctx() { actor, services }: Context): Promise<Server[]> {
    return services.servers.list(actor);
  }

  @Query(() => Server)
  server(@Arg("id", () => ID) id: string, @Ctx() { actor, services }: Context): Promise<Server> {
    return services.servers.get(actor, id);
  }

  @Mutation(() => Server, { description: "Enable, disable, drain, move, or override a server's capacity." })
  updateServer(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateServerInput) input: UpdateServerInput,
    @Ctx() { actor, services }: Context,
  ): Promise<Server> {
    return services.servers.update(actor, id, input);
  }

  @Mutation(() => Server, { description: "Removes a server. Refused while it has sessions unless destroySessions is true." })
  deleteServer(
    @Arg("id", () => ID) id: string,
    @Arg("destroySessions", () => Boolean, { defaultValue: false }) destroySessions: boolean,
    @Ctx() { actor, services }: Context,
  ): Promise<Server> {
    return services.servers.delete(actor, id, destroySessions);
  }
}
