/**
 * Export helpers for the UI: a PowerShell tokenizer for the script preview, per-stage counts and
 * the README of the scripts zip. Pure: no DOM, no markup (the UI renders tokens as text nodes).
 */
export { tokenize, tokenizeLines, countLines, firstLines, type Token, type TokenType } from './tokenize.js';
export { stageSummaries, batchCount, BATCH_LIMIT, RUNBOOK_SUMMARY, type StageSummary, type StageCount } from './summary.js';
export { renderReadme, README_FILE, type ReadmeInput } from './readme.js';
export { zipFileName, sanitizeFileStem } from './file-names.js';
