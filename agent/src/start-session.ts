import type { SessionReportInput } from "./api/generated/graphql.js";
import type { ImageManager } from "./images.js";
import { errorText, log } from "./log.js";
import { probeHost, waitUntilReady } from "./probe.js";
import type { ContainerState, Provider, SessionSpec } from "./providers/provider.js";
import type { DesiredSession } from "./reconcile.js";
import { runConfigFor } from "./run-config.js";

export interface SessionDeps {
  provider: Provider;
  images: Pick<ImageManager, "ensure">;
  /** Sends a report to the manager; never throws (failures are logged; the next check-in heals). */
  report: (r: SessionReportInput) => Promise<void>;
  publishHost: string;
  /** Host ports sessions are published on ("FIRST-LAST", or "" for any). */
  publishPorts: string;
  probe?: { intervalMs?: number; timeoutMs?: number };
  /** Viewer principals already cut off, per container (kept in memory; re-applied after a restart). */
  revoked: Map<string, Set<string>>;
}

/**
 * Creates a session's container and waits until its desktop answers, reporting each step.
 * If the session stops being wanted meanwhile (signal aborted), the container is removed again.
 * On any failure the container is removed and the session reported FAILED with the reason.
 */
export async function startSession(deps: SessionDeps, s: DesiredSession, signal: AbortSignal): Promise<void> {
  const started = Date.now();
  const id = s.sessionId;
  let containerId: string | null = null;
  try {
    await deps.report({ sessionId: id, status: "STARTING", message: "creating the container" });
    if (!(await deps.provider.hasImage(s.imageRef))) {
      await deps.report({ sessionId: id, status: "STARTING", message: "downloading the image" });
      await deps.images.ensure(s.imageRef);
    }
    signal.throwIfAborted();
    const c = await deps.provider.start(specFor(s, deps.publishHost, deps.publishPorts));
    containerId = c.containerId;
    // Fault injection for the reliability tests: die between "container created" and "reported".
    if (process.env.BERTH_AGENT_FAULT === "crash-after-create") process.kill(process.pid, "SIGKILL");
    if (c.adopted) log.info("session container already existed; taking it over", { sessionId: id, containerId });
    await probeAndReport(deps, s, containerId, c.hostPort, signal);
    log.info("session running", { sessionId: id, containerId, hostPort: c.hostPort, ms: Date.now() - started });
  } catch (e) {
    containerId ??= (e as { containerId?: string | null }).containerId ?? null;
    await giveUp(deps, id, containerId, signal.aborted ? null : errorText(e));
  }
}

/**
 * A running container for a session the manager still thinks is starting: the agent restarted
 * mid-start, or a user just took the session from a warm pool (claimWith set), in which case the
 * container first gets its user's credentials.
 */
export async function adoptSession(deps: SessionDeps, s: DesiredSession, c: ContainerState, signal: AbortSignal): Promise<void> {
  try {
    if (!c.hostPort) throw new Error("the container has no published port");
    if (s.claimWith) {
      await claimContainer({ host: deps.publishHost, port: c.hostPort, poolSecret: s.claimWith, secret: s.secret, viewSecret: s.viewSecret, signal });
      log.info("warm-pool session handed to its user", { sessionId: s.sessionId, containerId: c.containerId });
    } else {
      log.info("taking over a running session container", { sessionId: s.sessionId, containerId: c.containerId });
    }
    await probeAndReport(deps, s, c.containerId, c.hostPort, signal, { quiet: Boolean(s.claimWith) });
  } catch (e) {
    await giveUp(deps, s.sessionId, c.containerId, signal.aborted ? null : errorText(e));
  }
}

async function probeAndReport(deps: SessionDeps, s: DesiredSession, containerId: string, hostPort: number, signal: AbortSignal, o: { quiet?: boolean } = {}) {
  // The progress report and the first knocks go out together: the report's round trip would
  // otherwise delay the probe. (A claimed pool session is up already: no progress report.)
  const reported = o.quiet ? Promise.resolve() : deps.report({ sessionId: s.sessionId, status: "STARTING", message: "waiting for the desktop", containerId });
  const ready = waitUntilReady({
    host: deps.publishHost,
    port: hostPort,
    secret: s.secret,
    signal,
    ...deps.probe,
    whyDead: async () => {
      const now = await deps.provider.inspect(containerId).catch(() => undefined);
      if (now === null) return "the container disappeared while starting";
      if (now && now.state !== "running") return `the container ${now.state}${now.exitCode !== undefined ? ` (exit code ${now.exitCode})` : ""}`;
      return null;
    },
  });
  await Promise.all([reported, ready]);
  signal.throwIfAborted();
  await deps.report({ sessionId: s.sessionId, status: "RUNNING", message: "running", containerId, hostPort });
}

/**
 * Hands a warm-pool container its user's credentials: POST /.berth/claim to its gateway, with
 * the credential it has now. A gateway that answers 409 or 401 was claimed already (a retry
 * after a lost report): that is fine when the user's credential is the one it accepts now.
 */
export async function claimContainer(o: { host: string; port: number; poolSecret: string; secret: string; viewSecret: string; signal: AbortSignal }) {
  const base = `http://${probeHost(o.host)}:${o.port}`;
  const signal = AbortSignal.any([o.signal, AbortSignal.timeout(5000)]);
  const res = await fetch(`${base}/.berth/claim`, {
    method: "POST",
    headers: { authorization: `Bearer ${o.poolSecret}`, "x-berth-secret": o.secret, "x-berth-view-secret": o.viewSecret },
    signal,
  });
  const body = (await res.text().catch(() => "")).trim();
  if (res.status === 200) return;
  if (res.status === 409 || res.status === 401) {
    const check = await fetch(`${base}/`, { headers: { authorization: `Bearer ${o.secret}` }, redirect: "manual", signal });
    await check.body?.cancel().catch(() => {});
    if (check.status < 500 && check.status !== 401 && check.status !== 403) return;
  }
  throw new Error(`the session's gateway refused to hand it over (HTTP ${res.status}${body ? `: ${body.slice(0, 200)}` : ""}); its image may have a gateway older than version 3`);
}

/**
 * Removes what was made; reports FAILED with the reason, or STOPPED when the session was no longer
 * wanted (reason null). STOPPED means the container is gone: if it could not be removed, nothing
 * is reported, and the next check-in's reconciling removes it and reports STOPPED then.
 */
async function giveUp(deps: SessionDeps, sessionId: string, containerId: string | null, reason: string | null) {
  if (reason) log.warn("session failed to start", { sessionId, containerId, error: reason });
  else log.info("session no longer wanted while starting; removing it", { sessionId, containerId });
  let removed = true;
  if (containerId) {
    removed = await deps.provider.remove(containerId).then(
      () => true,
      (e) => {
        log.warn("cannot remove a container; will try again at the next check-in", { sessionId, containerId, error: errorText(e) });
        return false;
      },
    );
  }
  if (reason) await deps.report({ sessionId, status: "FAILED", message: reason.slice(0, 2000) });
  else if (removed) await deps.report({ sessionId, status: "STOPPED", message: "ended before it started" });
}

/** The container a desired session asks for; the session's credentials travel in its environment. */
export function specFor(s: DesiredSession, publishHost: string, publishPorts = ""): SessionSpec {
  const rc = runConfigFor(s.sessionId, s.runConfig);
  const env: Record<string, string> = {};
  for (const { name, value } of s.env) env[name] = value;
  // The run-config overrides the image's environment, never the session's credentials.
  Object.assign(env, rc.env, { BERTH_SESSION_ID: s.sessionId, BERTH_SESSION_SECRET: s.secret, BERTH_VIEW_SECRET: s.viewSecret });
  return {
    sessionId: s.sessionId,
    imageRef: s.imageRef,
    cores: s.cores,
    memoryMb: s.memoryMb,
    shmMb: s.shmMb,
    network: s.network,
    env,
    publishHost,
    publishPorts,
    capAdd: [],
    binds: s.binds,
    overrides: { create: rc.create, host: rc.host },
  };
}
