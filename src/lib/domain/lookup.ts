/** Id lookups for a plan, built once per plan value (plans are immutable, so a WeakMap caches them). */
import type {
  AutoAttendant,
  EmergencyCallRoutingPolicy,
  Id,
  NumberUse,
  PhoneNumber,
  Plan,
  ResourceAccount,
  SharedCallingPolicy,
  Site,
  VoiceRoutingPolicy,
} from './model.js';
import { numberHolders } from './holders.js';

export interface PlanIndex {
  sites: Map<Id, Site>;
  numbers: Map<Id, PhoneNumber>;
  numbersByE164: Map<string, PhoneNumber>;
  resourceAccounts: Map<Id, ResourceAccount>;
  autoAttendants: Map<Id, AutoAttendant>;
  sharedCallingPolicies: Map<Id, SharedCallingPolicy>;
  emergencyPolicies: Map<Id, EmergencyCallRoutingPolicy>;
  voiceRoutingPolicies: Map<Id, VoiceRoutingPolicy>;
}

/** Id → object. Should an id (or number) ever repeat, the first one wins, as everywhere else. */
function byId<T extends { id: Id }>(list: readonly T[]): Map<Id, T> {
  const map = new Map<Id, T>();
  for (const item of list) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}
const cache = new WeakMap<Plan, PlanIndex>();

export function planIndex(plan: Plan): PlanIndex {
  let idx = cache.get(plan);
  if (!idx) {
    idx = {
      sites: byId(plan.sites),
      numbers: byId(plan.numbers),
      numbersByE164: (() => {
        const map = new Map<string, PhoneNumber>();
        for (const n of plan.numbers) if (!map.has(n.e164)) map.set(n.e164, n);
        return map;
      })(),
      resourceAccounts: byId(plan.resourceAccounts),
      autoAttendants: byId(plan.autoAttendants),
      sharedCallingPolicies: byId(plan.sharedCallingPolicies),
      emergencyPolicies: byId(plan.emergencyPolicies),
      voiceRoutingPolicies: byId(plan.voiceRoutingPolicies),
    };
    cache.set(plan, idx);
  }
  return idx;
}

/**
 * What each inventory number is used for, derived from the references in the plan. A number can
 * have several uses (that is a finding: EN6, EN7); the list keeps them all.
 */
export function numberUses(plan: Plan): Map<Id, NumberUse[]> {
  const uses = new Map<Id, NumberUse[]>();
  const add = (id: Id | null, use: NumberUse) => {
    if (!id) return;
    const list = uses.get(id);
    if (list) list.push(use);
    else uses.set(id, [use]);
  };
  for (const ra of plan.resourceAccounts) add(ra.numberId, 'resourceAccount');
  for (const p of plan.sharedCallingPolicies) for (const n of p.callbackNumberIds) add(n, 'callback');
  const byE164 = planIndex(plan).numbersByE164;
  // A user's `;ext=` number may reuse the resource account's digits (V3): not a separate use.
  for (const [base, h] of numberHolders(plan)) {
    const n = h.own ? byE164.get(base) : undefined;
    if (n) add(n.id, 'user');
  }
  return uses;
}

/** The number of users per Shared Calling policy, site, emergency and voice routing policy. */
export function assignmentCounts(plan: Plan) {
  const count = (key: 'sharedCallingPolicyId' | 'siteId' | 'emergencyPolicyId' | 'voiceRoutingPolicyId') => {
    const m = new Map<Id | null, number>();
    for (const u of plan.users) m.set(u[key], (m.get(u[key]) ?? 0) + 1);
    return m;
  };
  return {
    bySharedCallingPolicy: count('sharedCallingPolicyId'),
    bySite: count('siteId'),
    byEmergencyPolicy: count('emergencyPolicyId'),
    byVoiceRoutingPolicy: count('voiceRoutingPolicyId'),
  };
}
