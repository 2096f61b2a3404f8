import { describe, expect, it } from "vitest";
import { readCookie } from "./cookies.js";

describe("readCookie", () => {
  it("decodes a percent-encoded value", () => {
    expect(readCookie({ cookie: "a=1; berth_session=bs_x%2By" }, "berth_session")).toBe("bs_x+y");
  });

  it("treats a malformed percent-encoding as no cookie instead of throwing", () => {
    for (const bad of ["%E0%A4%A", "%", "%zz"]) expect(readCookie({ cookie: `berth_session=${bad}` }, "berth_session")).toBeUndefined();
  });
});
