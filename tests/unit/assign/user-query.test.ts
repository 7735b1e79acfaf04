import { describe, expect, it } from 'vitest';
import { assignUsers, queryUsers, EMPTY_QUERY, type UserQuery } from '../../../src/lib/assign/index.js';
import { createSamplePlan, userKey } from '../../../src/lib/index.js';

const plan = createSamplePlan();
const q = (p: Partial<UserQuery>): UserQuery => ({ ...EMPTY_QUERY, ...p });
const names = (idx: Int32Array) => [...idx].map((i) => plan.users[i]!);

describe('users table query', () => {
  it('returns everyone in plan order without a query', () => {
    expect([...queryUsers(plan, EMPTY_QUERY)]).toEqual(plan.users.map((_, i) => i));
  });

  it('searches name, UPN and department; every word must match', () => {
    const r = names(queryUsers(plan, q({ search: 'alex warehouse' })));
    expect(r.length).toBeGreaterThan(0);
    expect(r.every((u) => u.displayName.includes('Alex') && u.department === 'Warehouse')).toBe(true);
  });

  it('filters by columns: contains, =exact, = for unassigned, and policy names', () => {
    expect(names(queryUsers(plan, q({ filters: { site: 'lond' } }))).every((u) => u.siteId === 'site-london')).toBe(true);
    expect(queryUsers(plan, q({ filters: { sharedCallingPolicy: '=sc-sydney' } })).length).toBe(40);
    expect(queryUsers(plan, q({ filters: { extension: '=' } })).length).toBe(140);
    const unassigned = assignUsers(plan, [userKey(plan.users[0]!.upn)], { sharedCallingPolicyId: null }).plan;
    expect(queryUsers(unassigned, q({ filters: { sharedCallingPolicy: '=' } })).length).toBe(1);
  });

  it('sorts by any column, stable, both directions, and keeps the order when filtering', () => {
    const asc = names(queryUsers(plan, q({ sort: { column: 'displayName', dir: 'asc' } })));
    const sorted = [...plan.users].sort((a, b) =>
      a.displayName.toLowerCase() < b.displayName.toLowerCase() ? -1 : a.displayName.toLowerCase() > b.displayName.toLowerCase() ? 1 : 0,
    );
    expect(asc.map((u) => u.upn)).toEqual(sorted.map((u) => u.upn));
    const desc = names(queryUsers(plan, q({ sort: { column: 'site', dir: 'desc' } })));
    expect(desc[0]!.siteId).toBe('site-sydney');
    const filtered = names(queryUsers(plan, q({ search: 'nakamura', sort: { column: 'displayName', dir: 'asc' } })));
    expect(filtered.map((u) => u.upn)).toEqual(asc.filter((u) => u.upn.includes('nakamura')).map((u) => u.upn));
  });
});

describe('users table query: typing forward', () => {
  it('narrows the previous result and gives the same answer as a full scan', () => {
    const sort = { column: 'displayName' as const, dir: 'desc' as const };
    const full = (search: string) => {
      const fresh = { ...plan }; // a different plan value: no memo reuse
      return [...queryUsers(fresh, q({ search, sort }))];
    };
    for (const s of ['k', 'ko', 'kow', 'kow f', 'kow fi']) expect([...queryUsers(plan, q({ search: s, sort }))]).toEqual(full(s));
    expect([...queryUsers(plan, q({ search: 'ko', sort }))]).toEqual(full('ko'));
  });
});
