/**
 * The fan-out benchmark's floor: what two bare Node processes do with the same design and nothing
 * else. Each serves plain WebSockets on its port and subscribes to one Redis channel; a POST to
 * /send on either publishes the body there, and each process writes every message it gets from
 * Redis to all its sockets, framed as graphql-ws "next" messages like Berth's. No GraphQL, no
 * database, no authorisation: the cost of the sockets, Redis and JSON alone.
 *
 *   FLOOR_PORT=14020 REDIS_URL=redis://127.0.0.1:16380 node dist/bench/lib/fanout-floor.js
 */
import { createServer } from "node:http";
import { Redis } from "ioredis";
import { WebSocketServer, type WebSocket } from "ws";

const CHANNEL = "bench-fanout-floor";

function main() {
  const [port, redisUrl] = [Number(process.env.FLOOR_PORT), process.env.REDIS_URL ?? "redis://127.0.0.1:16380"];
  const pub = new Redis(redisUrl);
  const sub = new Redis(redisUrl);
  const sockets = new Set<WebSocket>();
  const server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/healthz") return void res.end("ok");
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      await pub.publish(CHANNEL, JSON.stringify({ id: String(Date.now()), body }));
      res.end("{}");
    });
  });
  const wss = new WebSocketServer({ server });
  wss.on("connection", (ws) => {
    sockets.add(ws);
    ws.on("close", () => sockets.delete(ws));
  });
  void sub.subscribe(CHANNEL);
  sub.on("message", (_channel, message) => {
    const event = JSON.parse(message) as { id: string; body: string };
    // One frame per socket, as graphql-ws sends (each carries its own subscription id).
    for (const ws of sockets) ws.send(JSON.stringify({ id: "chat", type: "next", payload: { data: { chatMessageAdded: event } } }));
  });
  server.listen(port, "127.0.0.1");
  process.on("SIGTERM", () => process.exit(0));
}

main();
