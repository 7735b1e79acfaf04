/** Small wording helpers for the sizing components. */

export { plural } from '../../../lib/view/index.js';

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
