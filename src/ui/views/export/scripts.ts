/**
 * Script generation and the zip for the Export screen. Generation is cached by plan value (plans
 * are immutable), so switching files or coming back to the screen does not generate again.
 */
import { zipSync, strToU8, type Zippable } from 'fflate';
import type { Finding, Plan } from '../../../lib/index.js';
import { generateScripts, planSha256, type ScriptFile } from '../../../lib/index.js';
import { README_FILE, renderReadme, sanitizeFileStem, tokenizeLines, firstLines, countLines, type Token } from '../../../lib/view/index.js';
import { ImportClient } from '../../../workers/import-client.js';

export interface Generated {
  files: ScriptFile[];
  /** The plan SHA-256 printed in the script headers. */
  planSha256: string;
  totalBytes: number;
}

const generated = new WeakMap<Plan, Generated>();

export function cachedScripts(plan: Plan): Generated | undefined {
  return generated.get(plan);
}

/** Read the hash from a header rather than hashing a 100,000-user plan a second time. */
function headerSha(files: ScriptFile[]): string | undefined {
  const head = files[0]?.text.slice(0, 20_000) ?? '';
  return /^# Plan SHA-256:\s+([0-9a-f]{64})\b/m.exec(head)?.[1];
}

export function generate(plan: Plan): Generated {
  const hit = generated.get(plan);
  if (hit) return hit;
  const files = generateScripts(plan);
  const result: Generated = {
    files,
    planSha256: headerSha(files) ?? planSha256(plan),
    totalBytes: files.reduce((n, f) => n + f.bytes.length, 0),
  };
  generated.set(plan, result);
  return result;
}

/** Let the browser paint a "working" state before a long synchronous step. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Lines shown in the preview; the rest is in the download (100,000-user files have ~100,000 lines). */
export const PREVIEW_LINES = 2000;

export interface Preview {
  lines: Token[][];
  totalLines: number;
  truncated: boolean;
  /** Longest shown line in characters (the preview is monospace: sets its scroll width). */
  maxChars: number;
}

const previews = new WeakMap<ScriptFile, Preview>();

export function preview(file: ScriptFile): Preview {
  const hit = previews.get(file);
  if (hit) return hit;
  const head = firstLines(file.text, PREVIEW_LINES);
  const totalLines = countLines(file.text);
  const lines = tokenizeLines(head);
  // A final line end leaves an empty last "line": not a line of the file.
  if (lines.length > 1 && lines[lines.length - 1]!.length === 0 && head.endsWith('\n')) lines.pop();
  let maxChars = 0;
  for (const l of lines) {
    let n = 0;
    for (const t of l) n += t.text.length;
    if (n > maxChars) maxChars = n;
  }
  const p: Preview = { lines, totalLines, truncated: totalLines > lines.length, maxChars };
  previews.set(file, p);
  return p;
}

export function workbookFileName(planName: string): string {
  return `${sanitizeFileStem(planName)} plan.xlsx`;
}

/**
 * The zip: every generated .ps1 (bytes exactly as downloaded one by one), README.md and the plan
 * workbook. The workbook is written in the import worker: SheetJS never loads on the page.
 */
export async function buildZip(plan: Plan, gen: Generated, findings: readonly Finding[]): Promise<Uint8Array> {
  const workbookName = workbookFileName(plan.name);
  const client = new ImportClient();
  let workbook: Uint8Array;
  try {
    workbook = await client.workbook(plan, findings);
  } finally {
    client.cancel();
  }
  const blockingErrors = findings.filter((f) => f.severity === 'error').length;
  const readme = renderReadme(plan, { planSha256: gen.planSha256, workbookFile: workbookName, blockingErrors });
  // Large scripts compress almost as well at level 1, in half the time.
  const level = gen.totalBytes > 5_000_000 ? 1 : 6;
  const entries: Zippable = {};
  for (const f of gen.files) entries[f.name] = [f.bytes, { level }];
  entries[README_FILE] = [strToU8(readme), { level: 6 }];
  // An .xlsx is already a zip: store it.
  entries[workbookName] = [workbook, { level: 0 }];
  return zipSync(entries);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
