import { describe, expect, it } from 'vitest';
import { breakSample, byId, expectOnly, expectOnlyBesidesInfo } from './helpers.js';

const SEA = 'sc-seattle@contoso.com';
const LON = 'sc-london@contoso.com';

describe('resource account checks', () => {
  it('RA1: resource account without a number', () => {
    const f = expectOnly((p) => (byId(p.resourceAccounts, 'ra-london').numberId = null), 'RA1', LON);
    expect(f.severity).toBe('error');
    expect(f.key).toBe('RA1:ra-london');
  });

  it('RA4: resource account with a Calling Plan subscriber number', () => {
    expectOnly((p) => (byId(p.numbers, 'num-442079460100').kind = 'callingPlanSubscriber'), 'RA4', LON);
  });

  it('RA2: resource account with Teams Phone Standard: swap licences', () => {
    const f = expectOnly((p) => (byId(p.resourceAccounts, 'ra-seattle').licence = 'teamsPhoneStandard'), 'RA2', SEA);
    expect(f.severity).toBe('error');
    expect(f.fix.toLowerCase()).toContain('swap licences');
  });

  it('RA2: resource account without a licence', () => {
    expectOnly((p) => (byId(p.resourceAccounts, 'ra-seattle').licence = 'none'), 'RA2', SEA);
  });

  it('RA8: number on a site without a LIS location id is an error (the runbook stops at stage 01)', () => {
    const f = expectOnly((p) => (byId(p.sites, 'site-london').lisLocationId = ''), 'RA8', LON);
    expect(f.severity).toBe('error');
  });

  it('RA8: number on a site without an address is an error, and the site itself is not ready', () => {
    const d = breakSample((p) => (byId(p.sites, 'site-london').address.street = ''));
    expect(d.removed).toEqual([]);
    expect(d.added.map((f) => `${f.rule} ${f.subject} ${f.severity}`)).toEqual(['RA8 sc-london@contoso.com error', 'RA8 London warning']);
    expect(d.added[1]?.subjectKind).toBe('site');
  });

  it('RA8: a site without an emergency address is a warning even without a resource account number on it', () => {
    const f = expectOnly(
      (p) => {
        p.sites.push({ ...byId(p.sites, 'site-london'), id: 'site-depot', name: 'Depot', address: { street: '', city: '', postalCode: '', region: '' } });
      },
      'RA8',
      'Depot',
    );
    expect(f).toMatchObject({ severity: 'warning', subjectKind: 'site', key: 'RA8:site-depot' });
  });

  it('S1: a site country libphonenumber-js does not know, and UK for GB', () => {
    const f = expectOnly((p) => (byId(p.sites, 'site-london').country = 'UK'), 'S1', 'London');
    expect(f.message).toContain('the United Kingdom is GB');
    expect(f.fix).toBe('Change the country to GB.');
    expect(expectOnly((p) => (byId(p.sites, 'site-london').country = 'ZZ'), 'S1', 'London').message).toContain('ZZ is not a country code');
  });

  it('RA8: number without a site is an error', () => {
    const f = expectOnly((p) => (byId(p.numbers, 'num-442079460100').siteId = null), 'RA8', LON);
    expect(f.severity).toBe('error');
  });

  it('RA9: Calling Plan service number without a Pay-As-You-Go Calling Plan', () => {
    const f = expectOnly((p) => (byId(p.resourceAccounts, 'ra-seattle').payAsYouGoCallingPlan = false), 'RA9', SEA);
    expect(f.severity).toBe('error');
    expect(f.checklist).toBeUndefined();
  });

  it('RA9: funding is a checklist item until ticked', () => {
    const f = expectOnly((p) => delete p.checklist['RA9:ra-seattle'], 'RA9', SEA);
    expect(f).toMatchObject({ severity: 'warning', checklist: true, key: 'RA9:ra-seattle' });
    expectOnly((p) => ((p.checklist['RA9:ra-seattle'] as { done: boolean }).done = false), 'RA9', SEA);
  });

  it('RA10: Operator Connect confirmation is a checklist item until ticked', () => {
    const f = expectOnly((p) => delete p.checklist['RA10:ra-london'], 'RA10', LON);
    expect(f).toMatchObject({ severity: 'warning', checklist: true, key: 'RA10:ra-london' });
    expect(f.message).toContain('Example Telecom');
  });

  it('C1: Calling Plan service number in a market where Shared Calling does not support it', () => {
    const f = expectOnly(
      (p) => {
        for (const n of p.numbers) if (n.siteId === 'site-seattle') n.country = 'NZ';
        // Users in the numbers' country, so that C3 (a note, not a rule) stays quiet.
        for (const u of p.users) if (u.siteId === 'site-seattle') u.usageLocation = 'NZ';
      },
      'C1',
      SEA,
    );
    expect(f.severity).toBe('error');
  });

  it('N1: one number on two resource accounts', () => {
    const f = expectOnlyBesidesInfo(
      (p) => {
        p.resourceAccounts.push({ ...byId(p.resourceAccounts, 'ra-seattle'), id: 'ra-twin', upn: 'twin@contoso.com' });
        p.autoAttendants.push({ ...byId(p.autoAttendants, 'aa-seattle'), id: 'aa-twin', resourceAccountId: 'ra-twin' });
        p.checklist['RA9:ra-twin'] = { done: true, note: '' };
      },
      'N1',
      '+12065550100',
      ['AA5'],
    );
    expect(f.subjectKind).toBe('number');
  });
});
