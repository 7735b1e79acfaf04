/**
 * The sizing panel shows sizePolicy(effectiveSizing(plan, p), users).recommended; the readiness
 * check EN9 uses recommendPoolSize. They must never disagree.
 */
import { describe, expect, it } from 'vitest';
import {
  createSamplePlan,
  effectiveSizing,
  policyUserCounts,
  recommendPoolSize,
  sizePolicy,
  sizingInputProblems,
  type Plan,
  type SizingInputs,
} from '../../../src/lib/index.js';

function withSizing(plan: Plan, defaults: Partial<SizingInputs>, perPolicy: Partial<SizingInputs> | null = null): Plan {
  return {
    ...plan,
    sizingDefaults: { ...plan.sizingDefaults, ...defaults },
    sharedCallingPolicies: plan.sharedCallingPolicies.map((p, i) => (i === 0 ? { ...p, sizing: perPolicy } : p)),
  };
}

const variations: [string, Plan][] = [
  ['sample plan', createSamplePlan()],
  ['target 1%', withSizing(createSamplePlan(), { target: 0.01 })],
  ['target 0.01%, Erlang B', withSizing(createSamplePlan(), { target: 0.0001, model: 'erlang-b' })],
  ['incident floor 5', withSizing(createSamplePlan(), { incidentFloor: 5 })],
  ['direct 2 calls an hour', withSizing(createSamplePlan(), { mode: 'direct', callsPerHour: 2 })],
  ['test calls and call duration', withSizing(createSamplePlan(), { testCallsPerHour: 0.5, includeCallDuration: true, meanCallMinutes: 20 })],
  ['high rate, per-policy override', withSizing(createSamplePlan(), { callsPer1000UsersPerYear: 5000 }, { target: 0.00001, busyHourFactor: 10 })],
  ['no incident floor, target 100%', withSizing(createSamplePlan(), { incidentFloor: 0, target: 1 })],
];

describe('panel recommendation = readiness check recommendation (EN9)', () => {
  for (const [name, plan] of variations) {
    it(name, () => {
      const counts = policyUserCounts(plan);
      for (const p of plan.sharedCallingPolicies) {
        const inputs = effectiveSizing(plan, p);
        expect(sizingInputProblems(inputs)).toEqual([]);
        const users = counts.get(p.id) ?? 0;
        expect(sizePolicy(inputs, users).recommended).toBe(recommendPoolSize(plan, p, users));
      }
    });
  }
  it('a larger policy (users × 100)', () => {
    const plan = createSamplePlan();
    const p = plan.sharedCallingPolicies[0]!;
    for (const users of [0, 1, 80, 8000, 100_000]) {
      expect(sizePolicy(effectiveSizing(plan, p), users).recommended).toBe(recommendPoolSize(plan, p, users));
    }
  });
});
