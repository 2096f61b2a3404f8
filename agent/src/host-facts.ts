import { readFile, statfs } from "node:fs/promises";
import os from "node:os";
import type { HostFactsInput, ResourcesInput } from "./api/generated/graphql.js";
import type { EngineInfo } from "./providers/provider.js";
import { AGENT_VERSION } from "./version.js";

const MiB = 1024 * 1024;

/** What the manager needs to know about this host: sent at registration and with every check-in. */
export async function hostFacts(opts: { hostname: string; publishHost: string; engine: EngineInfo }): Promise<HostFactsInput> {
  return {
    hostname: opts.hostname,
    cores: os.cpus().length,
    memoryMb: Math.floor(os.totalmem() / MiB),
    diskMb: await diskMb(opts.engine.dataRoot),
    gpus: 0,
    dockerVersion: opts.engine.version.slice(0, 64),
    agentVersion: AGENT_VERSION.slice(0, 64),
    publishHost: opts.publishHost,
  };
}

/** Size of the file system holding Docker's data (0 when this process cannot see it, e.g. in a container). */
async function diskMb(dataRoot: string): Promise<number> {
  if (!dataRoot) return 0;
  try {
    const s = await statfs(dataRoot);
    return Math.min(2 ** 31 - 1, Math.floor((s.blocks * s.bsize) / MiB));
  } catch {
    return 0;
  }
}

export interface CpuTimes {
  idle: number;
  total: number;
}

export const cpuTimes = (cpus: os.CpuInfo[] = os.cpus()): CpuTimes =>
  cpus.reduce(
    (acc, c) => {
      const t = c.times;
      acc.idle += t.idle;
      acc.total += t.user + t.nice + t.sys + t.idle + t.irq;
      return acc;
    },
    { idle: 0, total: 0 },
  );

/** Busy share of all cores between two samples, 0..100 (0 when no time passed). */
export function cpuPercentBetween(before: CpuTimes, after: CpuTimes): number {
  const total = after.total - before.total;
  if (total <= 0) return 0;
  const busy = total - (after.idle - before.idle);
  return Math.round(Math.min(100, Math.max(0, (busy / total) * 100)) * 10) / 10;
}

/** MemAvailable from /proc/meminfo in MiB, or null when it cannot be read. */
export function memAvailableMb(meminfo: string): number | null {
  const m = /^MemAvailable:\s+(\d+)\s+kB/m.exec(meminfo);
  return m ? Math.floor(Number(m[1]) / 1024) : null;
}

/** Live utilisation: CPU measured between one call and the next (so between check-ins). */
export class ResourceSampler {
  private last = cpuTimes();

  async sample(): Promise<ResourcesInput> {
    const now = cpuTimes();
    const cpuPercent = cpuPercentBetween(this.last, now);
    this.last = now;
    const totalMb = Math.floor(os.totalmem() / MiB);
    const available = await readFile("/proc/meminfo", "utf8")
      .then(memAvailableMb)
      .catch(() => null);
    const memoryUsedMb = Math.max(0, totalMb - (available ?? Math.floor(os.freemem() / MiB)));
    return { cpuPercent, memoryUsedMb };
  }
}
