import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import Docker from "dockerode";
import { env } from "./env.js";
import { alive, sleep, startProc, stopProc, waitFor } from "./stack.js";

/**
 * Extra Docker engines for fleet tests: each its own dockerd with its own socket, data root
 * and bridge (10.210.<n>.0/24, no iptables, so they never clash with the main engine or each
 * other). Ports are published on 127.0.0.1 by Docker's userland proxy.
 */
export interface Engine {
  n: number;
  socket: string;
  docker: Docker;
  dir: string;
  stop(): Promise<void>;
}

const base = "/var/lib/berth/test-engines";

export async function startEngine(n: number): Promise<Engine> {
  const dir = join(base, String(n));
  const socket = join(dir, "docker.sock");
  const bridge = `berth-tbr${n}`;
  mkdirSync(dir, { recursive: true });
  const docker = new Docker({ socketPath: socket });
  if (!(await answers(docker))) {
    if (!existsSync(`/sys/class/net/${bridge}`)) {
      execFileSync("ip", ["link", "add", bridge, "type", "bridge"]);
      execFileSync("ip", ["addr", "add", `10.210.${n}.1/24`, "dev", bridge]);
    }
    execFileSync("ip", ["link", "set", bridge, "up"]);
    const log = openSync(join(dir, "dockerd.log"), "a");
    const child = spawn(
      "dockerd",
      [
        "--host", `unix://${socket}`,
        "--data-root", join(dir, "root"),
        "--exec-root", `/run/berth/test-engine-${n}`,
        "--pidfile", join(dir, "docker.pid"),
        "--bridge", bridge,
        "--iptables=false",
        "--live-restore",
        "--ip-masq=false",
        "--containerd-namespace", `berth-test-${n}`,
        "--containerd-plugins-namespace", `berth-test-${n}-plugins`,
      ],
      { stdio: ["ignore", log, log], detached: true },
    );
    closeSync(log);
    child.unref();
    await waitFor(`test engine ${n} to answer`, () => answers(docker), 30_000, 200);
  }
  return {
    n,
    socket,
    docker,
    dir,
    async stop() {
      const containers = await docker.listContainers({ all: true }).catch(() => []);
      await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => {})));
      const pidFile = join(dir, "docker.pid");
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, "utf8"));
        if (alive(pid)) process.kill(pid, "SIGTERM");
        const until = Date.now() + 15_000;
        while (alive(pid) && Date.now() < until) await sleep(100);
      }
    },
  };
}

async function answers(docker: Docker): Promise<boolean> {
  try {
    await docker.ping();
    return true;
  } catch {
    return false;
  }
}

/** Starts an agent for an engine, enrolling with `enrollmentToken` into its zone (fresh identity). */
export function startAgentFor(engine: Engine, name: string, enrollmentToken: string, opts: { freshIdentity?: boolean; env?: Record<string, string> } = {}) {
  const stateFile = join(env.stateDir, name, "state.json");
  if (opts.freshIdentity) rmSync(stateFile, { force: true });
  return startProc({
    name,
    script: "dist/agent/src/main.js",
    env: {
      DOCKER_HOST: `unix://${engine.socket}`,
      BERTH_AGENT_STATE_FILE: stateFile,
      BERTH_AGENT_ENROLLMENT_TOKEN: enrollmentToken,
      BERTH_AGENT_HOSTNAME: name,
      // Each engine publishes on ports of its own: engines on one machine do not know each other's
      // ports (nginx keeps no connections to these; it reaches them all the same).
      BERTH_AGENT_SESSION_PORTS: `${29_000 - 1000 * engine.n}-${29_999 - 1000 * engine.n}`,
      ...opts.env,
    },
  });
}

export const stopAgent = (name: string, signal: NodeJS.Signals = "SIGTERM") => stopProc(name, signal);
