/** Issue 12 item 2 (core): ranges, filters and bulk edits of the number inventory, fast at 10,000 numbers. */
import { describe, expect, it } from 'vitest';
import { createSamplePlan, deleteFreeNumbers, filterNumbers, numberRanges, setNumbersSite, type E164, type Plan } from '../../../src/lib/index.js';

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
});
