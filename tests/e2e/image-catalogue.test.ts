import { mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import Docker from "dockerode";
import { adminClient, waitServerReady } from "../support/admin.js";
import { closeTestDb, testDb } from "../support/db.js";
import { env } from "../support/env.js";
import { imageByName, signedInClient } from "../support/factories.js";
import { waitFor } from "../support/stack.js";

const docker = new Docker({ socketPath: env.dockerSocket });

const REFUSED: [string, object][] = [
  ["HostConfig.Privileged", { HostConfig: { Privileged: true } }],
  ["HostConfig.CapAdd", { HostConfig: { CapAdd: ["SYS_ADMIN"] } }],
  ["HostConfig.Devices", { HostConfig: { Devices: [{ PathOnHost: "/dev/fuse", PathInContainer: "/dev/fuse", CgroupPermissions: "rwm" }] } }],
  ["HostConfig.NetworkMode", { HostConfig: { NetworkMode: "host" } }],
  ["HostConfig.PidMode", { HostConfig: { PidMode: "host" } }],
  ["HostConfig.IpcMode", { HostConfig: { IpcMode: "host" } }],
  ["HostConfig.SecurityOpt", { HostConfig: { SecurityOpt: ["seccomp=unconfined"] } }],
  ["HostConfig.Binds", { HostConfig: { Binds: ["/var/run/docker.sock:/var/run/docker.sock"] } }],
  ["HostConfig.Binds", { HostConfig: { Binds: ["/etc:/host-etc:ro"] } }],
  ["User", { User: "root" }],
  ["User", { User: "00" }], // uid 0 too: Docker reads numeric users with Go's Atoi
];

describe.runIf(inject("stackStarted"))("the image catalogue", () => {
  afterAll(() => closeTestDb());

  it.each(REFUSED)("refuses a run-config with %s, naming the key, and stores nothing", async (key, runConfig) => {
    const admin = await adminClient();
    const tiny = await imageByName("tiny");
    const before = await testDb().image.count();
    const r = await admin.gql(`mutation($in:ImageInput!){ createImage(input:$in){ id } }`, {
      in: { name: `bad-${randomBytes(3).toString("hex")}`, friendlyName: "Bad", ref: tiny.ref, runConfig: JSON.stringify(runConfig) },
    });
    expect(r.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0].message).toContain(`'${key}'`);
    expect(await testDb().image.count()).toBe(before);
    const upd = await admin.gql(`mutation($id:ID!,$in:ImageInput!){ updateImage(id:$id, input:$in){ id } }`, { id: tiny.id, in: { runConfig: JSON.stringify(runConfig) } });
    expect(upd.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect((await imageByName("tiny")).runConfig).toEqual(tiny.runConfig);
  });

  it("brings every setting to the container: cores, memory, shm, network, environment, volumes, run-config, labels", async () => {
    const admin = await adminClient();
    const tiny = await imageByName("tiny");
    const name = `full-${randomBytes(3).toString("hex")}`;
    mkdirSync("/srv/berth/shared", { recursive: true });
    const created = await admin.ok<{ createImage: { id: string; hasRegistryAuth: boolean; env: { name: string }[] } }>(
      `mutation($in:ImageInput!){ createImage(input:$in){ id hasRegistryAuth env { name value } } }`,
      {
        in: {
          name,
          friendlyName: "Every setting",
          description: "a test image",
          ref: tiny.ref,
          cores: 0.5,
          memoryMb: 96,
          shmMb: 32,
          network: "none",
          env: [{ name: "GREETING", value: "hello" }],
          volumes: [{ hostPath: "/srv/berth/home/{username}", containerPath: "/home/user/persistent", readOnly: false }, { hostPath: "/srv/berth/shared", containerPath: "/shared", readOnly: true }],
          runConfig: JSON.stringify({ Hostname: "workstation", HostConfig: { Dns: ["127.0.0.53"] } }),
          registryAuth: { username: "robot", password: "s3cret" },
          categories: ["Testing", "Everything"],
          sessionTimeLimitS: 3600,
        },
      },
    );
    expect(created.createImage.hasRegistryAuth).toBe(true);
    // Credentials are stored sealed and never returned.
    const row = await testDb().image.findUniqueOrThrow({ where: { id: created.createImage.id } });
    expect(row.registryAuth).not.toContain("s3cret");
    const listed = await admin.gql(`{ images { name hasRegistryAuth } }`);
    expect(JSON.stringify(listed)).not.toContain("s3cret");

    const main = await testDb().server.findFirstOrThrow({ where: { hostname: { not: { startsWith: "agent-" } }, enabled: true }, orderBy: { createdAt: "asc" } });
    await waitServerReady(admin, main.hostname, name);
    const { client, user } = await signedInClient();
    const s = (await client.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: created.createImage.id })).requestSession;
    // network "none" has no published port, so the session cannot start; inspect the container the agent made.
    const container = await waitFor("the container", async () => (await docker.listContainers({ all: true, filters: { label: [`berth.session=${s.id}`] } }))[0], 15_000);
    const info = await docker.getContainer(container.Id).inspect();
    expect(info.HostConfig.NanoCpus).toBe(0.5e9);
    expect(info.HostConfig.Memory).toBe(96 * 1024 * 1024);
    expect(info.HostConfig.ShmSize).toBe(32 * 1024 * 1024);
    expect(info.HostConfig.NetworkMode).toBe("none");
    expect(info.Config.Env).toContain("GREETING=hello");
    expect(info.Config.Hostname).toBe("workstation");
    expect(info.HostConfig.Dns).toEqual(["127.0.0.53"]);
    expect(info.HostConfig.Binds).toEqual([`/srv/berth/home/${user.username}:/home/user/persistent`, "/srv/berth/shared:/shared:ro"]);
    expect(info.Config.Labels["berth.session"]).toBe(s.id);
    expect(info.HostConfig.Privileged).toBe(false);
    expect(info.HostConfig.SecurityOpt).toContain("no-new-privileges");
    await waitFor("the session to end (it cannot be reached without a network)", async () =>
      ["FAILED", "STOPPED"].includes((await testDb().session.findUniqueOrThrow({ where: { id: s.id } })).status), 20_000);
    await admin.ok(`mutation($id:ID!){ deleteImage(id:$id, force:true){ id } }`, { id: created.createImage.id });
  }, 60_000);

  it("refuses deleting an image with running sessions unless forced, then ends them", async () => {
    const admin = await adminClient();
    const tiny = await imageByName("tiny");
    const img = (await admin.ok<{ createImage: { id: string } }>(`mutation($in:ImageInput!){ createImage(input:$in){ id } }`, {
      in: { name: `del-${randomBytes(3).toString("hex")}`, friendlyName: "Delete me", ref: tiny.ref, cores: 0.25, memoryMb: 32 },
    })).createImage;
    await waitFor("READY", async () => (await testDb().serverImage.count({ where: { imageId: img.id, status: "READY" } })) > 0, 20_000);
    const { client } = await signedInClient();
    const s = (await client.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: img.id })).requestSession;
    await waitFor("RUNNING", async () => (await testDb().session.findUniqueOrThrow({ where: { id: s.id } })).status === "RUNNING", 10_000);
    const refused = await admin.gql(`mutation($id:ID!){ deleteImage(id:$id){ id } }`, { id: img.id });
    expect(refused.errors?.[0].extensions?.code).toBe("CONFLICT");
    await admin.ok(`mutation($id:ID!){ deleteImage(id:$id, force:true){ id } }`, { id: img.id });
    expect(await docker.listContainers({ all: true, filters: { label: [`berth.session=${s.id}`] } })).toHaveLength(0);
    expect(await testDb().image.findUnique({ where: { id: img.id } })).toBeNull();
  }, 60_000);
});
