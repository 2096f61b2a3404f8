import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One copy of graphql, or type-graphql and Apollo see two "realms" and refuse each other.
    alias: { graphql: require.resolve("graphql").replace(/index\.js$/, "index.js") },
  },
  test: {
    include: ["server/src/**/*.test.ts", "agent/src/**/*.test.ts", "client/src/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/setup/global.ts"],
    // Integration tests share one manager, agent, Docker engine and nginx: run files one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
