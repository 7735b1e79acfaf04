/**
 * Geometry of the reuse-probability chart (shared-calling.md §7.2, §7.3): both models' curves
 * against pool size on a log y axis, the target as a horizontal line, the current and recommended
 * pool sizes as vertical markers. Pure: the Svelte component only draws what this returns.
 */
import { erlangBSeries, poissonTail } from '../sizing/index.js';
import { formatProbability, scientific } from './format.js';
import { integerTicks, linearScale, logDomain, logScale, logTicks, type LogDomain } from './scale.js';

export interface SeriesPoint {
  n: number;
  /** P(Poisson(A) ≥ n), the conservative upper bound. */
  poisson: number;
  /** Erlang B, the optimistic figure. */
  erlang: number;
}

/** Most points drawn; the x axis stops here even when the current pool is larger. */
export const MAX_CHART_POINTS = 60;

/** Both models for pool sizes from…to at offered load `load` (same core functions as the table). */
export function chartSeries(load: number, from: number, to: number): SeriesPoint[] {
  const lo = Math.max(1, Math.floor(from));
  const hi = Math.min(Math.max(lo, Math.floor(to)), lo + MAX_CHART_POINTS - 1);
  const erl = erlangBSeries(lo, hi, load);
  const out: SeriesPoint[] = [];
  for (let n = lo; n <= hi; n++) out.push({ n, poisson: poissonTail(n, load), erlang: erl[n - lo] ?? 0 });
  return out;
}

/** "M10.0,20.0L30.0,40.0…" from points in drawing order; empty for no points. */
export function linePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
}

export interface ChartInput {
  series: readonly SeriesPoint[];
  target: number;
  /** Callback numbers configured today (drawn when inside the x range). */
  current: number;
  recommended: number;
  width: number;
  height: number;
}

export interface ChartTick {
  value: number;
  pos: number;
  label: string;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  domain: LogDomain;
  xTicks: ChartTick[];
  yTicks: ChartTick[];
  poissonPath: string;
  erlangPath: string;
  poissonPoints: { n: number; x: number; y: number; p: number }[];
  erlangPoints: { n: number; x: number; y: number; p: number }[];
  targetY: number;
  currentX: number | null;
  recommendedX: number | null;
  /** Some plotted value lies below the bottom of the axis and sits on the edge. */
  clipped: boolean;
}

const MARGIN = { left: 64, right: 16, top: 14, bottom: 44 };

/** Tick label for a decade: 10⁰ is "1", 10⁻¹ "0.1", 10⁻² "0.01", smaller ones "10⁻ⁿ". */
export function decadeLabel(exp: number): string {
  if (exp === 0) return '1';
  if (exp >= -3) return formatProbability(10 ** exp);
  return scientific(10 ** exp).replace(/^1\.0 × /, '');
}

export function buildSizingChart(input: ChartInput): ChartGeometry {
  const { series, target, current, recommended, width, height } = input;
  const plot = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const values = series.flatMap((s) => [s.poisson, s.erlang]);
  // The recommended pool is the decision the chart explains: its figures are always on the axis.
  const rec = series.find((s) => s.n === recommended);
  const domain = logDomain(values, target, undefined, rec ? [rec.poisson, rec.erlang] : []);
  const y = logScale(domain, plot.bottom, plot.top);
  const first = series[0]?.n ?? 1;
  const last = series.at(-1)?.n ?? first;
  // Half a step of padding on either side keeps the end markers off the axes.
  const x = linearScale(first - 0.5, last + 0.5, plot.left, plot.right);
  const bottomValue = 10 ** domain.minExp;
  const clipped = values.some((v) => v < bottomValue);
  // A curve stops at the first point below the axis (drawn on the bottom edge): running on along
  // the edge, both curves would merge into one flat line that means nothing.
  const pts = (key: 'poisson' | 'erlang') => {
    const out: { n: number; x: number; y: number; p: number }[] = [];
    for (const s of series) {
      out.push({ n: s.n, x: x(s.n), y: y(s[key]), p: s[key] });
      if (!(s[key] >= bottomValue)) break;
    }
    return out;
  };
  const poissonPoints = pts('poisson');
  const erlangPoints = pts('erlang');
  const inRange = (n: number) => n >= first && n <= last && series.length > 0;
  return {
    width,
    height,
    plot,
    domain,
    xTicks: integerTicks(first, last, Math.max(2, Math.floor((plot.right - plot.left) / 36))).map((n) => ({ value: n, pos: x(n), label: String(n) })),
    // Every decade labelled while the axis spans up to 8 (the usual case once it is capped near the target).
    yTicks: logTicks(domain, 9).map((e) => ({ value: e, pos: y(10 ** e), label: decadeLabel(e) })),
    poissonPath: linePath(poissonPoints),
    erlangPath: linePath(erlangPoints),
    poissonPoints,
    erlangPoints,
    targetY: y(target),
    currentX: inRange(current) ? x(current) : null,
    recommendedX: inRange(recommended) ? x(recommended) : null,
    clipped,
  };
}
