/** Messages between the page and the import worker (import.worker.ts ↔ import-client.ts). */
import type { parseUserList, Plan, previewWorkbookUpdate, UserListResult, WorkbookFinding, WorkbookUpdatePreview, writePlanWorkbook } from '../lib/index.js';

export interface ParseRequest {
  type: 'parse';
  id: number;
  /** The file's bytes; transferred, not copied. */
  data: ArrayBuffer;
  fileName: string;
  sheet?: string;
  mapping?: Record<string, string>;
}

export interface WorkbookRequest {
  type: 'workbook';
  id: number;
  plan: Plan;
  findings: WorkbookFinding[];
}

/** Read a plan workbook: against `base` to update it (with the diff), or null to open it as a new plan. */
export interface ReadWorkbookRequest {
  type: 'readWorkbook';
  id: number;
  data: ArrayBuffer;
  base: Plan | null;
}

export type WorkerRequest = ParseRequest | WorkbookRequest | ReadWorkbookRequest;

export type WorkerResponse =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'result'; id: number; result: UserListResult }
  | { type: 'workbook'; id: number; bytes: Uint8Array }
  | { type: 'workbookRead'; id: number; preview: WorkbookUpdatePreview }
  | { type: 'error'; id: number; message: string };

/** Where the worker file, loaded on the page as a module (fallback), leaves the core functions. */
export const CORE_KEY = Symbol.for('shared-calling-planner.import-core');

export interface FallbackCore {
  parseUserList: typeof parseUserList;
  writePlanWorkbook: typeof writePlanWorkbook;
  previewWorkbookUpdate: typeof previewWorkbookUpdate;
}
