/**
 * Build a styled worksheet cell by cell with ExcelJS (writing only; SheetJS reads). Text is always
 * a string cell, so a value starting with `=`, `+`, `-` or `@` stays text, and no cell ever
 * carries a formula. Header row bold and frozen, widths fitted to the content, a filter on the
 * header, drop-down lists (data validation) where a column takes a name from another sheet.
 */
import type * as ExcelJS from 'exceljs';
import type { ExactTexts } from './exact-text.js';

/** null/undefined = no cell (read back as "absent"). */
export type CellValue = string | number | boolean | null | undefined;

/**
 * 'data': read back. 'id': the planner's codes, needed for a lossless round trip; shown last,
 * in grey, and a new row may leave them empty. 'info': computed for people (status, sizing); never
 * read back.
 */
export type ColumnRole = 'data' | 'id' | 'info';

export interface ColumnSpec {
  header: string;
  role?: ColumnRole;
  /** A data-validation list: a range on another sheet (`'Sites'!$B$2:$B$600`) or an inline `"a,b"`. */
  list?: string;
  /** Excel number format, e.g. `0.00%`. */
  numFmt?: string;
}

export interface SheetSpec {
  name: string;
  columns: readonly ColumnSpec[];
  rows: readonly (readonly CellValue[])[];
  /** Freeze the first column too (wide object sheets keyed by their first column). */
  freezeFirstColumn?: boolean;
  /** 'info': computed for reading (yellow tab); 'hidden': not shown (the _exact sheet). */
  tab?: 'data' | 'info' | 'hidden';
}

const HEADER_FILL: Record<ColumnRole, string> = { data: 'FFD9E2F3', id: 'FFEDEDED', info: 'FFFFF2CC' };
const HEADER_FONT: Record<ColumnRole, string> = { data: 'FF1F2937', id: 'FF6B7280', info: 'FF5B4A00' };
/** A column font without a name falls back to a serif face in some programs: always name it. */
const FONT = { name: 'Calibri', size: 11 } as const;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** Drop-down lists cover the rows written plus room for rows a person adds. */
export const SPARE_ROWS = 500;

/** Column letters: 0 → A, 26 → AA. */
export function colLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `'Sheet name'!$B$2:$B$<rows+spare>`: the list source for a drop-down. */
export function listRange(sheet: string, column: number, rows: number): string {
  const letter = colLetter(column);
  return `'${sheet.replace(/'/g, "''")}'!$${letter}$2:$${letter}$${rows + 1 + SPARE_ROWS}`;
}

/** An inline drop-down list; items must not contain commas or quotes. */
export function inlineList(items: readonly string[]): string {
  return `"${items.join(',')}"`;
}

/** Display width of a text in Excel's character units (wide characters count double). */
function textWidth(s: string): number {
  let w = 0;
  const firstLine = s.length > 2000 ? s.slice(0, 2000) : s;
  for (const ch of firstLine.split('\n')[0] ?? '') w += ch.codePointAt(0)! > 0x2e80 ? 2 : 1;
  return w;
}

export function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec, exact: ExactTexts): ExcelJS.Worksheet {
  const { name, columns, rows } = spec;
  const ws = wb.addWorksheet(name, {
    state: spec.tab === 'hidden' ? 'hidden' : 'visible',
    views: [{ state: 'frozen', xSplit: spec.freezeFirstColumn ? 1 : 0, ySplit: 1, activeCell: 'A2' }],
    ...(spec.tab === 'info' ? { properties: { tabColor: { argb: 'FFFFD966' } } } : {}),
    // Printed (or saved as PDF): landscape, as wide as one page, header row on every page.
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      showGridLines: true,
      printTitlesRow: '1:1',
      horizontalCentered: false,
    },
  });
  const widths = columns.map((c) => Math.max(MIN_WIDTH, textWidth(c.header) + 3));
  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = exact.cellText(name, `${colLetter(i)}1`, c.header);
    const role = c.role ?? 'data';
    cell.font = { ...FONT, bold: true, color: { argb: HEADER_FONT[role] }, ...(role === 'id' ? { italic: true } : {}) };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL[role] } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9CA3AF' } } };
    cell.alignment = { vertical: 'middle' };
  });
  header.height = 20;
  rows.forEach((row, i) => {
    const r = ws.getRow(i + 2);
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = r.getCell(c + 1);
      if (typeof v === 'string') {
        const text = exact.cellText(name, `${colLetter(c)}${i + 2}`, v);
        cell.value = text;
        const w = textWidth(text) + 2;
        if (w > (widths[c] ?? 0)) widths[c] = Math.min(MAX_WIDTH, w);
      } else {
        cell.value = v;
        const w = String(v).length + 2;
        if (w > (widths[c] ?? 0)) widths[c] = Math.min(MAX_WIDTH, w);
      }
    });
  });
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = widths[i] ?? MIN_WIDTH;
    if (c.numFmt) col.numFmt = c.numFmt;
    // Ids are grey, out of the way; computed (info) columns stay as readable as the data.
    if (c.role === 'id') col.font = { ...FONT, color: { argb: 'FF6B7280' } };
    // Long texts (problems, fixes, notes) wrap inside their column instead of running over the next.
    else if ((widths[i] ?? 0) >= MAX_WIDTH) col.alignment = { wrapText: true, vertical: 'top' };
  });
  // Wrapped cells need a row tall enough for their lines: spreadsheet programs do not grow a row
  // on opening the file. Lines are estimated from the text width against the column width.
  const wrapped = columns.map((c, i) => c.role !== 'id' && (widths[i] ?? 0) >= MAX_WIDTH);
  if (wrapped.some(Boolean)) {
    // The other cells of a tall row sit at its top, beside the start of the wrapped text.
    columns.forEach((_, i) => {
      if (!wrapped[i]) ws.getColumn(i + 1).alignment = { vertical: 'top' };
    });
    rows.forEach((row, r) => {
      let lines = 1;
      row.forEach((v, c) => {
        if (!wrapped[c] || typeof v !== 'string') return;
        const perLine = Math.max(1, (widths[c] ?? MAX_WIDTH) - 2);
        const n = v.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(textWidth(part) / perLine)), 0);
        lines = Math.max(lines, Math.min(n, 15));
      });
      if (lines > 1) ws.getRow(r + 2).height = 15 * lines;
    });
  }
  if (columns.length > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  }
  const lastRow = rows.length + 1 + SPARE_ROWS;
  columns.forEach((c, i) => {
    if (!c.list) return;
    const range = `${colLetter(i)}2:${colLetter(i)}${lastRow}`;
    // A warning, not a stop: a name typed before its row exists elsewhere is allowed; the planner
    // reports any name it cannot resolve when the workbook is imported.
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, {
      type: 'list',
      allowBlank: true,
      formulae: [c.list],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: c.header,
      error: 'Pick a value from the list. The planner reports names it does not know when the workbook is imported.',
    });
  });
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
