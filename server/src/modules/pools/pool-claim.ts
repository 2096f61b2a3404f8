import type { Tx } from "../../db.js";
import { newSecret } from "../../auth/tokens.js";
import type { Candidate } from "../servers/placement.js";

/**
 * Warm-pool steps that run inside a launch's transaction (launch-session.ts).
 *
 * A pooled session is an ordinary session row owned by the pool user, with poolId set while it
 * waits. Taking one is a single conditional row lock (FOR UPDATE SKIP LOCKED), so two launches
 * can never take the same one: the second skips it and takes the next, or starts its own.
 */

export interface ClaimRequest {
  userId: string;
  imageId: string;
  /** Zones to look in, in order of preference. */
  zoneIds: string[];
  offlineAfterS: number;
  /** The image's time limit, counted from the claim. */
  timeLimitS: number | null;
}

/** Takes a RUNNING pooled session on a healthy server for the user, with new credentials; null if none waits. */
export async function claimPooled(tx: Tx, r: ClaimRequest) {
  if (r.zoneIds.length === 0) return null;
  const rows = await tx.$queryRaw<{ id: string; secret: string }[]>`
    SELECT s.id, s.secret FROM "Session" s JOIN "Server" v ON v.id = s."serverId"
    WHERE s."poolId" IS NOT NULL AND s."imageId" = ${r.imageId}::uuid AND s.status = 'RUNNING'
      AND v."zoneId" = ANY(${r.zoneIds}::uuid[]) AND v.enabled AND NOT v.draining
      AND v."lastCheckInAt" > now() - make_interval(secs => ${r.offlineAfterS})
    ORDER BY array_position(${r.zoneIds}::uuid[], v."zoneId"), s."createdAt"
    LIMIT 1
    FOR UPDATE OF s SKIP LOCKED`;
  if (rows.length === 0) return null;
  const now = new Date();
  // STARTING until the agent has handed the container its new credentials (POST /.berth/claim).
  return tx.session.update({
    where: { id: rows[0].id },
    data: {
      userId: r.userId,
      poolId: null,
      claimedAt: now,
      poolSecret: rows[0].secret,
      secret: newSecret(),
      viewSecret: newSecret(),
      status: "STARTING",
      statusMessage: "taking a ready session from the warm pool",
      startingSince: now,
      lastKeepaliveAt: now,
      expiresAt: r.timeLimitS ? new Date(now.getTime() + r.timeLimitS * 1000) : null,
    },
  });
}

/**
 * Waiting pooled sessions give way to on-demand launches: when the server chosen for a launch
 * is only full because of them, enough of them end (those of other images first, then the
 * newest) to make room. Returns the sessions ended (to publish after commit).
 */
export async function makeRoom(tx: Tx, server: Candidate & { pooledCores: number; pooledMemoryMb: number }, need: { cores: number; memoryMb: number; imageId: string }) {
  let overCores = server.usedCores + server.pooledCores + need.cores - server.cores;
  let overMem = server.usedMemoryMb + server.pooledMemoryMb + need.memoryMb - server.memoryMb;
  if (overCores <= 1e-9 && overMem <= 0) return [];
  const pooled = await tx.session.findMany({
    where: { serverId: server.id, poolId: { not: null }, status: { in: ["REQUESTED", "STARTING", "RUNNING"] } },
    select: { id: true, userId: true, imageId: true, cores: true, memoryMb: true, createdAt: true },
  });
  pooled.sort((a, b) => Number(a.imageId === need.imageId) - Number(b.imageId === need.imageId) || b.createdAt.getTime() - a.createdAt.getTime());
  const ended: { id: string; userId: string }[] = [];
  for (const p of pooled) {
    if (overCores <= 1e-9 && overMem <= 0) break;
    // Only while it still waits in a pool: another launch may have taken it since it was read.
    const r = await tx.session.updateMany({
      where: { id: p.id, poolId: { not: null }, status: { in: ["REQUESTED", "STARTING", "RUNNING"] } },
      data: { status: "STOPPING", statusMessage: "ending: making room for a launch", poolId: null },
    });
    if (!r.count) continue;
    ended.push({ id: p.id, userId: p.userId });
    overCores -= p.cores;
    overMem -= p.memoryMb;
  }
  return ended;
}
