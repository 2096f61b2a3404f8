import { randomUUID } from "node:crypto";
import type { AgentActor } from "../../auth/actor.js";
import type { Events, Watch } from "../../pubsub.js";
import type { DesiredState } from "./agent.types.js";
import type { ReconciledSession } from "./reconcile.js";

/** What a full check-in learnt of a server: enough to answer the next ones while nothing changes. */
export interface KnownServer {
  /** The host facts as last written (hostKey). */
  host: string;
  /** The image report as last stored (imagesKey). */
  images: string;
  /** The answer, without tasks (kept only while none wait). */
  answer: Omit<DesiredState, "tasks">;
  /** The sessions holding a reservation, as reconciling judges them. */
  sessions: ReconciledSession[];
  /** When it was read; it is read again after `ttlMs` whatever happens. */
  keptAt: number;
  /** This manager's last check-in of the server. */
  seenAt: number;
  /** Resources administrators were last told of. */
  published: { cpuPercent: number; memoryUsedMb: number; at: number };
}

/** Taken before reading what is to be kept: a keep whose reads may predate a change is refused. */
export interface Mark {
  epoch: number;
  gen: number;
  /** Session events heard (a session's event names no server: any of them may concern this one). */
  sessions?: number;
}

export interface ServerCacheOptions {
  /** Longest an answer is kept even with no event about its server (a safety net). */
  ttlMs: number;
  /** Longest an agent token is trusted without a look-up. */
  tokenTtlMs: number;
  /**
   * An answer is used only while this manager saw the server check in within this time: a server
   * that was silent longer may be OFFLINE now, and coming back must be written at once.
   */
  seenWithinMs: number;
}

/**
 * Each server's desired state and each agent token's server, kept in this manager. Changes to a
 * server's desired state publish `server/<id>/sync` (on whichever manager made it), every change
 * of a session `session/<id>` (not all of those nudge the server: an agent's own reports, an
 * image's deletion), a server's deletion or move `servers`, and its image downloads `images`:
 * hearing one forgets what it concerns. While the Redis connection that hears them is down, nothing is used;
 * once it is back, everything is forgotten (messages may have been missed).
 */
export class ServerCache {
  /** Names this process in the events it publishes about image downloads (see `heard`). */
  readonly self = randomUUID();
  private readonly servers = new Map<string, KnownServer>();
  private readonly gens = new Map<string, number>();
  private readonly tokens = new Map<string, { actor: AgentActor; keptAt: number }>();
  private readonly tokenOf = new Map<string, string>();
  /** Which kept server each kept session is on. */
  private readonly serverOf = new Map<string, string>();
  private sessionEvents = 0;
  private epoch = 0;
  private tokenGen = 0;
  private watch?: Watch;

  constructor(private readonly opts: ServerCacheOptions) {}

  /** Starts listening; until then (and whenever the listener is down) nothing is kept or used. */
  attach(events: Events) {
    this.watch = events.watch(["server/*/sync", "session/*", "servers", "images"], {
      message: (channel, payload) => this.heard(channel, payload),
      resync: () => this.clear(),
    });
  }

  detach() {
    this.watch?.close();
    this.watch = undefined;
    this.clear();
  }

  active(): boolean {
    return this.watch?.active() ?? false;
  }

  heard(channel: string, payload: unknown) {
    const p = (payload ?? {}) as { id?: unknown; serverId?: unknown; checkIn?: unknown; from?: unknown };
    if (channel === "servers") {
      // A check-in's news leaves the credential and zone as they were; anything else may not.
      if (typeof p.id === "string" && p.checkIn !== true) this.forgetToken(p.id);
    } else if (channel === "images") {
      // What this manager recorded is what it keeps; what another one did may differ.
      if (typeof p.serverId === "string" && p.from !== this.self) this.forget(p.serverId);
    } else if (channel.startsWith("session/")) {
      this.sessionEvents++;
      const serverId = this.serverOf.get(channel.slice("session/".length));
      if (serverId) this.forget(serverId);
    } else {
      const m = /^server\/(.+)\/sync$/.exec(channel);
      if (m) this.forget(m[1]);
    }
  }

  mark(serverId: string): Mark {
    return { epoch: this.epoch, gen: this.gens.get(serverId) ?? 0, sessions: this.sessionEvents };
  }

  /** The server's kept answer, if it may be used now. */
  known(serverId: string, now: number): KnownServer | undefined {
    if (!this.active()) return undefined;
    const k = this.servers.get(serverId);
    if (!k) return undefined;
    if (now - k.keptAt > this.opts.ttlMs || now - k.seenAt > this.opts.seenWithinMs) {
      this.drop(serverId);
      return undefined;
    }
    return k;
  }

  /** Keeps what a check-in read, unless something changed since `mark` (then the next one reads again). */
  keep(serverId: string, mark: Mark, k: KnownServer): boolean {
    if (!this.active() || mark.epoch !== this.epoch || mark.gen !== (this.gens.get(serverId) ?? 0) || mark.sessions !== this.sessionEvents) return false;
    this.drop(serverId);
    this.servers.set(serverId, k);
    for (const s of k.sessions) this.serverOf.set(s.id, serverId);
    return true;
  }

  /** The server's desired state may have changed: its next check-in reads everything. */
  forget(serverId: string) {
    this.gens.set(serverId, (this.gens.get(serverId) ?? 0) + 1);
    this.drop(serverId);
  }

  private drop(serverId: string) {
    const k = this.servers.get(serverId);
    if (!k) return;
    this.servers.delete(serverId);
    for (const s of k.sessions) if (this.serverOf.get(s.id) === serverId) this.serverOf.delete(s.id);
  }

  /** The server is deleted: forget it and its agent's token. */
  gone(serverId: string) {
    this.forget(serverId);
    this.forgetToken(serverId);
  }

  actor(tokenHash: string, now: number): AgentActor | undefined {
    if (!this.active()) return undefined;
    const t = this.tokens.get(tokenHash);
    if (!t) return undefined;
    if (now - t.keptAt > this.opts.tokenTtlMs) {
      this.tokens.delete(tokenHash);
      return undefined;
    }
    return t.actor;
  }

  tokenMark(): Mark {
    return { epoch: this.epoch, gen: this.tokenGen };
  }

  keepActor(tokenHash: string, actor: AgentActor, mark: Mark, now: number) {
    if (!this.active() || mark.epoch !== this.epoch || mark.gen !== this.tokenGen) return;
    this.tokens.set(tokenHash, { actor, keptAt: now });
    this.tokenOf.set(actor.serverId, tokenHash);
  }

  private forgetToken(serverId: string) {
    this.tokenGen++;
    const hash = this.tokenOf.get(serverId);
    if (hash === undefined) return;
    this.tokenOf.delete(serverId);
    this.tokens.delete(hash);
  }

  /** Every kept answer (not the credentials): the database may now disagree with them. */
  forgetAll() {
    this.epoch++;
    this.servers.clear();
    this.gens.clear();
    this.serverOf.clear();
  }

  clear() {
    this.forgetAll();
    this.tokens.clear();
    this.tokenOf.clear();
  }
}
