/** Reading a plan workbook to update a plan (or to open it as a new one), with the preview of changes. */
import type { Plan } from '../../domain/model.js';
import { diffPlans, planFromWorkbook, type PlanDiff } from '../../domain/plan-diff.js';
import { readWorkbookUpdate, type WorkbookRead } from './read-plan-workbook.js';

export interface WorkbookUpdatePreview {
  read: WorkbookRead;
  /** The plan to store: the workbook's content under base's identity; null when unreadable or base is null. */
  next: Plan | null;
  /** What changes from base to next; null when there is nothing to compare. */
  diff: PlanDiff | null;
}

export function previewWorkbookUpdate(data: Uint8Array, base: Plan | null): WorkbookUpdatePreview {
  const read = readWorkbookUpdate(data, base);
  if (!base || !read.plan) return { read, next: null, diff: null };
  const next = planFromWorkbook(base, read.plan);
  return { read, next, diff: diffPlans(base, next) };
}
