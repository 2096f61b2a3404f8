/**
 * The engine that runs session containers, seen through the few things the agent needs.
 * Docker is the real one (docker.provider.ts); tests use the in-memory fakes (fake.provider.ts).
 * Everything the agent must know after a restart lives in the containers' labels.
 */
export interface Provider {
  /** Engine facts for the host report. */
  info(): Promise<EngineInfo>;
  /** True when the image is present locally. */
  hasImage(ref: string): Promise<boolean>;
  /** Makes the image present: nothing to do when it is already local, else a pull reporting onProgress. */
  ensureImage(ref: string, onProgress?: (p: PullProgress) => void, auth?: RegistryAuth | null): Promise<"present" | "pulled">;
  /** Removes a local image unless a container still uses it; false when it stayed (or was not there). */
  removeImage(ref: string): Promise<boolean>;
  /** Creates and starts the session's container, or adopts the one that already exists for it. */
  start(spec: SessionSpec): Promise<StartedContainer>;
  /** Stops a container, leaving it in place. Missing containers are not an error. */
  stop(containerId: string): Promise<void>;
  /** Removes a container, running or not. Missing containers are not an error. */
  remove(containerId: string): Promise<void>;
  /** Freezes a running container (its processes stop being scheduled; memory stays). */
  pause(containerId: string): Promise<void>;
  /** Thaws a paused container. */
  unpause(containerId: string): Promise<void>;
  /** Runs a command inside a running container as its user; resolves with its exit code and output. */
  exec(containerId: string, cmd: string[], opts?: { timeoutMs?: number; maxOutputBytes?: number }): Promise<ExecResult>;
  /** This installation's session containers, found by their labels. */
  list(): Promise<ContainerState[]>;
  /** One container of this installation, or null when it does not exist (or is not ours). */
  inspect(containerId: string): Promise<ContainerState | null>;
  /** Container deaths and removals of this installation; ends (or throws) when the engine connection drops. */
  events(signal?: AbortSignal): AsyncIterable<ContainerEvent>;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** True when the output was cut at maxOutputBytes. */
  truncated: boolean;
}

export interface EngineInfo {
  version: string;
  /** Where the engine keeps images and containers (its disk is the host's session disk). */
  dataRoot: string;
}

/** Credentials for a private registry (never logged). */
export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress: string;
}

export interface PullProgress {
  /** 0..1 over all layers. */
  fraction: number;
  /** The engine's last status line, e.g. "Downloading". */
  status: string;
}

/** Who owns a container: written as labels on every container the agent creates. */
export interface Scope {
  installationId: string;
  serverId: string;
}

export interface SessionSpec {
  sessionId: string;
  imageRef: string;
  cores: number;
  memoryMb: number;
  shmMb: number;
  /** Docker network mode; "" means bridge. */
  network: string;
  /** The container's environment (the session's credentials included). */
  env: Record<string, string>;
  /** Address the session port is published on. */
  publishHost: string;
  /** Host ports to publish it on, "FIRST-LAST" (the engine picks a free one), or "" for any free port. */
  publishPorts: string;
  /** Capabilities to keep; all others are dropped. Desktops that need one (e.g. SYS_ADMIN) name it here. */
  capAdd: string[];
  /** Host folders to mount, Docker's "host:container[:ro]" form. */
  binds: string[];
  /** The image's run-config override, already filtered (run-config.ts): extra create and host options. */
  overrides: { create: Record<string, unknown>; host: Record<string, unknown> };
}

export interface StartedContainer {
  containerId: string;
  hostPort: number;
  /** True when the container already existed (created before an agent restart) and was taken over. */
  adopted: boolean;
}

/** Docker's words: created, running, paused, restarting, removing, exited, dead. */
export type ContainerStatus = "created" | "running" | "paused" | "restarting" | "removing" | "exited" | "dead";

export interface ContainerState {
  containerId: string;
  /** From the berth.session label; "" when the label is missing. */
  sessionId: string;
  state: ContainerStatus;
  /** Host port published for the session port (6901), when there is one. */
  hostPort: number | null;
  imageRef: string;
  exitCode?: number;
}

export interface ContainerEvent {
  kind: "died" | "removed";
  containerId: string;
  sessionId: string;
}

/** The port every session image serves its desktop on (HTTP + WebSocket). */
export const SESSION_PORT = 6901;

export const LABELS = {
  managed: "berth.managed",
  session: "berth.session",
  installation: "berth.installation",
  server: "berth.server",
} as const;

export const containerName = (sessionId: string) => `berth-session-${sessionId}`;
