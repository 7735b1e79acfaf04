/**
 * Helpers of the Export screen: the highlighted preview of a script and file names. Generation and
 * the zip run in the script worker (script-export.svelte.ts).
 */
import type { ScriptFile } from '../../../lib/index.js';
import { sanitizeFileStem, tokenizeLines, firstLines, countLines, type Token } from '../../../lib/view/index.js';

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

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
