/** EN9/EN10: the callback pool must be large enough for the policy's emergency call load (§7). */
import { poolStatus } from '../sizing/index.js';
import type { CheckContext } from './context.js';
import { usersOf } from './context.js';
import { plural } from './numbers.js';
import { forPolicy } from './policy-finding.js';
import type { Finding } from './types.js';

export function checkPoolSizes(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const p of ctx.plan.sharedCallingPolicies) {
    // An empty list is EN1/EN2 already; a policy without users needs no pool yet.
    if (p.callbackNumberIds.length === 0) continue;
    const users = usersOf(ctx, p.id);
    if (users === 0) continue;
    // The one pool status (the sizing panels show the same figures).
    const { configured: pool, recommended, short } = poolStatus(ctx.plan, p, users);
    if (short === 0) continue;
    // EN9: each emergency call holds the next free number for 60 minutes; EN10: then one is reused.
    out.push(
      forPolicy(p, {
        rule: 'EN9',
        severity: 'warning',
        message: `Policy ${p.name} has ${plural(pool, 'emergency callback number')} for ${plural(users, 'user')}; the sizing model recommends ${recommended}. With too few, a number is reused while still reserved and a callback may reach the wrong person.`,
        fix: `Add ${plural(recommended - pool, 'more unassigned number')} of the right type and country to the callback list, or review the sizing inputs.`,
      }),
    );
  }
  return out;
}
