#!/usr/bin/env node
// Makes the next migration from the change to prisma/schema.prisma.
//
//   node scripts/db/new-migration.mjs <name>     (npm run db:migration -- <name>)
//   node scripts/db/new-migration.mjs --check    exit 1 if schema.prisma has changes with no migration
//
// It diffs the schema snapshot kept beside the last migration (prisma/migrations/NNNN_x/schema.prisma)
// to the current prisma/schema.prisma with Prisma's schema engine (WebAssembly build), and writes
// prisma/migrations/NNNN_<name>/migration.sql plus a new snapshot. With no migration yet, it diffs
// from an empty database. No shadow database is used; the engine only needs a reachable Postgres
// to render SQL for (DATABASE_URL, else BERTH_TEST_PG_ADMIN_URL, else
// postgres://berth:berth@127.0.0.1:5432/postgres). Nothing is written to that database.
//
// Options: --schema <file> (default prisma/schema.prisma), --dir <migrations dir>
// (default prisma/migrations), --url <postgres url>. See docs/database.md.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import {
  defaultAdminUrl,
  diffScript,
  isEmptyScript,
  migrationsDir as defaultMigrationsDir,
  schemaPath as defaultSchemaPath,
  schemaTarget,
  startEngine,
} from "./schema-engine.mjs";

export const MIGRATION_DIR_RE = /^(\d{4})_([a-z0-9_]+)$/;
export const SNAPSHOT = "schema.prisma";

function usage(msg) {
  if (msg) console.error(msg);
  console.error("usage: node scripts/db/new-migration.mjs <name> [--schema FILE] [--dir DIR] [--url URL]");
  console.error("       node scripts/db/new-migration.mjs --check [--schema FILE] [--dir DIR] [--url URL]");
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { name: undefined, check: false, schema: defaultSchemaPath, dir: defaultMigrationsDir, url: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === "--check") opts.check = true;
    else if (a === "--schema") opts.schema = path.resolve(next());
    else if (a === "--dir") opts.dir = path.resolve(next());
    else if (a === "--url") opts.url = next();
    else if (a === "-h" || a === "--help") usage();
    else if (a.startsWith("-")) usage(`unknown option ${a}`);
    else if (opts.name === undefined) opts.name = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!opts.check && !opts.name) usage("a migration name is required");
  return opts;
}

/** "Add user email" -> "add_user_email" */
export function slug(name) {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!s) throw new Error(`migration name ${JSON.stringify(name)} has no letters or digits`);
  return s.slice(0, 60);
}

/**
 * Diffing from an empty database, the engine starts with `CREATE SCHEMA IF NOT EXISTS "public"`.
 * Postgres checks the CREATE privilege on the database before IF NOT EXISTS, so on a database
 * Berth's role does not own that line fails although "public" always exists. Leave it out.
 */
export function dropPublicSchemaCreation(sql) {
  return sql.replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n?/m, "");
}

/** Existing migration folders, in name order. */
export async function listMigrations(dir) {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

/**
 * Computes the SQL that takes the last migration's snapshot (or an empty database) to `schemaFile`.
 * Returns { sql, empty, previous, nextName }.
 */
export async function planMigration({ schema, dir, url, name }) {
  const current = await readFile(schema, "utf8");
  const existing = await listMigrations(dir);
  const previous = existing.at(-1);
  let from = { tag: "empty" };
  if (previous) {
    const snap = path.join(dir, previous, SNAPSHOT);
    if (!existsSync(snap)) {
      throw new Error(
        `${path.relative(process.cwd(), snap)} is missing: every migration keeps the schema it was made from. ` +
          `Restore it, e.g. from git: git show <commit-of-that-migration>:prisma/schema.prisma > ${snap}`,
      );
    }
    from = schemaTarget(await readFile(snap, "utf8"), snap);
  }
  const { engine, close } = await startEngine(url);
  let sql;
  try {
    sql = dropPublicSchemaCreation(await diffScript(engine, from, schemaTarget(current, schema)));
  } finally {
    await close();
  }
  let nextName;
  if (name !== undefined) {
    const numbers = existing.map((n) => Number(n.slice(0, 4))).filter((n) => Number.isInteger(n));
    const next = (numbers.length ? Math.max(...numbers) : 0) + 1;
    nextName = `${String(next).padStart(4, "0")}_${slug(name)}`;
  }
  return { sql, empty: isEmptyScript(sql), previous, nextName, current };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const url = opts.url ?? process.env.DATABASE_URL ?? process.env.BERTH_TEST_PG_ADMIN_URL ?? defaultAdminUrl;
  const plan = await planMigration({ schema: opts.schema, dir: opts.dir, url, name: opts.name });
  const rel = (p) => path.relative(process.cwd(), p) || ".";

  if (opts.check) {
    if (plan.empty) {
      console.log(`no changes: ${rel(opts.schema)} matches the last migration (${plan.previous ?? "none"})`);
      return;
    }
    console.error(`${rel(opts.schema)} has changes with no migration; run: npm run db:migration -- <name>\n`);
    console.error(plan.sql);
    process.exitCode = 1;
    return;
  }

  if (plan.empty) {
    console.log("no changes");
    return;
  }
  const target = path.join(opts.dir, plan.nextName);
  if (existsSync(target)) throw new Error(`${rel(target)} already exists`);
  await mkdir(target, { recursive: true });
  const header =
    `-- Migration ${plan.nextName}: generated by scripts/db/new-migration.mjs from ` +
    `${plan.previous ? `${plan.previous}/${SNAPSHOT}` : "an empty database"} to prisma/schema.prisma.\n` +
    `-- Applied by server/src/db/migrate.ts in one transaction. Do not edit once applied anywhere.\n\n`;
  await writeFile(path.join(target, "migration.sql"), header + plan.sql);
  await writeFile(path.join(target, SNAPSHOT), plan.current);
  console.log(`wrote ${rel(path.join(target, "migration.sql"))}`);
  console.log(`wrote ${rel(path.join(target, SNAPSHOT))} (snapshot the next migration diffs from)`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
