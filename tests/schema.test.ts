import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSchema } from "../server/src/schema.js";

describe("schema.graphql", () => {
  it("matches what the manager's code emits (run `npm run schema:emit` after changing the API)", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "berth-schema-")), "schema.graphql");
    await createSchema(out);
    expect(readFileSync(out, "utf8")).toBe(readFileSync(join(__dirname, "..", "schema.graphql"), "utf8"));
  });
});
