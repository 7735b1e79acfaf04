/**
 * A small RFC 4180 CSV reader. SheetJS would turn `=1+1` into a formula, `00123` into 123 and
 * `1/2` into a date; lists of users must keep cell text exactly, so text files are parsed here.
 * Single pass, no regular expressions, quotes may span lines, `""` is an escaped quote.
 */

export type Delimiter = ',' | ';' | '\t';

/** Field counts per line of the first lines, quote-aware, for one delimiter. */
function maxFields(sample: string, delim: string): number {
  let best = 0;
  let fields = 1;
  let inQuotes = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === delim) fields++;
    else if (!inQuotes && c === '\n') {
      if (fields > best) best = fields;
      fields = 1;
    }
  }
  return Math.max(best, fields);
}

/**
 * The delimiter that splits the widest line of the first 30 lines into the most fields (the
 * header line of an export has dozens of columns; a title row above it rarely more than one).
 * Ties prefer tab, then semicolon, then comma: a European list often has commas inside values.
 */
export function sniffDelimiter(text: string): Delimiter {
  let end = 0;
  for (let lines = 0; lines < 30 && end !== -1 && end < text.length; lines++) end = text.indexOf('\n', end + 1);
  const sample = end === -1 ? text.slice(0, 200_000) : text.slice(0, Math.min(end + 1, 200_000));
  const tab = maxFields(sample, '\t');
  const semi = maxFields(sample, ';');
  const comma = maxFields(sample, ',');
  if (tab >= semi && tab >= comma && tab > 1) return '\t';
  if (semi > comma) return ';';
  return ',';
}

/**
 * Parse CSV text into rows of cells. `maxRows` stops early (the caller reports the file as too
 * large); the returned flag says whether it did.
 */
export function parseCsv(text: string, delim: Delimiter, maxRows = Infinity): { rows: string[][]; truncated: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  const d = delim.charCodeAt(0);
  while (i < n) {
    // One field.
    let value: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      let out = '';
      let start = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          out += text.slice(start);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 34) {
          out += text.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        out += text.slice(start, q);
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the delimiter is kept (lenient, like Excel).
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
        j++;
      }
      value = j > i ? out + text.slice(i, j) : out;
      i = j;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
        j++;
      }
      value = text.slice(i, j);
      i = j;
    }
    row.push(value);
    // Field end: delimiter, line end or text end.
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) row.push('');
      continue;
    }
    // CR, LF or CRLF ends the row.
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    rows.push(row);
    row = [];
    if (rows.length >= maxRows) return { rows, truncated: i < n };
  }
  if (row.length > 0) rows.push(row);
  return { rows, truncated: false };
}
