import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { describe, expect, it } from "vitest";
import { apiProblem, validationMessages } from "./errors";

describe("apiProblem", () => {
  it("keeps the field and refused key the API names", () => {
    const e = new CombinedGraphQLErrors({
      errors: [
        {
          message: "run-config key 'HostConfig.Privileged' is not allowed: it gives the container full access to the host",
          extensions: { code: "BAD_USER_INPUT", field: "runConfig", key: "HostConfig.Privileged" },
        },
      ],
    });
    expect(apiProblem(e)).toEqual({
      code: "BAD_USER_INPUT",
      field: "runConfig",
      key: "HostConfig.Privileged",
      message: "Run-config key 'HostConfig.Privileged' is not allowed: it gives the container full access to the host.",
    });
  });
  it("turns argument validation into the validator's own words and the field", () => {
    const e = new CombinedGraphQLErrors({
      errors: [
        {
          message: "Argument Validation Error",
          extensions: {
            code: "BAD_USER_INPUT",
            validation: [{ property: "env", children: [{ property: "0", children: [{ property: "name", constraints: { matches: "an environment variable name is letters, digits and _" } }] }] }],
          },
        },
      ],
    });
    expect(apiProblem(e)).toMatchObject({ field: "env", message: "An environment variable name is letters, digits and _." });
  });
  it("reads validation details under extensions.validationErrors too", () => {
    const e = new CombinedGraphQLErrors({
      errors: [
        {
          message: "invalid input: name: a name is 1-64 lowercase letters, digits, . _ -",
          extensions: { code: "BAD_USER_INPUT", validationErrors: [{ property: "name", constraints: { matches: "a name is 1-64 lowercase letters, digits, . _ -" } }] },
        },
      ],
    });
    expect(apiProblem(e)).toMatchObject({ field: "name", message: "A name is 1-64 lowercase letters, digits, . _ -." });
  });
  it("explains transport failures", () => {
    expect(apiProblem(new TypeError("Failed to fetch")).message).toMatch(/Cannot reach/);
  });
});

describe("validationMessages", () => {
  it("flattens nested errors with their paths", () => {
    expect(validationMessages([{ property: "name", constraints: { a: "bad name" } }, { property: "volumes", children: [{ property: "1", constraints: { b: "bad path" } }] }])).toEqual([
      { field: "name", message: "bad name" },
      { field: "volumes.1", message: "bad path" },
    ]);
    expect(validationMessages(undefined)).toEqual([]);
  });
});
