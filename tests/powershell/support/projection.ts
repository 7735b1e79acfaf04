/**
 * Read a simulated tenant's snapshot in the shape of the core's ExpectedTenantState, so a test
 * compares "what the tenant holds" with "what the plan says it should hold" in one toEqual.
 */
import type { ExpectedTenantState, ExpectedLicence } from '../../../src/lib/index.js';
import { SKUS } from '../sim/tenants/make-start.js';

/* The snapshot is JSON written by the simulator (tests/powershell/sim/README.md). */
type Json = any;

const lc = (s: unknown): string => String(s ?? '').toLowerCase();
const sortBy = <T>(xs: T[], key: (t: T) => string): T[] => [...xs].sort((a, b) => (lc(key(a)) < lc(key(b)) ? -1 : lc(key(a)) > lc(key(b)) ? 1 : 0));
const bare = (identity: unknown): string => String(identity ?? '').replace(/^tag:/i, '');
const policyName = (v: unknown): string | null => (v === undefined || v === null || v === '' ? null : bare(v));

const LICENCE_BY_SKU: Record<string, ExpectedLicence> = {
  [SKUS.VIRTUALUSER.skuId]: 'teamsPhoneResourceAccount',
  [SKUS.PAYG.skuId]: 'payAsYouGoCallingPlan',
};

function directorySearchMethod(aa: Json): string {
  // The call flow is stored as the cmdlets' objects are shaped (PascalCase, as the docs show them).
  return String(aa.defaultCallFlow?.Menu?.DirectorySearchMethod ?? 'None');
}

/** Planned objects only: the tenant's other objects (Global policies, other users) are not compared here. */
export function projectTenant(t: Json, expected: ExpectedTenantState): ExpectedTenantState {
  const users: Json[] = t.users ?? [];
  const byId = new Map<string, Json>(users.map((u) => [String(u.objectId), u]));
  const byUpn = new Map<string, Json>(users.map((u) => [lc(u.userPrincipalName), u]));
  const numbers: Json[] = t.phoneNumbers ?? [];
  const numberOf = (objectId: string): Json | undefined => numbers.find((n) => String(n.assignedPstnTargetId ?? '') === objectId);
  const policies = (type: string): Json[] => t.policies?.[type] ?? [];
  const plannedNames = (xs: { name: string }[]) => new Set(xs.map((x) => lc(x.name)));

  const raUpns = new Set(expected.resourceAccounts.map((r) => r.upn));
  const resourceAccounts = users
    .filter((u) => raUpns.has(lc(u.userPrincipalName)))
    .map((u) => {
      const num = numberOf(String(u.objectId));
      const line = String(u.lineUri ?? '').replace(/^tel:/i, '');
      return {
        upn: lc(u.userPrincipalName),
        displayName: String(u.displayName),
        applicationId: String(u.applicationId ?? ''),
        licences: (u.assignedLicenses ?? [])
          .map((l: Json) => LICENCE_BY_SKU[String(l.skuId)])
          .filter((x: ExpectedLicence | undefined): x is ExpectedLicence => x !== undefined)
          .sort(),
        phoneNumber: num ? String(num.telephoneNumber) : line !== '' ? line : null,
        numberType: num ? String(num.numberType) : line !== '' ? 'DirectRouting' : null,
        locationId: num?.locationId ? String(num.locationId) : null,
        voiceRoutingPolicy: policyName(u.policies?.OnlineVoiceRoutingPolicy),
      };
    });

  const aaNames = plannedNames(expected.autoAttendants);
  const autoAttendants = (t.autoAttendants ?? [])
    .filter((a: Json) => aaNames.has(lc(a.name)))
    .map((a: Json) => {
      const assoc = (t.associations ?? []).find((x: Json) => String(x.configurationId) === String(a.identity));
      return {
        name: String(a.name),
        languageId: String(a.languageId),
        timeZoneId: String(a.timeZoneId),
        dialScopeGroupIds: [...(a.inclusionScopeGroupIds ?? [])].map(String).sort(),
        dialScopeGroupNames: [] as string[],
        directorySearchMethod: directorySearchMethod(a),
        resourceAccountUpn: assoc ? lc(byId.get(String(assoc.objectId))?.userPrincipalName) || null : null,
      };
    });

  const vrpNames = plannedNames(expected.voiceRoutingPolicies);
  const ecrpNames = plannedNames(expected.emergencyPolicies);
  const scpNames = plannedNames(expected.sharedCallingPolicies);
  const usage = new Set(expected.pstnUsages);

  const userUpns = new Set(expected.users.map((u) => u.upn));
  return {
    resourceAccounts: sortBy(resourceAccounts, (r) => r.upn) as ExpectedTenantState['resourceAccounts'],
    autoAttendants: sortBy(autoAttendants, (a: Json) => a.name) as ExpectedTenantState['autoAttendants'],
    voiceRoutingPolicies: sortBy(
      policies('OnlineVoiceRoutingPolicy')
        .filter((p) => vrpNames.has(lc(bare(p.identity))))
        .map((p) => ({ name: bare(p.identity), description: String(p.description ?? ''), pstnUsages: [...(p.onlinePstnUsages ?? [])].map(String) })),
      (p) => p.name,
    ),
    pstnUsages: [...(t.pstnUsages ?? [])]
      .map(String)
      .filter((u) => usage.has(u))
      .sort(),
    emergencyPolicies: sortBy(
      policies('TeamsEmergencyCallRoutingPolicy')
        .filter((p) => ecrpNames.has(lc(bare(p.identity))))
        .map((p) => ({
          name: bare(p.identity),
          description: String(p.description ?? ''),
          allowEnhancedEmergencyServices: Boolean(p.allowEnhancedEmergencyServices),
          numbers: (p.emergencyNumbers ?? []).map((n: Json) => ({
            dialString: String(n.emergencyDialString ?? ''),
            dialMask: String(n.emergencyDialMask ?? ''),
            pstnUsage: String(n.onlinePstnUsage ?? ''),
          })),
        })),
      (p) => p.name,
    ),
    sharedCallingPolicies: sortBy(
      policies('TeamsSharedCallingRoutingPolicy')
        .filter((p) => scpNames.has(lc(bare(p.identity))))
        .map((p) => ({
          name: bare(p.identity),
          description: String(p.description ?? ''),
          resourceAccountUpn: p.resourceAccount ? lc(byId.get(String(p.resourceAccount))?.userPrincipalName) || null : null,
          callbackNumbers: [...(p.emergencyNumbers ?? [])].map(String),
        })),
      (p) => p.name,
    ),
    users: sortBy(
      [...userUpns].flatMap((upn) => {
        const u = byUpn.get(upn);
        if (!u) return [];
        return [
          {
            upn,
            enterpriseVoiceEnabled: Boolean(u.enterpriseVoiceEnabled),
            lineUri: u.lineUri ? String(u.lineUri) : null,
            policies: {
              TeamsSharedCallingRoutingPolicy: policyName(u.policies?.TeamsSharedCallingRoutingPolicy),
              TeamsEmergencyCallRoutingPolicy: policyName(u.policies?.TeamsEmergencyCallRoutingPolicy),
              OnlineVoiceRoutingPolicy: policyName(u.policies?.OnlineVoiceRoutingPolicy),
            },
          },
        ];
      }),
      (u) => u.upn,
    ),
  };
}

/** The expectation with dial-scope group names resolved to the tenant's group ids (AA2). */
export function resolveExpected(expected: ExpectedTenantState, t: Json): ExpectedTenantState {
  const groups: Json[] = t.groups ?? [];
  return {
    ...expected,
    resourceAccounts: expected.resourceAccounts.map((r) => ({ ...r, licences: [...r.licences].sort() })),
    autoAttendants: expected.autoAttendants.map((a) => ({
      ...a,
      dialScopeGroupIds: [
        ...a.dialScopeGroupIds,
        ...a.dialScopeGroupNames.map((n) => String(groups.find((g) => g.displayName === n)?.id ?? `(no group ${n})`)),
      ].sort(),
      dialScopeGroupNames: [],
    })),
  };
}
