/** Property tests (fast-check) for the sizing maths. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callbackPoolSize, erlangB, poissonTail } from '../../../src/lib/sizing/index.js';

/** Rounding slack for comparisons between two independently computed values (~1e-13 relative error each). */
const SLACK = 1 + 1e-12;
/** Below the normal double range (subnormals) results carry no relative precision. */
const TINY = 1e-300;

const load = fc.oneof(
  fc.double({ min: 0, max: 10_000, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 0, max: 10, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 1e-300, 1e-10, 0.001, 1, 1000, 10_000),
);
const count = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 15_000 }));
const target = fc.double({ min: -300, max: -0.01, noNaN: true }).map((e) => 10 ** e);

describe('sizing properties', () => {
  it('values lie in [0, 1] and are never NaN', () => {
    fc.assert(
      fc.property(count, load, (n, a) => {
        const t = poissonTail(n, a);
        const e = erlangB(n, a);
        return t >= 0 && t <= 1 && e >= 0 && e <= 1;
      }),
    );
  });

  it('are non-increasing in n', () => {
    fc.assert(
      fc.property(count, load, (n, a) => {
        expect(poissonTail(n + 1, a)).toBeLessThanOrEqual(poissonTail(n, a));
        expect(erlangB(n + 1, a)).toBeLessThanOrEqual(erlangB(n, a));
      }),
    );
  });

  it('are non-decreasing in load', () => {
    fc.assert(
      fc.property(count, load, load, (n, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(poissonTail(n, lo)).toBeLessThanOrEqual(poissonTail(n, hi) * SLACK + TINY);
        expect(erlangB(n, lo)).toBeLessThanOrEqual(erlangB(n, hi) * SLACK + TINY);
      }),
    );
  });

  it('Erlang B never exceeds the Poisson tail (§7.2 planning band)', () => {
    fc.assert(
      fc.property(count, load, (n, a) => {
        expect(erlangB(n, a)).toBeLessThanOrEqual(poissonTail(n, a) * SLACK + TINY);
      }),
    );
  });

  it('callbackPoolSize is the smallest n meeting the target, and Erlang B never asks for more', () => {
    fc.assert(
      fc.property(load, target, (a, eps) => {
        const n = callbackPoolSize(a, eps);
        expect(poissonTail(n, a)).toBeLessThanOrEqual(eps);
        if (n > 0) expect(poissonTail(n - 1, a)).toBeGreaterThan(eps);
        const m = callbackPoolSize(a, eps, 'erlang-b');
        expect(erlangB(m, a)).toBeLessThanOrEqual(eps);
        if (m > 0) expect(erlangB(m - 1, a)).toBeGreaterThan(eps);
        expect(m).toBeLessThanOrEqual(n);
      }),
      { numRuns: 200 },
    );
  });

  it('callbackPoolSize is non-decreasing in load and non-increasing in target', () => {
    fc.assert(
      fc.property(load, load, target, target, (x, y, e1, e2) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const [tight, loose] = e1 <= e2 ? [e1, e2] : [e2, e1];
        expect(callbackPoolSize(lo, tight)).toBeLessThanOrEqual(callbackPoolSize(hi, tight));
        expect(callbackPoolSize(lo, loose)).toBeLessThanOrEqual(callbackPoolSize(lo, tight));
      }),
      { numRuns: 200 },
    );
  });
});
