/**
 * Plan-level entry points: the effective inputs of a policy, its user count and its recommended
 * pool (shared-calling.md §7.4.1: each policy is a pool of its own, EN7).
 */
import { DEFAULT_SIZING, teamsNumberType, type Id, type Plan, type SharedCallingPolicy, type SizingInputs } from '../domain/model.js';
import { MAX_LOAD } from './guards.js';
import { offeredLoad, sanitizeSizing } from './inputs.js';
import { recommendedForLoad } from './policy.js';

/** Only the keys whose value is set: `{ target: undefined }` must not wipe a default. */
function definedFields(part: Partial<SizingInputs> | null | undefined): Partial<SizingInputs> {
  const out: Partial<SizingInputs> = {};
  if (!part) return out;
  for (const [k, v] of Object.entries(part)) {
    if (v !== undefined && k in DEFAULT_SIZING) Object.assign(out, { [k]: v });
  }
  return out;
}

/**
 * The inputs a policy is sized with: DEFAULT_SIZING, overlaid by the plan's defaults, overlaid by
 * the policy's own overrides. The first layer only matters for fields an older plan lacks.
 */
export function effectiveSizing(plan: Plan, policy: SharedCallingPolicy): SizingInputs {
  return { ...DEFAULT_SIZING, ...definedFields(plan.sizingDefaults), ...definedFields(policy.sizing) };
}

/**
 * Users per Shared Calling policy. Every policy of the plan is present (0 when empty); a user
 * pointing at an id the plan does not hold is counted under that id too, so nothing is lost.
 */
export function policyUserCounts(plan: Plan): Map<Id, number> {
  const counts = new Map<Id, number>();
  for (const p of plan.sharedCallingPolicies) counts.set(p.id, 0);
  for (const u of plan.users) {
    const id = u.sharedCallingPolicyId;
    if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * Recommended number of emergency callback numbers for a policy with `userCount` users (§7.3,
 * §7.4): max(smallest n meeting the target, incident floor, 1).
 *
 * Readiness checks call this, so admin-typed mistakes do not throw: unusable fields fall back to
 * DEFAULT_SIZING (report them with `sizingInputProblems`), and a load above MAX_LOAD is clamped.
 * Only a userCount that is not a finite number ≥ 0 (a programmer error) throws a RangeError.
 */
export function recommendPoolSize(plan: Plan, policy: SharedCallingPolicy, userCount: number): number {
  if (typeof userCount !== 'number' || !Number.isFinite(userCount) || userCount < 0) {
    throw new RangeError(`userCount must be a finite number ≥ 0; got ${String(userCount)}.`);
  }
  const inputs = sanitizeSizing(effectiveSizing(plan, policy));
  const load = Math.min(offeredLoad(inputs, userCount), MAX_LOAD);
  return recommendedForLoad(inputs, load).recommended;
}

/** Policies whose users could share one pool: same resource-account number kind and country (EN4). */
export interface MergeableGroup {
  /** e.g. "Calling Plan, US". */
  label: string;
  policyIds: Id[];
}

/**
 * Groups of populated policies that could ever be merged into one pool: their resource accounts'
 * numbers have the same Teams number type and country, so one number could carry them all and the
 * callback numbers would qualify for each (EN4). Policies without a resource account number, and
 * groups of one, are left out: comparing them with one big pool would promise a saving no design
 * can deliver.
 */
export function mergeablePolicyGroups(plan: Plan): MergeableGroup[] {
  const counts = policyUserCounts(plan);
  const ras = new Map(plan.resourceAccounts.map((r) => [r.id, r] as const));
  const nums = new Map(plan.numbers.map((n) => [n.id, n] as const));
  const groups = new Map<string, MergeableGroup>();
  for (const p of plan.sharedCallingPolicies) {
    if ((counts.get(p.id) ?? 0) === 0) continue;
    const ra = p.resourceAccountId === null ? undefined : ras.get(p.resourceAccountId);
    const num = ra?.numberId == null ? undefined : nums.get(ra.numberId);
    if (!num) continue;
    const type = teamsNumberType(num.kind);
    const key = `${type}|${num.country}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { label: `${TEAMS_TYPE_LABEL[type]}, ${num.country}`, policyIds: [] }));
    g.policyIds.push(p.id);
  }
  return [...groups.values()].filter((g) => g.policyIds.length > 1);
}

const TEAMS_TYPE_LABEL = { CallingPlan: 'Calling Plan', OperatorConnect: 'Operator Connect', DirectRouting: 'Direct Routing' } as const;
