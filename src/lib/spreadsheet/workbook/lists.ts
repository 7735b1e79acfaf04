/**
 * Lists of strings in one cell. Readable form: items joined with "; ". When that would be ambiguous
 * (an item contains ";", is empty, has outer spaces, or the first starts with "["), the cell holds
 * a JSON array instead, which reads back exactly.
 */

const SEP = '; ';

/** A cell that is not a list; `where` says which cell. */
export class ListError extends Error {
  constructor(
    readonly problem: string,
    readonly where: string,
  ) {
    super(`${where}: ${problem}`);
    this.name = 'ListError';
  }
}

export function encodeList(items: readonly string[]): string | null {
  if (items.length === 0) return null;
  const plain = items.every((s) => s !== '' && !s.includes(';') && s.trim() === s && !s.includes('\n'));
  if (plain && !(items[0] ?? '').startsWith('[')) return items.join(SEP);
  return JSON.stringify(items);
}

export function decodeList(cell: string | null, where: string): string[] {
  if (cell === null || cell.trim() === '') return [];
  const t = cell.trim();
  if (t.startsWith('[')) {
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch {
      throw new ListError(`"${t.slice(0, 60)}" starts with "[" but is not a valid list. Separate items with ";".`, where);
    }
    if (!Array.isArray(v) || !v.every((x): x is string => typeof x === 'string')) {
      throw new ListError('the list must contain text items only.', where);
    }
    return v;
  }
  return t
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
