/**
 * Bytes → sheets of cells. Text files are decoded and parsed here (csv.ts); workbooks go through
 * SheetJS with formulas off (a cell's cached value, never a formula result computed here).
 * Every failure comes back as a message, never as an exception.
 */
import * as XLSX from 'xlsx';
import { csvGrid, sheetGrid, type Grid } from './grid.js';
import { decodeText, looksBinary } from './decode-text.js';
import { parseCsv, sniffDelimiter } from './csv.js';
import { sniffFile } from './sniff.js';
import type { UserListResult } from './types.js';

export const MAX_BYTES = 200 * 1024 * 1024;
export const MAX_ROWS = 1_000_000;
/** Rows read beyond MAX_ROWS to allow for title and header rows. */
const ROW_SLACK = 51;

export type Loaded =
  | { ok: true; format: UserListResult['format']; sheetNames: string[]; grid: (sheet: string) => Grid | undefined }
  | { ok: false; format: UserListResult['format']; code: string; message: string };

const TOO_MANY_ROWS = `The list has more than ${MAX_ROWS.toLocaleString('en-US')} rows, more than the planner can handle. Split it into smaller lists.`;

function fromWorkbook(wb: XLSX.WorkBook, format: UserListResult['format']): Loaded {
  const grids = new Map<string, Grid>();
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const rows = ws?.['!data'] ?? [];
    if (rows.length >= MAX_ROWS + ROW_SLACK) return { ok: false, format, code: 'too-large', message: TOO_MANY_ROWS };
    grids.set(name, sheetGrid(rows));
  }
  return { ok: true, format, sheetNames: [...wb.SheetNames], grid: (s) => grids.get(s) };
}

function readWorkbook(data: Uint8Array | string, format: UserListResult['format']): Loaded {
  try {
    const wb = XLSX.read(data, {
      type: typeof data === 'string' ? 'string' : 'array',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      sheetRows: MAX_ROWS + ROW_SLACK,
    });
    return fromWorkbook(wb, format);
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(text)) return encrypted(format);
    return { ok: false, format, code: 'unreadable', message: `The file could not be read as a spreadsheet (${text.slice(0, 200)}).` };
  }
}

const encrypted = (format: UserListResult['format']): Loaded => ({
  ok: false,
  format,
  code: 'encrypted',
  message: 'The workbook is password-protected. Open it in Excel, remove the password (File > Info > Protect Workbook), save, and import it again.',
});

function readText(data: Uint8Array): Loaded {
  const { text } = decodeText(data);
  if (looksBinary(text)) {
    return {
      ok: false,
      format: 'unknown',
      code: 'not-a-spreadsheet',
      message: 'This file is not a spreadsheet or a text list (CSV, .xlsx, .xls, .ods or Unicode Text).',
    };
  }
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (head.startsWith('<') && (head.includes('<table') || head.includes('urn:schemas-microsoft-com:office:spreadsheet'))) {
    return readWorkbook(text, 'workbook');
  }
  const { rows, truncated } = parseCsv(text, sniffDelimiter(text), MAX_ROWS + ROW_SLACK);
  if (truncated) return { ok: false, format: 'csv', code: 'too-large', message: TOO_MANY_ROWS };
  const grid = csvGrid(rows);
  return { ok: true, format: 'csv', sheetNames: [], grid: () => grid };
}

export function loadFile(data: Uint8Array): Loaded {
  if (data.length === 0) return { ok: false, format: 'unknown', code: 'empty-file', message: 'The file is empty.' };
  if (data.length > MAX_BYTES) {
    return {
      ok: false,
      format: 'unknown',
      code: 'too-large',
      message: 'The file is larger than 200 MB, more than the planner can handle. Export only the columns you need or split the list.',
    };
  }
  const kind = sniffFile(data);
  switch (kind.kind) {
    case 'xlsx':
      return readWorkbook(data, 'xlsx');
    case 'ods':
      return readWorkbook(data, 'ods');
    case 'xls':
      return readWorkbook(data, 'xls');
    case 'encrypted':
      return encrypted('xlsx');
    case 'not-spreadsheet':
      return {
        ok: false,
        format: 'unknown',
        code: 'not-a-spreadsheet',
        message: `This file is ${kind.what}, not a spreadsheet. Choose a CSV, .xlsx, .xls, .ods or Unicode Text file.`,
      };
    case 'text':
      return readText(data);
  }
}
