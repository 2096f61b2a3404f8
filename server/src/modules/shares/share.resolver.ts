import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { ShareMode } from "../../generated/prisma/enums.js";
import { Session } from "../sessions/session.type.js";
import { Share } from "./share.type.js";

@Resolver(() => Share)
export class ShareResolver {
  @Mutation(() => Share, { description: "Turns sharing on for a running session (or changes its mode) and returns the link." })
  shareSession(
    @Arg("sessionId", () => ID) sessionId: string,
    @Arg("mode", () => ShareMode, { defaultValue: "VIEW" }) mode: ShareMode,
    @Ctx() { actor, services }: Context,
  ): Promise<Share> {
    return services.shares.share(actor, sessionId, mode);
  }

  @Mutation(() => Boolean, { description: "Turns sharing off: every viewer is cut off at once." })
  stopSharing(@Arg("sessionId", () => ID) sessionId: string, @Ctx() { actor, services }: Context): Promise<boolean> {
    return services.shares.stop(actor, sessionId);
  }

  @Mutation(() => Share, { description: "Removes one viewer at once, open connection included; they cannot join this share again." })
  removeViewer(
    @Arg("sessionId", () => ID) sessionId: string,
    @Arg("userId", () => ID) userId: string,
    @Ctx() { actor, services }: Context,
  ): Promise<Share> {
    return services.shares.removeViewer(actor, sessionId, userId);
  }

  @Query(() => Share, { nullable: true, description: "The active share of a session (its owner or an administrator)." })
  sessionShare(@Arg("sessionId", () => ID) sessionId: string, @Ctx() { actor, services }: Context): Promise<Share | null> {
    return services.shares.activeShare(actor, sessionId);
  }

  @Mutation(() => Session, {
    description:
      "Joins a shared session through its link; returns the session to watch. Integrators (API key with sessions:write) join a user with forUser, " +
      "then open it for them with viewingLink(forUser).",
  })
  async joinShare(
    @Arg("shareId", () => String) shareId: string,
    @Ctx() { actor, services }: Context,
    @Arg("forUser", () => String, { nullable: true, description: "Username (or id) to join: API keys and administrators." }) forUser?: string | null,
  ): Promise<Session> {
    const who = forUser ? await services.users.actFor(actor, forUser, "sessions:write") : actor;
    const sessionId = await services.shares.join(who, shareId);
    return services.sessions.get(who, sessionId);
  }
}
