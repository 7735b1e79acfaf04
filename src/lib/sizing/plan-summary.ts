/**
 * Every Shared Calling policy's pool sizing in one list, for documents (workbook Sizing sheet,
 * design document): the same sizePolicy figures the Sizing screen shows (shared-calling.md §7.3,
 * §7.4; each policy is a pool of its own, EN7).
 */
import type { Plan, SharedCallingPolicy, SizingInputs } from '../domain/model.js';
import { sizingInputProblems } from './inputs.js';
import { effectiveSizing, policyUserCounts } from './plan.js';
import { sizePolicy, type PolicySizing } from './policy.js';

export interface PolicySizingSummary {
  policy: SharedCallingPolicy;
  users: number;
  inputs: SizingInputs;
  /** Callback numbers configured in the policy today (EN9). */
  current: number;
  /** null when the inputs cannot be sized (see problem). */
  sizing: PolicySizing | null;
  /** Why there is no sizing: the input problems or the load limit, in words. */
  problem: string;
}

export function planSizingSummary(plan: Plan): PolicySizingSummary[] {
  const counts = policyUserCounts(plan);
  return plan.sharedCallingPolicies.map((policy) => {
    const users = counts.get(policy.id) ?? 0;
    const inputs = effectiveSizing(plan, policy);
    const base = { policy, users, inputs, current: policy.callbackNumberIds.length };
    const problems = sizingInputProblems(inputs);
    if (problems.length > 0) return { ...base, sizing: null, problem: problems.map((p) => p.message).join(' ') };
    try {
      return { ...base, sizing: sizePolicy(inputs, users), problem: '' };
    } catch (e) {
      // Only a load above MAX_LOAD gets here: the inputs were checked above.
      return { ...base, sizing: null, problem: e instanceof Error ? e.message : String(e) };
    }
  });
}

export const DECIDED_BY_WORDS: Record<PolicySizing['decidedBy'], string> = {
  model: 'the probability target',
  incidentFloor: 'the incident floor',
  minimum: 'the minimum of one number',
};
