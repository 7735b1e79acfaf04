/**
 * The Export screen's work as core functions, run in the script worker (src/workers/script-bundle.worker.ts)
 * or, where the browser allows no workers, on the page: the runbook files with the plan hash the
 * core computed (never read back out of the script text), and the zip of everything.
 */
import { zipSync, strToU8, type Zippable } from 'fflate';
import type { Plan } from '../domain/model.js';
import { generateScripts, type GenerateOptions, type ScriptFile } from '../powershell/generate.js';
import { planSha256 } from '../powershell/plan-hash.js';
import { README_FILE, renderReadme } from '../ps-highlight/readme.js';

export interface ScriptBundle {
  files: ScriptFile[];
  /** SHA-256 of the plan as printed in every script header. */
  planSha256: string;
  totalBytes: number;
}

/** generateScripts plus the plan hash it printed (computed once per plan value, see planSha256). */
export function generateScriptBundle(plan: Plan, options: GenerateOptions = {}): ScriptBundle {
  const files = generateScripts(plan, options);
  return { files, planSha256: planSha256(plan), totalBytes: files.reduce((n, f) => n + f.bytes.length, 0) };
}

export interface ZipInput {
  /** The script files' names and bytes, exactly as downloaded one by one. */
  files: readonly { name: string; bytes: Uint8Array }[];
  planSha256: string;
  totalBytes: number;
  /** The plan workbook (.xlsx bytes) and its file name. */
  workbook: Uint8Array;
  workbookFile: string;
  blockingErrors: number;
}

/** The zip: every .ps1, README.md and the plan workbook. */
export function buildScriptZip(plan: Plan, input: ZipInput): Uint8Array {
  const readme = renderReadme(plan, { planSha256: input.planSha256, workbookFile: input.workbookFile, blockingErrors: input.blockingErrors });
  // Large scripts compress almost as well at level 1, in half the time.
  const level = input.totalBytes > 5_000_000 ? 1 : 6;
  const entries: Zippable = {};
  for (const f of input.files) entries[f.name] = [f.bytes, { level }];
  entries[README_FILE] = [strToU8(readme), { level: 6 }];
  // An .xlsx is already a zip: store it.
  entries[input.workbookFile] = [input.workbook, { level: 0 }];
  return zipSync(entries);
}
