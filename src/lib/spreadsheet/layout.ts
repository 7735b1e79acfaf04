/**
 * Recognize the export layouts of export-layouts.md by their headers and map headers to fields.
 * Everything keyed by a header lives in a Map or a null-prototype object: a header named
 * `__proto__` or `constructor` is just text.
 */
import type { UserListLayout } from './types.js';
import { aliasOf, isField, LOCALIZED_LICENCE_HEADERS, LOCALIZED_UPN_HEADERS, normalizeHeader, type Field } from './fields.js';

const TEAMS_SIGNALS = [
  'enterprisevoiceenabled',
  'lineuri',
  'featuretypes',
  'teamssharedcallingroutingpolicy',
  'onlinevoiceroutingpolicy',
  'teamsemergencycallroutingpolicy',
];
const M365_SIGNALS = ['blockcredential', 'countryregion', 'licenseassignmentdetail', 'dirsyncenabled', 'lastdirsynctime', 'oathtokenstatus'];
const ENTRA_SIGNALS = ['usertype', 'accountenabled', 'givenname', 'officelocation', 'creationtype', 'directorysynced', 'identityissuer'];

export function detectLayout(headers: readonly string[]): UserListLayout {
  const norm = new Set(headers.map(normalizeHeader));
  const raw = new Set(headers.map((h) => h.trim().toLowerCase()));
  if (!norm.has('userprincipalname')) {
    // The admin center's export in another display language: a translated UPN and Licences header.
    const localizedUpn = [...norm].some((h) => LOCALIZED_UPN_HEADERS.has(h));
    const localizedLicences = [...norm].some((h) => LOCALIZED_LICENCE_HEADERS.has(h) || h === 'licenses');
    return localizedUpn && localizedLicences ? 'm365-admin-center' : 'generic';
  }
  if (TEAMS_SIGNALS.some((s) => norm.has(s))) return 'teams-powershell';
  if (M365_SIGNALS.some((s) => norm.has(s)) || (raw.has('user principal name') && norm.has('licenses'))) return 'm365-admin-center';
  if (ENTRA_SIGNALS.some((s) => norm.has(s))) return 'entra-download-users';
  return 'generic';
}

/** Column index per field. */
export type ColumnMap = Map<Field, number>;

/** The automatic mapping: for each field the header with the best-priority alias. */
export function autoMapping(headers: readonly string[], layout: UserListLayout): ColumnMap {
  const best = new Map<Field, { col: number; prio: number }>();
  headers.forEach((h, col) => {
    const hit = aliasOf(normalizeHeader(h), layout);
    if (!hit) return;
    const [field, prio] = hit;
    const cur = best.get(field);
    if (!cur || prio < cur.prio) best.set(field, { col, prio });
  });
  return new Map([...best].map(([f, v]) => [f, v.col]));
}

/**
 * A mapping chosen in the UI (header → field). Unknown fields and headers not in the sheet are
 * ignored; the first column wins when a header repeats.
 */
export function explicitMapping(headers: readonly string[], mapping: Readonly<Record<string, string>>): ColumnMap {
  const cols = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!cols.has(h.trim())) cols.set(h.trim(), i);
  });
  const out: ColumnMap = new Map();
  for (const header of Object.keys(mapping)) {
    const field = Object.prototype.hasOwnProperty.call(mapping, header) ? mapping[header] : undefined;
    const col = cols.get(header.trim());
    if (field !== undefined && isField(field) && col !== undefined && !out.has(field)) out.set(field, col);
  }
  return out;
}

/** Header → field as a null-prototype record for the result. */
export function mappingRecord(headers: readonly string[], map: ColumnMap): Record<string, string> {
  const rec: Record<string, string> = Object.create(null) as Record<string, string>; // null prototype: keys are raw headers
  for (const [field, col] of map) {
    const h = headers[col];
    if (h !== undefined) rec[h] = field;
  }
  return rec;
}
