import { afterAll, describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/api.js";
import { adminClient } from "../support/admin.js";
import { closeTestDb } from "../support/db.js";
import { buildUser, imageByName } from "../support/factories.js";
import { waitFor } from "../support/stack.js";

type Event = { action: string; actorName: string; outcome: string; detail: string };
const Q = `query($a:String,$n:String,$o:String){ auditEvents(action:$a, actorName:$n, outcome:$o){ action actorName outcome detail at ip } }`;

describe.runIf(inject("stackStarted"))("the audit log", () => {
  afterAll(() => closeTestDb());

  it("records sign-ins and failed ones, launches and ends, with who and what, secrets left out; admins filter it", async () => {
    const admin = await adminClient();
    const user = await buildUser();
    const c = new ApiClient();
    await c.gql(`mutation($u:String!){ signIn(username:$u, password:"not-it-at-all"){ id } }`, { u: user.username });
    await c.signIn(user.username, user.password);
    const tiny = await imageByName("tiny");
    const s = (await c.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: tiny.id })).requestSession;
    await c.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: s.id });

    const mine = await waitFor("the events", async () => {
      const r = (await admin.ok<{ auditEvents: Event[] }>(Q, { n: user.username })).auditEvents;
      return r.length >= 4 ? r : null;
    }, 5000);
    expect(mine.map((e) => `${e.action} ${e.outcome}`).reverse()).toEqual(["signIn UNAUTHENTICATED", "signIn OK", "requestSession OK", "destroySession OK"]);
    expect(JSON.stringify(mine)).not.toContain(user.password);
    expect(JSON.stringify(mine)).not.toContain("not-it-at-all");
    const failed = (await admin.ok<{ auditEvents: Event[] }>(Q, { a: "signIn", o: "UNAUTHENTICATED" })).auditEvents;
    expect(failed.some((e) => e.actorName === user.username)).toBe(true);
    const forbidden = await c.gql(Q, {});
    expect(forbidden.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
