/** Small helpers about phone numbers and number kinds used by several rule families. */
import type { NumberKind } from '../domain/model.js';
import { NUMBER_KIND_LABEL } from '../domain/model.js';

/** "an Operator Connect number", "a Calling Plan subscriber number": words, never enum names. */
export function numberKindPhrase(kind: NumberKind): string {
  const label = NUMBER_KIND_LABEL[kind];
  return `${/^[AEIOU]/.test(label) ? 'an' : 'a'} ${label} number`;
}

/** Split `+E164;ext=123` into its base number and extension (V3). Tolerates a `tel:` prefix. */
export function splitNumber(raw: string): { base: string; ext: string } {
  let s = raw.trim();
  // Fast path: most numbers have neither a tel: prefix nor an extension.
  if (s.charCodeAt(0) === 43 /* + */ && !s.includes(';')) return { base: s, ext: '' };
  if (s.toLowerCase().startsWith('tel:')) s = s.slice(4);
  const at = s.toLowerCase().indexOf(';ext=');
  if (at < 0) return { base: s, ext: '' };
  return { base: s.slice(0, at).trim(), ext: s.slice(at + 5).trim() };
}

/** Calling Plan service numbers (toll or toll-free) on a resource account (RA9, EN3, C1). */
export function isCallingPlanService(kind: NumberKind): boolean {
  return kind === 'callingPlanService' || kind === 'callingPlanTollFreeService';
}

/** The number kinds a resource account can carry for Shared Calling (RA1, RA4). */
export function isResourceAccountKind(kind: NumberKind): boolean {
  return kind !== 'callingPlanSubscriber';
}

/** `1,234` without Intl (toLocaleString is slow and locale-dependent). */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
