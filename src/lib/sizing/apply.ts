/**
 * "Apply the recommendation": add qualifying callback numbers (EN3, EN4, EN6, EN7, via
 * callbackFit and the holder index) to a policy until it reaches the recommended pool size.
 */
import type { Id, Plan } from '../domain/model.js';
import { callbackNumbersToAdd } from './qualifying.js';

export function applyRecommendedCallbacks(plan: Plan, policyId: Id, wanted: number): { plan: Plan; added: string[] } {
  const p = plan.sharedCallingPolicies.find((x) => x.id === policyId);
  if (!p) return { plan, added: [] };
  const nums = callbackNumbersToAdd(plan, p, wanted);
  if (nums.length === 0) return { plan, added: [] };
  const ids = nums.map((n) => n.id);
  return {
    plan: {
      ...plan,
      sharedCallingPolicies: plan.sharedCallingPolicies.map((x) => (x.id === policyId ? { ...x, callbackNumberIds: [...x.callbackNumberIds, ...ids] } : x)),
    },
    added: nums.map((n) => n.e164),
  };
}
