/** Messages between the page and the script worker (script-bundle.worker.ts ↔ script-bundle-client.ts). */
import type { Plan } from '../lib/index.js';

export type ScriptWorkerRequest =
  | { type: 'scripts'; id: number; plan: Plan }
  | {
      type: 'zip';
      id: number;
      plan: Plan;
      files: { name: string; bytes: Uint8Array }[];
      planSha256: string;
      totalBytes: number;
      workbook: Uint8Array;
      workbookFile: string;
      blockingErrors: number;
    };

export type ScriptWorkerResponse =
  | { type: 'scripts'; id: number; files: { name: string; bytes: Uint8Array }[]; planSha256: string; totalBytes: number }
  | { type: 'zip'; id: number; bytes: Uint8Array }
  | { type: 'error'; id: number; message: string };
