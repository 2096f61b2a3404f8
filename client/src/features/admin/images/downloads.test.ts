import { describe, expect, it } from "vitest";
import { downloadSummary, downloadsByImage, downloadsFor, type DownloadState } from "./downloads";

const state = (over: Partial<DownloadState>): DownloadState => ({
  imageId: "i1",
  imageName: "tiny",
  serverId: "s1",
  status: "PULLING",
  progress: 0.5,
  message: "",
  updatedAt: "2026-01-01T00:00:00Z",
  ...over,
});

describe("downloadsByImage", () => {
  const servers = [
    { id: "s2", hostname: "web-2", status: "ONLINE", images: [] },
    { id: "s1", hostname: "web-1", status: "ONLINE", images: [state({})] },
  ];
  it("lists every server for every image, WAITING where nothing was reported", () => {
    const list = downloadsByImage(servers, {}).get("i1")!;
    expect(list.map((d) => [d.hostname, d.status])).toEqual([
      ["web-1", "PULLING"],
      ["web-2", "WAITING"],
    ]);
  });
  it("prefers the newer of the list and the live feed", () => {
    const live = { s1: [state({ status: "READY", progress: 1, updatedAt: "2026-01-01T00:00:05Z" })] };
    expect(downloadsByImage(servers, live).get("i1")![0].status).toBe("READY");
    const stale = { s1: [state({ status: "FAILED", updatedAt: "2025-12-31T00:00:00Z" })] };
    expect(downloadsByImage(servers, stale).get("i1")![0].status).toBe("PULLING");
  });
  it("gives an image nobody reported yet a WAITING row per server", () => {
    expect(downloadsFor("new", downloadsByImage(servers, {}), servers).map((d) => d.status)).toEqual(["WAITING", "WAITING"]);
  });
});

describe("downloadSummary", () => {
  const d = (status: "READY" | "PULLING" | "FAILED" | "WAITING", hostname = "h") => ({ serverId: hostname, hostname, status, progress: 0, message: "", serverOnline: true });
  it("says ready, progress or failure in one line", () => {
    expect(downloadSummary([d("READY"), d("READY")]).text).toBe("Ready on all 2");
    expect(downloadSummary([d("READY"), d("PULLING")])).toEqual({ tone: "progress", text: "1 of 2 ready" });
    expect(downloadSummary([d("READY"), d("FAILED", "web-2")])).toEqual({ tone: "bad", text: "Failed on web-2" });
    expect(downloadSummary([]).tone).toBe("neutral");
  });
});
