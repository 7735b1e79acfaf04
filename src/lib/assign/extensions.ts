/**
 * Dial-by-extension (V3): give users unique extensions from their site's extension range.
 *
 * An extension is never:
 * - equal to an emergency dial string of any emergency call routing policy in the plan (911, 933,
 *   112, 999, 000 …): dialling it would start an emergency call (V3, checks/extensions.ts);
 * - by default, one that *starts with* such a dial string (9110–9119, 1120–1129 …). The docs only
 *   forbid the exact string; the planner also avoids the prefixes because a caller who pauses, or a
 *   phone that dials as soon as a dial string is complete, would reach emergency services
 *   (planner choice, inferred, not documented). `avoidEmergencyPrefixes: false` turns it off;
 * - an extension another user of the plan already holds (extensions are unique plan-wide, as the
 *   V3 check counts them).
 */
import { userKey, type Id, type Plan, type User } from '../domain/model.js';

export interface AllocateOptions {
  /** Also skip extensions that start with an emergency dial string (default true). */
  avoidEmergencyPrefixes?: boolean;
  /** Give a new extension even to users who already hold a valid one (default false). */
  replaceExisting?: boolean;
}

export interface AllocateResult {
  plan: Plan;
  /** Users who got a new extension. */
  allocated: number;
  /** Users who kept the valid extension they had. */
  kept: number;
  /** Users without a site, or whose site has no extension range. */
  noRange: number;
  /** Sites whose range ran out, with the number of users left without an extension. */
  exhausted: { siteId: Id; missing: number }[];
  /** Emergency dial strings the allocation avoided (exact values, sorted). */
  emergencyDialStrings: string[];
}

/** Every emergency dial string in the plan, trimmed, without duplicates. */
export function planEmergencyDialStrings(plan: Plan): string[] {
  const set = new Set<string>();
  for (const p of plan.emergencyPolicies) for (const n of p.numbers) if (n.dialString.trim()) set.add(n.dialString.trim());
  return [...set].sort();
}

/** Why an extension may not be used (exact emergency string, emergency prefix), or null. */
export function emergencyConflict(ext: string, dialStrings: readonly string[], avoidPrefixes = true): 'exact' | 'prefix' | null {
  for (const d of dialStrings) {
    if (ext === d) return 'exact';
    if (avoidPrefixes && ext.startsWith(d)) return 'prefix';
  }
  return null;
}

/**
 * Allocate extensions to the users with the given keys, in the order of plan.users.
 * `siteId` forces the range of that site for all of them; otherwise each user's own site is used.
 * Unknown keys are ignored.
 */
export function allocateExtensions(plan: Plan, keys: Iterable<string>, siteId?: Id | null, options: AllocateOptions = {}): AllocateResult {
  const avoidPrefixes = options.avoidEmergencyPrefixes ?? true;
  const dial = planEmergencyDialStrings(plan);
  const wanted = new Set<string>();
  for (const k of keys) wanted.add(userKey(k));
  const sites = new Map(plan.sites.map((s) => [s.id, s] as const));

  // Extensions held by everybody else stay taken.
  const used = new Set<string>();
  const counts = new Map<string, number>();
  for (const u of plan.users) {
    const e = u.extension.trim();
    if (e) counts.set(e, (counts.get(e) ?? 0) + 1);
  }
  const keeps = (u: User) => {
    const e = u.extension.trim();
    return !options.replaceExisting && e !== '' && counts.get(e) === 1 && emergencyConflict(e, dial, false) === null;
  };
  for (const u of plan.users) {
    const e = u.extension.trim();
    if (e && (!wanted.has(userKey(u.upn)) || keeps(u))) used.add(e);
  }

  const cursor = new Map<Id, number>();
  const missing = new Map<Id, number>();
  let allocated = 0;
  let kept = 0;
  let noRange = 0;
  const next = (id: Id, from: number, to: number): string | null => {
    for (let n = cursor.get(id) ?? from; n <= to; n++) {
      const ext = String(n);
      if (used.has(ext) || emergencyConflict(ext, dial, avoidPrefixes)) continue;
      cursor.set(id, n + 1);
      return ext;
    }
    cursor.set(id, to + 1);
    return null;
  };

  const changed = new Map<number, User>();
  plan.users.forEach((u, i) => {
    if (!wanted.has(userKey(u.upn))) return;
    if (keeps(u)) {
      kept++;
      return;
    }
    const sid = siteId ?? u.siteId;
    const range = sid ? sites.get(sid)?.extensionRange : null;
    if (!sid || !range) {
      noRange++;
      return;
    }
    const ext = next(sid, Math.min(range.from, range.to), Math.max(range.from, range.to));
    if (ext === null) {
      missing.set(sid, (missing.get(sid) ?? 0) + 1);
      return;
    }
    used.add(ext);
    allocated++;
    changed.set(i, { ...u, extension: ext });
  });

  const users = changed.size === 0 ? plan.users : plan.users.map((u, i) => changed.get(i) ?? u);
  return {
    plan: changed.size === 0 ? plan : { ...plan, users },
    allocated,
    kept,
    noRange,
    exhausted: [...missing].map(([id, n]) => ({ siteId: id, missing: n })),
    emergencyDialStrings: dial,
  };
}
