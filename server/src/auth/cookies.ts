import type { IncomingHttpHeaders } from "node:http";

export const SIGNIN_COOKIE = "berth_session";

export function readCookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  const raw = headers.cookie;
  if (!raw) return undefined;
  for (const part of raw.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeOrUndefined(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** A cookie value that is not valid percent-encoding ("%E0%A4%A") is no sign-in, not a server error. */
function decodeOrUndefined(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** httpOnly: scripts never see it; Secure: https only; SameSite=Lax: not sent on cross-site posts. */
export function signInCookie(token: string, maxAgeS: number): string {
  return `${SIGNIN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${Math.floor(maxAgeS)}`;
}

export function clearedSignInCookie(): string {
  return `${SIGNIN_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`;
}

export function bearer(headers: IncomingHttpHeaders | Record<string, unknown>): string | undefined {
  const h = (headers as Record<string, unknown>)["authorization"] ?? (headers as Record<string, unknown>)["Authorization"];
  if (typeof h !== "string") return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(h.trim());
  return m?.[1];
}
