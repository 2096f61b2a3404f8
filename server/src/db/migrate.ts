// Applies prisma/migrations/*/migration.sql to a Postgres database. See docs/database.md.
//
// - Files are applied in name order (0001_init, 0002_..., ...), each in its own transaction,
//   and recorded in berth_migrations (name, sha256 checksum, applied_at).
// - A session-level advisory lock serialises concurrent callers (several managers starting at
//   once): the second waits, then finds everything applied.
// - An applied migration whose file changed is refused: migrate() throws naming it, before
//   applying anything.
// - Uses pg directly, not Prisma, so it runs before any Prisma client exists.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export interface MigrateOptions {
  /** Folder holding one sub-folder per migration, each with a migration.sql. */
  migrationsDir?: string;
  log?: (msg: string) => void;
}

export interface MigrateResult {
  /** Names of the migrations this call applied, in order (empty when up to date). */
  applied: string[];
}

export const MIGRATIONS_TABLE = "berth_migrations";

/** Key of the advisory lock held while migrating: an arbitrary constant, "berthmig" read as a bigint. */
export const MIGRATION_LOCK_KEY = "7090199032658487655";

/** A migration that contains this line runs outside a transaction (e.g. CREATE INDEX CONCURRENTLY). */
const NO_TRANSACTION_MARKER = /^--\s*berth:no-transaction\s*$/m;

export interface MigrationFile {
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

/**
 * sha256 of the migration text, with CRLF line ends read as LF so a checkout with other line-end
 * settings does not look like an edited migration.
 */
export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n"), "utf8").digest("hex");
}

/**
 * The default migrations folder: prisma/migrations in the nearest folder at or above this file
 * (server/src/db in the source tree, dist/server/src/db once compiled) or the working directory.
 */
export function defaultMigrationsDir(): string {
  const env = process.env.BERTH_MIGRATIONS_DIR;
  if (env) return path.resolve(env);
  const starts = [__dirname, process.cwd()];
  for (const start of starts) {
    let dir = path.resolve(start);
    for (;;) {
      const candidate = path.join(dir, "prisma", "migrations");
      if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(
    `cannot find prisma/migrations above ${__dirname} or ${process.cwd()}; pass migrationsDir or set BERTH_MIGRATIONS_DIR`,
  );
}

/** Reads every <dir>/<name>/migration.sql, sorted by name. */
export function readMigrations(migrationsDir: string): MigrationFile[] {
  if (!existsSync(migrationsDir)) throw new Error(`migrations folder ${migrationsDir} does not exist`);
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .flatMap((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      if (!existsSync(file)) return [];
      const sql = readFileSync(file, "utf8");
      return [{ name, file, sql, checksum: checksumOf(sql) }];
    });
}

interface AppliedRow {
  name: string;
  checksum: string;
}

export async function migrate(connectionString: string, opts: MigrateOptions = {}): Promise<MigrateResult> {
  const log = opts.log ?? (() => {});
  const migrationsDir = opts.migrationsDir ?? defaultMigrationsDir();
  const migrations = readMigrations(migrationsDir);

  const client = new pg.Client({ connectionString, application_name: "berth-migrate" });
  // An idle client that loses its connection emits 'error'; without a listener that would crash
  // the process. Failures during queries still reject the query's promise.
  client.on("error", (err) => log(`migrate: connection error: ${err.message}`));
  await client.connect();
  const applied: string[] = [];
  let locked = false;
  try {
    // Session-level lock: held across the per-migration transactions, released on unlock or
    // when the connection closes (so a crashed migrator never leaves it held).
    const got = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS ok", [
      MIGRATION_LOCK_KEY,
    ]);
    if (!got.rows[0]?.ok) {
      log("migrate: another process is migrating this database; waiting for it");
      await client.query("SELECT pg_advisory_lock($1::bigint)", [MIGRATION_LOCK_KEY]);
    }
    locked = true;

    await client.query(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
      name       text PRIMARY KEY,
      checksum   text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<AppliedRow>(`SELECT name, checksum FROM ${MIGRATIONS_TABLE} ORDER BY name`);
    const done = new Map(rows.map((r) => [r.name, r.checksum]));

    // Refuse before applying anything if history was rewritten.
    const changed = migrations.filter((m) => done.has(m.name) && done.get(m.name) !== m.checksum);
    if (changed.length > 0) {
      const names = changed.map((m) => m.name).join(", ");
      throw new Error(
        `migration ${names} was changed after it was applied to this database ` +
          `(${changed.map((m) => `${m.file}: sha256 ${m.checksum}, applied ${done.get(m.name)}`).join("; ")}). ` +
          `Applied migrations must not be edited: restore the file and put the change in a new migration.`,
      );
    }
    const known = new Set(migrations.map((m) => m.name));
    const unknown = rows.filter((r) => !known.has(r.name)).map((r) => r.name);
    if (unknown.length > 0) {
      log(`migrate: the database has migrations this build does not know (a newer version ran here?): ${unknown.join(", ")}`);
    }

    const pending = migrations.filter((m) => !done.has(m.name));
    const lastApplied = rows.at(-1)?.name;
    for (const m of pending) {
      if (lastApplied !== undefined && m.name < lastApplied) {
        log(`migrate: ${m.name} sorts before the already applied ${lastApplied}; applying it now`);
      }
      log(`migrate: applying ${m.name}`);
      const started = Date.now();
      const inTransaction = !NO_TRANSACTION_MARKER.test(m.sql);
      try {
        if (inTransaction) await client.query("BEGIN");
        // No parameters: pg sends it as a simple query, so a file may hold many statements.
        await client.query(m.sql);
        await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (name, checksum) VALUES ($1, $2)`, [m.name, m.checksum]);
        if (inTransaction) await client.query("COMMIT");
      } catch (err) {
        if (inTransaction) await client.query("ROLLBACK").catch(() => {});
        const msg = err instanceof Error ? err.message : String(err);
        throw new Error(`migration ${m.name} failed${inTransaction ? " and was rolled back" : ""}: ${msg}`, {
          cause: err,
        });
      }
      applied.push(m.name);
      log(`migrate: applied ${m.name} in ${Date.now() - started} ms`);
    }
    if (applied.length === 0) log(`migrate: up to date (${migrations.length} migrations)`);
    return { applied };
  } finally {
    if (locked) await client.query("SELECT pg_advisory_unlock($1::bigint)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}
