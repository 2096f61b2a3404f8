import type { Db } from "../../db.js";
import type { Actor } from "../../auth/actor.js";
import { isAdmin } from "../../auth/actor.js";
import { requireUser } from "../../auth/policy.js";

export interface ImageSeed {
  name: string;
  friendlyName: string;
  description?: string;
  ref: string;
  cores?: number;
  memoryMb?: number;
  categories?: string[];
}

export class ImageService {
  constructor(private readonly db: Db) {}

  /** Users see enabled images; administrators see every image. */
  list(actor: Actor) {
    requireUser(actor);
    return this.db.image.findMany({
      where: isAdmin(actor) ? {} : { enabled: true },
      orderBy: { friendlyName: "asc" },
    });
  }

  /** Registers or updates an image by name (used by set-up for the default images). */
  upsert(seed: ImageSeed) {
    const data = {
      friendlyName: seed.friendlyName,
      description: seed.description ?? "",
      ref: seed.ref,
      cores: seed.cores ?? 1,
      memoryMb: seed.memoryMb ?? 512,
      categories: seed.categories ?? [],
    };
    return this.db.image.upsert({ where: { name: seed.name }, create: { name: seed.name, ...data }, update: data });
  }
}
