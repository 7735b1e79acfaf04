import { describe, expect, it } from 'vitest';
import { createSamplePlan, userKey, type VerificationEntry } from '../../src/lib/index.js';
import {
  applyStatusQuery,
  countVerification,
  describeVerification,
  formatVerificationTime,
  hasVerification,
  statusFilter,
  userStatusCodes,
  verificationEntry,
  verificationIndex,
  VERIFICATION_STATUS_LABEL,
} from '../../src/lib/verification-view.js';

const AT = '2025-03-04T14:05:00.000Z';
const e = (status: VerificationEntry['status'], detail = ''): VerificationEntry => ({ status, detail, at: AT });

describe('verification view', () => {
  it('labels the statuses', () => {
    expect(VERIFICATION_STATUS_LABEL).toEqual({ done: 'Deployed', failed: 'Failed', missing: 'Missing' });
  });

  it('looks up entries through a map built once per record', () => {
    const v = { 'resourceAccount:ra-1': e('done'), 'user:a@x.com': e('failed') };
    expect(verificationIndex(v)).toBe(verificationIndex(v));
    expect(verificationEntry(v, 'resourceAccount', 'ra-1')?.status).toBe('done');
    expect(verificationEntry(v, 'autoAttendant', 'ra-1')).toBeUndefined();
    expect(hasVerification(v)).toBe(true);
    expect(hasVerification({})).toBe(false);
  });

  it('counts by status, optionally for one kind', () => {
    const v = { 'user:a': e('done'), 'user:b': e('failed'), 'user:c': e('failed'), 'autoAttendant:x': e('missing') };
    expect(countVerification(v)).toEqual({ done: 1, failed: 2, missing: 1, total: 4 });
    expect(countVerification(v, 'user')).toEqual({ done: 1, failed: 2, missing: 0, total: 3 });
    expect(countVerification({})).toEqual({ done: 0, failed: 0, missing: 0, total: 0 });
  });

  it('formats the report time and describes an entry with detail and date', () => {
    const when = formatVerificationTime(AT);
    expect(when).toMatch(/^2025-03-0[45] \d\d:\d5$/);
    expect(formatVerificationTime('not a date')).toBe('not a date');
    expect(formatVerificationTime('')).toBe('');
    expect(describeVerification(e('failed', 'LineUri: expected +1 206 555 0100, found none.'))).toBe(
      `Failed: Deployed, but differs from the plan. LineUri: expected +1 206 555 0100, found none. Checked ${when}`,
    );
    expect(describeVerification({ status: 'done', detail: '', at: '' })).toBe('Deployed: Deployed as planned');
  });

  it('filters like the other columns: contains, =exact, = for no result; status or label', () => {
    const codes = [0, 1, 2, 3];
    const pass = (t: string) => codes.filter((c) => statusFilter(t)?.(c) ?? true);
    expect(statusFilter('  ')).toBeNull();
    expect(pass('failed')).toEqual([2]);
    expect(pass('FAIL')).toEqual([2]);
    expect(pass('done')).toEqual([1]);
    expect(pass('deployed')).toEqual([1]);
    expect(pass('=missing')).toEqual([3]);
    expect(pass('=miss')).toEqual([]);
    expect(pass('=')).toEqual([0]);
    expect(pass('e')).toEqual([1, 2]); // "done", "deployed", "failed"
  });

  it('gives each user a status code, cached per (users, verification)', () => {
    const plan = createSamplePlan();
    const [a, b, c] = plan.users;
    const v = { [`user:${userKey(a!.upn)}`]: e('done'), [`user:${userKey(b!.upn)}`]: e('missing'), [`user:${userKey(c!.upn)}`]: e('failed') };
    const codes = userStatusCodes(plan.users, v);
    expect([...codes.slice(0, 4)]).toEqual([1, 3, 2, 0]);
    expect(userStatusCodes(plan.users, v)).toBe(codes);
    expect(userStatusCodes(plan.users, {})[0]).toBe(0);
  });

  it('filters and sorts rows by status, stable, users without a result last', () => {
    const codes = Uint8Array.from([0, 2, 1, 3, 2, 0, 1]);
    const rows = Int32Array.from([0, 1, 2, 3, 4, 5, 6]);
    expect([...applyStatusQuery(rows, codes, '', null)]).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([...applyStatusQuery(rows, codes, 'failed', null)]).toEqual([1, 4]);
    expect([...applyStatusQuery(rows, codes, '', 'asc')]).toEqual([2, 6, 1, 4, 3, 0, 5]);
    expect([...applyStatusQuery(rows, codes, '', 'desc')]).toEqual([3, 1, 4, 2, 6, 0, 5]);
    expect([...applyStatusQuery(Int32Array.from([6, 5, 4, 3]), codes, '=', 'asc')]).toEqual([5]);
  });

  it('handles 100,000 users quickly', () => {
    const n = 100_000;
    const codes = new Uint8Array(n).map((_, i) => i % 4);
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const t = performance.now();
    const out = applyStatusQuery(rows, codes, 'e', 'asc');
    expect(out.length).toBe(n / 2);
    expect(performance.now() - t).toBeLessThan(200);
  });
});

describe('user status codes after an edit', () => {
  it('reuse unchanged users and recompute changed ones', () => {
    const plan = createSamplePlan();
    const [a, b] = plan.users;
    const v = { [`user:${userKey(a!.upn)}`]: e('failed'), 'user:renamed@contoso.com': e('done') };
    const before = userStatusCodes(plan.users, v);
    expect([before[0], before[1]]).toEqual([2, 0]);
    const edited = plan.users.map((u) => (u === b ? { ...u, upn: 'Renamed@contoso.com' } : u));
    const after = userStatusCodes(edited, v);
    expect(after).not.toBe(before);
    expect([after[0], after[1], after[2]]).toEqual([2, 1, 0]);
  });
});
