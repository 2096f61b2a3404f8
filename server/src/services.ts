import type { Config } from "./config.js";
import type { Db } from "./db.js";
import type { Events } from "./pubsub.js";
import { SecretBox } from "./auth/secret-box.js";
import { ImageService } from "./modules/images/image.service.js";
import { InstallationService } from "./modules/installation/installation.service.js";
import { AgentService } from "./modules/servers/agent.service.js";
import { ServerService } from "./modules/servers/server.service.js";
import { SessionService } from "./modules/sessions/session.service.js";
import { ShareService } from "./modules/shares/share.service.js";
import { ChatService } from "./modules/chat/chat.service.js";
import type { LaunchDeps } from "./modules/sessions/launch-session.js";
import { SettingsService } from "./modules/settings/settings.service.js";
import { UserService } from "./modules/users/user.service.js";
import { ZoneService } from "./modules/zones/zone.service.js";
import { ApiKeyService } from "./modules/apikeys/apikey.service.js";
import { TaskService } from "./modules/tasks/task.service.js";
import { PoolService } from "./modules/pools/pool.service.js";

/** Every service, built once per process and shared by all requests. */
export interface Services {
  db: Db;
  events: Events;
  config: Config;
  installation: InstallationService;
  users: UserService;
  images: ImageService;
  zones: ZoneService;
  settings: SettingsService;
  sessions: SessionService;
  shares: ShareService;
  chat: ChatService;
  agents: AgentService;
  servers: ServerService;
  apiKeys: ApiKeyService;
  tasks: TaskService;
  pools: PoolService;
  launchDeps: LaunchDeps;
}

export function createServices(db: Db, events: Events, config: Config): Services {
  const installation = new InstallationService(db);
  const zones = new ZoneService(db);
  const settings = new SettingsService(db);
  const shares = new ShareService(db, events);
  const sessions = new SessionService(db, events, shares);
  const tasks = new TaskService(db, events);
  const pools = new PoolService(db, events, config.BERTH_OFFLINE_AFTER_S);
  const box = SecretBox.fromBase64(config.BERTH_SECRET_KEY);
  const images = new ImageService(db, events, box, { allowedBindRoots: config.BERTH_ALLOWED_BIND_ROOTS }, sessions);
  return {
    db,
    events,
    config,
    installation,
    users: new UserService(db, config.BERTH_SIGNIN_TTL_H, events.redis),
    images,
    zones,
    settings,
    sessions,
    shares,
    chat: new ChatService(db, events, sessions, events.redis),
    agents: new AgentService(db, events, zones, sessions, installation, images, shares, tasks, {
      checkInIntervalS: config.BERTH_CHECKIN_INTERVAL_S,
      startTimeoutS: config.BERTH_START_TIMEOUT_S,
      offlineAfterS: config.BERTH_OFFLINE_AFTER_S,
    }),
    servers: new ServerService(db, events, sessions, zones, config.BERTH_OFFLINE_AFTER_S),
    apiKeys: new ApiKeyService(db),
    tasks,
    pools,
    launchDeps: { db, events, settings, sessions, offlineAfterS: config.BERTH_OFFLINE_AFTER_S, poolsChanged: () => pools.refillSoon() },
  };
}
