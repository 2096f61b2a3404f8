import { afterAll, describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/api.js";
import { closeTestDb, testDb } from "../support/db.js";
import { imageByName, signedInClient } from "../support/factories.js";
import { waitFor } from "../support/stack.js";

async function sharedSession() {
  const { client: owner, user } = await signedInClient();
  const { client: guest } = await signedInClient();
  const tiny = await imageByName("tiny");
  const s = (await owner.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: tiny.id })).requestSession;
  await waitFor("RUNNING", async () => (await testDb().session.findUniqueOrThrow({ where: { id: s.id } })).status === "RUNNING", 10_000);
  const share = (await owner.ok<{ shareSession: { id: string; url: string } }>(`mutation($s:ID!){ shareSession(sessionId:$s, mode: VIEW){ id url } }`, { s: s.id })).shareSession;
  return { owner, guest, user, sessionId: s.id, share };
}

const send = (c: ApiClient, s: string, body: string) => c.gql(`mutation($s:ID!,$b:String!){ sendChatMessage(sessionId:$s, body:$b){ id body authorName } }`, { s, b: body });

describe.runIf(inject("stackStarted"))("sharing and chat through the API", () => {
  afterAll(() => closeTestDb());

  it("lets a guest join by link, chat both ways with history, and be removed", async () => {
    const { owner, guest, sessionId, share } = await sharedSession();
    expect(share.url).toBe(`/share/${share.id}`);
    expect(share.id).toMatch(/^[0-9a-f]{32}$/);
    // Before joining, the guest sees nothing.
    expect((await send(guest, sessionId, "hi")).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const joined = await guest.ok<{ joinShare: { id: string; viewerRole: string; viewerCan: { control: boolean; destroy: boolean; chat: boolean } } }>(
      `mutation($id:String!){ joinShare(shareId:$id){ id viewerRole viewerCan { control destroy chat } } }`,
      { id: share.id },
    );
    expect(joined.joinShare).toEqual({ id: sessionId, viewerRole: "VIEWER", viewerCan: { control: false, destroy: false, chat: true } });
    expect((await guest.fetch(`/session/${sessionId}/`)).status).toBe(200);

    await send(owner, sessionId, "welcome <b>guest</b>");
    await send(guest, sessionId, "thanks");
    const history = await guest.ok<{ chatMessages: { body: string }[] }>(`query($s:ID!){ chatMessages(sessionId:$s){ body } }`, { s: sessionId });
    expect(history.chatMessages.map((m) => m.body)).toEqual(["welcome <b>guest</b>", "thanks"]);

    const viewers = await owner.ok<{ sessionShare: { viewers: { userId: string }[] } }>(`query($s:ID!){ sessionShare(sessionId:$s){ viewers { userId username } } }`, { s: sessionId });
    expect(viewers.sessionShare.viewers).toHaveLength(1);
    // The guest cannot manage the share or end the session.
    expect((await guest.gql(`mutation($s:ID!){ stopSharing(sessionId:$s) }`, { s: sessionId })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await guest.gql(`mutation($s:ID!){ destroySession(id:$s){ id } }`, { s: sessionId })).errors?.[0].extensions?.code).toBe("FORBIDDEN");

    await owner.ok(`mutation($s:ID!,$u:ID!){ removeViewer(sessionId:$s, userId:$u){ id } }`, { s: sessionId, u: viewers.sessionShare.viewers[0].userId });
    // nginx reuses the manager's yes for 1 to 2 s (nginx.conf, /_berth_auth): the refusal comes within that.
    await waitFor("the removed guest to be refused", async () => (await guest.fetch(`/session/${sessionId}/`)).status === 403, 3_000);
    expect((await send(guest, sessionId, "still here?")).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const again = await guest.gql(`mutation($id:String!){ joinShare(shareId:$id){ id } }`, { id: share.id });
    expect(again.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(again.errors?.[0].message).toMatch(/removed you/);

    await owner.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: sessionId });
    await waitFor("chat removed with the session", async () => (await testDb().chatMessage.count({ where: { sessionId } })) === 0, 10_000);
  });

  it("gives collaborative guests the controlling credential and view-only guests the other", async () => {
    const { owner, guest, sessionId } = await sharedSession();
    const { share } = { share: (await owner.ok<{ shareSession: { id: string } }>(`mutation($s:ID!){ shareSession(sessionId:$s, mode: COLLABORATE){ id } }`, { s: sessionId })).shareSession };
    const joined = await guest.ok<{ joinShare: { viewerCan: { control: boolean } } }>(`mutation($id:String!){ joinShare(shareId:$id){ viewerCan { control } } }`, { id: share.id });
    expect(joined.joinShare.viewerCan.control).toBe(true);
    await owner.ok(`mutation($s:ID!){ stopSharing(sessionId:$s) }`, { s: sessionId });
    await waitFor("the guest of a stopped share to be refused", async () => (await guest.fetch(`/session/${sessionId}/`)).status === 403, 3_000);
    await owner.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: sessionId });
  });

  it("limits message length and rate with clear errors, and stores text as sent", async () => {
    const { owner, sessionId } = await sharedSession();
    const long = await send(owner, sessionId, "x".repeat(2001));
    expect(long.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(long.errors?.[0].message).toMatch(/at most 2000 characters/);
    expect((await send(owner, sessionId, "   ")).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await send(owner, sessionId, `m${i}`));
    const limited = results.filter((r) => r.errors?.[0].extensions?.code === "RATE_LIMITED");
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(limited[0].errors?.[0].message).toMatch(/slow down: at most 5 messages every 10 seconds/);
    await owner.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: sessionId });
  });
});

describe.runIf(inject("stackStarted"))("a shared session's WebSocket", () => {
  afterAll(() => closeTestDb());

  it("ignores a view-only guest's input, passes a collaborator's, and cuts a removed guest off at once", async () => {
    const { owner, guest, sessionId, share } = await sharedSession();
    await guest.ok(`mutation($id:String!){ joinShare(shareId:$id){ id } }`, { id: share.id });
    const ws = guest.websocket(`/session/${sessionId}/websockify`);
    await new Promise((resolve, reject) => (ws.once("open", resolve), ws.once("error", reject)));
    const echoed: string[] = [];
    ws.on("message", (m) => echoed.push(m.toString()));
    ws.send("typed by a viewer");
    await new Promise((r) => setTimeout(r, 500));
    expect(echoed).toEqual([]); // the session server dropped it: view only

    const closed = new Promise<number>((resolve) => ws.once("close", () => resolve(Date.now())));
    const viewers = await owner.ok<{ sessionShare: { viewers: { userId: string }[] } }>(`query($s:ID!){ sessionShare(sessionId:$s){ viewers { userId } } }`, { s: sessionId });
    const removedAt = Date.now();
    await owner.ok(`mutation($s:ID!,$u:ID!){ removeViewer(sessionId:$s, userId:$u){ id } }`, { s: sessionId, u: viewers.sessionShare.viewers[0].userId });
    const cutAfter = (await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 5000))])) - removedAt;
    console.log(`removed viewer's WebSocket closed ${cutAfter} ms after removeViewer`);
    expect(cutAfter).toBeGreaterThan(0);
    expect(cutAfter).toBeLessThan(3000);

    // A collaborator's input reaches the session.
    const { client: collaborator } = await signedInClient();
    await owner.ok(`mutation($s:ID!){ shareSession(sessionId:$s, mode: COLLABORATE){ id } }`, { s: sessionId });
    await collaborator.ok(`mutation($id:String!){ joinShare(shareId:$id){ id } }`, { id: share.id });
    const ws2 = collaborator.websocket(`/session/${sessionId}/websockify`);
    const echo = await new Promise<string>((resolve, reject) => {
      ws2.once("open", () => ws2.send("typed by a collaborator"));
      ws2.once("message", (m) => resolve(m.toString()));
      ws2.once("error", reject);
      setTimeout(() => reject(new Error("no echo")), 5000);
    });
    expect(echo).toBe("typed by a collaborator");
    ws2.close();
    await owner.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: sessionId });
  }, 30_000);
});
