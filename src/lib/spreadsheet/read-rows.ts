/**
 * Turn the data rows of a sheet into users and row issues. This is the hot loop of an import
 * (100,000 rows must take little more than SheetJS's own read): only mapped columns are touched,
 * and phone, licence and country parsing are cached per distinct cell text.
 */
import { userKey } from '../domain/model.js';
import { toE164, type PhoneResult } from '../domain/phone.js';
import type { Grid } from './grid.js';
import { isBlankRow } from './grid.js';
import type { ColumnMap } from './layout.js';
import type { Field } from './fields.js';
import type { ImportedUser, RowIssue } from './types.js';
import { toCountryCode } from './countries.js';
import { featureTypesHaveTeamsPhone, licencesHaveTeamsPhone } from './licences.js';
import { isValidUpn, parseBool } from './values.js';
import { mergeInto } from './merge.js';

/** Control characters other than tab, line feed and carriage return (a single character class: linear). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** What `Export-Csv` writes for a List<string> property it cannot flatten. */
const UNJOINED_LIST = /^System\.Collections\.Generic\.List`1\[System\.String\]$/;

/** An export that works: the list joined into text; AccountType and SoftDeletionTimestamp let the import leave out guests, unlicensed and deleted users (R6). */
export const FEATURE_TYPES_EXPORT =
  "Get-CsOnlineUser | Select-Object UserPrincipalName, DisplayName, UsageLocation, AccountType, SoftDeletionTimestamp, EnterpriseVoiceEnabled, LineURI, @{Name='FeatureTypes'; Expression={$_.FeatureTypes -join ','}}, TeamsSharedCallingRoutingPolicy, OnlineVoiceRoutingPolicy, TeamsEmergencyCallRoutingPolicy | Export-Csv -Path users.csv -NoTypeInformation -Encoding UTF8";

/** Beyond this many issues only a count is reported: a broken 100,000-row file stays usable. */
export const MAX_ISSUES = 5_000;

export interface ReadRowsResult {
  users: ImportedUser[];
  issues: RowIssue[];
  rowsRead: number;
}

function memo<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = fn(s);
      if (cache.size < 100_000) cache.set(s, v);
    }
    return v as T; // present in the cache or just computed
  };
}

export function readRows(grid: Grid, headerRow: number, cols: ColumnMap, onProgress?: (f: number) => void): ReadRowsResult {
  const users: ImportedUser[] = [];
  const issues: RowIssue[] = [];
  let dropped = 0;
  const issue = (row: number, severity: RowIssue['severity'], code: string, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ row, severity, code, message });
    else dropped++;
  };

  const col = (f: Field) => cols.get(f) ?? -1;
  const c = {
    upn: col('upn'),
    displayName: col('displayName'),
    firstName: col('firstName'),
    lastName: col('lastName'),
    usageLocation: col('usageLocation'),
    country: col('country'),
    city: col('city'),
    office: col('office'),
    department: col('department'),
    licenses: col('licenses'),
    featureTypes: col('featureTypes'),
    teamsPhone: col('teamsPhone'),
    enterpriseVoice: col('enterpriseVoice'),
    phoneNumber: col('phoneNumber'),
    directoryPhone: col('directoryPhone'),
    sharedCallingPolicy: col('sharedCallingPolicy'),
    voiceRoutingPolicy: col('voiceRoutingPolicy'),
    emergencyPolicy: col('emergencyPolicy'),
    hiddenFromAddressLists: col('hiddenFromAddressLists'),
    accountType: col('accountType'),
    softDeleted: col('softDeleted'),
  };
  // Export-Csv without -join writes a list property as its .NET type name: Teams Phone then reads
  // as unknown for everyone. Counted, then reported once (below).
  let unjoinedFeatureTypes = 0;
  let firstUnjoinedRow = 0;
  // R6: rows Get-CsOnlineUser (6.2.0+) returns that cannot be Shared Calling users.
  let ineligible = 0;
  const mappedCols = [...cols.values()];
  const country = memo(toCountryCode);
  const licences = memo(licencesHaveTeamsPhone);
  const features = memo(featureTypesHaveTeamsPhone);
  const phoneCache = new Map<string, PhoneResult>();
  const phone = (text: string, region: string | undefined): PhoneResult => {
    const key = `${region ?? ''}\u0000${text}`;
    let r = phoneCache.get(key);
    if (!r) {
      r = toE164(text, region);
      if (phoneCache.size < 100_000) phoneCache.set(key, r);
    }
    return r;
  };

  const byKey = new Map<string, number>();
  const total = grid.rowCount;
  const step = Math.max(1000, Math.floor(total / 50));
  let rowsRead = 0;

  for (let r = headerRow + 1; r < total; r++) {
    if (onProgress && r % step === 0) onProgress(r / total);
    rowsRead++;
    const sheetRow = r + 1;
    const t = (i: number) => (i < 0 ? '' : grid.text(r, i).trim());

    // A NUL or other control character in a cell (a damaged export, a paste from another tool) makes
    // only this row suspect: it is skipped with an issue, and the rest of the list imports.
    let control = -1;
    for (const i of mappedCols) {
      if (CONTROL.test(grid.text(r, i))) {
        control = i;
        break;
      }
    }
    if (control >= 0) {
      const ch = grid.text(r, control).match(CONTROL)?.[0] ?? '';
      const code = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      issue(
        sheetRow,
        'error',
        'control-character',
        `Row ${sheetRow}: column ${control + 1} holds a control character (${code}${code === 'U+0000' ? ', NUL' : ''}) that no export writes; the row was skipped. Correct the cell in the source and import again.`,
      );
      continue;
    }

    const upn = t(c.upn);
    if (upn === '') {
      let mappedEmpty = true;
      for (const i of mappedCols) if (grid.text(r, i).trim() !== '') mappedEmpty = false;
      if (mappedEmpty && isBlankRow(grid, r)) continue;
      issue(sheetRow, 'error', 'missing-upn', `Row ${sheetRow} has no user principal name; it was skipped.`);
      continue;
    }
    if (!isValidUpn(upn)) {
      issue(sheetRow, 'error', 'invalid-upn', `Row ${sheetRow}: "${upn.slice(0, 80)}" is not a user principal name (name@domain.tld); the row was skipped.`);
      continue;
    }

    // R6: since 6.2.0 Get-CsOnlineUser lists guests, unlicensed users (IneligibleUser) and, without
    // -Identity, soft-deleted users; none of them can be a Shared Calling user.
    const accountType = t(c.accountType).toLowerCase();
    const softDeleted = t(c.softDeleted);
    if (accountType === 'guest' || accountType === 'ineligibleuser' || softDeleted !== '') {
      ineligible++;
      const why =
        softDeleted !== ''
          ? 'is soft-deleted (SoftDeletionTimestamp set)'
          : accountType === 'guest'
            ? 'is a guest'
            : 'has no valid Teams licence (AccountType IneligibleUser)';
      issue(
        sheetRow,
        'warning',
        'ineligible-account',
        `Row ${sheetRow}: ${upn.slice(0, 80)} ${why}; Get-CsOnlineUser lists such accounts since module 6.2.0 (R6). The row was left out.`,
      );
      continue;
    }

    const user: ImportedUser = { upn, displayName: '', row: sheetRow };
    const firstName = t(c.firstName);
    const lastName = t(c.lastName);
    if (firstName) user.firstName = firstName;
    if (lastName) user.lastName = lastName;
    user.displayName = t(c.displayName) || [firstName, lastName].filter(Boolean).join(' ');
    const department = t(c.department);
    if (department) user.department = department;
    const office = t(c.office);
    if (office) user.office = office;
    const city = t(c.city);
    if (city) user.city = city;
    const countryText = t(c.country);
    if (countryText) user.country = countryText;

    const locText = t(c.usageLocation);
    if (locText) {
      const code = country(locText);
      if (code) user.usageLocation = code;
      else
        issue(
          sheetRow,
          'warning',
          'unknown-location',
          `Row ${sheetRow}: usage location "${locText.slice(0, 60)}" is not a country code or a known country name.`,
        );
    } else if (countryText) {
      const code = country(countryText);
      if (code) user.usageLocation = code;
      else if (c.usageLocation < 0)
        issue(sheetRow, 'warning', 'unknown-location', `Row ${sheetRow}: country "${countryText.slice(0, 60)}" is not a known country name or code.`);
    }

    // Teams Phone licence: any source saying yes wins; undefined when the file cannot tell (U1).
    let hasPhone: boolean | undefined;
    const yes = (v: boolean | undefined) => {
      if (v === true) hasPhone = true;
      else if (v === false && hasPhone === undefined) hasPhone = false;
    };
    if (c.teamsPhone >= 0) {
      const v = parseBool(t(c.teamsPhone));
      if (v === null) issue(sheetRow, 'warning', 'bad-boolean', `Row ${sheetRow}: Teams Phone "${t(c.teamsPhone).slice(0, 40)}" is not yes or no.`);
      else yes(v);
    }
    if (c.licenses >= 0) {
      const lic = t(c.licenses);
      if (lic) user.licenses = lic;
      yes(licences(lic));
    }
    if (c.featureTypes >= 0) {
      const ft = t(c.featureTypes);
      if (UNJOINED_LIST.test(ft)) {
        if (unjoinedFeatureTypes++ === 0) firstUnjoinedRow = sheetRow;
      } else yes(features(ft));
    }
    if (hasPhone !== undefined) user.hasTeamsPhone = hasPhone;

    if (c.enterpriseVoice >= 0) {
      const text = t(c.enterpriseVoice);
      const v = parseBool(text);
      if (v === null) issue(sheetRow, 'warning', 'bad-boolean', `Row ${sheetRow}: Enterprise Voice "${text.slice(0, 40)}" is not True or False.`);
      else if (v !== undefined) user.enterpriseVoiceEnabled = v;
    }

    if (c.phoneNumber >= 0) {
      const text = grid.phoneText(r, c.phoneNumber).trim();
      if (text) {
        const p = phone(text, user.usageLocation);
        if (p.ok) {
          user.phoneNumber = p.e164;
          if (p.ext) user.phoneExtension = p.ext;
        } else {
          issue(
            sheetRow,
            'warning',
            p.reason === 'scientific' ? 'phone-scientific' : 'phone-invalid',
            `Row ${sheetRow}: ${p.message} The number was not imported.`,
          );
        }
      }
    }
    const dirPhone = t(c.directoryPhone);
    if (dirPhone) user.directoryPhone = dirPhone;
    const scp = t(c.sharedCallingPolicy);
    if (scp) user.sharedCallingPolicy = scp;
    const vrp = t(c.voiceRoutingPolicy);
    if (vrp) user.voiceRoutingPolicy = vrp;
    const ecrp = t(c.emergencyPolicy);
    if (ecrp) user.emergencyPolicy = ecrp;
    if (c.hiddenFromAddressLists >= 0) {
      const text = t(c.hiddenFromAddressLists);
      const v = parseBool(text);
      if (v === null) issue(sheetRow, 'warning', 'bad-boolean', `Row ${sheetRow}: HiddenFromAddressListsEnabled "${text.slice(0, 40)}" is not True or False.`);
      else if (v !== undefined) user.hiddenFromAddressLists = v;
    }

    const key = userKey(upn);
    const existing = byKey.get(key);
    if (existing !== undefined) {
      const first = users[existing];
      if (first) {
        issue(sheetRow, 'warning', 'duplicate-upn', `Row ${sheetRow}: ${upn} already appears in row ${first.row}; the rows were merged.`);
        users[existing] = mergeInto(first, user);
      }
      continue;
    }
    byKey.set(key, users.length);
    users.push(user);
  }
  if (unjoinedFeatureTypes > 0) {
    issues.unshift({
      row: 0,
      severity: 'warning',
      code: 'featuretypes-not-joined',
      message:
        `The FeatureTypes column holds "System.Collections.Generic.List\`1[System.String]" in ${unjoinedFeatureTypes.toLocaleString('en-US')} rows (first: row ${firstUnjoinedRow}): Export-Csv wrote the list's type name instead of its values, so whether these users have Teams Phone is unknown. ` +
        `Export again with the list joined: ${FEATURE_TYPES_EXPORT}`,
    });
  }
  if (ineligible > 0) {
    issues.unshift({
      row: 0,
      severity: 'warning',
      code: 'ineligible-accounts',
      message: `${ineligible.toLocaleString('en-US')} rows are guests, unlicensed (IneligibleUser) or soft-deleted accounts, which Get-CsOnlineUser returns since module 6.2.0; they were left out (R6).`,
    });
  }
  if (dropped > 0) {
    issues.push({ row: 0, severity: 'warning', code: 'too-many-issues', message: `${dropped} more row issues were not listed.` });
  }
  onProgress?.(1);
  return { users, issues, rowsRead };
}
