import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import WebSocket from "ws";
import { createClient, type Client } from "graphql-ws";
import { hashPassword } from "../../server/src/auth/password.js";
import { ApiClient } from "../../tests/support/api.js";
import { testDb } from "../../tests/support/db.js";
import { env } from "../../tests/support/env.js";
import { mapLimit } from "./http.js";

/** A signed-in user: an https client through nginx with its cookie, and a graphql-ws client (also through nginx). */
export interface BenchUser {
  id: string;
  username: string;
  client: ApiClient;
  /** A graphql-ws connection through nginx, opened once and kept, as an open portal keeps one. */
  ws(): Client;
  /** Resolves once that connection is open and acknowledged. */
  connected(): Promise<void>;
  disconnect(): Promise<void>;
}

const PASSWORD = `bench-${randomBytes(6).toString("hex")}`;

/**
 * A growing pool of users. Rows are written straight to the bench database with one shared
 * password hash (scrypt is deliberately slow, and hashing is not what is measured); each user
 * then signs in through nginx like a browser.
 */
export class UserPool {
  private readonly users: BenchUser[] = [];
  private hash: Promise<string> | undefined;

  async take(n: number): Promise<BenchUser[]> {
    if (this.users.length < n) {
      const hash = await (this.hash ??= hashPassword(PASSWORD));
      const tag = randomBytes(3).toString("hex");
      const names = Array.from({ length: n - this.users.length }, (_, i) => `bench-${tag}-${this.users.length + i}`);
      await testDb().user.createMany({ data: names.map((username) => ({ username, passwordHash: hash, role: "USER" as const })) });
      const made = await mapLimit(names, 8, async (username) => {
        const client = new ApiClient();
        const me = await client.signIn(username, PASSWORD);
        return withSocket({ id: me.id, username, client });
      });
      this.users.push(...made);
    }
    return this.users.slice(0, n);
  }

  async close() {
    await Promise.all(this.users.map((u) => u.disconnect()));
  }
}

function withSocket(u: { id: string; username: string; client: ApiClient }): BenchUser {
  let ws: Client | undefined;
  let ready: Promise<void> | undefined;
  const open = () => {
    if (ws) return ws;
    const headers = { cookie: u.client.cookie };
    const ca = readFileSync(env.tlsCert);
    let ack: () => void = () => {};
    ready = new Promise<void>((r) => (ack = r));
    const client: Client = createClient({
      url: u.client.baseUrl.replace(/^http/, "ws") + "/graphql",
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers, ca });
        }
      },
      lazy: false,
      retryAttempts: 0,
      // A dropped connection (the manager restarted) is replaced on next use.
      on: { connected: () => ack(), closed: () => void (ws === client && (ws = undefined)) },
    });
    ws = client;
    return client;
  };
  return {
    ...u,
    ws: open,
    connected: () => (open(), ready!),
    disconnect: async () => {
      const c = ws;
      ws = undefined;
      await c?.dispose();
    },
  };
}
