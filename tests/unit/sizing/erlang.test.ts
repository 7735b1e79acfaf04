import { describe, expect, it } from 'vitest';
import { erlangB, erlangBSeries, poissonTail } from '../../../src/lib/sizing/index.js';
import { dec, reference, relErr } from './exact.js';

const POINTS: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['1e-100', [1, 2, 3]],
  ['0.001', [1, 4, 50]],
  ['0.1', [1, 2]],
  ['1', [1, 5, 150]],
  ['5', [8, 11, 14]],
  ['1000', [1, 500, 1000, 1100, 1400]],
  ['10000', [1, 5000, 10000, 10500, 12000, 13000, 20000]],
];

describe('erlangB against exact BigInt references', () => {
  it('has relative error ≤ 1e-9 (goal 1e-12)', () => {
    let worst = { err: 0, at: '' };
    for (const [load, ns] of POINTS) {
      const ref = reference(dec(load), Math.max(...ns));
      for (const n of ns) {
        const want = ref.erlangB(n);
        const got = erlangB(n, Number(load));
        if (want < 1e-300) {
          expect(got, `n=${n} load=${load}`).toBeLessThan(1e-300);
          continue;
        }
        const err = relErr(got, want);
        expect(err, `n=${n} load=${load}: got ${got}, want ${want}`).toBeLessThanOrEqual(1e-9);
        if (err > worst.err) worst = { err, at: `n=${n} load=${load}` };
      }
    }
    console.info(`erlangB: max relative error ${worst.err.toExponential(2)} at ${worst.at}`);
    expect(worst.err).toBeLessThan(1e-12);
  });

  it('edge cases', () => {
    expect(erlangB(0, 0)).toBe(1);
    expect(erlangB(0, 5)).toBe(1);
    expect(erlangB(3, 0)).toBe(0);
    expect(erlangB(1, 0.1)).toBeCloseTo(0.1 / 1.1, 16);
    expect(erlangB(20000, 10000)).toBe(0); // underflows, no NaN
    expect(erlangB(1e300, 1)).toBe(0); // stops as soon as it underflows
  });

  it('erlangBSeries equals erlangB row by row', () => {
    const s = erlangBSeries(3, 12, 4.5);
    expect(s).toHaveLength(10);
    s.forEach((v, i) => expect(v).toBe(erlangB(i + 3, 4.5)));
    expect(erlangBSeries(0, 2, 0)).toEqual([1, 0, 0]);
  });

  it('stays below the Poisson tail (§7.2 planning band)', () => {
    for (const load of [0.01, 0.5, 2, 50, 1000]) for (let n = 1; n < 40; n++) expect(erlangB(n, load)).toBeLessThanOrEqual(poissonTail(n, load));
  });

  it('throws RangeError for invalid input', () => {
    for (const [n, load] of [
      [-1, 1],
      [0.5, 1],
      [NaN, 1],
      [1, -0.1],
      [1, NaN],
      [Infinity, 1],
      [1, Infinity],
    ] as const)
      expect(() => erlangB(n, load)).toThrow(RangeError);
  });
});
