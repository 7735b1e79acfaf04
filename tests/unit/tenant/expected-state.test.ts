import { describe, expect, it } from 'vitest';
import { createSamplePlan, expectedTenantState, AUTO_ATTENDANT_APPLICATION_ID } from '../../../src/lib/index.js';
import type { Plan } from '../../../src/lib/index.js';

describe('expectedTenantState', () => {
  const plan = createSamplePlan();
  const state = expectedTenantState(plan);

  it('states every planned object once, in a stable order', () => {
    expect(state.resourceAccounts.map((r) => r.upn)).toEqual([...plan.resourceAccounts.map((r) => r.upn.toLowerCase())].sort());
    expect(state.sharedCallingPolicies).toHaveLength(plan.sharedCallingPolicies.length);
    expect(state.users).toHaveLength(plan.users.length);
    expect(state.users.map((u) => u.upn)).toEqual([...state.users.map((u) => u.upn)].sort());
  });

  it('gives every resource account the auto attendant application id and its number with location (RA5, RA1, RA8)', () => {
    for (const ra of state.resourceAccounts) {
      expect(ra.applicationId).toBe(AUTO_ATTENDANT_APPLICATION_ID);
      expect(ra.phoneNumber).toMatch(/^\+\d{8,15}$/);
      expect(ra.locationId).not.toBeNull();
      expect(ra.licences).toContain('teamsPhoneResourceAccount');
    }
  });

  it('keeps callback numbers in plan order (EN10)', () => {
    const p = plan.sharedCallingPolicies[0]!;
    const reversed: Plan = {
      ...plan,
      sharedCallingPolicies: plan.sharedCallingPolicies.map((x) => (x.id === p.id ? { ...x, callbackNumberIds: [...x.callbackNumberIds].reverse() } : x)),
    };
    const before = state.sharedCallingPolicies.find((x) => x.name === p.name)!.callbackNumbers;
    const after = expectedTenantState(reversed).sharedCallingPolicies.find((x) => x.name === p.name)!.callbackNumbers;
    expect(before.length).toBeGreaterThan(1);
    expect(after).toEqual([...before].reverse());
  });

  it('gives a Direct Routing extension as a ;ext= line URI and no number otherwise (V2, V3)', () => {
    const withExt = state.users.filter((u) => u.lineUri !== null);
    for (const u of withExt) expect(u.lineUri).toMatch(/^tel:\+\d+;ext=\d+$/);
    const drPolicy = plan.sharedCallingPolicies.find((p) => {
      const ra = plan.resourceAccounts.find((r) => r.id === p.resourceAccountId);
      return plan.numbers.find((n) => n.id === ra?.numberId)?.kind === 'directRouting';
    });
    const cpPolicy = plan.sharedCallingPolicies.find((p) => p !== drPolicy)!;
    const u0 = plan.users.find((u) => u.sharedCallingPolicyId === cpPolicy.id)!;
    const changed: Plan = { ...plan, users: plan.users.map((u) => (u === u0 ? { ...u, extension: '4321' } : u)) };
    const got = expectedTenantState(changed).users.find((u) => u.upn === u0.upn.toLowerCase())!;
    expect(got.lineUri).toBeNull();
    if (drPolicy) {
      const u1 = plan.users.find((u) => u.sharedCallingPolicyId === drPolicy.id)!;
      const c2: Plan = { ...plan, users: plan.users.map((u) => (u === u1 ? { ...u, extension: '4321' } : u)) };
      expect(expectedTenantState(c2).users.find((u) => u.upn === u1.upn.toLowerCase())!.lineUri).toMatch(/;ext=4321$/);
    }
  });

  it('a user without a planned policy has no direct assignment of that type', () => {
    const u0 = plan.users[0]!;
    const changed: Plan = { ...plan, users: plan.users.map((u) => (u === u0 ? { ...u, voiceRoutingPolicyId: null } : u)) };
    const got = expectedTenantState(changed).users.find((u) => u.upn === u0.upn.toLowerCase())!;
    expect(got.policies.OnlineVoiceRoutingPolicy).toBeNull();
    expect(got.policies.TeamsSharedCallingRoutingPolicy).not.toBeNull();
  });

  it('collects every PSTN usage a policy names', () => {
    for (const p of plan.voiceRoutingPolicies) for (const u of p.pstnUsages) expect(state.pstnUsages).toContain(u);
  });
});
