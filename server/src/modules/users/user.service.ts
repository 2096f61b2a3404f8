import type { Db } from "../../db.js";
import type { Actor, UserActor } from "../../auth/actor.js";
import { hasScope, requireScope, type Scope } from "../../auth/policy.js";
import { isUuid } from "../../validation.js";
import { hashPassword, verifyPassword } from "../../auth/password.js";
import { hashToken, newToken } from "../../auth/tokens.js";
import { DomainError, badInput, conflict, forbidden, notFound, unauthenticated } from "../../errors.js";
import type { Redis } from "ioredis";
import type { Role } from "../../generated/prisma/enums.js";

// No leading dot: usernames are substituted into volume paths, so "." and ".." must be impossible.
const USERNAME = /^[a-zA-Z0-9_@-][a-zA-Z0-9_.@-]{0,63}$/;
const LOCK_AFTER = 5;
const failKey = (u: string) => `berth:signin-fail:${u.toLowerCase()}`;
const lockKey = (u: string) => `berth:signin-lock:${u.toLowerCase()}`;
const COMMON = new Set(["password", "password1", "12345678", "123456789", "qwertyui", "iloveyou", "admin123", "letmein1", "berthberth"]);

/** Password rules, said in words a person can act on. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 8) return "a password needs at least 8 characters";
  if (password.length > 256) return "a password has at most 256 characters";
  if (password.toLowerCase() === username.toLowerCase()) return "a password cannot be the username";
  if (COMMON.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) return "that password is too easy to guess";
  return null;
}

// A hash to compare against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | undefined;

export class UserService {
  constructor(
    private readonly db: Db,
    private readonly signInTtlH: number,
    /** Redis for counting failed sign-ins (optional for set-up scripts, which never sign in). */
    private readonly redis?: Redis,
  ) {}

  async create(input: { username: string; password: string; role?: Role; zoneId?: string | null }) {
    if (!USERNAME.test(input.username)) throw badInput("a username is 1 to 64 letters, digits or . _ @ - and does not start with a dot");
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw badInput(problem);
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
    const problem = passwordProblem(password, username);
    if (problem) throw badInput(problem);
    return this.db.user.update({ where: { username }, data: { passwordHash: await hashPassword(password) } });
  }

  /**
   * Checks the password and opens a sign-in; the returned token goes into the cookie. After
   * repeated failures for one username the account waits, longer each time (per username, so an
   * attacker cannot lock everyone out by guessing from many addresses faster than one).
   */
  async signIn(username: string, password: string) {
    // No account can have such a name (Postgres would even refuse one with a NUL): a wrong sign-in.
    if (!USERNAME.test(username)) throw unauthenticated("wrong username or password");
    await this.checkLockout(username);
    const user = await this.db.user.findUnique({ where: { username } });
    if (!user || user.disabled) {
      await verifyPassword(password, await (dummyHash ??= hashPassword("not-a-real-password")));
      await this.failed(username);
      throw unauthenticated("wrong username or password");
    }
    if (!(await verifyPassword(password, user.passwordHash))) {
      await this.failed(username);
      throw unauthenticated("wrong username or password");
    }
    await this.redis?.del(failKey(username));
    const token = newToken("bs");
    const expiresAt = new Date(Date.now() + this.signInTtlH * 3600_000);
    await this.db.authSession.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt } });
    return { user, token, maxAgeS: this.signInTtlH * 3600 };
  }

  async signOut(authSessionId: string) {
    await this.db.authSession.deleteMany({ where: { id: authSessionId } });
  }

  /** Ends every sign-in of the user, on every device. */
  async signOutEverywhere(userId: string): Promise<number> {
    return (await this.db.authSession.deleteMany({ where: { userId } })).count;
  }

  private async checkLockout(username: string) {
    if (!this.redis) return;
    const ttl = await this.redis.pttl(lockKey(username));
    if (ttl > 0) {
      throw new DomainError("RATE_LIMITED", `too many failed sign-ins for this account: try again in ${Math.ceil(ttl / 1000)} s`, { retryAfterS: Math.ceil(ttl / 1000) });
    }
  }

  /** Counts a failure; from the 5th within 15 minutes the account waits 2^(n-5) × 5 s (at most 15 min). */
  private async failed(username: string) {
    if (!this.redis) return;
    const n = await this.redis.incr(failKey(username));
    if (n === 1) await this.redis.expire(failKey(username), 15 * 60);
    if (n >= LOCK_AFTER) await this.redis.set(lockKey(username), "1", "PX", Math.min(5000 * 2 ** (n - LOCK_AFTER), 15 * 60_000));
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
