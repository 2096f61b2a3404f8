import "reflect-metadata";
import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { AuthResolver } from "./modules/users/auth.resolver.js";
import { InstallationResolver } from "./modules/installation/installation.resolver.js";
import { ImageResolver } from "./modules/images/image.resolver.js";
import { SessionResolver } from "./modules/sessions/session.resolver.js";
import { AgentResolver } from "./modules/servers/agent.resolver.js";
import { ServerResolver } from "./modules/servers/server.resolver.js";
import { ZoneResolver } from "./modules/zones/zone.resolver.js";
import { ManagerResolver } from "./modules/managers/manager.resolver.js";
import { ShareResolver } from "./modules/shares/share.resolver.js";
import { ChatResolver } from "./modules/chat/chat.resolver.js";
import { SettingsResolver } from "./modules/settings/settings.resolver.js";
import { UserAdminResolver } from "./modules/users/user-admin.resolver.js";
import { SystemResolver } from "./modules/system/system.resolver.js";
import { ApiKeyResolver } from "./modules/apikeys/apikey.resolver.js";
import { TaskResolver } from "./modules/tasks/task.resolver.js";
import { AuditResolver } from "./modules/audit/audit.resolver.js";
import { PoolResolver } from "./modules/pools/pool.resolver.js";

export const resolvers = [
  AuthResolver,
  InstallationResolver,
  ImageResolver,
  SessionResolver,
  AgentResolver,
  ServerResolver,
  ZoneResolver,
  ManagerResolver,
  ShareResolver,
  ChatResolver,
  SettingsResolver,
  UserAdminResolver,
  SystemResolver,
  ApiKeyResolver,
  TaskResolver,
  AuditResolver,
  PoolResolver,
] as const;

/** Builds the schema from the resolvers; `emitTo` writes schema.graphql (committed, checked by a test). */
export function createSchema(emitTo?: string): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
    // Every subscription here has its own `subscribe` (Redis-backed, re-authorising); type-graphql
    // still insists on a pubSub, so give it one that refuses to be used.
    pubSub: {
      publish: () => {},
      subscribe: () => {
        throw new Error("subscriptions must define their own subscribe function");
      },
    },
    emitSchemaFile: emitTo ? { path: emitTo, sortedSchema: true } : false,
  });
}
