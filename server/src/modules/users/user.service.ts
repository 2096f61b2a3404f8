import type { Db } from "../../db.js";
import type { Actor, UserActor } from "../../auth/actor.js";
import { hasScope, requireScope, type Scope } from "../../auth/policy.js";
import { isUuid } from "../../validation.js";
import { hashPassword, verifyPassword } from "../../auth/password.js";
import { hashToken, newToken } from "../../auth/tokens.js";
import { badInput, conflict, forbidden, notFound, unauthenticated } from "../../errors.js";
import type { Role } from "../../generated/prisma/enums.js";

// No leading dot: usernames are substituted into volume paths, so "." and ".." must be impossible.
const USERNAME = /^[a-zA-Z0-9_@-][a-zA-Z0-9_.@-]{0,63}$/;
// A hash to compare against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | undefined;

export class UserService {
  constructor(private readonly db: Db, private readonly signInTtlH: number) {}

  async create(input: { username: string; password: string; role?: Role; zoneId?: string | null }) {
    if (!USERNAME.test(input.username)) throw badInput("a username is 1 to 64 letters, digits or . _ @ - and does not start with a dot");
    if (input.password.length < 8) throw badInput("a password needs at least 8 characters");
    const existing = await this.db.user.findUnique({ where: { username: input.username } });
    if (existing) throw conflict(`a user named '${input.username}' already exists`);
    return this.db.user.create({
      data: {
        username: input.username,
        passwordHash: await hashPassword(input.password),
        role: input.role ?? "USER",
        zoneId: input.zoneId ?? null,
      },
    });
  }

  async setPassword(username: string, password: string) {
    if (password.length < 8) throw badInput("a password needs at least 8 characters");
    return this.db.user.update({ where: { username }, data: { passwordHash: await hashPassword(password) } });
  }

  /** Checks the password and opens a sign-in; the returned token goes into the cookie. */
  async signIn(username: string, password: string) {
    const user = await this.db.user.findUnique({ where: { username } });
    if (!user || user.disabled) {
      await verifyPassword(password, await (dummyHash ??= hashPassword("not-a-real-password")));
      throw unauthenticated("wrong username or password");
    }
    if (!(await verifyPassword(password, user.passwordHash))) throw unauthenticated("wrong username or password");
    const token = newToken("bs");
    const expiresAt = new Date(Date.now() + this.signInTtlH * 3600_000);
    await this.db.authSession.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt } });
    return { user, token, maxAgeS: this.signInTtlH * 3600 };
  }

  async signOut(authSessionId: string) {
    await this.db.authSession.deleteMany({ where: { id: authSessionId } });
  }

  /** Resolves a sign-in cookie to an actor; anything invalid is simply anonymous. */
  async actorFromSignIn(token: string): Promise<Actor | null> {
    const row = await this.db.authSession.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
    if (!row || row.expiresAt < new Date() || row.user.disabled) return null;
    return {
      kind: "user",
      userId: row.user.id,
      username: row.user.username,
      role: row.user.role,
      zoneId: row.user.zoneId,
      authSessionId: row.id,
    };
  }

  /**
   * The user an API key or administrator acts for (forUser: a username or an id). Acting for an
   * administrator needs the admin scope; a disabled user cannot be acted for.
   */
  async actFor(actor: Actor, who: string, scope: Scope): Promise<UserActor> {
    requireScope(actor, scope);
    const user = await this.db.user.findFirst({ where: isUuid(who) ? { OR: [{ id: who }, { username: who }] } : { username: who } });
    if (!user) throw notFound("user", who);
    if (user.disabled) throw forbidden(`user '${user.username}' is disabled`);
    if (user.role === "ADMIN" && !hasScope(actor, "admin")) throw forbidden("acting for an administrator needs the 'admin' scope");
    return { kind: "user", userId: user.id, username: user.username, role: user.role, zoneId: user.zoneId, authSessionId: "" };
  }

  byId(id: string) {
    return this.db.user.findUnique({ where: { id } });
  }
}
