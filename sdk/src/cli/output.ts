import type { Writable } from "node:stream";

/** Where the CLI writes, and what it knows about its terminal (tests pass their own). */
export interface Io {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
}

export const line = (stream: Writable, text = "") => void stream.write(`${text}\n`);

export const printJson = (io: Io, value: unknown) => line(io.stdout, JSON.stringify(value, null, 2));

/** Columns aligned with two spaces; the last column is not padded. */
export function printTable(io: Io, headers: string[], rows: string[][]) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  line(io.stdout, fmt(headers));
  for (const r of rows) line(io.stdout, fmt(r));
}

/** "key: value" lines, keys aligned. */
export function printFields(io: Io, fields: [string, string][]) {
  const width = Math.max(...fields.map(([k]) => k.length));
  for (const [k, v] of fields) line(io.stdout, `${`${k}:`.padEnd(width + 1)}  ${v}`);
}

/** How long ago an ISO time was, compactly: 42s, 5m, 3h, 2d. */
export function age(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "-";
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

/**
 * One live line on stderr: rewritten in place on a terminal, one line per change otherwise
 * (so logs of CI jobs stay readable).
 */
export class ProgressLine {
  private last = "";
  private readonly started = Date.now();
  constructor(private readonly io: Io) {}

  update(text: string) {
    if (text === this.last) return;
    this.last = text;
    const secs = ((Date.now() - this.started) / 1000).toFixed(1).padStart(5);
    const shown = `[${secs}s] ${text}`;
    if (!this.io.stderr.isTTY) return line(this.io.stderr, shown);
    const cols = this.io.stderr.columns ?? 100;
    this.io.stderr.write(`\r\x1b[2K${shown.length >= cols ? `${shown.slice(0, cols - 2)}…` : shown}`);
  }

  /** Ends the live line so later output starts on a fresh one. */
  done() {
    if (this.io.stderr.isTTY && this.last) this.io.stderr.write("\n");
  }
}
