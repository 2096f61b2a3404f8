import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { closeTestDb, testDb } from "../support/db.js";
import { buildUser } from "../support/factories.js";
import { launchBrowser, newContext, screenshot, signInThroughPage } from "../support/browser.js";
import { waitFor } from "../support/stack.js";

describe.runIf(inject("stackStarted"))("sharing and chat in two browsers", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await closeTestDb();
  });

  it("the owner shares, the guest joins and sees it, they chat both ways, the owner removes the guest and the guest's view closes", async () => {
    const ownerUser = await buildUser();
    const guestUser = await buildUser();
    const owner = await (await newContext(browser)).newPage();
    const guest = await (await newContext(browser)).newPage();
    await signInThroughPage(owner, ownerUser.username, ownerUser.password);
    await signInThroughPage(guest, guestUser.username, guestUser.password);

    await owner.getByTestId("image-tile-tiny").click();
    await owner.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    const sessionId = owner.url().split("/").pop()!;
    await owner.getByTestId("session-iframe").waitFor({ timeout: 15_000 });

    await owner.getByTestId("share-open").click();
    await owner.getByTestId("share-mode-view").click();
    await owner.getByTestId("share-start").click();
    const link = await owner.getByTestId("share-link").inputValue();
    expect(link).toMatch(/\/share\/[0-9a-f]{32}$/);

    await guest.goto(link);
    await guest.waitForURL(new RegExp(`/sessions/${sessionId}$`));
    await guest.getByTestId("guest-badge").waitFor();
    const frame = guest.frameLocator('[data-testid="session-iframe"]');
    await expect.poll(async () => frame.locator("#berth-tiny").textContent().catch(() => null), { timeout: 10_000 }).toContain("Berth tiny session");
    await owner.locator(`[data-testid="share-viewer"][data-user="${guestUser.username}"]`).waitFor();
    await screenshot(owner, "sharing-01-owner-with-viewer");
    await screenshot(guest, "sharing-02-guest-view");
    await owner.getByTestId("share-close").click().catch(() => {});

    await owner.getByTestId("chat-open").click();
    await guest.getByTestId("chat-open").click();
    await owner.getByTestId("chat-input").fill("hello <b>guest</b>");
    await owner.getByTestId("chat-send").click();
    await guest.getByTestId("chat-message").filter({ hasText: "hello <b>guest</b>" }).waitFor();
    await guest.getByTestId("chat-input").fill("hi owner");
    await guest.getByTestId("chat-send").click();
    await owner.getByTestId("chat-message").filter({ hasText: "hi owner" }).waitFor();
    // Plain text: the markup shows as typed, no <b> element was made.
    expect(await guest.locator('[data-testid="chat-message"] b').count()).toBe(0);
    await screenshot(guest, "sharing-03-guest-chat");

    await owner.getByTestId("share-open").click();
    await owner.locator(`[data-testid="share-viewer"][data-user="${guestUser.username}"]`).getByTestId("share-remove-viewer").click();
    await guest.getByTestId("session-access-ended").waitFor({ timeout: 10_000 });
    expect(await guest.getByTestId("session-iframe").count()).toBe(0);
    await screenshot(guest, "sharing-04-guest-removed");
    await waitFor("the viewer row to be marked removed", async () =>
      (await testDb().shareViewer.count({ where: { share: { sessionId }, removedAt: { not: null } } })) === 1, 5000);
  }, 90_000);
});
