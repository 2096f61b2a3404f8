import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests of the client's pure logic (routing, search, formatting): `npx vitest run --config client/vitest.config.mts`.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  // Keep vitest's cache in the root node_modules, not a new client/node_modules.
  cacheDir: "../node_modules/.vite/client",
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
