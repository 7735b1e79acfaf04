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

describe('poolStatus: one pool status for EN9 and both sizing panels', () => {
  it('agrees with the EN9 check on every policy of the sample and of a short pool', async () => {
    const { checkPlan, createSamplePlan, poolStatus, policyUserCounts } = await import('../../../src/lib/index.js');
    const base = createSamplePlan();
    const short = { ...base, sharedCallingPolicies: base.sharedCallingPolicies.map((p) => ({ ...p, callbackNumberIds: p.callbackNumberIds.slice(0, 1) })) };
    for (const plan of [base, short]) {
      const en9 = new Set(
        checkPlan(plan)
          .filter((f) => f.rule === 'EN9')
          .map((f) => f.subjectId),
      );
      const counts = policyUserCounts(plan);
      for (const p of plan.sharedCallingPolicies) {
        const s = poolStatus(plan, p, counts.get(p.id) ?? 0);
        expect(s.configured).toBe(new Set(p.callbackNumberIds).size);
        expect(en9.has(p.id)).toBe(s.short > 0 && s.users > 0);
        expect(s.state === 'enough').toBe(s.short === 0);
      }
    }
  });
});
