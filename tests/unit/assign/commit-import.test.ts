import { describe, expect, it } from 'vitest';
import { addRule, commitImport, createSamplePlan, newRule, type ImportedUser, type Plan } from '../../../src/lib/index.js';

const imported = (n: number): ImportedUser[] =>
  Array.from({ length: n }, (_, i) => ({ upn: `new${i}@contoso.com`, displayName: `New ${i}`, department: 'Sales', office: 'Seattle' }) as ImportedUser);

describe('commitImport (the import commit, rules included, in the core)', () => {
  it('adds the users and runs the assignment rules over them only', () => {
    const base = createSamplePlan();
    // Everyone in Sales gets SC-London (sample users are in other departments or policies already).
    const rule = {
      ...newRule(base),
      field: 'department' as const,
      operator: 'is' as const,
      values: ['Sales'],
      assign: { sharedCallingPolicyId: 'scp-london' },
    };
    const plan: Plan = addRule(base, rule);
    const out = commitImport(plan, imported(3), 'add', { file: 'list.csv', mapping: {} }, true);
    expect(out.added).toBe(3);
    expect(out.plan.users).toHaveLength(base.users.length + 3);
    // The existing users are the same objects: the rules did not touch them.
    for (let i = 0; i < base.users.length; i++) expect(out.plan.users[i]).toBe(plan.users[i]);
    expect(out.rulesChanged).toBe(3);
    expect(out.plan.users.slice(-3).map((u) => u.sharedCallingPolicyId)).toEqual(['scp-london', 'scp-london', 'scp-london']);
    const without = commitImport(plan, imported(3), 'add', { file: 'list.csv', mapping: {} }, false);
    expect(without.rulesChanged).toBeNull();
    expect(without.plan.users.slice(-3).map((u) => u.sharedCallingPolicyId)).toEqual([null, null, null]);
  });
});
