/**
 * The discovery file of stage 00 (issue 12 item 3) in the planner: read it, start a brownfield plan
 * from it (every object marked existing), or compare a plan with it object by object.
 */
import type { AutoAttendant, E164, NumberKind, PhoneNumber, Plan, ResourceAccount, SharedCallingPolicy, Tristate, User } from '../domain/model.js';
import { blankUser, createEmptyPlan, userKey } from '../domain/model.js';
import { DISCOVERY_FORMAT } from '../powershell/stages/00-discovery.js';

export interface DiscoveredUser {
  upn: string;
  objectId: string;
  displayName: string;
  usageLocation: string;
  accountType: string;
  accountEnabled: boolean;
  teamsPhone: boolean;
  enterpriseVoiceEnabled: boolean;
  lineUri: string;
  hiddenFromAddressLists: boolean;
  sharedCallingPolicy: string;
  emergencyPolicy: string;
  voiceRoutingPolicy: string;
  effectivePolicies: { policyType: string; policyName: string; assignmentType: string; groupId: string }[];
}

export interface Discovery {
  users: DiscoveredUser[];
  resourceAccounts: { upn: string; objectId: string; displayName: string; applicationId: string; phoneNumber: string; associatedConfigurationId: string }[];
  autoAttendants: {
    id: string;
    name: string;
    languageId: string;
    timeZoneId: string;
    dialScopeGroupIds: string[];
    dialByName: boolean;
    directorySearchMethod: string;
    operator: string;
    applicationInstances: string[];
  }[];
  numbers: {
    telephoneNumber: string;
    numberType: string;
    capabilities: string[];
    isoCountryCode: string;
    assignedTo: string;
    assignmentStatus: string;
    locationId: string;
    operator: string;
  }[];
  sharedCallingPolicies: { name: string; description: string; resourceAccount: string; emergencyNumbers: string[] }[];
  emergencyPolicies: { name: string; description: string; dynamic: boolean; numbers: { dialString: string; dialMask: string; pstnUsage: string }[] }[];
  voiceRoutingPolicies: { name: string; description: string; pstnUsages: string[] }[];
  pstnUsages: string[];
  lisLocations: { locationId: string; civicAddressId: string; description: string; city: string; countryOrRegion: string }[];
  skus: { skuId: string; skuPartNumber: string; enabled: number; consumed: number }[];
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v)).slice(0, 10_000);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === null || v === undefined || v === '' ? [] : [v]);
const texts = (v: unknown): string[] =>
  list(v)
    .map(text)
    .filter((s) => s !== '');
const objs = (v: unknown): Json[] => list(v).filter(isObj);

/** Read the discovery file; a clear message (thrown as Error) when it is not one. Changes nothing. */
export function readDiscovery(source: string): Discovery {
  let raw: unknown;
  try {
    raw = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  } catch {
    throw new Error('This is not a discovery file: it is not valid JSON. Choose SharedCalling-Discovery.json written by 00-discovery.ps1.');
  }
  if (!isObj(raw) || raw.format !== DISCOVERY_FORMAT) {
    throw new Error(
      `This is not a discovery file: it has no "format": "${DISCOVERY_FORMAT}" marker. Choose SharedCalling-Discovery.json written by 00-discovery.ps1.`,
    );
  }
  if (raw.version !== 1) throw new Error(`This discovery file has version ${text(raw.version)}; this planner reads version 1.`);
  return {
    users: objs(raw.users)
      .map((u) => ({
        upn: text(u.upn),
        objectId: text(u.objectId),
        displayName: text(u.displayName),
        usageLocation: text(u.usageLocation).toUpperCase(),
        accountType: text(u.accountType),
        accountEnabled: u.accountEnabled !== false,
        teamsPhone: u.teamsPhone === true,
        enterpriseVoiceEnabled: u.enterpriseVoiceEnabled === true,
        lineUri: text(u.lineUri),
        hiddenFromAddressLists: u.hiddenFromAddressLists === true,
        sharedCallingPolicy: text(u.sharedCallingPolicy),
        emergencyPolicy: text(u.emergencyPolicy),
        voiceRoutingPolicy: text(u.voiceRoutingPolicy),
        effectivePolicies: objs(u.effectivePolicies).map((e) => ({
          policyType: text(e.policyType),
          policyName: text(e.policyName),
          assignmentType: text(e.assignmentType),
          groupId: text(e.groupId),
        })),
      }))
      .filter((u) => u.upn !== ''),
    resourceAccounts: objs(raw.resourceAccounts).map((r) => ({
      upn: text(r.upn),
      objectId: text(r.objectId),
      displayName: text(r.displayName),
      applicationId: text(r.applicationId),
      phoneNumber: text(r.phoneNumber).replace(/^tel:/i, ''),
      associatedConfigurationId: text(r.associatedConfigurationId),
    })),
    autoAttendants: objs(raw.autoAttendants).map((a) => ({
      id: text(a.id),
      name: text(a.name),
      languageId: text(a.languageId),
      timeZoneId: text(a.timeZoneId),
      dialScopeGroupIds: texts(a.dialScopeGroupIds),
      dialByName: a.dialByName === true,
      directorySearchMethod: text(a.directorySearchMethod),
      operator: text(a.operator),
      applicationInstances: texts(a.applicationInstances),
    })),
    numbers: objs(raw.numbers)
      .map((n) => ({
        telephoneNumber: text(n.telephoneNumber),
        numberType: text(n.numberType),
        capabilities: texts(n.capabilities),
        isoCountryCode: text(n.isoCountryCode).toUpperCase(),
        assignedTo: text(n.assignedTo),
        assignmentStatus: text(n.assignmentStatus),
        locationId: text(n.locationId),
        operator: text(n.operator),
      }))
      .filter((n) => /^\+[1-9]\d{6,14}$/.test(n.telephoneNumber)),
    sharedCallingPolicies: objs(raw.sharedCallingPolicies).map((p) => ({
      name: text(p.name),
      description: text(p.description),
      resourceAccount: text(p.resourceAccount),
      emergencyNumbers: texts(p.emergencyNumbers),
    })),
    emergencyPolicies: objs(raw.emergencyPolicies).map((p) => ({
      name: text(p.name),
      description: text(p.description),
      dynamic: p.dynamic === true,
      numbers: objs(p.numbers).map((x) => ({ dialString: text(x.dialString), dialMask: text(x.dialMask), pstnUsage: text(x.pstnUsage) })),
    })),
    voiceRoutingPolicies: objs(raw.voiceRoutingPolicies).map((p) => ({
      name: text(p.name),
      description: text(p.description),
      pstnUsages: texts(p.pstnUsages),
    })),
    pstnUsages: texts(raw.pstnUsages),
    lisLocations: objs(raw.lisLocations).map((l) => ({
      locationId: text(l.locationId),
      civicAddressId: text(l.civicAddressId),
      description: text(l.description),
      city: text(l.city),
      countryOrRegion: text(l.countryOrRegion),
    })),
    skus: objs(raw.skus).map((s) => ({
      skuId: text(s.skuId),
      skuPartNumber: text(s.skuPartNumber),
      enabled: Number(s.enabled) || 0,
      consumed: Number(s.consumed) || 0,
    })),
  };
}

/** Kind of a discovered number: CP subscriber or service from its capabilities (§3.7). */
function kindOf(n: Discovery['numbers'][number]): NumberKind {
  if (n.numberType === 'DirectRouting') return 'directRouting';
  if (n.numberType === 'OperatorConnect') return 'operatorConnect';
  const user = n.capabilities.includes('UserAssignment');
  const service = n.capabilities.some((c) => c === 'VoiceApplicationAssignment' || c === 'ConferenceAssignment');
  if (service && !user) return /^\+1(800|833|844|855|866|877|888)/.test(n.telephoneNumber) ? 'callingPlanTollFreeService' : 'callingPlanService';
  return 'callingPlanSubscriber';
}

const GLOBAL = (name: string) => name === '' || name === 'Global';
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'x';

/**
 * A brownfield plan: the tenant's numbers, resource accounts, auto attendants and policies, each
 * marked existing, and its users with their licence, Enterprise Voice and current assignments.
 * Guests, disabled accounts and users without Teams Phone are listed but excluded (issue 12 item 5).
 */
export function planFromDiscovery(d: Discovery, id: string, name: string, now: string): Plan {
  const plan = createEmptyPlan(id, name, now);
  const numberId = new Map<string, string>();
  plan.numbers = d.numbers.map((n): PhoneNumber => {
    const nid = `num-${n.telephoneNumber.slice(1)}`;
    numberId.set(n.telephoneNumber, nid);
    return {
      id: nid,
      e164: n.telephoneNumber as E164,
      kind: kindOf(n),
      country: n.isoCountryCode,
      siteId: null,
      operator: n.numberType === 'OperatorConnect' ? n.operator : '',
      note: '',
      existing: n.assignedTo !== '',
    };
  });
  const raByObjectId = new Map<string, string>();
  plan.resourceAccounts = d.resourceAccounts.map((r): ResourceAccount => {
    const rid = `ra-${slug(r.upn)}`;
    raByObjectId.set(r.objectId.toLowerCase(), rid);
    return {
      id: rid,
      upn: r.upn,
      displayName: r.displayName,
      numberId: numberId.get(r.phoneNumber) ?? null,
      licence: 'teamsPhoneResourceAccount',
      payAsYouGoCallingPlan: false,
      callingPlanBilling: 'unknown',
      voiceRoutingPolicyId: null,
      existing: true,
    };
  });
  plan.autoAttendants = d.autoAttendants.map((a): AutoAttendant => {
    const ra = a.applicationInstances.map((o) => raByObjectId.get(o.toLowerCase())).find((x) => x !== undefined) ?? null;
    return {
      id: `aa-${slug(a.name)}`,
      name: a.name,
      languageId: a.languageId,
      timeZoneId: a.timeZoneId,
      dialScopeGroups: a.dialScopeGroupIds.map((g) => ({ name: g, objectId: g, siteIds: [] })),
      dialByName: a.dialByName,
      dialByExtension: a.directorySearchMethod === 'ByExtension',
      resourceAccountId: ra,
      operator: a.operator,
      greeting: '',
      existing: true,
    };
  });
  const raByAccount = (value: string) =>
    raByObjectId.get(value.toLowerCase()) ?? plan.resourceAccounts.find((r) => userKey(r.upn) === userKey(value))?.id ?? null;
  plan.sharedCallingPolicies = d.sharedCallingPolicies
    .filter((p) => !GLOBAL(p.name))
    .map((p): SharedCallingPolicy => ({
      id: `scp-${slug(p.name)}`,
      name: p.name,
      description: p.description,
      resourceAccountId: raByAccount(p.resourceAccount),
      callbackNumberIds: p.emergencyNumbers.map((e) => numberId.get(e)).filter((x): x is string => x !== undefined),
      sizing: null,
      assignment: { method: 'perUser' },
      existing: true,
    }));
  plan.emergencyPolicies = d.emergencyPolicies
    .filter((p) => !GLOBAL(p.name))
    .map((p) => ({
      id: `ecrp-${slug(p.name)}`,
      name: p.name,
      description: p.description,
      dynamicEmergencyCalling: p.dynamic,
      numbers: p.numbers.map((n) => ({ ...n })),
      existing: true,
    }));
  plan.voiceRoutingPolicies = d.voiceRoutingPolicies
    .filter((p) => !GLOBAL(p.name))
    .map((p) => ({
      id: `vrp-${slug(p.name)}`,
      name: p.name,
      description: p.description,
      pstnUsages: [...p.pstnUsages],
      existing: true,
    }));
  const global = d.voiceRoutingPolicies.find((p) => GLOBAL(p.name));
  plan.tenant = { ...plan.tenant, globalVoiceRoutingHasUsages: global ? (global.pstnUsages.length > 0 ? 'yes' : 'no') : 'unknown' };
  const byName = <T extends { id: string; name: string }>(items: readonly T[], n: string) =>
    items.find((x) => x.name.toLowerCase() === n.toLowerCase())?.id ?? null;
  const effective = (u: DiscoveredUser, type: string, direct: string) => direct || u.effectivePolicies.find((e) => e.policyType === type)?.policyName || '';
  plan.users = d.users.map((u): User => {
    const yes = (b: boolean): Tristate => (b ? 'yes' : 'no');
    const guest = u.accountType === 'Guest' || /#ext#/i.test(u.upn);
    const reason = guest
      ? 'Guest account'
      : !u.accountEnabled
        ? 'Disabled account'
        : u.accountType === 'IneligibleUser'
          ? 'No valid Teams licence (AccountType IneligibleUser)'
          : !u.teamsPhone
            ? 'No Teams Phone licence'
            : '';
    return {
      ...blankUser(u.upn, u.displayName),
      usageLocation: u.usageLocation,
      teamsPhone: yes(u.teamsPhone),
      enterpriseVoice: yes(u.enterpriseVoiceEnabled),
      currentNumber: u.lineUri.replace(/^tel:/i, ''),
      hiddenFromAddressLists: u.hiddenFromAddressLists,
      sharedCallingPolicyId: byName(plan.sharedCallingPolicies, effective(u, 'TeamsSharedCallingRoutingPolicy', u.sharedCallingPolicy)),
      emergencyPolicyId: byName(plan.emergencyPolicies, effective(u, 'TeamsEmergencyCallRoutingPolicy', u.emergencyPolicy)),
      voiceRoutingPolicyId: byName(plan.voiceRoutingPolicies, effective(u, 'OnlineVoiceRoutingPolicy', u.voiceRoutingPolicy)),
      excludedReason: reason,
      source: { file: 'SharedCalling-Discovery.json', row: 0 },
    };
  });
  return plan;
}

export type DiffStatus = 'create' | 'change' | 'same' | 'tenantOnly';

export interface DiffEntry {
  kind: 'number' | 'resourceAccount' | 'autoAttendant' | 'sharedCallingPolicy' | 'emergencyPolicy' | 'voiceRoutingPolicy' | 'user';
  /** The object's name as people know it (UPN, policy name, E.164). */
  name: string;
  status: DiffStatus;
  /** Field by field, for 'change'. */
  changes: { field: string; plan: string; tenant: string }[];
}

/**
 * Compare a plan with the tenant per object kind: to create (in the plan only), to change (field by
 * field), as planned, and in the tenant but not in the plan. Excluded users are not compared.
 */
export function compareWithTenant(plan: Plan, d: Discovery): DiffEntry[] {
  const out: DiffEntry[] = [];
  const numbers = new Map(plan.numbers.map((n) => [n.id, n.e164 as string]));
  const raUpn = new Map(plan.resourceAccounts.map((r) => [r.id, r.upn]));
  const raObject = new Map(d.resourceAccounts.map((r) => [r.objectId.toLowerCase(), r.upn]));
  const names = (list: readonly { id: string; name: string }[]) => new Map(list.map((x) => [x.id, x.name]));
  const scpNames = names(plan.sharedCallingPolicies);
  const ecrpNames = names(plan.emergencyPolicies);
  const vrpNames = names(plan.voiceRoutingPolicies);

  function compare<P, T>(
    kind: DiffEntry['kind'],
    planned: readonly P[],
    tenant: readonly T[],
    keyP: (p: P) => string,
    keyT: (t: T) => string,
    fields: [string, (p: P) => string, (t: T) => string][],
  ) {
    const byKey = new Map(tenant.map((t) => [keyT(t).toLowerCase(), t]));
    const seen = new Set<string>();
    for (const p of planned) {
      const k = keyP(p).toLowerCase();
      seen.add(k);
      const t = byKey.get(k);
      if (!t) {
        out.push({ kind, name: keyP(p), status: 'create', changes: [] });
        continue;
      }
      const changes = fields.map(([field, fp, ft]) => ({ field, plan: fp(p), tenant: ft(t) })).filter((c) => c.plan.toLowerCase() !== c.tenant.toLowerCase());
      out.push({ kind, name: keyP(p), status: changes.length ? 'change' : 'same', changes });
    }
    for (const t of tenant) if (!seen.has(keyT(t).toLowerCase())) out.push({ kind, name: keyT(t), status: 'tenantOnly', changes: [] });
  }

  compare(
    'number',
    plan.numbers,
    d.numbers,
    (n) => n.e164,
    (n) => n.telephoneNumber,
    [],
  );
  compare(
    'resourceAccount',
    plan.resourceAccounts,
    d.resourceAccounts,
    (r) => r.upn,
    (r) => r.upn,
    [
      ['Display name', (r) => r.displayName, (r) => r.displayName],
      ['Number', (r) => (r.numberId ? (numbers.get(r.numberId) ?? '') : ''), (r) => r.phoneNumber],
    ],
  );
  compare(
    'autoAttendant',
    plan.autoAttendants,
    d.autoAttendants,
    (a) => a.name,
    (a) => a.name,
    [
      ['Language', (a) => a.languageId, (a) => a.languageId],
      ['Time zone', (a) => a.timeZoneId, (a) => a.timeZoneId],
      ['Dial by name', (a) => String(a.dialByName), (a) => String(a.dialByName)],
      ['Dial by extension', (a) => String(a.dialByExtension), (a) => String(a.directorySearchMethod === 'ByExtension')],
      [
        'Resource account',
        (a) => (a.resourceAccountId ? (raUpn.get(a.resourceAccountId) ?? '') : ''),
        (a) => a.applicationInstances.map((o) => raObject.get(o.toLowerCase()) ?? o).join(', '),
      ],
    ],
  );
  const tenantPolicies = <T extends { name: string }>(l: readonly T[]) => l.filter((p) => !GLOBAL(p.name));
  compare(
    'sharedCallingPolicy',
    plan.sharedCallingPolicies,
    tenantPolicies(d.sharedCallingPolicies),
    (p) => p.name,
    (p) => p.name,
    [
      [
        'Resource account',
        (p) => (p.resourceAccountId ? (raUpn.get(p.resourceAccountId) ?? '') : ''),
        (p) => raObject.get(p.resourceAccount.toLowerCase()) ?? p.resourceAccount,
      ],
      ['Callback numbers', (p) => p.callbackNumberIds.map((n) => numbers.get(n) ?? '').join(', '), (p) => p.emergencyNumbers.join(', ')],
    ],
  );
  compare(
    'emergencyPolicy',
    plan.emergencyPolicies,
    tenantPolicies(d.emergencyPolicies),
    (p) => p.name,
    (p) => p.name,
    [
      ['Dial strings', (p) => p.numbers.map((n) => n.dialString).join(', '), (p) => p.numbers.map((n) => n.dialString).join(', ')],
      ['Dynamic emergency calling', (p) => String(p.dynamicEmergencyCalling), (p) => String(p.dynamic)],
    ],
  );
  compare(
    'voiceRoutingPolicy',
    plan.voiceRoutingPolicies,
    tenantPolicies(d.voiceRoutingPolicies),
    (p) => p.name,
    (p) => p.name,
    [['PSTN usages', (p) => p.pstnUsages.join(', '), (p) => p.pstnUsages.join(', ')]],
  );
  const eff = (u: DiscoveredUser, type: string, direct: string) => direct || u.effectivePolicies.find((e) => e.policyType === type)?.policyName || '';
  const inScope = plan.users.filter((u) => u.excludedReason === '');
  // Users the plan lists as excluded are not compared; other tenant users (not guests) show as tenant only.
  const excluded = new Set(plan.users.filter((u) => u.excludedReason !== '').map((u) => userKey(u.upn)));
  compare(
    'user',
    inScope,
    d.users.filter((u) => !excluded.has(userKey(u.upn)) && u.accountType === 'User'),
    (u) => u.upn,
    (u) => u.upn,
    [
      [
        'Shared Calling policy',
        (u) => (u.sharedCallingPolicyId ? (scpNames.get(u.sharedCallingPolicyId) ?? '') : ''),
        (u) => eff(u, 'TeamsSharedCallingRoutingPolicy', u.sharedCallingPolicy),
      ],
      [
        'Emergency policy',
        (u) => (u.emergencyPolicyId ? (ecrpNames.get(u.emergencyPolicyId) ?? '') : ''),
        (u) => eff(u, 'TeamsEmergencyCallRoutingPolicy', u.emergencyPolicy),
      ],
      [
        'Voice routing policy',
        (u) => (u.voiceRoutingPolicyId ? (vrpNames.get(u.voiceRoutingPolicyId) ?? '') : ''),
        (u) => eff(u, 'OnlineVoiceRoutingPolicy', u.voiceRoutingPolicy),
      ],
      ['Enterprise Voice', () => 'true', (u) => String(u.enterpriseVoiceEnabled)],
    ],
  );
  return out;
}
