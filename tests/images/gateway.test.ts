// The session gateway (images/gateway/gateway.c), which every session image runs as PID 1:
//  1. in the tiny image (a container, like the agent runs it): the credential check, the page, the
//     WebSocket echo that ignores a viewer's input;
//  2. compiled on this machine and bridging to a fake VNC server on loopback: static files, and the
//     view-only filter byte for byte: a viewer's input never reaches the VNC server, the rest does;
//  3. in the desktop image (skipped when it is not built): as a viewer, keys, clicks, clipboard and
//     a resize change nothing on the screen; the same keys with full control do.
import { spawn, spawnSync, execFile, execFileSync, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  clientCutText,
  findImage,
  keyEvent,
  pixelsChanged,
  pointerEvent,
  RfbClient,
  removeTestContainers,
  runSession,
  setDesktopSize,
  setEncodings,
  sleep,
  typeText,
  updateRequest,
  waitForHttp,
  type SessionContainer,
} from "./helpers.js";
import { decodePng } from "../support/png.js";

const root = join(__dirname, "..", "..");

/** Opens a WebSocket with the credential, sends messages, and collects what comes back. */
function wsExchange(url: string, secret: string | null, messages: (string | Buffer)[]) {
  return new Promise<{ status?: number; received: string[]; closeCode?: number }>((resolve, reject) => {
    const headers: Record<string, string> = secret ? { Authorization: `Bearer ${secret}` } : {};
    const ws = new WebSocket(url, ["binary"], { headers });
    const received: string[] = [];
    ws.on("unexpected-response", (_req, res) => {
      resolve({ status: res.statusCode, received });
      res.resume();
    });
    ws.on("open", () => {
      for (const m of messages) ws.send(m);
      ws.ping();
    });
    ws.on("message", (data: Buffer, isBinary) => received.push(isBinary ? `binary:${data.length}` : data.toString()));
    ws.on("pong", () => ws.close(1000));
    ws.on("close", (code) => resolve({ received, closeCode: code }));
    ws.on("error", reject);
  });
}

// ------------------------------------------------------------------ 1. the tiny image

describe("gateway in the tiny image", () => {
  let s: SessionContainer | undefined;
  let base = "";

  beforeAll(async () => {
    const image = await findImage("tiny");
    if (!image) throw new Error("the tiny image is missing: run bash images/tiny/build.sh");
    s = await runSession(image, { memoryMb: 64, cores: 0.5 });
    base = `http://127.0.0.1:${s.port}`;
    await waitForHttp(s.port, s.secret, 10_000);
  });
  afterAll(async () => {
    await s?.container.remove({ force: true }).catch(() => {});
  });

  it("answers 401 without the credential or with a wrong one, for pages and WebSockets", async () => {
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/`, { headers: { Authorization: `Bearer ${s!.secret}x` } })).status).toBe(401);
    expect((await fetch(`${base}/`, { headers: { Authorization: `Basic ${s!.secret}` } })).status).toBe(401);
    expect((await wsExchange(`${base.replace("http", "ws")}/websockify`, null, ["x"])).status).toBe(401);
    expect((await wsExchange(`${base.replace("http", "ws")}/websockify`, "nope", ["x"])).status).toBe(401);
  });

  it("tells the page what the credential may do", async () => {
    const full = await fetch(`${base}/berth-session.json`, { headers: { Authorization: `Bearer ${s!.secret}` } });
    expect(await full.json()).toEqual({ access: "full", vnc: false });
    const view = await fetch(`${base}/x/berth-session.json`, { headers: { Authorization: `Bearer ${s!.viewSecret}` } });
    expect(await view.json()).toEqual({ access: "view", vnc: false });
  });

  it("passes a full-control WebSocket's input on (echo) and ignores a viewer's", async () => {
    const url = `${base.replace("http", "ws")}/websockify`;
    const full = await wsExchange(url, s!.secret, ["keys", Buffer.from([4, 1, 0, 0, 0, 0, 0, 0x61])]);
    expect(full.received).toEqual(["keys", "binary:8"]);
    const view = await wsExchange(url, s!.viewSecret, ["keys", Buffer.from([4, 1, 0, 0, 0, 0, 0, 0x61])]);
    expect(view.status).toBeUndefined();
    expect(view.received).toEqual([]);
  });

  it("takes a screenshot: a test card, since the tiny image has no screen", async () => {
    const out = await execIn(s!.container, ["/usr/local/bin/berth-gateway", "screenshot"]);
    expect(out.exitCode).toBe(0);
    const png = decodePng(Buffer.from(out.stdout.trim(), "base64"));
    expect([png.width, png.height]).toEqual([640, 400]);
    expect([...png.pixel(0, 0)]).toEqual([192, 192, 192]);
    expect([...png.pixel(639, 399)]).toEqual([255, 255, 255]);
  });

  it("keeps HTTP connections alive between requests", async () => {
    const replies = await new Promise<string>((resolve, reject) => {
      const sock = net.connect(s!.port, "127.0.0.1", () => {
        const req = `GET / HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${s!.secret}\r\n\r\n`;
        sock.write(req + req.replace("GET", "HEAD"));
        setTimeout(() => sock.end(), 500);
      });
      let data = "";
      sock.on("data", (d) => (data += d.toString()));
      sock.on("end", () => resolve(data));
      sock.on("error", reject);
    });
    expect(replies.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
  });
});

// ------------------------------------------------------------------ 2. the gateway on this machine

/** Runs a command in a container; resolves with its exit code and standard output. */
async function execIn(container: SessionContainer["container"], cmd: string[]) {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({});
  const out: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    stream.on("data", (d: Buffer) => out.push(d));
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  // Docker multiplexes stdout and stderr: 8-byte headers (stream, 0, 0, 0, size).
  const all = Buffer.concat(out);
  let stdout = "";
  for (let i = 0; i + 8 <= all.length; ) {
    const size = all.readUInt32BE(i + 4);
    if (all[i] === 1) stdout += all.subarray(i + 8, i + 8 + size).toString();
    i += 8 + size;
  }
  return { exitCode: (await exec.inspect()).ExitCode ?? -1, stdout };
}

/**
 * An RFB 3.8 server (security None) with a screen of w x h whose pixel (x, y) is colour(x, y);
 * it answers each FramebufferUpdateRequest with the screen in Raw encoding, in two rectangles
 * (as 32-bit little-endian B G R x, the format the client asks for), after a Bell.
 */
async function fakeScreen(w: number, h: number, colour: (x: number, y: number) => [number, number, number]) {
  const server = net.createServer((sock) => {
    sock.write("RFB 003.008\n");
    let buf = Buffer.alloc(0);
    let stage = 0;
    sock.on("data", (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        if (stage === 0 && buf.length >= 12) {
          buf = buf.subarray(12);
          sock.write(Buffer.from([1, 1]));
          stage = 1;
        } else if (stage === 1 && buf.length >= 1) {
          buf = buf.subarray(1);
          sock.write(Buffer.from([0, 0, 0, 0]));
          stage = 2;
        } else if (stage === 2 && buf.length >= 1) {
          buf = buf.subarray(1);
          const init = Buffer.alloc(24 + 4);
          init.writeUInt16BE(w, 0);
          init.writeUInt16BE(h, 2);
          init.set([32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0], 4);
          init.writeUInt32BE(4, 20);
          init.write("fake", 24);
          sock.write(init);
          stage = 3;
        } else if (stage === 3 && buf.length >= 1) {
          const need = buf[0] === 0 ? 20 : buf[0] === 2 ? 4 + 4 * buf.readUInt16BE(2) : 10;
          if (buf.length < need) return;
          const type = buf[0];
          buf = buf.subarray(need);
          if (type !== 3) continue;
          const rect = (y0: number, rh: number) => {
            const r = Buffer.alloc(12 + w * rh * 4);
            r.writeUInt16BE(0, 0);
            r.writeUInt16BE(y0, 2);
            r.writeUInt16BE(w, 4);
            r.writeUInt16BE(rh, 6);
            r.writeInt32BE(0, 8);
            for (let y = 0; y < rh; y++)
              for (let x = 0; x < w; x++) {
                const [R, G, B] = colour(x, y0 + y);
                r.set([B, G, R, 0], 12 + (y * w + x) * 4);
              }
            return r;
          };
          const half = Math.floor(h / 2);
          sock.write(Buffer.from([2])); // a Bell first: the client must skip it
          sock.write(Buffer.concat([Buffer.from([0, 0, 0, 2]), rect(0, half), rect(half, h - half)]));
        } else return;
      }
    });
    sock.on("error", () => {});
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

interface FakeVnc {
  port: number;
  received: () => Buffer;
  connections: () => number;
  ended: () => number;
  close(): void;
}

/** Records every byte a client sends; greets like an RFB 3.8 server with security type None. */
async function fakeVnc(): Promise<FakeVnc> {
  let data: Buffer[] = [];
  let conns = 0;
  let ends = 0;
  const server = net.createServer((sock) => {
    conns++;
    data = [];
    sock.write("RFB 003.008\n");
    sock.write(Buffer.from([1, 1]));
    sock.on("data", (d) => data.push(d));
    sock.on("close", () => ends++);
    sock.on("error", () => {});
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as AddressInfo).port,
    received: () => Buffer.concat(data),
    connections: () => conns,
    ended: () => ends,
    close: () => server.close(),
  };
}

describe("gateway bridging to a VNC server", () => {
  const SECRET = "full-secret-for-the-bridge";
  const VIEW = "view-secret-for-the-bridge";
  let dir = "";
  let vnc: FakeVnc;
  let gw: ChildProcess | undefined;
  let port = 0;
  let gwBin = "";
  const big = randomBytes(8 << 20);

  /** Starts the compiled gateway on 127.0.0.1 with a free port; resolves with that port. */
  function startGateway(args: string[], env: Record<string, string> = {}) {
    return new Promise<{ proc: ChildProcess; port: number; log: () => string }>((resolve, reject) => {
      const proc = spawn(gwBin, ["--host", "127.0.0.1", "--port", "0", ...args], {
        env: {
          PATH: process.env.PATH,
          BERTH_SESSION_SECRET: SECRET,
          BERTH_VIEW_SECRET: VIEW,
          BERTH_GATEWAY_CONNECTED_FILE: join(dir, "connected"),
          ...env,
        },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let log = "";
      proc.stderr!.on("data", (d) => {
        log += d.toString();
        const m = /listening on 127\.0\.0\.1:(\d+)/.exec(log);
        if (m) resolve({ proc, port: Number(m[1]), log: () => log });
      });
      proc.on("exit", (code) => reject(new Error(`gateway exited (${code}): ${log}`)));
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "berth-gateway-"));
    gwBin = join(dir, "gateway");
    execFileSync("gcc", ["-O2", "-Wall", "-Wextra", "-o", gwBin, join(root, "images/gateway/gateway.c")]);
    mkdirSync(join(dir, "web/core"), { recursive: true });
    writeFileSync(join(dir, "web/index.html"), "<!doctype html><title>t</title>");
    writeFileSync(join(dir, "web/core/rfb.js"), "export default 1;\n");
    writeFileSync(join(dir, "secret.txt"), "outside the web root\n");
    writeFileSync(join(dir, "web/big.bin"), big);
    vnc = await fakeVnc();
    const g = await startGateway(["--root", join(dir, "web"), "--vnc", `127.0.0.1:${vnc.port}`]);
    gw = g.proc;
    port = g.port;
  });
  afterAll(() => {
    gw?.kill("SIGKILL");
    vnc?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${port}${path}`, { headers: { Authorization: `Bearer ${SECRET}`, ...headers } });

  it("serves static files with their types, and nothing outside its folder", async () => {
    const index = await get("/");
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const js = await get("/core/rfb.js?v=1");
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await js.text()).toBe("export default 1;\n");
    const again = await get("/core/rfb.js", { "If-None-Match": js.headers.get("etag")! });
    expect(again.status).toBe(304);
    expect((await get("/missing.js")).status).toBe(404);
    // (fetch would resolve the dots itself: send these requests as they are.)
    const raw = (path: string) =>
      new Promise<string>((resolve) => {
        const sock = net.connect(port, "127.0.0.1", () =>
          sock.end(`GET ${path} HTTP/1.1\r\nAuthorization: Bearer ${SECRET}\r\nConnection: close\r\n\r\n`),
        );
        let d = "";
        sock.on("data", (c) => (d += c));
        sock.on("close", () => resolve(d));
      });
    expect(await raw("/../secret.txt")).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw("/core/%2e%2e/%2e%2e/secret.txt")).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw("/core/..%2f..%2fsecret.txt")).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw("/index.html%00.js")).toMatch(/^HTTP\/1\.1 400/);
    const folder = await fetch(`http://127.0.0.1:${port}/core?x`, { headers: { Authorization: `Bearer ${SECRET}` }, redirect: "manual" });
    expect(folder.status).toBe(301);
    expect(folder.headers.get("location")).toBe("core/");
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(401);
  });

  /** Sends raw bytes on a new connection; resolves with everything that came back once the gateway closed it or `ms` passed. */
  function rawExchange(p: number, bytes: string, ms = 2000, thenEnd = false) {
    return new Promise<{ data: Buffer; closedByServer: boolean }>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const sock = net.connect(p, "127.0.0.1", () => (thenEnd ? sock.end(bytes) : sock.write(bytes)));
      const timer = setTimeout(() => {
        sock.destroy();
        resolve({ data: Buffer.concat(chunks), closedByServer: false });
      }, ms);
      sock.on("data", (d) => chunks.push(d));
      sock.on("end", () => {
        clearTimeout(timer);
        sock.end();
        resolve({ data: Buffer.concat(chunks), closedByServer: true });
      });
      sock.on("error", reject);
    });
  }

  /** The gateway's child processes (it forks only for WebSockets and its command). */
  const childrenOf = (pid: number) =>
    readdirSync("/proc").filter((d) => /^\d+$/.test(d) && (() => {
      try {
        return readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1].split(" ")[1] === String(pid);
      } catch {
        return false;
      }
    })()).length;

  it("serves hundreds of kept-alive connections at once from one process, requests pipelined on each", async () => {
    const req = `GET /core/rfb.js HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${SECRET}\r\n\r\n`;
    const socks = await Promise.all(
      Array.from({ length: 300 }, () => new Promise<net.Socket>((resolve, reject) => {
        const sock = net.connect(port, "127.0.0.1", () => resolve(sock));
        sock.on("error", reject);
      })),
    );
    expect(childrenOf(gw!.pid!)).toBe(0);
    const replies = await Promise.all(socks.map((sock) => new Promise<string>((resolve) => {
      let d = "";
      sock.on("data", (c) => {
        d += c.toString();
        if ((d.match(/export default 1;/g) ?? []).length === 3) resolve(d);
      });
      sock.write(req + req + req);
    })));
    expect(replies.every((r) => (r.match(/^HTTP\/1\.1 200 OK/gm) ?? []).length === 3)).toBe(true);
    // Still open and usable after that.
    const again = await new Promise<string>((resolve) => {
      socks[0].once("data", (c) => resolve(c.toString()));
      socks[0].write(req.replace("GET", "HEAD"));
    });
    expect(again).toMatch(/^HTTP\/1\.1 200 OK/);
    for (const sock of socks) sock.destroy();
  });

  it("sends a large file whole, and a client that stops reading it holds up no one else", async () => {
    const chunks: Buffer[] = [];
    const slow = net.connect(port, "127.0.0.1", () =>
      slow.write(`GET /big.bin HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${SECRET}\r\nConnection: close\r\n\r\n`),
    );
    slow.on("data", (d) => chunks.push(d));
    await new Promise((r) => slow.once("data", r));
    slow.pause(); // reads nothing more: the socket fills up and the gateway has to wait for it
    await sleep(300);
    const t0 = performance.now();
    const others = await Promise.all(Array.from({ length: 20 }, () => get("/core/rfb.js").then((r) => r.status)));
    expect(others.every((st) => st === 200)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(2000);
    slow.resume();
    await new Promise((r) => slow.once("end", r));
    const all = Buffer.concat(chunks);
    const body = all.subarray(all.indexOf("\r\n\r\n") + 4);
    expect(all.subarray(0, 200).toString()).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*Content-Length: 8388608\r\n/);
    expect(body.length).toBe(big.length);
    expect(body.equals(big)).toBe(true);
  });

  it("answers 400 to a header that never ends and to half a header, and closes", async () => {
    const waiting = await rawExchange(port, `GET / HTTP/1.1\r\nAuthorization: Bearer ${SECRET}\r\n`, 500);
    expect(waiting.data.length).toBe(0); // still waiting for the rest (up to 15 s)
    const half = await rawExchange(port, `GET / HTTP/1.1\r\nAuthorization: Bearer ${SECRET}\r\n`, 2000, true);
    expect(half.data.toString()).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect(half.closedByServer).toBe(true);
    const huge = await rawExchange(port, `GET / HTTP/1.1\r\nX-Pad: ${"a".repeat(20_000)}\r\n\r\n`);
    expect(huge.data.toString()).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect(huge.closedByServer).toBe(true);
    const close = await rawExchange(port, `GET /core/rfb.js HTTP/1.1\r\nAuthorization: Bearer ${SECRET}\r\nConnection: close\r\n\r\n`);
    expect(close.data.toString()).toMatch(/^HTTP\/1\.1 200 OK[^]*Connection: close\r\n/);
    expect(close.closedByServer).toBe(true);
  });

  it("cuts a revoked viewer off: its kept-alive connections and WebSockets end, its requests get 401", async () => {
    const state = mkdtempSync(join(tmpdir(), "berth-revoke-"));
    const g = await startGateway([], { BERTH_GATEWAY_STATE_DIR: state });
    const token = (mode: string, principal: string) => {
      const signed = `g1.${mode}.${principal}`;
      return `${signed}.${createHmac("sha256", SECRET).update(signed).digest("hex")}`;
    };
    const gone = token("view", "share1-userA");
    const stays = token("full", "share1-userB");
    try {
      const page = (tok: string) => fetch(`http://127.0.0.1:${g.port}/berth-session.json`, { headers: { Authorization: `Bearer ${tok}` } });
      expect(await (await page(gone)).json()).toEqual({ access: "view", vnc: false });
      expect(await (await page(stays)).json()).toEqual({ access: "full", vnc: false });
      expect((await page(token("view", "share1-userA").replace(/.$/, "0"))).status).toBe(401);
      // A kept-alive connection and a WebSocket of the viewer, open when the revocation comes.
      const kept = net.connect(g.port, "127.0.0.1");
      const keptClosed = new Promise<void>((r) => kept.on("close", () => r()));
      kept.on("error", () => {});
      kept.write(`GET / HTTP/1.1\r\nAuthorization: Bearer ${gone}\r\n\r\n`);
      await new Promise((r) => kept.once("data", r));
      const ws = new WebSocket(`ws://127.0.0.1:${g.port}/websockify`, { headers: { Authorization: `Bearer ${gone}` } });
      await new Promise((r, j) => ws.once("open", r).once("error", j));
      const wsClosed = new Promise<void>((r) => ws.once("close", () => r()));
      const other = new WebSocket(`ws://127.0.0.1:${g.port}/websockify`, { headers: { Authorization: `Bearer ${stays}` } });
      await new Promise((r, j) => other.once("open", r).once("error", j));

      const t0 = performance.now();
      const r = spawnSync(gwBin, ["revoke", "share1-userA"], { env: { BERTH_GATEWAY_STATE_DIR: state } });
      expect(r.status).toBe(0);
      await Promise.all([keptClosed, wsClosed]);
      expect(performance.now() - t0).toBeLessThan(1000);
      expect((await page(gone)).status).toBe(401);
      expect((await page(stays)).status).toBe(200);
      expect(other.readyState).toBe(WebSocket.OPEN);
      other.close();
    } finally {
      g.proc.kill("SIGKILL");
      rmSync(state, { recursive: true, force: true });
    }
  });

  // A stream with every kind of client message, in order.
  const handshake = [Buffer.from("RFB 003.008\n"), Buffer.from([1]), Buffer.from([0])];
  const pixelFormat = Buffer.concat([Buffer.from([0, 0, 0, 0]), Buffer.alloc(16, 7)]);
  const encodings = setEncodings([0, 7, -223]);
  const fbur = updateRequest(true, 0, 0, 640, 480);
  const ecu = Buffer.from([150, 1, 0, 0, 0, 0, 2, 128, 1, 224]);
  const fence = Buffer.from([248, 0, 0, 0, 0, 0, 0, 3, 4, 1, 2, 3, 4]);
  const extendedCut = Buffer.concat([Buffer.from([6, 0, 0, 0]), Buffer.from([0xff, 0xff, 0xff, 0xf8]), Buffer.alloc(8, 9)]);
  const qemuKey = Buffer.from([255, 0, 0, 1, 0, 0, 0, 0x61, 0, 0, 0, 30]);
  const xvp = Buffer.from([250, 0, 1, 2]);
  const marker = updateRequest(false, 1, 2, 3, 4);
  const input = [keyEvent(0x61, true), pointerEvent(10, 10, 1), clientCutText("hello"), extendedCut, setDesktopSize(800, 600), qemuKey, xvp];
  const stream = [
    ...handshake,
    pixelFormat,
    encodings,
    input[0],
    fbur,
    input[1],
    input[2],
    input[3],
    ecu,
    fence,
    input[4],
    input[5],
    input[6],
    marker,
  ];
  const allowed = Buffer.concat([Buffer.from("RFB 003.008\n"), Buffer.from([1]), Buffer.from([1]), pixelFormat, encodings, fbur, ecu, fence, marker]);

  async function sendThrough(secret: string, chunks: Buffer[], expectLength: number) {
    const before = vnc.connections();
    const ws = new WebSocket(`ws://127.0.0.1:${port}/websockify`, ["binary"], { headers: { Authorization: `Bearer ${secret}` } });
    await new Promise((r, j) => ws.once("open", r).once("error", j));
    for (const c of chunks) ws.send(c);
    const deadline = Date.now() + 5000;
    while ((vnc.connections() === before || vnc.received().length < expectLength) && Date.now() < deadline) await sleep(10);
    await sleep(100); // anything that should not arrive has had its chance
    ws.close();
    return vnc.received();
  }

  it("passes a full-control connection through untouched, and tells the session someone connected", async () => {
    const all = Buffer.concat(stream);
    expect((await sendThrough(VIEW, [all], 1)).length).toBeGreaterThan(0);
    expect(existsSync(join(dir, "connected"))).toBe(false); // not for a viewer
    expect((await sendThrough(SECRET, [all], all.length)).equals(all)).toBe(true);
    expect(existsSync(join(dir, "connected"))).toBe(true);
  });

  it("drops a viewer's keys, pointer, clipboard, resize, QEMU keys and xvp, and forces a shared session", async () => {
    const got = await sendThrough(VIEW, [Buffer.concat(stream)], allowed.length);
    expect(got.toString("hex")).toBe(allowed.toString("hex"));
  });

  it("filters the same however the stream is split into WebSocket messages", async () => {
    const bytes = Buffer.concat(stream);
    const oneByOne = [...bytes].map((b) => Buffer.from([b]));
    expect((await sendThrough(VIEW, oneByOne, allowed.length)).toString("hex")).toBe(allowed.toString("hex"));
    const odd: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 7) odd.push(bytes.subarray(i, i + 7));
    expect((await sendThrough(VIEW, odd, allowed.length)).toString("hex")).toBe(allowed.toString("hex"));
  });

  async function expectViewerClosed(chunks: Buffer[]) {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/websockify`, ["binary"], { headers: { Authorization: `Bearer ${VIEW}` } });
    await new Promise((r, j) => ws.once("open", r).once("error", j));
    const closed = new Promise<number>((r) => ws.once("close", (code) => r(code)));
    for (const c of chunks) ws.send(c);
    const code = await Promise.race([closed, sleep(3000).then(() => -1)]);
    expect(code).not.toBe(-1);
    return code;
  }

  it("closes a viewer's connection on a message type it does not know (fail closed)", async () => {
    await expectViewerClosed([...handshake, Buffer.from([7, 0, 0, 0])]);
    expect(vnc.received().includes(Buffer.from([7, 0, 0, 0]))).toBe(false);
    await expectViewerClosed([...handshake, Buffer.from([255, 1, 0, 0])]); // QEMU audio
  });

  it("refuses a viewer another protocol version or security type", async () => {
    await expectViewerClosed([Buffer.from("RFB 003.003\n")]);
    await expectViewerClosed([Buffer.from("RFB 003.008\n"), Buffer.from([2])]);
  });

  it("lets a WebSocket through only once the session's ready file exists", async () => {
    const readyFile = join(dir, "ready");
    const g = await startGateway(["--vnc", `127.0.0.1:${vnc.port}`], { BERTH_GATEWAY_READY_FILE: readyFile });
    try {
      const before = vnc.connections();
      const ws = new WebSocket(`ws://127.0.0.1:${g.port}/websockify`, ["binary"], { headers: { Authorization: `Bearer ${SECRET}` } });
      const opened = new Promise((r, j) => ws.once("open", r).once("error", j));
      await sleep(400);
      expect(vnc.connections()).toBe(before);
      writeFileSync(readyFile, "");
      await opened;
      expect(vnc.connections()).toBe(before + 1);
      ws.close();
    } finally {
      g.proc.kill("SIGKILL");
    }
  });

  it("takes a screenshot from the VNC server: every pixel right, compressed", async () => {
    const w = 333;
    const h = 207;
    const colour = (x: number, y: number): [number, number, number] => (x < 100 ? [20, 60, 120] : [(x * 7) & 255, (y * 3) & 255, (x ^ y) & 255]);
    const screen = await fakeScreen(w, h, colour);
    try {
      // (Not execFileSync: the fake server runs in this process and must answer meanwhile.)
      const { stdout: out } = await promisify(execFile)(gwBin, ["screenshot", "--vnc", `127.0.0.1:${screen.port}`], { env: {}, maxBuffer: 1 << 24 });
      const bytes = Buffer.from(out.trim(), "base64");
      const png = decodePng(bytes);
      expect([png.width, png.height]).toEqual([w, h]);
      const want = Buffer.alloc(w * h * 3);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) want.set(colour(x, y), (y * w + x) * 3);
      expect(png.rgb.equals(want)).toBe(true);
      expect(bytes.length).toBeLessThan(w * h * 3 * 0.8);
    } finally {
      screen.close();
    }
    // No VNC server: a clear error and a failing exit code, not an empty picture.
    const r = spawnSync(gwBin, ["screenshot", "--vnc", "127.0.0.1:1"]);
    expect(r.status).toBe(1);
    expect(r.stderr.toString()).toMatch(/screenshot: cannot reach the VNC server/);
  });

  it("hands a warm-pool session to its user: a claim replaces the credentials once", async () => {
    const state = mkdtempSync(join(tmpdir(), "berth-claim-"));
    const g = await startGateway([], { BERTH_GATEWAY_STATE_DIR: state });
    const at = (secret: string, init: RequestInit = {}) =>
      fetch(`http://127.0.0.1:${g.port}${init.method === "POST" ? "/.berth/claim" : "/berth-session.json"}`, {
        ...init,
        headers: { Authorization: `Bearer ${secret}`, ...(init.headers as Record<string, string>) },
      });
    const claim = (secret: string, headers: Record<string, string>) => at(secret, { method: "POST", headers });
    const mine = { "X-Berth-Secret": "users-full-secret-0123456789", "X-Berth-View-Secret": "users-view-secret-0123456789" };
    try {
      expect((await at(SECRET)).status).toBe(200);
      expect((await claim(VIEW, mine)).status).toBe(403);
      expect((await claim(SECRET, { "X-Berth-Secret": "short" })).status).toBe(400);
      expect((await claim(SECRET, { "X-Berth-Secret": "has spaces in it, not allowed" })).status).toBe(400);
      expect((await claim(SECRET, mine)).status).toBe(200);
      // The pool's credentials stop working at once; the user's work, with their access.
      expect((await at(SECRET)).status).toBe(401);
      expect((await at(VIEW)).status).toBe(401);
      expect(await (await at(mine["X-Berth-Secret"])).json()).toEqual({ access: "full", vnc: false });
      expect(await (await at(mine["X-Berth-View-Secret"])).json()).toEqual({ access: "view", vnc: false });
      // Only once, even with the new credentials.
      expect((await claim(mine["X-Berth-Secret"], { "X-Berth-Secret": "someone-else-entirely-0123" })).status).toBe(409);
      expect((await at(mine["X-Berth-Secret"])).status).toBe(200);
    } finally {
      g.proc.kill("SIGKILL");
      rmSync(state, { recursive: true, force: true });
    }
  });

  it("answers 502 when the VNC server does not listen", async () => {
    const g = await startGateway(["--vnc", "127.0.0.1:1"], { BERTH_GATEWAY_VNC_WAIT_MS: "200" });
    try {
      const r = await wsExchange(`ws://127.0.0.1:${g.port}/websockify`, SECRET, []);
      expect(r.status).toBe(502);
    } finally {
      g.proc.kill("SIGKILL");
    }
  });

  it("as init: exits with its command's status, and stops its command on SIGTERM", async () => {
    const g1 = await startGateway(["--", "sh", "-c", "sleep 0.2; exit 3"]);
    const code = await new Promise<number | null>((r) => g1.proc.on("exit", (c) => r(c)));
    expect(code).toBe(3);

    const g2 = await startGateway(["--", "sh", "-c", "sleep 30 & wait"]);
    await sleep(100);
    const t0 = performance.now();
    g2.proc.kill("SIGTERM");
    const code2 = await new Promise<number | null>((r) => g2.proc.on("exit", (c) => r(c)));
    expect(code2).toBe(0);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

// ------------------------------------------------------------------ 3. the desktop image

describe("view-only in the desktop image (RFB through the gateway)", () => {
  let s: SessionContainer | undefined;
  let url = "";

  beforeAll(async () => {
    const image = await findImage("desktop");
    if (!image) return;
    s = await runSession(image, { env: { BERTH_AUTOSTART: "xterm -geometry 80x20+40+40" } });
    await waitForHttp(s.port, s.secret);
    url = `ws://127.0.0.1:${s.port}/websockify`;
  }, 60_000);
  afterAll(async () => {
    await s?.container.remove({ force: true }).catch(() => {});
    await removeTestContainers();
  });

  it("ignores a viewer's keys, clicks, clipboard and resize; full control types", async (ctx) => {
    if (!s) ctx.skip("set BERTH_TEST_DESKTOPS=1 to test berth/desktop, once built (bash images/build.sh desktop)");
    const s_ = s!;
    const full = await RfbClient.connect(url, s_.secret);
    const { width, height } = full;
    // The desktop is ready when the xterm is there (its background colour, #1f2430, at 200,200)
    // and two captures half a second apart agree.
    const xtermAt = (fb: Buffer) => (fb.readUInt32LE((200 * width + 200) * 4) & 0xffffff) === 0x1f2430;
    let before = await full.capture();
    for (let i = 0; i < 60; i++) {
      await sleep(500);
      const now = await full.capture();
      if (xtermAt(now) && pixelsChanged(before, now, width, 0, height - 40) === 0) break;
      before = now;
    }
    expect(xtermAt(before)).toBe(true);
    // Rows above the taskbar (its clock may tick).
    const top = height - 40;

    const viewer = await RfbClient.connect(url, s_.viewSecret);
    expect(viewer.width).toBe(width);
    viewer.send(
      ...typeText("echo view-only-typed\n"),
      pointerEvent(60, 60, 0),
      pointerEvent(60, 60, 1),
      pointerEvent(60, 60, 0),
      pointerEvent(900, 500, 4), // right click on the desktop: jwm's menu, if it got through
      pointerEvent(900, 500, 0),
      clientCutText("pasted by a viewer"),
      setDesktopSize(800, 600),
    );
    // The viewer still sees the screen.
    const seen = await viewer.capture();
    expect(seen.length).toBe(width * height * 4);
    await sleep(1500);
    const afterViewer = await full.capture();
    expect(full.width).toBe(width);
    expect(full.height).toBe(height);
    expect(pixelsChanged(before, afterViewer, width, 0, top)).toBe(0);
    expect(viewer.closed).toBe(false);

    full.send(...typeText("echo full-control-typed\n"));
    await sleep(1500);
    const afterFull = await full.capture();
    const changed = pixelsChanged(before, afterFull, width, 0, top);
    console.log(`view-only check: 0 pixels changed by the viewer, ${changed} by full control`);
    expect(changed).toBeGreaterThan(500);

    // An unknown message from the viewer ends its connection, not the session.
    viewer.send(...[Buffer.from([7, 0, 0, 0])]);
    expect(await viewer.waitClosed(3000)).toBe(true);
    expect((await full.capture()).length).toBe(width * height * 4);
    full.close();
  });
});
