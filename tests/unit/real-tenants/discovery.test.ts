/** Issue 12 item 3: the discovery file in the planner (the file itself is written in tests/powershell/real-tenants.test.ts). */
import { describe, expect, it } from 'vitest';
import { compareWithTenant, createSamplePlan, DISCOVERY_FORMAT, generateScripts, planFromDiscovery, readDiscovery } from '../../../src/lib/index.js';

const file = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: DISCOVERY_FORMAT,
    version: 1,
    users: [
      {
        upn: 'alex@contoso.com',
        displayName: 'Alex',
        usageLocation: 'us',
        accountType: 'User',
        accountEnabled: true,
        teamsPhone: true,
        enterpriseVoiceEnabled: true,
        lineUri: '',
        effectivePolicies: [{ policyType: 'TeamsSharedCallingRoutingPolicy', policyName: 'SC-Main', assignmentType: 'Group', groupId: 'g1' }],
      },
      { upn: 'guest_x#EXT#@contoso.onmicrosoft.com', displayName: 'Guest', accountType: 'Guest', teamsPhone: false },
      { upn: 'nolicence@contoso.com', displayName: 'No licence', accountType: 'User', teamsPhone: false },
    ],
    resourceAccounts: [{ upn: 'main@contoso.com', objectId: 'OBJ-1', displayName: 'Main', phoneNumber: 'tel:+12065550100' }],
    autoAttendants: [
      { name: 'Main AA', languageId: 'en-US', timeZoneId: 'UTC', dialByName: true, directorySearchMethod: 'ByName', applicationInstances: ['obj-1'] },
    ],
    numbers: [
      { telephoneNumber: '+12065550100', numberType: 'CallingPlan', capabilities: ['VoiceApplicationAssignment'], isoCountryCode: 'US', assignedTo: 'OBJ-1' },
      { telephoneNumber: '+12065550101', numberType: 'CallingPlan', capabilities: ['UserAssignment'], isoCountryCode: 'US', assignedTo: '' },
      { telephoneNumber: 'not a number' },
    ],
    sharedCallingPolicies: [{ name: 'Global' }, { name: 'SC-Main', resourceAccount: 'OBJ-1', emergencyNumbers: ['+12065550101'] }],
    emergencyPolicies: [],
    voiceRoutingPolicies: [{ name: 'Global', pstnUsages: ['Global-PSTN'] }],
    ...over,
  });

describe('readDiscovery / planFromDiscovery / compareWithTenant', () => {
  it('a brownfield plan: objects existing, users in scope only with Teams Phone, effective (group) policies kept', () => {
    const plan = planFromDiscovery(readDiscovery(file()), 'p', 'From tenant', '2026-12-01T00:00:00Z');
    expect(plan.numbers.map((n) => [n.e164, n.kind, n.existing])).toEqual([
      ['+12065550100', 'callingPlanService', true],
      ['+12065550101', 'callingPlanSubscriber', false],
    ]);
    expect(plan.resourceAccounts[0]).toMatchObject({ upn: 'main@contoso.com', existing: true, numberId: 'num-12065550100' });
    expect(plan.autoAttendants[0]).toMatchObject({ name: 'Main AA', existing: true, resourceAccountId: plan.resourceAccounts[0]!.id });
    expect(plan.sharedCallingPolicies.map((p) => [p.name, p.existing, p.resourceAccountId, p.callbackNumberIds])).toEqual([
      ['SC-Main', true, plan.resourceAccounts[0]!.id, ['num-12065550101']],
    ]);
    expect(plan.tenant.globalVoiceRoutingHasUsages).toBe('yes');
    expect(plan.users.map((u) => [u.upn, u.excludedReason, u.sharedCallingPolicyId])).toEqual([
      ['alex@contoso.com', '', 'scp-sc-main'],
      ['guest_x#EXT#@contoso.onmicrosoft.com', 'Guest account', null],
      ['nolicence@contoso.com', 'No Teams Phone licence', null],
    ]);
    // A brownfield plan's scripts never create what exists and never delete it.
    const rollback = generateScripts(plan).find((f) => f.name === '09-rollback.ps1')!.text;
    expect(rollback).toContain('Existing = $true');
  });

  it('compare: create, change field by field, same, tenant only', () => {
    const d = readDiscovery(file());
    const plan = planFromDiscovery(d, 'p', 'x', '2026-12-01T00:00:00Z');
    expect(compareWithTenant(plan, d).filter((e) => e.status !== 'same')).toEqual([]);
    const sample = createSamplePlan();
    const diff = compareWithTenant(sample, d);
    expect(diff.find((e) => e.kind === 'sharedCallingPolicy' && e.name === 'SC-Seattle')?.status).toBe('create');
    expect(diff.find((e) => e.kind === 'sharedCallingPolicy' && e.name === 'SC-Main')?.status).toBe('tenantOnly');
    const edited = { ...plan, resourceAccounts: plan.resourceAccounts.map((r) => ({ ...r, displayName: 'Main line' })) };
    expect(compareWithTenant(edited, d).find((e) => e.kind === 'resourceAccount')).toMatchObject({
      status: 'change',
      changes: [{ field: 'Display name', plan: 'Main line', tenant: 'Main' }],
    });
  });

  it('refuses what is not a discovery file, with a message', () => {
    expect(() => readDiscovery('nope')).toThrow(/not valid JSON/);
    expect(() => readDiscovery('{"format":"other"}')).toThrow(/no "format"/);
    expect(() => readDiscovery(file({ version: 2 }))).toThrow(/version 2/);
  });
});
