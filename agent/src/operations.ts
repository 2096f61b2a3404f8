import { errorText, log } from "./log.js";

export type OperationKind = "start" | "adopt" | "remove" | "pause" | "resume" | "revoke";

interface Running {
  kind: OperationKind;
  controller: AbortController;
  done: Promise<void>;
}

/**
 * The work in progress per session: at most one operation per session at a time, and a memory
 * of which ones finished after a given mark. A check-in takes a mark before it lists containers;
 * sessions whose operation was running, or finished after the mark, are "busy" for that check-in,
 * because its container list may not show what the operation did (see the manager's reconcile.ts).
 */
export class SessionOperations {
  private seq = 0;
  private readonly running = new Map<string, Running>();
  private readonly finishedAt = new Map<string, number>();

  /** Take before listing containers; pass to busySince and forgetUpTo. */
  mark(): number {
    return ++this.seq;
  }

  /** Sessions with an operation in progress, or one that finished after the mark. */
  busySince(mark: number): string[] {
    const busy = new Set(this.running.keys());
    for (const [id, at] of this.finishedAt) if (at > mark) busy.add(id);
    return [...busy];
  }

  isRunning(sessionId: string): boolean {
    return this.running.has(sessionId);
  }

  /** Drops memories a finished check-in no longer needs. */
  forgetUpTo(mark: number) {
    for (const [id, at] of this.finishedAt) if (at <= mark) this.finishedAt.delete(id);
  }

  /** Runs fn for the session unless it already has an operation; false when it was busy. */
  run(sessionId: string, kind: OperationKind, fn: (signal: AbortSignal) => Promise<void>): boolean {
    if (this.running.has(sessionId)) return false;
    const controller = new AbortController();
    const done = Promise.resolve()
      .then(() => fn(controller.signal))
      .catch((e) => log.error("session operation failed unexpectedly", { sessionId, kind, error: errorText(e) }))
      .finally(() => {
        this.running.delete(sessionId);
        this.finishedAt.set(sessionId, ++this.seq);
      });
    this.running.set(sessionId, { kind, controller, done });
    return true;
  }

  /** Asks a running start to give up (its session is no longer wanted). */
  cancel(sessionId: string): boolean {
    const op = this.running.get(sessionId);
    if (!op || op.kind === "remove" || op.controller.signal.aborted) return false;
    op.controller.abort();
    return true;
  }

  /** Resolves when every operation running now has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running.values()].map((r) => r.done));
  }
}
