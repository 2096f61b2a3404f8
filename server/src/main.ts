import "reflect-metadata";
import { loadConfig, ConfigError } from "./config.js";
import { createDb } from "./db.js";
import { createEvents } from "./pubsub.js";
import { createServices } from "./services.js";
import { createSchema } from "./schema.js";
import { createApp } from "./http/app.js";
import { startReaper } from "./reaper.js";
import { migrate } from "./db/migrate.js";
import { log } from "./log.js";
import { registerManager } from "./modules/managers/manager.service.js";

async function main() {
  const config = loadConfig();
  log.setLevel(config.BERTH_LOG_LEVEL);
  if (config.BERTH_MIGRATE_ON_START) {
    const { applied } = await migrate(config.DATABASE_URL, { log: (m) => log.info(m) });
    if (applied.length) log.info("migrations applied", { applied });
  }
  const db = createDb(config.DATABASE_URL);
  const events = createEvents(config.REDIS_URL);
  const services = createServices(db, events, config);
  services.agents.start();
  const installation = await services.installation.ensure();
  const schema = await createSchema();
  const app = await createApp(schema, services);
  await new Promise<void>((resolve, reject) => {
    app.httpServer.once("error", reject);
    app.httpServer.listen(config.BERTH_MANAGER_PORT, config.BERTH_MANAGER_HOST, resolve);
  });
  const stopReaper = startReaper(services);
  const manager = await registerManager(services);
  log.info("manager ready", {
    url: `http://${config.BERTH_MANAGER_HOST}:${config.BERTH_MANAGER_PORT}/graphql`,
    installationId: installation.id,
    managerId: manager.id,
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("stopping", { signal });
    stopReaper();
    await manager.stop();
    await app.stop().catch(() => {});
    // Check-ins still waiting to be written (write-behind), after the last requests.
    await services.agents.stop();
    await events.close();
    await db.$disconnect();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((e) => {
  if (e instanceof ConfigError) console.error(e.message);
  else log.error("manager failed to start", { error: String(e?.stack ?? e) });
  process.exit(1);
});
