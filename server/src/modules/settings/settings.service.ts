import type { Db, Tx } from "../../db.js";

/** Global settings with their defaults; stored values override them. */
export const DEFAULT_SETTINGS = {
  /** How many sessions one user may have at once. */
  sessionsPerUser: 2 as number,
  /** A running session with no keepalive from any viewing page for this long is reaped. */
  keepaliveExpiryS: 3600 as number,
  /** What reaping does: DESTROY removes it, STOP stops its container (resumable), PAUSE freezes it. */
  keepaliveAction: "DESTROY" as "DESTROY" | "STOP" | "PAUSE",
  /** Users without a zone launch in this zone (by name); empty: the oldest zone. */
  defaultZone: "" as string,
};

export type SettingKey = keyof typeof DEFAULT_SETTINGS;

export class SettingsService {
  constructor(private readonly db: Db) {}

  async all(): Promise<typeof DEFAULT_SETTINGS> {
    const rows = await this.db.setting.findMany();
    const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
    return { ...DEFAULT_SETTINGS, ...(stored as Partial<typeof DEFAULT_SETTINGS>) };
  }

  async get<K extends SettingKey>(key: K, tx: Tx | Db = this.db): Promise<(typeof DEFAULT_SETTINGS)[K]> {
    const row = await tx.setting.findUnique({ where: { key } });
    return (row?.value as (typeof DEFAULT_SETTINGS)[K] | undefined) ?? DEFAULT_SETTINGS[key];
  }

  async set<K extends SettingKey>(key: K, value: (typeof DEFAULT_SETTINGS)[K]) {
    await this.db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  }
}
