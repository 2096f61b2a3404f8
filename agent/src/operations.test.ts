import { describe, expect, it } from "vitest";
import { SessionOperations } from "./operations.js";

const gate = () => {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
};

describe("SessionOperations", () => {
  it("runs one operation per session at a time", async () => {
    const ops = new SessionOperations();
    const g = gate();
    expect(ops.run("a", "start", () => g.p)).toBe(true);
    expect(ops.run("a", "remove", async () => {})).toBe(false);
    expect(ops.run("b", "start", async () => {})).toBe(true);
    g.open();
    await ops.idle();
    expect(ops.run("a", "remove", async () => {})).toBe(true);
  });

  it("counts as busy an operation that finished after the mark, until forgotten", async () => {
    const ops = new SessionOperations();
    ops.run("early", "start", async () => {});
    await ops.idle();
    const mark = ops.mark();
    const g = gate();
    ops.run("late", "start", () => g.p);
    expect(ops.busySince(mark)).toEqual(["late"]);
    g.open();
    await ops.idle();
    expect(ops.busySince(mark)).toEqual(["late"]);
    ops.forgetUpTo(ops.mark());
    expect(ops.busySince(mark)).toEqual([]);
  });

  it("cancels a start by aborting its signal, but never a removal", async () => {
    const ops = new SessionOperations();
    let aborted = false;
    ops.run("a", "start", async (signal) => {
      if (!signal.aborted) await new Promise((r) => signal.addEventListener("abort", r));
      aborted = signal.aborted;
    });
    ops.run("b", "remove", () => new Promise<void>((r) => setTimeout(r, 10)));
    expect(ops.cancel("a")).toBe(true);
    expect(ops.cancel("b")).toBe(false);
    await ops.idle();
    expect(aborted).toBe(true);
  });

  it("keeps going when an operation throws", async () => {
    const ops = new SessionOperations();
    ops.run("a", "start", async () => {
      throw new Error("boom");
    });
    await ops.idle();
    expect(ops.isRunning("a")).toBe(false);
  });
});
