// Throwaway Postgres databases for tests and tools: createScratchDb() makes one named
// <prefix>_<random> through the admin URL (BERTH_TEST_PG_ADMIN_URL, default
// postgres://berth:berth@127.0.0.1:5432/postgres; the role needs CREATEDB) and drop() removes it.
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function adminUrl() {
  return process.env.BERTH_TEST_PG_ADMIN_URL || "postgres://berth:berth@127.0.0.1:5432/postgres";
}

/** The admin URL with its database replaced by `database`. */
export function urlFor(database, base = adminUrl()) {
  const u = new URL(base);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function withAdmin(fn) {
  const pg = require("pg");
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createScratchDb(prefix = "berth_migrate_scratch") {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error(`bad database name prefix ${prefix}`);
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: urlFor(name),
    drop: () => dropDb(name),
  };
}

/**
 * DROP ... WITH (FORCE) ends the database's connections, but a non-superuser cannot end an
 * autovacuum worker, which PostgreSQL may have started on a fresh database a moment ago (the
 * error is 42501): such a worker finishes within moments, so try again for a few seconds.
 */
async function dropDb(name) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    } catch (e) {
      if (e?.code !== "42501" || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
