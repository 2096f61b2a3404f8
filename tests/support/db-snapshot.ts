import { createHash } from "node:crypto";
import pg from "pg";
import { env } from "./env.js";

/**
 * A fingerprint of everything stored, to show that a run of bad input changed nothing: per table,
 * the row count and a hash of the rows. Columns that move on their own (heartbeats, check-in
 * times, load) are left out, and so are the tables that record traffic by design (the audit log,
 * utilisation samples); the caller counts those separately.
 */
const VOLATILE: Record<string, string[]> = {
  Server: ["lastCheckInAt", "cpuPercent", "memoryUsedMb"],
  ServerImage: ["updatedAt"],
  Session: ["updatedAt", "lastKeepaliveAt"],
  Manager: ["heartbeatAt"],
  ShareViewer: ["lastSeenAt"],
  ApiKey: ["lastUsedAt"],
  Setting: ["updatedAt"],
  Image: ["updatedAt"],
};
export const TRAFFIC_TABLES = ["AuditEvent", "ServerSample"];
const SKIPPED = new Set([...TRAFFIC_TABLES, "berth_migrations"]);

export interface TableFingerprint {
  rows: number;
  hash: string;
  /** Row texts, kept so a difference can be shown. */
  texts: string[];
}
export type DbSnapshot = Record<string, TableFingerprint>;

export async function dbSnapshot(): Promise<DbSnapshot> {
  const c = new pg.Client({ connectionString: env.databaseUrl });
  await c.connect();
  try {
    const tables = (await c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)).rows
      .map((r) => r.table_name as string)
      .filter((t) => !SKIPPED.has(t));
    const out: DbSnapshot = {};
    for (const t of tables) {
      const { rows } = await c.query(`SELECT * FROM "${t}"`);
      const texts = rows.map((r) => stable(omit(r, VOLATILE[t] ?? []))).sort();
      out[t] = { rows: rows.length, hash: createHash("sha256").update(texts.join("\n")).digest("hex").slice(0, 16), texts };
    }
    return out;
  } finally {
    await c.end();
  }
}

/** Rows of the traffic tables, to report what a run added. */
export async function trafficCounts(): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: env.databaseUrl });
  await c.connect();
  try {
    const out: Record<string, number> = {};
    for (const t of TRAFFIC_TABLES) out[t] = Number((await c.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
    return out;
  } finally {
    await c.end();
  }
}

/** Tables whose fingerprint differs, with the rows that appeared or vanished (a few of each). */
export function snapshotDiff(before: DbSnapshot, after: DbSnapshot): Record<string, { gone: string[]; new: string[] }> {
  const out: Record<string, { gone: string[]; new: string[] }> = {};
  for (const t of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[t]?.texts ?? [];
    const b = after[t]?.texts ?? [];
    if (before[t]?.hash === after[t]?.hash) continue;
    const inB = new Set(b);
    const inA = new Set(a);
    out[t] = { gone: a.filter((x) => !inB.has(x)).slice(0, 3), new: b.filter((x) => !inA.has(x)).slice(0, 3) };
  }
  return out;
}

const omit = (row: Record<string, unknown>, keys: string[]) => Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));
const stable = (row: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))));
