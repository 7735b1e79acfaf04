/** Spreadsheets: user-list import, plan workbook export/import, users CSV. SheetJS is used only here. */
export { parseUserList } from './parse-user-list.js';
export {
  parseNumberInventory,
  applyNumberInventory,
  MAX_INVENTORY_RANGE,
  type InventoryNumber,
  type NumberInventoryLayout,
  type NumberInventoryResult,
  type InventoryMode,
  type InventoryApplyResult,
} from './number-inventory.js';
export type { ImportedUser, RowIssue, UserListResult, UserListLayout, ParseOptions } from './types.js';
export { SCOPE_FLAG } from './types.js';
export { FIELDS, FIELD_LABEL, type Field } from './fields.js';
export {
  applyImport,
  importPreview,
  importPreviewDetails,
  importedToUser,
  type ImportMode,
  type ImportSource,
  type ApplyImportResult,
  type ImportPreview,
  type ImportPreviewDetails,
  type ImportFieldChange,
} from './apply-import.js';
export { writePlanWorkbook, type WriteWorkbookOptions, type WorkbookFinding } from './workbook/write-plan-workbook.js';
export { readPlanWorkbook, readWorkbookUpdate, describeWorkbookIssue, type WorkbookIssue, type WorkbookRead } from './workbook/read-plan-workbook.js';
export { WORKBOOK_FORMAT, WORKBOOK_VERSION } from './workbook/names.js';
export { usersToCsv, csvSafe, rowIssuesToCsv } from './users-csv.js';
export { MAX_BYTES, MAX_ROWS } from './load-file.js';
export { toE164, isE164, numberKindHint, type PhoneResult, type PhoneFailure, type NumberKindHint } from '../domain/phone.js';
export { previewWorkbookUpdate, type WorkbookUpdatePreview } from './workbook/update.js';
