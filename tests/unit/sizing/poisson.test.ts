import { describe, expect, it } from 'vitest';
import { MAX_LOAD, poissonTail } from '../../../src/lib/sizing/index.js';
import { dec, reference, relErr } from './exact.js';

/** (load as exact decimal, n values): tails from ~1 down to ~1e-300 (§7.2 "Numerical evaluation"). */
const POINTS: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['1e-300', [1, 2]],
  ['1e-100', [1, 2, 3]],
  ['1e-10', [1, 2, 5]],
  ['0.001', [1, 2, 3, 4, 10, 50, 90]],
  ['0.1', [1, 2, 3, 40]],
  ['0.5', [1, 2, 3, 30, 100]],
  ['1', [1, 2, 3, 5, 20, 100, 150, 166]],
  ['2.28', [1, 2, 3, 4, 10]],
  ['5', [1, 5, 8, 12, 14, 16, 100]],
  ['12.5', [3, 12, 13, 60]],
  ['50', [1, 49, 50, 51, 100, 300]],
  ['123.456', [100, 123, 124, 200, 500]],
  ['500', [100, 480, 500, 501, 520, 700, 1500]],
  ['1000', [900, 999, 1000, 1001, 1200, 1400, 1700, 2300]],
  ['7777.7', [7700, 7777, 7778, 8000, 9000]],
  ['10000', [1, 9000, 9900, 9999, 10000, 10001, 10100, 10500, 11000, 14000]],
];

describe('poissonTail against exact BigInt references', () => {
  it('has relative error ≤ 1e-9 (goal 1e-12) for tails from ~1 down to 1e-300', () => {
    let worst = { err: 0, at: '' };
    let smallest = 1;
    for (const [load, ns] of POINTS) {
      const ref = reference(dec(load), Math.max(...ns));
      for (const n of ns) {
        const want = ref.tail(n);
        if (want < 1e-300) continue; // the double range ends here; see the subnormal test below
        smallest = Math.min(smallest, want);
        const got = poissonTail(n, Number(load));
        const err = relErr(got, want);
        expect(err, `n=${n} load=${load}: got ${got}, want ${want}`).toBeLessThanOrEqual(1e-9);
        if (err > worst.err) worst = { err, at: `n=${n} load=${load}` };
      }
    }
    console.info(`poissonTail: max relative error ${worst.err.toExponential(2)} at ${worst.at}; smallest tail checked ${smallest.toExponential(2)}`);
    expect(worst.err).toBeLessThan(1e-12);
    expect(smallest).toBeLessThan(1e-298);
  });

  it('matches the worked points of the brief', () => {
    // §7.2: P(Poisson(0.001) ≥ 4) is about 4.2e-14, which 1 − sum cannot resolve.
    expect(poissonTail(4, 0.001)).toBeCloseTo(4.1633e-14, 17);
    expect(relErr(poissonTail(150, 1), reference(dec('1'), 150).tail(150))).toBeLessThan(1e-12);
    expect(poissonTail(100, 500)).toBe(1);
    expect(poissonTail(10000, 10000)).toBeCloseTo(0.5013298083399552, 13);
  });

  it('goes to 0 without NaN below the double range', () => {
    expect(relErr(poissonTail(1, 1e-300), 1e-300)).toBeLessThan(1e-13);
    expect(poissonTail(2, 1e-300)).toBe(0); // 5e-601 is not representable: a clean 0, not NaN
    expect(poissonTail(2500, 1000)).toBe(0);
    expect(poissonTail(20000, 10000)).toBe(0);
    const sub = poissonTail(14000, 10000); // ≈ 2.86e-311, subnormal: only the order of magnitude survives
    expect(sub).toBeGreaterThan(2.8e-311);
    expect(sub).toBeLessThan(2.9e-311);
  });
});

describe('poissonTail edge cases', () => {
  it('load 0: 1 for n = 0, 0 otherwise', () => {
    expect(poissonTail(0, 0)).toBe(1);
    expect(poissonTail(1, 0)).toBe(0);
    expect(poissonTail(1000, 0)).toBe(0);
  });

  it('n = 0 is certain at any load', () => {
    for (const load of [0, 1e-300, 1, 10000, MAX_LOAD]) expect(poissonTail(0, load)).toBe(1);
  });

  it('n = 1 is 1 − e^{−load}, computed without cancellation for tiny loads', () => {
    expect(relErr(poissonTail(1, 1e-20), 1e-20)).toBeLessThan(1e-14);
    expect(relErr(poissonTail(1, 0.1), -Math.expm1(-0.1))).toBeLessThan(1e-15);
    expect(poissonTail(1, 10000)).toBe(1);
  });

  it('huge n is 0 and cheap', () => {
    const t0 = performance.now();
    for (const n of [1e6, 2 ** 53 - 1, 1e300, Number.MAX_VALUE]) expect(poissonTail(n, 10000)).toBe(0);
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('the largest load is fine', () => {
    const x = poissonTail(MAX_LOAD, MAX_LOAD);
    expect(x).toBeGreaterThan(0.5);
    expect(x).toBeLessThan(0.501);
  });

  it('throws RangeError for invalid input', () => {
    const bad: Array<[number, number]> = [
      [-1, 1],
      [1.5, 1],
      [NaN, 1],
      [Infinity, 1],
      [1, -1],
      [1, NaN],
      [1, Infinity],
      [1, -Infinity],
      [1, MAX_LOAD * 2],
    ];
    for (const [n, load] of bad) expect(() => poissonTail(n, load), `n=${n} load=${load}`).toThrow(RangeError);
    expect(() => poissonTail('3' as unknown as number, 1)).toThrow(RangeError);
    expect(() => poissonTail(1.5, 1)).toThrow(/whole number/);
    expect(() => poissonTail(1, -2)).toThrow(/calls per hour/);
  });
});
