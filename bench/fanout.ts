import WebSocket from "ws";
import type { Benchmark, BenchContext } from "./lib/types.js";
import type { BenchUser } from "./lib/users.js";
import { env } from "../tests/support/env.js";
import { startProc, stopProc, waitFor } from "../tests/support/stack.js";
import { mapLimit, request, sleep } from "./lib/http.js";
import { destroySessions, launchAndOpen } from "./lib/sessions.js";
import { nowMs, round, summarize } from "./lib/stats.js";

const SUBSCRIBERS = Number(process.env.BENCH_FANOUT_SUBSCRIBERS ?? 1000);
const MESSAGES = Number(process.env.BENCH_FANOUT_MESSAGES ?? 20);
// Chat allows 5 messages per user every 10 s: the owner and guests take turns sending.
const USERS = 12;
const GOAL_P99_MS = 100;
const portA = Number(process.env.BERTH_MANAGER_PORT ?? 14000);
const portB = portA + 1;
// The floor's two processes (bench/lib/fanout-floor.ts).
const floorA = portA + 20;
const floorB = portA + 21;

/**
 * A bare graphql-transport-ws subscriber: the arrival time is taken before anything is parsed.
 * Without a cookie it is a subscriber of the floor, which needs no handshake.
 */
class Subscriber {
  readonly arrivals = new Map<string, number>();
  private ws!: WebSocket;
  constructor(
    readonly port: number,
    private readonly cookie: string | null,
    private readonly sessionId: string,
  ) {}

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const floor = this.cookie === null;
      this.ws = floor
        ? new WebSocket(`ws://127.0.0.1:${this.port}/`)
        : new WebSocket(`ws://127.0.0.1:${this.port}/graphql`, "graphql-transport-ws", { headers: { cookie: this.cookie! } });
      this.ws.once("error", reject);
      this.ws.once("open", () => (floor ? resolve() : this.ws.send(JSON.stringify({ type: "connection_init", payload: {} }))));
      this.ws.on("message", (raw) => {
        const at = nowMs();
        const m = JSON.parse(raw.toString());
        if (m.type === "connection_ack") {
          this.ws.send(
            JSON.stringify({
              id: "chat",
              type: "subscribe",
              payload: { query: `subscription($s:ID!){ chatMessageAdded(sessionId:$s){ id body } }`, variables: { s: this.sessionId } },
            }),
          );
          resolve();
        } else if (m.type === "next" && m.payload?.data?.chatMessageAdded) {
          this.arrivals.set(m.payload.data.chatMessageAdded.body, at);
        } else if (m.type === "error") {
          reject(new Error(`subscription refused: ${JSON.stringify(m.payload)}`));
        }
      });
    });
  }

  close() {
    this.ws?.terminate();
  }
}

/**
 * Chat fan-out: SUBSCRIBERS graphql-ws subscriptions to one session's chat, half on each of two
 * manager processes (straight to their ports: nginx fronts only the first in the test profile),
 * the owner and guests of a shared session. Messages are sent one at a time through manager A;
 * each one's delivery time is arrival at a subscriber minus the moment the mutation was sent.
 */
export const fanout: Benchmark = {
  name: "fanout",
  title: `Chat fan-out to ${SUBSCRIBERS} subscribers on 2 managers`,
  async run(ctx: BenchContext) {
    startProc({ name: "manager-b", script: "dist/server/src/main.js", env: { BERTH_MANAGER_PORT: String(portB) } });
    const subs: Subscriber[] = [];
    let owned: { user: BenchUser; sessionId: string } | undefined;
    try {
      await waitFor("manager B", async () => (await fetch(`http://127.0.0.1:${portB}/healthz`)).ok, 30_000);
      const users = await ctx.users(USERS);
      const [owner, ...guests] = users;
      await owner.connected();
      const { sessionId } = await launchAndOpen(owner, ctx.tiny.id);
      owned = { user: owner, sessionId };
      const share = await owner.client.ok<{ shareSession: { id: string } }>(`mutation($s:ID!){ shareSession(sessionId:$s, mode: VIEW){ id } }`, { s: sessionId });
      await Promise.all(guests.map((g) => g.client.ok(`mutation($id:String!){ joinShare(shareId:$id){ id } }`, { id: share.shareSession.id })));

      for (let i = 0; i < SUBSCRIBERS; i++) subs.push(new Subscriber(i % 2 ? portB : portA, users[i % users.length].client.cookie, sessionId));
      const t0 = Date.now();
      await mapLimit(subs, 50, (s) => s.open());
      ctx.log(`${SUBSCRIBERS} subscribers connected in ${Date.now() - t0} ms`);

      let sent = 0;
      const send = async (body: string) => {
        const sender = users[sent++ % users.length];
        const at = nowMs();
        const a = await request(`http://127.0.0.1:${portA}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: sender.client.cookie },
          body: JSON.stringify({ query: `mutation($s:ID!,$b:String!){ sendChatMessage(sessionId:$s, body:$b){ id } }`, variables: { s: sessionId, b: body } }),
        });
        if (a.status !== 200 || a.body.includes(`"errors"`)) throw new Error(`sendChatMessage: HTTP ${a.status} ${a.body.slice(0, 300)}`);
        return at;
      };
      const berth = await measure(subs, send, portA);
      for (const s of subs) s.close();
      subs.length = 0;

      // The floor: the same subscribers and messages on two bare WebSocket processes.
      ctx.log("floor: bare WebSocket servers with Redis between them");
      for (const [name, port] of [["fanout-floor-a", floorA], ["fanout-floor-b", floorB]] as const) {
        startProc({ name, script: "dist/bench/lib/fanout-floor.js", env: { FLOOR_PORT: String(port), REDIS_URL: env.redisUrl } });
        await waitFor(name, async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 10_000);
      }
      for (let i = 0; i < SUBSCRIBERS; i++) subs.push(new Subscriber(i % 2 ? floorB : floorA, null, sessionId));
      await mapLimit(subs, 50, (s) => s.open());
      const floor = await measure(
        subs,
        async (body) => {
          const at = nowMs();
          await request(`http://127.0.0.1:${floorA}/send`, { method: "POST", body });
          return at;
        },
        floorA,
      );

      const all = berth.all;
      const met = all.p99 < GOAL_P99_MS && berth.missing === 0;
      ctx.log(`delivery p50 ${all.p50} ms, p99 ${all.p99} ms, ${berth.missing} missing; floor p50 ${floor.all.p50} ms, p99 ${floor.all.p99} ms`);
      return {
        rows: [
          { metric: "delivery p50", berth: all.p50, baseline: floor.all.p50 },
          { metric: "delivery p99", berth: all.p99, baseline: floor.all.p99, goal: `< ${GOAL_P99_MS} ms`, met },
          { metric: "p99 on manager A (sender's)", berth: berth.onA.p99, baseline: floor.onA.p99 },
          { metric: "p99 on manager B (via Redis)", berth: berth.onB.p99, baseline: floor.onB.p99 },
          { metric: "last subscriber, p50 per message", berth: summarize(berth.lastPerMessage).p50, baseline: summarize(floor.lastPerMessage).p50 },
          { metric: "deliveries missing", berth: berth.missing, baseline: floor.missing, unit: "count" },
        ],
        goals: [{ text: `chat delivery p99 under ${GOAL_P99_MS} ms to ${SUBSCRIBERS} subscribers (got ${all.p99} ms)`, met }],
        data: {
          subscribers: SUBSCRIBERS,
          messages: MESSAGES,
          berth: { ...berth, lastPerMessage: berth.lastPerMessage.map((x) => round(x)) },
          floor: { ...floor, lastPerMessage: floor.lastPerMessage.map((x) => round(x)) },
        },
      };
    } finally {
      for (const s of subs) s.close();
      await stopProc("manager-b");
      await stopProc("fanout-floor-a");
      await stopProc("fanout-floor-b");
      if (owned) await destroySessions(ctx.docker, [owned]);
    }
  },
};

/**
 * Warm-up messages until one reaches every subscriber (subscriptions register asynchronously),
 * then MESSAGES messages one at a time; a delivery's time is its arrival minus the moment
 * `send` sent it.
 */
async function measure(subs: Subscriber[], send: (body: string) => Promise<number>, portA: number) {
  const everyone = (body: string) => subs.every((s) => s.arrivals.has(body));
  for (let w = 0; ; w++) {
    await send(`warm-${w}`);
    const ok = await waitFor(`warm-up ${w}`, () => everyone(`warm-${w}`), 5000, 20).then(() => true, () => false);
    if (ok) break;
    if (w >= 3) throw new Error(`after ${w + 1} warm-up messages, ${subs.filter((s) => !s.arrivals.has(`warm-${w}`)).length} subscribers still get nothing`);
  }
  const delays: number[] = [];
  const delaysA: number[] = [];
  const delaysB: number[] = [];
  const lastPerMessage: number[] = [];
  let missing = 0;
  for (let m = 0; m < MESSAGES; m++) {
    const body = `m-${m}`;
    const at = await send(body);
    await waitFor(`message ${m} everywhere`, () => everyone(body), 5000, 5).catch(() => {});
    let last = 0;
    for (const s of subs) {
      const arrived = s.arrivals.get(body);
      if (arrived === undefined) {
        missing++;
        continue;
      }
      const d = arrived - at;
      delays.push(d);
      (s.port === portA ? delaysA : delaysB).push(d);
      last = Math.max(last, d);
    }
    lastPerMessage.push(last);
    await sleep(100);
  }
  return { all: summarize(delays), onA: summarize(delaysA), onB: summarize(delaysB), lastPerMessage, missing };
}
