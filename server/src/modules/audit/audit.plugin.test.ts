import { describe, expect, it } from "vitest";
import { redact } from "./audit.plugin.js";

describe("redact (audit details)", () => {
  it("redacts secrets by variable and by key", () => {
    expect(redact({ p: "hunter22", input: { password: "x", name: "n" } }, new Set(["p"]))).toEqual({ p: "[redacted]", input: { password: "[redacted]", name: "n" } });
  });

  it("survives nesting far deeper than the stack (a request may nest 200,000 levels)", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const out = redact({ deep }, new Set());
    expect(JSON.stringify(out).length).toBeLessThan(100);
  });

  it("makes text storable in jsonb: NUL and lone surrogates become U+FFFD", () => {
    expect(redact({ a: "x\u0000y", b: "\ud800", c: "ok 😀", "k\u0000": 1 }, new Set())).toEqual({ a: "x\ufffdy", b: "\ufffd", c: "ok 😀", "k\ufffd": 1 });
  });

  it("cuts long strings and long lists", () => {
    const out = redact({ s: "x".repeat(1000), l: Array.from({ length: 1000 }, (_, i) => i) }, new Set()) as { s: string; l: number[] };
    expect(out.s.length).toBe(501);
    expect(out.l).toHaveLength(100);
  });
});
