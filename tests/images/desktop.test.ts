// The default session images (images/build.sh), each run the way the agent runs sessions (no
// capabilities, no-new-privileges, default seccomp, pids/memory/CPU/shm limits, port on 127.0.0.1)
// and opened in headless Chromium through a /session/<id>/ prefix, with the credential added by a
// proxy as nginx does. Screenshots go to test-results/screenshots/image-<name>.png; timings (docker
// run to HTTP, to the first drawn desktop, docker stop) are printed and kept in
// test-results/image-timings.json. They run with BERTH_TEST_DESKTOPS=1 once the images are built
// (`bash images/build.sh`, a few minutes); otherwise they are skipped with a message saying so.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS } from "../support/browser.js";
import { execIn, findImage, removeTestContainers, runSession, sleep, startPrefixProxy, waitForHttp } from "./helpers.js";

const root = join(__dirname, "..", "..");
const shots = join(root, "test-results", "screenshots");
const timingsFile = join(root, "test-results", "image-timings.json");

/**
 * One look at the screen: the share (0..1) of pixels in a box that are close to a colour, or
 * brighter than a level, must reach `min`. Box [x, y, w, h]: a negative x or y counts from the
 * right or bottom edge; a w or h of 0 or less reaches to that many pixels before the edge.
 */
interface Probe {
  rgb?: [number, number, number];
  tol?: number;
  light?: number;
  box: [number, number, number, number];
  min: number;
}
type Check = Probe[];
interface ImageCase {
  name: string;
  what: string;
  env: Record<string, string>;
  memoryMb: number;
  shmMb: number;
  drawnWithinMs: number;
  check: Check;
}

const TRAY: [number, number, number] = [0x1e, 0x23, 0x2d]; // jwm taskbar (images/desktop/.../system.jwmrc)
const XTERM: [number, number, number] = [0x1f, 0x24, 0x30]; // xterm background (images/core/.../Xresources)

const cases: ImageCase[] = [
  {
    name: "desktop",
    what: "the taskbar and a terminal",
    env: { BERTH_AUTOSTART: "xterm -geometry 90x22+60+50" },
    memoryMb: 1024,
    shmMb: 64,
    drawnWithinMs: 15_000,
    check: [
      { rgb: TRAY, box: [0, -3, 0, 2], min: 0.3 },
      { rgb: XTERM, box: [80, 120, 400, 200], min: 0.8 },
    ],
  },
  {
    name: "desktop-deluxe",
    what: "LibreOffice Writer on the desktop",
    env: { BERTH_AUTOSTART: "libreoffice --writer" },
    memoryMb: 2048,
    shmMb: 256,
    drawnWithinMs: 60_000,
    // The taskbar, and Writer's white page filling a good part of the screen.
    check: [
      { rgb: TRAY, box: [0, -3, 0, 2], min: 0.3 },
      { light: 245, box: [0, 0, 0, -40], min: 0.25 },
    ],
  },
  {
    name: "firefox",
    what: "Firefox with its start page",
    env: {},
    memoryMb: 2048,
    shmMb: 512,
    drawnWithinMs: 60_000,
    // Firefox's light toolbar across the top, the start page's dark blue below it.
    check: [
      { light: 200, box: [0, 0, 0, 30], min: 0.5 },
      { rgb: [0x2f, 0x5a, 0x8a], tol: 40, box: [0, 0, 0, 0], min: 0.05 },
    ],
  },
];

const built = new Map<string, string | null>();

let browser: Browser | undefined;
const timings: Record<string, Record<string, number>> = {};

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  await removeTestContainers();
  for (const c of cases) built.set(c.name, await findImage(c.name));
  if ([...built.values()].some(Boolean)) {
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  }
});

afterAll(async () => {
  await browser?.close();
  await removeTestContainers();
  if (Object.keys(timings).length) {
    let all: Record<string, unknown> = {};
    try {
      all = JSON.parse(readFileSync(timingsFile, "utf8"));
    } catch {
      // first run
    }
    writeFileSync(timingsFile, JSON.stringify({ ...all, ...timings }, null, 2) + "\n");
  }
});

/** Looks at the noVNC canvas in the page: do all probes pass? */
function canvasCheck(page: Page, check: Check): Promise<boolean> {
  return page.evaluate((probes: Check) => {
    const c = document.querySelector("#screen canvas") as HTMLCanvasElement | null;
    if (!c || !c.width || !c.height) return false;
    const W = c.width, H = c.height;
    const px = c.getContext("2d")!.getImageData(0, 0, W, H).data;
    return probes.every((p) => {
      const x0 = p.box[0] < 0 ? W + p.box[0] : p.box[0];
      const y0 = p.box[1] < 0 ? H + p.box[1] : p.box[1];
      const x1 = Math.min(W, p.box[2] > 0 ? x0 + p.box[2] : W + p.box[2]);
      const y1 = Math.min(H, p.box[3] > 0 ? y0 + p.box[3] : H + p.box[3]);
      let n = 0, all = 0;
      for (let y = y0; y < y1; y += 2)
        for (let x = x0; x < x1; x += 2) {
          const i = (y * W + x) * 4, r = px[i], g = px[i + 1], b = px[i + 2];
          all++;
          if (p.rgb) {
            const tol = p.tol ?? 8;
            if (Math.abs(r - p.rgb[0]) <= tol && Math.abs(g - p.rgb[1]) <= tol && Math.abs(b - p.rgb[2]) <= tol) n++;
          } else if (r >= (p.light ?? 230) && g >= (p.light ?? 230) && b >= (p.light ?? 230)) n++;
        }
      return all > 0 && n / all >= p.min;
    });
  }, check);
}

async function waitUntil<T>(what: string, fn: () => Promise<T | false>, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => false as const);
    if (v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/**
 * page.goto, again after a failure: Chromium drops requests in flight with ERR_NETWORK_CHANGED
 * when Docker adds or removes a container's network interface on this machine, which happens
 * whenever any container starts or stops. (The session page reloads itself for the same reason.)
 */
async function gotoWithRetry(page: Page, url: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url);
      return;
    } catch (e) {
      if (attempt >= 4 || !/ERR_NETWORK_CHANGED|ERR_CONNECTION_RESET/.test(String(e))) throw e;
      await sleep(300);
    }
  }
}

const canvasSize = (page: Page) =>
  page.evaluate(() => {
    const c = document.querySelector("#screen canvas") as HTMLCanvasElement | null;
    return c ? `${c.width}x${c.height}` : "";
  });

for (const c of cases) {
  describe(`${c.name} image`, () => {
    it(`runs under the agent's restrictions and shows ${c.what} through a path prefix`, async (ctx) => {
      const ref = built.get(c.name);
      if (!ref) ctx.skip(`set BERTH_TEST_DESKTOPS=1 to test berth/${c.name}, once built (bash images/build.sh ${c.name})`);
      const s = await runSession(ref!, { env: c.env, memoryMb: c.memoryMb, shmMb: c.shmMb });
      const t: Record<string, number> = {};
      let ok = false;
      let shown: Page | undefined;
      const console_: string[] = [];
      const proxy = await startPrefixProxy(s.port, s.secret, s.sessionId);
      const context = await browser!.newContext({ viewport: { width: 1280, height: 720 } });
      try {
        t.dockerRunMs = s.startedAt - s.createdAt;
        t.httpReadyMs = (await waitForHttp(s.port, s.secret)) - s.createdAt;

        const page = await context.newPage();
        shown = page;
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        page.on("console", (m) => console_.push(m.text()));
        await gotoWithRetry(page, proxy.url);
        // (The page loads itself again should one of its requests fail; see images/web/index.html.)
        await page.waitForSelector("html[data-berth-state=connected]", { timeout: 45_000 });
        t.connectedMs = performance.now() - s.createdAt;
        expect(await page.getAttribute("html", "data-berth-access")).toBe("full");
        // resize=remote: the desktop takes the browser window's size.
        await waitUntil("the desktop to take the window's size", async () => (await canvasSize(page)) === "1280x720" || false, 10_000);
        await waitUntil(`${c.what} to be drawn`, async () => (await canvasCheck(page, c.check)) || false, c.drawnWithinMs, 200);
        t.drawnMs = performance.now() - s.createdAt;

        if (c.name === "desktop") {
          // Keys typed in the browser reach the terminal (full control through the proxy).
          const before = await page.screenshot();
          await page.keyboard.type("echo typed in the browser");
          await page.keyboard.press("Enter");
          await sleep(800);
          expect((await page.screenshot()).equals(before)).toBe(false);
        } else {
          await sleep(c.name === "firefox" ? 1500 : 2500); // let the last pieces settle
        }
        await page.screenshot({ path: join(shots, `image-${c.name}.png`) });

        // Everything runs as the unprivileged session user.
        const ids = await execIn(s.container, ["sh", "-c", "id -u; awk '/^Uid/ { print $2 }' /proc/1/status"]);
        expect(ids.trim().split("\n")).toEqual(["1000", "1000"]);

        // A smaller window: the desktop follows it.
        await page.setViewportSize({ width: 1024, height: 640 });
        await waitUntil("the desktop to follow the window", async () => (await canvasSize(page)) === "1024x640" || false, 10_000);
        await waitUntil(`${c.what} to be drawn again`, async () => (await canvasCheck(page, c.check)) || false, 15_000, 200);
        await sleep(1000);
        await page.screenshot({ path: join(shots, `image-${c.name}-resized.png`) });
        if (c.name.startsWith("desktop")) {
          // The taskbar's Applications menu, to look at.
          await page.mouse.click(60, 640 - 16);
          await sleep(800);
          await page.screenshot({ path: join(shots, `image-${c.name}-menu.png`) });
          await page.keyboard.press("Escape");
        }
        expect(errors).toEqual([]);
        expect(console_.filter((m) => /error|failed to load/i.test(m) && !/ERR_NETWORK_CHANGED/.test(m))).toEqual([]);

        const stats = await s.container.stats({ stream: false });
        const mem = stats.memory_stats;
        t.memoryMiB = Math.round(((mem.usage ?? 0) - ((mem.stats as { inactive_file?: number })?.inactive_file ?? 0)) / 1048576);
        t.pids = stats.pids_stats?.current ?? 0;

        await page.close();
        const t0 = performance.now();
        await s.container.stop({ t: 10 });
        t.dockerStopMs = performance.now() - t0;
        const info = await s.container.inspect();
        expect(info.State.Running).toBe(false);
        expect(info.State.ExitCode).toBe(0); // it stopped on SIGTERM, not SIGKILL after the grace time
        expect(info.State.OOMKilled).toBe(false);
        // Every process in the session ended on SIGTERM by itself, within the gateway's grace time
        // (the rest of docker stop is Docker's own work: about 0.3 s here when the machine is idle).
        const logs = (await s.container.logs({ stdout: true, stderr: true, tail: 20 })).toString();
        const ended = /every process ended within (\d+) ms/.exec(logs);
        expect(ended, logs).not.toBeNull();
        t.processesEndedMs = Number(ended![1]);
        expect(t.dockerStopMs).toBeLessThan(1500);
        ok = true;
      } finally {
        if (!ok) {
          await shown?.screenshot({ path: join(shots, `image-${c.name}-failed.png`) }).catch(() => {});
          const logs = await s.container.logs({ stdout: true, stderr: true, tail: 60 }).catch(() => "");
          console.log(`${c.name}: browser console:\n${console_.join("\n")}\ncontainer log:\n${logs.toString()}`);
        }
        for (const k of Object.keys(t)) t[k] = Math.round(t[k]);
        timings[c.name] = t;
        console.log(`${c.name}: ${JSON.stringify(t)}`);
        await context.close();
        await proxy.close();
        await s.container.remove({ force: true }).catch(() => {});
      }
    }, 180_000);
  });
}
