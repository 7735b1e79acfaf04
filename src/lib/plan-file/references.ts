/** Referential integrity of a plan: unique ids and references that resolve. */
import type { Plan } from '../domain/model.js';
import { userKey } from '../domain/model.js';
import { PlanFileError } from './validate.js';

function ids(list: { id: string }[], what: string): Set<string> {
  const set = new Set<string>();
  for (const item of list) {
    if (set.has(item.id)) throw new PlanFileError(`This plan file is damaged: two ${what} share the id "${item.id}".`);
    set.add(item.id);
  }
  return set;
}

export function checkReferences(plan: Plan): void {
  const sites = ids(plan.sites, 'sites');
  const numbers = ids(plan.numbers, 'phone numbers');
  const ras = ids(plan.resourceAccounts, 'resource accounts');
  ids(plan.autoAttendants, 'auto attendants');
  const scps = ids(plan.sharedCallingPolicies, 'Shared Calling policies');
  const ecrps = ids(plan.emergencyPolicies, 'emergency call routing policies');
  const vrps = ids(plan.voiceRoutingPolicies, 'voice routing policies');
  ids(plan.assignmentRules, 'assignment rules');

  const ref = (set: Set<string>, value: string | null | undefined, where: string) => {
    if (value != null && !set.has(value)) {
      throw new PlanFileError(`This plan file is damaged: ${where} refers to "${value}", which is not in the plan.`);
    }
  };
  for (const n of plan.numbers) ref(sites, n.siteId, `number ${n.e164}`);
  for (const r of plan.resourceAccounts) {
    ref(numbers, r.numberId, `resource account ${r.upn}`);
    ref(vrps, r.voiceRoutingPolicyId, `resource account ${r.upn}`);
  }
  for (const a of plan.autoAttendants) {
    ref(ras, a.resourceAccountId, `auto attendant ${a.name}`);
    for (const g of a.dialScopeGroups) for (const s of g.siteIds) ref(sites, s, `auto attendant ${a.name}`);
  }
  for (const p of plan.sharedCallingPolicies) {
    ref(ras, p.resourceAccountId, `policy ${p.name}`);
    for (const n of p.callbackNumberIds) ref(numbers, n, `policy ${p.name}`);
  }
  const seen = new Set<string>();
  for (const u of plan.users) {
    const k = userKey(u.upn);
    if (seen.has(k)) throw new PlanFileError(`This plan file is damaged: the user ${u.upn} appears twice.`);
    seen.add(k);
    ref(sites, u.siteId, `user ${u.upn}`);
    ref(scps, u.sharedCallingPolicyId, `user ${u.upn}`);
    ref(ecrps, u.emergencyPolicyId, `user ${u.upn}`);
    ref(vrps, u.voiceRoutingPolicyId, `user ${u.upn}`);
  }
  for (const r of plan.assignmentRules) {
    ref(sites, r.assign.siteId, 'an assignment rule');
    ref(scps, r.assign.sharedCallingPolicyId, 'an assignment rule');
    ref(ecrps, r.assign.emergencyPolicyId, 'an assignment rule');
    ref(vrps, r.assign.voiceRoutingPolicyId, 'an assignment rule');
  }
}
