import { afterAll, describe, expect, inject, it } from "vitest";
import Docker from "dockerode";
import { ApiClient, subscribe } from "../support/api.js";
import { adminClient } from "../support/admin.js";
import { closeTestDb, testDb } from "../support/db.js";
import { env } from "../support/env.js";
import { imageByName, signedInClient } from "../support/factories.js";
import { waitFor } from "../support/stack.js";

const docker = new Docker({ socketPath: env.dockerSocket });
const containerOf = async (sessionId: string) =>
  (await docker.listContainers({ all: true, filters: { label: [`berth.session=${sessionId}`] } }))[0];
const statusOf = async (id: string) => (await testDb().session.findUniqueOrThrow({ where: { id } })).status;

async function running(client: ApiClient, imageId?: string) {
  const id = imageId ?? (await imageByName("tiny")).id;
  const s = (await client.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: id })).requestSession;
  await waitFor("RUNNING", async () => (await statusOf(s.id)) === "RUNNING", 10_000);
  return s.id;
}

describe.runIf(inject("stackStarted"))("session lifetime", () => {
  afterAll(() => closeTestDb());

  it("ends a session whose keepalives stopped within one reaper interval, and its container is gone", async () => {
    const { client } = await signedInClient();
    const id = await running(client);
    expect(await client.ok(`mutation($id:ID!){ keepalive(id:$id) }`, { id })).toEqual({ keepalive: true });
    // As if no viewing page had called for longer than the expiry (default one hour).
    await testDb().session.update({ where: { id }, data: { lastKeepaliveAt: new Date(Date.now() - 3601_000) } });
    const t0 = Date.now();
    await waitFor("the session to end", async () => (await statusOf(id)) === "STOPPED", 10_000, 100);
    console.log(`idle session ended ${Date.now() - t0} ms after its keepalive expired (reaper interval 2 s)`);
    expect(Date.now() - t0).toBeLessThan(2000 + 3000);
    expect(await containerOf(id)).toBeUndefined();
  });

  it("pauses instead when the setting says so, and resumes on launch", async () => {
    const admin = await adminClient();
    await admin.ok(`mutation{ updateSettings(input:{ keepaliveAction: PAUSE }){ keepaliveAction } }`);
    try {
      const { client } = await signedInClient();
      const tiny = await imageByName("tiny");
      const id = await running(client, tiny.id);
      await testDb().session.update({ where: { id }, data: { lastKeepaliveAt: new Date(Date.now() - 3601_000) } });
      await waitFor("PAUSED", async () => (await statusOf(id)) === "PAUSED", 10_000);
      await waitFor("the container to be frozen", async () => (await containerOf(id))?.State === "paused", 10_000);
      // Launching the same image resumes the paused session instead of making another.
      const again = (await client.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: tiny.id })).requestSession;
      expect(again.id).toBe(id);
      await waitFor("RUNNING again", async () => (await statusOf(id)) === "RUNNING", 10_000);
      expect((await containerOf(id))?.State).toBe("running");
      expect((await client.fetch(`/session/${id}/`)).status).toBe(200);
      await client.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id });
    } finally {
      await admin.ok(`mutation{ updateSettings(input:{ keepaliveAction: DESTROY }){ keepaliveAction } }`);
    }
  });

  it("pauses and resumes on request, stopping the container in STOP mode", async () => {
    const { client } = await signedInClient();
    const id = await running(client);
    await client.ok(`mutation($id:ID!){ pauseSession(id:$id, mode: STOP){ status } }`, { id });
    await waitFor("the container to stop", async () => (await containerOf(id))?.State === "exited", 10_000);
    expect(await statusOf(id)).toBe("PAUSED");
    // Stopped but kept: the reconciliation must not call it lost.
    await new Promise((r) => setTimeout(r, 6000));
    expect(await statusOf(id)).toBe("PAUSED");
    await client.ok(`mutation($id:ID!){ resumeSession(id:$id){ status } }`, { id });
    await waitFor("RUNNING again", async () => (await statusOf(id)) === "RUNNING", 10_000);
    expect((await client.fetch(`/session/${id}/`)).status).toBe(200);
    const refused = await client.gql(`mutation($id:ID!){ resumeSession(id:$id){ status } }`, { id });
    expect(refused.errors?.[0].extensions?.code).toBe("CONFLICT");
    await client.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id });
  }, 40_000);

  it("ends sessions at the image's time limit, with a warning event shortly before", async () => {
    const admin = await adminClient();
    const tiny = await imageByName("tiny");
    const limited = (
      await admin.ok<{ createImage: { id: string } }>(`mutation($in:ImageInput!){ createImage(input:$in){ id } }`, {
        in: { name: `limited-${Date.now()}`, friendlyName: "Limited", ref: tiny.ref, cores: 0.25, memoryMb: 32, sessionTimeLimitS: 130 },
      })
    ).createImage;
    await waitFor("the image READY", async () => (await testDb().serverImage.count({ where: { imageId: limited.id, status: "READY" } })) > 0, 20_000);
    const { client } = await signedInClient();
    const id = await running(client, limited.id);
    const updates = subscribe(client.subscriptions(), `subscription($id:ID!){ sessionUpdated(id:$id){ status statusMessage expiresAt } }`, { id });
    await waitFor("the first update", () => updates.events.length > 0, 5000);
    // Move the clock of this session forward rather than waiting two minutes: 100 s have passed.
    const row = await testDb().session.findUniqueOrThrow({ where: { id } });
    await testDb().session.update({ where: { id }, data: { expiresAt: new Date(Date.now() + 30_000), createdAt: new Date(row.createdAt.getTime() - 100_000) } });
    await waitFor("the warning", () => updates.events.some((e) => /ends in about 1 min/.test(e.data?.sessionUpdated.statusMessage ?? "")), 6000);
    await testDb().session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await waitFor("the end", () => updates.events.some((e) => e.data?.sessionUpdated.status === "STOPPED"), 10_000);
    expect((await testDb().session.findUniqueOrThrow({ where: { id } })).statusMessage).toMatch(/time limit/);
    expect(await containerOf(id)).toBeUndefined();
    updates.dispose();
    await admin.ok(`mutation($id:ID!){ deleteImage(id:$id){ id } }`, { id: limited.id });
  }, 60_000);
});
