import { parseArgs } from "node:util";

/** Exit codes scripts can rely on (berth sessions exec exits with the command's own code instead). */
export const EXIT = {
  OK: 0,
  /** The server refused or failed (the error's code is printed), or it could not be reached. */
  API_ERROR: 1,
  /** The command line was wrong: unknown command or option, missing argument, no URL or key. */
  USAGE: 2,
  /** Waiting ran out of time (--wait, sessions wait), or the server did not answer in time. */
  TIMEOUT: 3,
} as const;

/** A mistake on the command line: exit 2 with the command's usage. */
export class UsageError extends Error {}

export interface OptionSpec {
  name: string;
  short?: string;
  /** Placeholder for a value (e.g. "URL"); none: a flag. */
  arg?: string;
  multiple?: boolean;
  help: string;
}

export type Values = Record<string, string | boolean | string[] | undefined>;

export const GLOBAL_OPTIONS: OptionSpec[] = [
  { name: "url", arg: "URL", help: "Berth address, e.g. https://berth.example.com (env BERTH_URL)" },
  { name: "api-key", arg: "KEY", help: "API key bk_... (env BERTH_API_KEY)" },
  { name: "ca-file", arg: "FILE", help: "PEM certificate to trust, for a self-signed Berth (env BERTH_CA_FILE)" },
  { name: "json", help: "print JSON on stdout instead of tables" },
  { name: "help", short: "h", help: "show this help" },
];

/** Parses argv with node:util parseArgs; every parse problem becomes a UsageError. */
export function parse(argv: string[], specs: OptionSpec[]): { values: Values; positionals: string[] } {
  const options = Object.fromEntries(
    specs.map((o) => [o.name, { type: o.arg ? ("string" as const) : ("boolean" as const), ...(o.short && { short: o.short }), multiple: !!o.multiple }]),
  );
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Values, positionals };
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
}

export const str = (v: Values, name: string): string | undefined => {
  const x = v[name];
  return typeof x === "string" ? x : undefined;
};
export const list = (v: Values, name: string): string[] => {
  const x = v[name];
  return Array.isArray(x) ? x : typeof x === "string" ? [x] : [];
};
export const flag = (v: Values, name: string): boolean => v[name] === true;

/** A whole number of at least `min` from an option, or a UsageError naming the option. */
export function intOption(v: Values, name: string, fallback: number, min = 1): number {
  const x = str(v, name);
  if (x === undefined) return fallback;
  const n = Number(x);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, not '${x}'`);
  return n;
}

export function formatOptions(specs: OptionSpec[]): string {
  const left = specs.map((o) => `${o.short ? `-${o.short}, ` : ""}--${o.name}${o.arg ? ` <${o.arg}>` : ""}${o.multiple ? " ..." : ""}`);
  const width = Math.max(...left.map((l) => l.length));
  return specs.map((o, i) => `  ${left[i].padEnd(width)}  ${o.help}`).join("\n");
}
