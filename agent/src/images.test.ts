import { describe, expect, it } from "vitest";
import { ImageManager } from "./images.js";
import { InMemoryProvider } from "./providers/fake.provider.js";
import type { PullProgress } from "./providers/provider.js";

const A = "127.0.0.1:5000/berth/a:1";
const B = "127.0.0.1:5000/berth/b:1";

/** Pulls fail until `fixed` is set, as with a registry that is down. */
class UnreachableRegistryProvider extends InMemoryProvider {
  fixed = false;
  override async ensureImage(ref: string, onProgress?: (p: PullProgress) => void) {
    if (!this.fixed && !this.images.has(ref)) throw new Error("connection refused by the registry");
    return super.ensureImage(ref, onProgress);
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("ImageManager", () => {
  it("reports an image already present as READY without pulling", async () => {
    const provider = new InMemoryProvider();
    provider.images.add(A);
    const settled: string[] = [];
    const images = new ImageManager(provider, (ref) => settled.push(ref));
    await images.sync([{ ref: A }], false);
    await settle();
    expect(images.report()).toEqual([{ ref: A, status: "READY", progress: 1, message: "present" }]);
    expect(settled).toEqual([]);
  });

  it("pulls a missing image in the background and asks for check-ins while it runs and when done", async () => {
    const provider = new InMemoryProvider();
    const settled: string[] = [];
    const images = new ImageManager(provider, (ref) => settled.push(ref));
    await images.sync([{ ref: A }], false);
    await settle();
    expect(images.report()[0]).toMatchObject({ ref: A, status: "READY", progress: 1, message: "downloaded" });
    // Once for the first progress, once at the end.
    expect(settled.at(-1)).toBe(A);
    expect(settled.length).toBeGreaterThanOrEqual(1);
  });

  it("reports FAILED with the reason and retries after a backoff", async () => {
    const provider = new UnreachableRegistryProvider();
    let now = 1_000_000;
    const images = new ImageManager(provider, () => {}, () => now);
    await images.sync([{ ref: A }], false);
    await settle();
    expect(images.report()[0]).toMatchObject({ status: "FAILED", message: "connection refused by the registry" });
    provider.fixed = true;
    await images.sync([{ ref: A }], false); // too early: no retry yet
    await settle();
    expect(images.report()[0].status).toBe("FAILED");
    now += 10_000;
    await images.sync([{ ref: A }], false);
    await settle();
    expect(images.report()[0].status).toBe("READY");
  });

  it("prunes images no longer desired only when asked, and never one a container uses", async () => {
    const provider = new InMemoryProvider();
    provider.images.add(A).add(B);
    const images = new ImageManager(provider);
    await images.sync([{ ref: A }, { ref: B }], false);
    await settle();
    await provider.start({ sessionId: "s", imageRef: B, cores: 1, memoryMb: 64, shmMb: 0, network: "", env: {}, publishHost: "127.0.0.1", publishPorts: "", capAdd: [], binds: [], overrides: { create: {}, host: {} } });
    await images.sync([], true);
    expect([...provider.images]).toEqual([B]);
    expect(images.report()).toEqual([]);
  });

  it("pulls with the registry credentials the manager sent", async () => {
    const provider = new InMemoryProvider();
    const auth = { username: "u", password: "p", serveraddress: "registry.example" };
    await new ImageManager(provider).sync([{ ref: A, registryAuth: auth }], false);
    await settle();
    expect(provider.pullAuth.get(A)).toEqual(auth);
  });

  it("lets a session wait for the pull already in progress instead of starting another", async () => {
    const provider = new InMemoryProvider();
    const images = new ImageManager(provider);
    await images.sync([{ ref: A }], false);
    await images.ensure(A);
    expect(provider.calls.filter((c) => c === `ensureImage ${A}`)).toHaveLength(1);
  });
});
