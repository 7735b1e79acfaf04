import { describe, expect, it } from 'vitest';
import { BASE, breakSample, byId, expectOnly, expectOnlyBesidesInfo, userAt } from './helpers.js';

describe('auto attendant checks', () => {
  it('AA1: dial scope does not cover the users who share the number', () => {
    const f = expectOnlyBesidesInfo(
      (p) => {
        const g = byId(p.autoAttendants, 'aa-seattle').dialScopeGroups[0];
        if (g) g.siteIds = ['site-london'];
      },
      'AA1',
      'Seattle Main Auto Attendant',
      ['AA5'],
    );
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('80');
  });

  it('AA1: an empty dial scope reaches everyone', () => {
    const d = breakSample((p) => (byId(p.autoAttendants, 'aa-seattle').dialScopeGroups = []));
    // Only AA5's note changes: the search now reaches the users of every site.
    expect(d.added.map((f) => `${f.rule} ${f.severity}`)).toEqual(['AA5 info']);
  });

  it('AA3: neither dial by name nor dial by extension', () => {
    expectOnlyBesidesInfo((p) => (byId(p.autoAttendants, 'aa-seattle').dialByName = false), 'AA3', 'Seattle Main Auto Attendant', ['AA5']);
  });

  it('AA4: resource account without an auto attendant', () => {
    const f = expectOnlyBesidesInfo((p) => (p.autoAttendants = p.autoAttendants.filter((a) => a.id !== 'aa-seattle')), 'AA4', 'sc-seattle@contoso.com', [
      'AA5',
    ]);
    expect(f.subjectKind).toBe('resourceAccount');
  });

  it('AA4: auto attendant without a resource account', () => {
    const f = expectOnlyBesidesInfo(
      (p) => p.autoAttendants.push({ ...byId(p.autoAttendants, 'aa-london'), id: 'aa-spare', name: 'Spare AA', resourceAccountId: null }),
      'AA4',
      'Spare AA',
      ['AA5'],
    );
    expect(f.subjectKind).toBe('autoAttendant');
  });

  it('V3: dial by extension while users lack extensions', () => {
    const f = expectOnly((p) => (userAt(p, 'site-sydney', 4).extension = ''), 'V3', 'Sydney Main Auto Attendant');
    expect(f.message).toContain('1 of its');
  });

  it('V3: extension equal to an emergency dial string', () => {
    const u = userAt(BASE, 'site-sydney', 4);
    const f = expectOnly((p) => (userAt(p, 'site-sydney', 4).extension = '000'), 'V3', u.upn);
    expect(f.severity).toBe('error');
    expect(f.message).toContain('emergency');
  });

  it('V3: extension collisions flag every user who shares it', () => {
    const a = userAt(BASE, 'site-sydney', 4);
    const b = userAt(BASE, 'site-sydney', 5);
    const d = breakSample((p) => (userAt(p, 'site-sydney', 5).extension = a.extension));
    expect(d.removed).toEqual([]);
    expect(d.added.map((f) => `${f.rule} ${f.subject}`).sort()).toEqual([`V3 ${a.upn}`, `V3 ${b.upn}`].sort());
  });
});
