import type { Db } from "../../db.js";
import type { Actor } from "../../auth/actor.js";
import { isAdmin } from "../../auth/actor.js";
import { requireAdmin, requireUser } from "../../auth/policy.js";
import type { SecretBox } from "../../auth/secret-box.js";
import { badInput, conflict, notFound } from "../../errors.js";
import type { Events } from "../../pubsub.js";
import type { Image as ImageRow } from "../../generated/prisma/client.js";
import { isUuid } from "../../validation.js";
import { RESERVING } from "../sessions/session.state.js";
import type { SessionService } from "../sessions/session.service.js";
import type { ImageInput } from "./image.inputs.js";
import type { Image } from "./image.type.js";
import { checkHostPath, checkRunConfig, type RunConfigRules } from "./run-config.policy.js";

/** What anyone may see of an image; settings that could leak internals are for administrators. */
export function imageView(actor: Actor, row: ImageRow): Image {
  const admin = isAdmin(actor);
  return {
    ...row,
    env: admin ? Object.entries(row.env as Record<string, string>).map(([name, value]) => ({ name, value })) : [],
    volumes: admin ? (row.volumes as unknown as Image["volumes"]) : [],
    runConfig: admin ? JSON.stringify(row.runConfig) : "{}",
    hasRegistryAuth: row.registryAuth !== null,
  };
}

export class ImageService {
  constructor(
    private readonly db: Db,
    private readonly events: Events,
    private readonly box: SecretBox,
    private readonly rules: RunConfigRules,
    private readonly sessions?: SessionService,
  ) {}

  /** Users see enabled images; administrators see every image. */
  async list(actor: Actor): Promise<Image[]> {
    requireUser(actor);
    const rows = await this.db.image.findMany({ where: isAdmin(actor) ? {} : { enabled: true }, orderBy: { friendlyName: "asc" } });
    return rows.map((r) => imageView(actor, r));
  }

  async get(actor: Actor, id: string): Promise<Image> {
    requireUser(actor);
    const row = isUuid(id) ? await this.db.image.findUnique({ where: { id } }) : null;
    if (!row || (!row.enabled && !isAdmin(actor))) throw notFound("image", id);
    return imageView(actor, row);
  }

  async create(actor: Actor, input: ImageInput): Promise<Image> {
    requireAdmin(actor);
    if (!input.name || !input.ref || !input.friendlyName) throw badInput("a new image needs name, friendlyName and ref");
    if (await this.db.image.findUnique({ where: { name: input.name } })) throw conflict(`an image named '${input.name}' already exists`);
    const row = await this.db.image.create({ data: { name: input.name, ref: input.ref, friendlyName: input.friendlyName, ...(await this.settings(input)) } });
    await this.announce();
    return imageView(actor, row);
  }

  async update(actor: Actor, id: string, input: ImageInput): Promise<Image> {
    requireAdmin(actor);
    const existing = await this.byId(id);
    if (input.name && input.name !== existing.name && (await this.db.image.findUnique({ where: { name: input.name } }))) {
      throw conflict(`an image named '${input.name}' already exists`);
    }
    const row = await this.db.image.update({
      where: { id },
      data: { name: input.name, ref: input.ref, friendlyName: input.friendlyName, ...(await this.settings(input)) },
    });
    await this.announce();
    return imageView(actor, row);
  }

  /** Refused while sessions of the image are live, unless forced: then they are ended first. */
  async delete(actor: Actor, id: string, force: boolean): Promise<Image> {
    requireAdmin(actor);
    const row = await this.byId(id);
    const live = await this.db.session.findMany({ where: { imageId: id, status: { in: RESERVING } }, select: { id: true, serverId: true } });
    if (live.length && !force) throw conflict(`${live.length} session(s) of '${row.name}' are running: end them first, or delete with force: true`);
    if (live.length) {
      for (const s of live) await this.sessions?.transition(s.id, "STOPPING", { statusMessage: `ending: image ${row.name} is being deleted` });
      // Their agents remove the containers within moments; the rows can go once they have.
      const deadline = Date.now() + 20_000;
      while ((await this.db.session.count({ where: { imageId: id, status: { in: RESERVING } } })) > 0) {
        if (Date.now() > deadline) throw conflict(`sessions of '${row.name}' are still stopping; try again in a moment`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await this.db.$transaction([this.db.session.deleteMany({ where: { imageId: id } }), this.db.image.delete({ where: { id } })]);
    await this.announce();
    return imageView(actor, row);
  }

  /** Registry credentials for agents (decrypted only on the way to them). */
  registryAuthFor(row: Pick<ImageRow, "registryAuth" | "ref">): { username: string; password: string; serveraddress: string } | null {
    if (!row.registryAuth) return null;
    const { username, password } = JSON.parse(this.box.open(row.registryAuth));
    return { username, password, serveraddress: row.ref.split("/")[0] ?? "" };
  }

  private async byId(id: string) {
    const row = isUuid(id) ? await this.db.image.findUnique({ where: { id } }) : null;
    if (!row) throw notFound("image", id);
    return row;
  }

  /** Validates and converts the optional settings of an input into columns. */
  private async settings(input: ImageInput) {
    let runConfig: object | undefined;
    if (input.runConfig !== undefined && input.runConfig !== null) {
      try {
        runConfig = JSON.parse(input.runConfig);
      } catch {
        throw badInput("runConfig is not valid JSON", { field: "runConfig" });
      }
      const check = checkRunConfig(runConfig, this.rules);
      if (!check.ok) throw badInput(check.message, { field: "runConfig", key: check.key });
    }
    for (const v of input.volumes ?? []) {
      const why = checkHostPath(v.hostPath.replace(/\{(username|userId)\}/g, "x"), this.rules);
      if (why) throw badInput(`volume ${v.hostPath}: ${why}`, { field: "volumes" });
    }
    if (input.zoneId && !(await this.db.zone.findUnique({ where: { id: input.zoneId } }))) throw notFound("zone", input.zoneId);
    if (input.serverId && !(await this.db.server.findUnique({ where: { id: input.serverId } }))) throw notFound("server", input.serverId);
    if (input.registryAuth && !this.box.enabled) throw badInput("registry credentials cannot be stored: the manager has no BERTH_SECRET_KEY");
    return {
      description: input.description ?? undefined,
      cores: input.cores ?? undefined,
      memoryMb: input.memoryMb ?? undefined,
      shmMb: input.shmMb ?? undefined,
      network: input.network ?? undefined,
      env: input.env ? Object.fromEntries(input.env.map((e) => [e.name, e.value])) : undefined,
      volumes: input.volumes ? input.volumes.map((v) => ({ ...v })) : undefined,
      runConfig,
      registryAuth: input.clearRegistryAuth ? null : input.registryAuth ? this.box.seal(JSON.stringify(input.registryAuth)) : undefined,
      zoneId: input.clearRestrictions ? null : (input.zoneId ?? undefined),
      serverId: input.clearRestrictions ? null : (input.serverId ?? undefined),
      sessionTimeLimitS: input.sessionTimeLimitS === 0 ? null : (input.sessionTimeLimitS ?? undefined),
      categories: input.categories ?? undefined,
      thumbnailUrl: input.thumbnailUrl ?? undefined,
      enabled: input.enabled ?? undefined,
    };
  }

  /** Every agent downloads enabled images ahead of time: nudge them all to check in now. */
  private async announce() {
    const servers = await this.db.server.findMany({ select: { id: true } });
    await Promise.all(servers.map((s) => this.events.publish(`server/${s.id}/sync`, { reason: "images changed" })));
  }
}
