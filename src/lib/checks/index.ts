/** Readiness checks: the public API of src/lib/checks. */
export { checkPlan, sortFindings, scopedPlan } from './check-plan.js';
export { GROUP_ASSIGNMENT_RECOMMENDED_ABOVE, MAX_GROUPS_PER_POLICY_TYPE, groupAssignmentRecommended } from './groups.js';
export { RULES, CHECKLIST_RULES } from './rules.js';
export { AGGREGATE_THRESHOLD } from './user-findings.js';
export { C1_COUNTRIES } from './resource-accounts.js';
export { AA5_MAX_MATCHES, AA11_MAX_GREETING } from './auto-attendants.js';
export { MAX_POLICY_NAME, policyNameProblem } from './policies.js';
export { splitNumber } from './numbers.js';
export { callbackFit, callbackMisfitText, type CallbackFit } from './callback-fit.js';
export { TENANT_ID } from './types.js';
export type { Finding, RuleInfo, Severity, SubjectKind } from './types.js';
