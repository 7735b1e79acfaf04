/** Small helpers about phone numbers and number kinds used by several rule families. */
import type { NumberKind } from '../domain/model.js';
import { NUMBER_KIND_LABEL } from '../domain/model.js';

/** "an Operator Connect number", "a Calling Plan subscriber number": words, never enum names. */
export function numberKindPhrase(kind: NumberKind): string {
  const label = NUMBER_KIND_LABEL[kind];
  return `${/^[AEIOU]/.test(label) ? 'an' : 'a'} ${label} number`;
}

/** The one normalization of a held number (domain/holders.ts). */
export { splitNumber } from '../domain/holders.js';

/** Calling Plan service numbers (toll or toll-free) on a resource account (RA9, EN3, C1). */
export function isCallingPlanService(kind: NumberKind): boolean {
  return kind === 'callingPlanService' || kind === 'callingPlanTollFreeService';
}

/** The number kinds a resource account can carry for Shared Calling (RA1, RA4). */
export function isResourceAccountKind(kind: NumberKind): boolean {
  return kind !== 'callingPlanSubscriber';
}

export { formatCount, plural } from '../domain/words.js';
