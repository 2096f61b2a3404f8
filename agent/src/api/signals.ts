import { createClient, type Client } from "graphql-ws";
import { print } from "graphql";
import WebSocket from "ws";
import { log } from "../log.js";
import { sleep } from "../timing.js";
import { AgentSignalsDocument } from "./generated/graphql.js";

export interface SignalsOptions {
  /** The manager in use right now (http(s)://.../graphql); read at each (re)connect. */
  url: () => string;
  token: () => string;
  /** Called for each nudge: at connect, and whenever the desired state changed. */
  onSignal: (reason: string) => void;
  /** Called with GraphQL errors the subscription ends with (e.g. UNAUTHENTICATED). */
  onError?: (code: string, message: string) => void;
}

/**
 * Holds the agentSignals subscription open for as long as the agent runs: reconnects for
 * ever (backoff capped at about a second), and subscribes again when the stream ends.
 */
export function subscribeSignals(opts: SignalsOptions): { dispose(): Promise<void> } {
  let disposed = false;
  let wasConnected = false;
  let unsubscribe: (() => void) | null = null;
  const client: Client = createClient({
    url: () => toWebSocketUrl(opts.url()),
    webSocketImpl: WebSocket,
    connectionParams: () => ({ authorization: `Bearer ${opts.token()}` }),
    lazy: false,
    keepAlive: 10_000,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => sleep(Math.min(1000, 100 * 2 ** retries) * (0.75 + Math.random() * 0.5)),
    on: {
      connected: () => {
        wasConnected = true;
        log.info("signals: connected", { url: opts.url() });
      },
      closed: (event) => {
        if (disposed || !wasConnected) return;
        wasConnected = false;
        const code = (event as { code?: number })?.code;
        log.warn("signals: connection lost; reconnecting", { url: opts.url(), code });
      },
    },
  });
  // graphql-ws reports connection failures through sinks and "on" handlers; keep them out of the process's way.
  client.on("error", () => {});

  const subscribe = () => {
    if (disposed) return;
    unsubscribe = client.subscribe<{ agentSignals: { reason: string } }>(
      { query: print(AgentSignalsDocument) },
      {
        next: (r) => {
          const reason = r.data?.agentSignals.reason;
          if (reason) opts.onSignal(reason);
          const e = r.errors?.[0];
          if (e) opts.onError?.(String(e.extensions?.code ?? "ERROR"), e.message);
        },
        error: (err) => {
          const e = Array.isArray(err) ? err[0] : err;
          const code = String((e as { extensions?: { code?: string } })?.extensions?.code ?? "ERROR");
          const message = (e as Error)?.message ?? String(e);
          opts.onError?.(code, message);
          void sleep(1000).then(subscribe);
        },
        // The manager ended the stream (restart, deploy): ask again.
        complete: () => void sleep(200).then(subscribe),
      },
    );
  };
  subscribe();

  return {
    async dispose() {
      disposed = true;
      unsubscribe?.();
      await client.dispose();
    },
  };
}

export const toWebSocketUrl = (url: string) => url.replace(/^http(s?):\/\//, "ws$1://");
