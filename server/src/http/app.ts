import { createServer, type Server } from "node:http";
import express from "express";
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import { WebSocketServer } from "ws";
import { useServer } from "graphql-ws/use/ws";
import { GraphQLError, specifiedRules, validate, type GraphQLSchema } from "graphql";
import type { Context } from "../context.js";
import { sharedSubscribe } from "./shared-subscribe.js";
import type { Services } from "../services.js";
import { formatError } from "../errors.js";
import { resolveActor } from "../auth/resolve-actor.js";
import { sessionAuthRoute } from "./session-auth.route.js";
import { QUERY_LIMITS, queryLimits } from "./query-limits.js";
import { auditPlugin } from "../modules/audit/audit.plugin.js";
import { viewingLinkRoute } from "../modules/sessions/viewing-link.js";

export interface App {
  httpServer: Server;
  stop(): Promise<void>;
}

/** HTTP and graphql-ws on one port and path (/graphql), plus nginx's auth endpoint. */
export async function createApp(schema: GraphQLSchema, services: Services): Promise<App> {
  const app = express();
  app.disable("x-powered-by");
  const httpServer = createServer(app);

  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql" });
  const wsCleanup = useServer<Record<string, unknown>, { actor?: Context["actor"] }>(
    {
      schema,
      validate: (schema, document) => validate(schema, document, [...specifiedRules, queryLimits()]),
      // An event's answer is worked out once per actor and operation, and shared by their connections.
      subscribe: sharedSubscribe((args) => JSON.stringify((args.contextValue as Context).actor)),
      // Resolve who is connecting once, from the upgrade request's cookie or the agent's token.
      onConnect: async (ctx) => {
        const headers = { ...ctx.extra.request.headers, ...lowerKeys(ctx.connectionParams ?? {}) };
        ctx.extra.actor = await resolveActor(services, headers);
        return true;
      },
      context: (ctx): Context => ({
        actor: ctx.extra.actor ?? { kind: "anonymous" },
        services,
        setCookie: () => {},
      }),
      onError: () => {},
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    introspection: true,
    validationRules: [queryLimits()],
    // Bounds the document before validation: graphql's own rules recurse through fragments, and a
    // chain of 10,000 of them (400 KB) overflowed the stack, which Apollo answers with a 500.
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      subscriptionsOnlyOverWebSocket,
      auditPlugin(services.db),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
    ],
  });
  await apollo.start();

  app.get("/internal/session-auth", sessionAuthRoute(services));
  app.get("/auth/link/:token", viewingLinkRoute(services));
  app.get("/healthz", (_req, res) => {
    const redis = services.events.ready();
    res.status(redis ? 200 : 503).json({ ok: redis, redis: redis ? "ready" : "reconnecting" });
  });
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => ({
        actor: await resolveActor(services, req.headers),
        services,
        setCookie: (c) => void res.append("Set-Cookie", c),
        requestIp: String(req.headers["x-real-ip"] ?? req.socket.remoteAddress ?? ""),
      }),
    }),
  );

  return {
    httpServer,
    async stop() {
      await apollo.stop();
      wsServer.close();
    },
  };
}

/** Over HTTP a subscription would run its resolvers once with no event (a TypeError, masked as a 500-like error). */
const subscriptionsOnlyOverWebSocket: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== "subscription") return;
        throw new GraphQLError("subscriptions run over WebSocket (graphql-ws) at /graphql, not over HTTP", {
          extensions: { code: "BAD_REQUEST", http: { status: 400, headers: new HeaderMap() } },
        });
      },
    };
  },
};

const lowerKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
