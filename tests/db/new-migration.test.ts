// scripts/db/new-migration.mjs on a copy of the schema and migrations (the repository's files are
// not touched): a schema change gives NNNN_<name>/migration.sql + a snapshot, no change gives
// "no changes", and the result applies with migrate() to a database that matches the new schema.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../server/src/db/migrate.js";
// @ts-expect-error plain ESM helper without type declarations
import { adminUrl, createScratchDb } from "../../scripts/db/scratch-db.mjs";
// @ts-expect-error plain ESM helper without type declarations
import { diffDatabaseToSchema, isEmptyScript } from "../../scripts/db/schema-engine.mjs";

const run = promisify(execFile);
const root = path.resolve(__dirname, "..", "..");
const script = path.join(root, "scripts", "db", "new-migration.mjs");

let work: string;
let schemaFile: string;
let migrationsDir: string;
const scratches: { url: string; drop: () => Promise<void> }[] = [];

function newMigration(...args: string[]) {
  return run(process.execPath, [script, ...args, "--schema", schemaFile, "--dir", migrationsDir, "--url", adminUrl()], {
    cwd: work,
  });
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "berth-new-migration-"));
  schemaFile = path.join(work, "schema.prisma");
  migrationsDir = path.join(work, "migrations");
  cpSync(path.join(root, "prisma", "schema.prisma"), schemaFile);
  cpSync(path.join(root, "prisma", "migrations"), migrationsDir, { recursive: true });
});

afterAll(async () => {
  for (const s of scratches) await s.drop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("new-migration.mjs", () => {
  it('prints "no changes" when the schema matches the last migration', async () => {
    const before = readdirSync(migrationsDir).sort();
    const { stdout } = await newMigration("nothing");
    expect(stdout.trim()).toBe("no changes");
    expect(readdirSync(migrationsDir).sort()).toEqual(before);
    await expect(newMigration("--check")).resolves.toBeTruthy();
  }, 60_000);

  it("writes the next numbered migration for a schema change, which applies and matches", async () => {
    const existing = readdirSync(migrationsDir).sort();
    const last = Number(existing.at(-1)!.slice(0, 4));
    const next = `${String(last + 1).padStart(4, "0")}_add_zone_description`;

    const changed = readFileSync(schemaFile, "utf8")
      .replace(/model Zone \{/, 'model Zone {\n  description String @default("")')
      .replace(/enum Role \{/, "enum Role {\n  AUDITOR");
    writeFileSync(schemaFile, changed);

    // --check fails while the change has no migration.
    await expect(newMigration("--check")).rejects.toMatchObject({ code: 1 });

    const { stdout } = await newMigration("Add zone description");
    expect(stdout).toContain(`${next}/migration.sql`);
    const sql = readFileSync(path.join(migrationsDir, next, "migration.sql"), "utf8");
    expect(sql).toMatch(/ALTER TABLE "Zone" ADD COLUMN\s+"description" TEXT NOT NULL DEFAULT ''/);
    expect(sql).toMatch(/ALTER TYPE "Role" ADD VALUE 'AUDITOR'/);
    expect(sql).not.toMatch(/CREATE TABLE/);
    expect(readFileSync(path.join(migrationsDir, next, "schema.prisma"), "utf8")).toBe(changed);

    // Made again: nothing left to do.
    expect((await newMigration("again")).stdout.trim()).toBe("no changes");
    expect(existsSync(path.join(migrationsDir, `${String(last + 2).padStart(4, "0")}_again`))).toBe(false);

    // The old and new migrations apply, and the result is the changed schema.
    const db = await createScratchDb("berth_migrate_scratch");
    scratches.push(db);
    const { applied } = await migrate(db.url, { migrationsDir });
    expect(applied.at(-1)).toBe(next);
    const drift: string = await diffDatabaseToSchema(db.url, changed);
    expect(isEmptyScript(drift)).toBe(true);
  }, 60_000);
});
