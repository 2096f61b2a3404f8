import { Arg, Ctx, ID, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from "type-graphql";
import type { Context } from "../../context.js";
import { requireUser } from "../../auth/policy.js";
import { launchSession } from "./launch-session.js";
import { Session } from "./session.type.js";

@Resolver(() => Session)
export class SessionResolver {
  @Query(() => [Session], { description: "The signed-in user's sessions, newest first." })
  mySessions(
    @Ctx() { actor, services }: Context,
    @Arg("includeEnded", () => Boolean, { defaultValue: false }) includeEnded: boolean,
  ): Promise<Session[]> {
    return services.sessions.listMine(actor, includeEnded);
  }

  @Query(() => Session, { description: "One session (its owner or an administrator)." })
  session(@Arg("id", () => ID) id: string, @Ctx() { actor, services }: Context): Promise<Session> {
    return services.sessions.get(actor, id);
  }

  @Mutation(() => Session, { description: "Launches a session of an image; follow it with sessionUpdated." })
  async requestSession(@Arg("imageId", () => ID) imageId: string, @Ctx() { actor, services }: Context): Promise<Session> {
    const user = requireUser(actor);
    const row = await launchSession(services.launchDeps, user, imageId);
    return services.sessions.get(actor, row.id);
  }

  @Mutation(() => Session, { description: "Ends a session: its container is removed." })
  destroySession(@Arg("id", () => ID) id: string, @Ctx() { actor, services }: Context): Promise<Session> {
    return services.sessions.destroy(actor, id);
  }

  @Subscription(() => Session, {
    description: "Every change of one session (progress messages included), starting with its current state.",
    subscribe: async function* ({ args, context }: SubscribeResolverData<unknown, { id: string }, Context>) {
      // Authorise once up front (throws FORBIDDEN/NOT_FOUND), then send the current state so
      // nothing that happened before the subscription started is missed.
      await context.services.sessions.get(context.actor, args.id);
      yield { id: args.id };
      for await (const event of context.services.events.subscribe(`session/${args.id}`)) yield event;
    },
  })
  async sessionUpdated(
    @Arg("id", () => ID) _id: string,
    @Root() event: { id: string },
    @Ctx() { actor, services }: Context,
  ): Promise<Session> {
    // Re-read and re-authorise for every event.
    return services.sessions.get(actor, event.id);
  }
}
