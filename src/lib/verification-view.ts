/**
 * Verification results (plan.verification, read back from `08-verify.ps1`) shaped for the screens:
 * status labels, a filter test, counting and per-user status codes for the 100,000-user table.
 * Pure and cached per immutable value (the verification record and the users array are replaced,
 * never mutated, so a WeakMap keyed on them stays correct).
 */
import { userKey, type User, type VerificationEntry } from './domain/model.js';

export type VerificationStatus = VerificationEntry['status'];

export const VERIFICATION_STATUS_LABEL: Record<VerificationStatus, string> = {
  done: 'Deployed',
  failed: 'Failed',
  missing: 'Missing',
};

/** Longer words for tooltips and screen readers. */
export const VERIFICATION_STATUS_DESCRIPTION: Record<VerificationStatus, string> = {
  done: 'Deployed as planned',
  failed: 'Deployed, but differs from the plan',
  missing: 'Not found in the tenant',
};

/** `${kind}:${subject}`, as stored in plan.verification. */
export const verificationEntryKey = (kind: string, subjectId: string) => `${kind}:${subjectId}`;

/** The entry of one object, or undefined. */
export function verificationEntry(verification: Readonly<Record<string, VerificationEntry>>, kind: string, subjectId: string): VerificationEntry | undefined {
  return verificationIndex(verification).get(verificationEntryKey(kind, subjectId));
}

const indexCache = new WeakMap<object, Map<string, VerificationEntry>>();

/** plan.verification as a Map, built once per record value. */
export function verificationIndex(verification: Readonly<Record<string, VerificationEntry>>): Map<string, VerificationEntry> {
  let map = indexCache.get(verification);
  if (!map) {
    map = new Map(Object.entries(verification));
    indexCache.set(verification, map);
  }
  return map;
}

export const hasVerification = (verification: Readonly<Record<string, VerificationEntry>>) => verificationIndex(verification).size > 0;

export interface VerificationCounts {
  done: number;
  failed: number;
  missing: number;
  total: number;
}

/** How many entries have each status (optionally only one kind, e.g. `user`). */
export function countVerification(verification: Readonly<Record<string, VerificationEntry>>, kind?: string): VerificationCounts {
  const c: VerificationCounts = { done: 0, failed: 0, missing: 0, total: 0 };
  const prefix = kind ? `${kind}:` : '';
  for (const [key, e] of verificationIndex(verification)) {
    if (prefix && !key.startsWith(prefix)) continue;
    if (e.status === 'done' || e.status === 'failed' || e.status === 'missing') {
      c[e.status]++;
      c.total++;
    }
  }
  return c;
}

/** A report time for people: `2025-03-04 14:05` in local time; the text itself when it is no date. */
export function formatVerificationTime(at: string): string {
  const d = new Date(at);
  if (!at || Number.isNaN(d.getTime())) return at;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** "Failed: Deployed, but differs from the plan. <detail>. Checked 2025-03-04 14:05" (detail and date when present). */
export function describeVerification(e: VerificationEntry): string {
  const when = formatVerificationTime(e.at);
  const detail = e.detail.trim().replace(/\.+$/, '');
  return [`${VERIFICATION_STATUS_LABEL[e.status]}: ${VERIFICATION_STATUS_DESCRIPTION[e.status]}`, detail, when && `Checked ${when}`].filter(Boolean).join('. ');
}

/** Status codes of a users array: 0 = no result, 1 = done, 2 = failed, 3 = missing. */
export const STATUS_CODE: Record<VerificationStatus, number> = { done: 1, failed: 2, missing: 3 };
const CODE_STATUS: (VerificationStatus | '')[] = ['', 'done', 'failed', 'missing'];

const codesCache = new WeakMap<readonly User[], { verification: object; codes: Uint8Array }>();
/** The last codes built: after an edit, users at the same position that are the same object keep theirs. */
let lastCodes: { users: readonly User[]; verification: object; codes: Uint8Array } | null = null;

/**
 * One status code per user (index of plan.users), computed once per (users, verification) pair.
 * An edit's new users array reuses the previous codes wherever the user object is unchanged.
 */
export function userStatusCodes(users: readonly User[], verification: Readonly<Record<string, VerificationEntry>>): Uint8Array {
  const hit = codesCache.get(users);
  if (hit && hit.verification === verification) return hit.codes;
  const map = verificationIndex(verification);
  const codes = new Uint8Array(users.length);
  const prev = lastCodes && lastCodes.verification === verification && lastCodes.users.length === users.length ? lastCodes : null;
  if (map.size > 0) {
    for (let i = 0; i < users.length; i++) {
      const u = users[i]!;
      if (prev && prev.users[i] === u) {
        codes[i] = prev.codes[i] ?? 0;
        continue;
      }
      const e = map.get(`user:${userKey(u.upn)}`);
      if (e) codes[i] = STATUS_CODE[e.status] ?? 0;
    }
  }
  codesCache.set(users, { verification, codes });
  lastCodes = { users, verification, codes };
  return codes;
}

/**
 * A Deployment column filter like the other columns: text = contains, `=text` = exactly, `=` = no
 * result. Matches the status (`done`, `failed`, `missing`) or its label (`Deployed` …),
 * case-insensitive. Returns a test on status codes, or null when the filter is empty.
 */
export function statusFilter(text: string): ((code: number) => boolean) | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  const exact = t.startsWith('=');
  const value = exact ? t.slice(1).trim() : t;
  const match = (s: string) => (exact ? s === value : s.includes(value));
  const ok = CODE_STATUS.map((status) => (status === '' ? match('') : match(status) || match(VERIFICATION_STATUS_LABEL[status].toLowerCase())));
  return (code) => ok[code] ?? false;
}

/**
 * Keep the rows (indices of users) whose status passes the filter, then optionally sort them by
 * status label (Deployed, Failed, Missing; users without a result last in both directions).
 * Stable and linear: a counting sort over four buckets.
 */
export function applyStatusQuery(rows: Int32Array, codes: Uint8Array, filter: string, sort: 'asc' | 'desc' | null): Int32Array {
  const test = statusFilter(filter);
  let out = rows;
  if (test) {
    const kept = new Int32Array(rows.length);
    let n = 0;
    for (const i of rows) if (test(codes[i] ?? 0)) kept[n++] = i;
    out = kept.subarray(0, n);
  }
  if (!sort) return out;
  const order = sort === 'asc' ? [1, 2, 3, 0] : [3, 2, 1, 0];
  const rank = [0, 0, 0, 0];
  order.forEach((code, r) => (rank[code] = r));
  const rankOf = (i: number) => rank[codes[i] ?? 0] ?? 0;
  const next = [0, 0, 0, 0];
  for (const i of out) for (let r = rankOf(i) + 1; r < 4; r++) next[r] = (next[r] ?? 0) + 1;
  const sorted = new Int32Array(out.length);
  for (const i of out) {
    const r = rankOf(i);
    const at = next[r] ?? 0;
    sorted[at] = i;
    next[r] = at + 1;
  }
  return sorted;
}
