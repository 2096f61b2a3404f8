import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

// Every setting the manager reads, validated once at start-up. A bad value stops the
// process with one line per problem instead of failing later at first use.
const schema = z.object({
  // Postgres connection string (the only source of truth).
  DATABASE_URL: z.string().url(),
  // Redis connection string; events between managers travel through it.
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
  // Port the manager listens on (HTTP + graphql-ws). nginx forwards to it.
  BERTH_MANAGER_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  // Address the manager binds to; keep it on loopback behind nginx.
  BERTH_MANAGER_HOST: z.string().default("127.0.0.1"),
  // Public address users reach (used in messages and links).
  BERTH_PUBLIC_URL: z.string().url().default("https://localhost"),
  // How often agents check in, in seconds.
  BERTH_CHECKIN_INTERVAL_S: z.coerce.number().int().min(1).max(300).default(5),
  // A server with no check-in for this long is OFFLINE and its sessions LOST.
  BERTH_OFFLINE_AFTER_S: z.coerce.number().int().min(2).max(3600).default(15),
  // A session still starting after this long fails and frees its reservation.
  BERTH_START_TIMEOUT_S: z.coerce.number().int().min(5).max(3600).default(120),
  // A warning event goes out this many seconds before a session's time limit ends it.
  BERTH_EXPIRY_WARNING_S: z.coerce.number().int().min(0).max(86400).default(120),
  // Lifetime of a browser sign-in, in hours.
  BERTH_SIGNIN_TTL_H: z.coerce.number().min(0.1).max(24 * 90).default(12),
  // How often the background reaper runs, in milliseconds.
  BERTH_REAPER_INTERVAL_MS: z.coerce.number().int().min(200).max(600000).default(2000),
  // Apply pending migrations at start-up (on by default; several managers take a lock).
  BERTH_MIGRATE_ON_START: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  // Zone this manager belongs to (by name); shown to administrators.
  BERTH_ZONE: z.string().optional(),
  // Key (32 bytes, base64) that encrypts registry credentials at rest. Without it they cannot be stored.
  BERTH_SECRET_KEY: z.string().optional(),
  // File holding that key instead (set-up writes $BERTH_STATE_DIR/secret.key).
  BERTH_SECRET_KEY_FILE: z.string().optional(),
  // Folder for the manager's local state (set-up writes the secret key and enrollment token there).
  BERTH_STATE_DIR: z.string().optional(),
  // Host folders that image volume mappings may use, comma-separated.
  BERTH_ALLOWED_BIND_ROOTS: z
    .string()
    .default("/srv/berth")
    .transform((v) => v.split(",").map((x) => x.trim()).filter(Boolean)),
  // Log level: debug, info, warn, error.
  BERTH_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (parsed.success) return withSecretKey(parsed.data);
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new ConfigError(`Invalid manager configuration:\n${lines.join("\n")}`);
}

export class ConfigError extends Error {}

/** The secret key from BERTH_SECRET_KEY, or else from its file (explicit, or in the state folder). */
function withSecretKey(c: Config): Config {
  if (c.BERTH_SECRET_KEY) return c;
  const file = c.BERTH_SECRET_KEY_FILE ?? (c.BERTH_STATE_DIR ? join(c.BERTH_STATE_DIR, "secret.key") : undefined);
  if (!file || !existsSync(file)) return c;
  return { ...c, BERTH_SECRET_KEY: readFileSync(file, "utf8").trim() };
}
