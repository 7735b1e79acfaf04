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
  many: (n, where, ex) =>
    `Not known whether ${plural(n, 'user', 'users')} ${where} have a Teams Phone licence ${ex}.`,
  fix: 'Import a user list with licence information (Get-CsOnlineUser AssignedPlan contains MCOEV) or mark the users as licensed.',
};

// V1: the generated script always runs Set-CsPhoneNumberAssignment -EnterpriseVoiceEnabled $true.
const NOT_EV: UserIssue = {
  rule: 'V1',
  severity: 'info',
  one: (u) =>
    `${u.displayName || u.upn} is not Enterprise Voice enabled today; the generated script enables it.`,
  many: (n, where, ex) =>
    `${plural(n, 'user', 'users')} ${where} are not Enterprise Voice enabled today ${ex}; the generated script enables it.`,
  fix: 'Nothing to do: the script runs Set-CsPhoneNumberAssignment -EnterpriseVoiceEnabled $true for each user.',
};

// V2: Shared Calling users get no number of their own (V3 allows a Direct Routing ;ext= number).
const HOLDS_NUMBER: UserIssue = {
  rule: 'V2',
  severity: 'error',
  one: (u) =>
    `${u.displayName || u.upn} holds the number ${u.currentNumber}; a Shared Calling user must not have a number of their own, or they keep calling with it.`,
  many: (n, where, ex) =>
    `${plural(n, 'user', 'users')} ${where} hold a phone number of their own ${ex}.`,
  fix: 'Remove the number (Remove-CsPhoneNumberAssignment), or for extension dialing give the user a Direct Routing number with ;ext=<extension>.',
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
  }
}
