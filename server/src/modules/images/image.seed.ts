import type { Db } from "../../db.js";

export interface ImageSeed {
  name: string;
  friendlyName: string;
  description?: string;
  ref: string;
  cores?: number;
  memoryMb?: number;
  shmMb?: number;
  categories?: string[];
  thumbnailUrl?: string;
}

/**
 * Registers or updates a default image by name (set-up). Agents pick it up at their
 * next check-in; an administrator's later edits to other settings are kept.
 */
export function seedImage(db: Db, seed: ImageSeed) {
  const data = {
    friendlyName: seed.friendlyName,
    description: seed.description ?? "",
    ref: seed.ref,
    cores: seed.cores ?? 1,
    memoryMb: seed.memoryMb ?? 512,
    shmMb: seed.shmMb ?? 64,
    categories: seed.categories ?? [],
    thumbnailUrl: seed.thumbnailUrl ?? "",
  };
  return db.image.upsert({ where: { name: seed.name }, create: { name: seed.name, ...data }, update: { ref: seed.ref } });
}
