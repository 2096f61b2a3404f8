import type { CheckInInput, ContainerReportInput, HostFactsInput, ResourcesInput } from "./api/generated/graphql.js";
import type { ImageManager } from "./images.js";
import { errorText, log } from "./log.js";
import type { SessionOperations } from "./operations.js";
import type { ContainerState, Provider } from "./providers/provider.js";
import { planReconcile, type Action, type DesiredState } from "./reconcile.js";

export interface CheckInDeps {
  provider: Pick<Provider, "list">;
  ops: SessionOperations;
  images: Pick<ImageManager, "report">;
  hostFacts: () => Promise<HostFactsInput>;
  resources: () => Promise<ResourcesInput>;
  send: (input: CheckInInput) => Promise<DesiredState>;
  /** Viewer revocations already applied, per container (so each is sent to a container once). */
  revokedApplied?: () => ReadonlyMap<string, ReadonlySet<string>>;
}

export interface CheckInResult {
  desired: DesiredState;
  actions: Action[];
}

/**
 * One check-in: list this installation's containers, tell the manager everything, and plan
 * what its answer asks for. Sessions whose operation ran during the listing are marked busy,
 * so neither side judges them on a list that may be out of date.
 */
export async function checkInOnce(deps: CheckInDeps): Promise<CheckInResult> {
  const mark = deps.ops.mark();
  const containers = await deps.provider.list();
  const [host, resources] = await Promise.all([deps.hostFacts(), deps.resources()]);
  const input: CheckInInput = {
    host,
    resources,
    containers: containers.filter(reportable).map(toReport),
    images: deps.images.report(),
    busySessionIds: deps.ops.busySince(mark),
  };
  const desired = await deps.send(input);
  // Operations may have finished while the manager answered: judge with the latest busy set.
  const busy = new Set(deps.ops.busySince(mark));
  const running = new Set([...busy].filter((id) => deps.ops.isRunning(id)));
  deps.ops.forgetUpTo(mark);
  return { desired, actions: planReconcile(desired.sessions, containers, busy, running, deps.revokedApplied?.()) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const reportable = (c: ContainerState) => UUID.test(c.sessionId);
const toReport = (c: ContainerState): ContainerReportInput => ({
  sessionId: c.sessionId,
  containerId: c.containerId,
  state: c.state,
  hostPort: c.hostPort,
});

/**
 * Runs check-ins on a timer and on demand. Demands coalesce: at most one check-in runs and
 * one more waits, however many nudges arrive meanwhile. The timer restarts after each run.
 */
export class CheckInLoop {
  private inFlight: Promise<void> | null = null;
  private queued = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly run: () => Promise<void>,
    private readonly intervalMs: () => number,
  ) {}

  /** Check in as soon as possible (now, or right after the one in flight). */
  trigger(reason: string) {
    if (this.stopped) return;
    if (this.inFlight) {
      this.queued = true;
      return;
    }
    clearTimeout(this.timer);
    log.debug("check-in", { reason });
    this.inFlight = this.run()
      .catch((e) => log.error("check-in failed unexpectedly", { error: errorText(e) }))
      .finally(() => {
        this.inFlight = null;
        if (this.stopped) return;
        if (this.queued) {
          this.queued = false;
          this.trigger("queued");
        } else {
          this.timer = setTimeout(() => this.trigger("timer"), this.intervalMs());
        }
      });
  }

  /** No more check-ins; resolves when the one in flight (if any) is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight;
  }
}
