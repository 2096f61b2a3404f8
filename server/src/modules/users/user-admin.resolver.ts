import { POOL_USERNAME } from "../pools/pool.service.js";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { requireAdmin, requireScope } from "../../auth/policy.js";
import { generatePassword } from "../../auth/password.js";
import { badInput, conflict, notFound } from "../../errors.js";
import { isUuid } from "../../validation.js";
import { ENDED } from "../sessions/session.state.js";
import { CreateUserInput, UpdateUserInput } from "./user.inputs.js";
import { NewPassword, UserAccount } from "./user-admin.type.js";
import type { Services } from "../../services.js";

async function accounts(services: Services, ids?: string[]): Promise<UserAccount[]> {
  const rows = await services.db.user.findMany({ where: { ...(ids ? { id: { in: ids } } : {}), username: { not: POOL_USERNAME } }, include: { zone: { select: { name: true } } }, orderBy: { username: "asc" } });
  const counts = await services.db.session.groupBy({ by: ["userId"], where: { userId: { in: rows.map((r) => r.id) }, status: { notIn: ENDED } }, _count: { _all: true } });
  return rows.map((r) => ({ ...r, zoneName: r.zone?.name ?? null, activeSessions: counts.find((c) => c.userId === r.id)?._count._all ?? 0 }));
}

async function account(services: Services, id: string) {
  const [a] = isUuid(id) ? await accounts(services, [id]) : [];
  if (!a) throw notFound("user", id);
  return a;
}

/** Administrators manage users here; every operation checks the role first. */
@Resolver(() => UserAccount)
export class UserAdminResolver {
  @Query(() => [UserAccount], { description: "Administrators: every user." })
  users(@Ctx() { actor, services }: Context): Promise<UserAccount[]> {
    requireAdmin(actor);
    return accounts(services);
  }

  @Mutation(() => NewPassword, { description: "Administrators: add a user. The password (given or generated) is returned once." })
  async createUser(@Arg("input", () => CreateUserInput) input: CreateUserInput, @Ctx() { actor, services }: Context): Promise<NewPassword> {
    requireAdmin(actor);
    if (input.zoneId && !(isUuid(input.zoneId) && (await services.db.zone.findUnique({ where: { id: input.zoneId } })))) throw notFound("zone", input.zoneId);
    const password = input.password ?? generatePassword();
    const user = await services.users.create({ username: input.username, password, role: input.role, zoneId: input.zoneId ?? null });
    return { user: await account(services, user.id), password };
  }

  @Mutation(() => UserAccount, {
    description: "Integrators (users:write) and administrators: the user with this username, created (role USER, a random password) if missing.",
  })
  async ensureUser(@Arg("username", () => String) username: string, @Ctx() { actor, services }: Context): Promise<UserAccount> {
    requireScope(actor, "users:write");
    const existing = await services.db.user.findUnique({ where: { username } });
    const user = existing ?? (await services.users.create({ username, password: generatePassword(), role: "USER" }));
    return account(services, user.id);
  }

  @Mutation(() => UserAccount, { description: "Administrators: change a user's role, zone, or disable them." })
  async updateUser(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateUserInput) input: UpdateUserInput, @Ctx() { actor, services }: Context): Promise<UserAccount> {
    const admin = requireAdmin(actor);
    const existing = await account(services, id);
    if (id === admin.userId && (input.disabled || input.role === "USER")) throw conflict("you cannot disable yourself or remove your own administrator role");
    if (input.zoneId && !(isUuid(input.zoneId) && (await services.db.zone.findUnique({ where: { id: input.zoneId } })))) throw notFound("zone", input.zoneId);
    if (input.role === "USER" && existing.role === "ADMIN" && (await services.db.user.count({ where: { role: "ADMIN", disabled: false } })) <= 1) {
      throw conflict("this is the last administrator: make another one first");
    }
    await services.db.user.update({
      where: { id },
      data: { role: input.role ?? undefined, disabled: input.disabled ?? undefined, zoneId: input.clearZone ? null : (input.zoneId ?? undefined) },
    });
    // Disabling ends every sign-in of the user at once.
    if (input.disabled) await services.db.authSession.deleteMany({ where: { userId: id } });
    return account(services, id);
  }

  @Mutation(() => NewPassword, { description: "Administrators: set a new generated password (returned once); ends the user's sign-ins." })
  async resetPassword(@Arg("id", () => ID) id: string, @Ctx() { actor, services }: Context): Promise<NewPassword> {
    requireAdmin(actor);
    const existing = await account(services, id);
    const password = generatePassword();
    await services.users.setPassword(existing.username, password);
    await services.db.authSession.deleteMany({ where: { userId: id } });
    return { user: existing, password };
  }

  @Mutation(() => UserAccount, { description: "Administrators: delete a user with no live sessions." })
  async deleteUser(@Arg("id", () => ID) id: string, @Ctx() { actor, services }: Context): Promise<UserAccount> {
    const admin = requireAdmin(actor);
    const existing = await account(services, id);
    if (id === admin.userId) throw badInput("you cannot delete yourself");
    if (existing.activeSessions) throw conflict(`${existing.username} has ${existing.activeSessions} live session(s): end them first`);
    await services.db.$transaction([services.db.session.deleteMany({ where: { userId: id } }), services.db.user.delete({ where: { id } })]);
    return existing;
  }
}
