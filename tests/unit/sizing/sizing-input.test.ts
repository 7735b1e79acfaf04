import { describe, expect, it } from 'vitest';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { mergeablePolicyGroups, parseDecimal } from '../../../src/lib/sizing/index.js';

describe('parseDecimal (sizing input)', () => {
  it('accepts a decimal comma as well as a point', () => {
    expect(parseDecimal('0,5')).toBe(0.5);
    expect(parseDecimal('0.5')).toBe(0.5);
    expect(parseDecimal(' 1,25 ')).toBe(1.25);
    expect(parseDecimal('0,001')).toBe(0.001);
    expect(parseDecimal('1.234,5')).toBe(1234.5);
    expect(parseDecimal('1,234.5')).toBe(1234.5);
    expect(parseDecimal('1 000')).toBe(1000);
    expect(parseDecimal("1'000")).toBe(1000);
    expect(parseDecimal('2,000')).toBe(2000);
    expect(parseDecimal('1e-3')).toBe(0.001);
  });
  it('never guesses: text, two decimal marks and empty input are NaN', () => {
    for (const t of ['', ' ', 'abc', '1,2,3', '1.2.3', '0,5%', '--1', ',']) expect(parseDecimal(t), t).toBeNaN();
  });
});

describe('mergeablePolicyGroups (splitting users over policies)', () => {
  it('leaves out policies in different countries or with different number kinds', () => {
    // The sample's three policies are US Calling Plan, GB Operator Connect and AU Direct Routing.
    expect(mergeablePolicyGroups(createSamplePlan())).toEqual([]);
  });
  it('groups policies whose resource-account numbers share kind and country', () => {
    const p = createSamplePlan();
    // A second US Calling Plan policy on its own resource account, with half the Seattle users.
    p.numbers.push({ ...p.numbers.find((n) => n.e164 === '+12065550104')!, id: 'num-ra2', kind: 'callingPlanService' });
    p.resourceAccounts.push({
      ...p.resourceAccounts.find((r) => r.id === 'ra-seattle')!,
      id: 'ra-seattle-2',
      upn: 'sc-seattle2@contoso.com',
      numberId: 'num-ra2',
    });
    p.sharedCallingPolicies.push({
      ...p.sharedCallingPolicies.find((x) => x.id === 'scp-seattle')!,
      id: 'scp-seattle-2',
      name: 'SC-Seattle-2',
      resourceAccountId: 'ra-seattle-2',
      callbackNumberIds: [],
    });
    p.users
      .filter((u) => u.siteId === 'site-seattle')
      .slice(0, 40)
      .forEach((u) => (u.sharedCallingPolicyId = 'scp-seattle-2'));
    // An empty policy does not count.
    p.sharedCallingPolicies.push({ ...p.sharedCallingPolicies.find((x) => x.id === 'scp-london')!, id: 'scp-empty', name: 'SC-Empty' });
    expect(mergeablePolicyGroups(p)).toEqual([{ label: 'Calling Plan, US', policyIds: ['scp-seattle', 'scp-seattle-2'] }]);
  });
});
