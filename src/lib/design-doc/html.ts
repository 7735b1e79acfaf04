/** HTML text helpers for the design document: every plan value goes through `esc`. */

const ENT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value, escaped; lone surrogates and control characters become U+FFFD. */
export function esc(value: unknown): string {
  const s = String(value ?? '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, '\uFFFD');
  return s.replace(/[&<>"']/g, (c) => ENT[c] ?? c);
}

/** A number with thousands separators (en-US, as the rest of the planner). */
export const n = (x: number) => x.toLocaleString('en-US');

/** "1 user", "2 users". */
export const count = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

/** A <table> from a header and rows of already-escaped cell HTML. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], cls = ''): string {
  if (rows.length === 0) return '<p class="muted">None.</p>';
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}
