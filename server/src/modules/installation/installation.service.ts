import type { Db } from "../../db.js";

export class InstallationService {
  private cached?: { id: string; createdAt: Date };
  constructor(private readonly db: Db) {}

  /** Creates the one Installation row on first start; never changes it afterwards. */
  async ensure(): Promise<{ id: string; createdAt: Date }> {
    if (this.cached) return this.cached;
    await this.db.$executeRaw`INSERT INTO "Installation" (id, singleton, "createdAt") VALUES (gen_random_uuid(), true, now()) ON CONFLICT (singleton) DO NOTHING`;
    const row = await this.db.installation.findUniqueOrThrow({ where: { singleton: true } });
    this.cached = { id: row.id, createdAt: row.createdAt };
    return this.cached;
  }
}
