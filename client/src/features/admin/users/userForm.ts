import type { AdminUserFieldsFragment, CreateUserInput, Role, UpdateUserInput } from "../../../generated/graphql";

export type NewUserForm = { username: string; password: string; role: Role; zoneId: string };
export type EditUserForm = { role: Role; zoneId: string; disabled: boolean };

const USERNAME = /^[A-Za-z0-9_@-][A-Za-z0-9._@-]{0,63}$/;

/** What the API would refuse, in words, before asking it. */
export function newUserProblems(f: NewUserForm): Partial<Record<"username" | "password", string>> {
  const out: Partial<Record<"username" | "password", string>> = {};
  const name = f.username.trim();
  if (!name) out.username = "Enter a username.";
  else if (!USERNAME.test(name)) out.username = "A username is 1 to 64 letters, digits or . _ @ - and does not start with a dot.";
  if (f.password && f.password.length < 8) out.password = "A password needs at least 8 characters (or leave it empty to generate one).";
  return out;
}

export function createUserInput(f: NewUserForm): CreateUserInput {
  return { username: f.username.trim(), role: f.role, ...(f.password ? { password: f.password } : {}), ...(f.zoneId ? { zoneId: f.zoneId } : {}) };
}

export const editUserForm = (u: AdminUserFieldsFragment): EditUserForm => ({ role: u.role, zoneId: u.zoneId ?? "", disabled: u.disabled });

/** Only what changed; an emptied zone becomes clearZone (the user falls back to the default zone). */
export function updateUserInput(u: AdminUserFieldsFragment, f: EditUserForm): UpdateUserInput {
  const input: UpdateUserInput = {};
  if (f.role !== u.role) input.role = f.role;
  if (f.disabled !== u.disabled) input.disabled = f.disabled;
  if (f.zoneId !== (u.zoneId ?? "")) {
    if (f.zoneId) input.zoneId = f.zoneId;
    else input.clearZone = true;
  }
  return input;
}
