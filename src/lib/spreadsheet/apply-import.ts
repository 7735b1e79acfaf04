/**
 * Bring imported users into a plan. Pure: returns a new plan and leaves the old one untouched;
 * users that do not change keep their object identity (cheap change detection, undo).
 *
 *   add     – only UPNs the plan does not have yet
 *   update  – add new users and refresh existing ones from the list (their site, policies and
 *             extension are kept)
 *   replace – the list becomes the user list; users that stay keep their assignments
 *
 * `updatedAt` is not touched: the caller owns the clock.
 */
import type { Plan, User } from '../domain/model.js';
import { blankUser, userKey } from '../domain/model.js';
import type { ImportedUser } from './types.js';

export type ImportMode = 'add' | 'update' | 'replace';

export interface ImportSource {
  file: string;
  /** Column mapping used; remembered as `plan.importMapping` when given. */
  mapping?: Record<string, string>;
  /**
   * Exclude flagged users (guests, disabled, resource or unlicensed accounts, no Teams Phone) with
   * their flag as the reason, in the same step (issue 12 item 5). Users already excluded keep their reason.
   */
  excludeFlagged?: boolean;
}

export interface ApplyImportResult {
  plan: Plan;
  added: number;
  updated: number;
  removed: number;
  skipped: number;
}

/** Limits of the plan-file schema (schema.ts), so an imported plan always saves and reloads. */
const MAX_TEXT = 10_000;
const clip = (s: string) => (s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) : s);

/** The list's facts about a user as model fields; undefined = the list does not say. */
function facts(u: ImportedUser): Partial<User> {
  const f: Partial<User> = { upn: clip(u.upn) };
  if (u.displayName) f.displayName = clip(u.displayName);
  if (u.usageLocation) f.usageLocation = u.usageLocation;
  if (u.department !== undefined) f.department = clip(u.department);
  const office = u.office ?? u.city;
  if (office !== undefined) f.office = clip(office);
  if (u.hasTeamsPhone !== undefined) f.teamsPhone = u.hasTeamsPhone ? 'yes' : 'no';
  if (u.enterpriseVoiceEnabled !== undefined) f.enterpriseVoice = u.enterpriseVoiceEnabled ? 'yes' : 'no';
  if (u.phoneNumber) f.currentNumber = u.phoneExtension ? `${u.phoneNumber};ext=${u.phoneExtension}` : u.phoneNumber;
  if (u.hiddenFromAddressLists !== undefined) f.hiddenFromAddressLists = u.hiddenFromAddressLists;
  return f;
}

export function importedToUser(u: ImportedUser, file: string): User {
  return { ...blankUser(u.upn, u.displayName), ...facts(u), source: { file: clip(file), row: u.row } };
}

const FACT_KEYS = [
  'upn',
  'displayName',
  'usageLocation',
  'department',
  'office',
  'teamsPhone',
  'enterpriseVoice',
  'currentNumber',
  'hiddenFromAddressLists',
] as const;

/** The existing user refreshed with the list's facts; the same object when nothing changes. */
export function refreshUser(existing: User, u: ImportedUser, file: string): User {
  const f = facts(u);
  const changed = FACT_KEYS.some((k) => f[k] !== undefined && f[k] !== existing[k]);
  if (!changed) return existing;
  return { ...existing, ...f, source: { file: clip(file), row: u.row } };
}

/** Null-prototype copy of a mapping without keys the plan file refuses. */
function safeMapping(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(m)) {
    const v = m[k];
    if (k === '__proto__' || k === 'constructor' || k === 'prototype' || typeof v !== 'string') continue;
    Object.defineProperty(out, k, { value: v.slice(0, 200), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function applyImport(plan: Plan, users: readonly ImportedUser[], mode: ImportMode, source: ImportSource): ApplyImportResult {
  const index = new Map<string, number>();
  plan.users.forEach((u, i) => index.set(userKey(u.upn), i));
  let added = 0;
  let updated = 0;
  let skipped = 0;
  const seen = new Set<string>();
  const next: User[] = mode === 'replace' ? [] : [...plan.users];

  for (const u of users) {
    const key = userKey(u.upn);
    if (key === '' || seen.has(key)) {
      skipped++;
      continue;
    }
    seen.add(key);
    const at = index.get(key);
    const existing = at === undefined ? undefined : plan.users[at];
    const exclude = source.excludeFlagged === true && u.scopeFlag !== undefined;
    if (!existing) {
      const user = importedToUser(u, source.file);
      next.push(exclude ? { ...user, excludedReason: u.scopeFlag! } : user);
      added++;
      continue;
    }
    if (mode === 'add') {
      skipped++;
      continue;
    }
    let refreshed = refreshUser(existing, u, source.file);
    if (exclude && refreshed.excludedReason === '') refreshed = { ...refreshed, excludedReason: u.scopeFlag! };
    if (refreshed !== existing) updated++;
    else skipped++;
    if (mode === 'replace') next.push(refreshed);
    else if (at !== undefined) next[at] = refreshed;
  }
  const removed = mode === 'replace' ? plan.users.filter((u) => !seen.has(userKey(u.upn))).length : 0;
  const out: Plan = { ...plan, users: next };
  if (source.mapping) out.importMapping = safeMapping(source.mapping);
  return { plan: out, added, updated, removed, skipped };
}

export interface ImportPreview {
  /** Distinct users in the list. */
  total: number;
  /** Not in the plan yet. */
  new: number;
  /** Already in the plan. */
  existing: number;
  /** Already in the plan and the list changes something about them. */
  changed: number;
  /** Already in the plan and identical as far as the list can tell. */
  unchanged: number;
  /** In the plan but not in the list (removed by a replace). */
  notInList: number;
  /** Repeated UPNs in the list (ignored after the first). */
  duplicates: number;
}

export function importPreview(plan: Plan, users: readonly ImportedUser[]): ImportPreview {
  const byKey = new Map(plan.users.map((u) => [userKey(u.upn), u] as const));
  const seen = new Set<string>();
  const p: ImportPreview = { total: 0, new: 0, existing: 0, changed: 0, unchanged: 0, notInList: 0, duplicates: 0 };
  for (const u of users) {
    const key = userKey(u.upn);
    if (seen.has(key)) {
      p.duplicates++;
      continue;
    }
    seen.add(key);
    p.total++;
    const existing = byKey.get(key);
    if (!existing) {
      p.new++;
      continue;
    }
    p.existing++;
    if (refreshUser(existing, u, '') === existing) p.unchanged++;
    else p.changed++;
  }
  for (const k of byKey.keys()) if (!seen.has(k)) p.notInList++;
  return p;
}

/** Plain-word names of the facts an import can change (for the preview). */
export const FACT_LABEL: Readonly<Record<(typeof FACT_KEYS)[number], string>> = {
  upn: 'User principal name (case)',
  displayName: 'Display name',
  usageLocation: 'Usage location',
  department: 'Department',
  office: 'Office',
  teamsPhone: 'Teams Phone licence',
  enterpriseVoice: 'Enterprise Voice',
  currentNumber: 'Teams number',
  hiddenFromAddressLists: 'Hidden from address lists',
};

export interface ImportFieldChange {
  field: string;
  from: string;
  to: string;
}

export interface ImportPreviewDetails {
  /** Users the list changes, with what changes; at most `limit`. */
  changed: { upn: string; displayName: string; changes: ImportFieldChange[] }[];
  /** Users a replace would remove; at most `limit`. */
  removed: { upn: string; displayName: string }[];
  /** Totals before the limit. */
  changedTotal: number;
  removedTotal: number;
}

const shownValue = (v: unknown): string => (v === undefined || v === '' ? '(empty)' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));

/**
 * Who the import changes and how, and who a replace would remove: the preview shows names, not only
 * counts. Linear in plan users + list users; keeps at most `limit` entries of each list.
 */
export function importPreviewDetails(plan: Plan, users: readonly ImportedUser[], limit = 200): ImportPreviewDetails {
  const byKey = new Map(plan.users.map((u) => [userKey(u.upn), u] as const));
  const seen = new Set<string>();
  const out: ImportPreviewDetails = { changed: [], removed: [], changedTotal: 0, removedTotal: 0 };
  for (const u of users) {
    const key = userKey(u.upn);
    if (seen.has(key)) continue;
    seen.add(key);
    const existing = byKey.get(key);
    if (!existing) continue;
    const f = facts(u);
    const changes: ImportFieldChange[] = [];
    for (const k of FACT_KEYS) {
      const next = f[k];
      if (next !== undefined && next !== existing[k]) changes.push({ field: FACT_LABEL[k], from: shownValue(existing[k]), to: shownValue(next) });
    }
    if (changes.length === 0) continue;
    out.changedTotal++;
    if (out.changed.length < limit) out.changed.push({ upn: existing.upn, displayName: existing.displayName, changes });
  }
  for (const [key, u] of byKey) {
    if (seen.has(key)) continue;
    out.removedTotal++;
    if (out.removed.length < limit) out.removed.push({ upn: u.upn, displayName: u.displayName });
  }
  return out;
}
