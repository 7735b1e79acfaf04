/**
 * A tenant as a plan finds it before its runbook ran: licences bought, the users licensed for
 * Teams Phone, the Calling Plan and Operator Connect numbers in the inventory, the LIS locations
 * and the dial-scope groups the plan names. No resource account, auto attendant or planned
 * policy exists yet; only Global policies. The shape is the simulated tenant's snapshot
 * (tests/powershell/sim/README.md).
 */
import { createHash } from 'node:crypto';
import { userKey, type Plan } from '../../../src/lib/index.js';

/** Licence SKUs (part numbers and ids as Microsoft publishes them; the PAYG id is the simulator's). */
export const SKU = {
  teamsPhone: { skuId: 'e43b5b99-8dfb-405f-9987-dc307f34bcbd', skuPartNumber: 'MCOEV', plan: ['4828c8ec-dc2e-4779-b502-87ac9ce28ab7', 'MCOEV'] },
  resourceAccount: {
    skuId: '440eaaa8-b3e0-484b-a8be-62870b9ba70a',
    skuPartNumber: 'PHONESYSTEM_VIRTUALUSER',
    plan: ['f47330e9-c134-43b3-9993-e7f004506889', 'MCOEV_VIRTUALUSER'],
  },
  payAsYouGo: {
    skuId: '0e1aef8c-4fd4-4a8f-8b8f-6a3c0a3e9f01',
    skuPartNumber: 'Microsoft_Teams_Calling_Plan_pay_as_you_go',
    plan: ['1f8d3c5e-5a3c-4f53-9a2a-6f6d2b8c9e02', 'MCOPSTN_PAYG'],
  },
} as const;

/** A stable GUID-shaped id derived from a name (same plan → same tenant, byte for byte). */
export function stableGuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface StartTenantOptions {
  /** Users of the plan to leave without Teams Phone (U1, D12). */
  withoutTeamsPhone?: string[];
}

export function startTenantFor(plan: Plan, options: StartTenantOptions = {}): Record<string, unknown> {
  const noPhone = new Set((options.withoutTeamsPhone ?? []).map(userKey));
  const skus = Object.values(SKU).map((s) => ({
    skuId: s.skuId,
    skuPartNumber: s.skuPartNumber,
    enabled: Math.max(25, plan.users.length + 10),
    consumed: 0,
    servicePlans: [{ servicePlanId: s.plan[0], servicePlanName: s.plan[1] }],
  }));
  skus[0]!.consumed = plan.users.length - noPhone.size;
  const users = plan.users.map((u) => ({
    objectId: stableGuid(`user:${userKey(u.upn)}`),
    userPrincipalName: u.upn.trim(),
    displayName: u.displayName,
    accountType: noPhone.has(userKey(u.upn)) ? 'IneligibleUser' : 'User',
    accountEnabled: true,
    usageLocation: u.usageLocation,
    assignedLicenses: noPhone.has(userKey(u.upn)) ? [] : [{ skuId: SKU.teamsPhone.skuId, disabledPlans: [] }],
    // What the plan's user list says today (V1).
    enterpriseVoiceEnabled: u.enterpriseVoice === 'yes' && !noPhone.has(userKey(u.upn)),
    lineUri: '',
    businessPhones: [],
    mobilePhone: '',
    hiddenFromAddressLists: false,
    createdBySim: false,
    policies: {},
  }));
  // Direct Routing numbers are not in the Teams inventory (§3.16); CP and OC numbers are.
  const phoneNumbers = plan.numbers
    .filter((n) => n.kind !== 'directRouting')
    .map((n) => {
      const service = n.kind === 'callingPlanService' || n.kind === 'callingPlanTollFreeService';
      return {
        telephoneNumber: n.e164,
        numberType: n.kind === 'operatorConnect' ? 'OperatorConnect' : 'CallingPlan',
        isoCountryCode: n.country,
        capabilities:
          n.kind === 'operatorConnect'
            ? ['UserAssignment', 'VoiceApplicationAssignment']
            : service
              ? ['VoiceApplicationAssignment', 'ConferenceAssignment']
              : ['UserAssignment'],
        numberCategory: n.kind === 'callingPlanTollFreeService' ? 'TollFree' : service ? 'Service' : 'Subscriber',
        assignedPstnTargetId: null,
        assignmentCategory: null,
        pstnAssignmentStatus: 'Unassigned',
        locationId: null,
        tags: [],
      };
    });
  const lisLocations = plan.sites
    .filter((s) => s.lisLocationId !== '')
    .map((s) => ({
      locationId: s.lisLocationId,
      civicAddressId: stableGuid(`civic:${s.id}`),
      description: s.name,
      city: s.address.city,
      countryOrRegion: s.country,
    }));
  const groups = new Map<string, { id: string; displayName: string; members: string[]; hiddenMembership: boolean; securityEnabled: boolean }>();
  for (const aa of plan.autoAttendants) {
    for (const g of aa.dialScopeGroups) {
      if (groups.has(g.name)) continue;
      const members = plan.users
        .filter((u) => u.siteId !== null && g.siteIds.includes(u.siteId))
        .map((u) => stableGuid(`user:${userKey(u.upn)}`));
      groups.set(g.name, {
        id: g.objectId !== '' ? g.objectId : stableGuid(`group:${g.name}`),
        displayName: g.name,
        members,
        hiddenMembership: false,
        securityEnabled: true,
      });
    }
  }
  return {
    tenant: {
      tenantId: stableGuid(`tenant:${plan.tenantDomain}`),
      displayName: plan.tenantDomain,
      defaultDomain: plan.tenantDomain,
      cloud: 'commercial',
    },
    skus,
    users,
    phoneNumbers,
    lisLocations,
    autoAttendants: [],
    associations: [],
    policies: {
      TeamsSharedCallingRoutingPolicy: [{ identity: 'Global', description: '', resourceAccount: null, emergencyNumbers: [] }],
      TeamsEmergencyCallRoutingPolicy: [{ identity: 'Global', description: '', allowEnhancedEmergencyServices: false, emergencyNumbers: [] }],
      // VR1: this tenant's Global voice routing policy has PSTN usages, as the sample plan says.
      OnlineVoiceRoutingPolicy: [{ identity: 'Global', description: '', onlinePstnUsages: ['Global-PSTN'] }],
    },
    pstnUsages: ['Global-PSTN'],
    groups: [...groups.values()],
    groupPolicyAssignments: [],
    batchOperations: [],
    behaviour: {},
  };
}
