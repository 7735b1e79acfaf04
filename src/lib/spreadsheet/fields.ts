/**
 * The fields a user list can fill and the header spellings that name them. Headers are compared
 * after `normalizeHeader` (lower case, letters and digits only), so `E-mail`, `E-Mail` and `email`
 * are one spelling. Earlier aliases win when a list has several candidates (Entra has both
 * `userPrincipalName` and `mail`: the UPN column is the UPN).
 */

export const FIELDS = [
  'upn',
  'displayName',
  'firstName',
  'lastName',
  'usageLocation',
  'country',
  'city',
  'office',
  'department',
  'licenses',
  'featureTypes',
  'teamsPhone',
  'enterpriseVoice',
  'phoneNumber',
  'directoryPhone',
  'sharedCallingPolicy',
  'voiceRoutingPolicy',
  'emergencyPolicy',
] as const;

export type Field = (typeof FIELDS)[number];

const FIELD_SET: ReadonlySet<string> = new Set(FIELDS);
export const isField = (s: string): s is Field => FIELD_SET.has(s);

export const FIELD_LABEL: Readonly<Record<Field, string>> = {
  upn: 'User principal name',
  displayName: 'Display name',
  firstName: 'First name',
  lastName: 'Last name',
  usageLocation: 'Usage location',
  country: 'Country',
  city: 'City',
  office: 'Office',
  department: 'Department',
  licenses: 'Licences',
  featureTypes: 'Feature types (Teams PowerShell)',
  teamsPhone: 'Teams Phone licence (yes/no)',
  enterpriseVoice: 'Enterprise Voice enabled',
  phoneNumber: 'Teams phone number',
  directoryPhone: 'Directory phone (not a Teams number)',
  sharedCallingPolicy: 'Shared Calling policy',
  voiceRoutingPolicy: 'Voice routing policy',
  emergencyPolicy: 'Emergency call routing policy',
};

/** Lower case, letters and digits only. Linear, no regular expression backtracking. */
export function normalizeHeader(h: string): string {
  let out = '';
  const s = h.toLowerCase();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) out += s[i];
  }
  return out;
}

/** Aliases per field in priority order (normalized spellings). */
const ALIASES: Readonly<Record<Field, readonly string[]>> = {
  upn: ['userprincipalname', 'upn', 'signinname', 'username', 'login', 'email', 'emailaddress', 'mail', 'primarysmtpaddress', 'workemail'],
  displayName: ['displayname', 'fullname', 'name', 'employeename'],
  firstName: ['firstname', 'givenname'],
  lastName: ['lastname', 'surname', 'familyname'],
  usageLocation: ['usagelocation'],
  country: ['countryregion', 'country', 'countryorregion', 'countrycode'],
  city: ['city', 'town'],
  office: ['office', 'officelocation', 'site', 'location', 'physicaldeliveryofficename', 'building', 'branch'],
  department: ['department', 'dept', 'division'],
  licenses: ['licenses', 'licences', 'license', 'licence', 'assignedlicenses', 'assignedlicences', 'skus'],
  featureTypes: ['featuretypes'],
  teamsPhone: ['teamsphone', 'teamsphonelicense', 'teamsphonelicence', 'hasteamsphone'],
  enterpriseVoice: ['enterprisevoiceenabled', 'enterprisevoice', 'evenabled'],
  phoneNumber: ['lineuri', 'teamsnumber', 'teamsphonenumber', 'currentnumber', 'phonenumber', 'phone', 'telephonenumber', 'businessphone', 'directnumber', 'did', 'number'],
  directoryPhone: [],
  sharedCallingPolicy: ['teamssharedcallingroutingpolicy', 'sharedcallingpolicy', 'sharedcallingroutingpolicy'],
  voiceRoutingPolicy: ['onlinevoiceroutingpolicy', 'voiceroutingpolicy'],
  emergencyPolicy: ['teamsemergencycallroutingpolicy', 'emergencycallroutingpolicy', 'emergencypolicy'],
};

/** normalized alias → [field, priority]. */
const ALIAS_INDEX: ReadonlyMap<string, readonly [Field, number]> = new Map(
  FIELDS.flatMap((f) => ALIASES[f].map((a, i) => [a, [f, i] as const] as const)),
);

/** Directory phone attributes in the admin-center exports are not Teams numbers (export-layouts.md). */
const DIRECTORY_PHONE_IN = new Set(['m365-admin-center', 'entra-download-users']);
const DIRECTORY_PHONE_HEADERS = new Set(['phonenumber', 'telephonenumber']);

export function aliasOf(normalized: string, layout: string): readonly [Field, number] | undefined {
  if (DIRECTORY_PHONE_IN.has(layout) && DIRECTORY_PHONE_HEADERS.has(normalized)) return ['directoryPhone', 0];
  return ALIAS_INDEX.get(normalized);
}

export const isKnownHeader = (normalized: string): boolean => ALIAS_INDEX.has(normalized);
export const isUpnHeader = (normalized: string): boolean => ALIAS_INDEX.get(normalized)?.[0] === 'upn';
