import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { adminClient } from "../support/admin.js";
import { closeTestDb, testDb } from "../support/db.js";
import { env } from "../support/env.js";
import { buildUser } from "../support/factories.js";
import { launchBrowser, newContext, screenshot, signInThroughPage } from "../support/browser.js";
import { waitFor } from "../support/stack.js";

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

  it.each(available)("launches $name and draws its screen in the portal", async (d) => {
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
