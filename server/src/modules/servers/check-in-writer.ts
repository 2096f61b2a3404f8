import type { Db } from "../../db.js";
import { log } from "../../log.js";

interface PendingCheckIn {
  at: number;
  cpuPercent: number;
  memoryUsedMb: number;
}

interface PendingSample extends PendingCheckIn {
  serverId: string;
  sessions: number;
}

export interface CheckInWriterHooks {
  /** Servers whose rows are gone (deleted): their caches must go too. */
  gone(serverIds: string[]): void;
  /**
   * A write failed (it is tried again). While check-ins are not written, other managers' reapers
   * may judge these servers OFFLINE and end their sessions: answers kept from before must go.
   */
  failed(): void;
  /** Written, and someone asked for administrators to be told. */
  written(serverIds: string[]): Promise<void>;
}

const SAMPLE_DAYS_KEPT = 1;
const PRUNE_EVERY_MS = 10 * 60_000;
const MAX_SAMPLES_KEPT = 100_000;

/**
 * Write-behind for steady check-ins: each server's last check-in time and resources wait here and
 * are written for all servers together, once per interval, in one statement (one update per
 * check-in was most of Postgres' work at a thousand check-ins a second). Utilisation samples are
 * batched the same way. A failed write is kept and tried again on the next tick; nothing is
 * dropped. Check-ins that change something (a server coming back, new host facts) do not wait:
 * the check-in writes them itself.
 */
export class CheckInWriter {
  private pending = new Map<string, PendingCheckIn>();
  private announce = new Set<string>();
  private samples: PendingSample[] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private prunedAt = Date.now();

  constructor(private readonly db: Db, private readonly hooks: CheckInWriterHooks, private readonly intervalMs = 1000) {}

  record(serverId: string, at: Date, r: { cpuPercent: number; memoryUsedMb: number }, announce: boolean) {
    const prev = this.pending.get(serverId);
    if (!prev || prev.at <= at.getTime()) this.pending.set(serverId, { at: at.getTime(), cpuPercent: r.cpuPercent, memoryUsedMb: r.memoryUsedMb });
    if (announce) this.announce.add(serverId);
    this.schedule();
  }

  sample(serverId: string, at: Date, r: { cpuPercent: number; memoryUsedMb: number }, sessions: number) {
    this.samples.push({ serverId, at: at.getTime(), cpuPercent: r.cpuPercent, memoryUsedMb: r.memoryUsedMb, sessions });
    this.schedule();
  }

  /** Writes everything pending now (one write at a time; a call during a write waits for it and writes again). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    this.running = this.write().finally(() => (this.running = undefined));
    await this.running;
  }

  /** Stops the timer and writes what is left (manager shutdown). */
  async stop() {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private schedule() {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (!this.running) void this.flush();
    }, this.intervalMs);
    this.timer.unref();
  }

  private async write() {
    const batch = this.pending;
    const announce = this.announce;
    const samples = this.samples;
    this.pending = new Map();
    this.announce = new Set();
    this.samples = [];
    if (batch.size && !(await this.writeCheckIns(batch, announce))) {
      for (const [id, p] of batch) {
        const newer = this.pending.get(id);
        if (!newer || newer.at < p.at) this.pending.set(id, p);
      }
      for (const id of announce) this.announce.add(id);
    }
    // Samples only draw charts: while writes fail, the oldest beyond a bound are let go.
    if (samples.length && !(await this.writeSamples(samples))) this.samples = [...samples, ...this.samples].slice(-MAX_SAMPLES_KEPT);
    if (Date.now() - this.prunedAt > PRUNE_EVERY_MS) await this.prune();
  }

  /**
   * One statement for every server. The rows travel as one JSON parameter: Prisma handles a few
   * array parameters of a thousand elements each far more slowly (tens of milliseconds of this
   * process' CPU per write, measured). The time never moves backwards (another manager, or a
   * check-in that wrote at once, may have written a later one).
   */
  private async writeCheckIns(batch: Map<string, PendingCheckIn>, announce: Set<string>): Promise<boolean> {
    const rows = JSON.stringify([...batch].map(([id, p]) => ({ id, ms: p.at, cpu: p.cpuPercent, mem: p.memoryUsedMb })));
    try {
      // Answers only with the servers that are gone (no row to update): usually none.
      const missing = await this.db.$queryRaw<{ id: string }[]>`
        WITH v AS (
          SELECT r.id, to_timestamp(r.ms / 1000.0) AT TIME ZONE 'UTC' AS at, r.cpu, r.mem
          FROM json_to_recordset(${rows}::json) AS r(id uuid, ms float8, cpu float8, mem int)
        ), up AS (
          UPDATE "Server" s SET
            "lastCheckInAt" = GREATEST(s."lastCheckInAt", v.at),
            "cpuPercent" = CASE WHEN s."lastCheckInAt" IS NULL OR s."lastCheckInAt" <= v.at THEN v.cpu ELSE s."cpuPercent" END,
            "memoryUsedMb" = CASE WHEN s."lastCheckInAt" IS NULL OR s."lastCheckInAt" <= v.at THEN v.mem ELSE s."memoryUsedMb" END
          FROM v
          WHERE s.id = v.id
          RETURNING s.id
        )
        SELECT v.id::text AS id FROM v WHERE NOT EXISTS (SELECT 1 FROM up WHERE up.id = v.id)`;
      const gone = new Set(missing.map((m) => m.id));
      if (gone.size) this.hooks.gone([...gone]);
      const told = [...announce].filter((id) => !gone.has(id));
      if (told.length) await this.hooks.written(told);
      return true;
    } catch (e) {
      log.warn("writing check-ins failed; retrying next second", { servers: batch.size, error: String(e) });
      this.hooks.failed();
      return false;
    }
  }

  /** Samples of servers deleted meanwhile are dropped (the join), not an error. */
  private async writeSamples(samples: PendingSample[]): Promise<boolean> {
    const rows = JSON.stringify(samples.map((s) => ({ id: s.serverId, ms: s.at, cpu: s.cpuPercent, mem: s.memoryUsedMb, n: s.sessions })));
    try {
      await this.db.$executeRaw`
        INSERT INTO "ServerSample" ("serverId", at, "cpuPercent", "memoryUsedMb", sessions)
        SELECT r.id, to_timestamp(r.ms / 1000.0) AT TIME ZONE 'UTC', r.cpu, r.mem, r.n
        FROM json_to_recordset(${rows}::json) AS r(id uuid, ms float8, cpu float8, mem int, n int)
        JOIN "Server" s ON s.id = r.id`;
      return true;
    } catch (e) {
      log.warn("writing utilisation samples failed; retrying next second", { samples: samples.length, error: String(e) });
      return false;
    }
  }

  private async prune() {
    this.prunedAt = Date.now();
    await this.db.serverSample
      .deleteMany({ where: { at: { lt: new Date(Date.now() - SAMPLE_DAYS_KEPT * 24 * 3600_000) } } })
      .catch((e) => log.warn("pruning utilisation samples failed", { error: String(e) }));
  }
}
