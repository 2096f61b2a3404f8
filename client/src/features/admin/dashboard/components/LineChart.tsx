import { useState, type PointerEvent } from "react";
import { clock } from "../../format";
import { useWidth } from "../../hooks";
import { linePath, nearest, niceTicks, scaleLinear, timeTicks, maxValue, type Series } from "../chart";

type Props = {
  title: string;
  /** A short unit note beside the title ("% of each host", "GB used"). */
  unit?: string;
  series: Series[];
  from: number;
  to: number;
  formatY: (v: number) => string;
  /** A fixed top (CPU: 100); otherwise the scale follows the data. */
  yTop?: number;
  integer?: boolean;
  /** Shown in the legend beside each series: its latest value, or something richer. */
  legendValue?: (s: Series) => string;
  emptyText: string;
  height?: number;
  testId?: string;
};

const M = { top: 12, right: 14, bottom: 26, left: 52 };
/** Points further apart than this are not joined (the server was silent). */
const GAP_MS = 90_000;

/** A hand-drawn SVG line chart over a time window: grid, axis labels, legend, hover read-out. */
export function LineChart(p: Props) {
  const [wrap, width] = useWidth<HTMLDivElement>();
  const [hoverT, setHoverT] = useState<number>();
  const height = p.height ?? 220;
  const hasData = p.series.some((s) => s.points.length > 0);

  const yTicks = p.yTop !== undefined ? niceTicks(p.yTop, { count: 4 }) : niceTicks(maxValue(p.series) * 1.1, { count: 4, integer: p.integer });
  const yMax = yTicks[yTicks.length - 1];
  const innerW = Math.max(0, width - M.left - M.right);
  const innerH = height - M.top - M.bottom;
  const x = scaleLinear([p.from, p.to], [M.left, M.left + innerW]);
  const y = scaleLinear([0, yMax], [M.top + innerH, M.top]);
  const xTicks = timeTicks(p.from, p.to, innerW < 360 ? 20 : 10);
  const toT = scaleLinear([M.left, M.left + innerW], [p.from, p.to]);

  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const px = e.clientX - box.left;
    if (px < M.left || px > M.left + innerW) return setHoverT(undefined);
    setHoverT(toT(px));
  };

  const readings =
    hoverT === undefined
      ? []
      : p.series.map((s) => ({ s, point: nearest(s.points, hoverT, 45_000) })).filter((r) => r.point !== undefined);
  const hoverAt = readings[0]?.point?.t;

  const latest = p.series.map((s) => `${s.label} ${s.points.length ? p.formatY(s.points[s.points.length - 1].v) : "no data"}`).join(", ");

  return (
    <figure className="adm-chart" data-testid={p.testId}>
      <figcaption className="adm-chart__head">
        <span className="adm-chart__title">{p.title}</span>
        {p.unit && <span className="adm-chart__unit">{p.unit}</span>}
      </figcaption>
      <div ref={wrap} className="adm-chart__plot" style={{ height }}>
        {width > 0 && (
          <svg
            width={width}
            height={height}
            role="img"
            aria-label={`${p.title}, last hour. Latest: ${latest}.`}
            onPointerMove={onMove}
            onPointerLeave={() => setHoverT(undefined)}
          >
            {yTicks.map((v) => (
              <g key={v}>
                <line className="adm-chart__grid" x1={M.left} x2={M.left + innerW} y1={y(v)} y2={y(v)} />
                <text className="adm-chart__label" x={M.left - 8} y={y(v)} dy="0.32em" textAnchor="end">
                  {p.formatY(v)}
                </text>
              </g>
            ))}
            {xTicks.map((t) => (
              <text key={t} className="adm-chart__label" x={x(t)} y={height - 6} textAnchor="middle">
                {clock(t)}
              </text>
            ))}
            <line className="adm-chart__axis" x1={M.left} x2={M.left + innerW} y1={M.top + innerH} y2={M.top + innerH} />
            {p.series.map((s) => (
              <path
                key={s.id}
                d={linePath(s.points, x, (v) => y(Math.min(v, yMax)), GAP_MS)}
                className="adm-chart__line"
                stroke={s.color}
                strokeDasharray={s.dashed ? "5 4" : undefined}
              />
            ))}
            {p.series.map((s) => {
              const last = s.points[s.points.length - 1];
              return last ? <circle key={s.id} cx={x(last.t)} cy={y(Math.min(last.v, yMax))} r={3} fill={s.color} /> : null;
            })}
            {hoverAt !== undefined && (
              <g>
                <line className="adm-chart__cursor" x1={x(hoverAt)} x2={x(hoverAt)} y1={M.top} y2={M.top + innerH} />
                {readings.map(({ s, point }) => (
                  <circle key={s.id} cx={x(point!.t)} cy={y(Math.min(point!.v, yMax))} r={4} fill="#fff" stroke={s.color} strokeWidth={2} />
                ))}
              </g>
            )}
          </svg>
        )}
        {!hasData && width > 0 && <div className="adm-chart__empty">{p.emptyText}</div>}
        {hoverAt !== undefined && readings.length > 0 && (
          <div
            className="adm-chart__tip"
            style={{ left: Math.min(x(hoverAt) + 12, Math.max(M.left, width - 190)), top: M.top }}
            aria-hidden="true"
          >
            <div className="adm-chart__tip-time">{clock(hoverAt)}</div>
            {readings.map(({ s, point }) => (
              <div key={s.id} className="adm-chart__tip-row">
                <i style={{ background: s.color }} />
                <span>{s.label}</span>
                <b>{p.formatY(point!.v)}</b>
              </div>
            ))}
          </div>
        )}
      </div>
      {p.series.length > 0 && (
        <ul className="adm-legend">
          {p.series.map((s) => (
            <li key={s.id} className="adm-legend__item">
              <i className={`adm-legend__swatch ${s.dashed ? "adm-legend__swatch--dashed" : ""}`} style={{ color: s.color }} />
              <span className="adm-legend__label">{s.label}</span>
              <span className="adm-legend__value">{p.legendValue ? p.legendValue(s) : s.points.length ? p.formatY(s.points[s.points.length - 1].v) : "—"}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
