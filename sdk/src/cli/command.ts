import type { BerthClient } from "../client.js";
import type { Io } from "./output.js";
import type { OptionSpec, Values } from "./usage.js";

export interface CommandContext {
  values: Values;
  positionals: string[];
  /** Arguments after `--` (sessions exec). */
  rest: string[];
  json: boolean;
  io: Io;
  client(): BerthClient;
}

export interface Command {
  /** Words that select it, e.g. ["sessions", "list"]. */
  path: string[];
  /** What follows the words in the usage line, e.g. "<id> -o <file>". */
  args: string;
  summary: string;
  /** More lines for --help (examples, output). */
  details?: string;
  options?: OptionSpec[];
  /** How many positionals it takes. */
  positionals?: [min: number, max: number];
  /** Takes arguments after `--`. */
  takesRest?: boolean;
  run(ctx: CommandContext): Promise<number>;
}
