/**
 * Quick start: from an imported user list to a complete plan in one step (issue 4, item 5).
 *
 * 1. Sites from the data: distinct office (or usage location) values, or the sites users already
 *    have (proposeSites; the UI lets the admin rename them, set the country and the number kind).
 * 2. Per site: a resource account (UPN from a pattern such as `sc-<site>@<tenantDomain>`, RA1/RA2),
 *    an auto attendant whose dial scope group holds the site's users (AA1, AA2, AA4), and a Shared
 *    Calling policy.
 * 3. Emergency call routing policies per country with that country's dial strings (E1), with PSTN
 *    usages only for Direct Routing sites (E2).
 * 4. Users get a voice routing policy without PSTN usages unless the tenant says Global has none
 *    (VR1); Direct Routing resource accounts get one with usages (RA11).
 * 5. Callback pools sized with recommendPoolSize (§7.3, §7.4); free numbers in the plan are used,
 *    the rest is listed as numbers to acquire.
 *
 * Pure and deterministic: the same plan and options give the same result (no clock, no random ids).
 * Users keep every assignment they already have; only empty fields are filled.
 */
import {
  type AutoAttendant,
  type CountryCode,
  type EmergencyCallRoutingPolicy,
  type Id,
  type NumberKind,
  type Plan,
  type ResourceAccount,
  type SharedCallingPolicy,
  type Site,
  type User,
  type VoiceRoutingPolicy,
} from '../domain/model.js';
import { numberUses } from '../domain/lookup.js';
import { recommendPoolSize } from '../sizing/plan.js';
import { callbackNumbersToAdd, requiredCallbackKind } from '../sizing/qualifying.js';

/** Number kinds a resource account can carry (RA1, RA4). */
export type RaNumberKind = Exclude<NumberKind, 'callingPlanSubscriber'>;

export interface QuickStartSite {
  /** Group key: `site:<id>` for users' existing sites, otherwise the lower-case office / location. */
  key: string;
  name: string;
  country: CountryCode;
  numberKind: RaNumberKind;
  /** Users in the group (for display). */
  users: number;
  /** The plan's site this group maps to, or null to create one. */
  existingSiteId: Id | null;
}

export interface QuickStartOptions {
  basis: 'office' | 'usageLocation';
  sites: QuickStartSite[];
  /** Defaults to the plan's tenant domain, else the most common UPN domain. */
  tenantDomain?: string;
  /** `{site}` = site name in lower case without spaces, `{domain}` = tenant domain. */
  raUpnPattern?: string;
}

export interface NumberNeed {
  siteId: Id;
  siteName: string;
  policyName: string;
  purpose: 'resourceAccount' | 'callback';
  kind: NumberKind;
  country: CountryCode;
  count: number;
}

export const DEFAULT_RA_PATTERN = 'sc-{site}@{domain}';

const NA = new Set(['US', 'CA']);
const EU = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
  'CH',
]);

/** Emergency dial strings per country (E1): US/CA 911 + 933 (test), GB 999 + 112, AU 000 + 112, else 112. */
export function emergencyDialStringsFor(country: CountryCode): string[] {
  const c = country.toUpperCase();
  if (NA.has(c)) return ['911', '933'];
  if (c === 'GB') return ['999', '112'];
  if (c === 'AU') return ['000', '112'];
  return ['112'];
}

const LANGUAGE: Record<string, string> = {
  US: 'en-US',
  CA: 'en-US',
  GB: 'en-GB',
  IE: 'en-GB',
  AU: 'en-AU',
  NZ: 'en-NZ',
  IN: 'en-IN',
  DE: 'de-DE',
  AT: 'de-DE',
  CH: 'de-DE',
  FR: 'fr-FR',
  BE: 'fr-FR',
  NL: 'nl-NL',
  ES: 'es-ES',
  IT: 'it-IT',
  PT: 'pt-PT',
  BR: 'pt-BR',
  SE: 'sv-SE',
  DK: 'da-DK',
  NO: 'nb-NO',
  FI: 'fi-FI',
  PL: 'pl-PL',
  JP: 'ja-JP',
  MX: 'es-MX',
};
const TIME_ZONE: Record<string, string> = {
  US: 'Eastern Standard Time',
  CA: 'Eastern Standard Time',
  GB: 'GMT Standard Time',
  IE: 'GMT Standard Time',
  AU: 'AUS Eastern Standard Time',
  NZ: 'New Zealand Standard Time',
  IN: 'India Standard Time',
  DE: 'W. Europe Standard Time',
  AT: 'W. Europe Standard Time',
  CH: 'W. Europe Standard Time',
  NL: 'W. Europe Standard Time',
  SE: 'W. Europe Standard Time',
  NO: 'W. Europe Standard Time',
  IT: 'W. Europe Standard Time',
  FR: 'Romance Standard Time',
  BE: 'Romance Standard Time',
  ES: 'Romance Standard Time',
  DK: 'Romance Standard Time',
  PT: 'GMT Standard Time',
  FI: 'FLE Standard Time',
  PL: 'Central European Standard Time',
  JP: 'Tokyo Standard Time',
  BR: 'E. South America Standard Time',
  MX: 'Central Standard Time (Mexico)',
};

/** ASCII letters and digits only: for ids, UPN local parts and policy names (P4). */
export function siteSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function groupValue(u: User, basis: QuickStartOptions['basis']): string {
  const a = basis === 'office' ? u.office : u.usageLocation;
  const b = basis === 'office' ? u.usageLocation : u.office;
  return (a.trim() || b.trim()).replace(/\s+/g, ' ');
}

function groupKey(u: User, basis: QuickStartOptions['basis']): string {
  return u.siteId !== null ? `site:${u.siteId}` : groupValue(u, basis).toLowerCase();
}

const mostCommon = (counts: Map<string, number>): string => {
  let best = '';
  let n = 0;
  for (const [k, c] of counts) if (c > n || (c === n && k < best)) [best, n] = [k, c];
  return best;
};

/** Default number kind for a country: Operator Connect (works everywhere C1 forbids Calling Plan). */
export function defaultNumberKind(_country: CountryCode): RaNumberKind {
  return 'operatorConnect';
}

/** The sites quick start would create or reuse, in order of first appearance in the user list. */
export function proposeSites(plan: Plan, basis: QuickStartOptions['basis'] = 'office'): QuickStartSite[] {
  const groups = new Map<string, { name: string; users: number; countries: Map<string, number>; siteId: Id | null }>();
  const sites = new Map(plan.sites.map((s) => [s.id, s] as const));
  const byName = new Map(plan.sites.map((s) => [s.name.trim().toLowerCase(), s] as const));
  for (const u of plan.users) {
    const key = groupKey(u, basis);
    let g = groups.get(key);
    if (!g) {
      const existing = u.siteId !== null ? (sites.get(u.siteId) ?? null) : (byName.get(key) ?? null);
      const name = existing?.name ?? (groupValue(u, basis) || 'Other');
      g = { name, users: 0, countries: new Map(), siteId: existing?.id ?? null };
      groups.set(key, g);
    }
    g.users++;
    const c = u.usageLocation.trim().toUpperCase();
    if (/^[A-Z]{2}$/.test(c)) g.countries.set(c, (g.countries.get(c) ?? 0) + 1);
  }
  return [...groups].map(([key, g]) => {
    const site = g.siteId ? sites.get(g.siteId) : undefined;
    const country = site?.country || mostCommon(g.countries) || (/^[a-z]{2}$/.test(key) ? key.toUpperCase() : '');
    return { key, name: g.name, country, numberKind: defaultNumberKind(country), users: g.users, existingSiteId: g.siteId };
  });
}

function uniqueId(taken: Set<string>, base: string): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function mostCommonDomain(plan: Plan): string {
  const counts = new Map<string, number>();
  for (const u of plan.users) {
    const d = u.upn.slice(u.upn.lastIndexOf('@') + 1).toLowerCase();
    if (d && u.upn.includes('@')) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return mostCommon(counts);
}

const KIND_TEXT: Record<NumberKind, string> = {
  callingPlanSubscriber: 'Calling Plan subscriber',
  callingPlanService: 'Calling Plan service',
  callingPlanTollFreeService: 'Calling Plan toll-free service',
  operatorConnect: 'Operator Connect',
  directRouting: 'Direct Routing',
};

/** Quick start with its report: the new plan and the numbers still to acquire. */
export function planQuickStart(plan: Plan, options: QuickStartOptions): { plan: Plan; toAcquire: NumberNeed[] } {
  const domain = (options.tenantDomain ?? '').trim() || plan.tenantDomain.trim() || mostCommonDomain(plan) || 'contoso.com';
  const pattern = options.raUpnPattern?.trim() || DEFAULT_RA_PATTERN;
  const ids = new Set<string>([
    ...plan.sites.map((x) => x.id),
    ...plan.resourceAccounts.map((x) => x.id),
    ...plan.autoAttendants.map((x) => x.id),
    ...plan.sharedCallingPolicies.map((x) => x.id),
    ...plan.emergencyPolicies.map((x) => x.id),
    ...plan.voiceRoutingPolicies.map((x) => x.id),
  ]);
  const upns = new Set(plan.resourceAccounts.map((r) => r.upn.toLowerCase()));
  for (const u of plan.users) upns.add(u.upn.toLowerCase());
  const policyNames = new Set(plan.sharedCallingPolicies.map((p) => p.name.toLowerCase()));

  const sites: Site[] = plan.sites.slice();
  const resourceAccounts: ResourceAccount[] = plan.resourceAccounts.slice();
  const autoAttendants: AutoAttendant[] = plan.autoAttendants.slice();
  const policies: SharedCallingPolicy[] = plan.sharedCallingPolicies.slice();
  const emergency: EmergencyCallRoutingPolicy[] = plan.emergencyPolicies.slice();
  const voice: VoiceRoutingPolicy[] = plan.voiceRoutingPolicies.slice();
  const uses = numberUses(plan);
  const usedNumbers = new Set(uses.keys());

  // VR1: users need a policy without PSTN usages unless Global is known to have none.
  let userVoiceId: Id | null = null;
  if (plan.tenant.globalVoiceRoutingHasUsages !== 'no') {
    const existing = voice.find((v) => v.pstnUsages.length === 0);
    if (existing) userVoiceId = existing.id;
    else {
      userVoiceId = uniqueId(ids, 'vrp-sc-nopstn');
      voice.push({ id: userVoiceId, name: 'SC-NoPSTN', description: 'Shared Calling users: no PSTN usages (VR1)', pstnUsages: [] });
    }
  }

  const emergencyFor = (country: CountryCode, dr: boolean): Id => {
    const cc = country.toUpperCase() || 'XX';
    const name = `ECRP-${cc}${dr ? '-DR' : ''}`;
    const found = emergency.find((e) => e.name.toLowerCase() === name.toLowerCase());
    if (found) return found.id;
    const id = uniqueId(ids, `ecrp-${cc.toLowerCase()}${dr ? '-dr' : ''}`);
    emergency.push({
      id,
      name,
      description: dr
        ? `${cc} emergency dial strings routed over Direct Routing (E2): replace the PSTN usage with your SBC's emergency usage`
        : `${cc} emergency dial strings, no PSTN usage (Calling Plan / Operator Connect, E2)`,
      dynamicEmergencyCalling: true,
      // E2: PSTN usages only when the resource account's number is Direct Routing.
      numbers: emergencyDialStringsFor(cc).map((d) => ({ dialString: d, dialMask: '', pstnUsage: dr ? `${cc}-Emergency` : '' })),
    });
    return id;
  };

  /** Per group key: what its users get. */
  const perGroup = new Map<string, { siteId: Id; policyId: Id | null; emergencyId: Id }>();
  const created: { site: Site; policy: SharedCallingPolicy; kind: RaNumberKind }[] = [];

  for (const q of options.sites) {
    const name = q.name.trim() || 'Other';
    const slug = siteSlug(name) || 'site';
    let site = q.existingSiteId ? sites.find((s) => s.id === q.existingSiteId) : undefined;
    site ??= sites.find((s) => s.name.trim().toLowerCase() === name.toLowerCase());
    if (!site) {
      const country = q.country.toUpperCase();
      site = {
        id: uniqueId(ids, `site-${slug.toLowerCase()}`),
        name,
        country,
        address: { street: '', city: '', postalCode: '', region: '' },
        lisLocationId: '',
        northAmerica: NA.has(country),
        extensionRange: null,
      };
      sites.push(site);
    }
    const dr = q.numberKind === 'directRouting';
    const emergencyId = emergencyFor(site.country || q.country, dr);

    // A site that already has a Shared Calling policy (by name) keeps it.
    const policyName = `SC-${slug}`.slice(0, 64);
    const existingPolicy = policies.find((p) => p.name.toLowerCase() === policyName.toLowerCase());
    if (existingPolicy) {
      perGroup.set(q.key, { siteId: site.id, policyId: existingPolicy.id, emergencyId });
      continue;
    }

    // Resource account: a free number of the chosen kind at this site, if the plan has one.
    const free = plan.numbers.find((n) => n.kind === q.numberKind && n.siteId === site.id && !usedNumbers.has(n.id));
    if (free) usedNumbers.add(free.id);
    let raVoice: Id | null = null;
    if (dr) {
      // RA11 / VR2: the Direct Routing resource account needs PSTN usages (the users must not).
      raVoice = uniqueId(ids, `vrp-${slug.toLowerCase()}-dr-ra`);
      voice.push({
        id: raVoice,
        name: `VRP-${slug}-DR-ResourceAccount`,
        description: `Direct Routing resource account of ${name} (RA11): replace the PSTN usage with yours`,
        pstnUsages: [`${slug}-PSTN`],
      });
    }
    let upn = pattern.replaceAll('{site}', slug.toLowerCase()).replaceAll('{domain}', domain);
    if (upns.has(upn.toLowerCase())) {
      const at = upn.lastIndexOf('@');
      let n = 2;
      while (upns.has(`${upn.slice(0, at)}${n}${upn.slice(at)}`.toLowerCase())) n++;
      upn = `${upn.slice(0, at)}${n}${upn.slice(at)}`;
    }
    upns.add(upn.toLowerCase());
    const ra: ResourceAccount = {
      id: uniqueId(ids, `ra-${slug.toLowerCase()}`),
      upn,
      displayName: `${name} Shared Calling`,
      numberId: free?.id ?? null,
      licence: 'teamsPhoneResourceAccount', // RA2
      payAsYouGoCallingPlan: q.numberKind === 'callingPlanService' || q.numberKind === 'callingPlanTollFreeService', // RA9
      callingPlanBilling: 'unknown', // RA9: funding depends on billing the planner cannot know
      voiceRoutingPolicyId: raVoice,
    };
    resourceAccounts.push(ra);
    const cc = (site.country || q.country).toUpperCase();
    autoAttendants.push({
      id: uniqueId(ids, `aa-${slug.toLowerCase()}`),
      name: `${name} Main Auto Attendant`,
      languageId: LANGUAGE[cc] ?? 'en-US',
      timeZoneId: TIME_ZONE[cc] ?? 'UTC',
      dialScopeGroups: [{ name: `SC-${slug}-Users`, objectId: '', siteIds: [site.id] }], // AA2
      dialByName: true,
      dialByExtension: site.extensionRange !== null,
      resourceAccountId: ra.id, // AA4
      operator: '', // AA10: a person the admin must choose
      greeting: '',
    });
    let finalName = policyName;
    for (let n = 2; policyNames.has(finalName.toLowerCase()); n++) finalName = `${policyName}-${n}`;
    policyNames.add(finalName.toLowerCase());
    const policy: SharedCallingPolicy = {
      id: uniqueId(ids, `scp-${slug.toLowerCase()}`),
      name: finalName,
      description: `Shared Calling for ${name} users (quick start)`,
      resourceAccountId: ra.id,
      callbackNumberIds: [],
      sizing: null,
    };
    policies.push(policy);
    created.push({ site, policy, kind: q.numberKind });
    perGroup.set(q.key, { siteId: site.id, policyId: policy.id, emergencyId });
  }

  // Users: fill empty fields only.
  const users = plan.users.map((u) => {
    const g = perGroup.get(groupKey(u, options.basis));
    if (!g) return u;
    const patch: Partial<User> = {};
    if (u.siteId === null) patch.siteId = g.siteId;
    if (u.sharedCallingPolicyId === null && g.policyId !== null) patch.sharedCallingPolicyId = g.policyId;
    if (u.emergencyPolicyId === null) patch.emergencyPolicyId = g.emergencyId;
    if (u.voiceRoutingPolicyId === null && userVoiceId !== null) patch.voiceRoutingPolicyId = userVoiceId;
    return Object.keys(patch).length === 0 ? u : { ...u, ...patch };
  });

  let next: Plan = {
    ...plan,
    tenantDomain: plan.tenantDomain.trim() || domain,
    sites,
    resourceAccounts,
    autoAttendants,
    sharedCallingPolicies: policies,
    emergencyPolicies: emergency,
    voiceRoutingPolicies: voice,
    users,
  };

  // Callback pools (§7.3/§7.4): the recommended size, from free numbers where the plan has them.
  const counts = new Map<Id, number>();
  for (const u of users) if (u.sharedCallingPolicyId) counts.set(u.sharedCallingPolicyId, (counts.get(u.sharedCallingPolicyId) ?? 0) + 1);
  const toAcquire: NumberNeed[] = [];
  for (const { site, policy, kind } of created) {
    const wanted = recommendPoolSize(next, policy, counts.get(policy.id) ?? 0);
    const add = callbackNumbersToAdd(next, policy, wanted);
    if (add.length > 0) {
      const updated = { ...policy, callbackNumberIds: add.map((n) => n.id) };
      next = { ...next, sharedCallingPolicies: next.sharedCallingPolicies.map((p) => (p.id === policy.id ? updated : p)) };
    }
    const ra = next.resourceAccounts.find((r) => r.id === policy.resourceAccountId);
    const country = site.country;
    if (ra && ra.numberId === null) {
      toAcquire.push({ siteId: site.id, siteName: site.name, policyName: policy.name, purpose: 'resourceAccount', kind, country, count: 1 });
    }
    const missing = wanted - add.length;
    const cbKind = requiredCallbackKind(kind);
    if (missing > 0 && cbKind) {
      toAcquire.push({ siteId: site.id, siteName: site.name, policyName: policy.name, purpose: 'callback', kind: cbKind, country, count: missing });
    }
  }
  if (toAcquire.length > 0) {
    const lines = toAcquire.map((n) => `- ${describeNeed(n)}`);
    next = { ...next, notes: `${next.notes.trim() ? `${next.notes.trimEnd()}\n\n` : ''}Quick start: numbers to acquire\n${lines.join('\n')}` };
  }
  return { plan: next, toAcquire };
}

/** "1 Operator Connect number (GB) for the resource account of SC-London". */
export function describeNeed(n: NumberNeed): string {
  const what = `${n.count} ${KIND_TEXT[n.kind]} number${n.count === 1 ? '' : 's'}${n.country ? ` (${n.country})` : ''}`;
  return n.purpose === 'resourceAccount' ? `${what} for the resource account of ${n.policyName}` : `${what} as emergency callback numbers of ${n.policyName}`;
}

/** Quick start: see planQuickStart. */
export function quickStart(plan: Plan, options: QuickStartOptions): Plan {
  return planQuickStart(plan, options).plan;
}
