/**
 * The verification report written by `08-verify.ps1` and read back by the planner.
 *
 * File: `SharedCalling-Verification.csv` in the runbook's output folder.
 * Format: comma separated, header row first, every field in double quotes with `""` for a quote
 * inside a field, CRLF line ends, UTF-8 with a BOM (written by the script itself, the same in Windows
 * PowerShell 5.1 and PowerShell 7). A field that starts with `=`, `+`, `-`, `@`, `'`, tab or CR is
 * written with one leading `'`, so that Excel shows it as text instead of a number or a formula
 * (`+12065550101`, `=…`); `unguardCsvField` takes it off again. The reader also accepts files as
 * `Export-Csv -NoTypeInformation` writes them (older scripts): unquoted fields, LF line ends, quoted
 * line breaks, no BOM and a leading `#TYPE` line.
 *
 * Columns (found by header name, case-insensitive; extra columns are ignored):
 *   Kind      resourceAccount | autoAttendant | voiceRoutingPolicy | emergencyPolicy |
 *             sharedCallingPolicy | user
 *   Subject   the planner's id of the object; for users the user key (lower-case trimmed UPN)
 *   Property  the checked property; `Exists` is the first row of every object
 *   Expected  the planned value
 *   Actual    the value read from the tenant
 *   Status    Done (as planned) | Failed (differs) | Missing (object not found)
 *   Name      display text for people (written by the script, ignored here)
 *
 * `applyVerification` stores one entry per object under `plan.verification[`${kind}:${subject}`]`,
 * e.g. `user:alex@contoso.com`, `resourceAccount:ra-seattle`, `sharedCallingPolicy:scp-seattle`.
 */
import type { Plan, VerificationEntry } from '../domain/model.js';
import { userKey } from '../domain/model.js';
import { sanitizeScriptText } from './quote.js';

export const VERIFICATION_FILE_NAME = 'SharedCalling-Verification.csv';

export const VERIFICATION_KINDS = ['resourceAccount', 'autoAttendant', 'voiceRoutingPolicy', 'emergencyPolicy', 'sharedCallingPolicy', 'user'] as const;
export type VerificationKind = (typeof VERIFICATION_KINDS)[number];

export type VerificationStatus = VerificationEntry['status'];

export interface VerificationRow {
  kind: VerificationKind;
  subject: string;
  property: string;
  expected: string;
  actual: string;
  status: VerificationStatus;
}

export interface VerificationIssue {
  /** 1-based line of the record in the file (0 = whole file). */
  row: number;
  code: 'missing-column' | 'unknown-kind' | 'unknown-status' | 'unterminated-quote';
  message: string;
}

export class VerificationCsvError extends Error {
  override name = 'VerificationCsvError';
}

const REQUIRED_COLUMNS = ['kind', 'subject', 'property', 'expected', 'actual', 'status'] as const;

/** RFC 4180 records with their 1-based starting line. */
function readRecords(text: string): { records: { line: number; fields: string[] }[]; unterminated: boolean } {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') inQuotes = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { records, unterminated: inQuotes };
}

/** First characters that 08-verify.ps1 guards with a leading apostrophe (Excel formula / number guessing). */
const GUARDED_START = new Set(['=', '+', '-', '@', "'", '\t', '\r']);

/**
 * Undo the script's Excel guard: a field written as `'` + text, where text starts with one of
 * `= + - @ ' tab CR`, is read back as text. Other fields are returned unchanged, so files written
 * before the guard existed still read the same.
 */
export function unguardCsvField(field: string): string {
  if (field.length >= 2 && field[0] === "'" && GUARDED_START.has(field[1]!)) return field.slice(1);
  return field;
}

function toStatus(s: string): VerificationStatus | null {
  switch (s.trim().toLowerCase()) {
    case 'done':
      return 'done';
    case 'failed':
      return 'failed';
    case 'missing':
      return 'missing';
    default:
      return null;
  }
}

const KIND_BY_LOWER = new Map<string, VerificationKind>(VERIFICATION_KINDS.map((k) => [k.toLowerCase(), k]));

/** Read a report; bad rows come back as issues. Throws only when the file is not a report at all. */
export function readVerificationCsv(text: string): { rows: VerificationRow[]; issues: VerificationIssue[] } {
  const { records, unterminated } = readRecords(text);
  const issues: VerificationIssue[] = [];
  if (unterminated) issues.push({ row: 0, code: 'unterminated-quote', message: 'The file ends inside a quoted field.' });
  let start = 0;
  if (records[0] && records[0].fields[0]?.startsWith('#TYPE')) start = 1;
  const header = records[start];
  if (!header) throw new VerificationCsvError('The verification report is empty.');
  const index = new Map<string, number>();
  header.fields.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new VerificationCsvError(
      `Not a Shared Calling verification report: column(s) ${missing.join(', ')} missing (expected Kind,Subject,Property,Expected,Actual,Status).`,
    );
  }
  const col = (fields: string[], name: (typeof REQUIRED_COLUMNS)[number]): string => unguardCsvField(fields[index.get(name) ?? -1] ?? '');
  const rows: VerificationRow[] = [];
  for (const rec of records.slice(start + 1)) {
    const kind = KIND_BY_LOWER.get(col(rec.fields, 'kind').trim().toLowerCase());
    if (!kind) {
      issues.push({ row: rec.line, code: 'unknown-kind', message: `Unknown kind "${col(rec.fields, 'kind')}".` });
      continue;
    }
    const status = toStatus(col(rec.fields, 'status'));
    if (!status) {
      issues.push({ row: rec.line, code: 'unknown-status', message: `Unknown status "${col(rec.fields, 'status')}".` });
      continue;
    }
    rows.push({
      kind,
      subject: col(rec.fields, 'subject'),
      property: col(rec.fields, 'property'),
      expected: col(rec.fields, 'expected'),
      actual: col(rec.fields, 'actual'),
      status,
    });
  }
  return { rows, issues };
}

/**
 * Parse the verification report into rows. Rows with an unknown kind or status are skipped (see
 * `readVerificationCsv` for the list of them); a file without the required columns throws
 * `VerificationCsvError`.
 */
export function parseVerificationCsv(text: string): VerificationRow[] {
  return readVerificationCsv(text).rows;
}

/** Key of a subject in `plan.verification`. */
export function verificationKey(kind: VerificationKind, subject: string): string {
  return `${kind}:${subject}`;
}

/**
 * The subjects of a plan as the report names them. The script wrote them through psQuote's
 * sanitizer, so map sanitized text back to the plan's own ids.
 */
function subjectsOf(plan: Plan): Map<string, string> {
  const m = new Map<string, string>();
  const add = (kind: VerificationKind, id: string) => m.set(verificationKey(kind, sanitizeScriptText(id)), verificationKey(kind, id));
  for (const x of plan.resourceAccounts) add('resourceAccount', x.id);
  for (const x of plan.autoAttendants) add('autoAttendant', x.id);
  for (const x of plan.voiceRoutingPolicies) add('voiceRoutingPolicy', x.id);
  for (const x of plan.emergencyPolicies) add('emergencyPolicy', x.id);
  for (const x of plan.sharedCallingPolicies) add('sharedCallingPolicy', x.id);
  for (const u of plan.users) add('user', userKey(u.upn));
  return m;
}

/**
 * Store the report in the plan: one entry per object the plan still has. Status per object:
 * `missing` if its Exists row says Missing, else `failed` if any row Failed, else `done`. `detail`
 * lists the differing properties. Entries of objects not in the report are kept; rows about objects
 * no longer in the plan are ignored. Returns a new plan (the input is not changed).
 */
export function applyVerification(plan: Plan, rows: readonly VerificationRow[], at: string): Plan {
  const subjects = subjectsOf(plan);
  const grouped = new Map<string, VerificationRow[]>();
  for (const r of rows) {
    const key = subjects.get(verificationKey(r.kind, r.subject));
    if (key === undefined) continue;
    const list = grouped.get(key);
    if (list) list.push(r);
    else grouped.set(key, [r]);
  }
  if (grouped.size === 0) return plan;
  const verification: Record<string, VerificationEntry> = { ...plan.verification };
  for (const [key, list] of grouped) {
    const bad = list.filter((r) => r.status !== 'done');
    const status: VerificationStatus = list.some((r) => r.status === 'missing') ? 'missing' : bad.length > 0 ? 'failed' : 'done';
    const detail =
      status === 'missing'
        ? 'Not found in the tenant.'
        : bad.length > 0
          ? bad.map((r) => `${r.property}: expected "${r.expected}", found "${r.actual}"`).join('; ')
          : `All ${list.length} checks as planned.`;
    verification[key] = { status, detail, at };
  }
  return { ...plan, verification };
}
