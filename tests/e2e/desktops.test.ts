import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { adminClient } from "../support/admin.js";
import { closeTestDb, testDb } from "../support/db.js";
import { env } from "../support/env.js";
import { buildUser } from "../support/factories.js";
import { launchBrowser, newContext, screenshot, signInThroughPage } from "../support/browser.js";
import { waitFor } from "../support/stack.js";
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { BerthClient, pngSize } from "../../sdk/src/index.js";
import { distinctColours } from "../support/png.js";

/** The default workspaces, when `bash images/build.sh` has pushed them (it takes minutes; CI skips). */
const DEFAULTS = [
  // BERTH_AUTOSTART opens a program once the desktop is up, so the screenshot shows it.
  { name: "desktop", cores: 1, memoryMb: 1024, autostart: "xterm", settleMs: 3000 },
  { name: "desktop-deluxe", cores: 1, memoryMb: 2048, autostart: "libreoffice --writer", settleMs: 15000 },
  { name: "firefox", cores: 1, memoryMb: 1536, autostart: "", settleMs: 4000 },
];

async function inRegistry(name: string) {
  // They take minutes to build and to test: opt in with BERTH_TEST_DESKTOPS=1 after `bash images/build.sh`.
  if (process.env.BERTH_TEST_DESKTOPS !== "1") return false;
  try {
    const r = await fetch(`http://${env.registry}/v2/berth/${name}/tags/list`);
    return r.ok && ((await r.json()) as { tags?: string[] }).tags?.includes("latest");
  } catch {
    return false;
  }
}

const built = await Promise.all(DEFAULTS.map((d) => inRegistry(d.name)));
const available = DEFAULTS.filter((_, i) => built[i]);
if (available.length < DEFAULTS.length) console.log(`default images not built, skipped: ${DEFAULTS.filter((_, i) => !built[i]).map((d) => d.name).join(", ")} (bash images/build.sh)`);

describe.runIf(inject("stackStarted") && available.length > 0)("the default workspaces, through nginx in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await closeTestDb();
  });

  /** The image's id, registering it in the catalogue first if needed; waits until a server has it. */
  async function registered(d: (typeof DEFAULTS)[number]) {
    const admin = await adminClient();
    const existing = await testDb().image.findUnique({ where: { name: d.name } });
    const id =
      existing?.id ??
      (await admin.ok<{ createImage: { id: string } }>(`mutation($in:ImageInput!){ createImage(input:$in){ id } }`, {
        in: {
          name: d.name,
          friendlyName: d.name,
          ref: `${env.registry}/berth/${d.name}:latest`,
          cores: d.cores,
          memoryMb: d.memoryMb,
          shmMb: 256,
          env: d.autostart ? [{ name: "BERTH_AUTOSTART", value: d.autostart }] : [],
        },
      })).createImage.id;
    await waitFor(`${d.name} downloaded`, async () => (await testDb().serverImage.count({ where: { imageId: id, status: "READY" } })) > 0, 120_000, 500);
    return id;
  }

  it.runIf(available.some((d) => d.name === "desktop"))("the integrator flow through the SDK alone: a user, a desktop, a screenshot of it, a command, the end", async () => {
    await registered(DEFAULTS[0]);
    const admin = await adminClient();
    const secret = (await admin.ok<{ createApiKey: { secret: string } }>(`mutation($in:CreateApiKeyInput!){ createApiKey(input:$in){ secret } }`, {
      in: { name: `desktop-sdk-${Date.now()}`, scopes: ["sessions:read", "sessions:write", "users:write"] },
    })).createApiKey.secret;
    const berth = new BerthClient({ url: env.publicUrl, apiKey: secret });
    const user = await berth.ensureUser(`desk-${Date.now().toString(36)}`);
    const image = await berth.findImage("desktop");
    const s = await berth.requestSession({ imageId: image!.id, forUser: user.username });
    const running = await berth.waitForSession(s.id, { until: "RUNNING", timeoutMs: 60_000 });
    expect(running.status).toBe("RUNNING");
    // The desktop draws its panel a moment after Xvnc answers.
    let png = await berth.screenshot(s.id);
    for (let i = 0; i < 20 && distinctColours(png) < 20; i++) {
      await new Promise((r) => setTimeout(r, 500));
      png = await berth.screenshot(s.id);
    }
    const size = pngSize(png);
    expect(size.width).toBeGreaterThanOrEqual(800);
    expect(size.height).toBeGreaterThanOrEqual(600);
    expect(distinctColours(png)).toBeGreaterThan(20); // a desktop, not a blank frame
    mkdirSync(join(env.root, "test-results", "screenshots"), { recursive: true });
    writeFileSync(join(env.root, "test-results", "screenshots", "api-desktop.png"), png);
    const r = await berth.runCommand(s.id, ["sh", "-c", "echo hello from $(id -un); ls /usr/bin/xterm"]);
    expect(r).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^hello from \w+\n\/usr\/bin\/xterm\n$/) });
    await berth.endSession(s.id);
    expect((await berth.waitForSession(s.id, { until: "STOPPED", timeoutMs: 30_000 })).status).toBe("STOPPED");
  }, 240_000);

  it.each(available)("launches $name and draws its screen in the portal", async (d) => {
    const id = await registered(d);

    const user = await buildUser();
    const page = await (await newContext(browser)).newPage();
    await signInThroughPage(page, user.username, user.password);
    await page.getByTestId(`image-tile-${d.name}`).click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    const sessionId = page.url().split("/").pop()!;
    await page.getByTestId("session-iframe").waitFor({ timeout: 60_000 });
    const frame = page.frameLocator('[data-testid="session-iframe"]');
    // Drawn: noVNC's canvas holds more than a handful of colours.
    await expect
      .poll(
        async () =>
          frame.locator("canvas").first().evaluate((c: HTMLCanvasElement) => {
            const ctx = c.getContext("2d");
            if (!ctx || c.width < 100) return 0;
            const data = ctx.getImageData(0, 0, c.width, c.height).data;
            const colours = new Set<number>();
            for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
            return colours.size;
          }).catch(() => 0),
        { timeout: 60_000, intervals: [500] },
      )
      .toBeGreaterThan(8);
    // Collapse the control panel so the whole screen shows, and give the program time to draw.
    await page.getByTestId("control-panel-toggle").click().catch(() => {});
    await page.waitForTimeout(d.settleMs);
    await screenshot(page, `default-${d.name}`);
    const { ApiClient } = await import("../support/api.js");
    const c = new ApiClient();
    await c.signIn(user.username, user.password);
    await c.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: sessionId });
  }, 240_000);
});
