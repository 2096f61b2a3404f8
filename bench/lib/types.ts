import type Docker from "dockerode";
import type { ApiClient } from "../../tests/support/api.js";
import type { BenchUser } from "./users.js";

/** One line of the printed table. Numbers are milliseconds unless `unit` says otherwise. */
export interface Row {
  metric: string;
  berth: number | string;
  baseline?: number | string;
  unit?: string;
  /** berth / baseline (or whatever the goal compares), when it means something. */
  ratio?: number;
  goal?: string;
  met?: boolean;
}

export interface Goal {
  text: string;
  met: boolean;
}

export interface Outcome {
  rows: Row[];
  goals: Goal[];
  /** Everything measured, for the JSON file (samples, per-step numbers, breakdowns). */
  data: Record<string, unknown>;
  notes?: string[];
}

export interface Result extends Outcome {
  name: string;
  title: string;
  startedAt: string;
  durationS: number;
  error?: string;
}

/** What every benchmark gets: the running test stack and a few shared helpers. */
export interface BenchContext {
  docker: Docker;
  installationId: string;
  /** The tiny test image as registered (id, ref and the limits its sessions get). */
  tiny: { id: string; ref: string; cores: number; memoryMb: number; shmMb: number; network: string };
  /** `n` signed-in users (created on first need; the same ones are handed out again later). */
  users(n: number): Promise<BenchUser[]>;
  /** The administrator, signed in through nginx (vitest's inject() is not available here). */
  admin(): Promise<ApiClient>;
  log(message: string): void;
}

/** A benchmark: `run` measures Berth and its baseline side by side and says which goals were met. */
export interface Benchmark {
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<Outcome>;
}
