import type { Request, Response } from "express";
import type { Services } from "../services.js";
import { resolveActor } from "../auth/resolve-actor.js";
import { ownerCredential, viewerCredential, viewerPrincipal } from "../auth/session-credentials.js";
import { log } from "../log.js";

/**
 * nginx's auth_request target for /session/<id>/...: answers 401 (not signed in),
 * 403 (not yours, not shared with you, or not running), or 200 with where the session lives
 * and the credential to inject. These headers go to nginx only, never to the browser.
 *
 * nginx reuses a 200 for 1 to 2 s (nginx.conf, location = /_berth_auth), keyed on the session id,
 * the method, Cookie and Authorization: the answer must depend on nothing else, and must not set
 * a cookie (nginx would then not cache it). Refusals are not cached. "no-store" is for any other
 * cache; nginx's own ignores it on purpose.
 */
export function sessionAuthRoute(services: Services) {
  return async (req: Request, res: Response) => {
    try {
      const sessionId = String(req.headers["x-berth-session-id"] ?? "");
      const actor = await resolveActor(services, req.headers);
      if (actor.kind !== "user") return void res.status(401).end();
      const access = await services.sessions.access(actor, sessionId);
      if (!access?.view) return void res.status(403).end();
      const { row, viewer } = access;
      if (row.status !== "RUNNING" || !row.hostPort || !row.server) return void res.status(403).end();
      const credential = viewer
        ? viewerCredential(row.secret, access.control ? "full" : "view", viewerPrincipal(viewer.shareId, actor.userId))
        : ownerCredential(row.secret);
      res.setHeader("X-Berth-Upstream", `${row.server.publishHost}:${row.hostPort}`);
      res.setHeader("X-Berth-Credential", credential);
      res.setHeader("Cache-Control", "no-store");
      res.status(200).end();
    } catch (e) {
      log.error("session auth failed", { error: String(e) });
      res.status(503).end();
    }
  };
}
