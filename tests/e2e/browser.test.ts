import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import Docker from "dockerode";
import { buildUser } from "../support/factories.js";
import { closeTestDb } from "../support/db.js";
import { env } from "../support/env.js";
import { launchBrowser, newContext, screenshot, signInThroughPage } from "../support/browser.js";
import { waitFor } from "../support/stack.js";

const docker = new Docker({ socketPath: env.dockerSocket });

describe.runIf(inject("stackStarted"))("in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await closeTestDb();
  });

  it("signs in, launches a session, sees it, and ends it", async () => {
    const user = await buildUser();
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/");
    await page.getByTestId("signin-username").waitFor();
    await screenshot(page, "01-sign-in");
    await signInThroughPage(page, user.username, user.password);
    await page.getByTestId("image-tile-tiny").waitFor();
    await screenshot(page, "02-workspaces");

    await page.getByTestId("image-tile-tiny").click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    const sessionId = page.url().split("/").pop()!;
    const frame = page.getByTestId("session-iframe");
    await frame.waitFor({ timeout: 15_000 });
    // The page inside the iframe is the session container's own, reached through nginx.
    const inner = page.frameLocator('[data-testid="session-iframe"]');
    await expect.poll(async () => inner.locator("#berth-tiny").textContent(), { timeout: 10_000 }).toContain("Berth tiny session");
    await screenshot(page, "03-session-running");

    await page.getByTestId("end-session").click();
    await page.getByTestId("confirm-end-session").click();
    await waitFor(
      "the session's container to be removed",
      async () => (await docker.listContainers({ all: true, filters: { label: [`berth.session=${sessionId}`] } })).length === 0,
      15_000,
    );
    await page.waitForURL((url) => !url.pathname.startsWith(`/sessions/${sessionId}`), { timeout: 10_000 }).catch(() => {});
    await screenshot(page, "04-after-end");
    await context.close();
  });
});
