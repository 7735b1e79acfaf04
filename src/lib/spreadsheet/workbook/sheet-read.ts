/** Typed access to a plan-workbook sheet by header name, with messages that say where. */
import * as XLSX from 'xlsx';
import type { ExactLookup } from './exact-text.js';

/** A cell the reader cannot take: where it is (1-based sheet row) and why. */
export class CellError extends Error {
  constructor(
    readonly sheet: string,
    readonly row: number,
    readonly column: string,
    readonly problem: string,
  ) {
    super(`Sheet "${sheet}", row ${row}${column ? `, column "${column}"` : ''}: ${problem}`);
    this.name = 'CellError';
  }
}

export class Table {
  private readonly cols = new Map<string, number>();
  /** Sheet rows (0-based) holding data; blank rows are skipped. */
  readonly rowIndexes: number[] = [];

  constructor(
    readonly sheet: string,
    private readonly data: readonly (readonly (XLSX.CellObject | undefined)[] | undefined)[],
    private readonly exact: ExactLookup,
  ) {
    const header = data[0] ?? [];
    header.forEach((cell, c) => {
      const h = cell && cell.v !== undefined ? String(cell.v).trim().toLowerCase() : '';
      if (h && !this.cols.has(h)) this.cols.set(h, c);
    });
    for (let r = 1; r < data.length; r++) {
      const row = data[r];
      // A row counts when it has any cell, even an empty text (an all-empty entry is still an entry).
      if (row && row.some((cell) => cell && cell.t !== 'z' && cell.v !== undefined)) this.rowIndexes.push(r);
    }
  }

  has(header: string): boolean {
    return this.cols.has(header.toLowerCase());
  }

  require(headers: readonly string[]): void {
    const missing = headers.filter((h) => !this.has(h));
    if (missing.length > 0) {
      throw new Error(`This is not a plan workbook the planner can read: the sheet "${this.sheet}" has no column ${missing.map((m) => `"${m}"`).join(', ')}.`);
    }
  }

  where(r: number, header: string): string {
    return `Sheet "${this.sheet}", row ${r + 1}, column "${header}"`;
  }

  /** An error for one cell (r is the 0-based sheet row). */
  error(r: number, header: string, problem: string): CellError {
    return new CellError(this.sheet, r + 1, header, problem);
  }

  private cell(r: number, header: string): XLSX.CellObject | undefined {
    const c = this.cols.get(header.toLowerCase());
    if (c === undefined) return undefined;
    const cell = this.data[r]?.[c];
    return cell && cell.t !== 'z' && cell.v !== undefined ? cell : undefined;
  }

  /** The cell as text; null when the cell is absent. Numbers and booleans typed by hand become text. */
  textOrNull(r: number, header: string): string | null {
    const cell = this.cell(r, header);
    if (!cell) return null;
    const v = cell.v;
    if (typeof v === 'string') {
      const c = this.cols.get(header.toLowerCase()) ?? 0;
      return this.exact.resolve(this.sheet, XLSX.utils.encode_cell({ r, c }), v);
    }
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (typeof v === 'number') return String(v);
    return v instanceof Date ? v.toISOString() : String(v);
  }

  text(r: number, header: string): string {
    return this.textOrNull(r, header) ?? '';
  }

  numOrNull(r: number, header: string): number | null {
    const cell = this.cell(r, header);
    if (!cell) return null;
    if (typeof cell.v === 'number') return cell.v;
    const s = this.text(r, header).trim();
    if (s === '') return null;
    const n = Number(s);
    if (!Number.isFinite(n)) throw this.error(r, header, `"${s.slice(0, 40)}" is not a number.`);
    return n;
  }

  num(r: number, header: string): number {
    const n = this.numOrNull(r, header);
    if (n === null) throw this.error(r, header, 'a number is required.');
    return n;
  }

  bool(r: number, header: string): boolean {
    const cell = this.cell(r, header);
    if (cell && typeof cell.v === 'boolean') return cell.v;
    const s = this.text(r, header).trim().toLowerCase();
    if (['true', 'yes', 'y', '1'].includes(s)) return true;
    if (['false', 'no', 'n', '0', ''].includes(s)) return false;
    throw this.error(r, header, `"${s.slice(0, 40)}" is not TRUE or FALSE.`);
  }
}

/** The sheet as a Table; undefined when the workbook has no such sheet. */
export function table(wb: XLSX.WorkBook, name: string, exact: ExactLookup): Table | undefined {
  const ws = wb.Sheets[name];
  if (!ws) return undefined;
  return new Table(name, ws['!data'] ?? [], exact);
}
