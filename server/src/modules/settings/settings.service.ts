import type { Db, Tx } from "../../db.js";

/** Global settings with their defaults; stored values override them. */
export const DEFAULT_SETTINGS = {
  /** How many sessions one user may have at once. */
  sessionsPerUser: 2,
} as const;

export type SettingKey = keyof typeof DEFAULT_SETTINGS;

export class SettingsService {
  constructor(private readonly db: Db) {}

  async get<K extends SettingKey>(key: K, tx: Tx | Db = this.db): Promise<(typeof DEFAULT_SETTINGS)[K]> {
    const row = await tx.setting.findUnique({ where: { key } });
    return (row?.value as (typeof DEFAULT_SETTINGS)[K] | undefined) ?? DEFAULT_SETTINGS[key];
  }

  async set<K extends SettingKey>(key: K, value: (typeof DEFAULT_SETTINGS)[K]) {
    await this.db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  }
}
