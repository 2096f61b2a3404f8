import type { Services } from "./services.js";
import { log } from "./log.js";

/**
 * Background duties every manager runs; each step is a conditional update, so several
 * managers doing it at once is harmless.
 * - sessions on servers that stopped checking in become LOST (their reservations free up);
 * - sessions stuck on their way up past the start timeout become FAILED.
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
  const startedBefore = new Date(now.getTime() - config.BERTH_START_TIMEOUT_S * 1000);
  const stuck = await db.session.findMany({
    where: { status: { in: ["REQUESTED", "STARTING"] }, createdAt: { lt: startedBefore } },
    select: { id: true },
  });
  for (const s of stuck) {
    await sessions.transition(s.id, "FAILED", { statusMessage: `did not start within ${config.BERTH_START_TIMEOUT_S} s` });
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
