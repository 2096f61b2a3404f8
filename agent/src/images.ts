import type { ImagePullStatus, ImageReportInput } from "./api/generated/graphql.js";
import { errorText, log } from "./log.js";
import type { Provider, RegistryAuth } from "./providers/provider.js";
import { backoffMs } from "./timing.js";

export interface WantedImage {
  ref: string;
  registryAuth?: RegistryAuth | null;
}

interface Entry {
  ref: string;
  auth: RegistryAuth | null;
  status: ImagePullStatus;
  progress: number;
  message: string;
  failures: number;
  retryAt: number;
  verifiedAt: number;
  pulling: Promise<void> | null;
  /** When the manager was last asked to hear about this image (progress is throttled). */
  toldAt?: number;
}

// A READY image is looked at again this often, so one removed behind our back is pulled again.
const VERIFY_EVERY_MS = 60_000;
// While an image downloads, its progress reaches the manager about this often.
const PROGRESS_EVERY_MS = 1_000;

/**
 * Keeps every desired image downloaded, in the background: check-ins never wait for a pull.
 * Statuses go out with check-ins; `onSettled` asks for one at once when a pull ends, and about
 * once a second while it runs, so administrators watch the progress.
 */
export class ImageManager {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly provider: Provider,
    private readonly onSettled: (ref: string) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  /** Applies one desired state: starts missing pulls, retries failed ones when due, prunes what is no longer wanted. */
  async sync(images: WantedImage[], prune: boolean): Promise<void> {
    const wanted = new Set(images.map((i) => i.ref));
    for (const { ref, registryAuth } of images) {
      const e = this.entries.get(ref);
      if (e) e.auth = registryAuth ?? null;
      if (!e) void this.pull(ref, registryAuth ?? null).catch(() => {});
      else if (e.status === "FAILED" && !e.pulling && this.now() >= e.retryAt) void this.pull(ref).catch(() => {});
      else if (e.status === "READY" && this.now() - e.verifiedAt > VERIFY_EVERY_MS) await this.verify(e);
    }
    for (const [ref, e] of this.entries) {
      if (wanted.has(ref) || e.pulling) continue;
      this.entries.delete(ref);
      if (prune) await this.prune(ref);
    }
  }

  /** Statuses for the check-in. */
  report(): ImageReportInput[] {
    return [...this.entries.values()].map((e) => ({ ref: e.ref, status: e.status, progress: e.progress, message: e.message.slice(0, 2000) }));
  }

  /** Makes sure one image is here (a session needs it now): joins a pull in progress, or starts one. */
  async ensure(ref: string): Promise<void> {
    const e = this.entries.get(ref);
    if (e?.pulling) return e.pulling;
    if (e?.status === "READY" && (await this.provider.hasImage(ref))) return;
    return this.pull(ref);
  }

  private pull(ref: string, auth?: RegistryAuth | null): Promise<void> {
    const e: Entry = this.entries.get(ref) ?? { ref, auth: auth ?? null, status: "PULLING", progress: 0, message: "", failures: 0, retryAt: 0, verifiedAt: 0, pulling: null };
    Object.assign(e, { status: "PULLING", progress: 0, message: "checking the local images" });
    this.entries.set(ref, e);
    const started = this.now();
    e.pulling = this.provider
      .ensureImage(
        ref,
        (p) => {
          e.progress = Math.round(p.fraction * 1000) / 1000;
          e.message = p.status;
          if (this.now() - (e.toldAt ?? 0) >= PROGRESS_EVERY_MS) {
            e.toldAt = this.now();
            this.onSettled(ref);
          }
        },
        e.auth,
      )
      .then((how) => {
        Object.assign(e, { status: "READY", progress: 1, message: how === "pulled" ? "downloaded" : "present", failures: 0, verifiedAt: this.now() });
        if (how === "pulled") {
          log.info("image downloaded", { ref, ms: this.now() - started });
          this.onSettled(ref);
        }
      })
      .catch((err) => {
        e.failures++;
        e.retryAt = this.now() + backoffMs(e.failures - 1, 5_000, 300_000);
        Object.assign(e, { status: "FAILED", progress: 0, message: errorText(err) });
        log.warn("image download failed", { ref, error: e.message, retryInS: Math.round((e.retryAt - this.now()) / 1000) });
        this.onSettled(ref);
        throw err;
      })
      .finally(() => {
        e.pulling = null;
      });
    return e.pulling;
  }

  private async verify(e: Entry) {
    try {
      if (await this.provider.hasImage(e.ref)) {
        e.verifiedAt = this.now();
        return;
      }
      log.warn("image vanished from the engine; downloading it again", { ref: e.ref });
      void this.pull(e.ref).catch(() => {});
    } catch (err) {
      log.warn("cannot check an image", { ref: e.ref, error: errorText(err) });
    }
  }

  private async prune(ref: string) {
    try {
      if (await this.provider.removeImage(ref)) log.info("image pruned (no longer registered)", { ref });
      else log.info("image kept although no longer registered: a container uses it", { ref });
    } catch (err) {
      log.warn("cannot prune an image", { ref, error: errorText(err) });
    }
  }
}
