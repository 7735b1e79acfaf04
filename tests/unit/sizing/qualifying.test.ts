import { describe, expect, it } from 'vitest';
import {
  blankUser,
  createEmptyPlan,
  type E164,
  type NumberKind,
  type PhoneNumber,
  type Plan,
  type ResourceAccount,
  type SharedCallingPolicy,
} from '../../../src/lib/domain/model.js';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { callbackNumbersToAdd, qualifyingCallbackNumbers, requiredCallbackKind } from '../../../src/lib/sizing/index.js';

const num = (id: string, e164: string, kind: NumberKind, country: string): PhoneNumber => ({
  id,
  e164: e164 as E164, // test data, written in E.164 by hand
  kind,
  country,
  siteId: null,
  operator: '',
  note: '',
  existing: false,
});

const ra = (id: string, numberId: string | null): ResourceAccount => ({
  id,
  upn: `${id}@contoso.com`,
  displayName: id,
  numberId,
  licence: 'teamsPhoneResourceAccount',
  payAsYouGoCallingPlan: true,
  callingPlanBilling: 'payAsYouGo',
  voiceRoutingPolicyId: null,
  existing: false,
});

const policy = (id: string, resourceAccountId: string | null, callbackNumberIds: string[] = []): SharedCallingPolicy => ({
  id,
  name: id,
  description: '',
  resourceAccountId,
  callbackNumberIds,
  sizing: null,
  assignment: { method: 'perUser' },
  existing: false,
});

function fixture(): Plan {
  const plan = createEmptyPlan('p', 'Q', '2025-01-01T00:00:00Z');
  plan.numbers = [
    num('ra-cp', '+12065550100', 'callingPlanService', 'US'),
    num('ra-tf', '+18005550100', 'callingPlanTollFreeService', 'US'),
    num('ra-oc', '+442079460100', 'operatorConnect', 'GB'),
    num('ra-dr', '+61255500100', 'directRouting', 'AU'),
    num('ra-sub', '+12065550199', 'callingPlanSubscriber', 'US'),
    num('us-sub-free-1', '+12065550101', 'callingPlanSubscriber', 'US'),
    num('us-sub-in-policy', '+12065550102', 'callingPlanSubscriber', 'US'),
    num('us-sub-user', '+12065550103', 'callingPlanSubscriber', 'US'),
    num('us-sub-free-2', '+12065550104', 'callingPlanSubscriber', 'US'),
    num('us-svc-free', '+12065550105', 'callingPlanService', 'US'),
    num('us-oc-free', '+12065550106', 'operatorConnect', 'US'),
    num('ca-sub-free', '+14165550101', 'callingPlanSubscriber', 'CA'),
    num('gb-oc-free', '+442079460101', 'operatorConnect', 'GB'),
    num('gb-dr-free', '+442079460102', 'directRouting', 'GB'),
    num('au-dr-free', '+61255500101', 'directRouting', 'AU'),
    num('au-dr-ra2', '+61255500102', 'directRouting', 'AU'),
  ];
  plan.resourceAccounts = [
    ra('cp', 'ra-cp'),
    ra('tf', 'ra-tf'),
    ra('oc', 'ra-oc'),
    ra('dr', 'ra-dr'),
    ra('dr2', 'au-dr-ra2'),
    ra('sub', 'ra-sub'),
    ra('none', null),
  ];
  plan.sharedCallingPolicies = [
    policy('p-cp', 'cp', ['us-sub-in-policy']),
    policy('p-tf', 'tf'),
    policy('p-oc', 'oc'),
    policy('p-dr', 'dr'),
    policy('p-sub', 'sub'),
    policy('p-none', 'none'),
    policy('p-null', null),
  ];
  plan.users = [{ ...blankUser('a@contoso.com', 'A'), currentNumber: '+1 (206) 555-0103;ext=12' }];
  return plan;
}

const ids = (plan: Plan, policyId: string): string[] => {
  const p = plan.sharedCallingPolicies.find((x) => x.id === policyId);
  if (!p) throw new Error(policyId);
  return qualifyingCallbackNumbers(plan, p).map((n) => n.id);
};

describe('qualifyingCallbackNumbers (EN3, EN4, EN6, EN7)', () => {
  it('CP service number: free US subscriber numbers only (EN3, EN4, EN6, EN7)', () => {
    expect(ids(fixture(), 'p-cp')).toEqual(['us-sub-free-1', 'us-sub-free-2']);
  });

  it('CP toll-free service number: subscriber numbers too (EN2, EN3)', () => {
    expect(ids(fixture(), 'p-tf')).toEqual(['us-sub-free-1', 'us-sub-free-2']);
  });

  it('Operator Connect: OC numbers of the same country (EN4)', () => {
    expect(ids(fixture(), 'p-oc')).toEqual(['gb-oc-free']);
  });

  it('Direct Routing: DR numbers of the same country, not another resource account’s (EN4, EN6)', () => {
    expect(ids(fixture(), 'p-dr')).toEqual(['au-dr-free']);
  });

  it('nothing without a usable resource-account number', () => {
    const plan = fixture();
    expect(ids(plan, 'p-sub')).toEqual([]);
    expect(ids(plan, 'p-none')).toEqual([]);
    expect(ids(plan, 'p-null')).toEqual([]);
  });

  it('a number already in this policy is not offered again (EN7)', () => {
    const plan = fixture();
    const cp = plan.sharedCallingPolicies[0];
    if (!cp) throw new Error('fixture');
    cp.callbackNumberIds.push('us-sub-free-1');
    expect(ids(plan, 'p-cp')).toEqual(['us-sub-free-2']);
  });

  it('requiredCallbackKind', () => {
    expect(requiredCallbackKind('callingPlanService')).toBe('callingPlanSubscriber');
    expect(requiredCallbackKind('callingPlanTollFreeService')).toBe('callingPlanSubscriber');
    expect(requiredCallbackKind('operatorConnect')).toBe('operatorConnect');
    expect(requiredCallbackKind('directRouting')).toBe('directRouting');
    expect(requiredCallbackKind('callingPlanSubscriber')).toBeNull();
  });

  it('callbackNumbersToAdd fills up to the wanted count, from the front', () => {
    const plan = fixture();
    const cp = plan.sharedCallingPolicies[0];
    if (!cp) throw new Error('fixture');
    expect(callbackNumbersToAdd(plan, cp, 2).map((n) => n.id)).toEqual(['us-sub-free-1']);
    expect(callbackNumbersToAdd(plan, cp, 5).map((n) => n.id)).toEqual(['us-sub-free-1', 'us-sub-free-2']);
    expect(callbackNumbersToAdd(plan, cp, 1)).toEqual([]);
    expect(callbackNumbersToAdd(plan, cp, 0)).toEqual([]);
  });

  it('on the sample plan every offered number obeys the rules', () => {
    const plan = createSamplePlan();
    let offered = 0;
    for (const p of plan.sharedCallingPolicies) {
      const raNumber = plan.numbers.find((n) => n.id === plan.resourceAccounts.find((r) => r.id === p.resourceAccountId)?.numberId);
      for (const n of qualifyingCallbackNumbers(plan, p)) {
        offered++;
        expect(n.country).toBe(raNumber?.country);
        expect(n.kind).toBe(raNumber ? requiredCallbackKind(raNumber.kind) : null);
        expect(plan.resourceAccounts.some((r) => r.numberId === n.id)).toBe(false);
        expect(plan.sharedCallingPolicies.some((q) => q.callbackNumberIds.includes(n.id))).toBe(false);
        expect(plan.users.some((u) => u.currentNumber.startsWith(n.e164))).toBe(false);
      }
    }
    expect(offered).toBeGreaterThan(0); // the sample plan keeps spare callback numbers
  });
});

describe('applyRecommendedCallbacks (sizing’s Apply, in the core)', () => {
  it('adds qualifying numbers up to the recommendation and says which', async () => {
    const { applyRecommendedCallbacks, createSamplePlan, qualifyingCallbackNumbers } = await import('../../../src/lib/index.js');
    const plan = createSamplePlan();
    const seattle = plan.sharedCallingPolicies.find((p) => p.id === 'scp-seattle')!;
    const free = qualifyingCallbackNumbers(plan, seattle);
    const out = applyRecommendedCallbacks(plan, 'scp-seattle', seattle.callbackNumberIds.length + 1);
    expect(out.added).toEqual(free.slice(0, 1).map((n) => n.e164));
    expect(out.plan.sharedCallingPolicies.find((p) => p.id === 'scp-seattle')?.callbackNumberIds).toHaveLength(
      seattle.callbackNumberIds.length + out.added.length,
    );
    expect(applyRecommendedCallbacks(plan, 'scp-seattle', 0).plan).toBe(plan);
  });
});
