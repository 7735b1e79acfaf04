/**
 * The core facade: the one import path for the UI, the workers, the tests and any outside check.
 * Everything here is pure: no DOM, no IndexedDB, no workers (enforced by tests/unit/architecture.test.ts).
 */
export * from './domain/model.js';
export { createSamplePlan } from './domain/sample-plan.js';
export { serializePlan, deserializePlan, PlanFileError, PLAN_FORMAT, PLAN_FORMAT_VERSION } from './plan-file/plan-file.js';
export { fillV3PlanBody, fillV3User, fillV4PlanBody, fillV4User } from './plan-file/migrations.js';
export { isKnownCountry } from './domain/country-codes.js';
// Country names and the full list (libphonenumber-js metadata): for the lazily loaded views only;
// the startup entry (startup.ts) does not import this facade.
export { countryLabel, countryName, knownCountries } from './domain/phone.js';
export { normalizeCountryInput } from './forms/country-input.js';
export { planIndex, numberUses, assignmentCounts, type PlanIndex } from './domain/lookup.js';
export { numberHolders, ownHolder, anyHolder, type Holders } from './domain/holders.js';
export * from './sizing/index.js';
export * from './checks/index.js';
export * from './assign/index.js';
export * from './spreadsheet/index.js';
export { toCountryCode } from './spreadsheet/countries.js';
export * from './domain/edits.js';
export * from './forms/validators.js';
export * from './callflow/index.js';
export * from './status/index.js';
export { generateScriptBundle, buildScriptZip, type ScriptBundle, type ZipInput } from './export/bundle.js';
export * from './powershell/index.js';
export * from './domain/plan-diff.js';
export * from './tenant/expected-state.js';
export * from './tenant/discovery.js';
export {
  numberRanges,
  filterNumbers,
  numberFilterOptions,
  countFreeNumbers,
  setNumbersSite,
  deleteFreeNumbers,
  type NumberRange,
  type NumberFilter,
} from './domain/number-ranges.js';
export * from './design-doc/index.js';
