/** The arithmetic of the dashboard's line charts, kept pure so it can be tested. */

export type Point = { t: number; v: number };
export type Series = { id: string; label: string; color: string; points: Point[]; dashed?: boolean };

/** A linear map from a domain onto a range (pixels); a flat domain maps to the range's start. */
export function scaleLinear([d0, d1]: [number, number], [r0, r1]: [number, number]) {
  const span = d1 - d0;
  return (x: number) => (span === 0 ? r0 : r0 + ((x - d0) / span) * (r1 - r0));
}

/** A round step for about `count` intervals up to `max`: 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(max: number, count: number): number {
  if (!(max > 0) || count < 1) return 1;
  const raw = max / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const m = raw / pow;
  const nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10;
  return nice * pow;
}

/**
 * Ticks from 0 to a round top at or above `max` (at least `minTop`, so an idle chart still
 * has a scale). `integer` keeps steps whole (sessions are counted, never halved).
 */
export function niceTicks(max: number, { count = 4, minTop = 1, integer = false } = {}): number[] {
  const top = Math.max(max, minTop);
  let step = niceStep(top, count);
  if (integer) step = Math.max(1, Math.ceil(step));
  const n = Math.ceil(top / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => +(i * step).toPrecision(12));
}

/** Whole-minute ticks every `everyMin` minutes within [from, to]. */
export function timeTicks(from: number, to: number, everyMin: number): number[] {
  const step = everyMin * 60_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

/**
 * An SVG path through the points, broken where two neighbours are more than `gapMs` apart
 * (a server that stopped checking in leaves a gap, not a misleading straight line).
 */
export function linePath(points: Point[], x: (t: number) => number, y: (v: number) => number, gapMs: number): string {
  let d = "";
  let prev: Point | undefined;
  for (const p of points) {
    const cmd = !prev || p.t - prev.t > gapMs ? "M" : "L";
    d += `${cmd}${round(x(p.t))},${round(y(p.v))}`;
    prev = p;
  }
  return d;
}

/** The point nearest to `t` within `maxDistanceMs`, for the hover read-out. */
export function nearest(points: Point[], t: number, maxDistanceMs: number): Point | undefined {
  let best: Point | undefined;
  for (const p of points) {
    if (Math.abs(p.t - t) > maxDistanceMs) continue;
    if (!best || Math.abs(p.t - t) < Math.abs(best.t - t)) best = p;
  }
  return best;
}

/** The highest value in any series (0 when there is none). */
export function maxValue(series: Series[]): number {
  let m = 0;
  for (const s of series) for (const p of s.points) if (p.v > m) m = p.v;
  return m;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Distinct, readable colours for series, in the order servers are listed. */
export const PALETTE = ["#2f5bea", "#17915a", "#d9822b", "#9b4dca", "#cc2f36", "#0f9bb3", "#6b7a1f", "#c2417f"];
export const colorAt = (i: number) => PALETTE[i % PALETTE.length];
