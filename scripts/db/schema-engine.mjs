// Loads Prisma's schema engine (the WebAssembly build, @prisma/schema-engine-wasm) without
// `--experimental-wasm-modules` and without any engine download, and runs it through a
// @prisma/adapter-pg connection. Used by new-migration.mjs and tests/db/*.test.ts.
// See docs/database.md.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const schemaPath = path.join(repoRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(repoRoot, "prisma", "migrations");

export const defaultAdminUrl = "postgres://berth:berth@127.0.0.1:5432/postgres";

let loaded;

/** Instantiates the wasm module once per process and returns the SchemaEngine class. */
export async function loadSchemaEngineModule() {
  if (!loaded) {
    loaded = (async () => {
      // The package's "exports" hide package.json: locate it through an exported file.
      let pkgDir;
      try {
        pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
      } catch {
        throw new Error("@prisma/schema-engine-wasm is not installed (it is a devDependency): run npm ci");
      }
      const enginesVersion = require("@prisma/engines-version/package.json").version;
      const wasmPkgVersion = JSON.parse(await readFile(path.join(pkgDir, "package.json"), "utf8")).version;
      if (enginesVersion !== wasmPkgVersion) {
        throw new Error(
          `@prisma/schema-engine-wasm ${wasmPkgVersion} does not match @prisma/engines-version ${enginesVersion}; ` +
            `install the matching one: npm install -D @prisma/schema-engine-wasm@${enginesVersion}`,
        );
      }
      const bg = await import(pathToFileURL(path.join(pkgDir, "schema_engine_bg.js")).href);
      const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
      const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
      bg.__wbg_set_wasm(instance.exports);
      instance.exports.__wbindgen_start();
      return bg;
    })();
  }
  return loaded;
}

/** Turns a postgres URL into discrete pg options (see note in makeAdapter). */
export function pgConfigFromUrl(url) {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
  };
}

/**
 * A PrismaPg adapter factory for `url`. It is given discrete options rather than a
 * connectionString: PrismaPg's connectToShadowDb() spreads `{ ...config, database }`, and pg
 * lets a connectionString override `database`, so with a connectionString the "shadow"
 * database would silently be the main one.
 */
export function makeAdapter(url) {
  const { PrismaPg } = require("@prisma/adapter-pg");
  // The engine expects what Prisma itself hands it: a factory whose methods are bound and
  // return Result values ({ ok, value | error }) instead of throwing. driver-adapter-utils is a
  // dependency of @prisma/adapter-pg; resolve it from there.
  const adapterRequire = createRequire(require.resolve("@prisma/adapter-pg"));
  const { bindMigrationAwareSqlAdapterFactory } = adapterRequire("@prisma/driver-adapter-utils");
  const pg = adapterRequire("pg");
  const raw = new PrismaPg({ ...pgConfigFromUrl(url), max: 4, Client: charAsTextClient(pg) });
  // Keep what the engine opens: SchemaEngine#free() does not close it, so close() must.
  const opened = [];
  const factory = {
    provider: raw.provider,
    adapterName: raw.adapterName,
    connect: async () => {
      const a = await raw.connect();
      opened.push(a);
      return a;
    },
    connectToShadowDb: async () => {
      const a = await raw.connectToShadowDb();
      opened.push(a);
      return a;
    },
  };
  return {
    adapter: bindMigrationAwareSqlAdapterFactory(factory),
    close: async () => {
      for (const a of opened.splice(0)) await a.dispose().catch(() => {});
    },
  };
}

/**
 * When the engine reads a live database it queries pg_catalog columns of Postgres's internal
 * one-byte type "char" (OID 18: relkind, contype, ...), which @prisma/adapter-pg 7.10 rejects
 * ("Column type 'char' could not be deserialized"). Its values arrive as text anyway, so a
 * pg.Client subclass relabels those result columns as text (OID 25). Only this tool uses it.
 */
function charAsTextClient(pg) {
  const relabel = (res) => {
    for (const r of Array.isArray(res) ? res : [res]) {
      for (const f of r?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
    }
    return res;
  };
  return class CharAsTextClient extends pg.Client {
    query(...args) {
      // pg.Pool#query calls client.query(text, values, callback); the adapter's transactions
      // use the promise form. Relabel in both.
      const last = args.length - 1;
      if (typeof args[last] === "function") {
        const cb = args[last];
        args[last] = (err, res) => cb(err, err ? res : relabel(res));
      }
      const ret = super.query(...args);
      return ret && typeof ret.then === "function" ? ret.then(relabel) : ret;
    }
  };
}

/**
 * Starts a SchemaEngine bound to the database at `url` (it needs a reachable Postgres even for
 * schema-to-schema diffs). Returns { engine, close }; call close() when done. `log` receives
 * the engine's log lines (JSON).
 */
export async function startEngine(url, { log } = {}) {
  const bg = await loadSchemaEngineModule();
  const { adapter, close } = makeAdapter(url);
  let engine;
  try {
    engine = await bg.SchemaEngine.new({ datamodels: undefined }, (msg) => log?.(msg), adapter);
  } catch (err) {
    await close();
    throw err;
  }
  return {
    engine,
    /** Frees the engine and closes its database connections. */
    close: async () => {
      engine.free();
      await close();
    },
  };
}

/**
 * Entities the engine must leave alone: berth_migrations belongs to server/src/db/migrate.ts,
 * not to the Prisma schema (the engine wants schema-qualified names here).
 */
export const filters = { externalTables: ["public.berth_migrations"], externalEnums: [] };

/** Diff target for a Prisma schema given as text. */
export function schemaTarget(content, filePath = "schema.prisma") {
  return { tag: "schemaDatamodel", files: [{ path: filePath, content }] };
}

/**
 * Diff target for the live database the engine is bound to (introspected through the adapter;
 * the schema's datasource block only tells the provider).
 */
export function databaseTarget(schemaContent, filePath = schemaPath) {
  return { tag: "schemaDatasource", files: [{ path: filePath, content: schemaContent }], configDir: repoRoot };
}

/** Returns the SQL script that takes `from` to `to` (a comment only when there is nothing to do). */
export async function diffScript(engine, from, to) {
  const res = await engine.diff({ from, to, script: true, exitCode: null, filters });
  return res.stdout ?? "";
}

/**
 * SQL that would take the database at `url` to `schemaContent`: empty (see isEmptyScript) when
 * the database matches the schema.
 */
export async function diffDatabaseToSchema(url, schemaContent, filePath = schemaPath) {
  const { engine, close } = await startEngine(url);
  try {
    return await diffScript(engine, databaseTarget(schemaContent, filePath), schemaTarget(schemaContent, filePath));
  } finally {
    await close();
  }
}

/** True when a diff script contains no statements (only comments / whitespace). */
export function isEmptyScript(sql) {
  return (
    sql
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("--")).length === 0
  );
}
