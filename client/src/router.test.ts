import { describe, expect, it } from "vitest";
import { parseRoute, safeNext } from "./router";

describe("parseRoute", () => {
  it("maps the four pages and everything else to notFound", () => {
    expect(parseRoute("/", "")).toEqual({ name: "workspaces" });
    expect(parseRoute("/sessions", "")).toEqual({ name: "sessions" });
    expect(parseRoute("/sessions/", "")).toEqual({ name: "sessions" });
    expect(parseRoute("/sessions/abc-123", "")).toEqual({ name: "session", id: "abc-123" });
    expect(parseRoute("/signin", "?next=%2Fsessions")).toEqual({ name: "signin", next: "/sessions" });
    expect(parseRoute("/share/0123abcd", "")).toEqual({ name: "share", shareId: "0123abcd" });
    expect(parseRoute("/share/", "")).toEqual({ name: "notFound" });
    expect(parseRoute("/sessions/a/b", "")).toEqual({ name: "notFound" });
    expect(parseRoute("/admin", "")).toEqual({ name: "admin", sub: "" });
    expect(parseRoute("/admin/servers", "?x=1")).toEqual({ name: "admin", sub: "/servers" });
    expect(parseRoute("/administrator", "")).toEqual({ name: "notFound" });
  });
});

describe("safeNext", () => {
  it("keeps same-site paths, a share link included (signing in returns to it)", () => {
    expect(safeNext("/sessions/x?y=1")).toBe("/sessions/x?y=1");
    expect(safeNext("/share/0123abcd")).toBe("/share/0123abcd");
  });
  it("refuses other sites, protocol-relative URLs and the sign-in page itself", () => {
    expect(safeNext("https://evil.example/")).toBe("/");
    expect(safeNext("//evil.example/")).toBe("/");
    expect(safeNext("/signin?next=/")).toBe("/");
    expect(safeNext(null)).toBe("/");
  });
});
