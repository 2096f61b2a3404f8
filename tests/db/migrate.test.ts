// server/src/db/migrate.ts against a real Postgres: each test makes its own scratch database.
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { checksumOf, defaultMigrationsDir, migrate, MIGRATIONS_TABLE } from "../../server/src/db/migrate.js";
// @ts-expect-error plain ESM helper without type declarations
import { createScratchDb } from "../../scripts/db/scratch-db.mjs";

const repoMigrations = path.resolve(__dirname, "..", "..", "prisma", "migrations");
const repoMigrationNames = readdirSync(repoMigrations, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(path.join(repoMigrations, e.name, "migration.sql")))
  .map((e) => e.name)
  .sort();

type Scratch = { name: string; url: string; drop: () => Promise<void> };
const scratches: Scratch[] = [];
const tmpDirs: string[] = [];

async function scratchDb(): Promise<Scratch> {
  const s = (await createScratchDb("berth_migrate_scratch")) as Scratch;
  scratches.push(s);
  return s;
}

/** A migrations folder in a temp dir: { "0001_a": "sql", ... }. */
function migrationsFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "berth-migrations-"));
  tmpDirs.push(dir);
  for (const [name, sql] of Object.entries(files)) writeMigration(dir, name, sql);
  return dir;
}

function writeMigration(dir: string, name: string, sql: string) {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

afterEach(() => {
  for (const d of tmpDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

afterAll(async () => {
  for (const s of scratches.splice(0)) await s.drop();
});

describe("migrate()", () => {
  it("finds prisma/migrations of the repository by default", () => {
    expect(defaultMigrationsDir()).toBe(repoMigrations);
    expect(repoMigrationNames[0]).toBe("0001_init");
  });

  it("applies every migration once; a second run applies nothing", async () => {
    const db = await scratchDb();
    const logs: string[] = [];
    const first = await migrate(db.url, { log: (m) => logs.push(m) });
    expect(first.applied).toEqual(repoMigrationNames);

    const tables = await query<{ tablename: string }>(
      db.url,
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining(["Installation", "Zone", "Server", "Session", "User", "Image", MIGRATIONS_TABLE]),
    );
    const rows = await query<{ name: string; checksum: string; applied_at: Date }>(
      db.url,
      `SELECT name, checksum, applied_at FROM ${MIGRATIONS_TABLE} ORDER BY name`,
    );
    expect(rows.map((r) => r.name)).toEqual(repoMigrationNames);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.applied_at).toBeInstanceOf(Date);
    }
    expect(logs.some((l) => l.includes("applying 0001_init"))).toBe(true);

    const second = await migrate(db.url);
    expect(second.applied).toEqual([]);
    const after = await query(db.url, `SELECT name FROM ${MIGRATIONS_TABLE}`);
    expect(after).toHaveLength(repoMigrationNames.length);
  });

  it("applies new migrations in name order and records their sha256", async () => {
    const db = await scratchDb();
    const dir = migrationsFolder({
      "0002_b": "INSERT INTO t (n) VALUES (2);",
      "0001_a": "CREATE TABLE t (n int NOT NULL, at serial);\nINSERT INTO t (n) VALUES (1);",
    });
    expect((await migrate(db.url, { migrationsDir: dir })).applied).toEqual(["0001_a", "0002_b"]);
    writeMigration(dir, "0003_c", "INSERT INTO t (n) VALUES (3);");
    expect((await migrate(db.url, { migrationsDir: dir })).applied).toEqual(["0003_c"]);
    expect((await query<{ n: number }>(db.url, "SELECT n FROM t ORDER BY at")).map((r) => r.n)).toEqual([1, 2, 3]);
    const rows = await query<{ name: string; checksum: string }>(
      db.url,
      `SELECT name, checksum FROM ${MIGRATIONS_TABLE} WHERE name = '0003_c'`,
    );
    expect(rows[0]?.checksum).toBe(checksumOf("INSERT INTO t (n) VALUES (3);"));
  });

  it("refuses, naming the migration, when an applied migration's file changed", async () => {
    const db = await scratchDb();
    const dir = migrationsFolder({
      "0001_a": "CREATE TABLE t (n int);",
      "0002_b": "INSERT INTO t VALUES (2);",
    });
    await migrate(db.url, { migrationsDir: dir });
    writeMigration(dir, "0002_b", "INSERT INTO t VALUES (2), (22);");
    writeMigration(dir, "0003_c", "INSERT INTO t VALUES (3);");
    await expect(migrate(db.url, { migrationsDir: dir })).rejects.toThrow(/migration 0002_b was changed after it was applied/);
    // Nothing else was applied.
    expect(await query(db.url, "SELECT n FROM t")).toHaveLength(1);
    expect(await query(db.url, `SELECT name FROM ${MIGRATIONS_TABLE}`)).toHaveLength(2);
    // Restored, the pending one applies.
    writeMigration(dir, "0002_b", "INSERT INTO t VALUES (2);");
    expect((await migrate(db.url, { migrationsDir: dir })).applied).toEqual(["0003_c"]);
  });

  it("ignores CRLF vs LF line ends in checksums", () => {
    expect(checksumOf("a;\r\nb;\r\n")).toBe(checksumOf("a;\nb;\n"));
    expect(checksumOf("a;\nb;\n")).not.toBe(checksumOf("a;\nb;\nc;\n"));
  });

  it("rolls a failing migration back and names it", async () => {
    const db = await scratchDb();
    const dir = migrationsFolder({
      "0001_a": "CREATE TABLE t (n int);",
      "0002_bad": "CREATE TABLE u (n int);\nINSERT INTO t VALUES ('not a number');",
    });
    await expect(migrate(db.url, { migrationsDir: dir })).rejects.toThrow(/migration 0002_bad failed and was rolled back/);
    const recorded = await query<{ name: string }>(db.url, `SELECT name FROM ${MIGRATIONS_TABLE}`);
    expect(recorded.map((r) => r.name)).toEqual(["0001_a"]);
    expect(await query(db.url, "SELECT 1 FROM pg_tables WHERE tablename = 'u'")).toHaveLength(0);
    // Fixed, it applies.
    writeMigration(dir, "0002_bad", "CREATE TABLE u (n int);");
    expect((await migrate(db.url, { migrationsDir: dir })).applied).toEqual(["0002_bad"]);
  });

  it("two concurrent calls apply each migration exactly once", async () => {
    const db = await scratchDb();
    // A slow migration keeps the first caller busy while the second arrives.
    const dir = migrationsFolder({
      "0001_a": "CREATE TABLE t (n int NOT NULL);",
      "0002_slow": "SELECT pg_sleep(0.5);\nINSERT INTO t VALUES (2);",
      "0003_c": "INSERT INTO t VALUES (3);",
    });
    const logs: string[] = [];
    const results = await Promise.all([
      migrate(db.url, { migrationsDir: dir, log: (m) => logs.push(`A ${m}`) }),
      migrate(db.url, { migrationsDir: dir, log: (m) => logs.push(`B ${m}`) }),
    ]);
    const all = results.flatMap((r) => r.applied).sort();
    expect(all).toEqual(["0001_a", "0002_slow", "0003_c"]);
    expect(results.some((r) => r.applied.length === 0)).toBe(true);
    expect(logs.some((l) => l.includes("waiting for it"))).toBe(true);
    expect((await query<{ n: number }>(db.url, "SELECT n FROM t ORDER BY n")).map((r) => r.n)).toEqual([2, 3]);
  });

  it("two concurrent calls apply the real migrations exactly once", async () => {
    const db = await scratchDb();
    const results = await Promise.all([migrate(db.url), migrate(db.url), migrate(db.url)]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(repoMigrationNames);
    expect(await query(db.url, `SELECT name FROM ${MIGRATIONS_TABLE}`)).toHaveLength(repoMigrationNames.length);
  });

  it("runs a migration marked berth:no-transaction outside a transaction", async () => {
    const db = await scratchDb();
    const dir = migrationsFolder({
      "0001_a": "CREATE TABLE t (n int);",
      "0002_idx": "-- berth:no-transaction\nCREATE INDEX CONCURRENTLY t_n_idx ON t (n);",
    });
    expect((await migrate(db.url, { migrationsDir: dir })).applied).toEqual(["0001_a", "0002_idx"]);
    expect(await query(db.url, "SELECT 1 FROM pg_indexes WHERE indexname = 't_n_idx'")).toHaveLength(1);
  });
});
