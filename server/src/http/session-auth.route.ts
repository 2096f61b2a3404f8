import type { Request, Response } from "express";
import type { Services } from "../services.js";
import { resolveActor } from "../auth/resolve-actor.js";
import { canViewSession } from "../auth/policy.js";
import { log } from "../log.js";

/**
 * nginx's auth_request target for /session/<id>/...: answers 401 (not signed in),
 * 403 (not yours, or not running), or 200 with where the session lives and the
 * credential to inject. These headers go to nginx only, never to the browser.
 */
export function sessionAuthRoute(services: Services) {
  return async (req: Request, res: Response) => {
    try {
      const sessionId = String(req.headers["x-berth-session-id"] ?? "");
      const actor = await resolveActor(services, req.headers);
      if (actor.kind !== "user") return void res.status(401).end();
      const route = await services.sessions.routeFor(sessionId);
      if (!route || !canViewSession(actor, route)) return void res.status(403).end();
      if (route.status !== "RUNNING" || !route.hostPort || !route.server) return void res.status(403).end();
      res.setHeader("X-Berth-Upstream", `${route.server.publishHost}:${route.hostPort}`);
      res.setHeader("X-Berth-Credential", `Bearer ${route.secret}`);
      res.setHeader("Cache-Control", "no-store");
      res.status(200).end();
    } catch (e) {
      log.error("session auth failed", { error: String(e) });
      res.status(503).end();
    }
  };
}
