import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeTestDb } from "../support/db.js";
import { buildUser, signedInClient, imageByName } from "../support/factories.js";
import { launchBrowser, newContext, screenshot, signInThroughPage } from "../support/browser.js";
import { waitFor } from "../support/stack.js";
import { testDb } from "../support/db.js";

const TABS = ["dashboard", "servers", "zones", "managers", "images", "pools", "sessions", "users", "apikeys", "audit", "system", "settings"] as const;

describe.runIf(inject("stackStarted"))("the admin screens in a real browser", () => {
  let browser: Browser;
  let page: Page;
  let sessionId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    // Something to see: a running session.
    const { client } = await signedInClient();
    sessionId = (await client.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: (await imageByName("tiny")).id })).requestSession.id;
    await waitFor("RUNNING", async () => (await testDb().session.findUniqueOrThrow({ where: { id: sessionId } })).status === "RUNNING", 10_000);
    page = await (await newContext(browser)).newPage();
    await signInThroughPage(page, "admin", inject("adminPassword"));
  });
  afterAll(async () => {
    await browser?.close();
    await closeTestDb();
  });

  it.each(TABS)("shows the %s tab with real data and no console errors", async (tab) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(tab === "dashboard" ? "/admin" : `/admin/${tab}`);
    await page.getByTestId(`admin-page-${tab}`).waitFor({ timeout: 15_000 });
    await page.waitForLoadState("networkidle").catch(() => {});
    if (tab === "servers") await page.getByTestId("server-row").first().waitFor();
    if (tab === "images") await page.locator('[data-testid="image-row"][data-name="tiny"]').waitFor();
    if (tab === "users") await page.locator('[data-testid="user-row"][data-username="admin"]').waitFor();
    if (tab === "zones") await page.locator('[data-testid="zone-row"][data-name="default"]').waitFor();
    if (tab === "sessions") await page.getByTestId("session-row-admin").first().waitFor();
    if (tab === "apikeys") {
      await page.getByTestId("apikey-name").fill("ui test key");
      await page.getByTestId("apikey-create").click();
      await page.getByTestId("apikey-secret").waitFor();
      expect(await page.getByTestId("apikey-secret").textContent()).toMatch(/^bk_/);
      await page.locator('[data-testid="apikey-row"][data-name="ui test key"]').first().waitFor();
    }
    if (tab === "system") expect(await page.getByTestId("installation-id").textContent()).toContain(inject("installationId"));
    await screenshot(page, `admin-${tab}`);
    expect(errors).toEqual([]);
  });

  it("works in a narrow window", async () => {
    const narrow = await (await newContext(browser, { width: 390, height: 800 })).newPage();
    await signInThroughPage(narrow, "admin", inject("adminPassword"));
    await narrow.goto("/admin/servers");
    await narrow.getByTestId("server-row").first().waitFor();
    await screenshot(narrow, "admin-servers-narrow");
  });

  it("keeps the admin screens from other users", async () => {
    const user = await buildUser();
    const p = await (await newContext(browser)).newPage();
    await signInThroughPage(p, user.username, user.password);
    expect(await p.getByTestId("nav-admin").count()).toBe(0);
    await p.goto("/admin/users");
    await p.getByTestId("admin-forbidden").waitFor();
  });
});
