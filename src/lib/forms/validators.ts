/**
 * Validators shared by the object forms (sites, numbers, resource accounts, policies). Each returns
 * '' when the value is fine, else a message a Teams admin understands. Kept out of domain/ so the
 * domain model never depends on the checks (teamsNameProblem reuses the P4 name rule).
 */
import type { E164, Id, NumberKind } from '../domain/model.js';
import { NUMBER_KIND_LABEL } from '../domain/model.js';
import { policyNameProblem } from '../checks/policies.js';
import { isKnownCountry } from '../domain/country-codes.js';

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(s: string): boolean {
  return GUID_RE.test(s.trim());
}

/** An optional GUID (LIS location id, Entra object id): empty is fine. */
export function guidProblem(s: string): string {
  const t = s.trim();
  if (t === '' || isGuid(t)) return '';
  return 'Enter a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6, or leave it empty.';
}

/** A user principal name: name@domain with a dot in the domain, no spaces. */
export function upnProblem(upn: string): string {
  const t = upn.trim();
  if (t === '') return 'Enter the user principal name, e.g. sc-seattle@contoso.com.';
  if (/\s/.test(t)) return 'A UPN cannot contain spaces.';
  const m = /^([^@]+)@([^@]+)$/.exec(t);
  if (!m) return 'A UPN has exactly one "@", e.g. sc-seattle@contoso.com.';
  const [, local = '', domain = ''] = m;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return 'The part before "@" cannot start or end with a dot or hold two dots in a row.';
  if (!/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]+$/.test(local)) return 'The part before "@" holds a character a UPN cannot contain.';
  if (!/^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/.test(domain)) {
    return `"${domain}" is not a valid domain name.`;
  }
  return '';
}

/** Names that must be present and unique (case-insensitive) within one list. */
/**
 * A Teams policy identity or PSTN usage name: the same conservative character rule as Shared
 * Calling policy names (P4), so a name Teams would refuse is caught here, not at run time.
 */
export function teamsNameProblem(name: string): string {
  return name.trim() === '' ? '' : policyNameProblem(name.trim());
}

/** The first PSTN usage in a list whose name Teams would refuse, with the reason. */
export function usagesProblem(usages: readonly string[]): string {
  for (const u of usages) {
    const problem = teamsNameProblem(u);
    if (problem) return `PSTN usage "${u.slice(0, 40)}": ${problem.replace(/^The name/, 'it')}`;
  }
  return '';
}

export function nameProblem(name: string, others: readonly { id: Id; name: string }[], selfId: Id, what: string): string {
  const t = name.trim();
  if (t === '') return `Give the ${what} a name.`;
  const lower = t.toLowerCase();
  const clash = others.find((o) => o.id !== selfId && o.name.trim().toLowerCase() === lower);
  return clash ? `Another ${what} is already called "${clash.name}"; names are not case-sensitive.` : '';
}

/**
 * ISO 3166-1 alpha-2 code of a country libphonenumber-js knows (any case). "UK" is the common
 * mistake: the United Kingdom's code is GB.
 */
export function countryProblem(code: string): string {
  const t = code.trim().toUpperCase();
  if (t === '') return 'Choose the country.';
  if (t === 'UK') return 'UK is not an ISO country code: the United Kingdom is GB.';
  if (!/^[A-Z]{2}$/.test(t)) return 'Enter a two-letter ISO country code, e.g. US or GB.';
  if (!isKnownCountry(t)) return `${t} is not a country code the planner knows (ISO 3166-1, e.g. US, GB, DE).`;
  return '';
}

/** Countries where no carrier emergency database upload is needed (E6). */
export function isNorthAmerica(country: string): boolean {
  const c = country.trim().toUpperCase();
  return c === 'US' || c === 'CA';
}

export function numberKindProblem(e164: string, kind: NumberKind, tollFree: boolean): string {
  if (tollFree && kind === 'callingPlanSubscriber') {
    return `${e164} is a toll-free number; it cannot be a ${NUMBER_KIND_LABEL.callingPlanSubscriber} number.`;
  }
  if (!tollFree && kind === 'callingPlanTollFreeService') {
    return `${e164} is not a toll-free number; choose ${NUMBER_KIND_LABEL.callingPlanService}.`;
  }
  return '';
}

/** Split pasted text into number entries: one per line, or separated by commas or semicolons. */
export function splitNumberList(text: string): string[] {
  return text
    .split(/[\r\n,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export const MAX_RANGE = 1000;

/**
 * `count` consecutive numbers starting at `from` (E.164), e.g. +12065550110 × 10 →
 * +12065550110 … +12065550119. The caller validates each result (a range can run past the end of
 * a block). Returns [] when the count is out of range.
 */
export function expandRange(from: E164, count: number): string[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_RANGE) return [];
  const start = BigInt(from.slice(1));
  const width = from.length - 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const digits = (start + BigInt(i)).toString();
    // Carrying into an extra digit (…999 → …1000) leaves the numbering plan's block: stop there.
    if (digits.length !== width) break;
    out.push(`+${digits}`);
  }
  return out;
}

/** An optional extension range: both ends empty (none) or whole numbers with from ≤ to. */
export function extensionRangeProblem(from: string, to: string): string {
  const f = from.trim();
  const t = to.trim();
  if (f === '' && t === '') return '';
  if (f === '' || t === '') return 'Enter both ends of the extension range, or neither.';
  if (!/^\d{1,9}$/.test(f) || !/^\d{1,9}$/.test(t)) return 'Extensions are whole numbers (digits only).';
  if (Number(f) > Number(t)) return 'The range must start at or below where it ends.';
  return '';
}

/** Duplicates within a list of strings (compared trimmed), for E5 and number batches. */
export function duplicates(values: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    const t = v.trim();
    if (t === '') continue;
    if (seen.has(t)) dup.add(t);
    else seen.add(t);
  }
  return dup;
}
