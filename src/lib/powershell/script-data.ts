/**
 * Resolve a plan into the flat records the generated scripts loop over. Every reference (ids) is
 * resolved here, in TypeScript, so the PowerShell never has to join tables; the scripts get plain
 * names, UPNs and numbers. Nothing here decides *which* commands run: that is fixed code in the
 * stage modules.
 */
import type { Plan, PhoneNumber, ResourceAccountLicence, Tristate } from '../domain/model.js';
import { teamsNumberType, userKey } from '../domain/model.js';

export interface SiteData {
  id: string;
  name: string;
  /** LIS location GUID pinned on resource-account numbers of this site (RA8). */
  locationId: string;
}

export interface ResourceAccountData {
  id: string;
  upn: string;
  displayName: string;
  /** E.164 of the account's number (RA1); empty when none is planned. */
  phoneNumber: string;
  /** `-PhoneNumberType` value (§3.7); empty when no number. */
  numberType: string;
  /** LIS location of the number's site (RA8); empty when unknown. */
  locationId: string;
  /** Country for Entra's usage location (needed before a licence can be assigned). */
  usageLocation: string;
  licence: ResourceAccountLicence;
  /** RA9: a pay-as-you-go Calling Plan is needed (Calling Plan service number). */
  payAsYouGo: boolean;
  /**
   * RA9 (09/17/2024): how the Calling Plan subscription is billed, which decides the funding
   * ('payAsYouGo', 'mosa' or 'unknown'); empty when the number is not a Calling Plan service number.
   */
  callingPlanBilling: string;
  /** RA11: voice routing policy with PSTN usages (Direct Routing); empty = none. */
  voiceRoutingPolicy: string;
}

export interface AutoAttendantData {
  id: string;
  name: string;
  languageId: string;
  timeZoneId: string;
  dialByName: boolean;
  dialByExtension: boolean;
  resourceAccountUpn: string;
  groups: { name: string; objectId: string }[];
  /** Text-to-speech greeting of the directory menu (AA11: ≤ 1,000 characters); empty = the default prompt. */
  greeting: string;
}

export interface VoiceRoutingPolicyData {
  id: string;
  name: string;
  description: string;
  pstnUsages: string[];
}

export interface EmergencyPolicyData {
  id: string;
  name: string;
  description: string;
  dynamic: boolean;
  numbers: { dialString: string; dialMask: string; pstnUsage: string }[];
}

export interface SharedCallingPolicyData {
  id: string;
  name: string;
  description: string;
  resourceAccountUpn: string;
  /** Ordered ECBNs (EN9, EN10: order matters). */
  callbackNumbers: string[];
}

export interface UserData {
  /** The planner's user key (lower-case, trimmed UPN); the verification report's subject. */
  key: string;
  upn: string;
  sharedCallingPolicy: string;
  emergencyPolicy: string;
  voiceRoutingPolicy: string;
  /** `+<E.164>;ext=<extension>` for dial-by-extension (V3); empty = none. */
  extensionNumber: string;
  /** Why a planned extension cannot be assigned (fixed text chosen by the generator); empty = fine. */
  extensionNote: string;
  /** Enterprise Voice before the plan, as the user list says (V1): the rollback turns it off again only for 'no'. */
  enterpriseVoiceBefore: Tristate;
}

export interface ScriptData {
  planId: string;
  planName: string;
  tenantDomain: string;
  planSha256: string;
  generatorVersion: string;
  globalVoiceRoutingHasUsages: Tristate;
  sites: SiteData[];
  resourceAccounts: ResourceAccountData[];
  autoAttendants: AutoAttendantData[];
  voiceRoutingPolicies: VoiceRoutingPolicyData[];
  emergencyPolicies: EmergencyPolicyData[];
  sharedCallingPolicies: SharedCallingPolicyData[];
  users: UserData[];
  /** Users without a planned voice routing policy (VR1 warning when Global has usages). */
  usersWithoutVoiceRoutingPolicy: number;
  /** §3.17: tag each policy's callback numbers with the policy name (plan setting; module 7.1.0, R8). */
  tagCallbackNumbers: boolean;
}

/** Fixed note for a planned extension whose policy's resource account has no Direct Routing number. */
export const EXTENSION_NEEDS_DR_NOTE =
  "V3: extension dialing needs a Direct Routing number; the resource account of this user's policy has none, so no extension is assigned";

export function buildScriptData(plan: Plan, planSha256: string, generatorVersion: string): ScriptData {
  const numbers = new Map<string, PhoneNumber>();
  for (const n of plan.numbers) numbers.set(n.id, n);
  const sites = new Map(plan.sites.map((s) => [s.id, s] as const));
  const ras = new Map(plan.resourceAccounts.map((r) => [r.id, r] as const));
  const vrps = new Map(plan.voiceRoutingPolicies.map((p) => [p.id, p] as const));
  const ecrps = new Map(plan.emergencyPolicies.map((p) => [p.id, p] as const));
  const scps = new Map(plan.sharedCallingPolicies.map((p) => [p.id, p] as const));

  const raNumber = (raId: string | null): PhoneNumber | undefined => {
    if (raId === null) return undefined;
    const ra = ras.get(raId);
    return ra && ra.numberId !== null ? numbers.get(ra.numberId) : undefined;
  };

  const resourceAccounts: ResourceAccountData[] = plan.resourceAccounts.map((ra) => {
    const num = ra.numberId !== null ? numbers.get(ra.numberId) : undefined;
    const site = num && num.siteId !== null ? sites.get(num.siteId) : undefined;
    return {
      id: ra.id,
      upn: ra.upn,
      displayName: ra.displayName,
      phoneNumber: num ? num.e164 : '',
      numberType: num ? teamsNumberType(num.kind) : '',
      locationId: site ? site.lisLocationId : '',
      usageLocation: num ? num.country : site ? site.country : '',
      licence: ra.licence,
      payAsYouGo: ra.payAsYouGoCallingPlan,
      callingPlanBilling: num && (num.kind === 'callingPlanService' || num.kind === 'callingPlanTollFreeService') ? ra.callingPlanBilling : '',
      voiceRoutingPolicy: ra.voiceRoutingPolicyId !== null ? (vrps.get(ra.voiceRoutingPolicyId)?.name ?? '') : '',
    };
  });

  // Extension numbers per Shared Calling policy: the policy's resource-account number (V3).
  const extensionBase = new Map<string, { base: string; isDirectRouting: boolean }>();
  for (const p of plan.sharedCallingPolicies) {
    const num = raNumber(p.resourceAccountId);
    extensionBase.set(p.id, { base: num ? num.e164 : '', isDirectRouting: num?.kind === 'directRouting' });
  }

  let usersWithoutVoiceRoutingPolicy = 0;
  const users: UserData[] = plan.users.map((u) => {
    const scp = u.sharedCallingPolicyId !== null ? scps.get(u.sharedCallingPolicyId) : undefined;
    if (u.voiceRoutingPolicyId === null) usersWithoutVoiceRoutingPolicy++;
    let extensionNumber = '';
    let extensionNote = '';
    const ext = u.extension.trim();
    if (ext !== '') {
      const base = scp ? extensionBase.get(scp.id) : undefined;
      if (base && base.isDirectRouting && base.base !== '') extensionNumber = `${base.base};ext=${ext}`;
      else extensionNote = EXTENSION_NEEDS_DR_NOTE;
    }
    return {
      key: userKey(u.upn),
      upn: u.upn.trim(),
      sharedCallingPolicy: scp ? scp.name : '',
      emergencyPolicy: u.emergencyPolicyId !== null ? (ecrps.get(u.emergencyPolicyId)?.name ?? '') : '',
      voiceRoutingPolicy: u.voiceRoutingPolicyId !== null ? (vrps.get(u.voiceRoutingPolicyId)?.name ?? '') : '',
      extensionNumber,
      extensionNote,
      enterpriseVoiceBefore: u.enterpriseVoice,
    };
  });

  return {
    planId: plan.id,
    planName: plan.name,
    tenantDomain: plan.tenantDomain,
    planSha256,
    generatorVersion,
    globalVoiceRoutingHasUsages: plan.tenant.globalVoiceRoutingHasUsages,
    sites: plan.sites.map((s) => ({ id: s.id, name: s.name, locationId: s.lisLocationId })),
    resourceAccounts,
    autoAttendants: plan.autoAttendants.map((aa) => {
      const ra = aa.resourceAccountId !== null ? ras.get(aa.resourceAccountId) : undefined;
      return {
        id: aa.id,
        name: aa.name,
        languageId: aa.languageId,
        timeZoneId: aa.timeZoneId,
        greeting: aa.greeting.trim(),
        dialByName: aa.dialByName,
        dialByExtension: aa.dialByExtension,
        resourceAccountUpn: ra ? ra.upn : '',
        groups: aa.dialScopeGroups.map((g) => ({ name: g.name, objectId: g.objectId })),
      };
    }),
    voiceRoutingPolicies: plan.voiceRoutingPolicies.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      pstnUsages: [...p.pstnUsages],
    })),
    emergencyPolicies: plan.emergencyPolicies.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      dynamic: p.dynamicEmergencyCalling,
      numbers: p.numbers.map((n) => ({ dialString: n.dialString, dialMask: n.dialMask, pstnUsage: n.pstnUsage })),
    })),
    sharedCallingPolicies: plan.sharedCallingPolicies.map((p) => {
      const ra = p.resourceAccountId !== null ? ras.get(p.resourceAccountId) : undefined;
      return {
        id: p.id,
        name: p.name,
        description: p.description,
        resourceAccountUpn: ra ? ra.upn : '',
        // Only unresolved references are dropped (checks report those); values are kept as they are.
        callbackNumbers: p.callbackNumberIds.map((id) => numbers.get(id)?.e164).filter((e): e is PhoneNumber['e164'] => e !== undefined),
      };
    }),
    users,
    usersWithoutVoiceRoutingPolicy,
    tagCallbackNumbers: plan.tenant.tagCallbackNumbers === true,
  };
}
