/** Axis helpers for the reuse-probability chart: a log-scaled y axis and an integer x axis. */

/** Exponent range of the y axis for the plotted probabilities and the target line. */
export interface LogDomain {
  /** Bottom of the axis: 10^minExp. */
  minExp: number;
  /** Top of the axis: 10^maxExp (0, i.e. probability 1). */
  maxExp: number;
}

/** The lowest decade shown; smaller (or underflowed 0) values sit on the bottom edge. */
export const MIN_EXP = -30;

/** Decades shown below the target's decade: what lies further down does not change a decision. */
export const DECADES_BELOW_TARGET = 3;

/**
 * From 1 down to the largest decade below every positive value, but no further than
 * DECADES_BELOW_TARGET decades below the target (the decades that matter around it; smaller values
 * sit on the bottom edge and the chart says so) unless a value in `mustShow` lies lower (the
 * recommended pool's figures), never lower than 10^floorExp and always at least
 * one decade tall. Without the cap a pool of 10 numbers at a tiny load spans 30 decades and the
 * curves near the target are squeezed into a few pixels.
 */
export function logDomain(values: readonly number[], target: number, floorExp = MIN_EXP, mustShow: readonly number[] = []): LogDomain {
  const validTarget = target > 0 && Number.isFinite(target);
  const lowest = (list: readonly number[], start: number) => {
    let min = start;
    for (const v of list) if (v > 0 && Number.isFinite(v) && v < min) min = v;
    return min;
  };
  let minExp = Math.min(-1, Math.floor(Math.log10(lowest(values, validTarget ? target : 1))));
  if (validTarget) minExp = Math.max(minExp, Math.floor(Math.log10(target)) - DECADES_BELOW_TARGET);
  // Values the reader must see (the recommended pool's figures) extend the axis if needed.
  minExp = Math.min(minExp, Math.floor(Math.log10(lowest(mustShow, 1))));
  return { minExp: Math.max(floorExp, Math.min(-1, minExp)), maxExp: 0 };
}

/** Maps a probability to a pixel position; values ≤ 0 or below the domain land on the bottom edge. */
export function logScale(domain: LogDomain, rangeBottom: number, rangeTop: number): (v: number) => number {
  const span = domain.maxExp - domain.minExp;
  return (v: number) => {
    const e = v > 0 && Number.isFinite(v) ? Math.log10(v) : domain.minExp;
    const t = (Math.min(domain.maxExp, Math.max(domain.minExp, e)) - domain.minExp) / span;
    return rangeBottom + (rangeTop - rangeBottom) * t;
  };
}

/**
 * Decade exponents to label, from the top (0) down, in steps of whole decades chosen so that at
 * most `maxTicks` labels appear. Always contains maxExp; contains minExp when the step divides the span.
 */
export function logTicks(domain: LogDomain, maxTicks = 7): number[] {
  const span = domain.maxExp - domain.minExp;
  const step = Math.max(1, Math.ceil(span / Math.max(1, maxTicks - 1)));
  const out: number[] = [];
  for (let e = domain.maxExp; e >= domain.minExp; e -= step) out.push(e);
  return out;
}

/** Maps a value linearly from [d0, d1] to [r0, r1]; a zero-width domain maps to the middle. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v: number) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

const STEPS = [1, 2, 5];

/** Whole-number ticks between lo and hi (inclusive) in steps of 1, 2, 5, 10, 20, 50 … */
export function integerTicks(lo: number, hi: number, maxTicks = 12): number[] {
  const a = Math.ceil(Math.min(lo, hi));
  const b = Math.floor(Math.max(lo, hi));
  if (b < a) return [];
  let step = 1;
  for (let k = 1; (b - a) / step + 1 > maxTicks; k++) step = (STEPS[k % 3] ?? 1) * 10 ** Math.floor(k / 3);
  const out: number[] = [];
  for (let v = Math.ceil(a / step) * step; v <= b; v += step) out.push(v);
  return out;
}
