import { hostname } from "node:os";
import type { Services } from "../../services.js";
import { VERSION } from "../../version.js";
import { log } from "../../log.js";

/** Records this manager process and keeps its heartbeat fresh, so admins see which managers are alive. */
export const HEARTBEAT_MS = 5000;

export async function registerManager(services: Services, intervalMs = HEARTBEAT_MS) {
  const { db, config } = services;
  const zone = config.BERTH_ZONE ? await db.zone.findUnique({ where: { name: config.BERTH_ZONE } }) : null;
  const row = await db.manager.create({
    data: { hostname: hostname(), version: VERSION, zoneId: zone?.id ?? null, url: `http://${config.BERTH_MANAGER_HOST}:${config.BERTH_MANAGER_PORT}/graphql` },
  });
  await services.events.publish("managers", { id: row.id });
  const timer = setInterval(() => {
    db.manager
      .update({ where: { id: row.id }, data: { heartbeatAt: new Date() } })
      .then(() => services.events.publish("managers", { id: row.id }))
      .catch((e) => log.warn("manager heartbeat failed", { error: String(e) }));
  }, intervalMs);
  timer.unref();
  return {
    id: row.id,
    async stop() {
      clearInterval(timer);
      await db.manager.delete({ where: { id: row.id } }).catch(() => {});
      await services.events.publish("managers", { id: row.id });
    },
  };
}
