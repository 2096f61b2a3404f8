import { isUnauthenticated, type ManagerClient } from "./api/client.js";
import { CheckInDocument, ReportSessionDocument, ReportTaskDocument, type SessionReportInput } from "./api/generated/graphql.js";
import { subscribeSignals } from "./api/signals.js";
import { applyPlan } from "./apply-plan.js";
import { CheckInLoop, checkInOnce } from "./checkin.js";
import type { Config } from "./config.js";
import { ResourceSampler, hostFacts } from "./host-facts.js";
import { ImageManager } from "./images.js";
import { errorText, log } from "./log.js";
import { SessionOperations } from "./operations.js";
import type { EngineInfo, Provider, Scope } from "./providers/provider.js";
import type { DesiredState } from "./reconcile.js";
import type { SessionDeps } from "./start-session.js";
import { saveState, type AgentState } from "./state.js";
import { TaskRunner } from "./tasks.js";
import { watchContainerEvents } from "./watch-events.js";

const DEFAULT_INTERVAL_S = 5;
const ENGINE_REFRESH_MS = 60_000;

export interface AgentDeps {
  config: Config;
  provider: Provider;
  /** The provider's label scope; the agent updates it if the manager names another installation. */
  scope: Scope;
  client: ManagerClient;
  state: AgentState;
  engine: EngineInfo;
  /** Stops the process with this exit code (the manager does not know our token: 1). */
  exit: (code: number) => void;
}

/**
 * A registered agent at work: check-ins on a timer and on every nudge, the desired state
 * applied after each, images kept downloaded, Docker's container events followed.
 */
export class Agent {
  private readonly ops = new SessionOperations();
  private readonly sampler = new ResourceSampler();
  private readonly failures = new FailureStreak();
  private readonly images: ImageManager;
  private readonly sessionDeps: SessionDeps;
  private readonly loop: CheckInLoop;
  private readonly tasks: TaskRunner;
  private intervalS: number;
  private engineCheckedAt = Date.now();
  private checkedIn = false;

  constructor(private readonly d: AgentDeps) {
    this.intervalS = d.config.BERTH_AGENT_CHECKIN_INTERVAL_S ?? DEFAULT_INTERVAL_S;
    this.loop = new CheckInLoop(() => this.checkIn(), () => this.intervalS * 1000);
    this.tasks = new TaskRunner(d.provider, async (input) => {
      try {
        await this.d.client.request(ReportTaskDocument, { input });
      } catch (e) {
        log.warn("cannot report a task; the manager will time it out", { taskId: input.taskId, error: errorText(e) });
      }
    });
    this.images = new ImageManager(d.provider, (ref) => this.loop.trigger(`image ${ref} settled`));
    this.sessionDeps = {
      provider: d.provider,
      images: this.images,
      report: (r) => this.report(r),
      publishHost: d.config.BERTH_AGENT_PUBLISH_HOST,
      publishPorts: d.config.BERTH_AGENT_SESSION_PORTS,
      revoked: new Map(),
    };
  }

  /** Runs until the signal aborts; session containers are left running. */
  async run(signal: AbortSignal): Promise<void> {
    this.loop.trigger("start");
    const signals = subscribeSignals({
      url: () => this.d.client.url,
      token: () => this.d.state.agentToken,
      onSignal: (reason) => this.loop.trigger(`signal: ${reason}`),
      // An unknown token shows up in the next check-in, which stops the agent with the explanation.
      onError: (code, message) => (code === "UNAUTHENTICATED" ? this.loop.trigger("signals refused") : log.warn("signals: subscription error", { code, message })),
    });
    const events = watchContainerEvents(this.d.provider, signal, {
      onEvent: (e) => {
        log.info(`docker: a session container ${e.kind === "died" ? "stopped" : "was removed"}`, { sessionId: e.sessionId, containerId: e.containerId });
        this.loop.trigger(`container ${e.kind}`);
      },
      onReconnected: () => this.loop.trigger("docker back"),
    });
    await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
    await Promise.all([this.loop.stop(), signals.dispose(), events]);
  }

  private async checkIn(): Promise<void> {
    try {
      await this.refreshEngine();
      const { desired, actions } = await checkInOnce({
        provider: this.d.provider,
        ops: this.ops,
        images: this.images,
        hostFacts: () => this.hostFacts(),
        resources: () => this.sampler.sample(),
        send: async (input) => (await this.d.client.request(CheckInDocument, { input })).checkIn,
        revokedApplied: () => this.sessionDeps.revoked,
      });
      this.failures.succeeded(this.d.client.url);
      if (!this.checkedIn) {
        this.checkedIn = true;
        log.info("checked in", { url: this.d.client.url, sessions: desired.sessions.length, images: desired.images.length, intervalS: desired.checkInIntervalS });
      }
      this.apply(desired);
      applyPlan(this.sessionDeps, this.ops, actions);
      this.tasks.apply(desired.tasks);
    } catch (e) {
      if (isUnauthenticated(e)) return this.unknownToken();
      this.failures.failed(errorText(e));
    }
  }

  private apply(desired: DesiredState) {
    const { config, scope } = this.d;
    if (desired.installationId !== scope.installationId) {
      if (scope.installationId) log.warn("installation id changed; containers of the old one are left alone", { from: scope.installationId, to: desired.installationId });
      scope.installationId = desired.installationId;
      this.d.state = { ...this.d.state, installationId: desired.installationId };
      void saveState(config.BERTH_AGENT_STATE_FILE, this.d.state).catch((e) => log.error("cannot update the state file", { error: errorText(e) }));
      this.loop.trigger("installation changed");
    }
    if (!config.BERTH_AGENT_CHECKIN_INTERVAL_S) this.intervalS = desired.checkInIntervalS || DEFAULT_INTERVAL_S;
    void this.images.sync(desired.images, desired.pruneImages).catch((e) => log.warn("image sync failed", { error: errorText(e) }));
  }

  private async report(r: SessionReportInput): Promise<void> {
    try {
      await this.d.client.request(ReportSessionDocument, { input: r });
    } catch (e) {
      if (isUnauthenticated(e)) return this.unknownToken();
      // STOPPED for a session that already ended is refused; that is fine.
      const level = r.status === "STOPPED" ? "debug" : "warn";
      log[level]("cannot report a session; the next check-in will heal it", { sessionId: r.sessionId, status: r.status, error: errorText(e) });
    }
  }

  private hostFacts() {
    const { config, engine } = this.d;
    return hostFacts({ hostname: config.BERTH_AGENT_HOSTNAME, publishHost: config.BERTH_AGENT_PUBLISH_HOST, engine });
  }

  /** Docker's version and data root can change (an upgrade); look again now and then. */
  private async refreshEngine() {
    if (Date.now() - this.engineCheckedAt < ENGINE_REFRESH_MS) return;
    this.engineCheckedAt = Date.now();
    this.d.engine = await this.d.provider.info().catch(() => this.d.engine);
  }

  private unknownToken() {
    log.error(
      `the manager does not know this agent's token: this server was deleted (or the database reset). ` +
        `Remove ${this.d.config.BERTH_AGENT_STATE_FILE} and start the agent with BERTH_AGENT_ENROLLMENT_TOKEN to enroll it again.`,
      { serverId: this.d.state.serverId },
    );
    this.d.exit(1);
  }
}

/** Logs the first failure of a streak, then once a minute, and the recovery. */
class FailureStreak {
  private since = 0;
  private lastLog = 0;
  private count = 0;

  failed(error: string) {
    const now = Date.now();
    this.count++;
    if (!this.since) this.since = now;
    if (this.count === 1 || now - this.lastLog >= 60_000) {
      this.lastLog = now;
      log.warn("check-in failed", { error, failures: this.count });
    }
  }

  succeeded(url: string) {
    if (this.count) log.info("check-in works again", { url, failures: this.count, downS: Math.round((Date.now() - this.since) / 1000) });
    this.since = this.count = 0;
  }
}
