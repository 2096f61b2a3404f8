/** What each API key scope allows, in words for the form. */
export const SCOPES: { scope: string; label: string }[] = [
  { scope: "sessions:read", label: "Read sessions, follow their status, take screenshots" },
  { scope: "sessions:write", label: "Launch sessions for users, end them, run commands, viewing links" },
  { scope: "users:write", label: "Create users (ensureUser)" },
  { scope: "images:write", label: "Create, change and delete images" },
  { scope: "fleet:read", label: "List servers and zones" },
  { scope: "admin", label: "Everything an administrator can do" },
];

/** A key's state for its badge. */
export function keyState(k: { revokedAt?: string | null; expiresAt?: string | null }, now: number): "revoked" | "expired" | "active" {
  if (k.revokedAt) return "revoked";
  if (k.expiresAt && Date.parse(k.expiresAt) <= now) return "expired";
  return "active";
}
