import { readFileSync } from "node:fs";
import WebSocket from "ws";
import { sleep } from "./stack.js";

export interface MemoryReading {
  rssMb: number;
  /** V8 heap in use after a full garbage collection (null when the process could not be asked). */
  heapUsedMb: number | null;
}

const INSPECTOR = "http://127.0.0.1:9229";
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Resident memory of a process as the kernel counts it. */
export function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
}

/**
 * Memory of a Node process after a forced full garbage collection, so that what is measured is
 * what the process holds on to, not garbage it has not collected yet. SIGUSR1 opens the process's
 * inspector (on 127.0.0.1:9229), which is asked to collect garbage and report, then closed again.
 * Falls back to RSS alone if the inspector is busy or belongs to another process.
 */
export async function settledMemory(pid: number): Promise<MemoryReading> {
  process.kill(pid, "SIGUSR1");
  let url: string | undefined;
  for (let i = 0; i < 40 && !url; i++) {
    url = await fetch(`${INSPECTOR}/json/list`).then((r) => r.json()).then((l: { webSocketDebuggerUrl: string }[]) => l[0]?.webSocketDebuggerUrl, () => undefined);
    if (!url) await sleep(50);
  }
  if (!url) return { rssMb: rssMb(pid), heapUsedMb: null };
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
  let id = 0;
  const call = (method: string, params: object = {}) =>
    new Promise<any>((resolve) => {
      const mine = ++id;
      const onMessage = (m: WebSocket.RawData) => {
        const msg = JSON.parse(m.toString());
        if (msg.id === mine) ws.off("message", onMessage), resolve(msg.result);
      };
      ws.on("message", onMessage);
      ws.send(JSON.stringify({ id: mine, method, params }));
    });
  const evaluate = async (expression: string) => (await call("Runtime.evaluate", { expression, returnByValue: true }))?.result?.value;
  try {
    if ((await evaluate("process.pid")) !== pid) return { rssMb: rssMb(pid), heapUsedMb: null };
    for (let i = 0; i < 3; i++) await call("HeapProfiler.collectGarbage");
    const heapUsed = Number(await evaluate("process.memoryUsage().heapUsed"));
    return { rssMb: rssMb(pid), heapUsedMb: mb(heapUsed) };
  } finally {
    ws.send(JSON.stringify({ id: ++id, method: "Runtime.evaluate", params: { expression: "process.mainModule.require('node:inspector').close()" } }));
    await sleep(100);
    ws.terminate();
  }
}
