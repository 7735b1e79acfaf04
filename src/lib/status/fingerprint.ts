/**
 * Deployment basis: what an object looked like in the plan when a verification report said it was
 * deployed (or failed, or missing). When the object changes after the report, its deployment state
 * is stale: the tenant was checked against an older plan.
 *
 * The fingerprint is the first 16 hex digits of the SHA-256 of the object's canonical JSON (users
 * without `source`, which only says which import row they came from). Objects are immutable and
 * shared between plan versions, so it is computed once per object value.
 */
import type { Plan, User, VerificationEntry } from '../domain/model.js';
import { userKey } from '../domain/model.js';
import { planIndex } from '../domain/lookup.js';
import { canonicalJson } from '../powershell/plan-hash.js';
import { sha256HexOfText } from '../powershell/sha256.js';
import { applyVerification, type VerificationRow } from '../powershell/verification.js';

const cache = new WeakMap<object, string>();

/** Fingerprint of one planned object (a user, policy, resource account …). */
export function objectFingerprint(value: object): string {
  let f = cache.get(value);
  if (f === undefined) {
    const plain = 'upn' in value && 'source' in value ? { ...(value as User), source: null } : value;
    f = sha256HexOfText(canonicalJson(plain)).slice(0, 16);
    cache.set(value, f);
  }
  return f;
}

/** The planned object a verification key (`kind:subjectId`) names, or undefined. */
export function verifiedObject(plan: Plan, key: string): object | undefined {
  const at = key.indexOf(':');
  const kind = key.slice(0, at);
  const id = key.slice(at + 1);
  const idx = planIndex(plan);
  switch (kind) {
    case 'user':
      return usersByKey(plan).get(id);
    case 'resourceAccount':
      return idx.resourceAccounts.get(id);
    case 'autoAttendant':
      return idx.autoAttendants.get(id);
    case 'sharedCallingPolicy':
      return idx.sharedCallingPolicies.get(id);
    case 'emergencyPolicy':
      return idx.emergencyPolicies.get(id);
    case 'voiceRoutingPolicy':
      return idx.voiceRoutingPolicies.get(id);
    default:
      return undefined;
  }
}

const byKeyCache = new WeakMap<readonly User[], Map<string, User>>();

/** userKey → user (the first wins, as everywhere else), once per users array. */
export function usersByKey(plan: Plan): Map<string, User> {
  let map = byKeyCache.get(plan.users);
  if (!map) {
    map = new Map();
    for (const u of plan.users) {
      const k = userKey(u.upn);
      if (!map.has(k)) map.set(k, u);
    }
    byKeyCache.set(plan.users, map);
  }
  return map;
}

/**
 * `after` (a plan with a report just read into `after.verification`) with the basis of every entry
 * the report added or changed: the fingerprint of the object it verified, as planned now.
 */
export function stampVerification(before: Plan, after: Plan): Plan {
  if (after.verification === before.verification) return after;
  const verification: Record<string, VerificationEntry> = {};
  for (const [key, entry] of Object.entries(after.verification)) {
    if (before.verification[key] === entry && entry.basis) {
      verification[key] = entry;
      continue;
    }
    const obj = verifiedObject(after, key);
    verification[key] = obj ? { ...entry, basis: objectFingerprint(obj) } : entry;
  }
  return { ...after, verification };
}

/** True when the entry was stamped and the object has changed since (or is gone). */
export function isStale(entry: VerificationEntry, obj: object | undefined): boolean {
  if (!entry.basis) return false;
  return obj === undefined || objectFingerprint(obj) !== entry.basis;
}

/**
 * Read a verification report's rows into the plan (applyVerification) and record, per entry, what
 * the verified object looked like, so a later change to it shows as stale. Returns `plan` itself
 * when no row names an object of the plan.
 */
export function applyVerificationReport(plan: Plan, rows: readonly VerificationRow[], at: string): Plan {
  const after = applyVerification(plan, rows, at);
  return after === plan ? plan : stampVerification(plan, after);
}
