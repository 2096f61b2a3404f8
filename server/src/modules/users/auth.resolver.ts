import { Arg, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { requireUser } from "../../auth/policy.js";
import type { Context } from "../../context.js";
import { signInCookie, clearedSignInCookie } from "../../auth/cookies.js";
import { User } from "./user.type.js";

@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: "The signed-in user, or null." })
  async me(@Ctx() { actor, services }: Context): Promise<User | null> {
    if (actor.kind !== "user") return null;
    return services.users.byId(actor.userId);
  }

  @Mutation(() => User, { description: "Signs in with username and password and sets the sign-in cookie." })
  async signIn(
    @Arg("username", () => String) username: string,
    @Arg("password", () => String) password: string,
    @Ctx() { services, setCookie }: Context,
  ): Promise<User> {
    const { user, token, maxAgeS } = await services.users.signIn(username, password);
    setCookie(signInCookie(token, maxAgeS));
    return user;
  }

  @Mutation(() => Int, { description: "Ends every sign-in of the signed-in user, on every device (this one included); returns how many." })
  async signOutEverywhere(@Ctx() { actor, services, setCookie }: Context): Promise<number> {
    const user = requireUser(actor);
    const n = await services.users.signOutEverywhere(user.userId);
    setCookie(clearedSignInCookie());
    return n;
  }

  @Mutation(() => Boolean, { description: "Ends this sign-in and clears the cookie." })
  async signOut(@Ctx() { actor, services, setCookie }: Context): Promise<boolean> {
    if (actor.kind === "user") await services.users.signOut(actor.authSessionId);
    setCookie(clearedSignInCookie());
    return true;
  }
}
