import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { log } from "./log.js";

export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "CONFLICT"
  | "NO_CAPACITY"
  | "UNAVAILABLE"
  | "RATE_LIMITED";

/** An error a person can act on. Its code is stable API; its message says what to do. */
export class DomainError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message, { extensions: { code, ...details } });
  }
}

export const notFound = (what: string, id: string) =>
  new DomainError("NOT_FOUND", `${what} '${id}' does not exist or you cannot see it`);
export const forbidden = (message = "you are not allowed to do that") => new DomainError("FORBIDDEN", message);
export const unauthenticated = (message = "sign in first") => new DomainError("UNAUTHENTICATED", message);
export const badInput = (message: string, details?: Record<string, unknown>) =>
  new DomainError("BAD_USER_INPUT", message, details);
export const conflict = (message: string) => new DomainError("CONFLICT", message);

const PASS_THROUGH = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  "NO_CAPACITY",
  "UNAVAILABLE",
  "RATE_LIMITED",
  "QUERY_TOO_COMPLEX",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "OPERATION_RESOLUTION_FAILURE",
]);

/** Known errors pass unchanged; anything else is logged and masked. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const validation = formatted.extensions?.validationErrors;
  if (formatted.message === "Argument Validation Error" && Array.isArray(validation)) {
    // Say which field is wrong and how, instead of type-graphql's generic sentence.
    const problems = flattenValidation(validation as ValidationNode[]);
    return stripStack({ ...formatted, message: `invalid input: ${problems.join("; ")}`, extensions: { ...formatted.extensions, code: "BAD_USER_INPUT" } });
  }
  if (typeof code === "string" && PASS_THROUGH.has(code)) return stripStack(formatted);
  // Apollo's own refusals of a malformed request (a persisted query of an unknown version or with
  // a wrong hash) carry a 4xx status but no code: they are the client's mistake, said as such.
  const status = (error as { extensions?: { http?: { status?: number } } })?.extensions?.http?.status;
  if (status && status >= 400 && status < 500) return { message: formatted.message, extensions: { code: "BAD_REQUEST" } };
  // type-graphql's argument validation errors carry validation details.
  const original = (error as { originalError?: { name?: string; extensions?: Record<string, unknown> } })?.originalError;
  if (original?.name === "ArgumentValidationError") {
    return { message: formatted.message, path: formatted.path, extensions: { code: "BAD_USER_INPUT", validation: original.extensions?.validationErrors } };
  }
  log.error("unexpected error", { message: formatted.message, path: formatted.path, error: String((error as Error)?.stack ?? error) });
  return { message: "internal error; the manager's log has the details", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

function stripStack(f: GraphQLFormattedError): GraphQLFormattedError {
  if (!f.extensions || !("stacktrace" in f.extensions)) return f;
  const { stacktrace: _s, ...extensions } = f.extensions;
  return { ...f, extensions };
}

interface ValidationNode {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationNode[];
}

function flattenValidation(nodes: ValidationNode[], prefix = ""): string[] {
  return nodes.flatMap((n) => {
    const path = prefix ? `${prefix}.${n.property}` : n.property;
    const own = Object.values(n.constraints ?? {}).map((m) => (m.startsWith(n.property) ? `${prefix ? prefix + "." : ""}${m}` : `${path}: ${m}`));
    return [...own, ...flattenValidation(n.children ?? [], path)];
  });
}
