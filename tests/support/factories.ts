import { randomBytes } from "node:crypto";
import { UserService } from "../../server/src/modules/users/user.service.js";
import { testDb } from "./db.js";
import { ApiClient } from "./api.js";

/** Makes a user of its own for a test; nothing depends on other tests' data. */
export async function buildUser(overrides: { username?: string; password?: string; role?: "ADMIN" | "USER" } = {}) {
  const username = overrides.username ?? `user-${randomBytes(4).toString("hex")}`;
  const password = overrides.password ?? `pw-${randomBytes(8).toString("hex")}`;
  const user = await new UserService(testDb(), 12).create({ username, password, role: overrides.role ?? "USER" });
  return { ...user, password };
}

/** A user, signed in through the front door. */
export async function signedInClient(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  const client = new ApiClient();
  await client.signIn(user.username, user.password);
  return { user, client };
}

export async function imageByName(name: string) {
  return testDb().image.findUniqueOrThrow({ where: { name } });
}
