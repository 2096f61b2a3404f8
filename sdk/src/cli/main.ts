import { readFileSync } from "node:fs";
import { BerthError } from "../errors.js";
import type { Command } from "./command.js";
import { clientFrom } from "./config.js";
import { fleetCommands } from "./fleet.js";
import { line, printJson, type Io } from "./output.js";
import { sessionCommands } from "./sessions.js";
import { EXIT, flag, formatOptions, GLOBAL_OPTIONS, parse, UsageError } from "./usage.js";
import type { BerthClient } from "../client.js";

export const commands: Command[] = [...sessionCommands, ...fleetCommands];

const EXIT_HELP = `Exit codes:
  0  done
  1  the server refused or failed (its error code is printed, e.g. FORBIDDEN), or could not be reached
  2  usage error (unknown command or option, missing argument, no URL or API key)
  3  timed out waiting (--wait, sessions wait), or the server did not answer in time
  sessions exec exits with the command's own exit code.`;

const ENV_HELP = `Environment:
  BERTH_URL       Berth address, e.g. https://berth.example.com
  BERTH_API_KEY   API key (bk_...), made by an administrator (createApiKey)
  BERTH_CA_FILE   PEM certificate to trust, for a self-signed Berth`;

function version(): string {
  try {
    return JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
  } catch {
    return "unknown";
  }
}

export function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.path.join(" ").length));
  const rows = commands.map((c) => `  berth ${c.path.join(" ").padEnd(width)}  ${c.summary}`);
  return [
    "berth: the Berth integrator command line",
    "",
    "Usage: berth <command> [options]",
    "",
    "Commands:",
    ...rows,
    "",
    "Global options:",
    formatOptions(GLOBAL_OPTIONS),
    "",
    ENV_HELP,
    "",
    EXIT_HELP,
    "",
    "Run 'berth <command> --help' for a command's options.",
  ].join("\n");
}

export function commandHelp(c: Command): string {
  const name = `berth ${c.path.join(" ")}`;
  return [
    `Usage: ${name}${c.args ? ` ${c.args}` : ""} [global options]`,
    "",
    `${c.summary[0].toUpperCase()}${c.summary.slice(1)}.`,
    ...(c.details ? ["", c.details] : []),
    ...(c.options?.length ? ["", "Options:", formatOptions(c.options)] : []),
    "",
    "Global options:",
    formatOptions(GLOBAL_OPTIONS),
    "",
    EXIT_HELP,
  ].join("\n");
}

function groupHelp(group: string): string {
  const cs = commands.filter((c) => c.path[0] === group);
  const width = Math.max(...cs.map((c) => c.path.join(" ").length));
  return [`Usage: berth ${group} <command> [options]`, "", "Commands:", ...cs.map((c) => `  berth ${c.path.join(" ").padEnd(width)}  ${c.summary}`), "", "Run 'berth <command> --help' for its options."].join("\n");
}

/** Runs the CLI; resolves with the exit code (never throws). */
export async function main(argv: string[], io: Io): Promise<number> {
  // Everything after the first `--` belongs to the command sessions exec runs.
  const dash = argv.indexOf("--");
  const args = dash < 0 ? argv : argv.slice(0, dash);
  const rest = dash < 0 ? [] : argv.slice(dash + 1);
  const found = findWords(args);
  const words = found.map((w) => args[w]);
  const wantsHelp = args.includes("--help") || args.includes("-h") || words[0] === "help";
  const json = args.includes("--json");

  if (args.includes("--version")) return line(io.stdout, version()), EXIT.OK;
  if (words[0] === "help") words.shift();
  if (!words.length) {
    line(wantsHelp ? io.stdout : io.stderr, mainHelp());
    return wantsHelp ? EXIT.OK : EXIT.USAGE;
  }
  const command = commands.find((c) => c.path[0] === words[0] && c.path[1] === words[1]);
  if (!command) {
    const group = commands.some((c) => c.path[0] === words[0]);
    if (group && (wantsHelp || words.length === 1)) {
      line(wantsHelp ? io.stdout : io.stderr, groupHelp(words[0]));
      return wantsHelp ? EXIT.OK : EXIT.USAGE;
    }
    return usageError(io, `unknown command '${words.slice(0, 2).join(" ")}'`, "berth --help");
  }
  if (wantsHelp) return line(io.stdout, commandHelp(command)), EXIT.OK;

  const name = `berth ${command.path.join(" ")}`;
  let client: BerthClient | undefined;
  try {
    const options = args.filter((_, i) => i !== found[0] && i !== found[1]);
    const { values, positionals } = parse(options, [...GLOBAL_OPTIONS, ...(command.options ?? [])]);
    const [min, max] = command.positionals ?? [0, 0];
    if (positionals.length < min) throw new UsageError(`missing argument: ${name} ${command.args}`);
    if (positionals.length > max) throw new UsageError(`unexpected argument '${positionals[max]}'`);
    if (rest.length && !command.takesRest) throw new UsageError(`unexpected arguments after --`);
    return await command.run({
      values,
      positionals,
      rest,
      json: flag(values, "json"),
      io,
      client: () => (client ??= clientFrom(values, io)),
    });
  } catch (e) {
    if (e instanceof UsageError) return usageError(io, e.message, `${name} --help`);
    const err = e instanceof BerthError ? e : new BerthError("INTERNAL_ERROR", (e as Error)?.stack ?? String(e));
    if (json) printJson(io, { error: { code: err.code, message: err.message } });
    line(io.stderr, `berth: ${err.code}: ${err.message}`);
    return err.code === "TIMEOUT" ? EXIT.TIMEOUT : EXIT.API_ERROR;
  }
}

function usageError(io: Io, message: string, helpCommand: string): number {
  line(io.stderr, `berth: ${message}`);
  line(io.stderr, `Run '${helpCommand}' for usage.`);
  return EXIT.USAGE;
}

/** Indexes of the words in argv that are not options or their values (the command comes first). */
function findWords(args: string[]): number[] {
  const specs = [...GLOBAL_OPTIONS, ...commands.flatMap((c) => c.options ?? [])].filter((o) => o.arg);
  const takesValue = new Set([...specs.map((o) => `--${o.name}`), ...specs.filter((o) => o.short).map((o) => `-${o.short}`)]);
  const out: number[] = [];
  for (let i = 0; i < args.length; i++) {
    if (takesValue.has(args[i])) i++;
    else if (!args[i].startsWith("-") || args[i] === "-") out.push(i);
  }
  return out;
}
