/** The one `plural` (and count format) of the planner: finding messages, the call flow and every screen use it. */

/** 4812 → "4,812" (fixed grouping without Intl, so tests and screenshots do not depend on the locale; toLocaleString is slow too). */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 user", "4,812 users"; an irregular plural can be given. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
