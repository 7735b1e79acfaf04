/** Public types of the readiness checks. */

export type Severity = 'error' | 'warning' | 'info';

export type SubjectKind =
  'user' | 'site' | 'number' | 'resourceAccount' | 'autoAttendant' | 'sharedCallingPolicy' | 'emergencyPolicy' | 'voiceRoutingPolicy' | 'tenant';

/** One problem (or reminder) found in a plan. */
export interface Finding {
  /** Rule id from shared-calling.md §2 (e.g. `EN3`) or a planner rule (`P1` …); see RULES. */
  rule: string;
  severity: Severity;
  /** What is wrong, in words a Teams admin understands. */
  message: string;
  /** Human label of the subject: a UPN, a policy name, a number … */
  subject: string;
  subjectKind: SubjectKind;
  /** Object id of the subject (users: userKey(upn); tenant-wide findings: 'tenant'). */
  subjectId: string;
  /** How to fix it. */
  fix: string;
  /** `${rule}:${subjectId}`: stable, unique within one result; also the checklist key. */
  key: string;
  /** A fact no file can prove: ticking `plan.checklist[key].done` makes the finding go away. */
  checklist?: boolean;
  /**
   * The users (userKey) a finding about many users names: an aggregated per-user finding (more than
   * AGGREGATE_THRESHOLD users of one policy) or a per-policy report of a per-user rule (E2). The
   * status model (src/lib/status) expands it to each of them.
   */
  users?: readonly string[];
}

export interface RuleInfo {
  title: string;
  /** One paragraph for the UI's "explain" panel. */
  explanation: string;
  /** Source keys from shared-calling.md §0 (or the section the planner rule derives from). */
  source: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Id used as subjectId of tenant-wide findings. */
export const TENANT_ID = 'tenant';
