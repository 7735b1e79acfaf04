/**
 * The one rule for "may this number be a callback number of a policy whose resource account has
 * that number" (shared-calling.md §2.8 EN3, EN4). The EN3/EN4 checks, sizing's "apply the
 * recommendation" (qualifyingCallbackNumbers) and the policy editor all ask this function.
 * Availability (EN6: not held by a user or an account; EN7: in one policy only) is asked separately.
 */
import type { NumberKind } from '../domain/model.js';
import { NUMBER_KIND_LABEL, teamsNumberType } from '../domain/model.js';
import { isCallingPlanService, isResourceAccountKind } from './numbers.js';

export interface CallbackFit {
  fits: boolean;
  /** EN3: behind a Calling Plan service number only Calling Plan subscriber numbers qualify. */
  en3: boolean;
  /** EN4: a different Teams number type (CP / OC / DR) than the account's number (not told when EN3 is). */
  typeDiffers: boolean;
  /** EN4: a different country than the account's number. */
  countryDiffers: boolean;
  /** The account's number cannot carry Shared Calling at all (RA1/RA4 report it): nothing fits. */
  accountInvalid: boolean;
}

interface NumberFacts {
  kind: NumberKind;
  country: string;
}

export function callbackFit(account: NumberFacts, candidate: NumberFacts): CallbackFit {
  if (!isResourceAccountKind(account.kind)) return { fits: false, en3: false, typeDiffers: false, countryDiffers: false, accountInvalid: true };
  const en3 = isCallingPlanService(account.kind) && candidate.kind !== 'callingPlanSubscriber';
  const typeDiffers = !en3 && teamsNumberType(candidate.kind) !== teamsNumberType(account.kind);
  const countryDiffers = candidate.country !== account.country;
  return { fits: !en3 && !typeDiffers && !countryDiffers, en3, typeDiffers, countryDiffers, accountInvalid: false };
}

/** Why a callback number does not fit, in one sentence for a form ('' when it fits). */
export function callbackMisfitText(account: NumberFacts, candidate: NumberFacts): string {
  const f = callbackFit(account, candidate);
  if (f.fits || f.accountInvalid) return '';
  if (f.en3) return `Must be a ${NUMBER_KIND_LABEL.callingPlanSubscriber} number, because the account has a Calling Plan service number (EN3).`;
  if (f.typeDiffers) return `Must be a ${NUMBER_KIND_LABEL[account.kind]} number, like the account's number (EN4).`;
  return `Must be from ${account.country}, like the account's number (EN4).`;
}
