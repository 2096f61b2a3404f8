import { hostname } from "node:os";
import type { Services } from "../../services.js";
import { VERSION } from "../../version.js";
import { log } from "../../log.js";

/** Records this manager process and keeps its heartbeat fresh, so admins see which managers are alive. */
export async function registerManager(services: Services, intervalMs = 5000) {
  const { db, config } = services;
  const row = await db.manager.create({
    data: { hostname: hostname(), version: VERSION, url: `http://${config.BERTH_MANAGER_HOST}:${config.BERTH_MANAGER_PORT}/graphql` },
  });
  const timer = setInterval(() => {
    db.manager.update({ where: { id: row.id }, data: { heartbeatAt: new Date() } }).catch((e) => log.warn("manager heartbeat failed", { error: String(e) }));
  }, intervalMs);
  timer.unref();
  return {
    id: row.id,
    async stop() {
      clearInterval(timer);
      await db.manager.delete({ where: { id: row.id } }).catch(() => {});
    },
  };
}
