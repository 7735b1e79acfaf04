/** Per-user extension rules (V3): unique, and never an emergency dial string. */
import type { CheckContext } from './context.js';
import { plural } from './numbers.js';
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
  many: (n, where, ex) =>
    `${plural(n, 'user', 'users')} ${where} have an extension that is shared with another user or equals an emergency dial string ${ex}.`,
  fix: 'Give each user a unique extension that is not an emergency dial string (such as 911, 112 or 000).',
};

export function checkExtensions(ctx: CheckContext, out: UserFindings): void {
  if (ctx.extensionCounts.size === 0) return;
  for (const u of ctx.plan.users) {
    const ext = u.extension.trim();
    if (ext === '') continue;
    if ((ctx.extensionCounts.get(ext) ?? 0) < 2 && !ctx.emergencyDialStrings.has(ext)) continue;
    out.add(EXTENSION_PROBLEM, u);
  }
}
