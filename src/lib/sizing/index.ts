/**
 * Public surface of the sizing core (shared-calling.md §7): emergency callback number pools.
 * Pure: no DOM, no storage.
 */
export { MAX_LOAD, type SizingModel } from './guards.js';
export { poissonTail, logPoissonPmf } from './poisson.js';
export { erlangB, erlangBSeries } from './erlang.js';
export { callbackPoolSize } from './pool-size.js';
export {
  HOURS_PER_YEAR,
  type SizingProblem,
  sizingInputProblems,
  sanitizeSizing,
  reservationHours,
  emergencyCallsPerHour,
  offeredLoad,
  annualEmergencyCalls,
  parseDecimal,
} from './inputs.js';
export { MIN_TABLE_ROWS, MAX_TABLE_ROWS, type SizingRow, type PolicySizing, sizePolicy, recommendedForLoad } from './policy.js';
export { effectiveSizing, policyUserCounts, recommendPoolSize, mergeablePolicyGroups, type MergeableGroup } from './plan.js';
export { poolStatus, type PoolStatus, type PoolState } from './pool-status.js';
export { applyRecommendedCallbacks } from './apply.js';
export { type PoolingPenalty, poolingPenalty } from './pooling.js';
export { requiredCallbackKind, qualifyingCallbackNumbers, callbackNumbersToAdd } from './qualifying.js';
export { planSizingSummary, DECIDED_BY_WORDS, type PolicySizingSummary } from './plan-summary.js';
