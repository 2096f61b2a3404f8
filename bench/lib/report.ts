import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import type Docker from "dockerode";
import type { Result } from "./types.js";

/** The machine the numbers come from. */
export async function machineInfo(docker: Docker) {
  const version = await docker.version().catch(() => null);
  // Some tools (nginx -v) answer on stderr.
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { encoding: "utf8" });
    return `${r.stdout ?? ""}${r.stderr ?? ""}`.trim();
  };
  const git = (args: string[]) => run("git", args);
  return {
    cpus: cpus().length,
    cpuModel: /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    kernel: readFileSync("/proc/sys/kernel/osrelease", "utf8").trim(),
    os: /PRETTY_NAME="([^"]*)"/.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? "",
    node: process.version,
    docker: version ? `${version.Version} (API ${version.ApiVersion})` : "unknown",
    dockerdFlags: dockerdFlags(),
    nginx: run("nginx", ["-v"]).replace(/^nginx version: /, ""),
    postgres: run("psql", ["--version"]).replace(/^psql \(PostgreSQL\) /, ""),
    redis: /v=(\S+)/.exec(run("redis-server", ["--version"]))?.[1] ?? "",
    commit: git(["rev-parse", "--short", "HEAD"]) + (git(["status", "--porcelain"]) ? " (with local changes)" : ""),
  };
}

/** The engine's command-line options (they change how published ports are reached, for one). */
function dockerdFlags(): string {
  try {
    const pid = readFileSync(process.env.BERTH_DOCKER_PIDFILE ?? "/run/berth/docker.pid", "utf8").trim();
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").slice(1).filter(Boolean).join(" ");
  } catch {
    return "";
  }
}

const fmt = (v: unknown) => (v === undefined || v === null ? "" : typeof v === "number" ? String(v) : String(v));

/** The results as a plain-text table (also valid Markdown). */
export function table(results: Result[]): string {
  const head = ["benchmark", "metric", "Berth", "baseline", "ratio", "goal", "met"];
  const lines: string[][] = [];
  for (const r of results) {
    if (r.error) {
      lines.push([r.name, "ERROR", r.error.slice(0, 120), "", "", "", "no"]);
      continue;
    }
    for (const row of r.rows) {
      const unit = row.unit ?? "ms";
      const withUnit = (v: unknown) => (v === undefined ? "" : `${fmt(v)} ${unit}`);
      lines.push([r.name, row.metric, withUnit(row.berth), withUnit(row.baseline), fmt(row.ratio), row.goal ?? "", row.met === undefined ? "" : row.met ? "yes" : "NO"]);
    }
  }
  const width = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(width[i])).join(" | ")} |`;
  return [line(head), `|${width.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(line)].join("\n");
}

/** Writes results/latest.json and a timestamped copy; returns their paths. */
export function save(dir: string, doc: object): string[] {
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const text = JSON.stringify(doc, null, 2) + "\n";
  const files = [join(dir, "latest.json"), join(dir, `${stamp}.json`)];
  for (const f of files) writeFileSync(f, text);
  return files;
}
