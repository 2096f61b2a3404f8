import Docker from "dockerode";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitUntilReady } from "../probe.js";
import { ContainerStartError, DockerProvider, isRootUser } from "./docker.provider.js";
import type { ContainerEvent, SessionSpec } from "./provider.js";

// The project's private engine (scripts/services.sh) and the tiny session image (images/tiny/build.sh).
const SOCKET = (process.env.DOCKER_HOST ?? "unix:///run/berth/docker.sock").replace(/^unix:\/\//, "");
const IMAGE = "127.0.0.1:5000/berth/tiny:latest";
const PULL_TEST_REF = "127.0.0.1:5000/berth/agent-test-pull:latest";
const hasDocker = existsSync(SOCKET);
if (!hasDocker) console.warn(`docker.provider.test: skipped, no Docker socket at ${SOCKET} (start it: bash scripts/services.sh start)`);

// A fresh installation id per run: this test only ever sees (and removes) its own containers.
const scope = { installationId: `test-${randomUUID()}`, serverId: randomUUID() };

const buildSpec = (over: Partial<SessionSpec> = {}): SessionSpec => ({
  sessionId: randomUUID(),
  imageRef: IMAGE,
  cores: 0.5,
  memoryMb: 64,
  shmMb: 16,
  network: "bridge",
  env: { BERTH_SESSION_SECRET: "s3cret-" + randomUUID(), BERTH_VIEW_SECRET: "view" },
  publishHost: "127.0.0.1",
  publishPorts: "30000-30999",
  capAdd: [],
  binds: [],
  overrides: { create: {}, host: {} },
  ...over,
});

describe("isRootUser: which image users make sessions run as 1000:1000 instead", () => {
  it.each(["", " ", "root", "0", "00", "+0", "-0", "0:0", "root:root", "0:1000"])("'%s' is root", (u) => expect(isRootUser(u)).toBe(true));
  it.each(["1000", "1000:1000", "berth", "10", "app:0"])("'%s' is not", (u) => expect(isRootUser(u)).toBe(false));
});

describe.skipIf(!hasDocker)("DockerProvider (real engine)", () => {
  const docker = new Docker({ socketPath: SOCKET });
  const provider = new DockerProvider(SOCKET, scope);

  beforeAll(async () => {
    if (!(await provider.hasImage(IMAGE))) {
      await provider.ensureImage(IMAGE).catch((e) => {
        throw new Error(`the tiny image ${IMAGE} is missing and cannot be pulled (${e.message}): run bash images/tiny/build.sh`);
      });
    }
  });

  afterAll(async () => {
    for (const c of await provider.list()) await provider.remove(c.containerId);
  });

  it("starts a session container with its limits, labels and a port on 127.0.0.1; list finds it; remove ends it", async () => {
    const spec = buildSpec();
    const started = await provider.start(spec);
    expect(started.adopted).toBe(false);

    const info = await docker.getContainer(started.containerId).inspect();
    expect(info.Name).toBe(`/berth-session-${spec.sessionId}`);
    expect(info.HostConfig).toMatchObject({
      NanoCpus: 500_000_000,
      Memory: 64 * 1024 * 1024,
      MemorySwap: 64 * 1024 * 1024,
      ShmSize: 16 * 1024 * 1024,
      PidsLimit: 1024,
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
      NetworkMode: "bridge",
      AutoRemove: false,
      RestartPolicy: { Name: "no" },
    });
    expect(info.Config.Labels).toMatchObject({
      "berth.managed": "true",
      "berth.session": spec.sessionId,
      "berth.installation": scope.installationId,
      "berth.server": scope.serverId,
    });
    expect(info.Config.Env).toContain(`BERTH_SESSION_SECRET=${spec.env.BERTH_SESSION_SECRET}`);
    expect(info.NetworkSettings.Ports["6901/tcp"]).toEqual([{ HostIp: "127.0.0.1", HostPort: String(started.hostPort) }]);
    expect(started.hostPort).toBeGreaterThanOrEqual(30000); // from the range nginx keeps connections to
    expect(started.hostPort).toBeLessThanOrEqual(30999);

    await waitUntilReady({ host: "127.0.0.1", port: started.hostPort, secret: spec.env.BERTH_SESSION_SECRET, timeoutMs: 10_000 });

    const listed = await provider.list();
    expect(listed).toContainEqual({ containerId: started.containerId, sessionId: spec.sessionId, state: "running", hostPort: started.hostPort, imageRef: IMAGE });

    await provider.remove(started.containerId);
    expect((await provider.list()).map((c) => c.containerId)).not.toContain(started.containerId);
    await provider.remove(started.containerId); // gone already: no error
  });

  it("applies a run-config override but never over Berth's own settings", async () => {
    const spec = buildSpec({
      overrides: {
        create: { Labels: { "org.example": "yes" }, WorkingDir: "/" },
        host: { Tmpfs: { "/scratch": "size=1m" }, ShmSize: 8 * 1024 * 1024 },
      },
    });
    const started = await provider.start(spec);
    const info = await docker.getContainer(started.containerId).inspect();
    expect(info.Config.Labels).toMatchObject({ "org.example": "yes", "berth.session": spec.sessionId });
    expect(info.HostConfig).toMatchObject({ Tmpfs: { "/scratch": "size=1m" }, ShmSize: 8 * 1024 * 1024, CapDrop: ["ALL"], NanoCpus: 500_000_000 });
    await provider.remove(started.containerId);
  });

  it("takes over the existing container when asked to start the same session again", async () => {
    const spec = buildSpec();
    const first = await provider.start(spec);
    const again = await provider.start(spec);
    expect(again).toEqual({ containerId: first.containerId, hostPort: first.hostPort, adopted: true });
    await provider.remove(first.containerId);
  });

  it("moves past ports of its range that other programs hold, and says so when none is left", async () => {
    // A small range of its own (chosen at random: the engine remembers where it stopped in a range).
    const first = 29_000 + 10 * Math.floor(Math.random() * 90);
    const range = `${first}-${first + 4}`;
    const hold = async (port: number) => {
      const server = createServer();
      await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
      return server;
    };
    const held: Server[] = [];
    try {
      for (let p = first; p < first + 3; p++) held.push(await hold(p));
      const started = await provider.start(buildSpec({ publishPorts: range }));
      expect([first + 3, first + 4]).toContain(started.hostPort);
      await provider.remove(started.containerId);

      for (let p = first + 3; p <= first + 4; p++) held.push(await hold(p));
      const refused = await provider.start(buildSpec({ publishPorts: range })).catch((e: Error) => e);
      expect(refused).toBeInstanceOf(ContainerStartError);
      expect((refused as Error).message).toMatch(new RegExp(`no free host port in ${range} .*BERTH_AGENT_SESSION_PORTS`));
      if ((refused as ContainerStartError).containerId) await provider.remove((refused as ContainerStartError).containerId!);
    } finally {
      for (const s of held) s.close();
    }
  });

  it("restarts a container that exists but is stopped (created before an agent crash)", async () => {
    const spec = buildSpec();
    const first = await provider.start(spec);
    await provider.stop(first.containerId);
    expect((await provider.inspect(first.containerId))?.state).toBe("exited");
    const again = await provider.start(spec);
    expect(again.adopted).toBe(true);
    expect((await provider.inspect(first.containerId))?.state).toBe("running");
    await provider.remove(first.containerId);
  });

  it("does not see containers of another installation", async () => {
    const other = new DockerProvider(SOCKET, { installationId: `test-${randomUUID()}`, serverId: "x" });
    const theirs = await other.start(buildSpec());
    try {
      expect((await provider.list()).map((c) => c.containerId)).not.toContain(theirs.containerId);
      expect(await provider.inspect(theirs.containerId)).toBeNull();
    } finally {
      await other.remove(theirs.containerId);
    }
  });

  it("tells of container deaths and removals", async () => {
    const started = await provider.start(buildSpec());
    const stop = new AbortController();
    const seen: ContainerEvent[] = [];
    const watching = (async () => {
      for await (const e of provider.events(stop.signal)) {
        seen.push(e);
        if (e.kind === "removed" && e.containerId === started.containerId) break;
      }
    })();
    await new Promise((r) => setTimeout(r, 200)); // let the event stream connect
    await provider.remove(started.containerId);
    await Promise.race([watching, new Promise((_, no) => setTimeout(() => no(new Error("no removal event within 10 s")), 10_000))]);
    stop.abort();
    expect(seen.map((e) => e.kind)).toEqual(["died", "removed"]);
  });

  it("fails to start with the engine's reason when the image is not there, leaving nothing behind", async () => {
    const spec = buildSpec({ imageRef: "127.0.0.1:5000/berth/does-not-exist:latest" });
    const err = await provider.start(spec).catch((e) => e);
    expect(err).toBeInstanceOf(ContainerStartError);
    expect(err.message).toMatch(/no such image/i);
    expect((await provider.list()).filter((c) => c.sessionId === spec.sessionId)).toEqual([]);
  });

  it("pulls a missing image from the registry with progress, and says why a pull fails", async () => {
    // Make an image that exists in the registry but not locally.
    await docker.getImage(IMAGE).tag({ repo: "127.0.0.1:5000/berth/agent-test-pull", tag: "latest" });
    // The loopback registry needs no credentials, but the engine wants the header.
    const push = await docker.getImage(PULL_TEST_REF).push({ authconfig: { serveraddress: "127.0.0.1:5000" } });
    await new Promise((resolve, reject) => docker.modem.followProgress(push, (e: Error | null) => (e ? reject(e) : resolve(null))));
    await docker.getImage(PULL_TEST_REF).remove();
    expect(await provider.hasImage(PULL_TEST_REF)).toBe(false);

    const fractions: number[] = [];
    expect(await provider.ensureImage(PULL_TEST_REF, (p) => fractions.push(p.fraction))).toBe("pulled");
    expect(await provider.hasImage(PULL_TEST_REF)).toBe(true);
    expect(fractions.at(-1)).toBe(1);
    expect(await provider.ensureImage(PULL_TEST_REF)).toBe("present");
    expect(await provider.removeImage(PULL_TEST_REF)).toBe(true);

    await expect(provider.ensureImage("127.0.0.1:5000/berth/does-not-exist:latest")).rejects.toThrow(/not found|unknown|manifest/i);
  });

  it("reports the engine's version and data root", async () => {
    const info = await provider.info();
    expect(info.version).toMatch(/^\d+\./);
    expect(info.dataRoot).not.toBe("");
  });
});
