/**
 * Who holds a number: the one normalization of the numbers users hold today (`currentNumber`, free
 * text from a user list) and the one index of holders. Rules differ only in whether a `;ext=`
 * number counts, and each says so:
 * - a number's "user" use, and the numbers a resource account may pick: only users holding the
 *   number as their own line; an extension number on the same digits is allowed (V3);
 * - callback numbers (EN6, and sizing's Apply): the digits must be free of any user, with or
 *   without an extension.
 */
import type { Plan, User } from './model.js';

/**
 * `tel:+1 (425) 555-0100;ext=12` → `{ base: '+14255550100', ext: '12' }` (also ` x12` and
 * ` ext. 12`). `base` is '' when there are no digits.
 */
export function splitNumber(raw: string): { base: string; ext: string } {
  let s = raw.trim();
  // Fast path: most numbers are plain E.164 already.
  if (s.charCodeAt(0) === 43 /* + */ && /^\+\d+$/.test(s)) return { base: s, ext: '' };
  if (s.toLowerCase().startsWith('tel:')) s = s.slice(4);
  let ext = '';
  const m = /;ext=|\s+(?:x|ext\.?)\s*(?=\d)/i.exec(s);
  if (m) {
    ext = s.slice(m.index + m[0].length).trim();
    s = s.slice(0, m.index);
  }
  const digits = s.replace(/\D/g, '');
  return { base: digits === '' ? '' : `+${digits}`, ext };
}

export interface Holders {
  /** The first user holding the number as their own line. */
  own: User | undefined;
  /** The first user holding an extension number (`;ext=`) on these digits. */
  withExtension: User | undefined;
}

const cache = new WeakMap<readonly User[], Map<string, Holders>>();

/** Base E.164 → who holds it; once per users array (users are immutable, see model.ts). */
export function numberHolders(plan: Plan): Map<string, Holders> {
  let map = cache.get(plan.users);
  if (map) return map;
  map = new Map();
  for (const u of plan.users) {
    if (u.currentNumber === '') continue;
    const { base, ext } = splitNumber(u.currentNumber);
    if (base === '') continue;
    let h = map.get(base);
    if (!h) map.set(base, (h = { own: undefined, withExtension: undefined }));
    if (ext === '') h.own ??= u;
    else h.withExtension ??= u;
  }
  cache.set(plan.users, map);
  return map;
}

/** The user holding `e164` as their own line (V3 extension numbers excluded), or undefined. */
export const ownHolder = (plan: Plan, e164: string): User | undefined => numberHolders(plan).get(e164)?.own;

/** Any user holding `e164`'s digits, own line first, then an extension number (EN6). */
export function anyHolder(plan: Plan, e164: string): User | undefined {
  const h = numberHolders(plan).get(e164);
  return h?.own ?? h?.withExtension;
}
