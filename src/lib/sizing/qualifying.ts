/**
 * Which of the plan's numbers may be added to a policy's emergency callback list
 * (shared-calling.md §2.8, §7.4.5). Used by "apply the recommendation".
 */
import type { NumberKind, Plan, PhoneNumber, SharedCallingPolicy } from '../domain/model.js';
import { callbackFit } from '../checks/callback-fit.js';
import { anyHolder } from '../domain/holders.js';

/**
 * The callback kind a resource-account number demands. EN3: behind a Calling Plan service number
 * only Calling Plan *subscriber* numbers qualify; EN2: the same for a toll-free service number
 * (whose policy cannot fall back to the RA number at all). EN4: OC with OC, DR with DR.
 * A subscriber number on a resource account is itself invalid (RA1/RA4), so nothing qualifies.
 */
export function requiredCallbackKind(raKind: NumberKind): NumberKind | null {
  switch (raKind) {
    case 'callingPlanService':
    case 'callingPlanTollFreeService':
      return 'callingPlanSubscriber';
    case 'operatorConnect':
      return 'operatorConnect';
    case 'directRouting':
      return 'directRouting';
    case 'callingPlanSubscriber':
      return null;
  }
}

/**
 * Free numbers that could become callback numbers of `policy`, in the plan's order:
 * - same kind rule as the resource account's number (EN3, EN4, see requiredCallbackKind);
 * - same country as the resource account's number (EN4);
 * - not on any resource account and not any user's current number (EN6);
 * - not in any policy's callback list, this one's included (EN7: one policy per number).
 * Empty when the policy has no resource account or its account has no number yet.
 */
export function qualifyingCallbackNumbers(plan: Plan, policy: SharedCallingPolicy): PhoneNumber[] {
  const ra = plan.resourceAccounts.find((r) => r.id === policy.resourceAccountId);
  if (!ra || ra.numberId === null) return [];
  const raNumber = plan.numbers.find((n) => n.id === ra.numberId);
  if (!raNumber) return [];
  if (requiredCallbackKind(raNumber.kind) === null) return [];

  const taken = new Set<string>();
  for (const r of plan.resourceAccounts) if (r.numberId !== null) taken.add(r.numberId);
  for (const p of plan.sharedCallingPolicies) for (const id of p.callbackNumberIds) taken.add(id);
  return plan.numbers.filter(
    (n) =>
      // EN3, EN4: the one rule the checks and the policy editor use too.
      callbackFit(raNumber, n).fits &&
      !taken.has(n.id) &&
      // EN6: no user may hold the digits, not even as an extension number.
      anyHolder(plan, n.e164) === undefined,
  );
}

/**
 * The numbers to add so the policy reaches `wanted` callback numbers (the recommendation), taken
 * from the front of `qualifyingCallbackNumbers`. May return fewer when the plan runs short.
 */
export function callbackNumbersToAdd(plan: Plan, policy: SharedCallingPolicy, wanted: number): PhoneNumber[] {
  const missing = Math.max(0, Math.ceil(wanted) - policy.callbackNumberIds.length);
  if (missing === 0) return [];
  return qualifyingCallbackNumbers(plan, policy).slice(0, missing);
}
