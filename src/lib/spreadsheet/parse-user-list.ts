/**
 * parseUserList: bytes of a user list → users + row issues (architecture.md facade). Never throws
 * on bad input: anything wrong with the file is a row-0 issue, anything wrong with a row a row issue.
 */
import type { Grid } from './grid.js';
import type { ImportedUser, ParseOptions, RowIssue, UserListResult } from './types.js';
import { loadFile } from './load-file.js';
import { findHeaderRow, rowTexts } from './header-row.js';
import { autoMapping, detectLayout, explicitMapping, mappingRecord } from './layout.js';
import { readRows } from './read-rows.js';
import { isUpnHeader, normalizeHeader } from './fields.js';

function emptyResult(format: UserListResult['format'], issues: RowIssue[]): UserListResult {
  return {
    layout: 'unknown',
    users: [],
    issues,
    headers: [],
    mapping: Object.create(null) as Record<string, string>, // null prototype: keys are raw headers
    sheetNames: [],
    sheet: '',
    headerRow: 0,
    rowsRead: 0,
    format,
  };
}

const fileIssue = (code: string, message: string): RowIssue => ({ row: 0, severity: 'error', code, message });

/** The first sheet whose header row names a UPN column, else the first sheet. */
function chooseSheet(names: readonly string[], grid: (s: string) => Grid | undefined): string {
  for (const name of names) {
    const g = grid(name);
    if (!g) continue;
    const hr = findHeaderRow(g);
    if (hr >= 0 && rowTexts(g, hr).some((h) => isUpnHeader(normalizeHeader(h)))) return name;
  }
  return names[0] ?? '';
}

function parse(data: Uint8Array, fileName: string, options: ParseOptions): UserListResult {
  const progress = options.onProgress;
  progress?.(0);
  const loaded = loadFile(data);
  if (!loaded.ok) return emptyResult(loaded.format, [fileIssue(loaded.code, loaded.message)]);
  progress?.(0.5);

  let sheet = '';
  if (loaded.sheetNames.length > 0) {
    if (options.sheet !== undefined && loaded.sheetNames.includes(options.sheet)) sheet = options.sheet;
    else sheet = chooseSheet(loaded.sheetNames, loaded.grid);
  }
  const grid = loaded.grid(sheet);
  const base = { ...emptyResult(loaded.format, []), sheetNames: loaded.sheetNames, sheet };
  if (options.sheet !== undefined && options.sheet !== sheet && loaded.sheetNames.length > 0) {
    base.issues.push({
      row: 0,
      severity: 'warning',
      code: 'sheet-not-found',
      message: `The workbook has no sheet "${options.sheet}"; "${sheet}" was read instead.`,
    });
  }
  if (!grid) return { ...base, issues: [...base.issues, fileIssue('empty-file', 'The workbook has no sheets.')] };

  const explicitKeys = options.mapping ? new Set(Object.keys(options.mapping).map((k) => k.trim())) : undefined;
  const headerIdx = findHeaderRow(grid, explicitKeys);
  if (headerIdx < 0) {
    return { ...base, issues: [...base.issues, fileIssue('empty-file', `${sheet ? `The sheet "${sheet}"` : 'The file'} has no rows.`)] };
  }
  const headers = rowTexts(grid, headerIdx);
  const layout = detectLayout(headers);
  const cols = options.mapping ? explicitMapping(headers, options.mapping) : autoMapping(headers, layout);
  const result: UserListResult = {
    ...base,
    layout: cols.has('upn') ? layout : 'unknown',
    headers,
    mapping: mappingRecord(headers, cols),
    headerRow: headerIdx + 1,
  };
  if (!cols.has('upn')) {
    const shown = headers
      .slice(0, 12)
      .map((h) => `"${h.slice(0, 40)}"`)
      .join(', ');
    result.issues.push(
      fileIssue(
        'no-upn-column',
        `No column with user principal names was found (headers in row ${headerIdx + 1}: ${shown || 'none'}). Choose the UPN column in the column mapping.`,
      ),
    );
    return result;
  }

  const rows = readRows(grid, headerIdx, cols, progress ? (f) => progress(0.5 + f / 2) : undefined);
  result.users = rows.users;
  result.rowsRead = rows.rowsRead;
  result.issues.push(...rows.issues);
  if (rows.users.length === 0 && !rows.issues.some((i) => i.severity === 'error')) {
    result.issues.push(fileIssue('no-users', `The list has a header row but no users${fileName ? ` (${fileName})` : ''}.`));
  }
  return result;
}

export function parseUserList(data: Uint8Array, fileName: string, options: ParseOptions = {}): UserListResult {
  try {
    return parse(data, fileName, options);
  } catch (e) {
    // A bug or an input SheetJS chokes on in an unexpected way: still no exception for the caller.
    const text = e instanceof Error ? e.message : String(e);
    return emptyResult('unknown', [fileIssue('unreadable', `The file could not be read (${text.slice(0, 200)}).`)]);
  }
}

export type { ImportedUser };
