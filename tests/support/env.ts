import { join } from "node:path";

/** Everything tests need to know about the running test stack (set by scripts/test.sh). */
export const env = {
  // ROOT (scripts/lib/env.sh) wins: the benchmarks run these helpers compiled under dist/.
  root: process.env.ROOT ?? join(__dirname, "..", ".."),
  publicUrl: process.env.BERTH_PUBLIC_URL ?? "https://localhost:18443",
  managerUrl: `http://127.0.0.1:${process.env.BERTH_MANAGER_PORT ?? 14000}/graphql`,
  databaseUrl: process.env.DATABASE_URL ?? "postgres://berth:berth@127.0.0.1:5432/berth_test",
  redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:16380",
  stateDir: process.env.BERTH_STATE_DIR ?? join(__dirname, "..", "..", ".berth", "test"),
  dockerSocket: (process.env.DOCKER_HOST ?? "unix:///run/berth/docker.sock").replace(/^unix:\/\//, ""),
  registry: process.env.BERTH_REGISTRY ?? "127.0.0.1:5000",
  tlsCert: process.env.BERTH_TLS_CERT ?? join(__dirname, "..", "..", ".berth", "test", "tls", "cert.pem"),
};
