/**
 * Build a worksheet cell by cell with explicit types: text is always a string cell ('s'), so a
 * value starting with `=`, `+`, `-` or `@` stays text, and no cell ever carries a formula.
 */
import * as XLSX from 'xlsx';
import type { ExactTexts } from './exact-text.js';

/** null/undefined = no cell (read back as "absent"). */
export type CellValue = string | number | boolean | null | undefined;

export function buildSheet(name: string, headers: readonly string[], rows: readonly (readonly CellValue[])[], exact: ExactTexts): XLSX.WorkSheet {
  const data: XLSX.CellObject[][] = [];
  const widths = headers.map((h) => Math.min(60, Math.max(10, h.length + 2)));
  const put = (r: number, c: number, v: CellValue): XLSX.CellObject | undefined => {
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'number') return { t: 'n', v };
    if (typeof v === 'boolean') return { t: 'b', v };
    const text = exact.cellText(name, XLSX.utils.encode_cell({ r, c }), v);
    const w = widths[c];
    if (w !== undefined && text.length + 2 > w) widths[c] = Math.min(60, text.length + 2);
    return { t: 's', v: text };
  };
  data.push(headers.map((h, c) => put(0, c, h) ?? { t: 'z' }));
  rows.forEach((row, i) => {
    const cells: XLSX.CellObject[] = [];
    row.forEach((v, c) => {
      const cell = put(i + 1, c, v);
      // Dense rows may have holes: an absent cell is simply not set.
      if (cell) cells[c] = cell;
    });
    data.push(cells);
  });
  const cols = Math.max(headers.length, ...rows.map((r) => r.length), 1);
  const ws: XLSX.WorkSheet = {
    '!data': data,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(rows.length, 0), c: cols - 1 } }),
    '!cols': widths.map((wch) => ({ wch })),
  };
  if (rows.length > 0 && headers.length > 0) {
    ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: headers.length - 1 } }) };
  }
  return ws;
}

/** Split long text into pieces Excel accepts (32,767 characters per cell), keeping pairs intact. */
export function chunkText(s: string, size = 30_000): string[] {
  if (s.length <= size) return [s];
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    let end = Math.min(s.length, i + size);
    const prev = s.charCodeAt(end - 1);
    // Keep a surrogate pair and a CR LF pair in one piece.
    if (end < s.length && ((prev >= 0xd800 && prev <= 0xdbff) || prev === 13)) end--;
    out.push(s.slice(i, end));
    i = end;
  }
  return out;
}
