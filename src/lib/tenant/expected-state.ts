/**
 * What a tenant should hold once a plan is deployed: the desired state, stated once, in the
 * core. The PowerShell tier compares a simulated tenant with it after a run; it is derived from
 * the plan's own model (not from the script generator's data), so a generator mistake shows up
 * as a difference instead of being copied into the expectation.
 *
 * Every list is in a stable order (by name or UPN, lower case) except where order is part of
 * the state: callback numbers (EN9, EN10: the next free one in list order is used) and an
 * emergency policy's numbers.
 *
 * Text arrives as the scripts write it: one line, control characters as spaces, bidi overrides as
 * U+FFFD (`sanitizeScriptText`, the data section's one rule); everything else arrives exactly.
 */
import type { Plan, PhoneNumber, TeamsNumberType } from '../domain/model.js';
import { teamsNumberType, userKey } from '../domain/model.js';
import { sanitizeScriptText as text } from '../powershell/quote.js';

/** RA5: the auto attendant application id every Shared Calling resource account carries. */
export const AUTO_ATTENDANT_APPLICATION_ID = 'ce933385-9390-45d1-9512-c8d228074e07';

/** Licences a resource account needs (RA2, RA9), independent of the tenant's SKU names. */
export type ExpectedLicence = 'teamsPhoneResourceAccount' | 'payAsYouGoCallingPlan';

export interface ExpectedResourceAccount {
  upn: string;
  displayName: string;
  applicationId: string;
  licences: ExpectedLicence[];
  /** RA1; null = the plan gives it no number. */
  phoneNumber: string | null;
  numberType: TeamsNumberType | null;
  /** RA8: LIS location pinned on the number; null = none known. */
  locationId: string | null;
  /** RA11: voice routing policy granted to a Direct Routing account; null = none. */
  voiceRoutingPolicy: string | null;
}

export interface ExpectedAutoAttendant {
  name: string;
  languageId: string;
  timeZoneId: string;
  /** AA2: inclusion-scope group object ids, sorted; names without an id are resolved at run time. */
  dialScopeGroupIds: string[];
  dialScopeGroupNames: string[];
  /** AA3 */
  directorySearchMethod: 'ByName' | 'ByExtension' | 'None';
  /** AA4: the resource account associated with it; null = none. */
  resourceAccountUpn: string | null;
}

export interface ExpectedVoiceRoutingPolicy {
  name: string;
  description: string;
  pstnUsages: string[];
}

export interface ExpectedEmergencyPolicy {
  name: string;
  description: string;
  allowEnhancedEmergencyServices: boolean;
  numbers: { dialString: string; dialMask: string; pstnUsage: string }[];
}

export interface ExpectedSharedCallingPolicy {
  name: string;
  description: string;
  resourceAccountUpn: string | null;
  /** EN10: in plan order. */
  callbackNumbers: string[];
}

export interface ExpectedUser {
  /** Lower-case UPN (the planner's user key). */
  upn: string;
  /** V1 */
  enterpriseVoiceEnabled: boolean;
  /** V2/V3: `tel:+E164;ext=N` for a Direct Routing extension, otherwise null (no number). */
  lineUri: string | null;
  /** Direct assignments by policy type; null = none (Global applies). */
  policies: {
    TeamsSharedCallingRoutingPolicy: string | null;
    TeamsEmergencyCallRoutingPolicy: string | null;
    OnlineVoiceRoutingPolicy: string | null;
  };
}

export interface ExpectedTenantState {
  resourceAccounts: ExpectedResourceAccount[];
  autoAttendants: ExpectedAutoAttendant[];
  voiceRoutingPolicies: ExpectedVoiceRoutingPolicy[];
  /** Every PSTN usage a planned policy names (VR1, RA11, E2), sorted. */
  pstnUsages: string[];
  emergencyPolicies: ExpectedEmergencyPolicy[];
  sharedCallingPolicies: ExpectedSharedCallingPolicy[];
  users: ExpectedUser[];
}

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T): number => {
    const ka = key(a).toLowerCase();
    const kb = key(b).toLowerCase();
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };

/** The state a tenant holds after every stage of the plan's runbook succeeded. */
export function expectedTenantState(plan: Plan): ExpectedTenantState {
  const numbers = new Map<string, PhoneNumber>(plan.numbers.map((n) => [n.id, n]));
  const sites = new Map(plan.sites.map((s) => [s.id, s]));
  const ras = new Map(plan.resourceAccounts.map((r) => [r.id, r]));
  const vrps = new Map(plan.voiceRoutingPolicies.map((p) => [p.id, p]));
  const ecrps = new Map(plan.emergencyPolicies.map((p) => [p.id, p]));
  const scps = new Map(plan.sharedCallingPolicies.map((p) => [p.id, p]));
  const raNumber = (raId: string | null): PhoneNumber | undefined => {
    const ra = raId === null ? undefined : ras.get(raId);
    return ra && ra.numberId !== null ? numbers.get(ra.numberId) : undefined;
  };
  const raUpn = (raId: string | null): string | null => {
    const ra = raId === null ? undefined : ras.get(raId);
    return ra ? userKey(ra.upn) : null;
  };

  const resourceAccounts = plan.resourceAccounts.map((ra): ExpectedResourceAccount => {
    const num = ra.numberId !== null ? numbers.get(ra.numberId) : undefined;
    const site = num && num.siteId !== null ? sites.get(num.siteId) : undefined;
    const licences: ExpectedLicence[] = [];
    // RA2: whatever the plan records today, the account ends with the resource-account licence.
    if (ra.licence !== 'none') licences.push('teamsPhoneResourceAccount');
    if (ra.payAsYouGoCallingPlan) licences.push('payAsYouGoCallingPlan');
    const vrp = ra.voiceRoutingPolicyId !== null ? vrps.get(ra.voiceRoutingPolicyId) : undefined;
    return {
      upn: userKey(ra.upn),
      displayName: text(ra.displayName),
      applicationId: AUTO_ATTENDANT_APPLICATION_ID,
      licences,
      phoneNumber: num ? num.e164 : null,
      numberType: num ? teamsNumberType(num.kind) : null,
      locationId: site && site.lisLocationId !== '' ? site.lisLocationId : null,
      voiceRoutingPolicy: vrp ? text(vrp.name) : null,
    };
  });

  const autoAttendants = plan.autoAttendants.map((aa): ExpectedAutoAttendant => ({
    name: text(aa.name),
    languageId: aa.languageId,
    timeZoneId: aa.timeZoneId,
    dialScopeGroupIds: aa.dialScopeGroups
      .map((g) => g.objectId)
      .filter((id) => id !== '')
      .sort(),
    dialScopeGroupNames: aa.dialScopeGroups
      .filter((g) => g.objectId === '')
      .map((g) => text(g.name))
      .sort(),
    directorySearchMethod: aa.dialByExtension ? 'ByExtension' : aa.dialByName ? 'ByName' : 'None',
    resourceAccountUpn: raUpn(aa.resourceAccountId),
  }));

  const usages = new Set<string>();
  for (const p of plan.voiceRoutingPolicies) for (const u of p.pstnUsages) usages.add(text(u));
  for (const p of plan.emergencyPolicies) for (const n of p.numbers) if (n.pstnUsage !== '') usages.add(text(n.pstnUsage));

  const users = plan.users.map((u): ExpectedUser => {
    const scp = u.sharedCallingPolicyId !== null ? scps.get(u.sharedCallingPolicyId) : undefined;
    const base = scp ? raNumber(scp.resourceAccountId) : undefined;
    const ext = u.extension.trim();
    // V3: an extension is a Direct Routing number with ;ext=; otherwise the user has no number (V2).
    const lineUri = ext !== '' && base && base.kind === 'directRouting' ? `tel:${base.e164};ext=${ext}` : null;
    const ecrp = u.emergencyPolicyId !== null ? ecrps.get(u.emergencyPolicyId) : undefined;
    const vrp = u.voiceRoutingPolicyId !== null ? vrps.get(u.voiceRoutingPolicyId) : undefined;
    return {
      upn: userKey(u.upn),
      enterpriseVoiceEnabled: true,
      lineUri,
      policies: {
        TeamsSharedCallingRoutingPolicy: scp ? text(scp.name) : null,
        TeamsEmergencyCallRoutingPolicy: ecrp ? text(ecrp.name) : null,
        OnlineVoiceRoutingPolicy: vrp ? text(vrp.name) : null,
      },
    };
  });

  return {
    resourceAccounts: resourceAccounts.sort(byKey((r) => r.upn)),
    autoAttendants: autoAttendants.sort(byKey((a) => a.name)),
    voiceRoutingPolicies: plan.voiceRoutingPolicies
      .map((p) => ({ name: text(p.name), description: text(p.description), pstnUsages: p.pstnUsages.map(text) }))
      .sort(byKey((p) => p.name)),
    pstnUsages: [...usages].sort(),
    emergencyPolicies: plan.emergencyPolicies
      .map((p) => ({
        name: text(p.name),
        description: text(p.description),
        allowEnhancedEmergencyServices: p.dynamicEmergencyCalling,
        numbers: p.numbers.map((n) => ({ dialString: text(n.dialString), dialMask: text(n.dialMask), pstnUsage: text(n.pstnUsage) })),
      }))
      .sort(byKey((p) => p.name)),
    sharedCallingPolicies: plan.sharedCallingPolicies
      .map((p) => ({
        name: text(p.name),
        description: text(p.description),
        resourceAccountUpn: raUpn(p.resourceAccountId),
        callbackNumbers: p.callbackNumberIds.map((id) => numbers.get(id)?.e164).filter((e): e is PhoneNumber['e164'] => e !== undefined),
      }))
      .sort(byKey((p) => p.name)),
    users: users.sort(byKey((u) => u.upn)),
  };
}
