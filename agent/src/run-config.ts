import { log } from "./log.js";

/**
 * An image's run-config override: a JSON object of Docker create options that the manager has
 * already checked against its allow-list. The agent filters it again with the same list (it
 * must never let an override lift a session's isolation, whatever the manager sent) and splits
 * it into the parts the container spec takes separately.
 */
export interface RunConfig {
  /** Env entries ("NAME=value" in Docker's form), as a map. */
  env: Record<string, string>;
  /** Allowed top-level create options, Env and HostConfig excluded. */
  create: Record<string, unknown>;
  /** Allowed HostConfig options. */
  host: Record<string, unknown>;
  /** Keys left out, for the log. */
  dropped: string[];
}

const ALLOWED_TOP = new Set(["Hostname", "Domainname", "WorkingDir", "Entrypoint", "Cmd", "Env", "Labels", "StopSignal", "StopTimeout", "User", "HostConfig"]);
const ALLOWED_HOST = new Set(["Dns", "DnsSearch", "DnsOptions", "ExtraHosts", "Ulimits", "Tmpfs", "ReadonlyRootfs", "ShmSize", "Binds", "Init", "OomScoreAdj"]);

export const EMPTY_RUN_CONFIG: RunConfig = { env: {}, create: {}, host: {}, dropped: [] };

export function parseRunConfig(json: string): RunConfig {
  let value: unknown;
  try {
    value = json ? JSON.parse(json) : {};
  } catch {
    return { ...EMPTY_RUN_CONFIG, dropped: ["(not JSON)"] };
  }
  if (!isObject(value)) return { ...EMPTY_RUN_CONFIG, dropped: ["(not an object)"] };
  const out: RunConfig = { env: {}, create: {}, host: {}, dropped: [] };
  for (const [key, v] of Object.entries(value)) {
    if (!ALLOWED_TOP.has(key)) out.dropped.push(key);
    else if (key === "Env" && Array.isArray(v)) out.env = envMap(v.map(String));
    else if (key === "HostConfig" && isObject(v)) out.host = hostOptions(v, out.dropped);
    else if (key === "Labels" && isObject(v)) out.create.Labels = Object.fromEntries(Object.entries(v).filter(([l]) => !l.startsWith("berth.")));
    else if (key === "User" && isRoot(v)) out.dropped.push("User");
    else if (key !== "Env" && key !== "HostConfig") out.create[key] = v;
    else out.dropped.push(key);
  }
  return out;
}

/** Parses a run-config and logs what was left out (the manager should never send such keys). */
export function runConfigFor(sessionId: string, json: string): RunConfig {
  const rc = parseRunConfig(json);
  if (rc.dropped.length) log.warn("run-config keys ignored: not allowed for sessions", { sessionId, keys: rc.dropped });
  return rc;
}

function hostOptions(host: Record<string, unknown>, dropped: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(host)) {
    if (!ALLOWED_HOST.has(key)) dropped.push(`HostConfig.${key}`);
    else if (key === "Binds") out.Binds = (Array.isArray(v) ? v.map(String) : []).filter((b) => !/docker\.sock|containerd\.sock/.test(b.split(":")[0] ?? ""));
    else out[key] = v;
  }
  return out;
}

const envMap = (entries: string[]) =>
  Object.fromEntries(entries.filter((e) => e.includes("=")).map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)]));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
// Docker reads a numeric user with Go's Atoi: "00", "+0" and "-0" are uid 0 too.
const isRoot = (u: unknown) => typeof u === "string" && /^(root|[+-]?0+)(:.*)?$/.test(u.trim());
