import { Arg, Ctx, ID, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from "type-graphql";
import { acting, requireAdmin } from "../../auth/policy.js";
import type { Context } from "../../context.js";
import { Server, ServerImageState, UpdateServerInput } from "./server.type.js";

@Resolver(() => Server)
export class ServerResolver {
  @Query(() => [Server], { description: "Administrators: every server with its status, capacity and image downloads." })
  servers(@Ctx() { actor, services }: Context): Promise<Server[]> {
    return services.servers.list(acting(actor, "fleet:read"));
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

  @Subscription(() => Server, {
    description: "Administrators: a server's status and resources whenever its agent checks in or it changes.",
    subscribe: async function* ({ context }: SubscribeResolverData<unknown, object, Context>) {
      requireAdmin(context.actor);
      for await (const e of context.services.events.subscribe("servers")) yield e;
    },
  })
  serversUpdated(@Root() event: { id: string }, @Ctx() { actor, services }: Context): Promise<Server> {
    return services.servers.get(actor, event.id);
  }

  @Subscription(() => [ServerImageState], {
    description: "Administrators: image download status and progress, per server, as agents report it.",
    subscribe: async function* ({ context }: SubscribeResolverData<unknown, object, Context>) {
      requireAdmin(context.actor);
      for await (const e of context.services.events.subscribe("images")) yield e;
    },
  })
  async imageDownloads(@Root() event: { serverId: string }, @Ctx() { actor, services }: Context): Promise<ServerImageState[]> {
    return (await services.servers.get(actor, event.serverId)).images;
  }
}
