/**
 * Lookups built once per checkPlan call, so that every rule family does O(1) work per user and
 * the whole check stays linear in the size of the plan.
 */
import type {
  AutoAttendant,
  EmergencyCallRoutingPolicy,
  Id,
  NumberKind,
  PhoneNumber,
  Plan,
  ResourceAccount,
  SharedCallingPolicy,
  Site,
  User,
  VoiceRoutingPolicy,
} from '../domain/model.js';
import { anyHolder } from '../domain/holders.js';
import { planIndex } from '../domain/lookup.js';

/** Per Shared Calling policy: who uses it (for AA1 dial scope coverage and V3). */
export interface PolicyUsage {
  users: number;
  /** Users per site id ('' = no site). */
  bySite: Map<string, number>;
  /** Users without a planned extension. */
  withoutExtension: number;
}

export interface CheckContext {
  plan: Plan;
  sites: Map<Id, Site>;
  numbers: Map<Id, PhoneNumber>;
  numbersByE164: Map<string, PhoneNumber>;
  resourceAccounts: Map<Id, ResourceAccount>;
  /** Auto attendants by the resource account they answer for (AA4). */
  autoAttendantsByRa: Map<Id, AutoAttendant[]>;
  policies: Map<Id, SharedCallingPolicy>;
  emergencyPolicies: Map<Id, EmergencyCallRoutingPolicy>;
  voiceRoutingPolicies: Map<Id, VoiceRoutingPolicy>;
  /** Kind of the number on each policy's resource account; absent when there is none. */
  policyRaKind: Map<Id, NumberKind>;
  /** Country of the number on each policy's resource account (C3); absent when there is none. */
  policyRaCountry: Map<Id, string>;
  usage: Map<Id, PolicyUsage>;
  /** Callback numbers (E.164) that users hold today → the first such user (EN6). */
  userNumbers: Map<string, User>;
  /** How many users plan each extension (V3 collisions). */
  extensionCounts: Map<string, number>;
  /** Every emergency dial string in the plan (V3: an extension must not equal one). */
  emergencyDialStrings: Set<string>;
}

export function buildContext(plan: Plan): CheckContext {
  // The id lookups are the plan's shared index (built once per plan value, first id wins).
  const { sites, numbers, numbersByE164, resourceAccounts, sharedCallingPolicies: policies, emergencyPolicies, voiceRoutingPolicies } = planIndex(plan);

  const autoAttendantsByRa = new Map<Id, AutoAttendant[]>();
  for (const aa of plan.autoAttendants) {
    if (aa.resourceAccountId === null) continue;
    const list = autoAttendantsByRa.get(aa.resourceAccountId);
    if (list) list.push(aa);
    else autoAttendantsByRa.set(aa.resourceAccountId, [aa]);
  }

  const policyRaKind = new Map<Id, NumberKind>();
  const policyRaCountry = new Map<Id, string>();
  for (const p of plan.sharedCallingPolicies) {
    const ra = p.resourceAccountId === null ? undefined : resourceAccounts.get(p.resourceAccountId);
    const num = ra?.numberId == null ? undefined : numbers.get(ra.numberId);
    if (num) {
      policyRaKind.set(p.id, num.kind);
      policyRaCountry.set(p.id, num.country);
    }
  }

  // EN6 only asks about callback numbers, so only those are indexed (a small set, not 100,000 users).
  const callbackE164 = new Set<string>();
  for (const p of plan.sharedCallingPolicies) {
    for (const id of p.callbackNumberIds) {
      const n = numbers.get(id);
      if (n) callbackE164.add(n.e164);
    }
  }
  const usage = new Map<Id, PolicyUsage>();
  // EN6: who holds each callback number's digits (the one holder index, extension numbers included).
  const userNumbers = new Map<string, User>();
  for (const e164 of callbackE164) {
    const u = anyHolder(plan, e164);
    if (u) userNumbers.set(e164, u);
  }
  const extensionCounts = new Map<string, number>();
  for (const u of plan.users) {
    if (u.sharedCallingPolicyId !== null) {
      let pu = usage.get(u.sharedCallingPolicyId);
      if (!pu) {
        pu = { users: 0, bySite: new Map(), withoutExtension: 0 };
        usage.set(u.sharedCallingPolicyId, pu);
      }
      pu.users++;
      const site = u.siteId ?? '';
      pu.bySite.set(site, (pu.bySite.get(site) ?? 0) + 1);
      if (u.extension.trim() === '') pu.withoutExtension++;
    }
    const ext = u.extension.trim();
    if (ext !== '') extensionCounts.set(ext, (extensionCounts.get(ext) ?? 0) + 1);
  }

  const emergencyDialStrings = new Set<string>();
  for (const ep of plan.emergencyPolicies) {
    for (const n of ep.numbers) if (n.dialString.trim() !== '') emergencyDialStrings.add(n.dialString.trim());
  }

  return {
    plan,
    sites,
    numbers,
    numbersByE164,
    resourceAccounts,
    autoAttendantsByRa,
    policies,
    emergencyPolicies,
    voiceRoutingPolicies,
    policyRaKind,
    policyRaCountry,
    usage,
    userNumbers,
    extensionCounts,
    emergencyDialStrings,
  };
}

/** The number on a resource account, if any. */
export function raNumber(ctx: CheckContext, ra: ResourceAccount): PhoneNumber | undefined {
  return ra.numberId === null ? undefined : ctx.numbers.get(ra.numberId);
}

/** The resource account of a policy, if any. */
export function policyRa(ctx: CheckContext, p: SharedCallingPolicy): ResourceAccount | undefined {
  return p.resourceAccountId === null ? undefined : ctx.resourceAccounts.get(p.resourceAccountId);
}

export function usersOf(ctx: CheckContext, policyId: Id): number {
  return ctx.usage.get(policyId)?.users ?? 0;
}
