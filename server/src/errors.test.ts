import { GraphQLError } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { formatError } from "./errors.js";

const format = (e: GraphQLError) => formatError(e.toJSON(), e);

describe("formatError", () => {
  it("passes a known code through, without a stack trace", () => {
    const e = new GraphQLError("no", { extensions: { code: "NOT_FOUND", stacktrace: ["x"] } });
    expect(format(e)).toEqual({ message: "no", extensions: { code: "NOT_FOUND" } });
  });

  it("says BAD_REQUEST for Apollo's own 4xx refusals, which carry a status but no code", () => {
    const e = new GraphQLError("provided sha does not match query", { extensions: { http: { status: 400, headers: new Map() } } });
    expect(format(e)).toEqual({ message: "provided sha does not match query", extensions: { code: "BAD_REQUEST" } });
  });

  it("masks anything else as an internal error", () => {
    vi.spyOn(process.stderr, "write").mockReturnValue(true); // the log line it writes
    const e = new GraphQLError("Cannot read properties of undefined");
    expect(format(e).extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(format(e).message).not.toContain("undefined");
    vi.restoreAllMocks();
  });
});
