import { describe, expect, it } from 'vitest';
import {
  MAX_CHART_POINTS,
  buildSizingChart,
  chartSeries,
  decadeLabel,
  integerTicks,
  linePath,
  logDomain,
  logScale,
  logTicks,
} from '../../../src/lib/sizing-chart/index.js';
import { erlangB, poissonTail } from '../../../src/lib/sizing/index.js';

describe('log scale', () => {
  it('domain runs from the decade below the smallest value (or target) up to 1', () => {
    // The decades that matter around the target: at most three below its decade (issue: sizing input).
    expect(logDomain([0.5, 3.9e-9, 0], 0.001)).toEqual({ minExp: -6, maxExp: 0 });
    expect(logDomain([0.5, 3.9e-5], 0.001)).toEqual({ minExp: -5, maxExp: 0 });
    expect(logDomain([0.5, 3.9e-9], 0.5)).toEqual({ minExp: -4, maxExp: 0 });
    expect(logDomain([0.5, 0.2], 0.01)).toEqual({ minExp: -2, maxExp: 0 });
    expect(logDomain([0.9], 0.5)).toEqual({ minExp: -1, maxExp: 0 });
    expect(logDomain([1e-200], 0.001)).toEqual({ minExp: -6, maxExp: 0 });
    expect(logDomain([1e-200], 1e-40)).toEqual({ minExp: -30, maxExp: 0 });
    // The recommended pool's figures are always on the axis.
    expect(logDomain([0.5, 3.9e-12], 0.001, -30, [9.4e-7])).toEqual({ minExp: -7, maxExp: 0 });
  });
  it('maps decades evenly and clamps 0 and out-of-range values to the edges', () => {
    const y = logScale({ minExp: -4, maxExp: 0 }, 400, 0);
    expect(y(1)).toBe(0);
    expect(y(1e-4)).toBe(400);
    expect(y(1e-2)).toBe(200);
    expect(y(0)).toBe(400);
    expect(y(1e-9)).toBe(400);
    expect(y(5)).toBe(0);
  });
  it('ticks: whole decades, at most maxTicks, top included', () => {
    expect(logTicks({ minExp: -4, maxExp: 0 })).toEqual([0, -1, -2, -3, -4]);
    const many = logTicks({ minExp: -21, maxExp: 0 }, 7);
    expect(many.length).toBeLessThanOrEqual(7);
    expect(many[0]).toBe(0);
    expect(many).toEqual([0, -4, -8, -12, -16, -20]);
  });
  it('decade labels', () => {
    expect(decadeLabel(0)).toBe('1');
    expect(decadeLabel(-1)).toBe('0.1');
    expect(decadeLabel(-3)).toBe('0.001');
    expect(decadeLabel(-9)).toBe('10⁻⁹');
  });
  it('integer ticks step 1, 2, 5, 10 …', () => {
    expect(integerTicks(1, 6)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(integerTicks(1, 20, 12)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(integerTicks(1, 50, 12)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50]);
    expect(integerTicks(3, 2)).toEqual([2, 3]);
    expect(integerTicks(2.5, 2.7)).toEqual([]);
  });
});

describe('chart geometry', () => {
  it('paths', () => {
    expect(linePath([])).toBe('');
    expect(
      linePath([
        { x: 1, y: 2 },
        { x: 3.25, y: 4 },
      ]),
    ).toBe('M1.0,2.0L3.3,4.0');
  });
  it('series uses the core functions', () => {
    const s = chartSeries(0.5, 1, 8);
    expect(s.map((p) => p.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const p of s) {
      expect(p.poisson).toBe(poissonTail(p.n, 0.5));
      expect(p.erlang).toBeCloseTo(erlangB(p.n, 0.5), 15);
    }
    expect(chartSeries(0.5, 1, 1000)).toHaveLength(MAX_CHART_POINTS);
    expect(chartSeries(0.5, 0, 2).map((p) => p.n)).toEqual([1, 2]);
  });
  it('places curves, target and markers inside the plot', () => {
    const g = buildSizingChart({ series: chartSeries(0.571, 1, 8), target: 0.001, current: 3, recommended: 6, width: 600, height: 300 });
    expect(g.poissonPath.startsWith('M')).toBe(true);
    expect(g.erlangPath.split('L')).toHaveLength(8);
    for (const p of [...g.poissonPoints, ...g.erlangPoints]) {
      expect(p.x).toBeGreaterThanOrEqual(g.plot.left);
      expect(p.x).toBeLessThanOrEqual(g.plot.right);
      expect(p.y).toBeGreaterThanOrEqual(g.plot.top);
      expect(p.y).toBeLessThanOrEqual(g.plot.bottom);
    }
    // Erlang B never exceeds the Poisson bound, so its curve is never above (smaller y = higher).
    g.poissonPoints.forEach((p, i) => expect(g.erlangPoints[i]!.y).toBeGreaterThanOrEqual(p.y - 1e-9));
    expect(g.targetY).toBeGreaterThan(g.plot.top);
    expect(g.targetY).toBeLessThan(g.plot.bottom);
    expect(g.currentX).not.toBeNull();
    expect(g.recommendedX).toBeGreaterThan(g.currentX ?? Infinity);
    expect(g.yTicks[0]).toEqual({ value: 0, pos: g.plot.top, label: '1' });
  });
  it('markers outside the range are left out; underflow is flagged as clipped', () => {
    const g = buildSizingChart({ series: chartSeries(1e-6, 1, 40), target: 0.001, current: 0, recommended: 50, width: 600, height: 300 });
    expect(g.currentX).toBeNull();
    expect(g.recommendedX).toBeNull();
    expect(g.clipped).toBe(true);
  });
});

describe('curves below the axis (issue: sizing input)', () => {
  it('a curve stops at its first point below the axis instead of running along the bottom edge', () => {
    const series = chartSeries(0.01, 1, 12);
    const g = buildSizingChart({ series, target: 0.001, current: 3, recommended: 2, width: 640, height: 300 });
    expect(g.domain.minExp).toBe(-6);
    // P(Poisson(0.01) ≥ n) is about 1e-2, 5e-5, 1.7e-7 …: the third point is the first below 1e-6.
    expect(g.poissonPoints.map((p) => p.n)).toEqual([1, 2, 3]);
    // With pool 3 recommended its figure (1.7e-7) extends the axis to 10⁻⁷.
    expect(buildSizingChart({ series, target: 0.001, current: 3, recommended: 3, width: 640, height: 300 }).domain.minExp).toBe(-7);
    expect(g.poissonPoints.at(-1)?.y).toBe(g.plot.bottom);
    expect(g.clipped).toBe(true);
  });
});
