import { rootCertificates } from "node:tls";
import { print } from "graphql";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { BerthError, type ServerError } from "./errors.js";
import { caPost, fetchPost, type Post } from "./transport.js";
import { waitForStatus, type WaitOptions } from "./wait.js";
import {
  CreateViewingLinkDocument,
  DestroySessionDocument,
  EnsureUserDocument,
  ImagesDocument,
  JoinShareDocument,
  KeepaliveDocument,
  RequestSessionDocument,
  RunCommandDocument,
  ScreenshotDocument,
  ServersDocument,
  SetWarmPoolDocument,
  WarmPoolsDocument,
  SessionDocument,
  SessionsDocument,
  SessionUpdatedDocument,
  ShareSessionDocument,
  StopSharingDocument,
  ZonesDocument,
  type SessionUpdatedSubscription,
  type SessionUpdatedSubscriptionVariables,
} from "./generated/graphql.js";
import type { CommandResult, Image, RequestSessionInput, Server, Session, SessionFilter, Share, ShareMode, User, WarmPool, Zone } from "./types.js";

export interface BerthClientOptions {
  /** The Berth address, e.g. "https://berth.example.com" (a trailing /graphql is fine too). */
  url: string;
  /** An API key ("bk_..."), sent as Authorization: Bearer. */
  apiKey: string;
  /** A PEM certificate to trust besides the public roots (a self-signed manager). */
  ca?: string | Buffer;
  /** A fetch to use instead of the global one (ignored for the WebSocket). */
  fetch?: typeof fetch;
  /** Time limit of one request. Default 60 000 (runCommand waits for the command's own timeout on top). */
  timeoutMs?: number;
}

/**
 * The Berth integrator API, typed. Every method throws BerthError with the server's code
 * (FORBIDDEN, NOT_FOUND, NO_CAPACITY, ...) and message when the server says no.
 */
export class BerthClient {
  /** The GraphQL endpoint, e.g. https://berth.example.com/graphql. */
  readonly endpoint: string;
  private readonly post: Post;
  private readonly printed = new WeakMap<object, string>();

  constructor(private readonly opts: BerthClientOptions) {
    if (!opts.url) throw new BerthError("BAD_USER_INPUT", "BerthClient needs a url, e.g. https://berth.example.com");
    if (!opts.apiKey) throw new BerthError("BAD_USER_INPUT", "BerthClient needs an apiKey (bk_...)");
    const base = opts.url.replace(/\/+$/, "");
    this.endpoint = /\/graphql$/.test(base) ? base : `${base}/graphql`;
    this.post = opts.fetch ? fetchPost(opts.fetch) : opts.ca ? caPost(opts.ca) : fetchPost(globalThis.fetch);
  }

  /** Any typed operation (a TypedDocumentNode, e.g. from graphql-codegen), for what the methods do not cover. */
  async request<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables: V, opts: { timeoutMs?: number } = {}): Promise<R> {
    const body = JSON.stringify({ query: this.print(document), variables });
    const headers = { "content-type": "application/json", accept: "application/graphql-response+json, application/json", authorization: `Bearer ${this.opts.apiKey}` };
    const res = await this.post(this.endpoint, headers, body, opts.timeoutMs ?? this.opts.timeoutMs ?? 60_000);
    let answer: { data?: R | null; errors?: ServerError[] };
    try {
      answer = JSON.parse(res.text);
    } catch {
      throw new BerthError("HTTP_ERROR", `${this.endpoint} answered ${res.status} without GraphQL: ${res.text.slice(0, 200).trim()}`, [], { status: res.status });
    }
    if (answer.errors?.length) throw BerthError.fromServer(answer.errors);
    if (answer.data == null) throw new BerthError("HTTP_ERROR", `${this.endpoint} answered ${res.status} with neither data nor errors`, [], { status: res.status });
    return answer.data;
  }

  /** The user with this username, created (role USER, a random password) if missing. Needs users:write. */
  async ensureUser(username: string): Promise<User> {
    return (await this.request(EnsureUserDocument, { username })).ensureUser;
  }

  /** Launches a session for a user (sessions:write); follow it with waitForSession. */
  async requestSession(input: RequestSessionInput): Promise<Session> {
    const env = input.env && Object.entries(input.env).map(([name, value]) => ({ name, value }));
    const vars = { imageId: input.imageId, forUser: input.forUser, env, startUrl: input.startUrl };
    return (await this.request(RequestSessionDocument, vars)).requestSession;
  }

  async getSession(id: string): Promise<Session> {
    return (await this.request(SessionDocument, { id })).session;
  }

  /** Sessions, newest first: live ones unless includeEnded or status say otherwise (sessions:read). */
  async listSessions(filter: SessionFilter = {}): Promise<Session[]> {
    const status = filter.status === undefined ? undefined : [filter.status].flat();
    return (await this.request(SessionsDocument, { ...filter, status })).sessions;
  }

  /**
   * Resolves once the session reaches `until` (default RUNNING), calling onProgress on every
   * change of status or statusMessage. Follows the sessionUpdated subscription, polling instead
   * when the WebSocket cannot be used. Throws TIMEOUT, SESSION_ENDED, or the server's error.
   */
  waitForSession(id: string, opts: WaitOptions<Session> = {}): Promise<Session> {
    return waitForStatus<Session>({ watch: (next, fail) => this.watchSession(id, next, fail), get: () => this.getSession(id) }, opts);
  }

  /** Marks the session as in use, so it is not reaped as idle. */
  async keepalive(id: string): Promise<boolean> {
    return (await this.request(KeepaliveDocument, { id })).keepalive;
  }

  /** Ends the session (destroySession): its container is removed. Wait for STOPPED with waitForSession. */
  async endSession(id: string): Promise<Session> {
    return (await this.request(DestroySessionDocument, { id })).destroySession;
  }

  /** Turns sharing on for a running session (or changes its mode) and returns the link. */
  async share(sessionId: string, mode: ShareMode = "VIEW"): Promise<Share> {
    return (await this.request(ShareSessionDocument, { sessionId, mode })).shareSession;
  }

  /** Makes the user a viewer of a share (acting for them: sessions:write); returns the session. Then open it for them with viewingLink(id, { forUser }). */
  async joinShare(shareId: string, forUser: string): Promise<Session> {
    return (await this.request(JoinShareDocument, { shareId, forUser })).joinShare;
  }

  /** Turns sharing off: every viewer is cut off at once. False when it was not shared. */
  async stopSharing(sessionId: string): Promise<boolean> {
    return (await this.request(StopSharingDocument, { sessionId })).stopSharing;
  }

  /**
   * A single-use link (valid ttlS seconds, default 60) that signs a user in and opens the session,
   * e.g. in an iframe: the owner, or with forUser a viewer who joined its share. url is absolute.
   */
  async viewingLink(sessionId: string, opts: { ttlS?: number; forUser?: string } = {}): Promise<{ url: string; expiresAt: string }> {
    const { createViewingLink: l } = await this.request(CreateViewingLinkDocument, { sessionId, ttlS: opts.ttlS ?? 60, forUser: opts.forUser ?? null });
    return { url: new URL(l.url, this.endpoint).toString(), expiresAt: String(l.expiresAt) };
  }

  async listImages(): Promise<Image[]> {
    return (await this.request(ImagesDocument, {})).images;
  }

  /** The image with this id or name, or undefined. */
  async findImage(idOrName: string): Promise<Image | undefined> {
    const images = await this.listImages();
    return images.find((i) => i.id === idOrName) ?? images.find((i) => i.name === idOrName);
  }

  /** Servers with their status and capacity (fleet:read). */
  async listServers(): Promise<Server[]> {
    return (await this.request(ServersDocument, {})).servers;
  }

  /** Warm pools: ready sessions kept waiting per image and zone (admin). */
  async listWarmPools(): Promise<WarmPool[]> {
    return (await this.request(WarmPoolsDocument, {})).warmPools;
  }

  /**
   * Keeps `size` ready sessions of an image waiting in a zone (admin; 0 ends them). Image and zone
   * are ids or names. Launches without their own environment take a waiting one at once.
   */
  async setWarmPool(image: string, zone: string, size: number): Promise<WarmPool> {
    const [images, zones] = await Promise.all([this.listImages(), this.listZones()]);
    const i = images.find((x) => x.id === image || x.name === image);
    if (!i) throw new BerthError("NOT_FOUND", `no image '${image}'`);
    const z = zones.find((x) => x.id === zone || x.name === zone);
    if (!z) throw new BerthError("NOT_FOUND", `no zone '${zone}'`);
    return (await this.request(SetWarmPoolDocument, { imageId: i.id, zoneId: z.id, size })).setWarmPool;
  }

  /** Zones (fleet:read). */
  async listZones(): Promise<Zone[]> {
    return (await this.request(ZonesDocument, {})).zones;
  }

  /**
   * Runs a command in a running session as its user (sessions:write) and returns its exit code
   * and output (each cut at 1 MB: see truncated). timeoutS: 1 to 300, default 30.
   */
  async runCommand(sessionId: string, command: string[], opts: { timeoutS?: number } = {}): Promise<CommandResult> {
    const timeoutS = opts.timeoutS ?? 30;
    // The manager waits up to the command's time limit plus 15 s for the agent: wait a little longer.
    const timeoutMs = Math.max(this.opts.timeoutMs ?? 60_000, (timeoutS + 30) * 1000);
    return (await this.request(RunCommandDocument, { sessionId, command, timeoutS }, { timeoutMs })).runCommand;
  }

  /** A PNG of the session's screen (sessions:read). pngSize() reads its width and height. */
  async screenshot(sessionId: string): Promise<Buffer> {
    const { screenshot } = await this.request(ScreenshotDocument, { sessionId });
    return Buffer.from(screenshot.pngBase64, "base64");
  }

  /** The full address of a session's view (session.url is a path on this Berth). */
  viewUrl(session: Pick<Session, "url">): string {
    return new URL(session.url, this.endpoint).toString();
  }

  private watchSession(id: string, next: (s: Session) => void, fail: (e: BerthError, fatal: boolean) => void): () => void {
    const ca = this.opts.ca && [...rootCertificates, this.opts.ca.toString()];
    const client = createClient({
      url: this.endpoint.replace(/^http(s?):\/\//, "ws$1://"),
      webSocketImpl: ca
        ? class extends WebSocket {
            constructor(url: string, protocols?: string | string[]) {
              super(url, protocols, { ca });
            }
          }
        : WebSocket,
      // The manager reads the credential from connectionParams (browsers cannot set headers).
      connectionParams: { authorization: `Bearer ${this.opts.apiKey}` },
      lazy: true,
      retryAttempts: 0,
      keepAlive: 10_000,
    });
    const vars: SessionUpdatedSubscriptionVariables = { id };
    const unsubscribe = client.subscribe<SessionUpdatedSubscription>(
      { query: this.print(SessionUpdatedDocument), variables: vars },
      {
        next: (r) => {
          if (r.errors?.length) fail(BerthError.fromServer(r.errors as ServerError[]), true);
          else if (r.data) next(r.data.sessionUpdated);
        },
        // An array is the server's refusal; anything else (a CloseEvent, an Error) is the socket.
        error: (e) =>
          Array.isArray(e)
            ? fail(BerthError.fromServer(e as ServerError[]), true)
            : fail(new BerthError("NETWORK_ERROR", `the subscription broke: ${socketReason(e)}`), false),
        complete: () => fail(new BerthError("NETWORK_ERROR", "the subscription ended"), false),
      },
    );
    return () => {
      unsubscribe();
      void client.dispose();
    };
  }

  private print(doc: object): string {
    let q = this.printed.get(doc);
    if (!q) this.printed.set(doc, (q = print(doc as Parameters<typeof print>[0])));
    return q;
  }
}

function socketReason(e: unknown): string {
  const ev = e as { code?: number; reason?: string; message?: string };
  if (typeof ev?.code === "number") return `closed with ${ev.code}${ev.reason ? ` (${ev.reason})` : ""}`;
  return ev?.message ?? String(e);
}
