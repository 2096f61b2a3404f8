import { isIP } from "node:net";
import { hostname } from "node:os";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0"])
  .default("false")
  .transform((v) => v === "true" || v === "1");

const managerUrl = z
  .string()
  .regex(/^https?:\/\/[^/\s]+(\/[^\s]*)?\/graphql$/, "each manager URL must look like http(s)://host[:port]/.../graphql");

// Every setting the agent reads, validated once at start-up. A bad value stops the
// process with one line per problem instead of failing later at first use.
const schema = z.object({
  // Manager GraphQL URLs, comma-separated; the agent moves to the next one when the current stops answering.
  BERTH_AGENT_MANAGER_URLS: z
    .string({ error: "is required (e.g. http://127.0.0.1:4000/graphql)" })
    .transform((s) => s.split(",").map((u) => u.trim()).filter(Boolean))
    .pipe(z.array(managerUrl).min(1, "name at least one manager URL")),
  // Zone enrollment token; needed only for the first registration (no state file yet).
  BERTH_AGENT_ENROLLMENT_TOKEN: z.string().min(1).optional(),
  // JSON file holding this server's identity (serverId, agentToken); written 0600 at registration, reused on restart.
  BERTH_AGENT_STATE_FILE: z.string().min(1).default("/var/lib/berth/agent/state.json"),
  // Address session ports are published on (and probed at); the proxy connects there. Default 127.0.0.1.
  BERTH_AGENT_PUBLISH_HOST: z
    .string()
    .refine((h) => isIP(h) !== 0, "must be an IP address (Docker binds session ports to it)")
    .default("127.0.0.1"),
  // Host ports sessions are published on, FIRST-LAST (default 30000-30999), or "any" for any free
  // port. nginx keeps connections to the ports of this range (scripts render one upstream per port
  // from the same setting, BERTH_SESSION_PORTS), so keep the two equal; outside it, nginx opens a new
  // connection per request. The range bounds the sessions one host can run at once.
  BERTH_AGENT_SESSION_PORTS: z
    .string()
    .default("30000-30999")
    .transform((v, ctx) => {
      if (v === "any") return "";
      const m = /^(\d+)-(\d+)$/.exec(v);
      const [lo, hi] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
      if (!m || lo < 1024 || hi > 65535 || lo > hi) {
        ctx.addIssue({ code: "custom", message: 'must be a range FIRST-LAST within 1024-65535 (e.g. 30000-30999), or "any"' });
        return z.NEVER;
      }
      return v;
    }),
  // The Docker engine's socket, unix:///path (default unix:///var/run/docker.sock).
  DOCKER_HOST: z
    .string()
    .regex(/^unix:\/\/\/.+/, "must be a unix socket URL like unix:///run/berth/docker.sock")
    .default("unix:///var/run/docker.sock"),
  // Host name reported to the manager (default: the machine's host name).
  BERTH_AGENT_HOSTNAME: z.string().min(1).max(253).default(hostname()),
  // Seconds between check-ins; default: what the manager says (5 until it has said).
  BERTH_AGENT_CHECKIN_INTERVAL_S: z.coerce.number().int().min(1).max(300).optional(),
  // Accept self-signed certificates from https manager URLs (true/false, default false).
  BERTH_AGENT_INSECURE_TLS: bool,
  // Log level: debug, info, warn, error (default info).
  BERTH_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Config = z.infer<typeof schema> & { dockerSocketPath: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset (scripts often pass VAR="" for "none").
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid agent configuration:\n${lines.join("\n")}`);
  }
  return { ...parsed.data, dockerSocketPath: parsed.data.DOCKER_HOST.slice("unix://".length) };
}

export class ConfigError extends Error {}
