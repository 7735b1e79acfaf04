/**
 * Find the header row: exports may have title rows above it ("Contoso users, exported …") and
 * Windows PowerShell's Export-Csv writes `#TYPE …` first. The header is the row among the first
 * 50 that names the most known columns, preferring one that names a UPN column.
 */
import type { Grid } from './grid.js';
import { isBlankRow } from './grid.js';
import { isKnownHeader, isUpnHeader, normalizeHeader } from './fields.js';

const SCAN_ROWS = 50;

export function rowTexts(grid: Grid, r: number): string[] {
  const w = grid.width(r);
  const out = new Array<string>(w);
  for (let c = 0; c < w; c++)
    out[c] = grid
      .text(r, c)
      .replace(/^\uFEFF/, '')
      .trim();
  // Trailing empty cells are not columns.
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** 0-based header row index, or -1 when the sheet has no non-blank row. */
export function findHeaderRow(grid: Grid, explicitHeaders?: ReadonlySet<string>): number {
  let best = -1;
  let bestScore = 0;
  let firstNonBlank = -1;
  const limit = Math.min(grid.rowCount, SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    if (isBlankRow(grid, r)) continue;
    const cells = rowTexts(grid, r);
    if (cells.length === 1 && cells[0]?.startsWith('#TYPE')) continue;
    if (firstNonBlank === -1) firstNonBlank = r;
    let score = 0;
    for (const cell of cells) {
      if (explicitHeaders) {
        if (explicitHeaders.has(cell)) score += 1;
        continue;
      }
      const n = normalizeHeader(cell);
      if (isUpnHeader(n)) score += 100;
      else if (isKnownHeader(n)) score += 1;
    }
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best !== -1 ? best : firstNonBlank;
}
