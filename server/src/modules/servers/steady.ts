import type { CheckInInput, HostFactsInput } from "./agent.inputs.js";

/** Administrators hear of a steady server's resources when they move this much, or after this long. */
const CPU_NOISE_PERCENT = 5;
const MEMORY_NOISE = 0.02;
const PUBLISH_EVERY_MS = 60_000;

/** Host facts and image reports compared as text: any difference takes the full path (and writes at once). */
export const hostKey = (h: HostFactsInput) =>
  JSON.stringify([h.hostname, h.cores, h.memoryMb, h.diskMb, h.gpus, h.dockerVersion, h.agentVersion, h.publishHost]);
export const imagesKey = (images: CheckInInput["images"]) =>
  JSON.stringify(images.map((i) => [i.ref, i.status, i.progress, i.message]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));

/** Whether administrators should hear of these resources (beyond noise, or not told for a while). */
export function resourcesMoved(told: { cpuPercent: number; memoryUsedMb: number; at: number }, r: CheckInInput["resources"], memoryMb: number, now: number): boolean {
  return (
    Math.abs(r.cpuPercent - told.cpuPercent) >= CPU_NOISE_PERCENT ||
    Math.abs(r.memoryUsedMb - told.memoryUsedMb) >= Math.max(1, memoryMb * MEMORY_NOISE) ||
    now - told.at >= PUBLISH_EVERY_MS
  );
}

