/**
 * Public API of the PowerShell generator (issue: ready-to-run PowerShell).
 */
export { generateScripts, STAGES, SCRIPT_FILE_NAMES } from './generate.js';
export { discoveryScript } from './discovery-script.js';
export { DISCOVERY_FILE_NAME, DISCOVERY_FORMAT } from './stages/00-discovery.js';
export type { ScriptFile, GenerateOptions } from './generate.js';
export { RUNBOOK_FILE } from './runbook.js';
export { psQuote, sanitizeScriptText, POWERSHELL_SINGLE_QUOTES } from './quote.js';
export { sha256, sha256Hex, sha256HexOfText } from './sha256.js';
export { canonicalJson, planSha256 } from './plan-hash.js';
export { toScriptBytes, toCrlf } from './encode.js';
export { GENERATOR_VERSION } from './version.js';
export { DATA_SECTION_BEGIN, DATA_SECTION_END } from './data-section.js';
export {
  parseVerificationCsv,
  readVerificationCsv,
  applyVerification,
  verificationKey,
  VerificationCsvError,
  VERIFICATION_FILE_NAME,
  VERIFICATION_KINDS,
} from './verification.js';
export type { VerificationRow, VerificationIssue, VerificationKind, VerificationStatus } from './verification.js';
