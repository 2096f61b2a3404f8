import type { Services } from "./services.js";
import { log } from "./log.js";
import { nudgeServer, publishSessionChanged } from "./modules/sessions/session.topics.js";

/**
 * Background duties every manager runs; each step is a conditional update, so several
 * managers doing it at once is harmless.
 * - sessions on servers that stopped checking in become LOST (their reservations free up);
 * - sessions stuck on their way up past the start timeout become FAILED;
 * - warm pools are refilled (PoolService: a row lock per pool keeps managers from overfilling);
 * - agents with a session changed moments ago are nudged again (see `renudge`).
 */
export async function reapOnce(services: Services, now = new Date()) {
  const { db, sessions, config } = services;
  const offlineBefore = new Date(now.getTime() - config.BERTH_OFFLINE_AFTER_S * 1000);
  const onDeadServers = await db.session.findMany({
    where: {
      status: { in: ["REQUESTED", "STARTING", "RUNNING", "PAUSED", "STOPPING"] },
      server: { OR: [{ lastCheckInAt: null }, { lastCheckInAt: { lt: offlineBefore } }] },
    },
    select: { id: true, status: true, server: { select: { hostname: true } } },
  });
  for (const s of onDeadServers) {
    const host = s.server?.hostname ?? "its server";
    // A session being ended on a dead server is simply over; anything else was lost.
    if (s.status === "STOPPING") await sessions.transition(s.id, "STOPPED", { statusMessage: `ended (${host} is offline)` });
    else await sessions.transition(s.id, "LOST", { statusMessage: `${host} went offline` });
  }
  await reapIdle(services, now);
  await enforceTimeLimits(services, now);
  const startedBefore = new Date(now.getTime() - config.BERTH_START_TIMEOUT_S * 1000);
  const stuck = await db.session.findMany({
    where: { status: { in: ["REQUESTED", "STARTING"] }, startingSince: { lt: startedBefore } },
    select: { id: true },
  });
  for (const s of stuck) {
    await sessions.transition(s.id, "FAILED", { statusMessage: `did not start within ${config.BERTH_START_TIMEOUT_S} s` });
  }
  await renudge(services, now);
  // Warm pools: start what is missing (sessions taken, lost or failed above), end what is too many.
  await services.pools.refill();
}

/** How long after a change its agent is nudged again, from when to when. */
export const RENUDGE_AFTER_MS = 4000;
export const RENUDGE_UNTIL_MS = 60_000;

/**
 * An event can be lost: a manager killed between its commit and its publish, or a change made
 * straight in the database. Managers answer steady agents from a cache that only events clear, so
 * the servers of sessions changed a few seconds to a minute ago, in a state their agent has to act
 * on, are nudged again each round: a lost event delays a start, a stop or a pause by seconds, never
 * for good. Sessions on their way up report progress themselves and are left alone while they do.
 */
async function renudge(services: Services, now: Date) {
  const rows = await services.db.session.findMany({
    where: {
      status: { in: ["REQUESTED", "STARTING", "PAUSED", "STOPPING"] },
      serverId: { not: null },
      updatedAt: { lt: new Date(now.getTime() - RENUDGE_AFTER_MS), gt: new Date(now.getTime() - RENUDGE_UNTIL_MS) },
    },
    distinct: ["serverId"],
    select: { serverId: true },
  });
  for (const r of rows) await nudgeServer(services.events, r.serverId!, "a recent change, again");
}

/** Running sessions no viewing page kept alive: destroyed, stopped or paused, per the setting. */
async function reapIdle(services: Services, now: Date) {
  const { db, sessions, settings } = services;
  const { keepaliveExpiryS, keepaliveAction } = await settings.all();
  const idle = await db.session.findMany({
    // Sessions waiting in a warm pool have no viewer yet: their idle time starts when someone takes them.
    where: { status: "RUNNING", poolId: null, lastKeepaliveAt: { lt: new Date(now.getTime() - keepaliveExpiryS * 1000) } },
    select: { id: true, serverId: true },
  });
  for (const s of idle) {
    const why = `no one viewed it for ${Math.round(keepaliveExpiryS / 60)} min`;
    if (keepaliveAction === "DESTROY") {
      if (await sessions.transition(s.id, "STOPPING", { statusMessage: `ending: ${why}` }, { status: "RUNNING" })) {
        await nudgeServer(services.events, s.serverId, "idle session");
      }
    } else {
      await sessions.pauseRow(s.id, s.serverId, keepaliveAction, `paused: ${why}`);
    }
  }
}

/** Sessions past their image's time limit end; a warning event goes out shortly before. */
async function enforceTimeLimits(services: Services, now: Date) {
  const { db, sessions, events, config } = services;
  const live = ["REQUESTED", "STARTING", "RUNNING", "PAUSED"] as const;
  const expired = await db.session.findMany({ where: { status: { in: [...live] }, expiresAt: { lte: now } }, select: { id: true, serverId: true } });
  for (const s of expired) {
    if (await sessions.transition(s.id, "STOPPING", { statusMessage: "ending: its time limit was reached" })) {
      await nudgeServer(events, s.serverId, "time limit");
    }
  }
  const warnBy = new Date(now.getTime() + config.BERTH_EXPIRY_WARNING_S * 1000);
  const soon = await db.session.findMany({
    where: { status: "RUNNING", expiresAt: { gt: now, lte: warnBy }, expiryWarnedAt: null },
    select: { id: true, userId: true, expiresAt: true },
  });
  for (const s of soon) {
    const mins = Math.max(1, Math.round((s.expiresAt!.getTime() - now.getTime()) / 60000));
    const res = await db.session.updateMany({
      where: { id: s.id, expiryWarnedAt: null },
      data: { expiryWarnedAt: now, statusMessage: `ends in about ${mins} min: its time limit` },
    });
    if (res.count) await publishSessionChanged(events, s);
  }
}

export function startReaper(services: Services): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await reapOnce(services);
    } catch (e) {
      log.warn("reaper pass failed; retrying next interval", { error: String(e) });
    } finally {
      running = false;
    }
  }, services.config.BERTH_REAPER_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
