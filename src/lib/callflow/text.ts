/**
 * Text measuring without a DOM: the call-flow diagram is laid out in pure code (tests, worker,
 * page alike), so label widths are estimated from per-character widths of a typical sans-serif
 * font. The estimate errs on the wide side so that labels never spill out of their boxes.
 */

/** Width of one character in ems: generous (DejaVu Sans class widths), so labels rarely spill. */
function charEm(ch: string): number {
  if (" .,;:!|'’`ijlI".includes(ch)) return 0.34;
  if ('ftr()[]{}-'.includes(ch)) return 0.44;
  if ('mwMW@'.includes(ch)) return 0.95;
  if (ch >= '0' && ch <= '9') return 0.64;
  if (ch >= 'A' && ch <= 'Z') return 0.72;
  // Wide scripts (CJK and friends) take a full em.
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x1100 && code <= 0xffdc) return 1;
  return 0.6;
}

/** Measures the rendered width in px of `text` at `fontSize` px; the browser passes a canvas-based one. */
export type Measure = (text: string, fontSize: number, bold: boolean) => number;

/** Estimated width in px of `text` at `fontSize` px (the default Measure, also used in Node). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize * (bold ? 1.08 : 1);
}

export interface FittedText {
  /** What is drawn (possibly shortened, ending in "…"). */
  text: string;
  /** The complete label, for a <title> tooltip when shortened. */
  full: string;
  truncated: boolean;
}

const ELLIPSIS = '…';

export interface TextStyle {
  fontSize: number;
  bold?: boolean;
  measure?: Measure;
}

function widthOf(text: string, style: TextStyle): number {
  return (style.measure ?? textWidth)(text, style.fontSize, style.bold ?? false);
}

/** Shorten `text` with "…" so it fits `maxWidth` px; whole code points only. */
export function fitText(text: string, maxWidth: number, style: TextStyle): FittedText {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (widthOf(clean, style) <= maxWidth) return { text: clean, full: clean, truncated: false };
  const points = [...clean];
  // Binary search the longest prefix that fits with the ellipsis (width grows with length).
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (widthOf(points.slice(0, mid).join('').trimEnd() + ELLIPSIS, style) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return { text: points.slice(0, lo).join('').trimEnd() + ELLIPSIS, full: clean, truncated: true };
}

/**
 * Word-wrap `text` into at most `maxLines` lines of `maxWidth` px; the last line is shortened
 * with "…" when the text does not fit. Words longer than a line are cut.
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle, maxLines: number): FittedText[] {
  const words = text
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current === '' || widthOf(candidate, style) <= maxWidth) {
      current = candidate;
    } else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length === 0 || maxLines < 1) return [];
  const kept = lines.slice(0, maxLines);
  const overflow = lines.length > maxLines;
  return kept.map((line, i) => {
    if (i === kept.length - 1 && overflow) {
      const rest = lines.slice(i).join(' ');
      const fitted = fitText(`${line} ${lines[i + 1] ?? ''}`, maxWidth, style);
      return { text: fitted.text, full: rest, truncated: true };
    }
    return fitText(line, maxWidth, style);
  });
}

import { formatCount, plural } from '../domain/words.js';
export { formatCount, plural };

export interface UserSummary {
  /** "4,812 users" */
  count: string;
  /** The first few names, as given. */
  names: string[];
  /** "and 4,810 more" or '' */
  more: string;
  /** One line: "4,812 users: Ana Lee, Ben Ode and 4,810 more". */
  text: string;
}

/**
 * Summarize a (possibly huge) list of users: the count, the first `shown` names and how many more.
 * `total` may exceed `names.length` (callers collect only the first few names of 100,000 users).
 */
export function summarizeUsers(names: readonly string[], total: number, shown = 2): UserSummary {
  const first = names.slice(0, Math.min(shown, total));
  const rest = total - first.length;
  const count = plural(total, 'user');
  const more = rest > 0 ? `and ${formatCount(rest)} more` : '';
  let text: string;
  if (total === 0) text = 'No users';
  else if (rest > 0) text = `${count}: ${first.join(', ')} ${more}`;
  else if (first.length > 1) text = `${count}: ${first.slice(0, -1).join(', ')} and ${first.at(-1) ?? ''}`;
  else text = `${count}: ${first.join('')}`;
  return { count, names: first, more, text };
}
