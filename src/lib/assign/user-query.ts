/**
 * The Users table's filter and sort, as a pure function of (plan, query) so the UI can `$derive` it
 * and a benchmark can time it in Node. Built for 100,000 users:
 * - lower-case text of every user is computed once per User object (users are immutable and shared
 *   between plan versions, so an edit only recomputes the users it touched);
 * - filters on sites and policies compare ids: the few names matching the filter text are resolved
 *   to a set of ids first;
 * - a sort order is computed once per (users array, column, direction) and reused by every
 *   keystroke; filtering walks that order and keeps it.
 */
import type { Id, Plan, User } from '../domain/model.js';

export type UserColumn =
  | 'displayName'
  | 'upn'
  | 'department'
  | 'office'
  | 'usageLocation'
  | 'site'
  | 'sharedCallingPolicy'
  | 'emergencyPolicy'
  | 'voiceRoutingPolicy'
  | 'teamsPhone'
  | 'extension';

/** Columns holding a reference (compared by id) and the user field they read. */
const REF = {
  site: 'siteId',
  sharedCallingPolicy: 'sharedCallingPolicyId',
  emergencyPolicy: 'emergencyPolicyId',
  voiceRoutingPolicy: 'voiceRoutingPolicyId',
} as const;
type RefColumn = keyof typeof REF;
const TEXT = ['displayName', 'upn', 'department', 'office', 'usageLocation', 'teamsPhone', 'extension'] as const;
type TextColumn = (typeof TEXT)[number];
const isRef = (c: UserColumn): c is RefColumn => c in REF;

export const USER_COLUMN_LABEL: Record<UserColumn, string> = {
  displayName: 'Display name',
  upn: 'UPN',
  department: 'Department',
  office: 'Office',
  usageLocation: 'Usage location',
  site: 'Site',
  sharedCallingPolicy: 'Shared Calling policy',
  emergencyPolicy: 'Emergency routing',
  voiceRoutingPolicy: 'Voice routing',
  teamsPhone: 'Teams Phone',
  extension: 'Extension',
};

export interface UserQuery {
  /** Matches display name, UPN and department; every word must occur. */
  search: string;
  /**
   * Per-column filter text: `abc` = contains (case-insensitive), `=abc` = is exactly,
   * `=` alone = empty / not assigned.
   */
  filters: Partial<Record<UserColumn, string>>;
  sort: { column: UserColumn; dir: 'asc' | 'desc' } | null;
}

export const EMPTY_QUERY: UserQuery = { search: '', filters: {}, sort: null };

interface Row {
  /** Index in plan.users. */
  i: number;
  u: User;
  search: string;
  text: Record<TextColumn, string>;
}

function textOf(u: User): Record<TextColumn, string> {
  return {
    displayName: u.displayName.toLowerCase(),
    upn: u.upn.toLowerCase(),
    department: u.department.toLowerCase(),
    office: u.office.toLowerCase(),
    usageLocation: u.usageLocation.toLowerCase(),
    teamsPhone: u.teamsPhone,
    extension: u.extension.toLowerCase(),
  };
}

/** Same searchable text? (A bulk assignment changes ids only, so rows can be reused.) */
const sameText = (a: User, b: User) =>
  a.displayName === b.displayName &&
  a.upn === b.upn &&
  a.department === b.department &&
  a.office === b.office &&
  a.usageLocation === b.usageLocation &&
  a.teamsPhone === b.teamsPhone &&
  a.extension === b.extension;

const rowsCache = new WeakMap<readonly User[], Row[]>();
/** The last rows built: an edit's new users array reuses them position by position. */
let last: { users: readonly User[]; rows: Row[] } | null = null;

/**
 * Lower-case rows of a users array, cached per array. A new array (after an edit) reuses the rows of
 * the previous one wherever the user at the same position has the same text, so an edit costs a
 * comparison per user, not a lower-casing. (A per-User WeakMap was measured slower at 100,000.)
 */
export function userRows(users: readonly User[]): Row[] {
  let rows = rowsCache.get(users);
  if (rows) return rows;
  const prev = last && last.users.length === users.length ? last.rows : null;
  rows = new Array<Row>(users.length);
  for (let i = 0; i < users.length; i++) {
    const u = users[i]!;
    const old = prev?.[i];
    if (old && old.u === u) rows[i] = old;
    else if (old && sameText(old.u, u)) rows[i] = { i, u, search: old.search, text: old.text };
    else {
      const text = textOf(u);
      rows[i] = { i, u, search: `${text.displayName}\u0001${text.upn}\u0001${text.department}`, text };
    }
  }
  rowsCache.set(users, rows);
  last = { users, rows };
  return rows;
}

/** Id → name of each reference column's objects. */
function refNames(plan: Plan, c: RefColumn): Map<Id, string> {
  const list =
    c === 'site'
      ? plan.sites
      : c === 'sharedCallingPolicy'
        ? plan.sharedCallingPolicies
        : c === 'emergencyPolicy'
          ? plan.emergencyPolicies
          : plan.voiceRoutingPolicies;
  return new Map(list.map((x) => [x.id, x.name] as const));
}

/** The displayed text of a cell (names for references; '' when unassigned). */
export function cellText(plan: Plan, u: User, c: UserColumn, names?: Map<Id, string>): string {
  if (isRef(c)) {
    const id = u[REF[c]];
    return id === null ? '' : ((names ?? refNames(plan, c)).get(id) ?? id);
  }
  return u[c];
}

type Test = (r: Row) => boolean;

function parseFilter(text: string): { exact: boolean; value: string } | null {
  const t = text.trim();
  if (t === '') return null;
  if (t.startsWith('=')) return { exact: true, value: t.slice(1).trim().toLowerCase() };
  return { exact: false, value: t.toLowerCase() };
}

/** Yes/no/unknown columns: a filter matches the value exactly ("no" must not match "unknown"). */
const TRISTATE_COLUMNS: ReadonlySet<UserColumn> = new Set(['teamsPhone']);

function columnTest(plan: Plan, c: UserColumn, text: string): Test | null {
  const f = parseFilter(text);
  if (!f) return null;
  if (TRISTATE_COLUMNS.has(c)) f.exact = true;
  const match = (s: string) => (f.exact ? s === f.value : s.includes(f.value));
  if (isRef(c)) {
    // Resolve the filter to the set of ids whose name (or id) matches; '' stands for "unassigned".
    const ids = new Set<string>();
    if (match('')) ids.add('');
    for (const [id, name] of refNames(plan, c)) if (match(name.toLowerCase()) || match(id.toLowerCase())) ids.add(id);
    const field = REF[c];
    return (r) => {
      const id = r.u[field];
      if (id !== null && !ids.has(id)) return match(id.toLowerCase()); // dangling id: compare the id
      return ids.has(id ?? '');
    };
  }
  return (r) => match(r.text[c]);
}

const sortCache = new WeakMap<readonly User[], Map<string, { names: string; order: Int32Array; rows: Row[] }>>();

/** Indices of plan.users in sorted order (stable: ties keep plan order). */
export function sortedOrder(plan: Plan, column: UserColumn, dir: 'asc' | 'desc'): Int32Array {
  return sorted(plan, column, dir).order;
}

/** The sort order and the rows in that order (filtering walks them sequentially). */
function sorted(plan: Plan, column: UserColumn, dir: 'asc' | 'desc'): { order: Int32Array; rows: Row[] } {
  const rows = userRows(plan.users);
  let byKey = sortCache.get(plan.users);
  if (!byKey) {
    byKey = new Map();
    sortCache.set(plan.users, byKey);
  }
  const names = isRef(column) ? JSON.stringify([...refNames(plan, column)]) : '';
  const cacheKey = `${column}:${dir}`;
  const hit = byKey.get(cacheKey);
  if (hit && hit.names === names) return hit;
  let keys: string[];
  if (isRef(column)) {
    const n = refNames(plan, column);
    const lower = new Map([...n].map(([id, name]) => [id, name.toLowerCase()] as const));
    const field = REF[column];
    // Unassigned sorts last in ascending order ("\uffff" is above any name).
    keys = plan.users.map((u) => (u[field] === null ? '\uffff' : (lower.get(u[field]!) ?? u[field]!.toLowerCase())));
  } else {
    keys = rows.map((r) => r.text[column]);
  }
  const order = new Int32Array(keys.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const sign = dir === 'asc' ? 1 : -1;
  order.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    return ka < kb ? -sign : ka > kb ? sign : a - b;
  });
  const entry = { names, order, rows: Array.from(order, (i) => rows[i]!) };
  byKey.set(cacheKey, entry);
  return entry;
}

/** The users shown for a query, as indices into plan.users in display order. */
export function queryUsers(plan: Plan, q: UserQuery): Int32Array {
  const rows = userRows(plan.users);
  const tests: Test[] = [];
  const words = q.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 1) {
    const w = words[0]!;
    tests.push((r) => r.search.includes(w));
  } else if (words.length > 1) {
    tests.push((r) => words.every((w) => r.search.includes(w)));
  }
  for (const [c, text] of Object.entries(q.filters) as [UserColumn, string | undefined][]) {
    const t = text === undefined ? null : columnTest(plan, c, text);
    if (t) tests.push(t);
  }
  const s = q.sort ? sorted(plan, q.sort.column, q.sort.dir) : null;
  const n = rows.length;
  if (tests.length === 0) {
    if (s) return s.order;
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return all;
  }
  // Typing forward in the search box: the new matches are a subset of the previous result, so
  // only that result is scanned (every old word is a substring of a new word).
  const search = words.join(' ');
  const context = `${q.sort ? `${q.sort.column}:${q.sort.dir}` : ''}\u0000${JSON.stringify(q.filters)}`;
  const narrow =
    memo && memo.users === plan.users && memo.plan === plan && memo.context === context && memo.search !== '' && search.startsWith(memo.search)
      ? memo.result
      : null;
  const seq: Row[] = narrow ? Array.from(narrow, (i) => rows[i]!) : s ? s.rows : rows;
  const result = filterRows(seq, tests);
  memo = { plan, users: plan.users, context, search, result };
  return result;
}

let memo: { plan: Plan; users: readonly User[]; context: string; search: string; result: Int32Array } | null = null;

function filterRows(seq: Row[], tests: Test[]): Int32Array {
  const n = seq.length;
  const out = new Int32Array(n);
  let k = 0;
  const [t0, t1] = tests;
  if (tests.length === 1 && t0) {
    for (let j = 0; j < n; j++) if (t0(seq[j]!)) out[k++] = seq[j]!.i;
  } else if (tests.length === 2 && t0 && t1) {
    for (let j = 0; j < n; j++) if (t0(seq[j]!) && t1(seq[j]!)) out[k++] = seq[j]!.i;
  } else {
    for (let j = 0; j < n; j++) if (tests.every((t) => t(seq[j]!))) out[k++] = seq[j]!.i;
  }
  return out.subarray(0, k);
}
