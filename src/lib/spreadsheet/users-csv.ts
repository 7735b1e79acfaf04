/**
 * CSV export of the plan's users, for Excel and for other tools.
 *
 * Decision on formula injection: Excel runs a CSV cell that starts with `=`, `+`, `-` or `@` as a
 * formula (`=cmd|' /C calc'!A0`), so such cells are written with a leading `'` (the OWASP advice).
 * That changes the text for other readers, so it is done only where needed: a plain E.164 number
 * (`+14255550100`) cannot run anything and is written as is. For an exact, lossless copy of a plan
 * use the plan workbook or the JSON backup, not this CSV.
 *
 * Output: header row, CRLF line ends, RFC 4180 quoting, and a leading U+FEFF so that Excel reads
 * the file as UTF-8 once the caller encodes the string as UTF-8 ("José" stays "José").
 */
import { userKey, type Plan } from '../domain/model.js';
import { verificationIndex, VERIFICATION_STATUS_LABEL } from '../verification-view.js';

const DANGEROUS_START = new Set(['=', '+', '-', '@', '\t', '\r']);
const SAFE_NUMBER = /^\+[1-9]\d{6,14}$/;

/** A cell Excel will show as text, never evaluate. */
export function csvSafe(value: string): string {
  const first = value.charAt(0);
  if (DANGEROUS_START.has(first) && !SAFE_NUMBER.test(value)) return `'${value}`;
  return value;
}

function quote(value: string): string {
  return /[",\r\n;]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const USERS_CSV_HEADERS = [
  'User principal name',
  'Display name',
  'Usage location',
  'Department',
  'Office',
  'Site',
  'Teams Phone',
  'Enterprise Voice',
  'Current number',
  'Shared Calling policy',
  'Emergency policy',
  'Voice routing policy',
  'Extension',
  // From the last verification report (08-verify.ps1); empty before one is loaded.
  'Deployment status',
  'Deployment detail',
] as const;

export function usersToCsv(plan: Plan): string {
  const name = <T extends { id: string; name: string }>(list: readonly T[]) => {
    const m = new Map(list.map((x) => [x.id, x.name] as const));
    return (id: string | null) => (id === null ? '' : (m.get(id) ?? ''));
  };
  const site = name(plan.sites);
  const scp = name(plan.sharedCallingPolicies);
  const ecrp = name(plan.emergencyPolicies);
  const vrp = name(plan.voiceRoutingPolicies);
  const verification = verificationIndex(plan.verification);
  const lines = [USERS_CSV_HEADERS.join(',')];
  for (const u of plan.users) {
    const v = verification.get(`user:${userKey(u.upn)}`);
    const cells = [
      u.upn,
      u.displayName,
      u.usageLocation,
      u.department,
      u.office,
      site(u.siteId),
      u.teamsPhone,
      u.enterpriseVoice,
      u.currentNumber,
      scp(u.sharedCallingPolicyId),
      ecrp(u.emergencyPolicyId),
      vrp(u.voiceRoutingPolicyId),
      u.extension,
      v ? VERIFICATION_STATUS_LABEL[v.status] : '',
      v?.detail ?? '',
    ];
    lines.push(cells.map((c) => quote(csvSafe(c))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The row issues of an import as CSV (same safety rules as the users CSV): Row, Severity, Code, Message. */
export function rowIssuesToCsv(issues: readonly { row: number; severity: string; code: string; message: string }[]): string {
  const lines = ['Row,Severity,Code,Message'];
  for (const i of issues) lines.push([i.row === 0 ? 'File' : String(i.row), i.severity, i.code, i.message].map((c) => quote(csvSafe(c))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
