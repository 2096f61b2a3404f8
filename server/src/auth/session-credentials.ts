import { createHmac } from "node:crypto";

/**
 * What nginx injects into requests to a session container (the browser never sees it).
 * - the owner (and administrators): `Bearer <secret>`, full control;
 * - a share's viewer: `Bearer g1.<view|full>.<principal>.<hmac>`, signed with the session's secret,
 *   so the container can check it offline and cut off one principal when told to (revocation).
 */
export type CredentialMode = "view" | "full";

export function ownerCredential(secret: string): string {
  return `Bearer ${secret}`;
}

export function viewerCredential(secret: string, mode: CredentialMode, principal: string): string {
  const body = `g1.${mode}.${principal}`;
  return `Bearer ${body}.${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** A viewer of one share: removing them from that share revokes exactly this principal. */
export const viewerPrincipal = (shareId: string, userId: string) => `${shareId}-${userId}`;
