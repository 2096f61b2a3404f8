import { describe, expect, it } from "vitest";
import { linePath, maxValue, nearest, niceStep, niceTicks, scaleLinear, timeTicks } from "./chart";

describe("scaleLinear", () => {
  it("maps the domain onto the range, inverted ranges included", () => {
    const y = scaleLinear([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(50)).toBe(100);
    expect(y(100)).toBe(0);
  });
  it("maps a flat domain to the start of the range instead of dividing by zero", () => {
    expect(scaleLinear([5, 5], [10, 90])(5)).toBe(10);
  });
});

describe("niceTicks", () => {
  it("steps by 1, 2, 2.5 or 5 times a power of ten up to a round top", () => {
    expect(niceStep(100, 4)).toBe(25);
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(2.9)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0.3, { minTop: 0 })).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0.3)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(2900)).toEqual([0, 1000, 2000, 3000]);
  });
  it("keeps a scale on an idle chart", () => {
    expect(niceTicks(0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0, { integer: true, minTop: 2 })).toEqual([0, 1, 2]);
  });
  it("never splits counted things into halves", () => {
    expect(niceTicks(1.1, { integer: true })).toEqual([0, 1, 2]);
    expect(niceTicks(7, { integer: true })).toEqual([0, 2, 4, 6, 8]);
  });
});

describe("timeTicks", () => {
  it("falls on whole multiples of the step inside the window", () => {
    const from = Date.UTC(2026, 0, 1, 10, 3);
    const to = Date.UTC(2026, 0, 1, 11, 3);
    const ticks = timeTicks(from, to, 10);
    expect(ticks).toHaveLength(6);
    expect(ticks[0]).toBe(Date.UTC(2026, 0, 1, 10, 10));
    expect(ticks.every((t) => t % 600_000 === 0)).toBe(true);
  });
});

describe("linePath", () => {
  const x = (t: number) => t / 1000;
  const y = (v: number) => 100 - v;
  it("joins neighbours and breaks the line across a silence", () => {
    const d = linePath(
      [
        { t: 0, v: 10 },
        { t: 30_000, v: 20 },
        { t: 200_000, v: 30 },
        { t: 230_000, v: 40 },
      ],
      x,
      y,
      90_000,
    );
    expect(d).toBe("M0,90L30,80M200,70L230,60");
  });
  it("draws nothing without points", () => {
    expect(linePath([], x, y, 1)).toBe("");
  });
});

describe("nearest", () => {
  const points = [
    { t: 0, v: 1 },
    { t: 30_000, v: 2 },
    { t: 60_000, v: 3 },
  ];
  it("finds the closest reading within reach", () => {
    expect(nearest(points, 40_000, 45_000)).toEqual({ t: 30_000, v: 2 });
  });
  it("finds nothing too far away", () => {
    expect(nearest(points, 200_000, 45_000)).toBeUndefined();
  });
});

describe("maxValue", () => {
  it("looks across every series", () => {
    expect(maxValue([{ id: "a", label: "a", color: "", points: [{ t: 0, v: 3 }] }, { id: "b", label: "b", color: "", points: [{ t: 0, v: 7 }] }])).toBe(7);
    expect(maxValue([])).toBe(0);
  });
});
