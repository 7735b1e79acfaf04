/**
 * Group-based assignment of Shared Calling policies (§3.14, §10.1): G1 a direct assignment beats the
 * group's, G2 hidden membership, G3 nested groups, G4 clashing ranks, G5 the 64-group limit.
 */
import type { SharedCallingPolicy } from '../domain/model.js';
import { userKey } from '../domain/model.js';
import type { CheckContext } from './context.js';
import { usersOf } from './context.js';
import { plural } from './numbers.js';
import { forPolicy } from './policy-finding.js';
import type { Finding } from './types.js';

/**
 * Above this many users in scope the planner recommends group assignment for a Shared Calling
 * policy. §10.1 says "for more than a few hundred users" (inferred, not documented); 500 is where
 * per-user grants (one Grant call per user, several seconds each) pass half an hour of cmdlet calls
 * while a group needs one Grant call plus Graph member writes in batches of 20 (tests/bench).
 */
export const GROUP_ASSIGNMENT_RECOMMENDED_ABOVE = 500;

/** §10.1: whether a policy held by this many users in scope should be assigned by group. */
export function groupAssignmentRecommended(usersInScope: number): boolean {
  return usersInScope > GROUP_ASSIGNMENT_RECOMMENDED_ABOVE;
}

/** §3.14: at most 64 groups per policy type (across all its instances). */
export const MAX_GROUPS_PER_POLICY_TYPE = 64;

type GroupPolicy = SharedCallingPolicy & { assignment: { method: 'group' } };
const isGroup = (p: SharedCallingPolicy): p is GroupPolicy => p.assignment.method === 'group';

export function checkGroupAssignment(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const grouped = ctx.plan.sharedCallingPolicies.filter(isGroup);
  const byRank = new Map<number, GroupPolicy>();
  for (const p of grouped) {
    const g = p.assignment.group;
    const users = usersOf(ctx, p.id);
    // G1: a direct assignment counts as rank 0 and always wins (§3.14). Users the plan deployed per
    // user earlier (verification "done") still hold that direct grant until it is removed.
    const direct = ctx.plan.users.filter(
      (u) => u.excludedReason === '' && u.sharedCallingPolicyId === p.id && ctx.plan.verification[`user:${userKey(u.upn)}`]?.status === 'done',
    ).length;
    if (direct > 0) {
      out.push(
        forPolicy(p, {
          rule: 'G1',
          severity: 'warning',
          message: `${plural(direct, 'user')} of ${p.name} were granted the policy directly by an earlier run; a direct assignment beats the group ${g.name}, so later changes to the group do not reach them.`,
          fix: 'Stage 07 removes direct grants of this policy from the group’s members (they then inherit it from the group); leave it running until the effective assignment shows the group.',
        }),
      );
    }
    // G2: HiddenGroupMembership groups cannot take a group policy assignment ([ASSIGN] 02/09/2025).
    if (g.hiddenMembership) {
      out.push(
        forPolicy(p, {
          rule: 'G2',
          severity: 'error',
          message: `Group ${g.name} has hidden membership, and such groups cannot take a policy assignment: ${plural(users, 'user')} of ${p.name} would get no Shared Calling policy.`,
          fix: 'Use another security group without HiddenGroupMembership (Class Teams have it on by default), or assign per user.',
        }),
      );
    }
    // G3: only direct members inherit a group's policy (§3.14).
    if (g.nestedGroups) {
      out.push(
        forPolicy(p, {
          rule: 'G3',
          severity: 'warning',
          message: `Group ${g.name} contains nested groups: their members do not inherit ${p.name}, only direct members do.`,
          fix: 'Let the scripts add the plan’s users as direct members (they do), and do not rely on nested groups.',
        }),
      );
    }
    // G4: ranks are compared within one policy type; two groups with one rank leave the order to the service.
    const clash = byRank.get(g.rank);
    if (clash) {
      out.push(
        forPolicy(p, {
          rule: 'G4',
          severity: 'warning',
          message: `Groups ${clash.assignment.group.name} (${clash.name}) and ${g.name} (${p.name}) both have rank ${g.rank}; a user in both gets whichever the service renumbers first.`,
          fix: 'Give each Shared Calling group its own rank (1 is highest).',
        }),
      );
    } else byRank.set(g.rank, p);
  }
  // G5: at most 64 groups per policy type.
  if (grouped.length > MAX_GROUPS_PER_POLICY_TYPE) {
    const last = grouped[MAX_GROUPS_PER_POLICY_TYPE]!;
    out.push(
      forPolicy(last, {
        rule: 'G5',
        severity: 'error',
        message: `${grouped.length} Shared Calling policies are assigned by group; at most ${MAX_GROUPS_PER_POLICY_TYPE} groups can carry one policy type.`,
        fix: 'Assign the smaller policies per user.',
      }),
    );
  }
  return out;
}
