/**
 * The embedded sample plan the app opens with on first start.
 *
 * Three sites in three countries, one per number kind a resource account can carry (RA1):
 *   Seattle (US) – Calling Plan service number, subscriber callback numbers (EN3), PAYG funded (RA9)
 *   London (GB)  – Operator Connect number, OC callback numbers (EN4), operator confirmed (RA10)
 *   Sydney (AU)  – Direct Routing number, DR callback numbers, RA voice routing with usages (RA11),
 *                  emergency routing with PSTN usages (E2) and dial-by-extension (V3)
 *
 * Every number is fictional: NANP 555-01xx, Ofcom's drama range 020 7946 0xxx, and ACMA's
 * fictional range 02 5550 xxxx. Every value is a literal or derived from a fixed list, so
 * `createSamplePlan()` is deterministic.
 */
import type { E164, Id, Plan, PhoneNumber, NumberKind, User, CountryCode } from './model.js';
import { DEFAULT_SIZING } from './model.js';

const FIRST = [
  'Alex',
  'Bianca',
  'Chen',
  'Dana',
  'Emeka',
  'Fatima',
  'Gustavo',
  'Hana',
  'Ivan',
  'José',
  'Kiri',
  'Liam',
  'Mei',
  'Noor',
  'Olga',
  'Priya',
  'Quinn',
  'Rafael',
  'Siobhan',
  'Tomás',
];
const LAST = ["O'Brien", 'Nakamura', 'Okafor', 'Schmidt', 'García', 'Kowalski', 'Haddad', 'Nguyen', 'Larsen'];
const DEPARTMENTS = ['Warehouse', 'Retail', 'Customer Service', 'Facilities', 'Logistics', 'Finance'];

interface SiteSpec {
  id: Id;
  name: string;
  country: CountryCode;
  northAmerica: boolean;
  address: { street: string; city: string; postalCode: string; region: string };
  kind: NumberKind;
  callbackKind: NumberKind;
  raNumber: string;
  callbacks: string[];
  spare: string[];
  users: number;
  language: string;
  timeZone: string;
  operator: string;
  emergencyPolicyId: Id;
  extensions: boolean;
}

const SITES: SiteSpec[] = [
  {
    id: 'site-seattle',
    name: 'Seattle',
    country: 'US',
    northAmerica: true,
    address: { street: '100 Example Way', city: 'Seattle', postalCode: '98101', region: 'WA' },
    kind: 'callingPlanService',
    callbackKind: 'callingPlanSubscriber',
    raNumber: '+12065550100',
    callbacks: ['+12065550101', '+12065550102', '+12065550103'],
    spare: ['+12065550104', '+12065550105'],
    users: 80,
    language: 'en-US',
    timeZone: 'Pacific Standard Time',
    operator: '',
    emergencyPolicyId: 'ecrp-us',
    extensions: false,
  },
  {
    id: 'site-london',
    name: 'London',
    country: 'GB',
    northAmerica: false,
    address: { street: '1 Sample Street', city: 'London', postalCode: 'EC1A 1AA', region: '' },
    kind: 'operatorConnect',
    callbackKind: 'operatorConnect',
    raNumber: '+442079460100',
    callbacks: ['+442079460101', '+442079460102', '+442079460103'],
    spare: ['+442079460104'],
    users: 60,
    language: 'en-GB',
    timeZone: 'GMT Standard Time',
    operator: 'Example Telecom',
    emergencyPolicyId: 'ecrp-uk',
    extensions: false,
  },
  {
    id: 'site-sydney',
    name: 'Sydney',
    country: 'AU',
    northAmerica: false,
    address: { street: '10 Placeholder Road', city: 'Sydney', postalCode: '2000', region: 'NSW' },
    kind: 'directRouting',
    callbackKind: 'directRouting',
    raNumber: '+61255500100',
    callbacks: ['+61255500101', '+61255500102'],
    spare: ['+61255500103', '+61255500104'],
    users: 40,
    language: 'en-AU',
    timeZone: 'AUS Eastern Standard Time',
    operator: '',
    emergencyPolicyId: 'ecrp-au',
    extensions: true,
  },
];

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

const SAMPLE_TIME = '2026-01-15T09:00:00.000Z';
const lisGuid = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

export function createSamplePlan(): Plan {
  const numbers: PhoneNumber[] = [];
  const addNumber = (site: SiteSpec, e164: string, kind: NumberKind, note: string): Id => {
    const id = `num-${e164.slice(1)}`;
    numbers.push({
      id,
      e164: e164 as E164, // literals above, checked by the sample-plan unit test
      kind,
      country: site.country,
      siteId: site.id,
      operator: kind === 'operatorConnect' ? site.operator : '',
      note,
    });
    return id;
  };

  const plan: Plan = {
    id: 'sample',
    name: 'Contoso Shared Calling (sample)',
    tenantDomain: 'contoso.com',
    notes:
      'Sample plan: three sites, one per number kind. All numbers are fictional (NANP 555-01xx, ' +
      'Ofcom drama range, ACMA fictional range). Edit it freely or create a new plan.',
    createdAt: SAMPLE_TIME,
    updatedAt: SAMPLE_TIME,
    tenant: { globalVoiceRoutingHasUsages: 'yes', siteAssignedEmergencyPolicies: false, tagCallbackNumbers: false },
    sites: [],
    numbers,
    resourceAccounts: [],
    autoAttendants: [],
    sharedCallingPolicies: [],
    emergencyPolicies: [
      {
        id: 'ecrp-us',
        name: 'ECRP-US-CPOC',
        description: 'US emergency dial strings, no PSTN usage (Calling Plan, E2)',
        dynamicEmergencyCalling: true,
        numbers: [
          { dialString: '911', dialMask: '', pstnUsage: '' },
          { dialString: '933', dialMask: '', pstnUsage: '' },
        ],
      },
      {
        id: 'ecrp-uk',
        name: 'ECRP-UK-CPOC',
        description: 'UK emergency dial strings, no PSTN usage (Operator Connect, E2)',
        dynamicEmergencyCalling: true,
        numbers: [
          { dialString: '999', dialMask: '', pstnUsage: '' },
          { dialString: '112', dialMask: '', pstnUsage: '' },
        ],
      },
      {
        id: 'ecrp-au',
        name: 'ECRP-AU-DR',
        description: 'Australian emergency dial strings routed over Direct Routing (E2)',
        dynamicEmergencyCalling: true,
        numbers: [
          { dialString: '000', dialMask: '', pstnUsage: 'AU-Emergency' },
          { dialString: '112', dialMask: '', pstnUsage: 'AU-Emergency' },
        ],
      },
    ],
    voiceRoutingPolicies: [
      {
        id: 'vrp-users',
        name: 'SC-NoPSTN',
        description: 'Shared Calling users: no PSTN usages (VR1)',
        pstnUsages: [],
      },
      {
        id: 'vrp-au-ra',
        name: 'VRP-AU-DR-ResourceAccount',
        description: 'Direct Routing resource account in Sydney (RA11)',
        pstnUsages: ['AU-PSTN'],
      },
    ],
    users: [],
    assignmentRules: [],
    checklist: {},
    importMapping: {},
    sizingDefaults: { ...DEFAULT_SIZING },
    verification: {},
  };

  SITES.forEach((s, i) => {
    plan.sites.push({
      id: s.id,
      name: s.name,
      country: s.country,
      address: { ...s.address },
      lisLocationId: lisGuid(i + 1),
      northAmerica: s.northAmerica,
      extensionRange: s.extensions ? { from: 2001, to: 2999 } : null,
    });
    const raNumberId = addNumber(s, s.raNumber, s.kind, 'Main line (auto attendant)');
    const callbackIds = s.callbacks.map((n, k) => addNumber(s, n, s.callbackKind, `Emergency callback ${k + 1}`));
    for (const n of s.spare) addNumber(s, n, s.callbackKind, 'Spare');

    const raId = `ra-${s.name.toLowerCase()}`;
    plan.resourceAccounts.push({
      id: raId,
      upn: `sc-${s.name.toLowerCase()}@contoso.com`,
      displayName: `${s.name} Main Line`,
      numberId: raNumberId,
      licence: 'teamsPhoneResourceAccount',
      payAsYouGoCallingPlan: s.kind === 'callingPlanService',
      // RA9: post-pay billing, so pay-as-you-go minutes fund the calls (no Communications Credits).
      callingPlanBilling: s.kind === 'callingPlanService' ? 'payAsYouGo' : 'unknown',
      voiceRoutingPolicyId: s.kind === 'directRouting' ? 'vrp-au-ra' : null,
    });
    plan.autoAttendants.push({
      id: `aa-${s.name.toLowerCase()}`,
      name: `${s.name} Main Auto Attendant`,
      languageId: s.language,
      timeZoneId: s.timeZone,
      dialScopeGroups: [{ name: `SC-${s.name}-Users`, objectId: '', siteIds: [s.id] }],
      dialByName: true,
      dialByExtension: s.extensions,
      resourceAccountId: raId,
      // AA10: without an operator the auto attendant drops calls it cannot route.
      operator: `reception.${s.name.toLowerCase()}@contoso.com`,
      greeting: '',
    });
    const policyId = `scp-${s.name.toLowerCase()}`;
    plan.sharedCallingPolicies.push({
      id: policyId,
      name: `SC-${s.name}`,
      description: `Shared Calling for ${s.name} users on ${s.raNumber}`,
      resourceAccountId: raId,
      callbackNumberIds: callbackIds,
      sizing: null,
    });

    // Facts no file can prove are checklist items; the sample ticks them.
    if (s.kind === 'callingPlanService') {
      plan.checklist[`RA9:${raId}`] = { done: true, note: 'Pay-as-you-go billing enabled for the Calling Plan subscription (sample)' };
    }
    if (s.kind === 'operatorConnect') {
      plan.checklist[`RA10:${raId}`] = { done: true, note: 'Operator confirmed Shared Calling support (sample)' };
    }
    if (!s.northAmerica) {
      plan.checklist[`E6:${s.id}`] = { done: true, note: 'Carrier emergency database upload arranged (sample)' };
    }

    for (let u = 0; u < s.users; u++) {
      const n = i * 1000 + u;
      const first = FIRST[n % FIRST.length] as string;
      const last = LAST[Math.floor(n / FIRST.length) % LAST.length] as string;
      const upn = `${slug(first)}.${slug(last)}${u}@contoso.com`;
      const user: User = {
        upn,
        displayName: `${first} ${last}`,
        usageLocation: s.country,
        department: DEPARTMENTS[(n * 7) % DEPARTMENTS.length] as string,
        office: s.name,
        siteId: s.id,
        teamsPhone: 'yes',
        enterpriseVoice: u % 3 === 0 ? 'yes' : 'no',
        currentNumber: '',
        sharedCallingPolicyId: policyId,
        emergencyPolicyId: s.emergencyPolicyId,
        voiceRoutingPolicyId: 'vrp-users',
        extension: s.extensions ? String(2001 + u) : '',
        hiddenFromAddressLists: false,
        source: { file: 'sample-users.csv', row: plan.users.length + 2 },
      };
      plan.users.push(user);
    }
  });

  plan.checklist['R1:tenant'] = { done: true, note: 'MicrosoftTeams 6.x installed on the admin workstation (sample)' };
  return plan;
}
