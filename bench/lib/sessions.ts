import type Docker from "dockerode";
import type { BenchUser } from "./users.js";
import { sleep } from "./http.js";
import { nowMs } from "./stats.js";

export interface LaunchTiming {
  sessionId: string;
  /** requestSession answered (the mutation's round trip). */
  requestedMs: number;
  /** The sessionUpdated subscription said RUNNING. */
  runningMs: number;
  /** The first HTTP 200 on /session/<id>/ through nginx: the number that counts. */
  openMs: number;
}

/**
 * What the portal does, timed from the moment requestSession is sent: the mutation through nginx,
 * the sessionUpdated subscription (graphql-ws through nginx, which starts with the current state)
 * until RUNNING, then GET /session/<id>/ with the sign-in cookie until it answers 200.
 */
export async function launchAndOpen(user: BenchUser, imageId: string, timeoutMs = 60_000): Promise<LaunchTiming> {
  const t0 = nowMs();
  const r = await user.client.ok<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: imageId });
  const sessionId = r.requestSession.id;
  const requestedMs = nowMs() - t0;
  await untilRunning(user, sessionId, timeoutMs);
  const runningMs = nowMs() - t0;
  for (const until = t0 + timeoutMs; ; ) {
    const res = await user.client.fetch(`/session/${sessionId}/`);
    await res.arrayBuffer();
    if (res.status === 200) break;
    if (nowMs() > until) throw new Error(`session ${sessionId}: /session/<id>/ answered ${res.status}, not 200`);
    await sleep(5);
  }
  return { sessionId, requestedMs, runningMs, openMs: nowMs() - t0 };
}

function untilRunning(user: BenchUser, sessionId: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (e?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      dispose();
      e ? reject(e) : resolve();
    };
    const timer = setTimeout(() => finish(new Error(`session ${sessionId} not RUNNING within ${timeoutMs} ms`)), timeoutMs);
    const dispose = user.ws().subscribe<{ sessionUpdated: { status: string; statusMessage: string } }>(
      { query: `subscription($id:ID!){ sessionUpdated(id:$id){ status statusMessage } }`, variables: { id: sessionId } },
      {
        next: (v) => {
          const s = v.data?.sessionUpdated;
          if (v.errors?.length) finish(new Error(`sessionUpdated: ${JSON.stringify(v.errors)}`));
          else if (s?.status === "RUNNING") finish();
          else if (s && ["FAILED", "LOST", "STOPPED"].includes(s.status)) finish(new Error(`session ${sessionId} ${s.status}: ${s.statusMessage}`));
        },
        error: (e) => finish(e instanceof Error ? e : new Error(JSON.stringify(e))),
        complete: () => finish(new Error(`sessionUpdated ended before session ${sessionId} ran`)),
      },
    );
  });
}

/** Ends sessions through the API and waits until their containers are gone. */
export async function destroySessions(docker: Docker, owned: { user: BenchUser; sessionId: string }[], timeoutMs = 60_000) {
  await Promise.all(
    owned.map(({ user, sessionId }) => user.client.gql(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: sessionId })),
  );
  const ids = new Set(owned.map((o) => o.sessionId));
  for (const until = Date.now() + timeoutMs; ; ) {
    const left = (await docker.listContainers({ all: true, filters: { label: ["berth.session"] } })).filter((c) => ids.has(c.Labels["berth.session"]));
    if (left.length === 0) return;
    if (Date.now() > until) throw new Error(`${left.length} session containers still there after ${timeoutMs} ms`);
    await sleep(100);
  }
}
