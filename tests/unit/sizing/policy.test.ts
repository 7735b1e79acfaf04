import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZING, blankUser, createEmptyPlan, type Plan, type SharedCallingPolicy, type SizingInputs } from '../../../src/lib/domain/model.js';
import {
  MAX_LOAD,
  MAX_TABLE_ROWS,
  callbackPoolSize,
  effectiveSizing,
  erlangB,
  offeredLoad,
  policyUserCounts,
  poissonTail,
  poolingPenalty,
  recommendPoolSize,
  sanitizeSizing,
  sizePolicy,
  sizingInputProblems,
} from '../../../src/lib/sizing/index.js';

const inputs = (over: Partial<SizingInputs> = {}): SizingInputs => ({ ...DEFAULT_SIZING, ...over });

describe('sizePolicy', () => {
  it('sizes 1,000 users with the defaults (50 calls per 1,000 users a year, busy hour ×3)', () => {
    const s = sizePolicy(inputs(), 1000);
    const a = ((1000 * 50) / 1000 / 8760) * 3;
    expect(s.offeredLoad).toBeCloseTo(a, 15);
    expect(s.emergencyCallsPerHour).toBeCloseTo(a, 15);
    expect(s.reservationHours).toBe(1);
    expect(s.annualCalls).toBe(50);
    expect(s.modelSize).toBe(2);
    expect(s.recommended).toBe(2);
    expect(s.decidedBy).toBe('model');
    expect(s.rows.map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const r of s.rows) {
      expect(r.poissonTail).toBe(poissonTail(r.n, a));
      expect(r.erlangB).toBe(erlangB(r.n, a));
      expect(r.probability).toBe(r.poissonTail);
      expect(r.meetsTarget).toBe(r.n >= 2);
      expect(r.expectedReusesPerYear).toBeCloseTo(50 * r.poissonTail, 15);
      expect(r.reuseWithinYear).toBeCloseTo(1 - Math.exp(-50 * r.poissonTail), 14);
    }
  });

  it('keeps the digits of tiny yearly reuse probabilities (expm1)', () => {
    const s = sizePolicy(inputs(), 10);
    const last = s.rows.at(-1);
    expect(last?.expectedReusesPerYear).toBeGreaterThan(0);
    expect(last?.expectedReusesPerYear).toBeLessThan(1e-15);
    expect(last?.reuseWithinYear).toBeCloseTo(last?.expectedReusesPerYear ?? NaN, 30);
    expect((last?.reuseWithinYear ?? 0) / (last?.expectedReusesPerYear ?? 1)).toBeCloseTo(1, 12);
  });

  it('keeps at least one number, even with no users (§7.4.6)', () => {
    expect(sizePolicy(inputs(), 0).recommended).toBe(1);
    const none = sizePolicy(inputs({ target: 1, incidentFloor: 0 }), 0);
    expect(none.modelSize).toBe(0);
    expect(none.recommended).toBe(1);
    expect(none.decidedBy).toBe('minimum');
  });

  it('applies the incident floor (§7.4.4)', () => {
    const s = sizePolicy(inputs({ incidentFloor: 8 }), 1000);
    expect(s.modelSize).toBe(2);
    expect(s.recommended).toBe(8);
    expect(s.decidedBy).toBe('incidentFloor');
    expect(s.rows.at(-1)?.n).toBe(11);
    expect(sizePolicy(inputs({ incidentFloor: 2.5 }), 1000).recommended).toBe(3);
  });

  it('adds the mean call to the hold when asked (§7.5)', () => {
    const base = sizePolicy(inputs(), 5000);
    const longer = sizePolicy(inputs({ includeCallDuration: true, meanCallMinutes: 15 }), 5000);
    expect(longer.reservationHours).toBe(1.25);
    expect(longer.offeredLoad).toBeCloseTo(base.offeredLoad * 1.25, 15);
    expect(sizePolicy(inputs({ reservationMinutes: 30 }), 5000).offeredLoad).toBeCloseTo(base.offeredLoad / 2, 15);
  });

  it("direct mode: the admin's calls per hour plus test calls (§7.4.2)", () => {
    const s = sizePolicy(inputs({ mode: 'direct', callsPerHour: 0.5, testCallsPerHour: 0.5 }), 123);
    expect(s.offeredLoad).toBe(1);
    expect(s.emergencyCallsPerHour).toBe(0.5);
    expect(s.recommended).toBe(6); // §7.3 table: A = 1, ε = 0.1 %
    expect(s.annualCalls).toBe((0.5 * 8760) / 3); // busy-hour figure back to the yearly average
    expect(sizePolicy(inputs({ mode: 'direct', callsPerHour: 0.5, busyHourFactor: 1 }), 0).annualCalls).toBe(4380);
  });

  it('test calls load the pool in rate mode too', () => {
    expect(sizePolicy(inputs({ testCallsPerHour: 2 }), 0).offeredLoad).toBe(2);
    expect(sizePolicy(inputs({ testCallsPerHour: 2 }), 0).annualCalls).toBe(0);
  });

  it('uses Erlang B when asked (§7.4.3)', () => {
    const s = sizePolicy(inputs({ mode: 'direct', callsPerHour: 2, model: 'erlang-b' }), 0);
    expect(s.recommended).toBe(8); // §7.3 table: Erlang-B ε = 0.1 % at A = 2
    for (const r of s.rows) expect(r.probability).toBe(r.erlangB);
    expect(sizePolicy(inputs({ mode: 'direct', callsPerHour: 2 }), 0).recommended).toBe(9);
  });

  it('shows at most MAX_TABLE_ROWS rows around a large recommendation', () => {
    const s = sizePolicy(inputs({ mode: 'direct', callsPerHour: 10_000 }), 0);
    expect(s.recommended).toBe(callbackPoolSize(10_000, 0.001));
    expect(s.rows).toHaveLength(MAX_TABLE_ROWS);
    expect(s.rows.at(-1)?.n).toBe(s.recommended + 3);
    const at = (n: number) => s.rows.find((r) => r.n === n);
    expect(at(s.recommended)?.meetsTarget).toBe(true);
    expect(at(s.recommended - 1)?.meetsTarget).toBe(false);
    for (const r of s.rows) expect(r.erlangB).toBe(erlangB(r.n, 10_000));
  });

  it('throws RangeError for unusable inputs', () => {
    expect(() => sizePolicy(inputs(), -1)).toThrow(RangeError);
    expect(() => sizePolicy(inputs(), NaN)).toThrow(RangeError);
    expect(() => sizePolicy(inputs({ target: 0 }), 10)).toThrow(/target/);
    expect(() => sizePolicy(inputs({ busyHourFactor: 0 }), 10)).toThrow(RangeError);
    expect(() => sizePolicy(inputs({ mode: 'direct', callsPerHour: MAX_LOAD * 2 }), 10)).toThrow(/offered load/);
  });
});

describe('sizingInputProblems and sanitizeSizing', () => {
  it('accepts the defaults', () => {
    expect(sizingInputProblems(DEFAULT_SIZING)).toEqual([]);
    expect(sanitizeSizing(DEFAULT_SIZING)).toBe(DEFAULT_SIZING);
  });

  it('names each bad field and replaces it by its default', () => {
    const bad = inputs({
      target: 2,
      busyHourFactor: -1,
      callsPer1000UsersPerYear: NaN,
      model: 'gamma' as SizingInputs['model'],
      reservationMinutes: Infinity,
    });
    expect(
      sizingInputProblems(bad)
        .map((p) => p.field)
        .sort(),
    ).toEqual(['busyHourFactor', 'callsPer1000UsersPerYear', 'model', 'reservationMinutes', 'target'].sort());
    expect(sanitizeSizing(bad)).toEqual(DEFAULT_SIZING);
  });
});

function planWithPolicies(): { plan: Plan; a: SharedCallingPolicy; b: SharedCallingPolicy } {
  const plan = createEmptyPlan('p', 'Test', '2025-01-01T00:00:00Z');
  const a: SharedCallingPolicy = { id: 'a', name: 'A', description: '', resourceAccountId: null, callbackNumberIds: [], sizing: null };
  const b: SharedCallingPolicy = { ...a, id: 'b', name: 'B', sizing: { target: 0.01, incidentFloor: undefined } };
  plan.sharedCallingPolicies = [a, b];
  plan.users = Array.from({ length: 7 }, (_, i) => ({
    ...blankUser(`u${i}@x.com`, `U${i}`),
    sharedCallingPolicyId: i < 4 ? 'a' : i < 6 ? 'ghost' : null,
  }));
  return { plan, a, b };
}

describe('plan helpers', () => {
  it('effectiveSizing overlays the policy on the plan defaults, ignoring undefined overrides', () => {
    const { plan, a, b } = planWithPolicies();
    plan.sizingDefaults = { ...DEFAULT_SIZING, incidentFloor: 3 };
    expect(effectiveSizing(plan, a)).toEqual({ ...DEFAULT_SIZING, incidentFloor: 3 });
    expect(effectiveSizing(plan, b)).toEqual({ ...DEFAULT_SIZING, incidentFloor: 3, target: 0.01 });
  });

  it('effectiveSizing fills fields an older plan lacks from DEFAULT_SIZING', () => {
    const { plan, a } = planWithPolicies();
    const { testCallsPerHour: _dropped, ...partial } = DEFAULT_SIZING;
    plan.sizingDefaults = partial as SizingInputs; // simulates a plan file written before the field existed
    expect(effectiveSizing(plan, a)).toEqual(DEFAULT_SIZING);
  });

  it('policyUserCounts counts every policy, empty ones and unknown ids included', () => {
    const { plan } = planWithPolicies();
    expect([...policyUserCounts(plan)].sort()).toEqual([
      ['a', 4],
      ['b', 0],
      ['ghost', 2],
    ]);
  });

  it('recommendPoolSize = sizePolicy(effectiveSizing).recommended', () => {
    const { plan, a, b } = planWithPolicies();
    for (const users of [0, 10, 1000, 20_000, 100_000]) {
      expect(recommendPoolSize(plan, a, users)).toBe(sizePolicy(effectiveSizing(plan, a), users).recommended);
      expect(recommendPoolSize(plan, b, users)).toBe(sizePolicy(effectiveSizing(plan, b), users).recommended);
    }
  });

  it('recommendPoolSize never throws on admin-typed mistakes', () => {
    const { plan, a } = planWithPolicies();
    const bad: SharedCallingPolicy = { ...a, sizing: { target: -1, busyHourFactor: NaN } };
    expect(recommendPoolSize(plan, bad, 1000)).toBe(recommendPoolSize(plan, a, 1000));
    const huge: SharedCallingPolicy = { ...a, sizing: { mode: 'direct', callsPerHour: 1e12 } };
    expect(recommendPoolSize(plan, huge, 1)).toBe(callbackPoolSize(MAX_LOAD, DEFAULT_SIZING.target));
    expect(() => recommendPoolSize(plan, a, -1)).toThrow(RangeError);
  });
});

describe('poolingPenalty (§7.4.1)', () => {
  const perUser = inputs({ callsPer1000UsersPerYear: 1000, busyHourFactor: 1 });

  it('four policies of 5,000 users need more numbers than one pool of 20,000', () => {
    const p = poolingPenalty(perUser, [5000, 5000, 5000, 5000]);
    expect(p.loads).toHaveLength(4);
    for (const l of p.loads) expect(l).toBeCloseTo(5000 / 8760, 15);
    expect(p.pooledLoad).toBeCloseTo(20000 / 8760, 14);
    expect(p.perPolicy).toEqual([5, 5, 5, 5]);
    expect(p.separateTotal).toBe(20);
    expect(p.pooled).toBe(callbackPoolSize(p.pooledLoad, 0.001));
    expect(p.pooled).toBe(9);
    expect(p.extra).toBe(11);
  });

  it('one policy costs nothing extra; no policies need nothing', () => {
    expect(poolingPenalty(perUser, [1234]).extra).toBe(0);
    expect(poolingPenalty(perUser, [])).toEqual({ loads: [], perPolicy: [], separateTotal: 0, pooledLoad: 0, pooled: 0, extra: 0 });
  });

  it('every policy keeps its own floor and test calls', () => {
    const p = poolingPenalty(inputs({ incidentFloor: 3, testCallsPerHour: 0.1 }), [0, 0, 0]);
    expect(p.perPolicy).toEqual([3, 3, 3]);
    expect(p.pooledLoad).toBeCloseTo(0.3, 15);
    expect(p.pooled).toBe(4); // the test calls add up: A = 0.3 needs 4 at 0.1 % (§7.3 table)
    expect(p.extra).toBe(5);
  });

  it('direct mode shares the entered calls per hour out by users', () => {
    const p = poolingPenalty(inputs({ mode: 'direct', callsPerHour: 2, busyHourFactor: 1 }), [100, 300]);
    expect(p.loads).toEqual([0.5, 1.5]);
    expect(p.pooledLoad).toBe(2);
    expect(p.pooled).toBe(9);
    expect(p.perPolicy).toEqual([5, 7]);
    expect(offeredLoad(inputs({ mode: 'direct', callsPerHour: 2 }), 400)).toBe(p.pooledLoad);
  });

  it('throws RangeError on bad input', () => {
    expect(() => poolingPenalty(perUser, [-1])).toThrow(RangeError);
    expect(() => poolingPenalty(inputs({ target: NaN }), [1])).toThrow(RangeError);
  });
});
