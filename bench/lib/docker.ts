import { randomBytes, randomUUID } from "node:crypto";
import type Docker from "dockerode";
import type { BenchContext } from "./types.js";
import { request, sleep } from "./http.js";
import { nowMs } from "./stats.js";

/** Label on every baseline container, so they are easy to find and remove. */
export const BASELINE_LABEL = "berth.bench";
const MiB = 1024 * 1024;
const PORT_KEY = "6901/tcp";

export interface BaselineRun {
  containerId: string;
  hostPort: number;
  secret: string;
  /** From the create call to the first HTTP 200 on the published port. */
  ms: number;
}

/**
 * The floor: what the engine alone takes. Creates and starts a container of the session image
 * with the very options agent/src/providers/docker.provider.ts gives a session (limits, isolation,
 * port 6901 published on 127.0.0.1 with an engine-chosen port, the session environment), then
 * knocks on the port every 10 ms until the gateway answers 200.
 */
export async function baselineRun(ctx: BenchContext, pollMs = 10): Promise<BaselineRun> {
  const secret = randomBytes(24).toString("base64url");
  const started = nowMs();
  const container = await ctx.docker.createContainer(createOptions(ctx, secret));
  await container.start();
  const info = await container.inspect();
  const hostPort = Number(info.NetworkSettings.Ports?.[PORT_KEY]?.[0]?.HostPort);
  if (!hostPort) throw new Error("the baseline container publishes no port");
  for (const until = nowMs() + 30_000; ; ) {
    const a = await request(`http://127.0.0.1:${hostPort}/`, { headers: { authorization: `Bearer ${secret}` }, timeoutMs: 2000 }).catch(() => null);
    if (a?.status === 200) break;
    if (nowMs() > until) throw new Error(`the baseline container did not answer 200 (last: ${a?.status ?? "no answer"})`);
    await sleep(pollMs);
  }
  return { containerId: info.Id, hostPort, secret, ms: nowMs() - started };
}

function createOptions(ctx: BenchContext, secret: string): Docker.ContainerCreateOptions {
  const sessionId = randomUUID();
  return {
    name: `berth-bench-${sessionId}`,
    Image: ctx.tiny.ref,
    Env: [`BERTH_SESSION_ID=${sessionId}`, `BERTH_SESSION_SECRET=${secret}`, `BERTH_VIEW_SECRET=${randomBytes(24).toString("base64url")}`],
    Labels: { [BASELINE_LABEL]: "baseline" },
    ExposedPorts: { [PORT_KEY]: {} },
    HostConfig: {
      NanoCpus: Math.round(ctx.tiny.cores * 1e9),
      Memory: ctx.tiny.memoryMb * MiB,
      MemorySwap: ctx.tiny.memoryMb * MiB,
      ShmSize: ctx.tiny.shmMb > 0 ? ctx.tiny.shmMb * MiB : undefined,
      PortBindings: { [PORT_KEY]: [{ HostIp: "127.0.0.1", HostPort: "" }] },
      NetworkMode: ctx.tiny.network || "bridge",
      SecurityOpt: ["no-new-privileges"],
      PidsLimit: 1024,
      CapDrop: ["ALL"],
      RestartPolicy: { Name: "no" },
      AutoRemove: false,
    },
  };
}

/** Removes baseline containers (all of them, or the given ones). */
export async function removeBaselines(docker: Docker, ids?: string[]) {
  const targets = ids ?? (await docker.listContainers({ all: true, filters: { label: [BASELINE_LABEL] } })).map((c) => c.Id);
  await Promise.all(targets.map((id) => docker.getContainer(id).remove({ force: true }).catch(() => {})));
}
