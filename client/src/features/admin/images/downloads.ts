import type { ImagePullStatus } from "../../../generated/graphql";

export type DownloadState = { imageId: string; imageName: string; serverId: string; status: ImagePullStatus; progress: number; message: string; updatedAt: string };
export type ServerRef = { id: string; hostname: string; status: string; images: DownloadState[] };
export type ImageDownload = { serverId: string; hostname: string; status: ImagePullStatus | "WAITING"; progress: number; message: string; serverOnline: boolean };

/**
 * Per image, its download on every server: the newer of what the server list holds and what
 * the live feed reported (by updatedAt). A server that has not reported the image yet is WAITING.
 */
export function downloadsByImage(servers: ServerRef[], live: Record<string, DownloadState[]>): Map<string, ImageDownload[]> {
  const out = new Map<string, ImageDownload[]>();
  const sorted = [...servers].sort((a, b) => a.hostname.localeCompare(b.hostname));
  const imageIds = new Set<string>();
  const perServer = sorted.map((s) => {
    const states = new Map<string, DownloadState>();
    for (const d of [...s.images, ...(live[s.id] ?? [])]) {
      const prev = states.get(d.imageId);
      if (!prev || Date.parse(d.updatedAt) >= Date.parse(prev.updatedAt)) states.set(d.imageId, d);
      imageIds.add(d.imageId);
    }
    return { server: s, states };
  });
  for (const id of imageIds) out.set(id, []);
  for (const { server, states } of perServer) {
    for (const id of imageIds) {
      const d = states.get(id);
      out.get(id)!.push({
        serverId: server.id,
        hostname: server.hostname,
        status: d?.status ?? "WAITING",
        progress: d?.progress ?? 0,
        message: d?.message ?? "",
        serverOnline: server.status !== "OFFLINE",
      });
    }
  }
  return out;
}

/** The list for one image, WAITING on every server when no server has reported it yet. */
export function downloadsFor(imageId: string, byImage: Map<string, ImageDownload[]>, servers: ServerRef[]): ImageDownload[] {
  return (
    byImage.get(imageId) ??
    [...servers]
      .sort((a, b) => a.hostname.localeCompare(b.hostname))
      .map((s) => ({ serverId: s.id, hostname: s.hostname, status: "WAITING" as const, progress: 0, message: "", serverOnline: s.status !== "OFFLINE" }))
  );
}

/** One line for a table cell: "Ready on 3 servers", "2 of 3 ready", "Failed on web-2". */
export function downloadSummary(list: ImageDownload[]): { tone: "ok" | "progress" | "bad" | "neutral"; text: string } {
  if (list.length === 0) return { tone: "neutral", text: "No servers" };
  const ready = list.filter((d) => d.status === "READY").length;
  const failed = list.filter((d) => d.status === "FAILED");
  if (failed.length) return { tone: "bad", text: failed.length === 1 ? `Failed on ${failed[0].hostname}` : `Failed on ${failed.length} servers` };
  if (ready === list.length) return { tone: "ok", text: list.length === 1 ? "Ready" : `Ready on all ${list.length}` };
  return { tone: "progress", text: `${ready} of ${list.length} ready` };
}
