import type { Db } from "../../db.js";
import type { Actor } from "../../auth/actor.js";
import { requireAdmin } from "../../auth/policy.js";
import { hashToken, newToken } from "../../auth/tokens.js";
import { conflict, notFound } from "../../errors.js";
import { isUuid } from "../../validation.js";
import type { CreateZoneInput, UpdateZoneInput } from "./zone.inputs.js";

export class ZoneService {
  constructor(private readonly db: Db) {}

  /** The zone named `name`, created if missing (set-up makes "default"). */
  async ensure(name: string) {
    return this.db.zone.upsert({ where: { name }, create: { name }, update: {} });
  }

  list(actor: Actor) {
    requireAdmin(actor);
    return this.db.zone.findMany({ orderBy: [{ createdAt: "asc" }, { name: "asc" }] });
  }

  async create(actor: Actor, input: CreateZoneInput) {
    requireAdmin(actor);
    if (await this.db.zone.findUnique({ where: { name: input.name } })) throw conflict(`a zone named '${input.name}' already exists`);
    return this.db.zone.create({ data: input });
  }

  async update(actor: Actor, id: string, input: UpdateZoneInput) {
    requireAdmin(actor);
    await this.byId(id);
    if (input.name) {
      const clash = await this.db.zone.findUnique({ where: { name: input.name } });
      if (clash && clash.id !== id) throw conflict(`a zone named '${input.name}' already exists`);
    }
    return this.db.zone.update({ where: { id }, data: stripNulls(input) });
  }

  /** Refused while servers, users or managers belong to the zone: move them first. */
  async delete(actor: Actor, id: string) {
    requireAdmin(actor);
    const zone = await this.byId(id);
    const [servers, users] = await Promise.all([
      this.db.server.count({ where: { zoneId: id } }),
      this.db.user.count({ where: { zoneId: id } }),
    ]);
    if (servers || users) {
      throw conflict(`zone '${zone.name}' is in use by ${servers} server(s) and ${users} user(s): move or delete them first`);
    }
    await this.db.zone.delete({ where: { id } });
    return zone;
  }

  async byId(id: string) {
    const zone = isUuid(id) ? await this.db.zone.findUnique({ where: { id } }) : null;
    if (!zone) throw notFound("zone", id);
    return zone;
  }

  /** A new enrollment token for a zone. The plain token is returned once and stored hashed. */
  async createEnrollmentToken(zoneId: string, name = "") {
    const token = newToken("bz");
    const row = await this.db.enrollmentToken.create({ data: { zoneId, name, tokenHash: hashToken(token), prefix: token.slice(0, 8) } });
    return { token, row };
  }

  async issueEnrollmentToken(actor: Actor, zoneId: string, name: string) {
    requireAdmin(actor);
    await this.byId(zoneId);
    const { token, row } = await this.createEnrollmentToken(zoneId, name);
    return { token, enrollmentToken: row };
  }

  async enrollmentTokens(actor: Actor, zoneId?: string | null) {
    requireAdmin(actor);
    return this.db.enrollmentToken.findMany({ where: zoneId ? { zoneId } : {}, orderBy: { createdAt: "desc" } });
  }

  async revokeEnrollmentToken(actor: Actor, id: string) {
    requireAdmin(actor);
    const row = isUuid(id) ? await this.db.enrollmentToken.findUnique({ where: { id } }) : null;
    if (!row) throw notFound("enrollment token", id);
    return this.db.enrollmentToken.update({ where: { id }, data: { revokedAt: row.revokedAt ?? new Date() } });
  }

  /** The zone an enrollment token admits to, or null if it is unknown or revoked. */
  async zoneForEnrollmentToken(token: string) {
    const row = await this.db.enrollmentToken.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!row || row.revokedAt) return null;
    return row.zoneId;
  }
}

/** GraphQL sends null for "leave unchanged"; Prisma would write it. */
export function stripNulls<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as never;
}
