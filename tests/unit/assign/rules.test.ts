import { describe, expect, it } from 'vitest';
import { addRule, applyRules, moveRule, previewRules, removeRule, ruleMatcher } from '../../../src/lib/assign/index.js';
import { createSamplePlan, type AssignmentRule, type Plan } from '../../../src/lib/index.js';

const rule = (id: string, r: Partial<AssignmentRule>): AssignmentRule => ({
  id,
  enabled: true,
  field: 'department',
  operator: 'is',
  values: [],
  assign: {},
  ...r,
});

const base = createSamplePlan();
const withRules = (rules: AssignmentRule[]): Plan => ({ ...base, assignmentRules: rules });
const count = (p: Plan, f: (u: Plan['users'][number]) => boolean) => p.users.filter(f).length;

describe('assignment rules', () => {
  it('matches is / is one of / contains / starts with, case-insensitively', () => {
    const u = base.users[0]!;
    expect(ruleMatcher(rule('a', { field: 'siteId', values: ['SITE-SEATTLE'] }))(u)).toBe(true);
    expect(ruleMatcher(rule('a', { operator: 'isOneOf', values: ['x', u.department] }))(u)).toBe(true);
    expect(ruleMatcher(rule('a', { field: 'upnDomain', values: ['contoso.com'] }))(u)).toBe(true);
    expect(ruleMatcher(rule('a', { field: 'office', operator: 'contains', values: ['eatt'] }))(u)).toBe(true);
    expect(ruleMatcher(rule('a', { field: 'usageLocation', operator: 'startsWith', values: ['u'] }))(u)).toBe(true);
    expect(ruleMatcher(rule('a', { values: [] }))(u)).toBe(false); // empty rule matches nobody
  });

  it('previews per-rule moves and the total, then applies exactly that', () => {
    const london = count(base, (u) => u.siteId === 'site-london');
    const frontline = count(base, (u) => u.department === 'Warehouse' || u.department === 'Retail');
    const plan = withRules([
      rule('r1', { field: 'siteId', values: ['site-london'], assign: { sharedCallingPolicyId: 'scp-seattle' } }),
      rule('r2', { operator: 'isOneOf', values: ['Warehouse', 'Retail'], assign: { emergencyPolicyId: 'ecrp-uk' } }),
    ]);
    const preview = previewRules(plan);
    expect(preview.matched).toEqual([london, frontline]);
    const frontlineNotUk = count(base, (u) => (u.department === 'Warehouse' || u.department === 'Retail') && u.emergencyPolicyId !== 'ecrp-uk');
    expect(preview.perRule).toEqual([london, frontlineNotUk]);
    const both = count(
      base,
      (u) => u.siteId === 'site-london' || ((u.department === 'Warehouse' || u.department === 'Retail') && u.emergencyPolicyId !== 'ecrp-uk'),
    );
    expect(preview.changed).toBe(both);
    const applied = applyRules(plan);
    expect(applied.changed).toBe(both);
    expect(applied.perRule).toEqual(preview.perRule);
    expect(count(applied.plan, (u) => u.siteId === 'site-london' && u.sharedCallingPolicyId === 'scp-seattle')).toBe(london);
    // Applying again changes nothing and returns the same plan.
    const again = applyRules(applied.plan);
    expect(again.changed).toBe(0);
    expect(again.plan).toBe(applied.plan);
  });

  it('later rules win over earlier ones, field by field', () => {
    const plan = withRules([
      rule('all', { field: 'upnDomain', values: ['contoso.com'], assign: { sharedCallingPolicyId: 'scp-sydney', voiceRoutingPolicyId: 'vrp-au-ra' } }),
      rule('seattle', { field: 'siteId', values: ['site-seattle'], assign: { sharedCallingPolicyId: 'scp-london' } }),
    ]);
    const { plan: next, perRule } = applyRules(plan);
    const seattle = next.users.filter((u) => u.siteId === 'site-seattle');
    expect(seattle.every((u) => u.sharedCallingPolicyId === 'scp-london' && u.voiceRoutingPolicyId === 'vrp-au-ra')).toBe(true);
    const sydney = next.users.filter((u) => u.siteId === 'site-sydney');
    expect(sydney.every((u) => u.sharedCallingPolicyId === 'scp-sydney')).toBe(true);
    // Rule 1 moves everybody (the voice routing policy changes for all); rule 2 moves Seattle.
    expect(perRule).toEqual([base.users.length, seattle.length]);
    // Swap the order: now "all" wins for Seattle's Shared Calling policy.
    const swapped = applyRules(moveRule(plan, 'seattle', -1)).plan;
    expect(swapped.users.filter((u) => u.siteId === 'site-seattle').every((u) => u.sharedCallingPolicyId === 'scp-sydney')).toBe(true);
  });

  it('ignores disabled rules; add and remove keep the list immutable', () => {
    const plan = withRules([rule('off', { enabled: false, field: 'upnDomain', values: ['contoso.com'], assign: { siteId: 'site-sydney' } })]);
    expect(previewRules(plan)).toEqual({ matched: [0], perRule: [0], changed: 0 });
    const added = addRule(plan);
    expect(added.assignmentRules).toHaveLength(2);
    expect(plan.assignmentRules).toHaveLength(1);
    expect(removeRule(added, 'off').assignmentRules.map((r) => r.id)).toEqual([added.assignmentRules[1]!.id]);
  });
});
