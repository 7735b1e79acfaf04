/** Country text typed into a form → ISO code (libphonenumber-js metadata: load only where a form needs it). */
import { countryProblem } from './validators.js';
import { knownCountries } from '../domain/phone.js';
import { toCountryCode } from '../spreadsheet/countries.js';

/** A typed country (code or name) as its code, and a note when the text was changed ("UK" → GB). */
export function normalizeCountryInput(text: string): { code: string; note: string } {
  const t = text.trim();
  if (t.toUpperCase() === 'UK') return { code: 'GB', note: 'UK was changed to GB, the ISO code of the United Kingdom.' };
  if (countryProblem(t) === '') return { code: t.toUpperCase(), note: '' };
  const lower = t.toLowerCase();
  const byName = knownCountries().find(([, name]) => name.toLowerCase() === lower)?.[0] ?? toCountryCode(t);
  return byName ? { code: byName, note: '' } : { code: t, note: '' };
}
