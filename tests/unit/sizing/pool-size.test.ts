import { describe, expect, it } from 'vitest';
import { MAX_LOAD, callbackPoolSize, erlangB, poissonTail } from '../../../src/lib/sizing/index.js';

describe('callbackPoolSize', () => {
  it('defaults to the Poisson criterion (§7.4.3)', () => {
    expect(callbackPoolSize(5, 0.01)).toBe(12);
    expect(callbackPoolSize(5, 0.01, 'erlang-b')).toBe(11);
  });

  it('load 0 needs one number for any target below 1; target 1 needs none', () => {
    expect(callbackPoolSize(0, 0.001)).toBe(1);
    expect(callbackPoolSize(0, 1e-300, 'erlang-b')).toBe(1);
    expect(callbackPoolSize(0, 1)).toBe(0);
    expect(callbackPoolSize(3, 1, 'erlang-b')).toBe(0);
  });

  it('handles load 10,000 and tiny targets quickly', () => {
    const t0 = performance.now();
    const n = callbackPoolSize(10_000, 1e-3);
    expect(poissonTail(n, 10_000)).toBeLessThanOrEqual(1e-3);
    expect(poissonTail(n - 1, 10_000)).toBeGreaterThan(1e-3);
    expect(n).toBe(10_311);
    const m = callbackPoolSize(10_000, 1e-300);
    expect(poissonTail(m, 10_000)).toBeLessThanOrEqual(1e-300);
    expect(poissonTail(m - 1, 10_000)).toBeGreaterThan(1e-300);
    const e = callbackPoolSize(10_000, 1e-3, 'erlang-b');
    expect(erlangB(e, 10_000)).toBeLessThanOrEqual(1e-3);
    expect(erlangB(e - 1, 10_000)).toBeGreaterThan(1e-3);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(callbackPoolSize(0.001, 1e-300)).toBe(68);
    expect(callbackPoolSize(MAX_LOAD, 0.5)).toBeGreaterThan(MAX_LOAD);
  });

  it('throws RangeError for invalid input', () => {
    expect(() => callbackPoolSize(-1, 0.01)).toThrow(RangeError);
    expect(() => callbackPoolSize(NaN, 0.01)).toThrow(RangeError);
    expect(() => callbackPoolSize(Infinity, 0.01)).toThrow(RangeError);
    expect(() => callbackPoolSize(1, 0)).toThrow(RangeError);
    expect(() => callbackPoolSize(1, -0.1)).toThrow(RangeError);
    expect(() => callbackPoolSize(1, 1.5)).toThrow(RangeError);
    expect(() => callbackPoolSize(1, NaN)).toThrow(RangeError);
    expect(() => callbackPoolSize(1, 0.01, 'normal' as 'poisson')).toThrow(/model/);
  });
});
