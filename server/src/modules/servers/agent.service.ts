import type { Db } from "../../db.js";
import type { AgentActor } from "../../auth/actor.js";
import { hashToken, newToken } from "../../auth/tokens.js";
import { DomainError, badInput, unauthenticated } from "../../errors.js";
import { isUuid } from "../../validation.js";
import type { Events } from "../../pubsub.js";
import type { InstallationService } from "../installation/installation.service.js";
import type { ImageService } from "../images/image.service.js";
import type { ShareService } from "../shares/share.service.js";
import type { TaskService } from "../tasks/task.service.js";
import type { SessionService } from "../sessions/session.service.js";
import { RESERVING, WANTED } from "../sessions/session.state.js";
import type { ZoneService } from "../zones/zone.service.js";
import { SessionReportStatus, type CheckInInput, type HostFactsInput, type SessionReportInput } from "./agent.inputs.js";
import type { AgentRegistration, DesiredState } from "./agent.types.js";
import { isSteady, reconcile, type ReconciledSession } from "./reconcile.js";
import { CheckInWriter } from "./check-in-writer.js";
import { ServerCache, type KnownServer } from "./server-cache.js";
import { hostKey, imagesKey, resourcesMoved } from "./steady.js";
import { desiredSession, type WantedSession } from "./desired-session.js";

export interface AgentServiceOptions {
  checkInIntervalS: number;
  startTimeoutS: number;
  offlineAfterS: number;
}

const SAMPLE_EVERY_MS = 30_000;

export class AgentService {
  private readonly lastSampleAt = new Map<string, number>();
  private readonly cache: ServerCache;
  private readonly writer: CheckInWriter;
  constructor(
    private readonly db: Db,
    private readonly events: Events,
    private readonly zones: ZoneService,
    private readonly sessions: SessionService,
    private readonly installation: InstallationService,
    private readonly images: ImageService,
    private readonly shares: ShareService,
    private readonly tasks: TaskService,
    private readonly opts: AgentServiceOptions,
  ) {
    this.cache = new ServerCache({
      ttlMs: 600_000,
      tokenTtlMs: 600_000,
      // A server unseen for two thirds of the offline delay may be OFFLINE by now (or soon).
      seenWithinMs: (opts.offlineAfterS * 1000 * 2) / 3,
    });
    this.writer = new CheckInWriter(db, {
      gone: (ids) => ids.forEach((id) => this.cache.gone(id)),
      failed: () => this.cache.forgetAll(),
      written: async (ids) => void (await Promise.all(ids.map((id) => this.events.publish("servers", { id, checkIn: true })))),
    });
  }

  /** Starts hearing other managers' changes: until then every check-in reads and writes everything. */
  start() {
    this.cache.attach(this.events);
  }

  /** Writes the check-ins still waiting (manager shutdown). */
  async stop() {
    this.cache.detach();
    await this.writer.stop();
  }

  /** Joins a host to the zone its enrollment token belongs to; returns the agent's own credential. */
  async register(enrollmentToken: string, host: HostFactsInput): Promise<AgentRegistration> {
    const zoneId = await this.zones.zoneForEnrollmentToken(enrollmentToken);
    if (!zoneId) {
      throw new DomainError("UNAUTHENTICATED", "unknown or revoked enrollment token: ask an administrator for a zone's current token");
    }
    const agentToken = newToken("ba");
    const server = await this.db.server.create({
      data: { zoneId, agentTokenHash: hashToken(agentToken), ...hostData(host), lastCheckInAt: new Date() },
    });
    await this.events.publish("servers", { id: server.id });
    const installation = await this.installation.ensure();
    return { serverId: server.id, agentToken, installationId: installation.id, checkInIntervalS: this.opts.checkInIntervalS };
  }

  // Every agent calls the methods below every few seconds: they use Prisma's raw queries, which cost
  // this manager a third of the CPU of the equivalent model queries (docs/performance.md).

  async actorFromAgentToken(token: string): Promise<AgentActor | null> {
    const hash = hashToken(token);
    const now = Date.now();
    const known = this.cache.actor(hash, now);
    if (known) return known;
    const mark = this.cache.tokenMark();
    const [server] = await this.db.$queryRaw<{ id: string; zoneId: string }[]>`
      SELECT id, "zoneId" FROM "Server" WHERE "agentTokenHash" = ${hash}`;
    if (!server) return null;
    const actor: AgentActor = { kind: "agent", serverId: server.id, zoneId: server.zoneId };
    this.cache.keepActor(hash, actor, mark, now);
    return actor;
  }

  /**
   * Records what the agent sees, heals differences, and answers with what it should run.
   * A steady server (same host facts and image report, settled sessions whose containers are all
   * there, nothing changed since the last answer) gets the kept answer and its check-in waits for
   * the next batched write: no query. Anything else takes the full path.
   */
  async checkIn(agent: AgentActor, input: CheckInInput): Promise<DesiredState> {
    const now = new Date();
    const known = this.cache.known(agent.serverId, now.getTime());
    if (known && this.holds(known, input, now)) return this.steadyCheckIn(agent.serverId, known, input, now);
    return this.fullCheckIn(agent.serverId, input, now, known);
  }

  private holds(k: KnownServer, input: CheckInInput, now: Date): boolean {
    return k.host === hostKey(input.host) && k.images === imagesKey(input.images) && isSteady(k.sessions, input, now, this.opts.startTimeoutS);
  }

  private steadyCheckIn(serverId: string, k: KnownServer, input: CheckInInput, now: Date): DesiredState {
    k.seenAt = now.getTime();
    const announce = resourcesMoved(k.published, input.resources, input.host.memoryMb, now.getTime());
    if (announce) k.published = { ...input.resources, at: now.getTime() };
    this.writer.record(serverId, now, input.resources, announce);
    this.sample(serverId, input.resources, now, k.sessions.filter((s) => WANTED.includes(s.status)).length);
    return { ...k.answer, tasks: [] };
  }

  /**
   * Reads little: the server row (as it is updated), the images with this server's download
   * state, and the server's sessions (in full only when it has some that the agent must run).
   */
  private async fullCheckIn(serverId: string, input: CheckInInput, now: Date, before: KnownServer | undefined): Promise<DesiredState> {
    const mark = this.cache.mark(serverId);
    const [server, images, found] = await Promise.all([
      this.recordCheckIn(serverId, input, now),
      this.imagesFor(serverId, input.images.map((r) => r.ref)),
      this.sessionStates(serverId),
    ]);
    const imagesChanged = await this.recordImages(serverId, input.images, images);
    const acted = await reconcile({ sessions: this.sessions, startTimeoutS: this.opts.startTimeoutS }, found, input, now);
    const current = acted ? await this.sessionStates(serverId) : found;
    const wanted = current.filter((s) => WANTED.includes(s.status));
    this.sample(serverId, input.resources, now, wanted.length);
    const host = hostKey(input.host);
    // A server this manager did not know may be coming back from OFFLINE: administrators hear of it.
    const announce = !before || before.host !== host || imagesChanged || acted || resourcesMoved(before.published, input.resources, input.host.memoryMb, now.getTime());
    if (announce) await this.events.publish("servers", { id: serverId, checkIn: true });
    const sessions = wanted.length ? await this.wantedSessions(serverId) : [];
    const answer = await this.answer(serverId, server.pruneImages, sessions, images.filter((i) => i.enabled));
    if (!acted && answer.tasks.length === 0) {
      const { tasks: _, ...rest } = answer;
      const published = announce || !before ? { ...input.resources, at: now.getTime() } : before.published;
      this.cache.keep(serverId, mark, { host, images: imagesKey(input.images), answer: rest, sessions: current, keptAt: now.getTime(), seenAt: now.getTime(), published });
    }
    return answer;
  }

  private async recordCheckIn(serverId: string, input: CheckInInput, now: Date) {
    const h = input.host;
    const [row] = await this.db.$queryRaw<{ pruneImages: boolean }[]>`
      UPDATE "Server" SET hostname = ${h.hostname}, cores = ${h.cores}, "memoryMb" = ${h.memoryMb}, "diskMb" = ${h.diskMb},
        gpus = ${h.gpus}, "dockerVersion" = ${h.dockerVersion}, "agentVersion" = ${h.agentVersion}, "publishHost" = ${h.publishHost},
        "cpuPercent" = ${input.resources.cpuPercent}, "memoryUsedMb" = ${input.resources.memoryUsedMb}, "lastCheckInAt" = ${now}
      WHERE id = ${serverId}::uuid
      RETURNING "pruneImages"`;
    if (!row) {
      this.cache.gone(serverId);
      throw unauthenticated("unknown agent token: the server was deleted; re-enroll the agent");
    }
    return row;
  }

  /** The server's sessions that hold a reservation (REQUESTED to STOPPING): what reconciling judges. */
  private sessionStates(serverId: string) {
    return this.db.$queryRaw<ReconciledSession[]>`
      SELECT id, status::text AS status, "startingSince", "updatedAt" FROM "Session"
      WHERE "serverId" = ${serverId}::uuid AND status::text = ANY(${RESERVING}::text[])`;
  }

  /** The sessions the agent must run, oldest first, with everything their containers need. */
  private wantedSessions(serverId: string) {
    return this.db.session.findMany({
      where: { serverId, status: { in: WANTED } },
      include: { image: true, user: { select: { username: true } } },
      orderBy: { createdAt: "asc" },
    });
  }

  async desiredState(serverId: string): Promise<DesiredState> {
    const [server, images, sessions] = await Promise.all([
      this.db.server.findUniqueOrThrow({ where: { id: serverId }, select: { pruneImages: true } }),
      this.imagesFor(serverId, []),
      this.wantedSessions(serverId),
    ]);
    return this.answer(serverId, server.pruneImages, sessions, images);
  }

  private async answer(serverId: string, pruneImages: boolean, sessions: WantedSession[], images: ImageState[]): Promise<DesiredState> {
    const [installation, revoked, tasks] = await Promise.all([
      this.installation.ensure(),
      sessions.length ? this.shares.revokedPrincipals(sessions.map((s) => s.id)) : new Map<string, string[]>(),
      this.tasks.pendingFor(serverId),
    ]);
    return {
      serverId,
      installationId: installation.id,
      pruneImages,
      checkInIntervalS: this.opts.checkInIntervalS,
      tasks,
      images: images.map((i) => ({ imageId: i.id, ref: i.ref, registryAuth: this.images.registryAuthFor(i) })),
      sessions: sessions.map((s) => desiredSession(s, revoked.get(s.id) ?? [])),
    };
  }

  /**
   * Every enabled image (what the agent should have) and every image the agent reported on, each
   * with this server's stored download state: one query for what used to be three.
   */
  private imagesFor(serverId: string, reportedRefs: string[]) {
    return this.db.$queryRaw<ImageState[]>`
      SELECT i.id, i.ref, i.enabled, i."registryAuth", si.status::text AS status, si.progress, si.message
      FROM "Image" i
      LEFT JOIN "ServerImage" si ON si."imageId" = i.id AND si."serverId" = ${serverId}::uuid
      WHERE i.enabled OR i.ref = ANY(${reportedRefs}::text[])
      ORDER BY i."createdAt", i.id`;
  }

  /** Keeps one utilisation sample per server about every 30 s (charts; the writer keeps a day of them). */
  private sample(serverId: string, r: CheckInInput["resources"], now: Date, sessions: number) {
    const last = this.lastSampleAt.get(serverId) ?? 0;
    if (now.getTime() - last < SAMPLE_EVERY_MS) return;
    this.lastSampleAt.set(serverId, now.getTime());
    this.writer.sample(serverId, now, r, sessions);
  }

  /** The agent tells what it did with one session (fast path; check-ins heal anything missed). */
  async report(agent: AgentActor, input: SessionReportInput): Promise<boolean> {
    const session = isUuid(input.sessionId) ? await this.db.session.findUnique({ where: { id: input.sessionId }, select: { serverId: true } }) : null;
    if (!session || session.serverId !== agent.serverId) throw badInput(`session '${input.sessionId}' is not assigned to this server`);
    const id = input.sessionId;
    switch (input.status) {
      case SessionReportStatus.STARTING: {
        // The first STARTING report moves the session; later ones only update its progress message.
        const message = input.message || "creating the container";
        const moved = await this.sessions.transition(id, "STARTING", { statusMessage: message, containerId: input.containerId ?? undefined });
        if (!moved) await this.sessions.progress(id, message);
        return true;
      }
      case SessionReportStatus.RUNNING:
        if (!input.hostPort || !input.containerId) throw badInput("a RUNNING report needs containerId and hostPort");
        return this.sessions.transition(id, "RUNNING", { statusMessage: input.message || "running", containerId: input.containerId, hostPort: input.hostPort });
      case SessionReportStatus.FAILED:
        return this.sessions.transition(id, "FAILED", { statusMessage: input.message || "the container failed" });
      case SessionReportStatus.STOPPED:
        return (
          (await this.sessions.finishStopping(id)) ||
          (await this.sessions.transition(id, "LOST", { statusMessage: input.message || "the container stopped unexpectedly" }))
        );
    }
  }

  /** Stores what changed in the agent's image report and tells admins' imageDownloads subscribers; true if anything did. */
  private async recordImages(serverId: string, reports: CheckInInput["images"], known: ImageState[]): Promise<boolean> {
    let changed = false;
    for (const img of known) {
      const r = reports.find((x) => x.ref === img.ref);
      if (!r) continue;
      const data = { status: r.status, progress: r.progress, message: r.message };
      if (img.status === data.status && img.progress === data.progress && img.message === data.message) continue;
      changed = true;
      await this.db.serverImage.upsert({ where: { serverId_imageId: { serverId, imageId: img.id } }, create: { serverId, imageId: img.id, ...data }, update: data });
    }
    if (changed) await this.events.publish("images", { serverId, from: this.cache.self });
    return changed;
  }
}

/** An image with this server's download state (null when the agent never reported it). */
interface ImageState {
  id: string;
  ref: string;
  enabled: boolean;
  registryAuth: string | null;
  status: string | null;
  progress: number | null;
  message: string | null;
}

function hostData(h: HostFactsInput) {
  return {
    hostname: h.hostname,
    cores: h.cores,
    memoryMb: h.memoryMb,
    diskMb: h.diskMb,
    gpus: h.gpus,
    dockerVersion: h.dockerVersion,
    agentVersion: h.agentVersion,
    publishHost: h.publishHost,
  };
}
