/**
 * The presentation facade: pure helpers that serve the screens but are not domain rules (words for
 * statuses, the script highlighter, the scripts zip README and file names, sizing chart geometry,
 * verification words, text helpers). UI code imports src/lib only through this file and
 * src/lib/index.ts (enforced by tests/unit/architecture.test.ts).
 */
export {
  statusBadge,
  groupBadge,
  levelFilter,
  applyLevelQuery,
  deploymentText,
  progressText,
  LEVEL_WORD,
  READINESS_LABEL,
  DEPLOYMENT_LABEL,
} from './status-text.js';
export type { StatusBadgeText } from './status-text.js';
export { plural, formatCount } from '../domain/words.js';
export {
  VERIFICATION_STATUS_LABEL,
  VERIFICATION_STATUS_DESCRIPTION,
  verificationEntry,
  verificationIndex,
  hasVerification,
  countVerification,
  formatVerificationTime,
  describeVerification,
  userStatusCodes,
  statusFilter,
  applyStatusQuery,
} from '../verification-view.js';
export * from '../ps-highlight/index.js';
export * from '../sizing-chart/index.js';
export { filterFindings, groupFindings, SEVERITIES, KIND_LABEL, type FindingFilter, type FindingGroup, type FindingSection } from './findings.js';
