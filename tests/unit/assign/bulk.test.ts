import { describe, expect, it } from 'vitest';
import { assignUsers, bulkLabel, findUser, updateUser } from '../../../src/lib/assign/index.js';
import { createSamplePlan, userKey } from '../../../src/lib/index.js';

const plan = createSamplePlan();
const keys = plan.users.slice(0, 10).map((u) => userKey(u.upn));

describe('bulk assignment', () => {
  it('assigns a policy to the selected users only and shares untouched users', () => {
    const { plan: next, changed } = assignUsers(plan, keys, { sharedCallingPolicyId: 'scp-london' });
    // The first 10 are Seattle users: all change.
    expect(changed).toBe(10);
    expect(next.users.slice(0, 10).every((u) => u.sharedCallingPolicyId === 'scp-london')).toBe(true);
    expect(next.users[10]).toBe(plan.users[10]);
    expect(plan.users[0]!.sharedCallingPolicyId).toBe('scp-seattle'); // the old plan is untouched
  });

  it('unassigns with null and counts only real changes', () => {
    const once = assignUsers(plan, keys, { emergencyPolicyId: null, voiceRoutingPolicyId: null });
    expect(once.changed).toBe(10);
    expect(once.plan.users[0]!.emergencyPolicyId).toBeNull();
    const again = assignUsers(once.plan, keys, { emergencyPolicyId: null });
    expect(again.changed).toBe(0);
    expect(again.plan).toBe(once.plan);
  });

  it('matches keys case-insensitively and ignores unknown keys', () => {
    const upper = plan.users[0]!.upn.toUpperCase();
    const { changed } = assignUsers(plan, [upper, 'nobody@contoso.com'], { siteId: 'site-london' });
    expect(changed).toBe(1);
  });

  it('updates one user; no difference gives the same plan', () => {
    const u = plan.users[3]!;
    const next = updateUser(plan, u.upn, { department: 'Finance', extension: '1234' });
    expect(findUser(next, u.upn)).toMatchObject({ department: 'Finance', extension: '1234' });
    expect(updateUser(plan, u.upn, { department: u.department })).toBe(plan);
    expect(updateUser(plan, 'missing@x', { department: 'x' })).toBe(plan);
  });

  it('labels bulk actions for undo', () => {
    expect(bulkLabel('sharedCallingPolicyId', 'SC-London', 1234)).toBe('Assign SC-London to 1,234 users');
    expect(bulkLabel('siteId', null, 1)).toBe('Unassign site from 1 user');
  });
});
