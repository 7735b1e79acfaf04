/**
 * Pure edits of a plan's objects: create/replace, delete with reference clean-up (the validators
 * the object forms share live in src/lib/forms/validators.ts). Every function returns a new plan and never mutates its
 * input (plans are immutable values, see model.ts), so the workspace can undo any edit.
 */
import type { AssignmentRule, E164, Id, NumberKind, Plan, ResourceAccount, SharedCallingPolicy, User } from './model.js';
import { NUMBER_KIND_LABEL } from './model.js';
import { ownHolder } from './holders.js';

/** The object kinds the plan's editors create and delete. */
export type ObjectKind = 'site' | 'number' | 'resourceAccount' | 'autoAttendant' | 'sharedCallingPolicy' | 'emergencyPolicy' | 'voiceRoutingPolicy';

/** The plan list each kind lives in. */
export const KIND_LIST = {
  site: 'sites',
  number: 'numbers',
  resourceAccount: 'resourceAccounts',
  autoAttendant: 'autoAttendants',
  sharedCallingPolicy: 'sharedCallingPolicies',
  emergencyPolicy: 'emergencyPolicies',
  voiceRoutingPolicy: 'voiceRoutingPolicies',
} as const satisfies Record<ObjectKind, keyof Plan>;

/** Lower-case noun for messages and edit labels ("Edit site Seattle"). */
export const KIND_NOUN: Record<ObjectKind, string> = {
  site: 'site',
  number: 'number',
  resourceAccount: 'resource account',
  autoAttendant: 'auto attendant',
  sharedCallingPolicy: 'Shared Calling policy',
  emergencyPolicy: 'emergency call routing policy',
  voiceRoutingPolicy: 'voice routing policy',
};

/** Replace the item with the same id, or append it. Returns a new array; the input is untouched. */
export function upsertById<T extends { id: Id }>(list: readonly T[], item: T): T[] {
  const i = list.findIndex((x) => x.id === item.id);
  if (i < 0) return [...list, item];
  const out = list.slice();
  out[i] = item;
  return out;
}

/** A copy of the list without the item with this id (the same array when nothing matched). */
export function removeById<T extends { id: Id }>(list: readonly T[], id: Id): readonly T[] {
  return list.some((x) => x.id === id) ? list.filter((x) => x.id !== id) : list;
}

/** Put (create or replace) one object of a kind into the plan. */
export function putObject<K extends ObjectKind>(plan: Plan, kind: K, obj: Plan[(typeof KIND_LIST)[K]][number]): Plan {
  const key = KIND_LIST[kind];
  // The generic index makes TypeScript lose the element type; `obj` was typed by K above.
  const list = plan[key] as { id: Id }[];
  return { ...plan, [key]: upsertById(list, obj as { id: Id }) };
}

/** The display name of an object, for messages. */
export function objectName(plan: Plan, kind: ObjectKind, id: Id): string {
  switch (kind) {
    case 'number':
      return plan.numbers.find((n) => n.id === id)?.e164 ?? id;
    case 'resourceAccount': {
      const ra = plan.resourceAccounts.find((r) => r.id === id);
      return ra ? ra.displayName || ra.upn : id;
    }
    default: {
      const list = plan[KIND_LIST[kind]] as { id: Id; name: string }[];
      return list.find((x) => x.id === id)?.name ?? id;
    }
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const uses = (n: number) => (n === 1 ? 'uses' : 'use');

type UserField = 'siteId' | 'sharedCallingPolicyId' | 'emergencyPolicyId' | 'voiceRoutingPolicyId';
type RuleAssign = keyof AssignmentRule['assign'];

/** Which user field and rule assignment point at each kind (only kinds users reference). */
const USER_FIELD: Partial<Record<ObjectKind, UserField>> = {
  site: 'siteId',
  sharedCallingPolicy: 'sharedCallingPolicyId',
  emergencyPolicy: 'emergencyPolicyId',
  voiceRoutingPolicy: 'voiceRoutingPolicyId',
};

/** What a user loses, for the delete warning. */
const USER_LOSS: Record<UserField, string> = {
  siteId: 'will have no site',
  sharedCallingPolicyId: 'will have no Shared Calling policy',
  emergencyPolicyId: 'will have no emergency call routing policy (E1)',
  voiceRoutingPolicyId: 'will have no voice routing policy and get the Global one (VR1)',
};

function countUsers(users: readonly User[], field: UserField, id: Id): number {
  let n = 0;
  for (const u of users) if (u[field] === id) n++;
  return n;
}

function rulesReferencing(rules: readonly AssignmentRule[], kind: ObjectKind, id: Id): number {
  const field = USER_FIELD[kind];
  if (!field) return 0;
  return rules.filter((r) => r.assign[field as RuleAssign] === id || (field === 'siteId' && r.field === 'siteId' && r.values.includes(id))).length;
}

/**
 * What deleting the object would break, one human-readable line per kind of reference
 * (e.g. "3 users use Shared Calling policy SC-London; they will have no Shared Calling policy").
 * Empty when nothing refers to it.
 */
export function referencesTo(plan: Plan, kind: ObjectKind, id: Id): string[] {
  const name = objectName(plan, kind, id);
  const noun = `${KIND_NOUN[kind]} ${name}`;
  const out: string[] = [];
  const field = USER_FIELD[kind];
  if (field) {
    const n = countUsers(plan.users, field, id);
    if (n > 0) out.push(`${plural(n, 'user')} ${uses(n)} ${noun}; they ${USER_LOSS[field]}.`);
  }
  switch (kind) {
    case 'site': {
      const nums = plan.numbers.filter((x) => x.siteId === id).length;
      if (nums > 0) out.push(`${plural(nums, 'number')} ${nums === 1 ? 'belongs' : 'belong'} to ${noun}; they will have no site.`);
      const aas = plan.autoAttendants.filter((a) => a.dialScopeGroups.some((g) => g.siteIds.includes(id)));
      if (aas.length > 0) {
        out.push(
          `The dial scope of ${aas.length === 1 ? 'auto attendant' : 'auto attendants'} ${aas.map((a) => a.name).join(', ')} covers ${noun}; the site is taken out of it.`,
        );
      }
      break;
    }
    case 'number': {
      const ras = plan.resourceAccounts.filter((r) => r.numberId === id);
      for (const r of ras) out.push(`Resource account ${r.displayName || r.upn} carries ${name}; it will have no number (RA1).`);
      const pols = plan.sharedCallingPolicies.filter((p) => p.callbackNumberIds.includes(id));
      for (const p of pols) out.push(`Shared Calling policy ${p.name} uses ${name} as an emergency callback number; it is removed from the list.`);
      break;
    }
    case 'resourceAccount': {
      for (const p of plan.sharedCallingPolicies.filter((x) => x.resourceAccountId === id)) {
        out.push(`Shared Calling policy ${p.name} uses ${noun}; it will have no resource account (P2).`);
      }
      for (const a of plan.autoAttendants.filter((x) => x.resourceAccountId === id)) {
        out.push(`Auto attendant ${a.name} answers on ${noun}; it will have no resource account (AA4).`);
      }
      break;
    }
    case 'voiceRoutingPolicy': {
      for (const r of plan.resourceAccounts.filter((x) => x.voiceRoutingPolicyId === id)) {
        out.push(`Resource account ${r.displayName || r.upn} uses ${noun}; it will have no voice routing policy (RA11).`);
      }
      break;
    }
    default:
      break;
  }
  const rules = rulesReferencing(plan.assignmentRules, kind, id);
  if (rules > 0)
    out.push(
      `${plural(rules, 'assignment rule')} ${rules === 1 ? 'refers' : 'refer'} to ${noun}; the reference is removed from ${rules === 1 ? 'it' : 'them'}.`,
    );
  return out;
}

/** Clear one field in the users that hold `id`, copying only those users (fast at 100,000 users). */
function clearUsers(users: User[], field: UserField, id: Id): User[] {
  let out: User[] | null = null;
  for (let i = 0; i < users.length; i++) {
    const u = users[i]!;
    if (u[field] === id) {
      out ??= users.slice();
      out[i] = { ...u, [field]: null };
    }
  }
  return out ?? users;
}

function clearRules(rules: AssignmentRule[], kind: ObjectKind, id: Id): AssignmentRule[] {
  const field = USER_FIELD[kind] as RuleAssign | undefined;
  if (!field) return rules;
  let changed = false;
  const out = rules.map((r) => {
    let next = r;
    if (r.assign[field] === id) {
      const assign = { ...r.assign };
      delete assign[field];
      next = { ...next, assign };
    }
    if (field === 'siteId' && r.field === 'siteId' && r.values.includes(id)) {
      next = { ...next, values: r.values.filter((v) => v !== id) };
    }
    if (next !== r) changed = true;
    return next;
  });
  return changed ? out : rules;
}

/** Map over a list, keeping the same array (and items) when `fn` changes nothing. */
function mapChanged<T>(list: T[], fn: (x: T) => T): T[] {
  let out: T[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const x = list[i]!;
    const y = fn(x);
    if (y !== x) {
      out ??= list.slice();
      out[i] = y;
    }
  }
  return out ?? list;
}

/**
 * Remove an object and clear every reference to it (users, rules, numbers, accounts, policies,
 * dial scopes, checklist ticks keyed by its id). Returns a new plan; the input is never mutated.
 * Returns the same plan when the object does not exist.
 */
export function deleteObject(plan: Plan, kind: ObjectKind, id: Id): Plan {
  const key = KIND_LIST[kind];
  const list = plan[key] as { id: Id }[];
  if (!list.some((x) => x.id === id)) return plan;
  let next: Plan = { ...plan, [key]: list.filter((x) => x.id !== id) };

  const field = USER_FIELD[kind];
  if (field) next.users = clearUsers(next.users, field, id);
  next.assignmentRules = clearRules(next.assignmentRules, kind, id);

  switch (kind) {
    case 'site':
      next.numbers = mapChanged(next.numbers, (n) => (n.siteId === id ? { ...n, siteId: null } : n));
      next.autoAttendants = mapChanged(next.autoAttendants, (a) =>
        a.dialScopeGroups.some((g) => g.siteIds.includes(id))
          ? { ...a, dialScopeGroups: a.dialScopeGroups.map((g) => (g.siteIds.includes(id) ? { ...g, siteIds: g.siteIds.filter((s) => s !== id) } : g)) }
          : a,
      );
      break;
    case 'number':
      next.resourceAccounts = mapChanged(next.resourceAccounts, (r) => (r.numberId === id ? { ...r, numberId: null } : r));
      next.sharedCallingPolicies = mapChanged(next.sharedCallingPolicies, (p) =>
        p.callbackNumberIds.includes(id) ? { ...p, callbackNumberIds: p.callbackNumberIds.filter((n) => n !== id) } : p,
      );
      break;
    case 'resourceAccount':
      next.sharedCallingPolicies = mapChanged(next.sharedCallingPolicies, (p) => (p.resourceAccountId === id ? { ...p, resourceAccountId: null } : p));
      next.autoAttendants = mapChanged(next.autoAttendants, (a) => (a.resourceAccountId === id ? { ...a, resourceAccountId: null } : a));
      break;
    case 'voiceRoutingPolicy':
      next.resourceAccounts = mapChanged(next.resourceAccounts, (r) => (r.voiceRoutingPolicyId === id ? { ...r, voiceRoutingPolicyId: null } : r));
      break;
    default:
      break;
  }

  // Checklist ticks are keyed `${rule}:${subjectId}`: a deleted object's ticks mean nothing any more.
  const suffix = `:${id}`;
  const stale = Object.keys(next.checklist).filter((k) => k.endsWith(suffix));
  if (stale.length > 0) {
    const checklist = { ...next.checklist };
    for (const k of stale) delete checklist[k];
    next = { ...next, checklist };
  }
  return next;
}

/** Number kinds a resource account can carry (RA1, RA4): not Calling Plan subscriber numbers. */
export const RESOURCE_ACCOUNT_KINDS: readonly NumberKind[] = ['callingPlanService', 'callingPlanTollFreeService', 'operatorConnect', 'directRouting'];

/**
 * The kind a number gets in the inventory: a toll-free number cannot be an ordinary Calling Plan
 * service number, so it becomes a toll-free service number (RA4, EN2). A toll-free number cannot
 * be a subscriber number either; that is reported, not silently changed (see numberKindProblem).
 */
export function effectiveKind(kind: NumberKind, tollFree: boolean): NumberKind {
  return tollFree && kind === 'callingPlanService' ? 'callingPlanTollFreeService' : kind;
}

/** Numbers a resource account may pick: of a kind it can carry and used by nothing else (RA1/RA4, EN6). */
export function pickableAccountNumbers(plan: Plan, account: Pick<ResourceAccount, 'id' | 'numberId'>) {
  const taken = new Set<Id>();
  for (const r of plan.resourceAccounts) if (r.id !== account.id && r.numberId) taken.add(r.numberId);
  for (const p of plan.sharedCallingPolicies) for (const n of p.callbackNumberIds) taken.add(n);
  // A user's own line blocks the number; an extension number on its digits does not (V3).
  return plan.numbers.filter((n) => n.id === account.numberId || (RESOURCE_ACCOUNT_KINDS.includes(n.kind) && !taken.has(n.id) && !ownHolder(plan, n.e164)));
}

/** Replace a policy's callback list in a plan (the plan qualifyingCallbackNumbers sees for a draft). */
export function withPolicy(plan: Plan, policy: SharedCallingPolicy): Plan {
  return { ...plan, sharedCallingPolicies: upsertById(plan.sharedCallingPolicies, policy) };
}

/** Parse a comma-separated list of PSTN usages. */
export function splitUsages(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}
