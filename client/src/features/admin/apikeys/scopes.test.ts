import { describe, expect, it } from "vitest";
import { keyState } from "./scopes";

describe("keyState", () => {
  it("tells revoked, expired and active keys apart", () => {
    const now = Date.parse("2026-11-29T12:00:00Z");
    expect(keyState({ revokedAt: "2026-11-29T11:00:00Z" }, now)).toBe("revoked");
    expect(keyState({ expiresAt: "2026-11-29T11:59:59Z" }, now)).toBe("expired");
    expect(keyState({ expiresAt: "2026-11-30T00:00:00Z" }, now)).toBe("active");
    expect(keyState({}, now)).toBe("active");
  });
});
