import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { env } from "./env.js";

/** Debian's Chromium, headless, with nothing that phones home (the network here is closed). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.BERTH_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function newContext(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  // The stack's certificate is self-signed; the test trusts it the way a user would after accepting it.
  return browser.newContext({ ignoreHTTPSErrors: true, viewport, baseURL: env.publicUrl });
}

export const screenshotDir = join(env.root, "test-results", "screenshots");

/** Saves a screenshot under test-results/screenshots/<name>.png so people can look at each screen. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: false });
}

export async function signInThroughPage(page: Page, username: string, password: string) {
  await page.goto("/");
  await page.getByTestId("signin-username").fill(username);
  await page.getByTestId("signin-password").fill(password);
  await page.getByTestId("signin-submit").click();
  await page.getByTestId("current-user").waitFor();
}
