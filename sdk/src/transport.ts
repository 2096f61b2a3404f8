import http from "node:http";
import https from "node:https";
import { rootCertificates } from "node:tls";
import { BerthError } from "./errors.js";

/** One HTTP POST: status and body text. */
export type Post = (url: string, headers: Record<string, string>, body: string, timeoutMs: number) => Promise<{ status: number; text: string }>;

/** POST through a fetch function (the global one, or one the caller passed). */
export function fetchPost(fetchFn: typeof fetch): Post {
  return async (url, headers, body, timeoutMs) => {
    let res: Response;
    try {
      res = await fetchFn(url, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      throw networkError(url, e, timeoutMs);
    }
    return { status: res.status, text: await res.text() };
  };
}

/**
 * POST through node:https trusting `ca` as well as the public roots: the global fetch cannot
 * take a CA, and a self-signed manager is the usual first install.
 */
export function caPost(ca: string | Buffer): Post {
  const trusted = [...rootCertificates, ca.toString()];
  return (url, headers, body, timeoutMs) =>
    new Promise((resolve, reject) => {
      const u = new URL(url);
      const request = u.protocol === "https:" ? https.request : http.request;
      const req = request(u, { method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(body) }, ca: trusted, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", (e) => reject(networkError(url, e, timeoutMs)));
      });
      req.on("timeout", () => req.destroy(Object.assign(new Error("timed out"), { name: "TimeoutError" })));
      req.on("error", (e) => reject(networkError(url, e, timeoutMs)));
      req.end(body);
    });
}

function networkError(url: string, e: unknown, timeoutMs: number): BerthError {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === "TimeoutError" || err?.name === "AbortError") {
    return new BerthError("TIMEOUT", `${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
  }
  // fetch hides the reason (ECONNREFUSED, a certificate problem) in `cause`.
  const why = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
  return new BerthError("NETWORK_ERROR", `could not reach ${url}: ${why}`);
}
