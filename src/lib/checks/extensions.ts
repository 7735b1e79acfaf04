/** Per-user extension rules (V3): unique, and never an emergency dial string. */
import type { CheckContext } from './context.js';
import { numberKindPhrase, plural } from './numbers.js';
import type { UserFindings, UserIssue } from './user-findings.js';

// V3: each user in extension-dialing mode needs a *unique* extension.
const EXTENSION_PROBLEM: UserIssue = {
  rule: 'V3',
  severity: 'error',
  one: (u, _d, ctx) => {
    const ext = u.extension.trim();
    const count = ctx.extensionCounts.get(ext) ?? 0;
    const parts: string[] = [];
    if (count > 1) parts.push(`is also planned for ${plural(count - 1, 'other user')}`);
    if (ctx.emergencyDialStrings.has(ext)) parts.push('is an emergency dial string, so dialing it would start an emergency call');
    return `Extension ${ext} of ${u.displayName || u.upn} ${parts.join(' and ')}.`;
  },
  many: (n, where, ex) => `${plural(n, 'user', 'users')} ${where} have an extension that is shared with another user or equals an emergency dial string ${ex}.`,
  fix: 'Give each user a unique extension that is not an emergency dial string (such as 911, 112 or 000).',
};

// V3: an extension is a Direct Routing number +<E.164>;ext=<n>, so it needs a DR resource account.
const EXTENSION_NEEDS_DR: UserIssue = {
  rule: 'V3',
  severity: 'error',
  one: (u, kind) =>
    `${u.displayName || u.upn} has extension ${u.extension.trim()} planned, but the resource account of their Shared Calling policy has ${kind}, not a Direct Routing number; extension dialing needs a Direct Routing number with ;ext=<extension>, so no extension can be assigned.`,
  many: (n, where, ex) =>
    `${plural(n, 'user', 'users')} ${where} have an extension planned, but the policy's resource account has no Direct Routing number, so no extension can be assigned ${ex}.`,
  fix: 'Remove the extensions, or move these users to a policy whose resource account has a Direct Routing number.',
};

export function checkExtensions(ctx: CheckContext, out: UserFindings): void {
  if (ctx.extensionCounts.size === 0) return;
  for (const u of ctx.plan.users) {
    const ext = u.extension.trim();
    if (ext === '') continue;
    const kind = u.sharedCallingPolicyId === null ? undefined : ctx.policyRaKind.get(u.sharedCallingPolicyId);
    if (kind !== undefined && kind !== 'directRouting') {
      out.add(EXTENSION_NEEDS_DR, u, numberKindPhrase(kind));
      continue;
    }
    if ((ctx.extensionCounts.get(ext) ?? 0) < 2 && !ctx.emergencyDialStrings.has(ext)) continue;
    out.add(EXTENSION_PROBLEM, u);
  }
}
