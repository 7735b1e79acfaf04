import { describe, expect, it } from 'vitest';
import { byUpn, errors, parseFixture } from './fixtures.js';

/** Teams Phone per user of the M365 fixture (make-fixtures.ts, M365_TEAMS_PHONE). */
const M365_PHONE: Record<string, boolean> = {
  'adele.vance@contoso.com': true, // Microsoft 365 E5
  'alex.wilber@contoso.com': true, // E3 + Teams Phone Standard
  'juergen.mueller@contoso.com': true, // contoso:ENTERPRISEPREMIUM
  'megan.bowen@contoso.com': true, // contoso:SPE_E3+contoso:MCOEV
  'nestor.wilke@contoso.com': false, // Unlicensed
  'lidia.holloway@contoso.com': false, // Office 365 E3
  'lee.gu@contoso.com': false, // Microsoft 365 E5 Security (an add-on) + E3
  'isaiah.langer@contoso.com': true, // Teams Phone Standard for Frontline Workers
  'grady.archie@contoso.com': true, // Teams Phone with Calling Plan
  'pradeep.gupta@contoso.com': true, // contoso:SPE_E5_NOPSTNCONF
  'diego.siciliani@contoso.com': false, // Teams Phone Resource Account is not a user licence
};

describe.each(['m365-admin-center.csv', 'm365-admin-center.xlsx', 'm365-admin-center.ods', 'm365-admin-center.xls'])(
  'Microsoft 365 admin center export (%s)',
  (file) => {
    const r = parseFixture(file);
    it('is recognized with no errors', () => {
      expect(r.layout).toBe('m365-admin-center');
      expect(errors(r)).toEqual([]);
      expect(r.issues).toEqual([]);
      expect(r.users).toHaveLength(11);
      expect(r.headerRow).toBe(1);
    });
    it('reads names, locations, departments and offices', () => {
      expect(byUpn(r, 'adele.vance@contoso.com')).toMatchObject({
        displayName: 'Adele Vance',
        usageLocation: 'US',
        department: 'Retail',
        office: 'Seattle',
        row: 2,
        country: 'United States',
      });
      expect(byUpn(r, 'juergen.mueller@contoso.com')).toMatchObject({ displayName: 'Jürgen Müller', usageLocation: 'DE' });
    });
    it('detects Teams Phone from portal names and SKU ids', () => {
      for (const [upn, has] of Object.entries(M365_PHONE)) expect(byUpn(r, upn)?.hasTeamsPhone, upn).toBe(has);
    });
    it('keeps the directory phone apart from the Teams number', () => {
      const adele = byUpn(r, 'adele.vance@contoso.com');
      expect(adele?.directoryPhone).toBe('+1 425 555 0100');
      expect(adele?.phoneNumber).toBeUndefined();
    });
    it('maps headers with a null-prototype mapping', () => {
      expect(Object.getPrototypeOf(r.mapping)).toBeNull();
      expect(r.mapping['User principal name']).toBe('upn');
      expect(r.mapping['Usage location']).toBe('usageLocation');
      expect(r.mapping['Licenses']).toBe('licenses');
    });
  },
);

describe('the workbook sheet choice', () => {
  it('skips a sheet without a UPN column and reports sheet names', () => {
    const r = parseFixture('m365-admin-center.xlsx');
    expect(r.sheetNames).toEqual(['Read me', 'Users']);
    expect(r.sheet).toBe('Users');
  });
});

describe('Entra admin center: Download users', () => {
  const r = parseFixture('entra-download-users.csv');
  it('is recognized with no errors and no licence information', () => {
    expect(r.layout).toBe('entra-download-users');
    expect(errors(r)).toEqual([]);
    expect(r.users).toHaveLength(4);
    for (const u of r.users) expect(u.hasTeamsPhone).toBeUndefined();
    expect(r.mapping['userPrincipalName']).toBe('upn');
    expect(r.mapping['mail']).toBeUndefined();
  });
  it('reads names, locations and offices', () => {
    expect(byUpn(r, 'alex.wilber@contoso.com')).toMatchObject({
      displayName: 'Alex Wilber',
      usageLocation: 'GB',
      office: 'London',
      department: 'Logistics',
      firstName: 'Alex',
      lastName: 'Wilber',
    });
    expect(byUpn(r, 'guest_fabrikam.com#EXT#@contoso.onmicrosoft.com')).toMatchObject({ displayName: 'Guest, Fabrikam' });
  });
});

describe.each(['teams-powershell-utf16.csv', 'teams-powershell-utf8.csv'])('Teams PowerShell Export-Csv with #TYPE (%s)', (file) => {
  const r = parseFixture(file);
  it('is recognized below the #TYPE line with no errors', () => {
    expect(r.layout).toBe('teams-powershell');
    expect(r.headerRow).toBe(2);
    expect(r.issues).toEqual([]);
    expect(r.users.map((u) => u.upn)).toEqual([
      'adele.vance@contoso.com',
      'alex.wilber@contoso.com',
      'megan.bowen@contoso.com',
      'nestor.wilke@contoso.com',
      'lee.gu@contoso.com',
    ]);
  });
  it('reads LineURI as E.164 with extension, Enterprise Voice and FeatureTypes', () => {
    expect(byUpn(r, 'adele.vance@contoso.com')).toMatchObject({
      phoneNumber: '+14255550100',
      enterpriseVoiceEnabled: true,
      hasTeamsPhone: true,
      usageLocation: 'US',
      row: 3,
      sharedCallingPolicy: 'SC-Seattle',
      emergencyPolicy: 'ECRP-US-CPOC',
      voiceRoutingPolicy: 'SC-NoPSTN',
    });
    expect(byUpn(r, 'megan.bowen@contoso.com')).toMatchObject({ phoneNumber: '+14255550101', phoneExtension: '101' });
    expect(byUpn(r, 'alex.wilber@contoso.com')).toMatchObject({ enterpriseVoiceEnabled: false, hasTeamsPhone: true });
    expect(byUpn(r, 'alex.wilber@contoso.com')?.phoneNumber).toBeUndefined();
    expect(byUpn(r, 'nestor.wilke@contoso.com')).toMatchObject({ hasTeamsPhone: false });
    expect(byUpn(r, 'lee.gu@contoso.com')).toMatchObject({ enterpriseVoiceEnabled: true, phoneNumber: '+61255500110' });
  });
});

describe('what Excel does to lists', () => {
  it('reads a semicolon-separated Windows-1252 list with generic headers', () => {
    const r = parseFixture('generic-semicolon-cp1252.csv');
    expect(r.layout).toBe('generic');
    expect(r.issues).toEqual([]);
    expect(r.users.map((u) => u.displayName)).toEqual(['Zoë Müller', 'José Núñez', 'Renée Dubois']);
    expect(byUpn(r, 'zoe.mueller@contoso.com')).toMatchObject({
      usageLocation: 'DE',
      office: 'Berlin, Mitte',
      department: 'Einkauf',
      phoneNumber: '+493012345678',
    });
    expect(byUpn(r, 'jose.nunez@contoso.com')).toMatchObject({ usageLocation: 'ES', phoneNumber: '+34912345678' });
    expect(byUpn(r, 'renee.dubois@contoso.com')).toMatchObject({ usageLocation: 'FR', phoneNumber: '+33123456789' });
  });

  it('reads Unicode Text (UTF-16LE, tabs)', () => {
    const r = parseFixture('unicode-text.txt');
    expect(r.issues).toEqual([]);
    expect(r.users.map((u) => [u.displayName, u.usageLocation, u.hasTeamsPhone])).toEqual([
      ['Adele Vance', 'US', true],
      ['Renée Dubois', 'FR', false],
    ]);
  });

  it.each(['title-rows.csv', 'title-rows.xlsx'])('finds the header below title rows (%s)', (file) => {
    const r = parseFixture(file);
    expect(r.headerRow).toBe(4);
    expect(r.issues).toEqual([]);
    expect(r.users.map((u) => [u.upn, u.row, u.hasTeamsPhone])).toEqual([
      ['adele.vance@contoso.com', 5, true],
      ['alex.wilber@contoso.com', 6, false],
    ]);
  });

  it('takes the digits of a number cell, not its scientific display, in a workbook', () => {
    const r = parseFixture('numbers-as-numbers.xlsx');
    expect(r.issues).toEqual([]);
    expect(r.users[0]?.phoneNumber).toBe('+14255550123');
  });

  it('normalizes mangled numbers and reports scientific notation without guessing', () => {
    const r = parseFixture('mangled-numbers.csv');
    expect(errors(r)).toEqual([]);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'phone-scientific'],
      [6, 'phone-invalid'],
    ]);
    expect(byUpn(r, 'sci@contoso.com')?.phoneNumber).toBeUndefined();
    expect(byUpn(r, 'tel@contoso.com')).toMatchObject({ phoneNumber: '+14255550100', phoneExtension: '12' });
    expect(byUpn(r, 'national@contoso.com')).toMatchObject({ phoneNumber: '+14255550100' });
    expect(byUpn(r, 'uk@contoso.com')).toMatchObject({ phoneNumber: '+442079460123', usageLocation: 'GB' });
    expect(byUpn(r, 'ext@contoso.com')).toMatchObject({ phoneNumber: '+14255550102', phoneExtension: '1234' });
  });
});

describe('the public sample list', () => {
  it('reads with zero errors and zero warnings', () => {
    const r = parseFixture('../../../public/samples/sample-users.csv');
    expect(r.layout).toBe('m365-admin-center');
    expect(r.issues).toEqual([]);
    expect(r.users.length).toBeGreaterThanOrEqual(40);
    expect(new Set(r.users.map((u) => u.usageLocation))).toEqual(new Set(['US', 'GB', 'AU']));
    expect(r.users.some((u) => u.hasTeamsPhone === true)).toBe(true);
    expect(r.users.some((u) => u.hasTeamsPhone === false)).toBe(true);
    for (const u of r.users) expect(u.upn).toMatch(/@contoso\.com$/);
  });
});
