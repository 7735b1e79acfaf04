/**
 * Bulk edits of users: one pure function per kind of edit, each returning a new plan that shares
 * every untouched user object with the old one (model.ts: plans are immutable values).
 */
import { userKey, type Id, type Plan, type User } from '../domain/model.js';

/** The user fields a bulk action (or an assignment rule) sets. */
export type AssignField = 'siteId' | 'sharedCallingPolicyId' | 'emergencyPolicyId' | 'voiceRoutingPolicyId';

export const ASSIGN_FIELDS: readonly AssignField[] = ['siteId', 'sharedCallingPolicyId', 'emergencyPolicyId', 'voiceRoutingPolicyId'];

export const ASSIGN_FIELD_LABEL: Record<AssignField, string> = {
  siteId: 'Site',
  sharedCallingPolicyId: 'Shared Calling policy',
  emergencyPolicyId: 'Emergency call routing policy',
  voiceRoutingPolicyId: 'Voice routing policy',
};

const IN_SENTENCE: Record<AssignField, string> = {
  siteId: 'site',
  sharedCallingPolicyId: 'Shared Calling policy',
  emergencyPolicyId: 'emergency call routing policy',
  voiceRoutingPolicyId: 'voice routing policy',
};

/** Values to set; `null` unassigns, an absent key leaves the field alone. */
export type AssignPatch = Partial<Record<AssignField, Id | null>>;

export interface BulkResult {
  plan: Plan;
  /** Users whose record actually changed (already-assigned users are not counted). */
  changed: number;
}

/** Users by key → index in plan.users, built once per plan value. */
const keyIndexCache = new WeakMap<readonly User[], Map<string, number>>();
export function userIndexByKey(plan: Plan): Map<string, number> {
  let map = keyIndexCache.get(plan.users);
  if (!map) {
    map = new Map();
    plan.users.forEach((u, i) => map!.set(userKey(u.upn), i));
    keyIndexCache.set(plan.users, map);
  }
  return map;
}

/** Find one user by key (userKey(upn)). */
export function findUser(plan: Plan, key: string): User | undefined {
  const i = userIndexByKey(plan).get(userKey(key));
  return i === undefined ? undefined : plan.users[i];
}

function patchUser(u: User, patch: AssignPatch): User {
  let next: User | null = null;
  for (const f of ASSIGN_FIELDS) {
    if (!(f in patch)) continue;
    const v = patch[f] ?? null;
    if (u[f] !== v) {
      next ??= { ...u };
      next[f] = v;
    }
  }
  return next ?? u;
}

/**
 * Assign (or with `null` unassign) sites and policies for the users with the given keys.
 * Returns the same plan object when nothing changes, so `ws().update` records no empty step.
 */
export function assignUsers(plan: Plan, keys: Iterable<string>, patch: AssignPatch): BulkResult {
  const wanted = new Set<string>();
  for (const k of keys) wanted.add(userKey(k));
  let changed = 0;
  const users = plan.users.map((u) => {
    if (!wanted.has(userKey(u.upn))) return u;
    const next = patchUser(u, patch);
    if (next !== u) changed++;
    return next;
  });
  return { plan: changed === 0 ? plan : { ...plan, users }, changed };
}

/** The editable fields of one user (upn and source are identity, not edited here). */
export type UserPatch = Partial<Omit<User, 'upn' | 'source'>>;

/** Edit one user. Unknown key or no difference → the same plan. */
export function updateUser(plan: Plan, key: string, patch: UserPatch): Plan {
  const i = userIndexByKey(plan).get(userKey(key));
  if (i === undefined) return plan;
  const u = plan.users[i] as User;
  const entries = Object.entries(patch).filter(([k, v]) => v !== undefined && u[k as keyof User] !== v);
  if (entries.length === 0) return plan;
  const users = plan.users.slice();
  users[i] = { ...u, ...Object.fromEntries(entries) };
  return { ...plan, users };
}

/** Label for a bulk action's undo entry, e.g. "Assign SC-London to 1,234 users". */
export function bulkLabel(field: AssignField, valueName: string | null, count: number): string {
  const who = `${count.toLocaleString('en-US')} user${count === 1 ? '' : 's'}`;
  return valueName === null ? `Unassign ${IN_SENTENCE[field]} from ${who}` : `Assign ${valueName} to ${who}`;
}
