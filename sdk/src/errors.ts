/** One error as the server sent it (GraphQL's formatted error). */
export interface ServerError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * Codes the SDK itself uses, beside the server's own (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND,
 * BAD_USER_INPUT, CONFLICT, NO_CAPACITY, UNAVAILABLE, RATE_LIMITED, ...).
 */
export type ClientErrorCode =
  /** The server could not be reached (DNS, refused connection, TLS). */
  | "NETWORK_ERROR"
  /** The server answered, but not with GraphQL (a proxy error page, for instance). */
  | "HTTP_ERROR"
  /** A request, or waitForSession, ran out of time. */
  | "TIMEOUT"
  /** waitForSession: the session ended (STOPPED, FAILED, LOST) before reaching the wanted status. */
  | "SESSION_ENDED"
  /** waitForSession: the onProgress callback threw. */
  | "CALLBACK_ERROR";

/** Everything the SDK throws. `code` is stable (the server's extensions.code, or a ClientErrorCode). */
export class BerthError extends Error {
  override readonly name = "BerthError";

  constructor(
    readonly code: string,
    message: string,
    /** Every error of the answer, when the server sent several. */
    readonly errors: ServerError[] = [],
    /** More about what happened (the server's extensions, or the session for SESSION_ENDED). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The first error of a GraphQL answer, keeping the others. */
  static fromServer(errors: readonly ServerError[]): BerthError {
    const [first] = errors;
    const { code, ...details } = first?.extensions ?? {};
    return new BerthError(typeof code === "string" ? code : "GRAPHQL_ERROR", first?.message ?? "unknown error", [...errors], details);
  }
}

export const isBerthError = (e: unknown, code?: string): e is BerthError =>
  e instanceof BerthError && (code === undefined || e.code === code);
