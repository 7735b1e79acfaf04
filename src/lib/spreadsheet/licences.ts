/**
 * Teams Phone licence detection from the `Licenses` column (U1). Depending on the export's age it
 * holds portal names ("Microsoft 365 E5") or `tenant:SKUPARTNUMBER` ids ("contoso:MCOEV"), joined
 * with `+`; "Unlicensed" means none. Teams Phone comes standalone (MCOEV*: Standard, Frontline,
 * Gov, SMB, Teams Phone with Calling Plan) or inside the E5/A5/G5 suites, including their
 * "no Teams" and "without Audio Conferencing" variants. The E5 *add-ons* (Security, Compliance…)
 * and the Teams Phone *Resource Account* licence do not give a user Teams Phone.
 */

const SKU_PREFIXES = [
  'MCOEV',
  'SPE_E5',
  'ENTERPRISEPREMIUM',
  'M365EDU_A5',
  'M365_G5',
  'SPE_A5',
  'MCOTEAMS_ESSENTIALS',
  'BUSINESS_VOICE',
  'MICROSOFT_TEAMS_PHONE',
];
const NOT_PHONE = [
  'SECURITY',
  'COMPLIANCE',
  'EDISCOVERY',
  'INSIDER',
  'INFORMATION_PROTECTION',
  'THREAT',
  'RESOURCE',
  'VIRTUALUSER',
  'IDENTITY',
  'ANALYTICS',
  'POWER_BI',
];

function skuHasTeamsPhone(sku: string): boolean {
  const s = sku.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  if (NOT_PHONE.some((w) => s.includes(w))) return false;
  return SKU_PREFIXES.some((p) => s.startsWith(p)) || s.includes('TEAMS_PHONE') || s.includes('PHONESYSTEM');
}

const SUITE = /^(?:microsoft|office) 365 [aeg]5(?: |$)/;
const NAME_EXCLUDE = [
  'security',
  'compliance',
  'ediscovery',
  'insider risk',
  'information protection',
  'threat intelligence',
  'resource account',
  'identity',
  'analytics',
];

function nameHasTeamsPhone(name: string): boolean {
  const n = name.toLowerCase().replace(/\s+/g, ' ').trim();
  if (NAME_EXCLUDE.some((w) => n.includes(w))) return false;
  return SUITE.test(n) || n.includes('teams phone') || n.includes('phone system') || n.includes('business voice');
}

/** One licence entry: `tenant:SKU`, a bare SKU part number, or a portal name. */
function entryHasTeamsPhone(entry: string): boolean {
  const e = entry.trim();
  const colon = e.indexOf(':');
  if (colon !== -1 && !e.includes(' ')) return skuHasTeamsPhone(e.slice(colon + 1));
  if (!e.includes(' ')) return skuHasTeamsPhone(e);
  return nameHasTeamsPhone(e);
}

/** Whether a `Licenses` cell grants Teams Phone. Empty or "Unlicensed" → false. */
export function licencesHaveTeamsPhone(cell: string): boolean {
  const t = cell.trim();
  if (t === '' || t.toLowerCase() === 'unlicensed') return false;
  return t.split(/[+;|,\n]/).some(entryHasTeamsPhone);
}

/**
 * Get-CsOnlineUser `FeatureTypes` (`{Teams, AudioConferencing, PhoneSystem}`): PhoneSystem = Teams
 * Phone. Export-Csv of an unflattened list writes the .NET type name instead: that says nothing.
 */
export function featureTypesHaveTeamsPhone(cell: string): boolean | undefined {
  if (/^System\.|\[System\./.test(cell.trim())) return undefined;
  return /phonesystem/i.test(cell);
}
