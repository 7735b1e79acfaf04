// Builds the starting tenant snapshot for a plan: licences (SKUs with enough units), every planned
// user as a licensed User (Teams Phone = MCOEV when the plan says so), the plan's number inventory,
// the LIS locations its sites name, the dial-scope groups its auto attendants name (members = the
// users of the groups' sites), the PSTN usages it names, Global policies only; no resource accounts,
// auto attendants or tagged policies yet.
//
//   npx tsx tests/powershell/sim/tenants/make-start.ts          (writes sample-start.json)
//
// buildStartTenant(plan) is exported for other plans (hostile plan, 100,000 users).
// Output format: JSON.stringify(snapshot, null, 2) + '\n', the engine's own save format, so a
// snapshot the engine saved without changes is byte-identical.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createSamplePlan, type Plan } from '../../../../src/lib/index.js';

// Licence identifiers: shared-calling.md §2.2 table ([ENTRA]); Office 365 E3 gives Teams (TEAMS1).
export const SKUS = {
  E3: {
    skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900',
    skuPartNumber: 'ENTERPRISEPACK',
    servicePlans: [
      { servicePlanId: '57ff2da0-773e-42df-b2af-ffb7a2317929', servicePlanName: 'TEAMS1' },
      { servicePlanId: 'efb87545-963c-4e0d-99df-69c6916d9eb0', servicePlanName: 'EXCHANGE_S_ENTERPRISE' },
    ],
  },
  MCOEV: {
    skuId: 'e43b5b99-8dfb-405f-9987-dc307f34bcbd',
    skuPartNumber: 'MCOEV',
    servicePlans: [{ servicePlanId: '4828c8ec-dc2e-4779-b502-87ac9ce28ab7', servicePlanName: 'MCOEV' }],
  },
  VIRTUALUSER: {
    skuId: '440eaaa8-b3e0-484b-a8be-62870b9ba70a',
    skuPartNumber: 'PHONESYSTEM_VIRTUALUSER',
    servicePlans: [{ servicePlanId: 'f47330e9-c134-43b3-9993-e7f004506889', servicePlanName: 'MCOEV_VIRTUALUSER' }],
  },
  PAYG: {
    skuId: '9b196e97-5830-4c2e-adc2-1e10ebf5dee5',
    skuPartNumber: 'Microsoft_Teams_Calling_Plan_pay_as_you_go_(country_zone_1_US)',
    servicePlans: [{ servicePlanId: '156a1efe-17cd-4b03-9f17-2eb512298fb3', servicePlanName: 'MCOPSTN_PAYG_1' }],
  },
  CREDITS: {
    skuId: '47794cd0-f0e5-45c5-9033-2eb6b5fc84e0',
    skuPartNumber: 'MCOPSTNC',
    servicePlans: [{ servicePlanId: '505e180f-f7e0-4b65-91d4-00d670bbd18c', servicePlanName: 'MCOPSTNC' }],
  },
} as const;

/** Deterministic GUID (v4 layout) from a text, so snapshots are reproducible. */
export function simGuid(text: string): string {
  const h = crypto.createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const NUMBER_TYPE = {
  callingPlanSubscriber: 'CallingPlan',
  callingPlanService: 'CallingPlan',
  callingPlanTollFreeService: 'CallingPlan',
  operatorConnect: 'OperatorConnect',
  directRouting: 'DirectRouting',
} as const;
const CATEGORY = {
  callingPlanSubscriber: 'Subscriber',
  callingPlanService: 'Service',
  callingPlanTollFreeService: 'TollFree',
  operatorConnect: null,
  directRouting: null,
} as const;
const CAPABILITIES = {
  callingPlanSubscriber: ['UserAssignment'],
  callingPlanService: ['VoiceApplicationAssignment', 'ConferenceAssignment'],
  callingPlanTollFreeService: ['VoiceApplicationAssignment', 'ConferenceAssignment'],
  operatorConnect: ['UserAssignment', 'VoiceApplicationAssignment', 'ConferenceAssignment'],
  directRouting: ['UserAssignment', 'VoiceApplicationAssignment', 'ConferenceAssignment'],
} as const;

export interface StartOptions {
  /** Global voice routing policy usage when the plan says Global has usages. */
  globalUsage?: string;
  behaviour?: Record<string, unknown>;
}

export function buildStartTenant(plan: Plan, options: StartOptions = {}) {
  const tenantId = simGuid(`tenant|${plan.tenantDomain}`);
  const users = plan.users.map((u) => {
    const licences: { skuId: string; disabledPlans: string[] }[] = [{ skuId: SKUS.E3.skuId, disabledPlans: [] }];
    if (u.teamsPhone !== 'no') licences.push({ skuId: SKUS.MCOEV.skuId, disabledPlans: [] });
    return {
      objectId: simGuid(`user|${u.upn.toLowerCase()}`),
      userPrincipalName: u.upn,
      displayName: u.displayName,
      accountType: 'User',
      accountEnabled: true,
      usageLocation: u.usageLocation || null,
      assignedLicenses: licences,
      enterpriseVoiceEnabled: u.enterpriseVoice === 'yes',
      lineUri: u.currentNumber ? `tel:${u.currentNumber}` : null,
      businessPhones: [] as string[],
      mobilePhone: null,
      hiddenFromAddressLists: false,
      createdBySim: false,
      policies: {},
    };
  });
  const withPhone = users.filter((u) => u.assignedLicenses.some((l) => l.skuId === SKUS.MCOEV.skuId)).length;
  const payg = plan.resourceAccounts.filter((ra) => ra.payAsYouGoCallingPlan).length;
  const sku = (s: (typeof SKUS)[keyof typeof SKUS], enabled: number, consumed: number) => ({
    skuId: s.skuId,
    skuPartNumber: s.skuPartNumber,
    enabled,
    consumed,
    servicePlans: s.servicePlans.map((p) => ({ ...p })),
  });
  const skus = [
    sku(SKUS.E3, users.length + 25, users.length),
    sku(SKUS.MCOEV, users.length + 25, withPhone),
    sku(SKUS.VIRTUALUSER, plan.resourceAccounts.length + 5, 0),
    sku(SKUS.PAYG, payg + 2, 0),
    sku(SKUS.CREDITS, 1, 0),
  ];
  const siteOf = new Map(plan.sites.map((s) => [s.id, s]));
  const phoneNumbers = plan.numbers.map((n) => ({
    telephoneNumber: n.e164,
    numberType: NUMBER_TYPE[n.kind],
    isoCountryCode: n.country || siteOf.get(n.siteId ?? '')?.country || null,
    capabilities: [...CAPABILITIES[n.kind]],
    numberCategory: CATEGORY[n.kind],
    assignedPstnTargetId: null,
    assignmentCategory: null,
    pstnAssignmentStatus: 'Unassigned',
    locationId: null,
    tags: [] as string[],
  }));
  const lisLocations = plan.sites
    .filter((s) => s.lisLocationId)
    .map((s) => ({
      locationId: s.lisLocationId,
      civicAddressId: simGuid(`civic|${s.lisLocationId}`),
      description: s.name,
      city: s.address?.city ?? null,
      countryOrRegion: s.country,
    }));
  const groups: {
    id: string;
    displayName: string;
    members: string[];
    hiddenMembership: boolean;
    securityEnabled: boolean;
    mailEnabled: boolean;
    mail: null;
    createdBySim: boolean;
  }[] = [];
  for (const aa of plan.autoAttendants) {
    for (const g of aa.dialScopeGroups) {
      if (groups.some((x) => x.displayName === g.name)) continue;
      const sites = new Set(g.siteIds);
      groups.push({
        id: g.objectId || simGuid(`group|${g.name}`),
        displayName: g.name,
        members: plan.users.filter((u) => sites.has(u.siteId ?? '')).map((u) => simGuid(`user|${u.upn.toLowerCase()}`)),
        hiddenMembership: false,
        securityEnabled: true,
        mailEnabled: false,
        mail: null,
        createdBySim: false,
      });
    }
  }
  const usages = new Set<string>();
  for (const vrp of plan.voiceRoutingPolicies) for (const u of vrp.pstnUsages) if (u) usages.add(u);
  for (const ecrp of plan.emergencyPolicies) for (const n of ecrp.numbers) if (n.pstnUsage) usages.add(n.pstnUsage);
  const globalUsage = options.globalUsage ?? 'Global-PSTN';
  const globalHasUsages = plan.tenant.globalVoiceRoutingHasUsages === 'yes';
  if (globalHasUsages) usages.add(globalUsage);
  return {
    tenant: { tenantId, displayName: plan.name, defaultDomain: plan.tenantDomain, cloud: 'commercial' },
    skus,
    users,
    phoneNumbers,
    lisLocations,
    autoAttendants: [],
    associations: [],
    policies: {
      TeamsSharedCallingRoutingPolicy: [{ identity: 'Global', description: null, resourceAccount: null, emergencyNumbers: [] }],
      TeamsEmergencyCallRoutingPolicy: [{ identity: 'Global', description: null, allowEnhancedEmergencyServices: false, emergencyNumbers: [] }],
      OnlineVoiceRoutingPolicy: [{ identity: 'Global', description: null, onlinePstnUsages: globalHasUsages ? [globalUsage] : [] }],
    },
    pstnUsages: [...usages].sort(),
    groups,
    groupPolicyAssignments: [],
    batchOperations: [],
    behaviour: options.behaviour ?? {},
  };
}

export function snapshotText(snapshot: unknown): string {
  return JSON.stringify(snapshot, null, 2) + '\n';
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const target = path.join(here, 'sample-start.json');
  fs.writeFileSync(target, snapshotText(buildStartTenant(createSamplePlan())));
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
