import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from "type-graphql";
import type { Context } from "../../context.js";
import { checkedSubscription } from "../../topic-fanout.js";
import { ChatMessage } from "./chat.type.js";

@Resolver(() => ChatMessage)
export class ChatResolver {
  @Query(() => [ChatMessage], { description: "The chat beside a session, oldest first (its owner and viewers)." })
  chatMessages(
    @Arg("sessionId", () => ID) sessionId: string,
    @Arg("last", () => Int, { defaultValue: 200 }) last: number,
    @Ctx() { actor, services }: Context,
  ): Promise<ChatMessage[]> {
    return services.chat.history(actor, sessionId, last);
  }

  @Mutation(() => ChatMessage, { description: "Sends a plain-text message (at most 2000 characters; at most 5 every 10 seconds)." })
  sendChatMessage(
    @Arg("sessionId", () => ID) sessionId: string,
    @Arg("body", () => String) body: string,
    @Ctx() { actor, services }: Context,
  ): Promise<ChatMessage> {
    return services.chat.send(actor, sessionId, body);
  }

  @Subscription(() => ChatMessage, {
    description: "New chat messages of a session as they are sent.",
    // The topic's own iterator once allowed, not a generator around it: with hundreds of
    // subscribers on a chat, each extra layer costs every message a few promise turns apiece.
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { sessionId: string }, Context>) =>
      checkedSubscription(
        () => context.services.chat.mayChat(context.actor, args.sessionId),
        () => context.services.events.subscribe(`chat/${args.sessionId}`),
      ),
  })
  chatMessageAdded(
    @Arg("sessionId", () => ID) sessionId: string,
    @Root() event: { id: string },
    @Ctx() { actor, services }: Context,
  ): Promise<ChatMessage> {
    return services.chat.forSubscriber(actor, sessionId, event.id);
  }
}
