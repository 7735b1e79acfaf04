import { describe, expect, it } from 'vitest';
import { featureTypesHaveTeamsPhone, licencesHaveTeamsPhone } from '../../../src/lib/spreadsheet/licences.js';
import { toCountryCode } from '../../../src/lib/spreadsheet/countries.js';
import { isValidUpn, parseBool } from '../../../src/lib/spreadsheet/values.js';
import { detectLayout } from '../../../src/lib/spreadsheet/layout.js';

describe('licencesHaveTeamsPhone (U1)', () => {
  it.each([
    'contoso:MCOEV',
    'MCOEV',
    'contoso:MCOEV_GOV',
    'contoso:MCOEVSMB_1',
    'contoso:SPE_E5',
    'contoso:ENTERPRISEPREMIUM',
    'contoso:SPE_E5_NOPSTNCONF',
    'contoso:ENTERPRISEPREMIUM_NOPSTNCONF',
    'contoso:M365EDU_A5_FACULTY',
    'contoso:MCOTEAMS_ESSENTIALS',
    'Microsoft 365 E5',
    'Office 365 E5',
    'Microsoft 365 E5 (no Teams)',
    'Microsoft Teams Phone Standard',
    'Microsoft Teams Phone Standard for Frontline Workers',
    'Teams Phone with Calling Plan',
    'Microsoft 365 A5 for Faculty',
    'Microsoft 365 Business Basic+Microsoft Teams Phone Standard',
    'contoso:SPE_E3+contoso:MCOEV',
  ])('%s → yes', (cell) => expect(licencesHaveTeamsPhone(cell)).toBe(true));

  it.each([
    '',
    'Unlicensed',
    'unlicensed',
    'Microsoft 365 E3',
    'Office 365 E3',
    'Microsoft 365 E5 Security',
    'Microsoft 365 E5 Compliance',
    'contoso:IDENTITY_THREAT_PROTECTION',
    'contoso:PHONESYSTEM_VIRTUALUSER',
    'Microsoft Teams Phone Resource Account',
    'Microsoft Teams Premium',
    'Microsoft 365 Domestic Calling Plan',
    'contoso:SPE_E3',
  ])('%s → no', (cell) => expect(licencesHaveTeamsPhone(cell)).toBe(false));

  it('reads FeatureTypes, and ignores an unflattened .NET type name', () => {
    expect(featureTypesHaveTeamsPhone('{Teams, AudioConferencing, PhoneSystem}')).toBe(true);
    expect(featureTypesHaveTeamsPhone('Teams')).toBe(false);
    expect(featureTypesHaveTeamsPhone('System.Collections.Generic.List`1[System.String]')).toBeUndefined();
  });
});

describe('small parsers', () => {
  it('maps country codes and common names to ISO codes', () => {
    expect(toCountryCode('us')).toBe('US');
    expect(toCountryCode('UK')).toBe('GB');
    expect(toCountryCode('United  Kingdom')).toBe('GB');
    expect(toCountryCode('Deutschland')).toBe('DE');
    expect(toCountryCode('Atlantis')).toBeUndefined();
    expect(toCountryCode('XX')).toBeUndefined();
  });
  it('reads True/False, Yes/No, 1/0', () => {
    expect(['True', 'TRUE', 'yes', '1'].map(parseBool)).toEqual([true, true, true, true]);
    expect(['False', 'no', '0'].map(parseBool)).toEqual([false, false, false]);
    expect(parseBool('')).toBeUndefined();
    expect(parseBool('maybe')).toBeNull();
  });
  it('validates UPNs without regular-expression backtracking', () => {
    expect(isValidUpn('adele.vance@contoso.com')).toBe(true);
    expect(isValidUpn('guest_x.com#EXT#@contoso.onmicrosoft.com')).toBe(true);
    for (const bad of ['adele', 'a@b', 'a@@b.com', '@contoso.com', 'a b@contoso.com', 'a@contoso.', 'a@.com', 'a@contoso.c'])
      expect(isValidUpn(bad), bad).toBe(false);
    const t = performance.now();
    isValidUpn(`${'a'.repeat(100_000)}@${'b.'.repeat(50_000)}`);
    expect(performance.now() - t).toBeLessThan(100);
  });
  it('recognizes layouts by their headers', () => {
    expect(detectLayout(['UserPrincipalName', 'DisplayName', 'LineURI'])).toBe('teams-powershell');
    expect(detectLayout(['userPrincipalName', 'displayName', 'givenName', 'usageLocation'])).toBe('entra-download-users');
    expect(detectLayout(['Display name', 'User principal name', 'Country/Region'])).toBe('m365-admin-center');
    expect(detectLayout(['Email', 'Name'])).toBe('generic');
  });
});
