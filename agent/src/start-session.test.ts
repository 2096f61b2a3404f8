import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionReportInput } from "./api/generated/graphql.js";
import { applyPlan } from "./apply-plan.js";
import { ImageManager } from "./images.js";
import { SessionOperations } from "./operations.js";
import { FailingProvider, InMemoryProvider, SlowProvider } from "./providers/fake.provider.js";
import type { Provider } from "./providers/provider.js";
import type { DesiredSession } from "./reconcile.js";
import { adoptSession, claimContainer, specFor, startSession, type SessionDeps } from "./start-session.js";

const ID = "aaaaaaaa-0000-4000-8000-000000000001";
const IMAGE = "127.0.0.1:5000/berth/tiny:latest";

const buildSession = (over: Partial<DesiredSession> = {}): DesiredSession => ({
  sessionId: ID,
  status: "REQUESTED",
  imageRef: IMAGE,
  cores: 1.5,
  memoryMb: 256,
  shmMb: 64,
  network: "bridge",
  env: [{ name: "LANG", value: "C.UTF-8" }],
  secret: "s3cret",
  viewSecret: "v1ew",
  binds: [],
  runConfig: "{}",
  pauseMode: "PAUSE",
  revokedPrincipals: [],
  ...over,
});

// A stand-in desktop on loopback: 401 without the session's credential, 200 with it.
let desktop: Server;
let port: number;
const seenAuth: string[] = [];
beforeAll(async () => {
  desktop = createServer((req, res) => {
    seenAuth.push(String(req.headers.authorization));
    res.statusCode = req.headers.authorization === "Bearer s3cret" ? 200 : 401;
    res.end("desktop");
  });
  await new Promise<void>((r) => desktop.listen(0, "127.0.0.1", r));
  port = (desktop.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => desktop.close(() => r())));

function depsFor(provider: Provider, probe = { intervalMs: 20, timeoutMs: 2000 }) {
  const reports: SessionReportInput[] = [];
  const deps: SessionDeps = {
    provider,
    images: new ImageManager(provider),
    report: async (r) => void reports.push(r),
    publishHost: "127.0.0.1",
    publishPorts: "",
    probe,
  };
  return { deps, reports };
}

describe("startSession", () => {
  it("creates the container, waits for the desktop and reports each step", async () => {
    const provider = new InMemoryProvider({ hostPort: port });
    const { deps, reports } = depsFor(provider);
    await startSession(deps, buildSession(), new AbortController().signal);
    const [c] = await provider.list();
    expect(reports.map((r) => [r.status, r.message])).toEqual([
      ["STARTING", "creating the container"],
      ["STARTING", "downloading the image"],
      ["STARTING", "waiting for the desktop"],
      ["RUNNING", "running"],
    ]);
    expect(reports.at(-1)).toMatchObject({ containerId: c.containerId, hostPort: port });
    expect(seenAuth.at(-1)).toBe("Bearer s3cret");
  });

  it("reports FAILED with the engine's reason and leaves no container", async () => {
    const provider = new FailingProvider("No such image: nope:latest");
    provider.images.add(IMAGE);
    const { deps, reports } = depsFor(provider);
    await startSession(deps, buildSession(), new AbortController().signal);
    expect(reports.at(-1)).toMatchObject({ status: "FAILED", message: "No such image: nope:latest" });
    expect(await provider.list()).toEqual([]);
  });

  it("fails and removes the container when the desktop never answers", async () => {
    const provider = new InMemoryProvider({ hostPort: 1 }); // nothing listens on port 1
    provider.images.add(IMAGE);
    const { deps, reports } = depsFor(provider, { intervalMs: 20, timeoutMs: 300 });
    await startSession(deps, buildSession(), new AbortController().signal);
    expect(reports.at(-1)?.status).toBe("FAILED");
    expect(reports.at(-1)?.message).toMatch(/did not answer within/);
    expect(await provider.list()).toEqual([]);
  });

  /** Starts a session, cancels it while its container is being created, and waits for the agent to settle. */
  async function cancelMidStart(provider: SlowProvider) {
    provider.images.add(IMAGE);
    const { deps, reports } = depsFor(provider);
    const ops = new SessionOperations();
    applyPlan(deps, ops, [{ kind: "start", session: buildSession() }]);
    await vi_waitFor(() => provider.waiting().length === 1);
    applyPlan(deps, ops, [{ kind: "cancel", sessionId: ID }]);
    provider.release(ID);
    await ops.idle();
    return reports;
  }

  it("removes the container and reports STOPPED when the session stops being wanted mid-start", async () => {
    const provider = new SlowProvider({ hostPort: port });
    const reports = await cancelMidStart(provider);
    expect(reports.at(-1)).toMatchObject({ status: "STOPPED" });
    expect(await provider.list()).toEqual([]);
  });

  it("reports nothing when the container cannot be removed (STOPPED means gone; the next check-in removes it)", async () => {
    const provider = new SlowProvider({ hostPort: port });
    provider.remove = async () => {
      throw new Error("engine busy");
    };
    const reports = await cancelMidStart(provider);
    expect(reports.map((r) => r.status)).not.toContain("STOPPED");
    expect(await provider.list()).toHaveLength(1);
  });
});

describe("adoptSession", () => {
  it("probes a container left running by an earlier agent and reports it RUNNING", async () => {
    const provider = new InMemoryProvider({ hostPort: port });
    provider.images.add(IMAGE);
    const started = await provider.start(specFor(buildSession(), "127.0.0.1"));
    const [c] = await provider.list();
    const { deps, reports } = depsFor(provider);
    await adoptSession(deps, buildSession({ status: "STARTING" }), c, new AbortController().signal);
    expect(reports.at(-1)).toMatchObject({ status: "RUNNING", containerId: started.containerId, hostPort: port });
  });
});

describe("specFor", () => {
  it("puts the session's credentials in the environment, over any image setting", () => {
    const spec = specFor(buildSession({ env: [{ name: "BERTH_SESSION_SECRET", value: "forged" }] }), "127.0.0.1");
    expect(spec.env).toMatchObject({ BERTH_SESSION_ID: ID, BERTH_SESSION_SECRET: "s3cret", BERTH_VIEW_SECRET: "v1ew" });
    expect(spec).toMatchObject({ cores: 1.5, memoryMb: 256, shmMb: 64, capAdd: [], publishHost: "127.0.0.1" });
  });

  it("lets the run-config override the image's environment but not the credentials, and passes binds", () => {
    const spec = specFor(
      buildSession({
        binds: ["/srv/berth/home/alice:/home/user"],
        runConfig: JSON.stringify({ Env: ["LANG=de_DE.UTF-8", "BERTH_SESSION_ID=forged"], HostConfig: { Privileged: true, Init: true } }),
      }),
      "127.0.0.1",
    );
    expect(spec.env).toMatchObject({ LANG: "de_DE.UTF-8", BERTH_SESSION_ID: ID });
    expect(spec.binds).toEqual(["/srv/berth/home/alice:/home/user"]);
    expect(spec.overrides.host).toEqual({ Init: true });
  });
});

async function vi_waitFor(cond: () => boolean, ms = 2000) {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("claimContainer: handing a warm-pool container to its user", () => {
  // A gateway stand-in: the claim answers `claimStatus`; GET / answers 200 only to `accepts`.
  let server: Server;
  let port = 0;
  let claimStatus = 200;
  let accepts = "";
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization} ${req.headers["x-berth-secret"] ?? ""}`);
      if (req.method === "POST") res.statusCode = claimStatus;
      else res.statusCode = req.headers.authorization === `Bearer ${accepts}` ? 200 : 401;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());
  const claim = () => claimContainer({ host: "127.0.0.1", port, poolSecret: "pool-secret", secret: "users-secret", viewSecret: "users-view", signal: new AbortController().signal });

  it("sends the user's credentials, authenticated with the pool's", async () => {
    seen.length = 0;
    claimStatus = 200;
    await claim();
    expect(seen).toEqual(["POST /.berth/claim Bearer pool-secret users-secret"]);
  });

  it("accepts a container claimed already (a retry) when the user's credential works there", async () => {
    for (const status of [409, 401]) {
      claimStatus = status;
      accepts = "users-secret";
      await expect(claim()).resolves.toBeUndefined();
    }
  });

  it("fails with the reason when the container refuses and the user's credential does not work", async () => {
    claimStatus = 409;
    accepts = "someone-else";
    await expect(claim()).rejects.toThrow(/refused to hand it over \(HTTP 409\)/);
    claimStatus = 404; // a gateway older than version 3
    await expect(claim()).rejects.toThrow(/HTTP 404.*older than version 3/);
  });
});
