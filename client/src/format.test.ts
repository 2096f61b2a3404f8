import { describe, expect, it } from "vitest";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { initials } from "./components/Monogram";
import { errorCode, errorMessage, sentence } from "./errors";
import { age, cores, memory } from "./format";

describe("age", () => {
  const now = Date.parse("2025-01-01T12:00:00Z");
  it("reads like a person would say it", () => {
    expect(age("2025-01-01T11:59:50Z", now)).toBe("just now");
    expect(age("2025-01-01T11:55:00Z", now)).toBe("5 min");
    expect(age("2025-01-01T10:00:00Z", now)).toBe("2 h");
    expect(age("2025-01-01T09:50:00Z", now)).toBe("2 h 10 min");
    expect(age("2024-12-30T12:00:00Z", now)).toBe("2 days");
  });
});

describe("resources", () => {
  it("shows memory in GB from 1024 MB and cores without noise", () => {
    expect(memory(512)).toBe("512 MB");
    expect(memory(1536)).toBe("1.5 GB");
    expect(cores(1)).toBe("1 core");
    expect(cores(0.5)).toBe("0.5 cores");
  });
});

describe("initials", () => {
  it("takes one letter per word, two at most", () => {
    expect(initials("Firefox")).toBe("F");
    expect(initials("Desktop Deluxe")).toBe("DD");
    expect(initials("desktop-deluxe extra")).toBe("DD");
  });
});

describe("errorMessage", () => {
  it("shows the API's own message as a sentence, and its code", () => {
    const e = new CombinedGraphQLErrors({
      errors: [{ message: "you already have 2 sessions (the limit is 2): end one to start another", extensions: { code: "CONFLICT" } }],
    });
    expect(errorMessage(e)).toBe("You already have 2 sessions (the limit is 2): end one to start another.");
    expect(errorCode(e)).toBe("CONFLICT");
  });
  it("explains a failed fetch", () => {
    expect(errorMessage(new TypeError("Failed to fetch"))).toMatch(/Cannot reach Berth's server/);
  });
  it("does not add a second full stop", () => {
    expect(sentence("Try again later.")).toBe("Try again later.");
  });
});
