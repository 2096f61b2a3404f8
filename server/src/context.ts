import type { Actor } from "./auth/actor.js";
import type { Services } from "./services.js";

/** Per-request context: who is asking, the services, and a way to set cookies. */
export interface Context {
  actor: Actor;
  services: Services;
  setCookie(cookie: string): void;
  /** Hash of the sign-in token of this request, so signOut can end just this sign-in. */
  requestIp?: string;
}
