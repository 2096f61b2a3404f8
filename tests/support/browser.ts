import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { browserNetns, netnsAvailable } from "./browser-netns.js";
import { env } from "./env.js";

/** Headless, and nothing that phones home (the network here is closed). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Debian's Chromium with CHROMIUM_ARGS, in a network namespace of its own where the machine allows it (see browser-netns.ts: Docker's
 * interfaces coming and going would otherwise make it drop requests with ERR_NETWORK_CHANGED).
 */
export async function launchBrowser(): Promise<Browser> {
  const chromiumPath = process.env.BERTH_CHROMIUM ?? "/usr/bin/chromium";
  const ns = netnsAvailable() ? await browserNetns({ chromium: chromiumPath, ports: [Number(new URL(env.publicUrl).port || 443)] }) : undefined;
  const browser = await chromium
    .launch({ executablePath: ns?.executable ?? chromiumPath, args: CHROMIUM_ARGS })
    .catch((e) => {
      ns?.close();
      throw e;
    });
  if (ns) browser.on("disconnected", () => ns.close());
  return browser;
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
