/** Assignment core: bulk edits, assignment rules, extensions, quick start and the Users table query. */
export {
  type AssignField,
  type AssignPatch,
  type BulkResult,
  type UserPatch,
  ASSIGN_FIELDS,
  ASSIGN_FIELD_LABEL,
  assignUsers,
  updateUser,
  findUser,
  userIndexByKey,
  bulkLabel,
  setUsersExcluded,
  removeUsers,
} from './bulk.js';
export {
  type RulePreview,
  RULE_FIELD_LABEL,
  RULE_OPERATOR_LABEL,
  applyRules,
  previewRules,
  ruleMatcher,
  ruleAssigns,
  describeCondition,
  newRule,
  addRule,
  setRule,
  removeRule,
  moveRule,
} from './rules.js';
export { type AllocateOptions, type AllocateResult, allocateExtensions, planEmergencyDialStrings, emergencyConflict } from './extensions.js';
export {
  type QuickStartOptions,
  type QuickStartSite,
  type NumberNeed,
  type RaNumberKind,
  DEFAULT_RA_PATTERN,
  quickStart,
  planQuickStart,
  proposeSites,
  emergencyDialStringsFor,
  describeNeed,
  siteSlug,
} from './quick-start.js';
export { type UserColumn, type UserQuery, USER_COLUMN_LABEL, EMPTY_QUERY, queryUsers, sortedOrder, cellText, userRows } from './user-query.js';
export { commitImport, type ImportCommit } from './commit-import.js';
