import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { env } from "./env.js";

/**
 * A network namespace of the test's own for Chromium, so that Docker starting and stopping
 * containers elsewhere on the machine cannot reach it.
 *
 * Chromium watches the machine's network interfaces and, when one appears or goes (Docker adds a
 * veth for every container it starts), drops the requests in flight with net::ERR_NETWORK_CHANGED.
 * With containers starting and stopping in parallel test files, a browser test failed that way now
 * and then. In a namespace of its own Chromium sees only its own interfaces, which never change.
 *
 * Inside the namespace there is loopback and a pair of linked interfaces (so that Chromium believes it
 * is online; nothing is ever sent there). A relay listens on the stack's port on the namespace's
 * loopback and passes each connection through a Unix socket (a file, visible from both sides) to
 * a second relay outside, which connects to the same port on the machine's loopback (both are
 * tests/support/relay.cjs, each its own process). So the browser still opens
 * https://localhost:<port>/ and reaches the real nginx.
 */
export interface BrowserNetns {
  /** A script that runs Chromium inside the namespace: pass it to Playwright as the executable. */
  executable: string;
  close(): void;
}

let counter = 0;

/** Whether this machine lets the tests make namespaces (root with iproute2); otherwise Chromium runs as it is. */
export function netnsAvailable(): boolean {
  if (process.env.BERTH_BROWSER_NETNS === "0" || process.getuid?.() !== 0) return false;
  try {
    execFileSync("ip", ["netns", "list"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export async function browserNetns(o: { chromium: string; ports: number[] }): Promise<BrowserNetns> {
  removeStaleNamespaces();
  const name = `berth-browser-${process.pid}-${++counter}`;
  const ip = (...args: string[]) => execFileSync("ip", args, { stdio: ["ignore", "ignore", "pipe"] });
  ip("netns", "add", name);
  const parts: { relays: ChildProcess[]; files: string[] } = { relays: [], files: [] };
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    process.off("exit", close);
    for (const r of parts.relays) r.kill("SIGKILL");
    for (const f of parts.files) rmSync(f, { force: true });
    try {
      ip("netns", "delete", name);
    } catch {
      // already gone
    }
  };
  try {
    ip("-n", name, "link", "set", "lo", "up");
    // Both ends of a veth pair inside (the kernel here may lack the dummy device; Docker needs veth).
    ip("-n", name, "link", "add", "berth0", "type", "veth", "peer", "name", "berth1");
    ip("-n", name, "addr", "add", "10.254.254.1/30", "dev", "berth0");
    ip("-n", name, "link", "set", "berth0", "up");
    ip("-n", name, "link", "set", "berth1", "up");
    for (const port of o.ports) {
      const sock = join(tmpdir(), `${name}-${port}.sock`);
      rmSync(sock, { force: true });
      parts.files.push(sock);
      // Outside: the Unix socket to the port on this machine's loopback. Inside: the port on the
      // namespace's loopback to the Unix socket (a file, so both sides reach it).
      parts.relays.push(await relay([], [`tcp:127.0.0.1:${port}`, `unix:${sock}`]));
      parts.relays.push(await relay(["ip", "netns", "exec", name], [`unix:${sock}`, `tcp:127.0.0.1:${port}`, `tcp:[::1]:${port}`]));
    }
    const executable = join(tmpdir(), `${name}-chromium.sh`);
    writeFileSync(executable, `#!/bin/sh\nexec ip netns exec ${name} ${o.chromium} "$@"\n`);
    chmodSync(executable, 0o755);
    parts.files.push(executable);
    process.once("exit", close);
    return { executable, close };
  } catch (e) {
    close();
    throw e;
  }
}

const RELAY = join(env.root, "tests", "support", "relay.cjs");

/** Starts relay.cjs (after `prefix`, e.g. to enter the namespace): [to, ...listen]; resolves once it listens. */
async function relay(prefix: string[], [to, ...listen]: string[]): Promise<ChildProcess> {
  const args = [...prefix, process.execPath, RELAY, to, String(process.pid), ...listen];
  const child = spawn(args[0], args.slice(1), { stdio: ["ignore", "pipe", "inherit"] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.once("data", () => resolve());
      child.once("exit", (code) => reject(new Error(`the browser's relay ${listen.join(", ")} -> ${to} stopped (exit ${code})`)));
    });
  } catch (e) {
    child.kill("SIGKILL");
    throw e;
  }
  child.unref();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  return child;
}

/** Namespaces left by test processes that died before closing theirs. */
function removeStaleNamespaces() {
  let list = "";
  try {
    list = execFileSync("ip", ["netns", "list"], { encoding: "utf8" });
  } catch {
    return;
  }
  for (const m of list.matchAll(/^berth-browser-(\d+)-\d+/gm)) {
    const pid = Number(m[1]);
    if (pid === process.pid || alive(pid)) continue;
    try {
      execFileSync("ip", ["netns", "delete", m[0]], { stdio: "ignore" });
    } catch {
      // another process removed it first
    }
  }
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
