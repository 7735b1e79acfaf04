/** Public types of the user-list import. */
import type { E164 } from '../domain/model.js';

/** One user as read from a list, before it becomes a plan `User` (see apply-import.ts). */
export interface ImportedUser {
  /** Trimmed, as written in the file; compare with `userKey`. */
  upn: string;
  displayName: string;
  /** ISO 3166-1 alpha-2, upper case. */
  usageLocation?: string;
  /** undefined = the file has no licence information. */
  hasTeamsPhone?: boolean;
  enterpriseVoiceEnabled?: boolean;
  /** The user's Teams number (LineURI or a phone column of a generic list). */
  phoneNumber?: E164;
  /** Extension of `phoneNumber` (`;ext=` / ` x123`). */
  phoneExtension?: string;
  firstName?: string;
  lastName?: string;
  department?: string;
  office?: string;
  city?: string;
  /** Country text as written (a name or a code). */
  country?: string;
  /** Licence text as written (`Licenses` column). */
  licenses?: string;
  /** Directory phone attribute (M365 `Phone number`, Entra `telephoneNumber`): not a Teams number, kept as text. */
  directoryPhone?: string;
  /** Policy names from a Teams PowerShell export. */
  sharedCallingPolicy?: string;
  voiceRoutingPolicy?: string;
  emergencyPolicy?: string;
  /** HiddenFromAddressListsEnabled (Exchange exports): never found by auto attendant search (AA6). */
  hiddenFromAddressLists?: boolean;
  /** 1-based sheet row the user came from (the first one, when duplicates were merged). */
  row: number;
}

export interface RowIssue {
  /** 1-based sheet row; 0 = the whole file. */
  row: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

export type UserListLayout = 'm365-admin-center' | 'entra-download-users' | 'teams-powershell' | 'generic' | 'unknown';

export interface UserListResult {
  layout: UserListLayout;
  users: ImportedUser[];
  issues: RowIssue[];
  /** Header cells of the chosen sheet, in column order. */
  headers: string[];
  /** Source header → field name (see FIELDS). A null-prototype object: headers never reach a prototype. */
  mapping: Record<string, string>;
  sheetNames: string[];
  /** The sheet that was read ('' for text files). */
  sheet: string;
  /** 1-based row of the header; 0 when none was found. */
  headerRow: number;
  /** Data rows looked at (below the header, blank rows included). */
  rowsRead: number;
  /** What the file turned out to be. */
  format: 'xlsx' | 'xls' | 'ods' | 'csv' | 'text' | 'workbook' | 'unknown';
}

export interface ParseOptions {
  /** Sheet to read; default: the first sheet with a recognizable header. */
  sheet?: string;
  /** Source header → field; replaces the automatic mapping. */
  mapping?: Record<string, string>;
  /** Called with 0…1 while rows are processed. */
  onProgress?: (fraction: number) => void;
}
