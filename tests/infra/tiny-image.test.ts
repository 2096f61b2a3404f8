// The tiny session image (images/tiny), run directly on the private Docker engine: its credential
// check, its page, its WebSocket echo (full and view-only) and a prompt `docker stop`.
// Needs the services and the image: scripts/test.sh starts the first and builds the second.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Docker from "dockerode";
import WebSocket from "ws";

const socketPath = (process.env.DOCKER_HOST ?? "unix:///run/berth/docker.sock").replace(/^unix:\/\//, "");
const image = `${process.env.BERTH_REGISTRY ?? "127.0.0.1:5000"}/berth/tiny:latest`;
const SECRET = `full-${Math.random().toString(36).slice(2)}`;
const VIEW_SECRET = `view-${Math.random().toString(36).slice(2)}`;
const SESSION_ID = "7d444840-9dc0-11d1-b245-5ffdce74fad2";

const docker = new Docker({ socketPath });
let container: Docker.Container | undefined;
let base = "";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens a WebSocket, sends `messages`, pings, and collects what comes back until it closes. */
function wsExchange(secret: string | null, messages: (string | Buffer)[]) {
  return new Promise<{ status?: number; received: string[]; pongs: number; closeCode?: number }>((resolve, reject) => {
    const headers: Record<string, string> = secret ? { Authorization: `Bearer ${secret}` } : {};
    const ws = new WebSocket(`${base.replace("http", "ws")}/websockify`, ["binary"], { headers });
    const received: string[] = [];
    let pongs = 0;
    ws.on("unexpected-response", (_req, res) => {
      resolve({ status: res.statusCode, received, pongs });
      res.resume();
    });
    ws.on("open", () => {
      for (const m of messages) ws.send(m);
      ws.ping("are you there");
    });
    ws.on("message", (data: Buffer, isBinary) => received.push(isBinary ? `binary:${data.length}` : data.toString()));
    // The pong comes after any echoes (the server answers frames in order): then close.
    ws.on("pong", () => {
      pongs++;
      ws.close(1000, "done");
    });
    ws.on("close", (code) => resolve({ received, pongs, closeCode: code }));
    ws.on("error", reject);
  });
}

beforeAll(async () => {
  container = await docker.createContainer({
    Image: image,
    Env: [`BERTH_SESSION_SECRET=${SECRET}`, `BERTH_VIEW_SECRET=${VIEW_SECRET}`, `BERTH_SESSION_ID=${SESSION_ID}`],
    ExposedPorts: { "6901/tcp": {} },
    HostConfig: { PortBindings: { "6901/tcp": [{ HostIp: "127.0.0.1", HostPort: "" }] } },
    Labels: { "org.berth.test": "tiny-image" },
  });
  await container.start();
  const info = await container.inspect();
  const binding = info.NetworkSettings.Ports["6901/tcp"]?.[0];
  expect(binding?.HostIp).toBe("127.0.0.1");
  base = `http://127.0.0.1:${binding!.HostPort}`;
  // Wait until it listens (it starts in a few milliseconds, docker-proxy may take a little longer).
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await fetch(base);
      break;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await sleep(50);
    }
  }
});

afterAll(async () => {
  await container?.remove({ force: true }).catch(() => undefined);
});

describe("tiny session image", () => {
  it("runs as an unprivileged user", async () => {
    const info = await container!.inspect();
    expect(info.Config.User).toBe("1000:1000");
  });

  it("answers 401 without the session credential, or with a wrong one", async () => {
    const none = await fetch(`${base}/`);
    expect(none.status).toBe(401);
    expect(await none.text()).toContain("missing or wrong session credential");
    const wrong = await fetch(`${base}/`, { headers: { Authorization: `Bearer ${SECRET}x` } });
    expect(wrong.status).toBe(401);
    const ws = await wsExchange(null, ["hello"]);
    expect(ws.status).toBe(401);
  });

  it("serves its page with the full or the view-only secret, on any path, GET and HEAD", async () => {
    const res = await fetch(`${base}/any/path?x=1`, { headers: { Authorization: `Bearer ${SECRET}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("<title>Berth tiny session</title>");
    expect(html).toContain('<h1 id="berth-tiny">Berth tiny session</h1>');
    expect(html).toContain(SESSION_ID);

    const view = await fetch(`${base}/`, { headers: { Authorization: `Bearer ${VIEW_SECRET}` } });
    expect(view.status).toBe(200);
    const head = await fetch(`${base}/`, { method: "HEAD", headers: { Authorization: `Bearer ${SECRET}` } });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("echoes WebSocket messages (text and a large binary one) with the full secret", async () => {
    const big = Buffer.alloc(200_000, 7);
    const r = await wsExchange(SECRET, ["hello", "wörld", big]);
    expect(r.received).toEqual(["hello", "wörld", `binary:${big.length}`]);
    expect(r.pongs).toBe(1);
    expect(r.closeCode).toBe(1000);
  });

  it("accepts the view-only secret but ignores its input", async () => {
    const r = await wsExchange(VIEW_SECRET, ["typed keys", Buffer.from([1, 2, 3])]);
    expect(r.status).toBeUndefined();
    expect(r.received).toEqual([]);
    expect(r.pongs).toBe(1);
  });

  it("serves several connections at once", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => wsExchange(SECRET, [`m${i}`])));
    results.forEach((r, i) => expect(r.received).toEqual([`m${i}`]));
  });

  it("stops promptly on docker stop (PID 1 handles SIGTERM)", async () => {
    const t0 = performance.now();
    await container!.stop({ t: 5 });
    const ms = performance.now() - t0;
    console.log(`tiny image: docker stop took ${ms.toFixed(0)} ms`);
    const info = await container!.inspect();
    expect(info.State.Running).toBe(false);
    // Exit code 0 means it exited on SIGTERM by itself (137 would mean SIGKILL after the grace time).
    expect(info.State.ExitCode).toBe(0);
    expect(ms).toBeLessThan(4_000);
  });
});
