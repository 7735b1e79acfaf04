/**
 * Strings that an .xlsx cannot hold exactly. XML normalizes CR LF to LF, Excel and SheetJS decode
 * `_xHHHH_` sequences inside text, and lone UTF-16 surrogates cannot be encoded at all. Such
 * strings are written in a readable form in their cell and, exactly, as ASCII-only JSON in the
 * hidden `_exact` sheet. On reading, the exact value is used only while the cell still shows the
 * readable form: a cell edited by hand wins.
 */

/** SheetJS also decodes entity-like text (`&amp;`) in a cell a second time. */
const ENTITY = /&(?=(?:quot|apos|gt|lt|amp|#x?[\da-fA-F]+);)/gi;
// Control characters other than tab and line feed: the writer (ExcelJS) drops them, XML 1.0 cannot hold them.
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;
const UNSAFE = /\r|_x[0-9a-fA-F]{4}_|[\uD800-\uDFFF]|[\uFFFE\uFFFF]|[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]|&(?:quot|apos|gt|lt|amp|#x?[\da-fA-F]+);/i;

/** Lone surrogates, non-characters and control characters → U+FFFD, CR (LF) → LF, `_xHHHH_` → `_x HHHH_`, `&amp;` → `&\u2060amp;`. */
function readable(s: string): string {
  let out = s
    .replace(/\r\n?/g, '\n')
    .replace(ENTITY, '&\u2060')
    .replace(/_x(?=[0-9a-fA-F]{4}_)/g, '_x ')
    .replace(/[\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(CONTROL, '\uFFFD');
  out = out.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return out;
}

export function isSafeText(s: string): boolean {
  if (!UNSAFE.test(s)) return true;
  // Only surrogates and they are all properly paired: safe.
  return readable(s) === s;
}

/** JSON of a string using only ASCII, with `_` and `&` escaped so neither `_xHHHH_` nor `&amp;` can appear. */
export function exactJson(s: string): string {
  return JSON.stringify(s).replace(/[^\x20-\x7e]|[_&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface ExactEntry {
  sheet: string;
  cell: string;
  shown: string;
  exact: string;
}

/** Collects the exact values while sheets are written. */
export class ExactTexts {
  readonly entries: ExactEntry[] = [];
  /** The text to put in the cell. */
  cellText(sheet: string, cell: string, s: string): string {
    if (isSafeText(s)) return s;
    const shown = readable(s);
    this.entries.push({ sheet, cell, shown, exact: exactJson(s) });
    return shown;
  }
}

/** Exact values read back: sheet!cell → {shown, exact}. */
export class ExactLookup {
  private readonly map = new Map<string, { shown: string; exact: string }>();
  add(sheet: string, cell: string, shown: string, exact: string): void {
    this.map.set(`${sheet}!${cell}`, { shown, exact });
  }
  resolve(sheet: string, cell: string, text: string): string {
    const hit = this.map.get(`${sheet}!${cell}`);
    if (!hit || hit.shown !== text) return text;
    try {
      const v: unknown = JSON.parse(hit.exact);
      return typeof v === 'string' ? v : text;
    } catch {
      return text;
    }
  }
}
