import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
 * a second relay in this process, which connects to the same port on the machine's loopback. So the
 * browser still opens https://localhost:<port>/ and reaches the real nginx.
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
  const parts: { relays: ChildProcess[]; servers: Server[]; files: string[] } = { relays: [], servers: [], files: [] };
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    process.off("exit", close);
    for (const r of parts.relays) r.kill("SIGKILL");
    for (const s of parts.servers) s.close();
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
      parts.servers.push(hostRelay(sock, port));
      // The relay inside: the same Node, in the namespace, from a script given inline.
      const relay = spawn("ip", ["netns", "exec", name, process.execPath, "-e", INNER_RELAY, String(port), sock, String(process.pid)], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      parts.relays.push(relay);
      await new Promise<void>((resolve, reject) => {
        relay.stdout!.once("data", () => resolve());
        relay.once("exit", (code) => reject(new Error(`the browser's relay for port ${port} stopped (exit ${code})`)));
      });
      relay.unref();
      (relay.stdout as unknown as { unref?: () => void }).unref?.();
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

/** Connections arriving on the Unix socket go on to the port on this machine's loopback. */
function hostRelay(sock: string, port: number): Server {
  const server = createServer((inner) => {
    const outer = createConnection({ host: "127.0.0.1", port });
    splice(inner, outer);
  });
  server.listen(sock);
  server.unref();
  return server;
}

function splice(a: Socket, b: Socket) {
  b.setNoDelay(true);
  a.pipe(b);
  b.pipe(a);
  const end = () => {
    a.destroy();
    b.destroy();
  };
  a.on("error", end).on("close", end);
  b.on("error", end).on("close", end);
}

/**
 * Inside the namespace: listens on the port on loopback (both families), passes each connection to
 * the Unix socket, says "ready" once listening, and ends with the test process that started it.
 */
const INNER_RELAY = `
const net = require("node:net");
const [port, sock, parent] = process.argv.slice(1);
const splice = (a, b) => {
  a.setNoDelay(true);
  a.pipe(b);
  b.pipe(a);
  const end = () => { a.destroy(); b.destroy(); };
  a.on("error", end).on("close", end);
  b.on("error", end).on("close", end);
};
const listening = ["127.0.0.1", "::1"].map((host) => new Promise((resolve) => {
  net.createServer((c) => splice(c, net.createConnection(sock)))
    .on("error", (e) => {
      if (host === "127.0.0.1") { console.error("browser netns relay:", e.message); process.exit(1); }
      resolve();
    })
    .listen(Number(port), host, resolve);
}));
Promise.all(listening).then(() => process.stdout.write("ready\\n"));
setInterval(() => { try { process.kill(Number(parent), 0); } catch { process.exit(0); } }, 1000);
`;

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
