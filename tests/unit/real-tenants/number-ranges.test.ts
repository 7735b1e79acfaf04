/** Issue 12 item 2 (core): ranges, filters and bulk edits of the number inventory, fast at 10,000 numbers. */
import { describe, expect, it } from 'vitest';
import {
  countFreeNumbers,
  createSamplePlan,
  deleteFreeNumbers,
  filterNumbers,
  numberFilterOptions,
  numberRanges,
  numberUses,
  setNumbersSite,
  type E164,
  type Plan,
} from '../../../src/lib/index.js';

function withBlock(n: number): Plan {
  const plan = createSamplePlan();
  const extra = Array.from({ length: n }, (_, i) => ({
    id: `blk-${i}`,
    e164: `+6129000${String(i).padStart(4, '0')}` as E164,
    kind: 'directRouting' as const,
    country: 'AU',
    siteId: 'site-sydney',
    operator: '',
    note: '',
    existing: false,
  }));
  return { ...plan, numbers: [...plan.numbers, ...extra] };
}

describe('number inventory at scale', () => {
  it('contiguous numbers of one kind, country, site and use are one range row with a count', () => {
    const plan = withBlock(10_000);
    const t0 = performance.now();
    const ranges = numberRanges(plan);
    const ms = performance.now() - t0;
    const block = ranges.find((r) => r.from === '+61290000000')!;
    expect(block).toMatchObject({ to: '+61290009999', count: 10_000, kind: 'directRouting', use: 'free' });
    // Numbers in use break a range: the sample's resource-account number is its own row.
    const ra = plan.numbers.find((n) => n.id === plan.resourceAccounts[0]!.numberId)!;
    expect(ranges.find((r) => r.from === ra.e164)).toMatchObject({ use: 'resourceAccount' });
    expect(ranges.reduce((s, r) => s + r.count, 0)).toBe(plan.numbers.length);
    expect(ms).toBeLessThan(500);
  });

  it('filters by kind, country, site, free or used, role and search', () => {
    const plan = withBlock(50);
    expect(filterNumbers(plan, { kind: 'directRouting', state: 'free', search: '6129000004' }).map((n) => n.e164)).toEqual(
      Array.from({ length: 10 }, (_, i) => `+612900000${40 + i}`),
    );
    expect(filterNumbers(plan, { use: 'callback' }).every((n) => plan.sharedCallingPolicies.some((p) => p.callbackNumberIds.includes(n.id)))).toBe(true);
    expect(filterNumbers(plan, { country: 'gb' }).every((n) => n.country === 'GB')).toBe(true);
    expect(filterNumbers(plan, { state: 'used' }).length).toBeGreaterThan(0);
  });

  it('bulk set site and bulk delete (numbers in use are kept), one plan value each', () => {
    const plan = withBlock(20);
    const ids = plan.numbers.map((n) => n.id);
    const moved = setNumbersSite(plan, ids.slice(-20), 'site-seattle');
    expect(moved.changed).toBe(20);
    expect(setNumbersSite(moved.plan, ids.slice(-20), 'site-seattle').plan).toBe(moved.plan);
    const del = deleteFreeNumbers(plan, ids);
    expect(del.kept).toBeGreaterThan(0);
    expect(del.plan.numbers.length).toBe(del.kept);
  });

  it('search takes digits with or without spaces, dashes or "+", or note text', () => {
    const plan = withBlock(50);
    const e = (q: string) => filterNumbers(plan, { search: q }).map((n) => n.e164);
    expect(e('+61 2 9000 004')).toEqual(Array.from({ length: 10 }, (_, i) => `+612900000${40 + i}`));
    expect(e('(2) 9000-004')).toEqual(e('+61 2 9000 004'));
    const noted = plan.numbers.find((n) => n.note !== '')!;
    expect(e(noted.note.toUpperCase())).toContain(noted.e164);
    expect(e('no such thing')).toEqual([]);
  });

  it('the role filter matches any use of a number used twice; "No site" is siteId null', () => {
    const base = withBlock(3);
    const ra = base.resourceAccounts[0]!;
    // The resource account's number is also a callback number (EN6): it shows under both roles.
    const plan: Plan = {
      ...base,
      sharedCallingPolicies: base.sharedCallingPolicies.map((p, i) => (i === 0 ? { ...p, callbackNumberIds: [...p.callbackNumberIds, ra.numberId!] } : p)),
      numbers: base.numbers.map((n) => (n.id === 'blk-1' ? { ...n, siteId: null } : n)),
    };
    expect(filterNumbers(plan, { use: 'callback' }).map((n) => n.id)).toContain(ra.numberId);
    expect(filterNumbers(plan, { use: 'resourceAccount' }).map((n) => n.id)).toContain(ra.numberId);
    expect(filterNumbers(plan, { use: 'free' }).map((n) => n.id)).not.toContain(ra.numberId);
    expect(filterNumbers(plan, { siteId: null }).map((n) => n.id)).toEqual(['blk-1']);
    // A precomputed use map gives the same answer (the screen derives it once per plan value).
    const uses = numberUses(plan);
    expect(filterNumbers(plan, { use: 'callback' }, uses)).toEqual(filterNumbers(plan, { use: 'callback' }));
    expect(numberRanges(plan, plan.numbers, uses)).toEqual(numberRanges(plan));
  });

  it('filter options: the countries and sites present, and whether some number has no site', () => {
    const plan = withBlock(3);
    expect(numberFilterOptions(plan)).toEqual({ countries: ['AU', 'GB', 'US'], siteIds: plan.sites.map((s) => s.id), noSite: false });
    const orphan = { ...plan, numbers: plan.numbers.map((n) => (n.id === 'blk-0' ? { ...n, siteId: null } : n.id === 'blk-1' ? { ...n, siteId: 'gone' } : n)) };
    expect(numberFilterOptions(orphan)).toMatchObject({ noSite: true, siteIds: [...plan.sites.map((s) => s.id), 'gone'] });
  });

  it('counts free and in-use numbers of a selection the way deleteFreeNumbers treats them', () => {
    const plan = withBlock(5);
    const ids = [...plan.numbers.map((n) => n.id), 'unknown', plan.numbers[0]!.id];
    const c = countFreeNumbers(plan, ids);
    const del = deleteFreeNumbers(plan, ids);
    expect(c).toEqual({ free: del.deleted, used: del.kept });
    expect(c.free + c.used).toBe(plan.numbers.length);
  });
});
