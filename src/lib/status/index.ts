/** The status model: status of every object derived once per plan value (and verification report). */
export { planStatus, readinessOf, deploymentOfKey, CODE_LEVEL } from './plan-status.js';
export type { PlanStatus, ObjectStatus, GroupStatus, PolicyStatus, DeploymentState, DeploymentProgress, Level, Readiness, Tally } from './plan-status.js';
export { objectFingerprint, stampVerification, applyVerificationReport, isStale, usersByKey } from './fingerprint.js';
