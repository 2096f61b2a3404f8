import type { Db, Tx } from "../../db.js";
import { TX_OPTIONS } from "../../db.js";
import type { Actor } from "../../auth/actor.js";
import { requireAdmin } from "../../auth/policy.js";
import { newSecret } from "../../auth/tokens.js";
import { badInput, notFound } from "../../errors.js";
import { log } from "../../log.js";
import type { Events } from "../../pubsub.js";
import { isUuid } from "../../validation.js";
import { place, type Strategy } from "../servers/placement.js";
import { lockCandidates } from "../sessions/launch-session.js";
import { WANTED } from "../sessions/session.state.js";
import { nudgeServer, publishSessionChanged } from "../sessions/session.topics.js";
import type { WarmPool } from "./pool.type.js";

/** Owner of sessions waiting in a pool. Not a valid username (it starts with a dot): nobody can take it, or sign in as it. */
export const POOL_USERNAME = ".pool";
export const MAX_POOL_SIZE = 100;
/** At most this many pooled sessions are started per pool and round, so a new pool does not starve launches. */
const STARTS_PER_ROUND = 10;
const LIVE = ["REQUESTED", "STARTING", "RUNNING"] as const;

type Changed = { id: string; userId: string; serverId: string | null };

/**
 * Warm pools: per image and zone, a number of sessions started ahead of demand. The keeper
 * (refill, run by every manager every few seconds and soon after each claim) starts what is
 * missing where there is capacity, and ends what is too many. Each pool's round runs in one
 * transaction holding the pool's row lock, so several managers never overfill a pool.
 */
export class PoolService {
  private readonly messages = new Map<string, string>();
  private poolUserId: string | null = null;
  private soon: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly db: Db, private readonly events: Events, private readonly offlineAfterS: number) {}

  async list(actor: Actor): Promise<WarmPool[]> {
    requireAdmin(actor);
    const pools = await this.db.warmPool.findMany({ include: { image: { select: { name: true } }, zone: { select: { name: true } } }, orderBy: { createdAt: "asc" } });
    const counts = await this.db.session.groupBy({ by: ["poolId", "status"], where: { poolId: { in: pools.map((p) => p.id) }, status: { in: [...LIVE] } }, _count: true });
    return pools.map((p) => {
      const n = (st: string[]) => counts.filter((c) => c.poolId === p.id && st.includes(c.status)).reduce((a, c) => a + c._count, 0);
      return {
        id: p.id,
        imageId: p.imageId,
        imageName: p.image.name,
        zoneId: p.zoneId,
        zoneName: p.zone.name,
        size: p.size,
        ready: n(["RUNNING"]),
        starting: n(["REQUESTED", "STARTING"]),
        message: this.messages.get(p.id) ?? "",
      };
    });
  }

  /** Sets how many ready sessions of the image to keep in the zone (0 ends the pool's sessions). */
  async set(actor: Actor, imageId: string, zoneId: string, size: number): Promise<WarmPool> {
    requireAdmin(actor);
    if (!Number.isInteger(size) || size < 0 || size > MAX_POOL_SIZE) throw badInput(`size is a whole number from 0 to ${MAX_POOL_SIZE}`);
    const image = isUuid(imageId) ? await this.db.image.findUnique({ where: { id: imageId } }) : null;
    if (!image) throw notFound("image", imageId);
    const zone = isUuid(zoneId) ? await this.db.zone.findUnique({ where: { id: zoneId } }) : null;
    if (!zone) throw notFound("zone", zoneId);
    if (size > 0) {
      if (image.zoneId && image.zoneId !== zone.id) throw badInput(`'${image.name}' runs only in another zone: make its pool there`);
      if (!image.enabled) throw badInput(`'${image.name}' is disabled: enable it first`);
      if (perUser(image.volumes)) throw badInput(`'${image.name}' mounts per-user folders ({username} or {userId}): its sessions cannot be started before their user is known`);
    }
    const pool = await this.db.warmPool.upsert({ where: { imageId_zoneId: { imageId, zoneId } }, create: { imageId, zoneId, size }, update: { size } });
    await this.refill();
    return (await this.list(actor)).find((p) => p.id === pool.id)!;
  }

  /** Refill soon (coalesced): after a claim or an eviction. */
  refillSoon(delayMs = 50) {
    if (this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      void this.refill().catch((e) => log.warn("warm pools: refill failed", { error: String(e) }));
    }, delayMs);
    this.soon.unref();
  }

  /** One round over every pool; rounds never overlap in this process. */
  async refill(): Promise<void> {
    while (this.running) await this.running;
    this.running = this.round().finally(() => (this.running = null));
    return this.running;
  }

  private async round() {
    const pools = await this.db.warmPool.findMany({ select: { id: true } });
    const changed: Changed[] = [];
    for (const p of pools) changed.push(...(await this.refillOne(p.id)));
    changed.push(...(await this.endOrphans()));
    await Promise.all(changed.map((s) => publishSessionChanged(this.events, s)));
    for (const serverId of new Set(changed.map((s) => s.serverId))) await nudgeServer(this.events, serverId, "warm pool");
  }

  private async refillOne(poolId: string): Promise<Changed[]> {
    // Most rounds find the pool as it should be: say so without locking anything.
    const [pool, live] = await Promise.all([
      this.db.warmPool.findUnique({ where: { id: poolId }, include: { image: true } }),
      this.db.session.count({ where: { poolId, status: { in: [...LIVE] } } }),
    ]);
    if (!pool) return [];
    if (live === wanted(pool, pool.image)) {
      this.messages.delete(poolId);
      return [];
    }
    return this.db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "WarmPool" WHERE id = ${poolId}::uuid FOR UPDATE SKIP LOCKED`;
      if (locked.length === 0) return []; // another manager is on it
      const pool = await tx.warmPool.findUniqueOrThrow({ where: { id: poolId }, include: { image: true, zone: true } });
      const { image, zone } = pool;
      const want = wanted(pool, image);
      // Server rows first (the order launches lock in), then the pool's sessions.
      const candidates = await lockCandidates(tx, [zone.id], image.id, this.offlineAfterS);
      const live = await tx.session.findMany({
        where: { poolId, status: { in: [...LIVE] } },
        select: { id: true, userId: true, serverId: true, status: true, createdAt: true },
        orderBy: { createdAt: "desc" },
      });
      const changed: Changed[] = [];
      if (live.length > want) {
        // Too many: end those not ready yet first, then the newest.
        const extra = [...live].sort((a, b) => Number(a.status === "RUNNING") - Number(b.status === "RUNNING")).slice(0, live.length - want);
        for (const s of extra) {
          // Only while it still waits in this pool: a launch may have taken it since it was read.
          const r = await tx.session.updateMany({ where: { id: s.id, poolId, status: { in: [...LIVE] } }, data: { status: "STOPPING", statusMessage: "ending: the warm pool shrank", poolId: null } });
          if (r.count) changed.push(s);
        }
        this.messages.delete(poolId);
        return changed;
      }
      const userId = await this.ensurePoolUser(tx);
      const missing = Math.min(want - live.length, STARTS_PER_ROUND);
      let short = "";
      for (let i = 0; i < missing; i++) {
        // The pool counts as used here (cand.used* leave it out): it only fills capacity nobody else holds.
        const view = candidates.map((c) => ({ ...c, usedCores: c.usedCores + c.pooledCores, usedMemoryMb: c.usedMemoryMb + c.pooledMemoryMb }));
        const placement = place(
          { cores: image.cores, memoryMb: image.memoryMb, zones: [{ id: zone.id, name: zone.name, strategy: zone.strategy as Strategy }], onlyServerId: image.serverId },
          view,
        );
        if (!placement.ok) {
          short = `${want - live.length - i} short: ${placement.reasons.join("; ") || "no servers"}`;
          break;
        }
        const s = await tx.session.create({
          data: {
            userId,
            imageId: image.id,
            serverId: placement.serverId,
            poolId,
            status: "REQUESTED",
            statusMessage: `warming up for the pool on ${placement.hostname}`,
            cores: image.cores,
            memoryMb: image.memoryMb,
            secret: newSecret(),
            viewSecret: newSecret(),
          },
        });
        const c = candidates.find((x) => x.id === placement.serverId)!;
        c.pooledCores += image.cores;
        c.pooledMemoryMb += image.memoryMb;
        changed.push(s);
      }
      if (short) this.messages.set(poolId, short);
      else this.messages.delete(poolId);
      return changed;
    }, TX_OPTIONS);
  }

  /** Pooled sessions whose pool is gone (its image or zone was deleted) end. */
  private async endOrphans(): Promise<Changed[]> {
    if (!this.poolUserId) return [];
    const orphans = await this.db.session.findMany({
      where: { userId: this.poolUserId, poolId: null, claimedAt: null, status: { in: WANTED } },
      select: { id: true, userId: true, serverId: true },
    });
    for (const s of orphans) await this.db.session.update({ where: { id: s.id }, data: { status: "STOPPING", statusMessage: "ending: its warm pool was removed" } });
    return orphans;
  }

  private async ensurePoolUser(tx: Tx): Promise<string> {
    if (this.poolUserId) return this.poolUserId;
    const u = await tx.user.upsert({
      where: { username: POOL_USERNAME },
      create: { username: POOL_USERNAME, passwordHash: "!", disabled: true },
      update: {},
      select: { id: true },
    });
    this.poolUserId = u.id;
    return u.id;
  }
}

/** How many sessions a pool should hold: none for an image that cannot be pooled (any more). */
function wanted(pool: { size: number; zoneId: string }, image: { enabled: boolean; volumes: unknown; zoneId: string | null }): number {
  return image.enabled && !perUser(image.volumes) && (!image.zoneId || image.zoneId === pool.zoneId) ? pool.size : 0;
}

/** Does any volume of the image depend on who the user is? */
function perUser(volumes: unknown): boolean {
  return Array.isArray(volumes) && volumes.some((v) => /\{(username|userId)\}/.test(String((v as { hostPath?: string }).hostPath ?? "")));
}
