/** What a stage module provides; `generate.ts` assembles the file around it. */
import type { DataPart } from './data-section.js';

export interface StageSpec {
  /** File name, e.g. `02-resource-accounts.ps1`. */
  file: string;
  /** Two-digit stage number, e.g. `02`. */
  number: string;
  /** Short name used in log file names, e.g. `resource-accounts`. */
  name: string;
  synopsis: string;
  /** Help `.DESCRIPTION` paragraphs (fixed text, no plan data). */
  description: string[];
  /** Rule ids this stage implements (shared-calling.md §2), printed in the header. */
  rules: string[];
  /** Which parts of the plan data the stage embeds. */
  data: DataPart[];
  /** Extra `param()` entries (fixed PowerShell), each a list of lines without trailing comma. */
  extraParams?: string[][];
  /** Extra `.PARAMETER` help: [name, text]. */
  extraParamHelp?: [string, string][];
  /** `ConfirmImpact` of the script's CmdletBinding (rollback uses High). */
  confirmImpact?: 'High';
  /** Fixed PowerShell code of the stage body (LF line ends, no plan data). */
  body: string;
}
