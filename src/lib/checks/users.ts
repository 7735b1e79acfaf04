/** User rules: licence (U1), Enterprise Voice (V1), own numbers (V2, V3), a Shared Calling policy (§9). */
import type { User } from '../domain/model.js';
import type { CheckContext } from './context.js';
import { plural, splitNumber } from './numbers.js';
import type { UserFindings, UserIssue } from './user-findings.js';

// P1 (§9 "Exactly one Shared Calling policy"): without one the user has no PSTN calling at all.
const NO_POLICY: UserIssue = {
  rule: 'P1',
  severity: 'error',
  one: (u, detail) =>
    detail === ''
      ? `${u.displayName || u.upn} has no Shared Calling policy, so they cannot call the PSTN.`
      : `${u.displayName || u.upn} is assigned Shared Calling policy "${detail}", which is not in the plan.`,
  many: (n, where, ex) => `${plural(n, 'user has', 'users have')} no Shared Calling policy ${ex}.`,
  fix: 'Assign a Shared Calling policy (Users view, or an assignment rule), or remove the user from the plan.',
};

// U1: every Shared Calling user needs Teams Phone (the MCOEV service plan, U3).
const NO_LICENCE: UserIssue = {
  rule: 'U1',
  severity: 'error',
  one: (u) => `${u.displayName || u.upn} has no Teams Phone licence; Shared Calling needs one.`,
  many: (n, where, ex) => `${plural(n, 'user', 'users')} ${where} have no Teams Phone licence ${ex}.`,
  fix: 'Assign Teams Phone Standard (or a suite that contains it, such as E5) in the Microsoft 365 admin center.',
};

// U1: a user list without a licence column proves nothing; ask the admin to confirm.
const LICENCE_UNKNOWN: UserIssue = {
  rule: 'U1',
  severity: 'warning',
  one: (u) => `Not known whether ${u.displayName || u.upn} has a Teams Phone licence.`,
  many: (n, where, ex) => `Not known whether ${plural(n, 'user', 'users')} ${where} have a Teams Phone licence ${ex}.`,
  fix: 'Import a user list with licence information (Get-CsOnlineUser AssignedPlan contains MCOEV) or mark the users as licensed.',
};

// V1: the generated script always runs Set-CsPhoneNumberAssignment -EnterpriseVoiceEnabled $true.
const NOT_EV: UserIssue = {
  rule: 'V1',
  severity: 'info',
  one: (u) => `${u.displayName || u.upn} is not Enterprise Voice enabled today; the generated script enables it.`,
  many: (n, where, ex) => `${plural(n, 'user', 'users')} ${where} are not Enterprise Voice enabled today ${ex}; the generated script enables it.`,
  fix: 'Nothing to do: the script runs Set-CsPhoneNumberAssignment -EnterpriseVoiceEnabled $true for each user.',
};

// V2: Shared Calling users get no number of their own (V3 allows a Direct Routing ;ext= number).
const HOLDS_NUMBER: UserIssue = {
  rule: 'V2',
  severity: 'error',
  one: (u) =>
    `${u.displayName || u.upn} holds the number ${u.currentNumber}; a Shared Calling user must not have a number of their own, or they keep calling with it.`,
  many: (n, where, ex) => `${plural(n, 'user', 'users')} ${where} hold a phone number of their own ${ex}.`,
  fix: 'Remove the number (Remove-CsPhoneNumberAssignment), or for extension dialing give the user a Direct Routing number with ;ext=<extension>.',
};

// AA6: auto attendant search never returns users hidden from address lists.
const HIDDEN: UserIssue = {
  rule: 'AA6',
  severity: 'warning',
  one: (u) =>
    `${u.displayName || u.upn} is hidden from address lists, so the auto attendant never finds them: callers and return calls to the shared number cannot reach them by name or extension.`,
  many: (n, where, ex) => `${plural(n, 'user', 'users')} ${where} are hidden from address lists, so the auto attendant never finds them ${ex}.`,
  fix: 'Clear HiddenFromAddressListsEnabled for these users (Exchange admin center or Set-Mailbox), or accept that callers cannot reach them through the auto attendant.',
};

// U5: India PSTN needs an India-specific Teams Phone licence from a licensed Indian operator.
const INDIA: UserIssue = {
  rule: 'U5',
  severity: 'warning',
  one: (u) =>
    `${u.displayName || u.upn} has usage location India: for India PSTN requirements they need the India-specific Teams Phone licence from a licensed telecom operator in India, not the standard Teams Phone licence.`,
  many: (n, where, ex) =>
    `${plural(n, 'user', 'users')} ${where} have usage location India and need the India-specific Teams Phone licence from a licensed Indian operator ${ex}.`,
  fix: 'Arrange the India-specific Teams Phone licence with an Indian operator (see "Plan Operator Connect for India"). Numbers from Airtel e-mail each user usage guidelines automatically; this cannot be turned off.',
};

// C3: allowed, but a consultant should know which users call with another country's number.
const ABROAD: UserIssue = {
  rule: 'C3',
  severity: 'info',
  one: (u, country) =>
    `${u.displayName || u.upn} has usage location ${u.usageLocation.toUpperCase()} but their policy's numbers are in ${country}. This is allowed: no Microsoft source requires Shared Calling users to be in the numbers' country (C3). They call with a ${country} caller ID, and their emergency calls carry the location their Teams client detects or else the address of the resource account's number (E7).`,
  many: (n, where, ex) =>
    `${plural(n, 'user', 'users')} ${where} have a usage location other than the country of the policy's numbers ${ex}. This is allowed (C3): they call with that country's caller ID, and emergency calls carry the location their Teams client detects or else the address of the resource account's number (E7).`,
  fix: 'Nothing is required. Check that this is intended and that dynamic emergency locations are set up where these users work.',
};

/** True when the user holds a Direct Routing `;ext=` number: allowed for extension dialing (V3). */
export function holdsExtensionNumber(ctx: CheckContext, u: User): boolean {
  if (!u.currentNumber.includes(';')) return false;
  const { base, ext } = splitNumber(u.currentNumber);
  if (ext === '') return false;
  const known = ctx.numbersByE164.get(base);
  if (known) return known.kind === 'directRouting';
  // V3: the base digits may repeat the resource account's (Direct Routing) number or be unknown to the plan.
  return u.sharedCallingPolicyId !== null && ctx.policyRaKind.get(u.sharedCallingPolicyId) === 'directRouting';
}

export function checkUsers(ctx: CheckContext, out: UserFindings): void {
  for (const u of ctx.plan.users) {
    if (u.sharedCallingPolicyId === null) out.add(NO_POLICY, u);
    else if (!ctx.policies.has(u.sharedCallingPolicyId)) out.add(NO_POLICY, u, u.sharedCallingPolicyId);

    if (u.teamsPhone === 'no') out.add(NO_LICENCE, u);
    else if (u.teamsPhone === 'unknown') out.add(LICENCE_UNKNOWN, u);

    if (u.enterpriseVoice !== 'yes') out.add(NOT_EV, u);

    if (u.currentNumber.trim() !== '' && !holdsExtensionNumber(ctx, u)) out.add(HOLDS_NUMBER, u);

    if (u.hiddenFromAddressLists) out.add(HIDDEN, u);

    const location = u.usageLocation.trim().toUpperCase();
    if (location === 'IN') out.add(INDIA, u);
    if (location !== '' && u.sharedCallingPolicyId !== null) {
      const country = ctx.policyRaCountry.get(u.sharedCallingPolicyId);
      if (country !== undefined && country !== '' && country.toUpperCase() !== location) out.add(ABROAD, u, country);
    }
  }
}
