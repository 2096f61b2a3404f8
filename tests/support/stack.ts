import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "./env.js";

/**
 * Starts and stops the manager and agent processes of the test stack. Processes are
 * detached and tracked by pid files, so any test file (and the global teardown) can
 * restart or kill them, whichever process started them.
 */
export interface ProcOptions {
  name: string; // pid/log file name, e.g. "manager" or "agent"
  script: string; // path under dist/
  env?: Record<string, string>;
}

const pidFile = (name: string) => join(env.stateDir, `${name}.pid`);
export const logFile = (name: string) => join(env.stateDir, `${name}.log`);

/** Extra node options for every process started here, e.g. BERTH_PROC_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile them. */
const nodeArgs = () => process.env.BERTH_PROC_NODE_ARGS?.split(" ").filter(Boolean) ?? [];

export function startProc(o: ProcOptions): number {
  mkdirSync(env.stateDir, { recursive: true });
  const out = openSync(logFile(o.name), "a");
  const child = spawn(process.execPath, [...nodeArgs(), join(env.root, o.script)], {
    cwd: env.root,
    env: { ...process.env, ...o.env },
    stdio: ["ignore", out, out],
    detached: true,
  });
  closeSync(out);
  child.unref();
  writeFileSync(pidFile(o.name), String(child.pid));
  return child.pid!;
}

export function pidOf(name: string): number | null {
  if (!existsSync(pidFile(name))) return null;
  const pid = Number(readFileSync(pidFile(name), "utf8"));
  return Number.isFinite(pid) && alive(pid) ? pid : null;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops a process by its pid file: SIGTERM (graceful) or SIGKILL (a crash). Waits until it is gone. */
export async function stopProc(name: string, signal: NodeJS.Signals = "SIGTERM", timeoutMs = 10_000): Promise<void> {
  const pid = pidOf(name);
  if (pid === null) return;
  process.kill(pid, signal);
  const until = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < until) await sleep(50);
  if (alive(pid)) process.kill(pid, "SIGKILL");
  while (alive(pid)) await sleep(20);
  rmSync(pidFile(name), { force: true });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value or the time runs out (then throws with `what`). */
export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 15_000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as T;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ""}`);
    await sleep(everyMs);
  }
}

export const managerProc: ProcOptions = { name: "manager", script: "dist/server/src/main.js" };

export function agentProc(extraEnv: Record<string, string> = {}): ProcOptions {
  const tokenFile = join(env.stateDir, "enrollment-token");
  return {
    name: "agent",
    script: "dist/agent/src/main.js",
    env: {
      BERTH_AGENT_ENROLLMENT_TOKEN: existsSync(tokenFile) ? readFileSync(tokenFile, "utf8").trim() : "",
      ...extraEnv,
    },
  };
}
