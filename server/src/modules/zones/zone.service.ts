import type { Db } from "../../db.js";
import { hashToken, newToken } from "../../auth/tokens.js";

export class ZoneService {
  constructor(private readonly db: Db) {}

  /** The zone named `name`, created if missing (set-up makes "default"). */
  async ensure(name: string) {
    return this.db.zone.upsert({ where: { name }, create: { name }, update: {} });
  }

  /** A new enrollment token for a zone. The plain token is returned once and stored hashed. */
  async createEnrollmentToken(zoneId: string, name = "") {
    const token = newToken("bz");
    await this.db.enrollmentToken.create({ data: { zoneId, name, tokenHash: hashToken(token), prefix: token.slice(0, 8) } });
    return token;
  }

  /** The zone an enrollment token admits to, or null if it is unknown or revoked. */
  async zoneForEnrollmentToken(token: string) {
    const row = await this.db.enrollmentToken.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!row || row.revokedAt) return null;
    return row.zoneId;
  }
}
