// A tiny structured logger: one JSON line per event on stdout, so logs stay greppable and parseable.
// (A copy of the manager's, not an import: the agent never imports server code.)
type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
let threshold: Level = (process.env.BERTH_LOG_LEVEL as Level) in order ? (process.env.BERTH_LOG_LEVEL as Level) : "info";

function write(level: Level, msg: string, fields?: Record<string, unknown>) {
  if (order[level] < order[threshold]) return;
  process.stdout.write(JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields }) + "\n");
}

export const log = {
  setLevel: (l: Level) => void (threshold = l),
  debug: (m: string, f?: Record<string, unknown>) => write("debug", m, f),
  info: (m: string, f?: Record<string, unknown>) => write("info", m, f),
  warn: (m: string, f?: Record<string, unknown>) => write("warn", m, f),
  error: (m: string, f?: Record<string, unknown>) => write("error", m, f),
};

/** The words of an error, for logs and reports. */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
