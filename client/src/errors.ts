import { CombinedGraphQLErrors, ServerError, ServerParseError } from "@apollo/client/errors";
import type { ErrorLike } from "@apollo/client";

/** The API's stable error code (NO_CAPACITY, CONFLICT, ...), if the error came from the API. */
export function errorCode(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const code = error.errors[0]?.extensions?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * A sentence a person can act on. The API's messages are written for people already
 * ("you already have 2 sessions (the limit is 2): end one to start another"); transport
 * failures get a hint about what to check.
 */
export function errorMessage(error: ErrorLike | unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const messages = [...new Set(error.errors.map((e) => e.message))];
    return sentence(messages.join("; ") || "The server refused the request.");
  }
  if (ServerError.is(error)) {
    if (error.statusCode >= 500) return `Berth's server is not answering properly (HTTP ${error.statusCode}). Try again in a moment.`;
    return `The server refused the request (HTTP ${error.statusCode}).`;
  }
  if (ServerParseError.is(error)) return "Berth's server sent an answer this page cannot read. Reload the page and try again.";
  if (error instanceof TypeError) return "Cannot reach Berth's server. Check your connection and try again.";
  if (error && typeof error === "object" && "message" in error && typeof error.message === "string") {
    return sentence(error.message);
  }
  return "Something went wrong. Try again.";
}

/** "no server can take…" → "No server can take…." */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const first = t[0].toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}
