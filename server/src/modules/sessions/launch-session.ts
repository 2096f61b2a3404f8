import type { Db, Tx } from "../../db.js";
import { TX_OPTIONS } from "../../db.js";
import type { UserActor } from "../../auth/actor.js";
import { authorize, canLaunch } from "../../auth/policy.js";
import { newSecret } from "../../auth/tokens.js";
import { DomainError, conflict, notFound } from "../../errors.js";
import type { Events } from "../../pubsub.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { SessionService } from "./session.service.js";
import { place, type Candidate, type Strategy } from "../servers/placement.js";
import { effectiveCores, effectiveMemoryMb, serverStatus } from "../servers/server.status.js";
import { RESERVING } from "./session.state.js";
import { nudgeServer, publishSessionChanged } from "./session.topics.js";
import { isUuid } from "../../validation.js";
import { claimPooled, makeRoom } from "../pools/pool-claim.js";

export interface LaunchDeps {
  db: Db;
  events: Events;
  settings: SettingsService;
  sessions: SessionService;
  offlineAfterS: number;
  /** Asks the warm-pool keeper to refill soon (after a claim or an eviction). */
  poolsChanged: () => void;
}

/**
 * requestSession: takes a ready session from a warm pool when one waits (and the launch has no
 * session-specific environment), else reserves cores and memory on one server inside a single
 * transaction (server rows locked FOR UPDATE, so concurrent launches never overcommit), records
 * the session as REQUESTED, then — after commit — tells the server's agent to start it.
 */
export async function launchSession(deps: LaunchDeps, actor: UserActor, imageId: string, opts: { env?: Record<string, string> } = {}) {
  if (!isUuid(imageId)) throw notFound("image", imageId);
  const { session, resumed, pooled, evicted } = await deps.db.$transaction(async (tx) => {
    // Lock the user's row: one user's concurrent launches queue here, so the per-user limit holds.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.userId}::uuid FOR UPDATE`;
    const image = await tx.image.findUnique({ where: { id: imageId } });
    if (!image) throw notFound("image", imageId);
    authorize(canLaunch(actor, image), `the image '${image.name}' is disabled`);
    // Launching an image the user has paused resumes that session instead of making another.
    const paused = await tx.session.findFirst({ where: { userId: actor.userId, imageId: image.id, status: "PAUSED" }, orderBy: { createdAt: "desc" } });
    if (paused) return { session: paused, resumed: true, pooled: false, evicted: [] };
    await checkUserLimit(tx, deps.settings, actor.userId);

    // An image restricted to a zone runs only there, whatever the user's own zone.
    const zones = await zonesToTry(tx, image.zoneId ?? actor.zoneId, Boolean(image.zoneId), await deps.settings.get("defaultZone", tx));
    // A pooled session started with the image's settings only: a launch with its own environment starts fresh.
    if (!opts.env || Object.keys(opts.env).length === 0) {
      const zoneIds = zones.map((z) => z.id).filter((id) => !image.zoneId || id === image.zoneId);
      const claimed = await claimPooled(tx, { userId: actor.userId, imageId: image.id, zoneIds, offlineAfterS: deps.offlineAfterS, timeLimitS: image.sessionTimeLimitS });
      if (claimed) return { session: claimed, resumed: false, pooled: true, evicted: [] };
    }
    const candidates = await lockCandidates(tx, zones.map((z) => z.id), image.id, deps.offlineAfterS);
    const placement = place(
      { cores: image.cores, memoryMb: image.memoryMb, zones, onlyZoneId: image.zoneId, onlyServerId: image.serverId },
      candidates,
    );
    if (!placement.ok) {
      throw new DomainError(
        "NO_CAPACITY",
        `no server can take '${image.friendlyName}' (${image.cores} cores, ${image.memoryMb} MB) now: ` +
          (placement.reasons.join("; ") || "there are no servers") + ". Try again later or ask an administrator.",
        { reasons: placement.reasons },
      );
    }
    const evicted = await makeRoom(tx, candidates.find((c) => c.id === placement.serverId)!, { cores: image.cores, memoryMb: image.memoryMb, imageId: image.id });
    const created = await tx.session.create({
      data: {
        userId: actor.userId,
        imageId: image.id,
        serverId: placement.serverId,
        status: "REQUESTED",
        statusMessage: `placed on server ${placement.hostname}`,
        cores: image.cores,
        memoryMb: image.memoryMb,
        secret: newSecret(),
        viewSecret: newSecret(),
        expiresAt: image.sessionTimeLimitS ? new Date(Date.now() + image.sessionTimeLimitS * 1000) : null,
        env: opts.env ?? {},
      },
    });
    return { session: created, resumed: false, pooled: false, evicted };
  }, TX_OPTIONS);
  if (resumed) {
    await deps.sessions.resumeRow(session.id, session.serverId);
    return session;
  }
  await Promise.all([session, ...evicted].map((s) => publishSessionChanged(deps.events, s)));
  await nudgeServer(deps.events, session.serverId, pooled ? "session taken from the warm pool" : "session requested");
  if (pooled || evicted.length) deps.poolsChanged();
  return session;
}

async function checkUserLimit(tx: Tx, settings: SettingsService, userId: string) {
  const limit = await settings.get("sessionsPerUser", tx);
  const active = await tx.session.count({ where: { userId, status: { in: RESERVING } } });
  if (active >= limit) {
    throw conflict(`you already have ${active} session${active === 1 ? "" : "s"} (the limit is ${limit}): end one to start another`);
  }
}

/** The home zone first (the user's, else the default zone setting, else the oldest), then the others if it allows. */
export async function zonesToTry(tx: Tx, homeZoneId: string | null, only: boolean, defaultZone: string) {
  const all = await tx.zone.findMany({ orderBy: [{ createdAt: "asc" }, { name: "asc" }] });
  const fallback = all.find((z) => z.name === defaultZone) ?? all[0];
  const home = all.find((z) => z.id === homeZoneId) ?? (only ? undefined : fallback);
  if (!home) return [];
  const rest = home.searchAlternateZones && !only ? all.filter((z) => z.id !== home.id) : [];
  return [home, ...rest].map((z) => ({ id: z.id, name: z.name, strategy: z.strategy as Strategy }));
}

/** A server as placement sees it; usedCores/usedMemoryMb leave out waiting pooled sessions, counted apart. */
export type PoolAwareCandidate = Candidate & { pooledCores: number; pooledMemoryMb: number };

/**
 * Locks the zones' server rows (FOR UPDATE, in id order) and reads what placement needs. Pooled
 * sessions waiting to be taken are counted apart: a launch may push them out (makeRoom); the
 * pool keeper counts them as used.
 */
export async function lockCandidates(tx: Tx, zoneIds: string[], imageId: string, offlineAfterS: number): Promise<PoolAwareCandidate[]> {
  if (zoneIds.length === 0) return [];
  // Locking every candidate row serialises launches per zone; reads below then see committed reservations.
  await tx.$queryRaw`SELECT id FROM "Server" WHERE "zoneId" = ANY(${zoneIds}::uuid[]) ORDER BY id FOR UPDATE`;
  const servers = await tx.server.findMany({ where: { zoneId: { in: zoneIds } } });
  const ids = servers.map((s) => s.id);
  const [usage, pooledUsage, lastPlaced, ready] = await Promise.all([
    tx.session.groupBy({ by: ["serverId"], where: { serverId: { in: ids }, status: { in: RESERVING }, poolId: null }, _sum: { cores: true, memoryMb: true } }),
    tx.session.groupBy({ by: ["serverId"], where: { serverId: { in: ids }, status: { in: RESERVING }, poolId: { not: null } }, _sum: { cores: true, memoryMb: true } }),
    tx.session.groupBy({ by: ["serverId"], where: { serverId: { in: ids } }, _max: { createdAt: true } }),
    tx.serverImage.findMany({ where: { serverId: { in: ids }, imageId, status: "READY" }, select: { serverId: true } }),
  ]);
  const now = new Date();
  const readySet = new Set(ready.map((r) => r.serverId));
  return servers.map((s) => {
    const u = usage.find((x) => x.serverId === s.id)?._sum;
    const p = pooledUsage.find((x) => x.serverId === s.id)?._sum;
    return {
      pooledCores: p?.cores ?? 0,
      pooledMemoryMb: p?.memoryMb ?? 0,
      id: s.id,
      hostname: s.hostname,
      zoneId: s.zoneId,
      status: serverStatus(s, now, offlineAfterS),
      cores: effectiveCores(s),
      memoryMb: effectiveMemoryMb(s),
      usedCores: u?.cores ?? 0,
      usedMemoryMb: u?.memoryMb ?? 0,
      imageReady: readySet.has(s.id),
      lastPlacedAt: lastPlaced.find((x) => x.serverId === s.id)?._max.createdAt ?? null,
    };
  });
}
