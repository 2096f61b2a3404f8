// The fault matrix, seen from the web application (issue #9): a session page stays open in
// Chromium while a manager is killed, Redis or Postgres restarts or nginx reloads; afterwards its
// subscription has come back by itself, with no reload: when the session is ended elsewhere, the
// page shows it, and a new session launched elsewhere appears in the portal's session list.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeTestDb } from "../support/db.js";
import { buildUser, imageByName } from "../support/factories.js";
import { ApiClient } from "../support/api.js";
import { launchBrowser, newContext, screenshot, signInThroughPage } from "../support/browser.js";
import { service } from "../support/faults.js";
import { managerProc, startProc, stopProc, waitFor } from "../support/stack.js";

const FAULTS: [string, () => Promise<void>][] = [
  [
    "kill -9 of the manager",
    async () => {
      await stopProc("manager", "SIGKILL");
      startProc(managerProc);
    },
  ],
  ["a Redis restart", async () => service("redis_stop", "redis_start")],
  [
    "a Postgres restart",
    async () => {
      execFileSync("pg_ctlcluster", ["15", "main", "restart"], { stdio: "ignore" });
      await closeTestDb();
    },
  ],
  ["an nginx reload", async () => service("nginx_start")],
];

describe.runIf(inject("stackStarted"))("faults, seen from the web application", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await closeTestDb();
  });

  /** Opens a page, retrying when Chromium reports a network change (Docker adds interfaces). */
  async function open(page: Page, path: string) {
    for (let i = 0; ; i++) {
      try {
        await page.goto(path);
        return;
      } catch (e) {
        if (i >= 3 || !/ERR_NETWORK_CHANGED/.test(String(e))) throw e;
      }
    }
  }

  it.each(FAULTS)("after %s, the open pages follow changes again by themselves", async (name, fault) => {
    const user = await buildUser();
    const api = new ApiClient();
    await api.signIn(user.username, user.password);
    const tiny = await imageByName("tiny");
    const launch = async () => (await api.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: tiny.id })).requestSession.id;
    const first = await launch();

    const context = await newContext(browser);
    const sessionPage = await context.newPage();
    await signInThroughPage(sessionPage, user.username, user.password);
    await open(sessionPage, `/sessions/${first}`);
    await sessionPage.locator('[data-testid="session-status"][data-status="RUNNING"]').waitFor({ timeout: 20_000 });
    const listPage = await context.newPage();
    await open(listPage, "/sessions");
    await listPage.locator(`a[href="/sessions/${first}"]`).first().waitFor({ timeout: 15_000 });

    await fault();
    // The API answers again (the pages are not touched: no reload, no navigation).
    await waitFor("the manager to answer again", async () => !(await api.gql(`{ me { id } }`)).errors, 30_000, 250);

    // A launch made elsewhere shows up in the open list, and ending the session ends the open page.
    const second = await launch();
    await api.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: first });
    await sessionPage.getByTestId("session-ended").waitFor({ timeout: 30_000 });
    await expect.poll(async () => listPage.locator(`a[href="/sessions/${second}"]`).count(), { timeout: 30_000, intervals: [250] }).toBeGreaterThan(0);
    await screenshot(sessionPage, `fault-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`);
    await api.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: second });
    await context.close();
  }, 120_000);
});
