/**
 * Per-user findings, aggregated per Shared Calling policy when many users share the same problem.
 *
 * A 100,000-user plan must not produce 100,000 identical lines: once more than AGGREGATE_THRESHOLD
 * users of one policy break the same rule (more than one, for information notes), they become one
 * finding whose subject is the policy (or the tenant for users without a policy), with a count and
 * a few example UPNs.
 */
import type { Id, User } from '../domain/model.js';
import { userKey } from '../domain/model.js';
import type { CheckContext } from './context.js';
import { finding } from './finding.js';
import type { Finding, Severity } from './types.js';
import { SEVERITY_ORDER, TENANT_ID } from './types.js';

export const AGGREGATE_THRESHOLD = 50;
/** Information notes are grouped as soon as two users of a policy share one (a list of identical notes helps nobody). */
export const INFO_AGGREGATE_THRESHOLD = 1;

function thresholdOf(g: Group): number {
  for (const issue of g.issues.keys()) if (issue.severity !== 'info') return AGGREGATE_THRESHOLD;
  return INFO_AGGREGATE_THRESHOLD;
}
const EXAMPLES = 3;

/** One way a user can break a rule. Several issues may share a rule (e.g. U1 'no' vs 'unknown'). */
export interface UserIssue {
  rule: string;
  severity: Severity;
  /**
   * Message for a single user; `detail` is whatever the check passed along. Called only for the
   * few users that are reported one by one, so it may do more work than the per-user check.
   */
  one: (user: User, detail: string, ctx: CheckContext) => string;
  /** Message for `count` users of one policy (`where` = "of policy X" / "without a policy"). */
  many: (count: number, where: string, examples: string) => string;
  fix: string;
}

/** Users of one group that broke one issue; details only where the check passed one. */
interface Entries {
  users: User[];
  details: Map<number, string>;
}

interface Group {
  rule: string;
  policyId: Id | null;
  issues: Map<UserIssue, Entries>;
  total: number;
}

export class UserFindings {
  /** rule → policy id ('' = none) → group. Two-level so the hot path builds no key strings. */
  private readonly groups = new Map<string, Map<string, Group>>();
  private readonly order: Group[] = [];

  add(issue: UserIssue, user: User, detail = ''): void {
    const policyId = user.sharedCallingPolicyId;
    let byPolicy = this.groups.get(issue.rule);
    if (!byPolicy) this.groups.set(issue.rule, (byPolicy = new Map()));
    let g = byPolicy.get(policyId ?? '');
    if (!g) {
      g = { rule: issue.rule, policyId, issues: new Map(), total: 0 };
      byPolicy.set(policyId ?? '', g);
      this.order.push(g);
    }
    let e = g.issues.get(issue);
    if (!e) g.issues.set(issue, (e = { users: [], details: new Map() }));
    if (detail !== '') e.details.set(e.users.length, detail);
    e.users.push(user);
    g.total++;
  }

  toFindings(ctx: CheckContext): Finding[] {
    const out: Finding[] = [];
    for (const g of this.order) {
      if (g.total > thresholdOf(g)) out.push(aggregate(ctx, g));
      else {
        for (const [issue, entries] of g.issues) {
          for (let i = 0; i < entries.users.length; i++) {
            const user = entries.users[i] as User;
            const detail = entries.details.get(i) ?? '';
            out.push(
              finding({
                rule: issue.rule,
                severity: issue.severity,
                message: issue.one(user, detail, ctx),
                subject: user.upn,
                subjectKind: 'user',
                subjectId: userKey(user.upn),
                fix: issue.fix,
              }),
            );
          }
        }
      }
    }
    return out;
  }
}

function aggregate(ctx: CheckContext, g: Group): Finding {
  const policy = g.policyId === null ? undefined : ctx.policies.get(g.policyId);
  const label = policy?.name ?? g.policyId ?? '';
  const where = g.policyId === null ? 'without a Shared Calling policy' : `of policy ${label}`;
  let severity: Severity = 'info';
  const messages: string[] = [];
  const fixes: string[] = [];
  const users: string[] = [];
  for (const [issue, entries] of g.issues) {
    for (const u of entries.users) users.push(userKey(u.upn));
    if (SEVERITY_ORDER[issue.severity] < SEVERITY_ORDER[severity]) severity = issue.severity;
    const examples = entries.users
      .slice(0, EXAMPLES)
      .map((u) => u.upn)
      .join(', ');
    const more = entries.users.length > EXAMPLES ? ', …' : '';
    messages.push(issue.many(entries.users.length, where, `(e.g. ${examples}${more})`));
    if (!fixes.includes(issue.fix)) fixes.push(issue.fix);
  }
  return finding({
    rule: g.rule,
    severity,
    message: messages.join(' '),
    subject: g.policyId === null ? 'Users without a Shared Calling policy' : label,
    subjectKind: g.policyId === null ? 'tenant' : 'sharedCallingPolicy',
    subjectId: g.policyId ?? TENANT_ID,
    fix: fixes.join(' '),
    users,
  });
}
