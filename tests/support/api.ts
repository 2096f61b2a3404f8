import { readFileSync } from "node:fs";
import WebSocket from "ws";
import { createClient, type Client } from "graphql-ws";
import { env } from "./env.js";

export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

/**
 * A browser-like API client: talks to nginx over https, keeps the sign-in cookie,
 * and can open WebSockets with that cookie. (NODE_EXTRA_CA_CERTS, set by scripts/test.sh,
 * makes Node trust the stack's self-signed certificate.)
 */
export class ApiClient {
  cookie = "";
  constructor(readonly baseUrl = env.publicUrl, readonly headers: Record<string, string> = {}) {}

  async gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
    const res = await this.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    try {
      return JSON.parse(text);
    } catch {
      throw new Error(`non-JSON answer ${res.status} from /graphql: ${text.slice(0, 300)}`);
    }
  }

  /** Like gql, but throws on any error and returns data. */
  async ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const r = await this.gql<T>(query, variables);
    if (r.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(r.errors)}`);
    return r.data as T;
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.headers)) headers.set(k, v);
    if (this.cookie) headers.set("cookie", this.cookie);
    const res = await fetch(this.baseUrl + path, { ...init, headers, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, value] = pair.split("=");
      const others = this.cookie.split("; ").filter((x) => x && !x.startsWith(`${name}=`));
      this.cookie = [...others, ...(value ? [`${name}=${value}`] : [])].join("; ");
    }
    return res;
  }

  async signIn(username: string, password: string) {
    const r = await this.gql(`mutation($u:String!,$p:String!){ signIn(username:$u,password:$p){ id username role } }`, { u: username, p: password });
    if (r.errors) throw new Error(`sign-in failed: ${JSON.stringify(r.errors)}`);
    return r.data!.signIn as { id: string; username: string; role: string };
  }

  /** A raw WebSocket to a path on the front door, carrying this client's cookie. */
  websocket(path: string, protocols?: string[]): WebSocket {
    const url = this.baseUrl.replace(/^http/, "ws") + path;
    return new WebSocket(url, protocols, { headers: { cookie: this.cookie, ...this.headers }, ca: tlsCa() });
  }

  /** A graphql-ws client through nginx, authenticated by this client's cookie. */
  subscriptions(): Client {
    const headers = { ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}) };
    return createClient({
      url: this.baseUrl.replace(/^http/, "ws") + "/graphql",
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers, ca: tlsCa() });
        }
      },
      retryAttempts: 0,
      lazy: true,
    });
  }
}

let ca: Buffer | undefined;
const tlsCa = () => (ca ??= readFileSync(env.tlsCert));

/** Collects the next `n` events of a subscription (or fewer, if it errors or ends). */
export function subscribe<T = any>(client: Client, query: string, variables: Record<string, unknown>) {
  const events: { data?: T; errors?: GqlResult["errors"] }[] = [];
  let done = false;
  let error: unknown;
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (v) => void events.push(v as any),
      error: (e) => {
        error = e;
        done = true;
      },
      complete: () => void (done = true),
    },
  );
  return {
    events,
    get done() {
      return done;
    },
    get error() {
      return error;
    },
    dispose,
  };
}
