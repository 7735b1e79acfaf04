/** Small wording helpers for the sizing components. */

/** "1 callback number", "3 callback numbers"; an irregular plural can be given. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

const regions = new Intl.DisplayNames(['en'], { type: 'region' });

/** "US" → "United States (US)"; an unknown code comes back as it is. */
export function countryName(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code || 'the same country';
  try {
    return `${regions.of(code) ?? code} (${code})`;
  } catch {
    return code;
  }
}
