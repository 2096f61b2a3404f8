import type { UpdateServerInput } from "../../../generated/graphql";

export type CapacityForm = { cores: string; memoryGb: string; zoneId: string; pruneImages: boolean };
type Current = { coresOverride?: number | null; memoryMbOverride?: number | null; zoneId: string; pruneImages: boolean };

export function capacityForm(s: Current): CapacityForm {
  return {
    cores: s.coresOverride == null ? "" : String(s.coresOverride),
    memoryGb: s.memoryMbOverride == null ? "" : String(+(s.memoryMbOverride / 1024).toFixed(2)),
    zoneId: s.zoneId,
    pruneImages: s.pruneImages,
  };
}

/** What is wrong with the form, per field, in words; empty when it can be sent. */
export function capacityProblems(f: CapacityForm): Partial<Record<"cores" | "memoryGb", string>> {
  const out: Partial<Record<"cores" | "memoryGb", string>> = {};
  if (f.cores.trim() && !(Number(f.cores) > 0 && Number(f.cores) <= 4096)) out.cores = "Enter a number of cores above 0, or leave it empty to use what the host reports.";
  if (f.memoryGb.trim() && !(Number(f.memoryGb) > 0 && Number(f.memoryGb) * 1024 <= 2 ** 30)) out.memoryGb = "Enter memory in GB above 0, or leave it empty to use what the host reports.";
  return out;
}

/**
 * The updates that turn `current` into the form, in order. The API's clearOverrides drops
 * both overrides at once, so clearing just one takes two calls: clear both, then set the other.
 */
export function capacityUpdates(current: Current, f: CapacityForm): UpdateServerInput[] {
  const cores = f.cores.trim() ? Number(f.cores) : null;
  const memory = f.memoryGb.trim() ? Math.round(Number(f.memoryGb) * 1024) : null;
  const clearing = (current.coresOverride != null && cores === null) || (current.memoryMbOverride != null && memory === null);
  const main: UpdateServerInput = {};
  if (f.zoneId !== current.zoneId) main.zoneId = f.zoneId;
  if (f.pruneImages !== current.pruneImages) main.pruneImages = f.pruneImages;
  const sets: UpdateServerInput = {};
  if (cores !== null && (clearing || cores !== current.coresOverride)) sets.coresOverride = cores;
  if (memory !== null && (clearing || memory !== current.memoryMbOverride)) sets.memoryMbOverride = memory;

  if (clearing) {
    const first = { ...main, clearOverrides: true };
    return Object.keys(sets).length ? [first, sets] : [first];
  }
  const merged = { ...main, ...sets };
  return Object.keys(merged).length ? [merged] : [];
}
