import { createHash, randomBytes } from "node:crypto";

/** Random secrets (sign-in cookies, agent credentials, enrollment tokens) are stored only as hashes. */
export function newToken(prefix: string, bytes = 32): string {
  return `${prefix}_${randomBytes(bytes).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Session credentials the proxy injects; the container compares them, so no prefix. */
export function newSecret(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}
