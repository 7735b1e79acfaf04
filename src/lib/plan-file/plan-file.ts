/**
 * The versioned JSON backup format (docs/plan-file.md).
 *
 *   { "format": "shared-calling-planner/plan", "version": 3, "savedAt": "…", "plan": { … } }
 *
 * Users keep backups for years: every older version must open. Each version has a migration to the
 * next; `deserializePlan` runs them in order and then validates the current shape strictly.
 */
import type { Plan } from '../domain/model.js';
import { PlanFileError } from './validate.js';
import { planShape } from './schema.js';
import { checkReferences } from './references.js';
import { MIGRATIONS } from './migrations.js';

export const PLAN_FORMAT = 'shared-calling-planner/plan';
export const PLAN_FORMAT_VERSION = 3;
/** Backups larger than this are refused before parsing (a 100,000-user plan is about 40 MB). */
export const MAX_PLAN_FILE_CHARS = 400_000_000;

export { PlanFileError };

export function serializePlan(plan: Plan): string {
  return JSON.stringify({
    format: PLAN_FORMAT,
    version: PLAN_FORMAT_VERSION,
    plan,
  });
}

export function deserializePlan(text: string): Plan {
  if (typeof text !== 'string') throw new PlanFileError('This is not a valid plan file: it is not text.');
  if (text.length > MAX_PLAN_FILE_CHARS) throw new PlanFileError('This file is too large to be a plan backup.');
  // Tolerate a UTF-8 byte-order mark left by editors.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new PlanFileError('This is not a plan file: it is not valid JSON. Choose a backup saved by the planner (.json).');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PlanFileError('This is not a plan file: expected a JSON object.');
  }
  const envelope = raw as Record<string, unknown>;
  if (envelope.format !== PLAN_FORMAT) {
    throw new PlanFileError('This is not a plan file: it has no "format": "shared-calling-planner/plan" marker. Choose a backup saved by the planner.');
  }
  const version = envelope.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new PlanFileError('This plan file has no valid version number.');
  }
  if (version > PLAN_FORMAT_VERSION) {
    throw new PlanFileError(
      `This plan file was saved by a newer planner (format version ${version}; this planner reads up to ${PLAN_FORMAT_VERSION}). Update the planner to open it.`,
    );
  }
  let plan: unknown = envelope.plan;
  for (let v = version; v < PLAN_FORMAT_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) throw new PlanFileError(`No migration from plan format version ${v}.`);
    plan = migrate(plan);
  }
  const valid = planShape(plan, 'plan');
  checkReferences(valid);
  return valid;
}
