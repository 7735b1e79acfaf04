/** Small helpers about phone numbers and number kinds used by several rule families. */
import type { NumberKind } from '../domain/model.js';

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

export { formatCount, plural } from '../domain/words.js';
