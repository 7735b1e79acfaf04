/** checkPlan: run every rule family once over the plan and return sorted findings. */
import type { Plan } from '../domain/model.js';
import { checkAutoAttendants } from './auto-attendants.js';
import { checkCallbackNumbers } from './callback-numbers.js';
import { buildContext } from './context.js';
import { checkEmergencyPolicies, checkUserEmergency } from './emergency.js';
import { checkExtensions } from './extensions.js';
import { checkPolicies } from './policies.js';
import { checkPoolSizes } from './pool-size.js';
import { checkResourceAccounts } from './resource-accounts.js';
import { checkSites } from './sites.js';
import { checkTenant } from './tenant.js';
import type { Finding } from './types.js';
import { SEVERITY_ORDER } from './types.js';
import { UserFindings } from './user-findings.js';
import { checkUsers } from './users.js';
import { checkResourceAccountVoiceRouting, checkUserVoiceRouting } from './voice-routing.js';

/** Errors first, then warnings, then info; otherwise in the order found (stable). Returns a new array. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** Keep the first finding per key (after sorting: the most severe), so keys are unique. */
function uniqueKeys(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.key) ? false : (seen.add(f.key), true)));
}

export function checkPlan(plan: Plan): Finding[] {
  const ctx = buildContext(plan);
  const users = new UserFindings();
  checkUsers(ctx, users);
  checkUserVoiceRouting(ctx, users);
  checkExtensions(ctx, users);
  const emergencyPolicyFindings = checkUserEmergency(ctx, users);

  const findings: Finding[] = [
    ...checkTenant(ctx),
    ...checkSites(ctx),
    ...checkPolicies(ctx),
    ...checkResourceAccounts(ctx),
    ...checkResourceAccountVoiceRouting(ctx),
    ...checkAutoAttendants(ctx),
    ...checkCallbackNumbers(ctx),
    ...checkPoolSizes(ctx),
    ...emergencyPolicyFindings,
    ...checkEmergencyPolicies(ctx),
    ...users.toFindings(ctx),
  ];
  return uniqueKeys(sortFindings(findings));
}
