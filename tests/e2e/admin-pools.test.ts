// The Warm pools admin tab in a real browser: an administrator adds a pool, watches it fill
// (live, without reloading), resizes it, and removes it; other users never see the tab.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { ApiClient } from "../support/api.js";
import { adminClient } from "../support/admin.js";
import { launchBrowser, newContext, screenshot, signInThroughPage } from "../support/browser.js";
import { closeTestDb, testDb } from "../support/db.js";
import { buildUser, imageByName } from "../support/factories.js";
import { waitFor } from "../support/stack.js";

type Pool = { imageName: string; zoneName: string; size: number; ready: number; starting: number };
const POOLS = `{ warmPools { imageName zoneName size ready starting } }`;
const SET = `mutation($i:ID!,$z:ID!,$n:Int!){ setWarmPool(imageId:$i, zoneId:$z, size:$n){ id } }`;

/** The row's cell values, as the page shows them right now. */
async function cells(row: Locator) {
  const value = async (id: string) => Number(await row.getByTestId(id).getAttribute("data-value"));
  return { ready: await value("pool-ready"), starting: await value("pool-starting"), size: await value("pool-size") };
}

describe.runIf(inject("stackStarted"))("the warm pools tab in a real browser", () => {
  let browser: Browser;
  let admin: ApiClient;
  let imageId = "";
  let zoneId = "";

  const apiPool = async () => (await admin.ok<{ warmPools: Pool[] }>(POOLS)).warmPools.find((p) => p.imageName === "tiny" && p.zoneName === "default");
  /** Ends the pool through the API and waits until none of its sessions is left. */
  const drain = async () => {
    await admin.ok(SET, { i: imageId, z: zoneId, n: 0 });
    await waitFor("the tiny pool in default to be empty", async () => {
      const p = await apiPool();
      return !p || p.ready + p.starting === 0;
    }, 30_000, 200);
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await adminClient();
    imageId = (await imageByName("tiny")).id;
    const zones = (await admin.ok<{ zones: { id: string; name: string }[] }>(`{ zones { id name } }`)).zones;
    zoneId = zones.find((z) => z.name === "default")!.id;
    // Start from no pool, whatever ran before.
    await drain();
  });
  afterAll(async () => {
    // Leave no pooled sessions behind for the other test files.
    await drain().catch(() => {});
    await browser?.close();
    await closeTestDb();
  });

  it("adds a pool, shows it filling live, resizes it and removes it", async () => {
    const page = await (await newContext(browser)).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInThroughPage(page, "admin", inject("adminPassword"));
    await page.goto("/admin");
    await page.getByTestId("admin-nav-pools").click();
    await page.getByTestId("admin-page-pools").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("admin-nav-pools").getAttribute("aria-current")).toBe("page");
    const row = page.locator('[data-testid="pool-row"][data-image="tiny"][data-zone="default"]');
    expect(await row.count()).toBe(0);
    await page.getByTestId("pools-empty").waitFor();
    await screenshot(page, "admin-pools-empty");

    // Add: tiny in default, 2 ready sessions.
    const form = page.getByTestId("pool-form");
    await form.getByTestId("pool-image").selectOption(imageId);
    await form.getByTestId("pool-zone").selectOption(zoneId);
    await form.getByTestId("pool-size").fill("2");
    await form.getByTestId("pool-save").click();
    await page.getByTestId("toast-ok").first().waitFor();
    await row.waitFor();
    expect((await cells(row)).size).toBe(2);

    // The page follows the pool as its sessions start, without a reload.
    const seen = new Set<string>();
    await waitFor("2 ready on the page", async () => {
      const c = await cells(row);
      seen.add(JSON.stringify(c));
      return c.ready === 2 && c.starting === 0;
    }, 30_000, 100);
    expect(await row.getByTestId("pool-ready").getByRole("meter").getAttribute("aria-valuenow")).toBe("2");
    expect(await row.getByTestId("pool-message").count()).toBe(0);
    expect(await page.getByTestId("pools-summary").textContent()).toBe("1 pool · 2 of 2 sessions ready");
    console.log(`warm pools tab: states seen while filling: ${[...seen].join(" → ")}`);
    await page.waitForTimeout(600); // the bar's fill glides (0.5 s)
    await screenshot(page, "admin-pools-filled");

    // The same page in a narrow window: rows become cards.
    const narrow = await (await newContext(browser, { width: 390, height: 800 })).newPage();
    await signInThroughPage(narrow, "admin", inject("adminPassword"));
    await narrow.goto("/admin/pools");
    const card = narrow.locator('[data-testid="pool-row"][data-image="tiny"][data-zone="default"]');
    await card.waitFor();
    await card.scrollIntoViewIfNeeded();
    await narrow.waitForTimeout(600);
    await screenshot(narrow, "admin-pools-narrow");
    await narrow.context().close();

    // No room for a third: the row says why the pool is short, as a warning.
    const server = await testDb().server.findFirstOrThrow({ where: { zoneId, images: { some: { imageId, status: "READY" } } }, orderBy: { createdAt: "asc" } });
    await waitFor("no sessions stopping on the server", async () => (await testDb().session.count({ where: { serverId: server.id, status: "STOPPING" } })) === 0, 30_000);
    const used = await testDb().session.aggregate({ where: { serverId: server.id, status: { in: ["REQUESTED", "STARTING", "RUNNING", "PAUSED", "STOPPING"] } }, _sum: { cores: true } });
    await testDb().server.update({ where: { id: server.id }, data: { coresOverride: used._sum.cores ?? 0 } });
    try {
      await row.getByTestId("pool-size-input").fill("3");
      await row.getByTestId("pool-size-save").click();
      await row.getByTestId("pool-message").waitFor({ timeout: 30_000 });
      expect(await row.getByTestId("pool-message").textContent()).toMatch(/1 short: /);
      expect(await cells(row)).toEqual({ ready: 2, starting: 0, size: 3 });
      expect(await row.getAttribute("data-state")).toBe("short");
      await page.waitForTimeout(600);
      await screenshot(page, "admin-pools-short");
    } finally {
      await testDb().server.update({ where: { id: server.id }, data: { coresOverride: server.coresOverride } });
    }

    // Resize to 1: the waiting sessions beyond it end.
    await row.getByTestId("pool-size-input").fill("1");
    await row.getByTestId("pool-size-save").click();
    await waitFor("1 ready of 1 on the page", async () => {
      const c = await cells(row);
      return c.size === 1 && c.ready === 1 && c.starting === 0;
    }, 30_000, 100);
    expect((await apiPool())?.size).toBe(1);

    // Remove, after confirming: the pool is set to 0 and its row goes once its session has ended.
    await row.getByTestId("pool-remove").click();
    await page.getByTestId("pool-remove-confirm-dialog").waitFor();
    await page.getByTestId("pool-remove-confirm").click();
    await waitFor("the row gone", async () => (await row.count()) === 0, 30_000, 100);
    await page.getByTestId("pools-empty").waitFor();
    const after = await apiPool();
    expect(after && { size: after.size, left: after.ready + after.starting }).toEqual({ size: 0, left: 0 });
    await screenshot(page, "admin-pools-removed");
    expect(errors).toEqual([]);
  }, 120_000);

  it("checks the size as it is typed, and shows the API's refusal in a toast", async () => {
    // An image of its own, so disabling it disturbs nothing else.
    const tiny = await imageByName("tiny");
    const name = `pool-refused-${randomBytes(3).toString("hex")}`;
    const img = (await admin.ok<{ createImage: { id: string } }>(`mutation($in:ImageInput!){ createImage(input:$in){ id } }`, {
      in: { name, friendlyName: `Refused ${name.slice(-6)}`, ref: tiny.ref, cores: tiny.cores, memoryMb: tiny.memoryMb },
    })).createImage;
    try {
      const page = await (await newContext(browser)).newPage();
      await signInThroughPage(page, "admin", inject("adminPassword"));
      await page.goto("/admin/pools");
      const form = page.getByTestId("pool-form");
      await form.getByTestId("pool-image").selectOption(img.id);
      await form.getByTestId("pool-size").fill("101");
      expect(await form.getByTestId("pool-save").isDisabled()).toBe(true);
      await form.getByTestId("pool-size").fill("1");
      // Disabled behind the page's back: the page still offers it, the API refuses with its reason.
      await admin.ok(`mutation($id:ID!){ updateImage(id:$id, input:{ enabled:false }){ id } }`, { id: img.id });
      await form.getByTestId("pool-save").click();
      await page.getByTestId("toast-error").waitFor();
      expect(await page.getByTestId("toast-error").textContent()).toContain(`'${name}' is disabled: enable it first`);
      expect(await page.locator(`[data-testid="pool-row"][data-image="${name}"]`).count()).toBe(0);
      // The form keeps what was chosen, to try again.
      expect(await form.getByTestId("pool-image").inputValue()).toBe(img.id);
      await screenshot(page, "admin-pools-refused");
    } finally {
      await admin.ok(`mutation($id:ID!){ deleteImage(id:$id, force:true){ id } }`, { id: img.id });
    }
  });

  it("is not there for other users", async () => {
    const user = await buildUser();
    const p = await (await newContext(browser)).newPage();
    await signInThroughPage(p, user.username, user.password);
    expect(await p.getByTestId("nav-admin").count()).toBe(0);
    await p.goto("/admin/pools");
    await p.getByTestId("admin-forbidden").waitFor();
    expect(await p.getByTestId("admin-page-pools").count()).toBe(0);
  });
});
