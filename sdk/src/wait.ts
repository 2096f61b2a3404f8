import { BerthError } from "./errors.js";
import type { SessionStatus } from "./generated/graphql.js";

/** Statuses a session never leaves. */
export const ENDED_STATUSES: readonly SessionStatus[] = ["STOPPED", "FAILED", "LOST"];

export interface WaitOptions<S> {
  /** The status (or any of the statuses) to wait for. Default RUNNING. */
  until?: SessionStatus | SessionStatus[];
  /** Give up after this long (BerthError TIMEOUT). Default 120 000. */
  timeoutMs?: number;
  /** Called with the session whenever its status or statusMessage changes (the first state included). */
  onProgress?: (session: S) => void;
  /** How often to ask when the subscription is not available. Default 1000. */
  pollIntervalMs?: number;
  /** false: poll only, never open a WebSocket. Default true. */
  subscribe?: boolean;
}

/** How waitFor watches a session: a live stream, and a single read. */
export interface SessionSource<S> {
  /**
   * Streams the session's states. `fail(error, fatal)`: fatal errors are the server's refusal
   * (FORBIDDEN, NOT_FOUND); others mean the stream broke and polling takes over.
   */
  watch(onSession: (s: S) => void, fail: (error: BerthError, fatal: boolean) => void): () => void;
  get(): Promise<S>;
}

// Even with a live stream, read the session now and then: an event lost between a manager
// and Redis then costs seconds, not the whole timeout.
const SAFETY_POLL_MS = 10_000;

/**
 * Resolves with the session once its status is one of `until`; rejects with SESSION_ENDED if it
 * ends first, TIMEOUT when the time runs out, or the server's error. The subscription is the
 * fast path; polling is the fallback when the WebSocket cannot be opened or breaks.
 */
export function waitForStatus<S extends { id: string; status: SessionStatus; statusMessage: string }>(
  source: SessionSource<S>,
  opts: WaitOptions<S> = {},
): Promise<S> {
  const wanted = new Set<SessionStatus>([opts.until ?? "RUNNING"].flat());
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const pollMs = opts.pollIntervalMs ?? 1000;

  return new Promise<S>((resolve, reject) => {
    let done = false;
    let polling = false;
    let last: S | undefined;
    let pollTimer: NodeJS.Timeout | undefined;
    let stopWatching = () => {};

    const finish = (error: BerthError | undefined, session?: S) => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      clearTimeout(pollTimer);
      stopWatching();
      if (error) reject(error);
      else resolve(session!);
    };

    const see = (s: S) => {
      if (done) return;
      const changed = !last || last.status !== s.status || last.statusMessage !== s.statusMessage;
      last = s;
      if (changed && opts.onProgress) {
        try {
          opts.onProgress(s);
        } catch (e) {
          return finish(new BerthError("CALLBACK_ERROR", `onProgress threw: ${(e as Error)?.message ?? e}`));
        }
      }
      if (wanted.has(s.status)) return finish(undefined, s);
      if (ENDED_STATUSES.includes(s.status)) {
        const why = s.statusMessage ? `: ${s.statusMessage}` : "";
        finish(new BerthError("SESSION_ENDED", `session ${s.id} ended ${s.status}${why} (waited for ${[...wanted].join(" or ")})`, [], { session: s }));
      }
    };

    const poll = async (everyMs: number) => {
      if (done) return;
      try {
        see(await source.get());
      } catch (e) {
        // The server said no: waiting longer will not change that. A network blip might pass.
        const err = e instanceof BerthError ? e : new BerthError("NETWORK_ERROR", String(e));
        if (!["NETWORK_ERROR", "HTTP_ERROR", "TIMEOUT", "UNAVAILABLE"].includes(err.code)) return finish(err);
      }
      if (!done) pollTimer = setTimeout(() => void poll(everyMs), everyMs);
    };

    const startPolling = () => {
      if (polling || done) return;
      polling = true;
      clearTimeout(pollTimer);
      void poll(pollMs);
    };

    const deadline = setTimeout(() => {
      const now = last ? ` (last seen: ${last.status}${last.statusMessage ? `, ${last.statusMessage}` : ""})` : "";
      finish(new BerthError("TIMEOUT", `session did not become ${[...wanted].join(" or ")} within ${Math.round(timeoutMs / 1000)} s${now}`));
    }, timeoutMs);

    if (opts.subscribe === false) return startPolling();
    try {
      stopWatching = source.watch(see, (error, fatal) => (fatal ? finish(error) : startPolling()));
    } catch {
      return startPolling();
    }
    pollTimer = setTimeout(function safety() {
      if (polling || done) return;
      void source.get().then(see, () => {});
      pollTimer = setTimeout(safety, SAFETY_POLL_MS);
    }, SAFETY_POLL_MS);
  });
}
