/**
 * Committing an import: the users read from a file go into the plan (applyImport) and, when asked,
 * the plan's assignment rules run over the users this import added or changed. One pure function,
 * so the screen makes one workspace update (one save, one undo step) and the rule lives here.
 */
import type { Plan, User } from '../domain/model.js';
import type { ImportedUser } from '../spreadsheet/types.js';
import { applyImport, type ImportMode, type ImportSource } from '../spreadsheet/apply-import.js';
import { applyRules } from './rules.js';

export interface ImportCommit {
  plan: Plan;
  added: number;
  updated: number;
  removed: number;
  skipped: number;
  /** Users the assignment rules changed; null when the rules were not run. */
  rulesChanged: number | null;
}

export function commitImport(plan: Plan, users: readonly ImportedUser[], mode: ImportMode, source: ImportSource, withRules: boolean): ImportCommit {
  const out = applyImport(plan, users, mode, source);
  let next = out.plan;
  let rulesChanged: number | null = null;
  if (withRules && next.assignmentRules.length > 0) {
    // Only the users this import brought in or refreshed: the others keep what they had.
    const before = new Set<User>(plan.users);
    const touched = next.users.filter((u) => !before.has(u));
    const ruled = applyRules({ ...next, users: touched });
    rulesChanged = ruled.changed;
    if (ruled.changed > 0) {
      const replaced = new Map<User, User>(touched.map((u, i) => [u, ruled.plan.users[i] ?? u]));
      next = { ...next, users: next.users.map((u) => replaced.get(u) ?? u) };
    }
  }
  return { plan: next, added: out.added, updated: out.updated, removed: out.removed, skipped: out.skipped, rulesChanged };
}
