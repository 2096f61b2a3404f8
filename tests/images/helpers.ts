// Helpers for the session image tests (tests/images/*.test.ts): running an image the way the agent
// does, a small proxy that serves it under /session/<id>/ and adds the credential the way nginx
// does, and a minimal RFB (VNC) client that speaks through the gateway's WebSocket.
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import Docker from "dockerode";
import WebSocket from "ws";

export const docker = new Docker({
  socketPath: (process.env.DOCKER_HOST ?? "unix:///run/berth/docker.sock").replace(/^unix:\/\//, ""),
});
export const registry = process.env.BERTH_REGISTRY ?? "127.0.0.1:5000";
/** This test process' containers carry this label value, so parallel runs leave each other alone. */
const RUN = `${process.pid}-${randomBytes(4).toString("hex")}`;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The image reference to test: the registry's copy (what agents pull), else the local tag. */
export async function findImage(name: string): Promise<string | null> {
  // The desktops take minutes to build and to test: opt in with BERTH_TEST_DESKTOPS=1 after `bash images/build.sh`.
  if (name !== "tiny" && process.env.BERTH_TEST_DESKTOPS !== "1") return null;
  for (const ref of [`${registry}/berth/${name}:latest`, `berth/${name}:latest`]) {
    try {
      await docker.getImage(ref).inspect();
      return ref;
    } catch {
      // try the next
    }
  }
  return null;
}

export interface SessionContainer {
  container: Docker.Container;
  port: number;
  secret: string;
  viewSecret: string;
  sessionId: string;
  /** When `docker create` was called (performance.now()). */
  createdAt: number;
  /** When the container had started (performance.now()). */
  startedAt: number;
}

export interface RunOptions {
  env?: Record<string, string>;
  memoryMb?: number;
  cores?: number;
  shmMb?: number;
}

/**
 * Runs an image with the agent's settings (agent/src/providers/docker.provider.ts): no
 * capabilities, no-new-privileges, the default seccomp profile, 1024 pids, memory without swap,
 * CPU and /dev/shm limits, port 6901 published on 127.0.0.1 only. DNS points at the container's
 * own loopback, where nothing answers, so nothing inside reaches out (tests talk to loopback only).
 */
export async function runSession(image: string, o: RunOptions = {}): Promise<SessionContainer> {
  const secret = `full-${randomBytes(12).toString("hex")}`;
  const viewSecret = `view-${randomBytes(12).toString("hex")}`;
  const sessionId = randomUUID();
  const memory = (o.memoryMb ?? 2048) * 1024 * 1024;
  const env = {
    BERTH_SESSION_SECRET: secret,
    BERTH_VIEW_SECRET: viewSecret,
    BERTH_SESSION_ID: sessionId,
    ...o.env,
  };
  const createdAt = performance.now();
  const container = await docker.createContainer({
    Image: image,
    Env: Object.entries(env).map(([k, v]) => `${k}=${v}`),
    Labels: { "org.berth.test": "images", "org.berth.test.run": RUN },
    ExposedPorts: { "6901/tcp": {} },
    HostConfig: {
      NanoCpus: Math.round((o.cores ?? 2) * 1e9),
      Memory: memory,
      MemorySwap: memory,
      ShmSize: (o.shmMb ?? 64) * 1024 * 1024,
      PortBindings: { "6901/tcp": [{ HostIp: "127.0.0.1", HostPort: "" }] },
      SecurityOpt: ["no-new-privileges"],
      PidsLimit: 1024,
      CapDrop: ["ALL"],
      Dns: ["127.0.0.1"],
      RestartPolicy: { Name: "no" },
    },
  });
  await container.start();
  const startedAt = performance.now();
  const info = await container.inspect();
  const binding = info.NetworkSettings.Ports["6901/tcp"]?.[0];
  if (!binding || binding.HostIp !== "127.0.0.1") throw new Error("port 6901 is not published on 127.0.0.1");
  return { container, port: Number(binding.HostPort), secret, viewSecret, sessionId, createdAt, startedAt };
}

/** Waits like the agent's probe: until GET / answers below 500 with the credential. */
export async function waitForHttp(port: number, secret: string, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { authorization: `Bearer ${secret}` } });
      await res.body?.cancel();
      if (res.status < 500) return performance.now();
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
    if (Date.now() > deadline) throw new Error(`port ${port} did not answer within ${timeoutMs} ms`);
    await sleep(20);
  }
}

/** Removes this run's containers, and any other run's left over for more than 15 minutes. */
export async function removeTestContainers() {
  const list = await docker.listContainers({ all: true, filters: { label: ["org.berth.test=images"] } });
  const stale = Date.now() / 1000 - 15 * 60;
  const ours = list.filter((c) => c.Labels["org.berth.test.run"] === RUN || c.Created < stale);
  await Promise.all(ours.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => {})));
}

/** Runs a command in the container as its user; returns its output. */
export async function execIn(container: Docker.Container, cmd: string[]): Promise<string> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  await new Promise((r) => stream.on("end", r));
  // Demultiplex Docker's 8-byte frame headers.
  const all = Buffer.concat(chunks);
  let out = "";
  for (let i = 0; i + 8 <= all.length; ) {
    const len = all.readUInt32BE(i + 4);
    out += all.subarray(i + 8, i + 8 + len).toString();
    i += 8 + len;
  }
  return out;
}

// ------------------------------------------------------------------ a proxy like nginx

export interface PrefixProxy {
  url: string; // http://127.0.0.1:P/session/<id>/
  close(): Promise<void>;
}

/**
 * Serves the session under /session/<id>/ on 127.0.0.1, strips the prefix and adds
 * "Authorization: Bearer <secret>" on the way to the session, for pages and WebSockets alike, as
 * nginx does. The browser never sees the secret.
 */
export async function startPrefixProxy(targetPort: number, secret: string, sessionId: string): Promise<PrefixProxy> {
  const prefix = `/session/${sessionId}/`;
  const rewrite = (url: string | undefined) => (url?.startsWith(prefix) ? `/${url.slice(prefix.length)}` : null);
  const server = http.createServer((req, res) => {
    const path = rewrite(req.url);
    if (!path) {
      res.writeHead(404).end("not a session path\n");
      return;
    }
    const up = http.request(
      {
        host: "127.0.0.1",
        port: targetPort,
        path,
        method: req.method,
        headers: { ...req.headers, host: `127.0.0.1:${targetPort}`, authorization: `Bearer ${secret}` },
      },
      (ur) => {
        res.writeHead(ur.statusCode ?? 502, ur.headers);
        ur.pipe(res);
      },
    );
    up.on("error", () => res.destroy());
    req.pipe(up);
  });
  const sockets = new Set<net.Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.on("upgrade", (req, socket: net.Socket, head: Buffer) => {
    const path = rewrite(req.url);
    if (!path) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    const up = net.connect(targetPort, "127.0.0.1", () => {
      const headers = { ...req.headers, host: `127.0.0.1:${targetPort}`, authorization: `Bearer ${secret}` };
      const lines = Object.entries(headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : v}`);
      up.write(`${req.method} ${path} HTTP/1.1\r\n${lines.join("\r\n")}\r\n\r\n`);
      if (head.length) up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    sockets.add(up);
    up.on("close", () => sockets.delete(up));
    up.on("error", () => socket.destroy());
    socket.on("error", () => up.destroy());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

// ------------------------------------------------------------------ a minimal RFB client

/** Reads exact byte counts from a WebSocket carrying a byte stream. */
class ByteQueue {
  private chunks: Buffer[] = [];
  private have = 0;
  private waiter: (() => void) | null = null;
  closed = false;

  push(b: Buffer) {
    this.chunks.push(b);
    this.have += b.length;
    this.waiter?.();
  }

  close() {
    this.closed = true;
    this.waiter?.();
  }

  async read(n: number, timeoutMs = 15_000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (this.have < n) {
      if (this.closed) throw new Error("connection closed");
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${n} bytes`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiter = () => {
          clearTimeout(t);
          r();
        };
      });
      this.waiter = null;
    }
    const all = Buffer.concat(this.chunks);
    this.chunks = [all.subarray(n)];
    this.have -= n;
    return all.subarray(0, n);
  }
}

export const KEY = { Return: 0xff0d };

export function keyEvent(keysym: number, down: boolean): Buffer {
  const b = Buffer.alloc(8);
  b[0] = 4;
  b[1] = down ? 1 : 0;
  b.writeUInt32BE(keysym, 4);
  return b;
}
export function pointerEvent(x: number, y: number, mask: number): Buffer {
  const b = Buffer.alloc(6);
  b[0] = 5;
  b[1] = mask;
  b.writeUInt16BE(x, 2);
  b.writeUInt16BE(y, 4);
  return b;
}
export function clientCutText(text: string): Buffer {
  const t = Buffer.from(text, "latin1");
  const b = Buffer.alloc(8 + t.length);
  b[0] = 6;
  b.writeInt32BE(t.length, 4);
  t.copy(b, 8);
  return b;
}
export function setDesktopSize(w: number, h: number): Buffer {
  const b = Buffer.alloc(8 + 16);
  b[0] = 251;
  b.writeUInt16BE(w, 2);
  b.writeUInt16BE(h, 4);
  b[6] = 1;
  b.writeUInt32BE(0, 8); // screen id
  b.writeUInt16BE(w, 16);
  b.writeUInt16BE(h, 18);
  return b;
}
export function setEncodings(encodings: number[]): Buffer {
  const b = Buffer.alloc(4 + 4 * encodings.length);
  b[0] = 2;
  b.writeUInt16BE(encodings.length, 2);
  encodings.forEach((e, i) => b.writeInt32BE(e, 4 + 4 * i));
  return b;
}
export function updateRequest(incremental: boolean, x: number, y: number, w: number, h: number): Buffer {
  const b = Buffer.alloc(10);
  b[0] = 3;
  b[1] = incremental ? 1 : 0;
  b.writeUInt16BE(x, 2);
  b.writeUInt16BE(y, 4);
  b.writeUInt16BE(w, 6);
  b.writeUInt16BE(h, 8);
  return b;
}
/** Types text as key presses (ASCII letters, digits, space and a few signs have keysym = code). */
export function typeText(text: string): Buffer[] {
  const out: Buffer[] = [];
  for (const ch of text) {
    const sym = ch === "\n" ? KEY.Return : ch.charCodeAt(0);
    out.push(keyEvent(sym, true), keyEvent(sym, false));
  }
  return out;
}

/**
 * An RFB 3.8 client over the gateway's WebSocket, using raw encoding only (plus DesktopSize), so
 * a framebuffer can be compared byte for byte.
 */
export class RfbClient {
  width = 0;
  height = 0;
  name = "";
  fb: Buffer = Buffer.alloc(0);
  private q = new ByteQueue();

  private constructor(private ws: WebSocket) {
    ws.on("message", (d: Buffer) => this.q.push(d));
    ws.on("close", () => this.q.close());
    ws.on("error", () => this.q.close());
  }

  get closed() {
    return this.q.closed;
  }

  static async connect(url: string, secret: string): Promise<RfbClient> {
    const ws = new WebSocket(url, ["binary"], { headers: { Authorization: `Bearer ${secret}` } });
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
      ws.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    const c = new RfbClient(ws);
    const version = (await c.q.read(12)).toString();
    if (!version.startsWith("RFB 003.")) throw new Error(`not an RFB server: ${JSON.stringify(version)}`);
    c.send(Buffer.from("RFB 003.008\n"));
    const n = (await c.q.read(1))[0];
    const types = [...(await c.q.read(n))];
    if (!types.includes(1)) throw new Error(`security type None not offered (${types})`);
    c.send(Buffer.from([1]));
    const result = (await c.q.read(4)).readUInt32BE(0);
    if (result !== 0) throw new Error(`security result ${result}`);
    c.send(Buffer.from([1])); // shared
    const init = await c.q.read(24);
    c.width = init.readUInt16BE(0);
    c.height = init.readUInt16BE(2);
    const bpp = init[4];
    if (bpp !== 32) throw new Error(`expected 32 bits per pixel, got ${bpp}`);
    c.name = (await c.q.read(init.readUInt32BE(20))).toString();
    c.fb = Buffer.alloc(c.width * c.height * 4);
    c.send(setEncodings([0, -223])); // raw, DesktopSize
    return c;
  }

  send(...messages: Buffer[]) {
    this.ws.send(Buffer.concat(messages));
  }

  close() {
    this.ws.close();
  }

  /** Asks for the whole screen and applies the update that comes back. */
  async capture(): Promise<Buffer> {
    this.send(updateRequest(false, 0, 0, this.width, this.height));
    await this.readUpdate();
    return Buffer.from(this.fb);
  }

  /** Reads server messages until one framebuffer update has been applied. */
  async readUpdate(timeoutMs = 15_000): Promise<void> {
    for (;;) {
      const type = (await this.q.read(1, timeoutMs))[0];
      if (type === 0) {
        const rects = (await this.q.read(3, timeoutMs)).readUInt16BE(1);
        for (let i = 0; i < rects; i++) {
          const h = await this.q.read(12, timeoutMs);
          const x = h.readUInt16BE(0), y = h.readUInt16BE(2), w = h.readUInt16BE(4), ht = h.readUInt16BE(6);
          const enc = h.readInt32BE(8);
          if (enc === 0) {
            const data = await this.q.read(w * ht * 4, timeoutMs);
            for (let row = 0; row < ht; row++)
              data.copy(this.fb, ((y + row) * this.width + x) * 4, row * w * 4, (row + 1) * w * 4);
          } else if (enc === -223) {
            this.width = w;
            this.height = ht;
            this.fb = Buffer.alloc(w * ht * 4);
          } else {
            throw new Error(`unexpected encoding ${enc}`);
          }
        }
        return;
      } else if (type === 1) {
        const h = await this.q.read(5, timeoutMs);
        await this.q.read(6 * h.readUInt16BE(3), timeoutMs);
      } else if (type === 2) {
        // bell
      } else if (type === 3) {
        const h = await this.q.read(7, timeoutMs);
        await this.q.read(Math.abs(h.readInt32BE(3)), timeoutMs);
      } else {
        throw new Error(`unexpected server message ${type}`);
      }
    }
  }

  /** Waits until the connection is closed (true) or the time is up (false). */
  async waitClosed(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) await sleep(20);
    return this.closed;
  }
}

/** How many pixels differ between two framebuffers of the same size, in rows [y0, y1). */
export function pixelsChanged(a: Buffer, b: Buffer, width: number, y0: number, y1: number): number {
  let n = 0;
  for (let i = y0 * width * 4; i < y1 * width * 4; i += 4) if (a.readUInt32LE(i) !== b.readUInt32LE(i)) n++;
  return n;
}
