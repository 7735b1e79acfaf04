/** Words for what the import found: layouts, file formats, counts. */
import type { UserListLayout, UserListResult } from '../../../lib/index.js';

export const LAYOUT_LABEL: Readonly<Record<UserListLayout, string>> = {
  'm365-admin-center': 'Microsoft 365 admin center export (Active users)',
  'entra-download-users': 'Microsoft Entra admin center export (Download users)',
  'teams-powershell': 'Teams PowerShell export (Get-CsOnlineUser)',
  generic: 'User list with its own columns (matched by header name)',
  unknown: 'Not recognized: choose the columns below',
};

export const FORMAT_LABEL: Readonly<Record<UserListResult['format'], string>> = {
  xlsx: 'Excel workbook (.xlsx)',
  xls: 'Excel 97–2003 workbook (.xls)',
  ods: 'OpenDocument spreadsheet (.ods)',
  csv: 'CSV text',
  text: 'Text (tab-separated or similar)',
  workbook: 'Spreadsheet',
  unknown: 'Unknown',
};

export const fmt = (n: number) => n.toLocaleString('en-US');

export { plural } from '../../../lib/view/index.js';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
