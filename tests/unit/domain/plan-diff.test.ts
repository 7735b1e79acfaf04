import { describe, expect, it } from 'vitest';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { blankUser } from '../../../src/lib/domain/model.js';
import { diffPlans, planFromWorkbook } from '../../../src/lib/domain/plan-diff.js';

describe('diffPlans', () => {
  it('is empty for the same plan and for a copy', () => {
    const p = createSamplePlan();
    expect(diffPlans(p, p)).toEqual({ kinds: [], total: 0 });
    expect(diffPlans(p, structuredClone(p))).toEqual({ kinds: [], total: 0 });
  });

  it('words each change: settings, number kind, licence, references by name, checklist', () => {
    const p = createSamplePlan();
    const q = structuredClone(p);
    q.name = 'Renamed plan';
    q.sizingDefaults.target = 0.0001;
    q.numbers[0] = { ...q.numbers[0]!, kind: 'directRouting' };
    q.resourceAccounts[0] = { ...q.resourceAccounts[0]!, licence: 'teamsPhoneStandard' };
    q.users[0] = { ...q.users[0]!, siteId: 'site-london' };
    q.checklist['R1:tenant'] = { done: false, note: 'later' };
    const d = diffPlans(p, q);
    const fields = (kind: string) => d.kinds.find((k) => k.kind === kind)?.items.flatMap((i) => i.fields);
    expect(fields('plan')).toEqual([{ field: 'Name', before: p.name, after: 'Renamed plan' }, expect.objectContaining({ field: 'Sizing defaults' })]);
    expect(fields('numbers')).toEqual([{ field: 'Kind', before: 'Calling Plan service', after: 'Direct Routing' }]);
    expect(fields('resourceAccounts')).toEqual([{ field: 'Licence', before: 'Teams Phone Resource Account', after: 'Teams Phone Standard' }]);
    expect(fields('users')).toEqual([{ field: 'Site', before: 'Seattle', after: 'London' }]);
    expect(d.kinds.find((k) => k.kind === 'checklist')).toMatchObject({ changed: 1 });
    // Objects changed: the plan settings, one number, one account, one user, one checklist entry.
    expect(d.total).toBe(5);
  });

  it('counts every change but lists at most the limit', () => {
    const p = createSamplePlan();
    const q = { ...p, users: [...p.users, ...Array.from({ length: 50 }, (_, i) => blankUser(`n${i}@contoso.com`, `N ${i}`))] };
    const users = diffPlans(p, q, 10).kinds.find((k) => k.kind === 'users')!;
    expect(users.added).toBe(50);
    expect(users.items).toHaveLength(10);
  });

  it('keeps the plan identity when a workbook updates it', () => {
    const p = createSamplePlan();
    const read = { ...structuredClone(p), id: 'other', createdAt: '2000-01-01T00:00:00Z' };
    expect(planFromWorkbook(p, read)).toMatchObject({ id: p.id, createdAt: p.createdAt });
  });
});
