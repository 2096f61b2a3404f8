import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The agent's tests alone: `npx vitest run --config agent/vitest.config.mts` (the root config runs them too).
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  cacheDir: fileURLToPath(new URL("../node_modules/.vite-agent", import.meta.url)),
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
