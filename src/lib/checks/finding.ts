/** Building findings: one place that derives the key and handles checklist ticks. */
import type { Plan } from '../domain/model.js';
import type { Finding, Severity, SubjectKind } from './types.js';

export interface FindingInput {
  rule: string;
  severity: Severity;
  message: string;
  subject: string;
  subjectKind: SubjectKind;
  subjectId: string;
  fix: string;
  /** Users the finding names (see Finding.users). */
  users?: readonly string[];
}

export function finding(input: FindingInput): Finding {
  const { users, ...rest } = input;
  return users ? { ...rest, key: `${input.rule}:${input.subjectId}`, users } : { ...rest, key: `${input.rule}:${input.subjectId}` };
}

/**
 * A checklist item: a fact no file can prove (R1, RA9, RA10, E6). It stays as a warning until the
 * admin ticks `plan.checklist[key]`; then it is omitted.
 */
export function checklistItem(plan: Plan, input: Omit<FindingInput, 'severity'>): Finding | null {
  const key = `${input.rule}:${input.subjectId}`;
  if (plan.checklist[key]?.done === true) return null;
  return { ...input, severity: 'warning', key, checklist: true };
}
