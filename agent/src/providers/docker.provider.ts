import { Writable } from "node:stream";
import Docker from "dockerode";
import { PullProgressTracker, type PullMessage } from "./pull-progress.js";
import {
  LABELS,
  SESSION_PORT,
  containerName,
  type ContainerEvent,
  type ContainerState,
  type ContainerStatus,
  type EngineInfo,
  type ExecResult,
  type Provider,
  type PullProgress,
  type RegistryAuth,
  type Scope,
  type SessionSpec,
  type StartedContainer,
} from "./provider.js";

const MiB = 1024 * 1024;
const PORT_KEY = `${SESSION_PORT}/tcp`;
/** What the engine says when a port of the range is taken by someone it does not know of. */
const PORT_TAKEN = /address already in use|port is already allocated/i;
const PORT_ATTEMPTS = 50;
// Calls that should answer quickly; streams (events, pulls) go through a client without a timeout.
const REQUEST_TIMEOUT_MS = 30_000;

/** Raised when start fails after a container exists, so the caller can remove it. */
export class ContainerStartError extends Error {
  constructor(
    message: string,
    readonly containerId: string | null,
  ) {
    super(message);
  }
}

/** Session containers on one Docker engine, scoped to this installation by labels. */
export class DockerProvider implements Provider {
  private readonly imageUsers = new Map<string, string>();
  private readonly docker: Docker;
  private readonly streams: Docker;

  constructor(
    socketPath: string,
    private readonly scope: Scope,
  ) {
    this.docker = new Docker({ socketPath, timeout: REQUEST_TIMEOUT_MS });
    this.streams = new Docker({ socketPath });
  }

  async info(): Promise<EngineInfo> {
    const i = await this.docker.info().catch((e) => Promise.reject(dockerError(e)));
    return { version: String(i.ServerVersion ?? "unknown"), dataRoot: String(i.DockerRootDir ?? "") };
  }

  async hasImage(ref: string): Promise<boolean> {
    try {
      await this.docker.getImage(ref).inspect();
      return true;
    } catch (e) {
      if (statusOf(e) === 404) return false;
      throw dockerError(e);
    }
  }

  async ensureImage(ref: string, onProgress?: (p: PullProgress) => void, auth?: RegistryAuth | null): Promise<"present" | "pulled"> {
    if (await this.hasImage(ref)) return "present";
    let stream: NodeJS.ReadableStream;
    try {
      stream = await this.streams.pull(ref, auth ? { authconfig: auth } : {});
    } catch (e) {
      throw dockerError(e);
    }
    const tracker = new PullProgressTracker();
    const messages = await new Promise<PullMessage[]>((resolve, reject) =>
      this.streams.modem.followProgress(
        stream,
        (err: Error | null, out: PullMessage[]) => (err ? reject(dockerError(err)) : resolve(out)),
        (m: PullMessage) => onProgress?.({ fraction: tracker.update(m), status: tracker.lastStatus }),
      ),
    );
    // The engine reports a failed pull inside the stream, not as an HTTP error.
    const failed = messages.find((m) => m.error);
    if (failed) throw new Error(failed.error);
    if (!(await this.hasImage(ref))) throw new Error(`the pull of ${ref} ended but the image is not there`);
    // When every layer was here already, the engine sends no layer messages at all.
    onProgress?.({ fraction: 1, status: "Pull complete" });
    return "pulled";
  }

  async removeImage(ref: string): Promise<boolean> {
    try {
      await this.docker.getImage(ref).remove();
      return true;
    } catch (e) {
      // 404: already gone; 409: a container still uses it (keep it).
      if (statusOf(e) === 404 || statusOf(e) === 409) return false;
      throw dockerError(e);
    }
  }

  async start(spec: SessionSpec): Promise<StartedContainer> {
    const name = containerName(spec.sessionId);
    let container: Docker.Container;
    let adopted = false;
    try {
      container = await this.docker.createContainer(this.createOptions(spec, name, await this.userFor(spec)));
    } catch (e) {
      // A container of that name exists: created before a crash or restart of the agent.
      if (statusOf(e) !== 409) throw new ContainerStartError(dockerError(e).message, null);
      container = this.docker.getContainer(name);
      adopted = true;
    }
    let info = await inspectOrNull(container);
    if (!info) throw new ContainerStartError(`the container ${name} vanished while starting`, null);
    if (adopted && !this.owns(info.Config.Labels, spec.sessionId)) {
      throw new ContainerStartError(`a container named ${name} exists but does not belong to this installation`, null);
    }
    try {
      if (!info.State.Running) {
        await this.startOnAFreePort(container, spec.publishPorts);
        info = await container.inspect();
      }
    } catch (e) {
      throw new ContainerStartError(dockerError(e).message, info.Id);
    }
    if (!info.State.Running) {
      throw new ContainerStartError(`the container stopped at once (exit code ${info.State.ExitCode}${info.State.Error ? `: ${info.State.Error}` : ""})`, info.Id);
    }
    const hostPort = publishedPort(info.NetworkSettings.Ports);
    if (!hostPort) throw new ContainerStartError(`the container publishes no host port for ${PORT_KEY} (network '${spec.network || "bridge"}')`, info.Id);
    return { containerId: info.Id, hostPort, adopted };
  }

  /**
   * Starts the container. With a port range, the engine takes the next port of the range it has
   * not handed out itself, and gives up if another program (or another engine) listens there; each
   * new attempt moves on to the next port, so a few taken ports cost a few quick retries.
   */
  private async startOnAFreePort(container: Docker.Container, range: string) {
    for (let attempt = 1; ; attempt++) {
      try {
        await container.start();
        return;
      } catch (e) {
        if (statusOf(e) === 304) return; // already started
        if (!range || !PORT_TAKEN.test(dockerError(e).message)) throw e;
        if (attempt >= PORT_ATTEMPTS) {
          throw new Error(`no free host port in ${range} after ${PORT_ATTEMPTS} tries (other programs listen there): set BERTH_AGENT_SESSION_PORTS to a free range`);
        }
      }
    }
  }

  async stop(containerId: string): Promise<void> {
    try {
      await this.docker.getContainer(containerId).stop({ t: 10 });
    } catch (e) {
      if (statusOf(e) === 304 || statusOf(e) === 404) return;
      throw dockerError(e);
    }
  }

  async pause(containerId: string): Promise<void> {
    try {
      await this.docker.getContainer(containerId).pause();
    } catch (e) {
      // 409: already paused (or not running); the next check-in looks again.
      if (statusOf(e) === 409) return;
      throw dockerError(e);
    }
  }

  async unpause(containerId: string): Promise<void> {
    try {
      await this.docker.getContainer(containerId).unpause();
    } catch (e) {
      if (statusOf(e) === 409) return;
      throw dockerError(e);
    }
  }

  async exec(containerId: string, cmd: string[], opts: { timeoutMs?: number; maxOutputBytes?: number } = {}): Promise<ExecResult> {
    const { timeoutMs = 30_000, maxOutputBytes = 1 << 20 } = opts;
    const container = this.docker.getContainer(containerId);
    let exec: Docker.Exec;
    let stream: NodeJS.ReadableStream;
    try {
      exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, Tty: false });
      stream = (await exec.start({ hijack: true, stdin: false })) as NodeJS.ReadableStream;
    } catch (e) {
      throw dockerError(e);
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let truncated = false;
    const sink = (into: Buffer[]) =>
      new Writable({
        write(chunk: Buffer, _enc, done) {
          if (size < maxOutputBytes) into.push(chunk.subarray(0, maxOutputBytes - size));
          else truncated = true;
          size += chunk.length;
          done();
        },
      });
    this.docker.modem.demuxStream(stream, sink(out), sink(err));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        (stream as unknown as { destroy?: () => void }).destroy?.();
        reject(new Error(`the command did not finish within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      stream.on("end", () => (clearTimeout(timer), resolve()));
      stream.on("error", (e) => (clearTimeout(timer), reject(e)));
    });
    const info = await exec.inspect();
    return {
      exitCode: info.ExitCode ?? -1,
      stdout: Buffer.concat(out).toString("utf8"),
      stderr: Buffer.concat(err).toString("utf8"),
      truncated: truncated || size > maxOutputBytes,
    };
  }

  async remove(containerId: string): Promise<void> {
    try {
      await this.docker.getContainer(containerId).remove({ force: true, v: true });
    } catch (e) {
      // 404: gone already; 409 "removal already in progress": someone else is removing it.
      if (statusOf(e) === 404 || statusOf(e) === 409) return;
      throw dockerError(e);
    }
  }

  async list(): Promise<ContainerState[]> {
    let found: Docker.ContainerInfo[];
    try {
      found = await this.docker.listContainers({ all: true, filters: { label: this.labelFilter() } });
    } catch (e) {
      throw dockerError(e);
    }
    return found.map((c) => ({
      containerId: c.Id,
      sessionId: c.Labels?.[LABELS.session] ?? "",
      state: c.State as ContainerStatus,
      hostPort: c.Ports.find((p) => p.PrivatePort === SESSION_PORT && p.Type === "tcp" && p.PublicPort)?.PublicPort ?? null,
      imageRef: c.Image,
    }));
  }

  async inspect(containerId: string): Promise<ContainerState | null> {
    const info = await inspectOrNull(this.docker.getContainer(containerId));
    if (!info || !this.owns(info.Config.Labels)) return null;
    return {
      containerId: info.Id,
      sessionId: info.Config.Labels?.[LABELS.session] ?? "",
      state: info.State.Status as ContainerStatus,
      hostPort: publishedPort(info.NetworkSettings.Ports),
      imageRef: info.Config.Image,
      exitCode: info.State.ExitCode,
    };
  }

  async *events(signal?: AbortSignal): AsyncIterable<ContainerEvent> {
    const filters = { type: ["container" as const], event: ["die", "destroy"], label: this.labelFilter() };
    let stream: NodeJS.ReadableStream & { destroy?: () => void };
    try {
      stream = await this.streams.getEvents({ filters });
    } catch (e) {
      throw dockerError(e);
    }
    const stop = () => stream.destroy?.();
    signal?.addEventListener("abort", stop, { once: true });
    let buf = "";
    try {
      for await (const chunk of stream) {
        buf += chunk.toString();
        for (let nl = buf.indexOf("\n"); nl >= 0; nl = buf.indexOf("\n")) {
          const line = buf.slice(0, nl).trim();
          buf = buf.slice(nl + 1);
          const event = line ? toContainerEvent(JSON.parse(line)) : null;
          if (event) yield event;
        }
      }
    } catch (e) {
      if (signal?.aborted) return;
      throw dockerError(e);
    } finally {
      signal?.removeEventListener("abort", stop);
      stop();
    }
  }

  /** The image's overrides go first, so Berth's own settings (limits, isolation, labels, port) always win. */
  /**
   * Sessions never run as root: an image whose USER is root (or unset) runs as 1000:1000, the
   * user every Berth image has; an image's own non-root USER, or a run-config User (never root:
   * run-config.ts), is kept. The answer is remembered per image id (one inspect per launch).
   */
  private async userFor(spec: SessionSpec): Promise<string | undefined> {
    if (typeof spec.overrides.create.User === "string") return undefined; // checked already
    let image: Docker.ImageInspectInfo;
    try {
      image = await this.docker.getImage(spec.imageRef).inspect();
    } catch {
      return FALLBACK_USER; // not pulled yet: create will say so; never fall back to root
    }
    let user = this.imageUsers.get(image.Id);
    if (user === undefined) {
      user = isRootUser(image.Config?.User ?? "") ? FALLBACK_USER : "";
      this.imageUsers.set(image.Id, user);
    }
    return user || undefined;
  }

  private createOptions(spec: SessionSpec, name: string, user?: string): Docker.ContainerCreateOptions {
    const { create, host } = spec.overrides;
    const binds = [...spec.binds, ...((host.Binds as string[] | undefined) ?? [])];
    return {
      ...create,
      ...(user ? { User: user } : {}),
      name,
      Image: spec.imageRef,
      Env: Object.entries(spec.env).map(([k, v]) => `${k}=${v}`),
      Labels: {
        ...(create.Labels as Record<string, string> | undefined),
        [LABELS.managed]: "true",
        [LABELS.session]: spec.sessionId,
        [LABELS.installation]: this.scope.installationId,
        [LABELS.server]: this.scope.serverId,
      },
      ExposedPorts: { [PORT_KEY]: {} },
      HostConfig: {
        ...host,
        Binds: binds.length ? binds : undefined,
        NanoCpus: Math.round(spec.cores * 1e9),
        Memory: spec.memoryMb * MiB,
        MemorySwap: spec.memoryMb * MiB, // equal to Memory: no swap
        ShmSize: (host.ShmSize as number | undefined) ?? (spec.shmMb > 0 ? spec.shmMb * MiB : undefined),
        // The engine picks a free port in the range ("" : any free port); the address keeps it off
        // other interfaces.
        PortBindings: { [PORT_KEY]: [{ HostIp: spec.publishHost, HostPort: spec.publishPorts }] },
        NetworkMode: spec.network || "bridge",
        SecurityOpt: ["no-new-privileges"],
        PidsLimit: 1024,
        CapDrop: ["ALL"],
        CapAdd: spec.capAdd.length ? spec.capAdd : undefined,
        RestartPolicy: { Name: "no" },
        AutoRemove: false,
      },
    };
  }

  private labelFilter(): string[] {
    return [`${LABELS.managed}=true`, `${LABELS.installation}=${this.scope.installationId}`];
  }

  private owns(labels: Record<string, string> | null | undefined, sessionId?: string): boolean {
    if (!labels) return false;
    if (labels[LABELS.managed] !== "true" || labels[LABELS.installation] !== this.scope.installationId) return false;
    return sessionId === undefined || labels[LABELS.session] === sessionId;
  }
}

/** Who sessions of an image without a non-root USER run as. */
const FALLBACK_USER = "1000:1000";
/** "", root, 0, 00, root:x, 0:0 ... (the user part names uid 0 or is unset). */
export const isRootUser = (u: string) => /^(|root|[+-]?0+)(:.*)?$/.test(u.trim());

/** Docker's port bindings → the host port of the session port, if it has one. */
function publishedPort(ports: Record<string, Array<{ HostIp: string; HostPort: string }> | null> | undefined): number | null {
  for (const b of ports?.[PORT_KEY] ?? []) {
    const port = Number(b.HostPort);
    if (Number.isInteger(port) && port > 0) return port;
  }
  return null;
}

function toContainerEvent(e: { Type?: string; Action?: string; id?: string; Actor?: { ID?: string; Attributes?: Record<string, string> } }): ContainerEvent | null {
  if (e.Type !== "container") return null;
  const kind = e.Action === "die" ? "died" : e.Action === "destroy" ? "removed" : null;
  if (!kind) return null;
  return { kind, containerId: e.Actor?.ID ?? e.id ?? "", sessionId: e.Actor?.Attributes?.[LABELS.session] ?? "" };
}

async function inspectOrNull(c: Docker.Container): Promise<Docker.ContainerInspectInfo | null> {
  try {
    return await c.inspect();
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw dockerError(e);
  }
}

const statusOf = (e: unknown): number | undefined => (e as { statusCode?: number })?.statusCode;

/** The engine's own words ("No such image: ..."), without dockerode's "(HTTP code 404) ..." prefix. */
export function dockerError(e: unknown): Error {
  const err = e as { json?: { message?: string }; message?: string; code?: string; address?: string };
  if (err?.code === "ENOENT" || err?.code === "ECONNREFUSED") {
    return new Error(`the Docker engine is not reachable at ${err.address ?? "its socket"} (${err.code})`);
  }
  const raw = err?.json?.message ?? err?.message ?? String(e);
  const out = new Error(raw.replace(/^\(HTTP code \d+\) [^-]*- /, "").trim());
  (out as { statusCode?: number }).statusCode = statusOf(e);
  return out;
}
