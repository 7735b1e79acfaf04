/**
 * Rule-based assignment: ordered rules such as "Site is London → SC-London" or
 * "Department is one of Warehouse, Retail → SC-Frontline". Rules live in plan.assignmentRules, so a
 * re-import can apply them again (call applyRules after merging the new user list).
 *
 * Order: every enabled rule is tried on every user, first to last; a later matching rule overwrites
 * what an earlier one set (later rules win), field by field. Fields no matching rule sets keep
 * their current value.
 */
import type { AssignmentRule, Plan, RuleField, User } from '../domain/model.js';
import { ASSIGN_FIELDS, type AssignField } from './bulk.js';

export const RULE_FIELD_LABEL: Record<RuleField, string> = {
  siteId: 'Site',
  department: 'Department',
  office: 'Office',
  usageLocation: 'Usage location',
  upnDomain: 'UPN domain',
};

export const RULE_OPERATOR_LABEL: Record<AssignmentRule['operator'], string> = {
  is: 'is',
  isOneOf: 'is one of',
  contains: 'contains',
  startsWith: 'starts with',
};

const norm = (s: string) => s.trim().toLowerCase();

function fieldValue(u: User, field: RuleField): string {
  switch (field) {
    case 'siteId':
      return u.siteId ?? '';
    case 'upnDomain': {
      const at = u.upn.lastIndexOf('@');
      return at < 0 ? '' : u.upn.slice(at + 1);
    }
    default:
      return u[field];
  }
}

/** A compiled matcher: values normalised once per rule, not once per user. */
export function ruleMatcher(rule: AssignmentRule): (u: User) => boolean {
  const values = rule.values.map(norm).filter((v) => v !== '');
  // An empty value list matches nobody: a half-typed rule must not reassign everyone.
  if (values.length === 0) return () => false;
  const set = new Set(values);
  switch (rule.operator) {
    case 'is':
    case 'isOneOf':
      return (u) => set.has(norm(fieldValue(u, rule.field)));
    case 'contains':
      return (u) => {
        const v = norm(fieldValue(u, rule.field));
        return values.some((x) => v.includes(x));
      };
    case 'startsWith':
      return (u) => {
        const v = norm(fieldValue(u, rule.field));
        return values.some((x) => v.startsWith(x));
      };
  }
}

/** Does the rule assign anything at all? */
export function ruleAssigns(rule: AssignmentRule): boolean {
  return ASSIGN_FIELDS.some((f) => rule.assign[f] !== undefined && rule.assign[f] !== '');
}

export interface RulePreview {
  /** Per rule (same order as plan.assignmentRules): users it matches (0 for disabled rules). */
  matched: number[];
  /**
   * Per rule: users whose value this rule decides (it is the last matching rule setting that field)
   * and whose value changes. A rule overridden by a later one moves nobody.
   */
  perRule: number[];
  /** Users with at least one changed field. */
  changed: number;
}

interface Outcome extends RulePreview {
  users: User[];
}

/**
 * Rules leave out excluded users and users known to lack Teams Phone (U1: they cannot use Shared
 * Calling), unless `includeWithoutTeamsPhone` (issue 12 item 5).
 */
export interface RuleOptions {
  includeWithoutTeamsPhone?: boolean;
}

const ruleSkips = (u: User, o: RuleOptions) => u.excludedReason !== '' || (u.teamsPhone === 'no' && o.includeWithoutTeamsPhone !== true);

function run(plan: Plan, options: RuleOptions = {}): Outcome {
  const rules = plan.assignmentRules;
  const active = rules.map((r) => (r.enabled && ruleAssigns(r) ? ruleMatcher(r) : null));
  const matched = rules.map(() => 0);
  const perRule = rules.map(() => 0);
  let changed = 0;
  const winners: (number | null)[] = ASSIGN_FIELDS.map(() => null);
  const users = plan.users.map((u) => {
    if (ruleSkips(u, options)) return u;
    winners.fill(null);
    let any = false;
    for (let r = 0; r < rules.length; r++) {
      const m = active[r];
      if (!m || !m(u)) continue;
      any = true;
      matched[r]!++;
      const assign = rules[r]!.assign;
      ASSIGN_FIELDS.forEach((f, i) => {
        const v = assign[f];
        if (v !== undefined && v !== '') winners[i] = r;
      });
    }
    if (!any) return u;
    let next: User | null = null;
    const movedBy = new Set<number>();
    ASSIGN_FIELDS.forEach((f: AssignField, i) => {
      const r = winners[i];
      if (r === null || r === undefined) return;
      const v = rules[r]!.assign[f] as string;
      if (u[f] === v) return;
      next ??= { ...u };
      next[f] = v;
      movedBy.add(r);
    });
    for (const r of movedBy) perRule[r]!++;
    if (next) changed++;
    return next ?? u;
  });
  return { users, matched, perRule, changed };
}

/** What applyRules would do, without doing it. */
export function previewRules(plan: Plan, options: RuleOptions = {}): RulePreview {
  const { matched, perRule, changed } = run(plan, options);
  return { matched, perRule, changed };
}

/** Apply the plan's enabled rules to every user. Nothing changes → the same plan object. */
export function applyRules(plan: Plan, options: RuleOptions = {}): { plan: Plan; changed: number; perRule: number[] } {
  const { users, perRule, changed } = run(plan, options);
  return { plan: changed === 0 ? plan : { ...plan, users }, changed, perRule };
}

/** A short sentence for a rule, e.g. "Department is one of Warehouse, Retail". */
export function describeCondition(rule: AssignmentRule, siteName: (id: string) => string = (id) => id): string {
  const values = rule.field === 'siteId' ? rule.values.map(siteName) : rule.values;
  return `${RULE_FIELD_LABEL[rule.field]} ${RULE_OPERATOR_LABEL[rule.operator]} ${values.join(', ') || '…'}`;
}

/** A new, disabled-until-filled rule with an id unique in the plan. */
export function newRule(plan: Plan): AssignmentRule {
  const ids = new Set(plan.assignmentRules.map((r) => r.id));
  let n = plan.assignmentRules.length + 1;
  while (ids.has(`rule-${n}`)) n++;
  return { id: `rule-${n}`, enabled: true, field: 'department', operator: 'is', values: [], assign: {} };
}

/** Immutable list edits used by the rules editor. */
export function setRule(plan: Plan, rule: AssignmentRule): Plan {
  return { ...plan, assignmentRules: plan.assignmentRules.map((r) => (r.id === rule.id ? rule : r)) };
}
export function addRule(plan: Plan, rule: AssignmentRule = newRule(plan)): Plan {
  return { ...plan, assignmentRules: [...plan.assignmentRules, rule] };
}
export function removeRule(plan: Plan, id: string): Plan {
  return { ...plan, assignmentRules: plan.assignmentRules.filter((r) => r.id !== id) };
}
export function moveRule(plan: Plan, id: string, by: -1 | 1): Plan {
  const list = plan.assignmentRules.slice();
  const i = list.findIndex((r) => r.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= list.length) return plan;
  [list[i], list[j]] = [list[j]!, list[i]!];
  return { ...plan, assignmentRules: list };
}
