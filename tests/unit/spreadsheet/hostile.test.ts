import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { parseUserList } from '../../../src/lib/spreadsheet/index.js';
import { byUpn, errors, fixture, parseFixture } from './fixtures.js';

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const cleanProto = protoKeys();
afterAll(() => {
  expect(protoKeys()).toEqual(cleanProto);
});

describe('bad files give a whole-file issue, never an exception', () => {
  it.each([
    ['empty.csv', 'empty-file'],
    ['not-a-spreadsheet.png', 'not-a-spreadsheet'],
    ['random.bin', 'not-a-spreadsheet'],
    ['not-xlsx.zip', 'not-a-spreadsheet'],
    ['encrypted.xlsx', 'encrypted'],
    ['header-only.csv', 'no-users'],
  ])('%s → %s', (file, code) => {
    const r = parseFixture(file);
    expect(r.users).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ row: 0, severity: 'error', code });
    expect(r.issues[0]?.message.length).toBeGreaterThan(10);
  });

  it('mentions the password for an encrypted workbook', () => {
    expect(parseFixture('encrypted.xlsx').issues[0]?.message).toMatch(/password/i);
  });

  it('refuses a list with more than 1,000,000 rows', () => {
    const text = `upn\r\n${'a@b.cd\r\n'.repeat(1_000_100)}`;
    const r = parseUserList(new TextEncoder().encode(text), 'huge.csv');
    expect(r.users).toEqual([]);
    expect(r.issues[0]).toMatchObject({ row: 0, code: 'too-large' });
  });

  it('reports a list without a UPN column and still returns its headers', () => {
    const r = parseUserList(new TextEncoder().encode('Name,Department\nAdele,Retail\n'), 'x.csv');
    expect(r.issues[0]).toMatchObject({ row: 0, code: 'no-upn-column' });
    expect(r.headers).toEqual(['Name', 'Department']);
  });

  it('survives arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const r = parseUserList(bytes, 'fuzz.bin');
        expect(Array.isArray(r.users)).toBe(true);
        for (const i of r.issues) expect(typeof i.message).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('survives arbitrary CSV-like text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'User principal name', 'a@b.cd', '=1+1', '1.2E+10')), { maxLength: 6 }),
          { maxLength: 8 },
        ),
        (rows) => {
          const text = rows.map((r) => r.join(',')).join('\n');
          const r = parseUserList(new TextEncoder().encode(text), 'fuzz.csv');
          for (const u of r.users) expect(u.upn).toContain('@');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('hostile cells', () => {
  it.each(['hostile-injection.csv', 'hostile-injection.xlsx'])('keeps formula-looking text as text (%s)', (file) => {
    const r = parseFixture(file);
    expect(errors(r)).toEqual([]);
    expect(byUpn(r, 'inj1@contoso.com')).toMatchObject({ displayName: "=cmd|' /C calc'!A0", department: '=1+1' });
    expect(byUpn(r, 'inj2@contoso.com')?.displayName).toBe('@SUM(1)');
  });

  it('keeps +1, -2, leading zeros and date-like text as written', () => {
    const r = parseFixture('hostile-injection.csv');
    expect(byUpn(r, 'inj1@contoso.com')?.office).toBe('00123');
    expect(byUpn(r, 'inj2@contoso.com')).toMatchObject({ department: '+1', office: '-2' });
    expect(byUpn(r, 'inj3@contoso.com')?.displayName).toBe('+1');
    expect(byUpn(r, 'inj4@contoso.com')).toMatchObject({ displayName: '-2', department: '1/2', office: '1E5' });
  });

  it('never evaluates a formula cell in a workbook: the cached value or the text is read', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['UPN', 'Display name'],
      ['f@contoso.com', 'placeholder'],
    ]);
    ws['B2'] = { t: 's', v: 'cached text', f: 'HYPERLINK("http://example.invalid","x")' };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer); // 'array' → ArrayBuffer
    const r = parseUserList(bytes, 'f.xlsx');
    expect(r.users[0]?.displayName).toBe('cached text');
  });

  it.each(['hostile-proto-headers.csv', 'hostile-proto-headers.xlsx'])('treats __proto__/constructor headers as text (%s)', (file) => {
    const r = parseFixture(file);
    expect(errors(r)).toEqual([]);
    expect(r.users).toEqual([{ upn: 'proto@contoso.com', displayName: 'Proto Type', row: 2 }]);
    expect(r.headers.slice(0, 3)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(r.mapping)).toBeNull();
  });

  it('accepts a UI mapping that names prototype keys without polluting anything', () => {
    const mapping = JSON.parse('{"__proto__":"displayName","User principal name":"upn","constructor":"department"}') as Record<string, string>;
    const r = parseUserList(fixture('hostile-proto-headers.csv'), 'p.csv', { mapping });
    expect(r.users[0]).toMatchObject({ upn: 'proto@contoso.com', displayName: '{"polluted":true}', department: 'x' });
    expect(r.mapping['__proto__']).toBe('displayName');
    expect(Object.getPrototypeOf(r.mapping)).toBeNull();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('merges case-different duplicate UPNs with a warning', () => {
    const r = parseFixture('duplicates.csv');
    expect(r.users).toHaveLength(2);
    expect(r.issues).toEqual([expect.objectContaining({ row: 4, severity: 'warning', code: 'duplicate-upn' })]);
    // First row wins, later non-empty values fill gaps.
    expect(byUpn(r, 'adele.vance@contoso.com')).toMatchObject({
      upn: 'ADELE.VANCE@contoso.com',
      displayName: 'Adele Vance',
      department: 'Retail',
      usageLocation: 'US',
      row: 2,
    });
  });

  it('skips blank rows silently and reports rows without a usable UPN by sheet row', () => {
    const r = parseFixture('blank-rows.csv');
    expect(r.users.map((u) => u.upn)).toEqual(['adele.vance@contoso.com', 'alex.wilber@contoso.com']);
    expect(r.issues.map((i) => [i.row, i.severity, i.code])).toEqual([
      [7, 'error', 'missing-upn'],
      [8, 'error', 'invalid-upn'],
    ]);
  });
});

describe('options', () => {
  it('reads the chosen sheet and reports an unknown one', () => {
    const r = parseUserList(fixture('m365-admin-center.xlsx'), 'm.xlsx', { sheet: 'Read me' });
    expect(r.sheet).toBe('Read me');
    expect(r.issues[0]).toMatchObject({ code: 'no-upn-column' });
    const r2 = parseUserList(fixture('m365-admin-center.xlsx'), 'm.xlsx', { sheet: 'Nope' });
    expect(r2.sheet).toBe('Users');
    expect(r2.issues[0]).toMatchObject({ code: 'sheet-not-found', severity: 'warning' });
    expect(r2.users).toHaveLength(11);
  });

  it('uses an explicit mapping instead of the automatic one', () => {
    const r = parseUserList(fixture('entra-download-users.csv'), 'e.csv', { mapping: { mail: 'upn', surname: 'displayName', bogus: 'nothing' } });
    expect(r.users[0]).toMatchObject({ upn: 'adele.vance@contoso.com', displayName: 'Vance' });
    expect(r.users[0]?.usageLocation).toBeUndefined();
  });

  it('reports progress for large files', () => {
    const rows = ['User principal name,Display name'];
    for (let i = 0; i < 20_000; i++) rows.push(`user${i}@contoso.com,User ${i}`);
    const seen: number[] = [];
    const r = parseUserList(new TextEncoder().encode(rows.join('\n')), 'big.csv', { onProgress: (f) => seen.push(f) });
    expect(r.users).toHaveLength(20_000);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen[seen.length - 1]).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});
