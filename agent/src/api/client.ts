import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type DocumentNode } from "graphql";
import { log } from "../log.js";

/** The manager answered with a GraphQL error: it understood us and said no. */
export class ManagerError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** No manager in the list answered. */
export class ManagerUnreachable extends Error {}

/** One URL did not answer (network error, timeout, 5xx, or an answer that is not GraphQL). */
class NotAnswering extends Error {}

// Codes that say "this manager cannot serve right now", so another one may.
const FAIL_OVER_CODES = new Set(["UNAVAILABLE"]);

export interface ManagerClientOptions {
  /** Per-request time limit. */
  timeoutMs?: number;
}

/**
 * Queries and mutations over HTTP (fetch), with failover: when the current manager stops
 * answering, the next URL in the list becomes current, and stays so while it answers.
 */
export class ManagerClient {
  private current = 0;
  private token: string | undefined;
  private readonly printed = new WeakMap<DocumentNode, string>();

  constructor(
    private readonly urls: string[],
    private readonly opts: ManagerClientOptions = {},
  ) {
    if (urls.length === 0) throw new Error("ManagerClient needs at least one URL");
  }

  /** The manager currently in use (the subscription connects there too). */
  get url(): string {
    return this.urls[this.current];
  }

  setToken(token: string) {
    this.token = token;
  }

  getToken(): string | undefined {
    return this.token;
  }

  async request<R, V extends Record<string, unknown>>(doc: TypedDocumentNode<R, V>, variables: V): Promise<R> {
    const query = this.print(doc);
    const failed: string[] = [];
    for (let tried = 0; tried < this.urls.length; tried++) {
      const url = this.url;
      try {
        const data = await this.post<R>(url, query, variables);
        if (failed.length) log.warn("switched to another manager", { url, notAnswering: failed });
        return data;
      } catch (e) {
        if (!(e instanceof NotAnswering)) throw e;
        failed.push(`${url}: ${e.message}`);
        this.current = (this.current + 1) % this.urls.length;
      }
    }
    throw new ManagerUnreachable(`no manager answered (${failed.join("; ")})`);
  }

  private async post<R>(url: string, query: string, variables: unknown): Promise<R> {
    let res: Response;
    try {
      res = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 30_000),
      });
    } catch (e) {
      throw new NotAnswering(fetchErrorText(e));
    }
    if (res.status >= 500) {
      await res.body?.cancel().catch(() => {});
      throw new NotAnswering(`HTTP ${res.status}`);
    }
    let body: { data?: R | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new NotAnswering(`HTTP ${res.status} without a GraphQL answer (is ${url} a Berth manager?)`);
    }
    const error = body.errors?.[0];
    if (error) {
      const code = error.extensions?.code ?? `HTTP_${res.status}`;
      if (FAIL_OVER_CODES.has(code)) throw new NotAnswering(`${code}: ${error.message}`);
      throw new ManagerError(error.message, code);
    }
    if (!body.data) throw new NotAnswering(`HTTP ${res.status} with neither data nor errors`);
    return body.data;
  }

  private print(doc: DocumentNode): string {
    let text = this.printed.get(doc);
    if (!text) this.printed.set(doc, (text = print(doc)));
    return text;
  }
}

/** fetch hides the reason in `cause` ("fetch failed" alone helps nobody). */
function fetchErrorText(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === "TimeoutError") return "timed out";
  const cause = err?.cause;
  return cause ? `${cause.code ?? ""} ${cause.message ?? ""}`.trim() : String(err?.message ?? e);
}

export const isUnauthenticated = (e: unknown): boolean => e instanceof ManagerError && e.code === "UNAUTHENTICATED";
