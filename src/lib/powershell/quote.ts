/**
 * The one way plan data enters a generated script: as a single-quoted PowerShell literal.
 *
 * PowerShell treats five characters as single quotes: ' (U+0027), ‘ (U+2018), ’ (U+2019),
 * ‚ (U+201A) and ‛ (U+201B). Inside a single-quoted string a pair of them stands for one quote
 * character, and nothing else is special: no `$` expansion, no backtick escapes, no sub-expressions.
 * Doubling every one of the five therefore keeps any value inert (architecture.md, house style).
 *
 * Before quoting, `sanitizeScriptText` keeps every value on one line and free of characters that
 * could mislead a reviewer:
 *   - CR, LF, NEL (U+0085), LS (U+2028), PS (U+2029), VT, FF and NUL become a space: a newline is
 *     legal inside a PowerShell literal, but one-line data keeps the data section reviewable and line
 *     comments (the header names the plan) cannot be ended early;
 *   - every other C0/C1 control character (tab excepted) becomes a space;
 *   - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) become U+FFFD,
 *     so the script reads on screen the way PowerShell parses it (Trojan Source, CVE-2021-42574);
 *     plain direction marks (LRM U+200E, RLM U+200F, ALM U+061C) are kept: names need them;
 *   - unpaired UTF-16 surrogates become U+FFFD (they cannot be written as UTF-8).
 */

const NEEDS_WORK = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF'\u2018\u2019\u201A\u201B]/;
const CONTROLS = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/g;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/** The characters PowerShell reads as a single quote. */
export const POWERSHELL_SINGLE_QUOTES: readonly string[] = ["'", '\u2018', '\u2019', '\u201A', '\u201B'];

/** One-line, control-free form of a value (see the module comment). Quotes are left alone. */
export function sanitizeScriptText(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return value.replace(LONE_SURROGATES, '\uFFFD').replace(CONTROLS, ' ').replace(BIDI_CONTROLS, '\uFFFD');
}

/**
 * Quote a value as a PowerShell single-quoted literal. The only function that writes plan data
 * into a script.
 */
export function psQuote(value: string): string {
  if (!NEEDS_WORK.test(value)) return "'" + value + "'";
  return "'" + sanitizeScriptText(value).replace(SINGLE_QUOTES, (q) => q + q) + "'";
}
