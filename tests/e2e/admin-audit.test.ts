import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ApiClient } from "../support/api.js";
import { adminClient } from "../support/admin.js";
import { launchBrowser, newContext, screenshot, signInThroughPage } from "../support/browser.js";
import { closeTestDb } from "../support/db.js";
import { buildUser, imageByName } from "../support/factories.js";
import { waitFor } from "../support/stack.js";

type Row = { action: string; actor: string; outcome: string };

/** The audit rows the page shows right now. */
const rows = (page: Page): Promise<Row[]> =>
  page.$$eval('[data-testid="audit-row"]', (trs) =>
    trs.map((tr) => ({ action: tr.getAttribute("data-action") ?? "", actor: tr.getAttribute("data-actor") ?? "", outcome: tr.getAttribute("data-outcome") ?? "" })),
  );

describe.runIf(inject("stackStarted"))("the audit log tab in a real browser", () => {
  let browser: Browser;
  let user: Awaited<ReturnType<typeof buildUser>>;
  let userClient: ApiClient;
  let sessionId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    // Events of a user of its own: a wrong password, a sign-in, a launch.
    user = await buildUser();
    userClient = new ApiClient();
    const failed = await userClient.gql(`mutation($u:String!){ signIn(username:$u, password:"not-the-password"){ id } }`, { u: user.username });
    expect(failed.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    await userClient.signIn(user.username, user.password);
    const tiny = await imageByName("tiny");
    sessionId = (await userClient.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: tiny.id })).requestSession.id;
    const admin = await adminClient();
    await waitFor("the user's three events in the log", async () => {
      const r = await admin.ok<{ auditEvents: unknown[] }>(`query($n:String){ auditEvents(actorName:$n){ id } }`, { n: user.username });
      return r.auditEvents.length >= 3;
    }, 5000);
  });
  afterAll(async () => {
    await browser?.close();
    await closeTestDb();
  });

  it("shows who did what, refreshes, and filters down to one user's failed sign-in", async () => {
    const page = await (await newContext(browser)).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInThroughPage(page, "admin", inject("adminPassword"));
    await page.goto("/admin");
    await page.getByTestId("admin-nav-audit").click();
    await page.getByTestId("admin-page-audit").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("admin-nav-audit").getAttribute("aria-current")).toBe("page");
    await page.locator(`[data-testid="audit-row"][data-actor="${user.username}"][data-action="requestSession"][data-outcome="OK"]`).waitFor();
    const mine = (await rows(page)).filter((r) => r.actor === user.username);
    expect(mine.map((r) => `${r.action} ${r.outcome}`)).toEqual(["requestSession OK", "signIn OK", "signIn UNAUTHENTICATED"]);
    await screenshot(page, "admin-audit");

    // Something new happens; Refresh shows it.
    await userClient.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: sessionId });
    await page.getByTestId("audit-refresh").click();
    await page.locator(`[data-testid="audit-row"][data-actor="${user.username}"][data-action="destroySession"]`).waitFor();

    // Failed sign-ins only: the action is typed (applied once typing rests), the outcome chosen.
    await page.getByTestId("audit-filter-action").fill("signIn");
    await page.getByTestId("audit-filter-outcome").selectOption("UNAUTHENTICATED");
    await waitFor("only failed sign-ins, this user's among them", async () => {
      const r = await rows(page);
      return r.length > 0 && r.every((x) => x.action === "signIn" && x.outcome === "UNAUTHENTICATED") && r.some((x) => x.actor === user.username);
    });
    expect(page.url()).toMatch(/\/admin\/audit\?.*action=signIn/);
    expect(page.url()).toContain("outcome=UNAUTHENTICATED");

    // And only this user's.
    await page.getByTestId("audit-filter-actor").fill(user.username);
    await page.waitForURL((url) => url.searchParams.get("actor") === user.username);
    const only = await waitFor("one row: the user's failed sign-in", async () => {
      const r = await rows(page);
      return r.length === 1 && r[0].actor === user.username ? r : null;
    });
    expect(only).toEqual([{ action: "signIn", actor: user.username, outcome: "UNAUTHENTICATED" }]);
    await screenshot(page, "admin-audit-filtered");

    // The filters live in the address: a reload keeps them.
    await page.reload();
    await page.locator(`[data-testid="audit-row"][data-actor="${user.username}"]`).waitFor();
    expect(await page.getByTestId("audit-filter-actor").inputValue()).toBe(user.username);
    expect(await page.getByTestId("audit-filter-outcome").inputValue()).toBe("UNAUTHENTICATED");

    // A filter nothing matches shows the empty state; clearing brings the rows back.
    await page.getByTestId("audit-filter-action").fill("noSuchAction");
    await page.getByTestId("audit-empty").waitFor();
    await page.getByTestId("audit-filter-clear").first().click();
    await page.locator(`[data-testid="audit-row"][data-actor="${user.username}"][data-action="destroySession"]`).waitFor();
    expect(errors).toEqual([]);
  });

  it("reads as a list of cards in a narrow window", async () => {
    const narrow = await (await newContext(browser, { width: 390, height: 800 })).newPage();
    await signInThroughPage(narrow, "admin", inject("adminPassword"));
    await narrow.goto(`/admin/audit?actor=${encodeURIComponent(user.username)}`);
    await narrow.locator(`[data-testid="audit-row"][data-actor="${user.username}"]`).first().waitFor();
    await screenshot(narrow, "admin-audit-narrow");
  });

  it("is not there for other users", async () => {
    const p = await (await newContext(browser)).newPage();
    await signInThroughPage(p, user.username, user.password);
    expect(await p.getByTestId("nav-admin").count()).toBe(0);
    await p.goto("/admin/audit");
    await p.getByTestId("admin-forbidden").waitFor();
    expect(await p.getByTestId("admin-page-audit").count()).toBe(0);
  });
});
