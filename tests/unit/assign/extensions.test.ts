import { describe, expect, it } from 'vitest';
import { allocateExtensions, emergencyConflict } from '../../../src/lib/assign/index.js';
import { blankUser, checkPlan, createSamplePlan, userKey, type Plan } from '../../../src/lib/index.js';

function plan(range: { from: number; to: number }, users = 5): Plan {
  const p = createSamplePlan();
  return {
    ...p,
    sites: p.sites.map((s) => (s.id === 'site-london' ? { ...s, extensionRange: range } : s)),
    users: Array.from({ length: users }, (_, i) => ({ ...blankUser(`u${i}@contoso.com`, `User ${i}`), siteId: 'site-london' })),
  };
}
const keysOf = (p: Plan) => p.users.map((u) => userKey(u.upn));

describe('allocateExtensions', () => {
  it('skips the exact emergency dial strings of the plan (911, 933, 999, 112, 000)', () => {
    const p = plan({ from: 110, to: 114 }, 3);
    const r = allocateExtensions(p, keysOf(p), undefined, { avoidEmergencyPrefixes: false });
    expect(r.plan.users.map((u) => u.extension)).toEqual(['110', '111', '113']);
    expect(r.emergencyDialStrings).toEqual(['000', '112', '911', '933', '999']);
    const q = plan({ from: 909, to: 913 }, 4);
    expect(allocateExtensions(q, keysOf(q), undefined, { avoidEmergencyPrefixes: false }).plan.users.map((u) => u.extension)).toEqual([
      '909',
      '910',
      '912',
      '913',
    ]);
  });

  it('by default also skips extensions starting with an emergency dial string', () => {
    const p = plan({ from: 9108, to: 9125 }, 3);
    const r = allocateExtensions(p, keysOf(p));
    expect(r.plan.users.map((u) => u.extension)).toEqual(['9108', '9109', '9120']);
    expect(emergencyConflict('9115', ['911'])).toBe('prefix');
    expect(emergencyConflict('911', ['911'])).toBe('exact');
    expect(emergencyConflict('2911', ['911'])).toBeNull();
  });

  it('skips extensions already in use and keeps valid ones', () => {
    const p = plan({ from: 2000, to: 2010 }, 4);
    const users = p.users.map((u, i) => (i === 3 ? { ...u, extension: '2001' } : i === 0 ? { ...u, extension: '2005' } : u));
    const q = { ...p, users };
    const r = allocateExtensions(q, keysOf(q).slice(0, 3));
    expect(r.kept).toBe(1);
    expect(r.plan.users.map((u) => u.extension)).toEqual(['2005', '2000', '2002', '2001']);
    expect(checkPlan(r.plan).filter((f) => f.rule === 'V3')).toEqual([]);
  });

  it('reports an exhausted range and users without a range', () => {
    const p = plan({ from: 1, to: 3 }, 5);
    const users = p.users.map((u, i) => (i === 4 ? { ...u, siteId: 'site-seattle' } : u));
    const r = allocateExtensions({ ...p, users }, keysOf(p));
    expect(r.allocated).toBe(3);
    expect(r.exhausted).toEqual([{ siteId: 'site-london', missing: 1 }]);
    expect(r.noRange).toBe(1);
  });

  it('uses a forced site range; nothing to do gives the same plan', () => {
    const p = plan({ from: 500, to: 600 }, 2);
    const r = allocateExtensions(p, keysOf(p), 'site-sydney'); // sample Sydney: 2001–2999, 2001–2040 taken
    expect(r.allocated).toBe(2);
    expect(r.plan.users.map((u) => u.extension)).toEqual(['2001', '2002']);
    expect(allocateExtensions(p, [], null).plan).toBe(p);
  });
});
