// The migrations and prisma/schema.prisma describe the same database.
//
// A scratch database gets every migration (through migrate(), like production); Prisma's schema
// engine then introspects it and diffs it to prisma/schema.prisma. A schema change without a
// migration, or a migration edited by hand into something else, makes the diff non-empty and
// fails this suite. berth_migrations is left out of the comparison (it is not in the schema).
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../server/src/db/migrate.js";
// @ts-expect-error plain ESM helper without type declarations
import { createScratchDb } from "../../scripts/db/scratch-db.mjs";
// @ts-expect-error plain ESM helper without type declarations
import { diffDatabaseToSchema, isEmptyScript, schemaPath } from "../../scripts/db/schema-engine.mjs";
// @ts-expect-error plain ESM helper without type declarations
import { planMigration } from "../../scripts/db/new-migration.mjs";

const root = path.resolve(__dirname, "..", "..");
const schema = readFileSync(schemaPath, "utf8");

type Scratch = { name: string; url: string; drop: () => Promise<void> };
let db: Scratch;

beforeAll(async () => {
  db = (await createScratchDb("berth_migrate_scratch")) as Scratch;
  await migrate(db.url);
}, 60_000);

afterAll(async () => {
  await db?.drop();
});

describe("schema drift", () => {
  it("the database made by the migrations matches prisma/schema.prisma", async () => {
    const sql: string = await diffDatabaseToSchema(db.url, schema);
    if (!isEmptyScript(sql)) {
      throw new Error(
        "prisma/schema.prisma differs from what prisma/migrations produce. " +
          "Make a migration: npm run db:migration -- <name>\nSQL that would be needed:\n" +
          sql,
      );
    }
  }, 60_000);

  it("notices a schema change that has no migration (the check can fail)", async () => {
    const changed = schema.replace(/model Setting \{/, "model Setting {\n  note String?");
    expect(changed).not.toBe(schema);
    const sql: string = await diffDatabaseToSchema(db.url, changed);
    expect(isEmptyScript(sql)).toBe(false);
    expect(sql).toMatch(/ALTER TABLE "Setting" ADD COLUMN\s+"note" TEXT/);
  }, 60_000);

  it("the last migration's schema snapshot is the current schema", async () => {
    // new-migration.mjs diffs from that snapshot; if it lagged, the next migration would repeat
    // changes that are already applied.
    const plan = await planMigration({
      schema: schemaPath,
      dir: path.join(root, "prisma", "migrations"),
      url: db.url,
    });
    if (!plan.empty) {
      throw new Error(
        `prisma/schema.prisma differs from prisma/migrations/${plan.previous}/schema.prisma:\n${plan.sql}`,
      );
    }
  }, 60_000);
});
