/**
 * The startup entry: the few core functions the entry script needs before a plan is open (the plan
 * list, first start, backups). A facade of its own so the entry script stays within its load budget
 * (tests/e2e load budget: ≤ 120 KB gzip); everything else comes through src/lib/index.ts or
 * src/lib/view/index.ts (enforced by tests/unit/architecture.test.ts).
 */
export { createEmptyPlan, type Plan } from './domain/model.js';
export { createSamplePlan } from './domain/sample-plan.js';
export { deserializePlan, serializePlan } from './plan-file/plan-file.js';
export { sanitizeFileStem } from './ps-highlight/file-names.js';
