/**
 * A uniform view of one sheet's cells, whether they came from the CSV reader (strings) or from a
 * SheetJS dense worksheet (cell objects). Rows and columns are 0-based here; issues add 1.
 */
import type { CellObject } from 'xlsx';

export interface Grid {
  readonly rowCount: number;
  /** Number of cells in row r (trailing empty cells may be missing). */
  width(r: number): number;
  /** The cell's text as the user sees it; '' when empty. */
  text(r: number, c: number): string;
  /**
   * Text for a phone-number column: a whole number stored as a number keeps all its digits
   * (Excel's `1.42556E+10` display is only a format in a workbook, the value is intact).
   */
  phoneText(r: number, c: number): string;
}

export function csvGrid(rows: readonly (readonly string[])[]): Grid {
  return {
    rowCount: rows.length,
    width: (r) => rows[r]?.length ?? 0,
    text: (r, c) => rows[r]?.[c] ?? '',
    phoneText: (r, c) => rows[r]?.[c] ?? '',
  };
}

function cellText(cell: CellObject | undefined): string {
  if (!cell) return '';
  const v = cell.v;
  switch (cell.t) {
    case 's':
      return typeof v === 'string' ? v : String(v ?? '');
    case 'b':
      return v ? 'TRUE' : 'FALSE';
    case 'z':
      return '';
    case 'e':
      return cell.w ?? '';
    default:
      if (cell.w !== undefined) return cell.w;
      if (v instanceof Date) return v.toISOString();
      return v === undefined || v === null ? '' : String(v);
  }
}

function cellPhoneText(cell: CellObject | undefined): string {
  if (cell && cell.t === 'n' && typeof cell.v === 'number' && Number.isSafeInteger(cell.v) && cell.v > 0) {
    return String(cell.v);
  }
  return cellText(cell);
}

/** Dense SheetJS rows: `rows[r]` may be missing for empty rows, `rows[r][c]` for empty cells. */
export function sheetGrid(rows: readonly (readonly (CellObject | undefined)[] | undefined)[]): Grid {
  return {
    rowCount: rows.length,
    width: (r) => rows[r]?.length ?? 0,
    text: (r, c) => cellText(rows[r]?.[c]),
    phoneText: (r, c) => cellPhoneText(rows[r]?.[c]),
  };
}

/** True when every cell of row r is blank. */
export function isBlankRow(grid: Grid, r: number): boolean {
  const w = grid.width(r);
  for (let c = 0; c < w; c++) if (grid.text(r, c).trim() !== '') return false;
  return true;
}
