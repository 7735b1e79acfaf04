/**
 * Gaps found by importing real exports (issue: newest documentation and real files). Every file is
 * built by tests/fixtures/import/make-fixtures.ts the way the tool that writes it does.
 */
import { describe, expect, it } from 'vitest';
import { FEATURE_TYPES_EXPORT } from '../../../src/lib/spreadsheet/read-rows.js';
import { toE164 } from '../../../src/lib/domain/phone.js';
import { byUpn, errors, parseFixture } from './fixtures.js';

describe('a control character in one cell', () => {
  const r = parseFixture('control-character.csv');
  it('is that row’s issue, not a reason to refuse the file', () => {
    expect(r.format).toBe('csv');
    expect(r.issues.some((i) => i.code === 'not-a-spreadsheet')).toBe(false);
    expect(r.users.map((u) => u.upn)).toEqual(['adele.vance@contoso.com', 'lee.gu@contoso.com']);
  });
  it('names the row, the column and the character', () => {
    const bad = r.issues.filter((i) => i.code === 'control-character');
    expect(bad.map((i) => i.row)).toEqual([3, 4]);
    expect(bad[0]?.message).toContain('U+0000, NUL');
    expect(bad[0]?.message).toContain('column 2');
    expect(bad[1]?.message).toContain('U+000B');
    expect(bad.every((i) => i.severity === 'error')).toBe(true);
  });
});

describe('Get-CsOnlineUser | Export-Csv without -join (R6)', () => {
  const r = parseFixture('teams-powershell-unjoined.csv');
  it('warns once about the unjoined FeatureTypes list and shows an export that works', () => {
    const w = r.issues.filter((i) => i.code === 'featuretypes-not-joined');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ row: 0, severity: 'warning' });
    expect(w[0]?.message).toContain('System.Collections.Generic.List`1[System.String]');
    expect(w[0]?.message).toContain("@{Name='FeatureTypes'; Expression={$_.FeatureTypes -join ','}}");
    expect(FEATURE_TYPES_EXPORT).toContain('AccountType');
    // The licence stays unknown: the type name says nothing.
    expect(byUpn(r, 'adele.vance@contoso.com')?.hasTeamsPhone).toBeUndefined();
  });
  it('leaves out guests, IneligibleUser and soft-deleted accounts with one note each and a summary', () => {
    expect(r.users.map((u) => u.upn)).toEqual(['adele.vance@contoso.com', 'alex.wilber@contoso.com', 'megan.bowen@contoso.com']);
    const rows = r.issues.filter((i) => i.code === 'ineligible-account');
    expect(rows.map((i) => i.row)).toEqual([5, 6, 7]);
    expect(rows[0]?.message).toContain('is a guest');
    expect(rows[1]?.message).toContain('IneligibleUser');
    expect(rows[2]?.message).toContain('soft-deleted');
    expect(r.issues.find((i) => i.code === 'ineligible-accounts')?.message).toMatch(/^3 rows/);
    expect(errors(r)).toEqual([]);
  });
});

describe.each(['de', 'fr', 'es', 'it', 'nl', 'pt', 'ja'])('Microsoft 365 admin center export in another language (%s)', (lang) => {
  const r = parseFixture(`m365-admin-center-${lang}.csv`);
  it('is recognized and mapped', () => {
    expect(r.layout).toBe('m365-admin-center');
    expect(errors(r)).toEqual([]);
    expect(r.users).toHaveLength(4);
    expect(byUpn(r, 'alex.wilber@contoso.com')).toMatchObject({
      displayName: 'Alex Wilber',
      usageLocation: 'GB',
      department: 'Logistics',
      office: 'London',
      hasTeamsPhone: true,
    });
    // The admin center's phone column is a directory attribute, not a Teams number.
    expect(byUpn(r, 'adele.vance@contoso.com')?.phoneNumber).toBeUndefined();
    expect(byUpn(r, 'adele.vance@contoso.com')?.directoryPhone).toBe('+1 425 555 0100');
  });
});

describe('a number whose "+" Excel dropped', () => {
  const r = parseFixture('excel-stripped-plus.csv');
  it('names the country tried and the likely fix', () => {
    const w = r.issues.filter((i) => i.code === 'phone-invalid');
    expect(w.map((i) => i.row)).toEqual([2, 3, 4]);
    expect(w[0]?.message).toContain('for France (FR)');
    expect(w[0]?.message).toContain('+442079460123, a valid number in United Kingdom (GB)');
    expect(w[0]?.message).toContain('Excel probably dropped the "+"');
    expect(w[1]?.message).toContain('+14255550123, a valid number in United States (US)');
    // No suggestion when the digits are not a number either way.
    expect(w[2]?.message).not.toContain('dropped');
    expect(w[2]?.message).toContain('for Australia (AU)');
  });
  it('never guesses the number', () => {
    expect(r.users.every((u) => u.phoneNumber === undefined)).toBe(true);
    expect(toE164('442079460123', 'FR').ok).toBe(false);
    // Digits that start with the user's own country code are read as that country's number.
    expect(toE164('442079460123', 'GB')).toMatchObject({ ok: true, e164: '+442079460123' });
  });
});

describe('HiddenFromAddressListsEnabled (AA6)', () => {
  it('is read from an Exchange export', () => {
    const r = parseFixture('exchange-hidden.csv');
    expect(errors(r)).toEqual([]);
    expect(byUpn(r, 'diego.siciliani@contoso.com')?.hiddenFromAddressLists).toBe(true);
    expect(byUpn(r, 'adele.vance@contoso.com')?.hiddenFromAddressLists).toBe(false);
  });
});
