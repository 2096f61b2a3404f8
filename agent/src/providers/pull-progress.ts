/**
 * Turns the engine's pull messages (one per layer step) into one fraction 0..1.
 * A layer's download counts for 80 % of it and its extraction for the rest; layers weigh
 * their size once the engine has said it. The fraction never goes back, even when a big
 * layer's size becomes known late.
 */
export interface PullMessage {
  id?: string;
  status?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
}

const DOWNLOAD_SHARE = 0.8;
const MAX_BEFORE_DONE = 0.99;

interface Layer {
  done: number; // 0..1
  bytes: number; // 0 until known
}

export class PullProgressTracker {
  private readonly layers = new Map<string, Layer>();
  private best = 0;
  lastStatus = "";

  /** Feeds one message; returns the overall fraction so far. */
  update(m: PullMessage): number {
    if (m.status) this.lastStatus = m.status;
    const id = m.id;
    // Messages without a layer id ("Pulling from ...", "Digest: ...", "Status: ...") carry no progress.
    if (!id || !m.status || !isLayerStatus(m.status)) return this.fraction();
    // A layer already on this host needs no work: counting it would make a pull look done early.
    if (m.status === "Already exists") return this.fraction();
    const layer = this.layers.get(id) ?? { done: 0, bytes: 0 };
    const total = m.progressDetail?.total ?? 0;
    const current = m.progressDetail?.current ?? 0;
    if (total > 0 && m.status === "Downloading") layer.bytes = Math.max(layer.bytes, total);
    layer.done = Math.max(layer.done, layerDone(m.status, current, total));
    this.layers.set(id, layer);
    return this.fraction();
  }

  fraction(): number {
    const layers = [...this.layers.values()];
    if (layers.length === 0) return this.best;
    const known = layers.filter((l) => l.bytes > 0);
    // Layers of unknown size weigh the average known one (or all the same when none is known).
    const avg = known.length ? known.reduce((s, l) => s + l.bytes, 0) / known.length : 1;
    let total = 0;
    let done = 0;
    for (const l of layers) {
      const w = l.bytes > 0 ? l.bytes : avg;
      total += w;
      done += w * l.done;
    }
    // 1 means "ready", which only the end of the pull may say.
    this.best = Math.max(this.best, Math.min(MAX_BEFORE_DONE, done / total));
    return this.best;
  }
}

function isLayerStatus(status: string): boolean {
  return layerDone(status, 0, 0) >= 0;
}

/** How far one layer is (0..1) after a status; -1 for statuses that are not about a layer. */
function layerDone(status: string, current: number, total: number): number {
  const part = total > 0 ? Math.min(1, current / total) : 0;
  switch (status) {
    case "Pulling fs layer":
    case "Waiting":
      return 0;
    case "Downloading":
      return DOWNLOAD_SHARE * part;
    case "Verifying Checksum":
    case "Download complete":
      return DOWNLOAD_SHARE;
    case "Extracting":
      return DOWNLOAD_SHARE + (1 - DOWNLOAD_SHARE) * part;
    case "Pull complete":
    case "Already exists":
      return 1;
    default:
      return -1;
  }
}
