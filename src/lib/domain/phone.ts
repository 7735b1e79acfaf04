/**
 * Phone numbers are validated once, at the edge (architecture.md convention 3): text from a
 * spreadsheet or a form goes through `toE164`, and from then on code trusts the `E164` brand.
 *
 * The `max` metadata is used because number *types* matter here (toll-free detection for the
 * number inventory, RA4/EN3); the `min` metadata leaves the type unknown for many numbers.
 */
import { getCountries, parsePhoneNumberFromString, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import type { E164 } from './model.js';

export type PhoneFailure = 'empty' | 'scientific' | 'too-long' | 'no-region' | 'invalid';

export type PhoneResult = { ok: true; e164: E164; ext?: string; country?: string } | { ok: false; reason: PhoneFailure; message: string };

const E164_RE = /^\+[1-9]\d{6,14}$/;
/** Excel's display of a long number, e.g. `1.42556E+10`: the digits are gone and must not be guessed. */
const SCIENTIFIC_RE = /^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/;
/** Longer input is not a phone number; refusing it early keeps the parser's work bounded. */
const MAX_INPUT = 80;

export function isE164(s: string): s is E164 {
  return E164_RE.test(s);
}

let regionNames: Intl.DisplayNames | null | undefined;
/** English name of an ISO region code from Intl.DisplayNames; undefined where the runtime has none. */
export function countryName(code: string): string | undefined {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  try {
    const name = regionNames?.of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined; // not a well-formed region code
  }
}

/** "United States (US)"; the code alone where the runtime has no display names. */
export function countryLabel(code: string): string {
  const name = countryName(code);
  return name ? `${name} (${code})` : code;
}

export { isKnownCountry } from './country-codes.js';

let countryList: readonly (readonly [string, string])[] | undefined;
/** Every country libphonenumber-js knows, with its English name, sorted by name. */
export function knownCountries(): readonly (readonly [string, string])[] {
  countryList ??= getCountries()
    .map((c) => [c, countryName(c) ?? c] as const)
    .sort((a, b) => a[1].localeCompare(b[1], 'en'));
  return countryList;
}

/**
 * Why a number is invalid, naming the country it was read for, and the likely fix when the digits
 * are a valid international number whose "+" Excel dropped (a cell typed as a number).
 */
function invalidMessage(text: string, country: string | undefined): string {
  const where = country ? ` for ${countryLabel(country)}` : '';
  const digits = text.replace(/[\s().-]/g, '');
  if (!text.startsWith('+') && /^\d{8,15}$/.test(digits)) {
    const plus = parsePhoneNumberFromString(`+${digits}`);
    if (plus?.isValid()) {
      return `"${text}" is not a valid phone number${where}. With a leading "+" it is ${plus.number}, a valid number in ${countryLabel(plus.country ?? '')}: Excel probably dropped the "+" (the column was stored as numbers). Add the "+" in the source, or format the column as text before exporting.`;
    }
  }
  return `"${text}" is not a valid phone number${where}.`;
}

function fail(reason: PhoneFailure, message: string): PhoneResult {
  return { ok: false, reason, message };
}

/** A region libphonenumber knows, upper-cased; undefined otherwise. */
function region(code: string | undefined): CountryCode | undefined {
  if (!code) return undefined;
  const c = code.trim().toUpperCase();
  return isSupportedCountry(c) ? c : undefined;
}

/**
 * Normalize a phone number written any common way (`tel:+14255550100;ext=100`, `+1 (425) 555-0100
 * x12`, `425-555-0100` with region `US`, `020 7946 0100` with region `GB`) to E.164.
 * `defaultRegion` is the user's usage location: it only applies to national formats.
 */
export function toE164(input: string, defaultRegion?: string): PhoneResult {
  let text = input.trim();
  if (text === '') return fail('empty', 'No phone number given.');
  if (text.length > MAX_INPUT) return fail('too-long', 'This is too long to be a phone number.');
  if (SCIENTIFIC_RE.test(text)) {
    return fail(
      'scientific',
      `"${text}" is a number Excel showed in scientific notation; its digits are lost. Re-export the list with the column formatted as text.`,
    );
  }
  if (/^tel:/i.test(text)) text = text.slice(4).trim();
  const reg = region(defaultRegion);
  const parsed = parsePhoneNumberFromString(text, reg);
  if (!parsed) {
    const hasPlus = text.startsWith('+') || text.startsWith('00');
    if (!hasPlus && !reg) {
      return fail('no-region', `"${text}" has no country code and the user has no usage location to supply one.`);
    }
    return fail('invalid', invalidMessage(text, reg));
  }
  if (!parsed.isValid()) return fail('invalid', invalidMessage(text, parsed.country ?? reg));
  const e164 = parsed.number;
  if (!isE164(e164)) return fail('invalid', `"${text}" is not a valid phone number.`);
  const result: PhoneResult = { ok: true, e164 };
  if (parsed.ext) result.ext = parsed.ext;
  if (parsed.country) result.country = parsed.country;
  return result;
}

export interface NumberKindHint {
  tollFree: boolean;
  /** ISO country of the number; undefined for non-geographic numbers (e.g. +800). */
  country: string | undefined;
}

/** What the number itself says about its kind: toll-free or not, and its country. */
export function numberKindHint(e164: E164): NumberKindHint {
  const parsed = parsePhoneNumberFromString(e164);
  return { tollFree: parsed?.getType() === 'TOLL_FREE', country: parsed?.country };
}
