import type { Db } from "../../db.js";
import type { Actor, ApiKeyActor } from "../../auth/actor.js";
import { requireAdmin, SCOPES } from "../../auth/policy.js";
import { hashToken, newToken } from "../../auth/tokens.js";
import { badInput, notFound } from "../../errors.js";
import { isUuid } from "../../validation.js";

const LAST_USE_EVERY_MS = 10_000;

export class ApiKeyService {
  private readonly lastUseWritten = new Map<string, number>();
  constructor(private readonly db: Db) {}

  async create(actor: Actor, input: { name: string; scopes: string[]; expiresAt?: Date | null }) {
    const admin = requireAdmin(actor);
    const unknown = input.scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
    if (unknown.length) throw badInput(`unknown scope(s): ${unknown.join(", ")}; known: ${SCOPES.join(", ")}`);
    if (input.scopes.length === 0) throw badInput("give the key at least one scope");
    if (input.expiresAt && input.expiresAt <= new Date()) throw badInput("expiresAt must be in the future");
    const secret = newToken("bk");
    const row = await this.db.apiKey.create({
      data: { name: input.name, scopes: input.scopes, expiresAt: input.expiresAt ?? null, prefix: secret.slice(0, 10), secretHash: hashToken(secret), createdById: admin.userId },
    });
    return { secret, key: row };
  }

  list(actor: Actor) {
    requireAdmin(actor);
    return this.db.apiKey.findMany({ orderBy: { createdAt: "desc" } });
  }

  async revoke(actor: Actor, id: string) {
    requireAdmin(actor);
    const row = isUuid(id) ? await this.db.apiKey.findUnique({ where: { id } }) : null;
    if (!row) throw notFound("API key", id);
    return this.db.apiKey.update({ where: { id }, data: { revokedAt: row.revokedAt ?? new Date() } });
  }

  /** The actor for a presented key, or the reason it does not count. Read on every request, so revocation is immediate. */
  async actorFromKey(secret: string): Promise<ApiKeyActor | { reason: string }> {
    const row = await this.db.apiKey.findUnique({ where: { secretHash: hashToken(secret) } });
    if (!row) return { reason: "unknown API key (check the secret; keys are shown only when created)" };
    if (row.revokedAt) return { reason: `this API key ('${row.name}') was revoked` };
    if (row.expiresAt && row.expiresAt <= new Date()) return { reason: `this API key ('${row.name}') expired at ${row.expiresAt.toISOString()}` };
    const last = this.lastUseWritten.get(row.id) ?? 0;
    if (Date.now() - last > LAST_USE_EVERY_MS) {
      this.lastUseWritten.set(row.id, Date.now());
      await this.db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
    }
    return { kind: "apikey", keyId: row.id, name: row.name, scopes: row.scopes, createdById: row.createdById };
  }
}
