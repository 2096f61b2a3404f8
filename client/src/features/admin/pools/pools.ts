import type { AdminImageFieldsFragment, AdminWarmPoolFieldsFragment, AdminZoneFieldsFragment } from "../../../generated/graphql";

type Pool = AdminWarmPoolFieldsFragment;
type Image = Pick<AdminImageFieldsFragment, "id" | "name" | "friendlyName" | "enabled" | "zoneId" | "volumes">;
type Zone = Pick<AdminZoneFieldsFragment, "id" | "name">;

/** The API's bound on a pool's size. */
export const MAX_POOL_SIZE = 100;

export type PoolTone = "ok" | "progress" | "warn" | "neutral";

/**
 * The pools worth a row, by image then zone. A pool set to 0 stays in the API's list for
 * good; it is shown only while its sessions are still ending, then it is gone from view.
 */
export function visiblePools(pools: Pool[]): Pool[] {
  return pools
    .filter((p) => p.size > 0 || p.ready + p.starting > 0)
    .sort((a, b) => a.imageName.localeCompare(b.imageName) || a.zoneName.localeCompare(b.zoneName));
}

/** One word for the pool's state: Full, Filling, Short (the API said why), Ending. */
export function poolState(p: Pool): { tone: PoolTone; text: string } {
  if (p.size === 0) return { tone: "neutral", text: "Ending" };
  if (p.message) return { tone: "warn", text: "Short" };
  if (p.ready >= p.size) return { tone: "ok", text: "Full" };
  return { tone: "progress", text: "Filling" };
}

/** The bar's colour: the accent while full or filling, amber while the pool is short. */
export function barTone(p: Pool): "ok" | "warn" {
  return p.message && p.size > 0 ? "warn" : "ok";
}

/** A typed size, checked the way the API checks it (a whole number from 0 to 100). */
export function parseSize(text: string): { size: number } | { problem: string } {
  const t = text.trim();
  const n = Number(t);
  if (t === "" || !Number.isInteger(n) || n < 0 || n > MAX_POOL_SIZE) return { problem: `A whole number from 0 to ${MAX_POOL_SIZE}.` };
  return { size: n };
}

/** Whether an image mounts folders named after its user: such sessions cannot start before a user is known. */
export function hasPerUserFolders(image: Pick<Image, "volumes">): boolean {
  return image.volumes.some((v) => /\{(username|userId)\}/.test(v.hostPath));
}

export type ImageOption = { id: string; label: string; disabled: boolean };

/** The images a pool can be made of: the enabled ones, by name; those with per-user folders shown but not choosable. */
export function imageOptions(images: Image[]): ImageOption[] {
  return images
    .filter((i) => i.enabled)
    .sort((a, b) => a.friendlyName.localeCompare(b.friendlyName))
    .map((i) => {
      const perUser = hasPerUserFolders(i);
      return { id: i.id, label: perUser ? `${i.friendlyName} (per-user folders: cannot be pooled)` : i.friendlyName, disabled: perUser };
    });
}

export type ZoneOption = { id: string; label: string; disabled: boolean };

/** The zones for the chosen image: an image restricted to one zone can be pooled only there. */
export function zoneOptions(zones: Zone[], image?: Pick<Image, "zoneId">): ZoneOption[] {
  return zones.map((z) => {
    const elsewhere = Boolean(image?.zoneId && image.zoneId !== z.id);
    return { id: z.id, label: elsewhere ? `${z.name} (the image runs only in another zone)` : z.name, disabled: elsewhere };
  });
}

/** The zone to select once an image is chosen: its own zone if it has one, else the current choice if still there, else the first. */
export function zoneForImage(zones: Zone[], image: Pick<Image, "zoneId"> | undefined, current: string): string {
  if (image?.zoneId && zones.some((z) => z.id === image.zoneId)) return image.zoneId;
  if (zones.some((z) => z.id === current)) return current;
  return zones[0]?.id ?? "";
}

/** The pool of this image in this zone, if one is on (size above 0). */
export function activePool(pools: Pool[], imageId: string, zoneId: string): Pool | undefined {
  return pools.find((p) => p.imageId === imageId && p.zoneId === zoneId && p.size > 0);
}

/** "2 pools · 3 of 4 sessions ready". */
export function poolsSummary(pools: Pool[]): string {
  const on = pools.filter((p) => p.size > 0);
  const ready = on.reduce((n, p) => n + Math.min(p.ready, p.size), 0);
  const size = on.reduce((n, p) => n + p.size, 0);
  const count = on.length === 1 ? "1 pool" : `${on.length} pools`;
  return `${count} · ${ready} of ${size} ${size === 1 ? "session" : "sessions"} ready`;
}
