import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from "type-graphql";
import type { Context } from "../../context.js";
import { acting, requireUser } from "../../auth/policy.js";
import { badInput } from "../../errors.js";
import { rateLimit } from "../../rate-limit.js";
import { EnvVarInput } from "../images/image.inputs.js";

const LAUNCHES = { perKey: 120, perUser: 20, windowS: 60 };

/** Only web addresses, so a start URL cannot point a browser at local files or scripts. */
function checkStartUrl(url: string): string {
  if (url.length > 4000 || !/^https?:\/\/[^\s]+$/i.test(url)) throw badInput("startUrl must be an http(s) address");
  return url;
}
import { launchSession } from "./launch-session.js";
import { Session } from "./session.type.js";
import { ViewingLink, createViewingLink } from "./viewing-link.js";
import { PauseMode, SessionStatus } from "../../generated/prisma/enums.js";
import { registerEnumType } from "type-graphql";

registerEnumType(PauseMode, { name: "PauseMode", description: "PAUSE freezes the container; STOP stops it but keeps it to resume." });

@Resolver(() => Session)
export class SessionResolver {
  @Query(() => [Session], { description: "The signed-in user's sessions, newest first." })
  mySessions(
    @Ctx() { actor, services }: Context,
    @Arg("includeEnded", () => Boolean, { defaultValue: false }) includeEnded: boolean,
  ): Promise<Session[]> {
    return services.sessions.listMine(actor, includeEnded);
  }

  @Query(() => [Session], { description: "Administrators: every session, newest first (live ones unless includeEnded or status say otherwise)." })
  sessions(
    @Ctx() { actor, services }: Context,
    @Arg("status", () => [SessionStatus], { nullable: true }) status: SessionStatus[] | null,
    @Arg("userId", () => ID, { nullable: true }) userId: string | null,
    @Arg("imageId", () => ID, { nullable: true }) imageId: string | null,
    @Arg("serverId", () => ID, { nullable: true }) serverId: string | null,
    @Arg("includeEnded", () => Boolean, { defaultValue: false }) includeEnded: boolean,
    @Arg("first", () => Int, { defaultValue: 200 }) first: number,
  ): Promise<Session[]> {
    return services.sessions.listAll(acting(actor, "sessions:read"), { status, userId, imageId, serverId, includeEnded, first });
  }

  @Query(() => Session, { description: "One session (its owner or an administrator)." })
  session(@Arg("id", () => ID) id: string, @Ctx() { actor, services }: Context): Promise<Session> {
    return services.sessions.get(acting(actor, "sessions:read"), id);
  }

  @Mutation(() => Session, {
    description:
      "Launches a session of an image; follow it with sessionUpdated. Integrators (API key with sessions:write) launch for a user with forUser, " +
      "and may pass environment variables and a start URL (BERTH_START_URL) for this session.",
  })
  async requestSession(
    @Arg("imageId", () => ID) imageId: string,
    @Ctx() { actor, services }: Context,
    @Arg("forUser", () => String, { nullable: true, description: "Username (or id) to launch for: API keys and administrators." }) forUser?: string | null,
    @Arg("env", () => [EnvVarInput], { nullable: true }) env?: EnvVarInput[] | null,
    @Arg("startUrl", () => String, { nullable: true }) startUrl?: string | null,
  ): Promise<Session> {
    const user = forUser ? await services.users.actFor(actor, forUser, "sessions:write") : requireUser(actor);
    // Launches are the costliest call: bounded per API key and per user.
    if (actor.kind === "apikey") await rateLimit(services.events.redis, `launch-key:${actor.keyId}`, LAUNCHES.perKey, LAUNCHES.windowS, "launches per API key");
    await rateLimit(services.events.redis, `launch-user:${user.userId}`, LAUNCHES.perUser, LAUNCHES.windowS, "launches per user");
    const sessionEnv = Object.fromEntries((env ?? []).map((e) => [e.name, e.value]));
    if (startUrl) sessionEnv.BERTH_START_URL = checkStartUrl(startUrl);
    const row = await launchSession(services.launchDeps, user, imageId, { env: sessionEnv });
    return services.sessions.get(acting(actor, "sessions:read"), row.id);
  }

  @Mutation(() => Session, { description: "Freezes a running session (PAUSE) or stops its container keeping it (STOP); resume continues it." })
  pauseSession(
    @Arg("id", () => ID) id: string,
    @Arg("mode", () => PauseMode, { defaultValue: "PAUSE" }) mode: PauseMode,
    @Ctx() { actor, services }: Context,
  ): Promise<Session> {
    return services.sessions.pause(actor, id, mode);
  }

  @Mutation(() => Session, { description: "Continues a paused session." })
  resumeSession(@Arg("id", () => ID) id: string, @Ctx() { actor, services }: Context): Promise<Session> {
    return services.sessions.resume(actor, id);
  }

  @Mutation(() => ViewingLink, {
    description:
      "A short-lived, single-use link that signs the session's owner in and opens it (integrators: sessions:write). " +
      "With forUser (API keys and administrators), it signs in that user instead: the owner, or a viewer who joined the session's share.",
  })
  createViewingLink(
    @Arg("sessionId", () => ID) sessionId: string,
    @Arg("ttlS", () => Int, { defaultValue: 60 }) ttlS: number,
    @Ctx() { actor, services }: Context,
    @Arg("forUser", () => String, { nullable: true, description: "Username (or id) the link signs in." }) forUser?: string | null,
  ): Promise<ViewingLink> {
    return createViewingLink(services, actor, sessionId, ttlS, forUser ?? null);
  }

  @Mutation(() => Boolean, { description: "The viewing page calls this every minute; sessions nobody keeps alive are reaped." })
  keepalive(@Arg("id", () => ID) id: string, @Ctx() { actor, services }: Context): Promise<boolean> {
    return services.sessions.keepalive(acting(actor, "sessions:write"), id);
  }

  @Mutation(() => Session, { description: "Ends a session: its container is removed." })
  destroySession(@Arg("id", () => ID) id: string, @Ctx() { actor, services }: Context): Promise<Session> {
    return services.sessions.destroy(acting(actor, "sessions:write"), id);
  }

  @Subscription(() => Session, {
    description: "Every change of one session (progress messages included), starting with its current state.",
    subscribe: async function* ({ args, context }: SubscribeResolverData<unknown, { id: string }, Context>) {
      // Authorise once up front (throws FORBIDDEN/NOT_FOUND), then send the current state so
      // nothing that happened before the subscription started is missed.
      await context.services.sessions.get(acting(context.actor, "sessions:read"), args.id, { strict: true });
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
    return services.sessions.get(acting(actor, "sessions:read"), event.id, { strict: true });
  }

  @Subscription(() => Session, {
    description: "Every change of any of the signed-in user's own sessions (for lists).",
    subscribe: async function* ({ context }: SubscribeResolverData<unknown, object, Context>) {
      const user = requireUser(context.actor);
      for await (const e of context.services.events.subscribe(`user/${user.userId}/sessions`)) yield e;
    },
  })
  mySessionsUpdated(@Root() event: { id: string }, @Ctx() { actor, services }: Context): Promise<Session> {
    return services.sessions.get(actor, event.id, { strict: true });
  }
}
