import { randomUUID } from "node:crypto";
import type { ContainerEvent, ContainerState, EngineInfo, ExecResult, Provider, PullProgress, RegistryAuth, SessionSpec, StartedContainer } from "./provider.js";

/**
 * An engine in memory for unit tests: containers start at once and get ports from 40000 up
 * (or all the same port, `hostPort`, where a test runs a stand-in desktop).
 * It records every call in `calls`, so tests can say what the agent did.
 */
export class InMemoryProvider implements Provider {
  readonly containers = new Map<string, ContainerState & { spec?: SessionSpec }>();
  readonly images = new Set<string>();
  readonly calls: string[] = [];
  /** The credentials each pull was given, by image. */
  readonly pullAuth = new Map<string, RegistryAuth | null>();
  private nextPort = 40000;
  private readonly listeners = new Set<(e: ContainerEvent) => void>();

  constructor(private readonly opts: { hostPort?: number } = {}) {}

  async info(): Promise<EngineInfo> {
    return { version: "fake-1.0", dataRoot: "/" };
  }

  async hasImage(ref: string): Promise<boolean> {
    return this.images.has(ref);
  }

  async ensureImage(ref: string, onProgress?: (p: PullProgress) => void, auth?: RegistryAuth | null): Promise<"present" | "pulled"> {
    this.calls.push(`ensureImage ${ref}`);
    if (this.images.has(ref)) return "present";
    this.pullAuth.set(ref, auth ?? null);
    onProgress?.({ fraction: 0.5, status: "Downloading" });
    this.images.add(ref);
    onProgress?.({ fraction: 1, status: "Pull complete" });
    return "pulled";
  }

  async removeImage(ref: string): Promise<boolean> {
    this.calls.push(`removeImage ${ref}`);
    if ([...this.containers.values()].some((c) => c.imageRef === ref)) return false;
    return this.images.delete(ref);
  }

  async start(spec: SessionSpec): Promise<StartedContainer> {
    this.calls.push(`start ${spec.sessionId}`);
    const existing = [...this.containers.values()].find((c) => c.sessionId === spec.sessionId);
    if (existing) {
      existing.state = "running";
      return { containerId: existing.containerId, hostPort: existing.hostPort!, adopted: true };
    }
    const containerId = randomUUID().replace(/-/g, "");
    const hostPort = this.opts.hostPort ?? this.nextPort++;
    this.containers.set(containerId, { containerId, sessionId: spec.sessionId, state: "running", hostPort, imageRef: spec.imageRef, spec });
    return { containerId, hostPort, adopted: false };
  }

  async stop(containerId: string): Promise<void> {
    this.calls.push(`stop ${containerId}`);
    const c = this.containers.get(containerId);
    if (c) c.state = "exited";
  }

  async pause(containerId: string): Promise<void> {
    this.calls.push(`pause ${containerId}`);
    const c = this.containers.get(containerId);
    if (c) c.state = "paused";
  }

  async unpause(containerId: string): Promise<void> {
    this.calls.push(`unpause ${containerId}`);
    const c = this.containers.get(containerId);
    if (c) c.state = "running";
  }

  async exec(containerId: string, cmd: string[]): Promise<ExecResult> {
    this.calls.push(`exec ${containerId} ${cmd.join(" ")}`);
    return { exitCode: 0, stdout: "", stderr: "", truncated: false };
  }

  async remove(containerId: string): Promise<void> {
    this.calls.push(`remove ${containerId}`);
    const c = this.containers.get(containerId);
    if (!c) return;
    this.containers.delete(containerId);
    this.emit({ kind: "removed", containerId, sessionId: c.sessionId });
  }

  async list(): Promise<ContainerState[]> {
    return [...this.containers.values()].map(({ spec: _spec, ...c }) => ({ ...c }));
  }

  async inspect(containerId: string): Promise<ContainerState | null> {
    const c = this.containers.get(containerId);
    if (!c) return null;
    const { spec: _spec, ...state } = c;
    return { ...state };
  }

  /** Test helper: a container exits on its own, as if its desktop crashed. */
  kill(containerId: string, exitCode = 137) {
    const c = this.containers.get(containerId);
    if (!c) return;
    c.state = "exited";
    c.exitCode = exitCode;
    this.emit({ kind: "died", containerId, sessionId: c.sessionId });
  }

  async *events(signal?: AbortSignal): AsyncIterable<ContainerEvent> {
    const queue: ContainerEvent[] = [];
    let wake: (() => void) | null = null;
    const listener = (e: ContainerEvent) => {
      queue.push(e);
      wake?.();
    };
    this.listeners.add(listener);
    try {
      while (!signal?.aborted) {
        if (queue.length) {
          yield queue.shift()!;
          continue;
        }
        await new Promise<void>((r) => {
          wake = r;
          signal?.addEventListener("abort", () => r(), { once: true });
        });
        wake = null;
      }
    } finally {
      this.listeners.delete(listener);
    }
  }

  private emit(e: ContainerEvent) {
    for (const l of this.listeners) l(e);
  }
}

/** Every start fails with the given reason (as an engine that cannot find the image would). */
export class FailingProvider extends InMemoryProvider {
  constructor(private readonly reason = "No such image") {
    super();
  }


  override async start(spec: SessionSpec): Promise<StartedContainer> {
    this.calls.push(`start ${spec.sessionId}`);
    throw new Error(this.reason);
  }
}

/** Starts wait until the test calls release(sessionId): for operations that overlap check-ins. */
export class SlowProvider extends InMemoryProvider {
  private readonly gates = new Map<string, () => void>();

  override async start(spec: SessionSpec): Promise<StartedContainer> {
    await new Promise<void>((resolve) => this.gates.set(spec.sessionId, resolve));
    return super.start(spec);
  }

  /** Lets one waiting start go on; true if one was waiting. */
  release(sessionId: string): boolean {
    const gate = this.gates.get(sessionId);
    this.gates.delete(sessionId);
    gate?.();
    return Boolean(gate);
  }

  waiting(): string[] {
    return [...this.gates.keys()];
  }
}
