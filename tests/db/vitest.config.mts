// Runs only the database tests, without the repository's global setup (which starts the whole
// stack): npx vitest run --config tests/db/vitest.config.mts
// They need only a Postgres reachable at BERTH_TEST_PG_ADMIN_URL
// (default postgres://berth:berth@127.0.0.1:5432/postgres, a role with CREATEDB).
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: path.resolve(import.meta.dirname, "..", ".."),
  test: {
    include: ["tests/db/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
