/** Emergency routing rules: a policy per user (E1), PSTN usages by number kind (E2), E3, E5, E6, description length (L2). */
import type { EmergencyCallRoutingPolicy, Id, Site } from '../domain/model.js';
import { userKey } from '../domain/model.js';
import type { CheckContext } from './context.js';
import { policyRa, raNumber } from './context.js';
import { checklistItem, finding } from './finding.js';
import { plural } from './numbers.js';
import { TENANT_ID } from './types.js';
import type { Finding } from './types.js';
import type { UserFindings, UserIssue } from './user-findings.js';

// E1: every Shared Calling user needs an emergency call routing policy, whatever the number kind.
const NO_EMERGENCY_POLICY: UserIssue = {
  rule: 'E1',
  severity: 'error',
  one: (u, d) =>
    d === ''
      ? `${u.displayName || u.upn} has no emergency call routing policy.`
      : `${u.displayName || u.upn} is assigned emergency call routing policy "${d}", which is not in the plan.`,
  many: (n, where, ex) => `${plural(n, 'user', 'users')} ${where} have no emergency call routing policy ${ex}.`,
  fix: 'Assign an emergency call routing policy with your emergency dial strings (e.g. 911 and 933, or 112 and 999).',
};

interface UsageShape {
  any: boolean;
  all: boolean;
}

function usageShape(ep: EmergencyCallRoutingPolicy): UsageShape {
  let any = false;
  let all = ep.numbers.length > 0;
  for (const n of ep.numbers) {
    if (n.pstnUsage.trim() === '') all = false;
    else any = true;
  }
  return { any, all };
}

/** E1 per user, and E2 evaluated per user but reported once per emergency policy. */
export function checkUserEmergency(ctx: CheckContext, out: UserFindings): Finding[] {
  const shapes = new Map<Id, UsageShape>();
  for (const ep of ctx.plan.emergencyPolicies) shapes.set(ep.id, usageShape(ep));
  // emergency policy id → Shared Calling policy id → users (userKey) whose routing does not fit (E2)
  const mismatches = new Map<Id, Map<Id, string[]>>();

  for (const u of ctx.plan.users) {
    const epId = u.emergencyPolicyId;
    const shape = epId === null ? undefined : shapes.get(epId);
    if (epId === null || !shape) {
      out.add(NO_EMERGENCY_POLICY, u, epId ?? '');
      continue;
    }
    const kind = u.sharedCallingPolicyId === null ? undefined : ctx.policyRaKind.get(u.sharedCallingPolicyId);
    if (kind === undefined || u.sharedCallingPolicyId === null) continue;
    // E2: DR needs usages on every dial string; CP/OC must have none.
    const bad = kind === 'directRouting' ? !shape.all : shape.any;
    if (!bad) continue;
    let per = mismatches.get(epId);
    if (!per) mismatches.set(epId, (per = new Map()));
    const keys = per.get(u.sharedCallingPolicyId);
    if (keys) keys.push(userKey(u.upn));
    else per.set(u.sharedCallingPolicyId, [userKey(u.upn)]);
  }

  const findings: Finding[] = [];
  for (const [epId, per] of mismatches) {
    const ep = ctx.emergencyPolicies.get(epId);
    if (!ep) continue;
    const parts: string[] = [];
    const users: string[] = [];
    for (const [policyId, keys] of per) {
      const count = keys.length;
      users.push(...keys);
      const kind = ctx.policyRaKind.get(policyId);
      const name = ctx.policies.get(policyId)?.name ?? policyId;
      parts.push(
        kind === 'directRouting'
          ? `${plural(count, 'user')} of ${name} (Direct Routing) need PSTN usages on every emergency number`
          : `${plural(count, 'user')} of ${name} (Calling Plan / Operator Connect) need a policy without PSTN usages`,
      );
    }
    findings.push(
      finding({
        rule: 'E2',
        severity: 'error',
        message: `Emergency call routing policy ${ep.name} does not fit the number type of its users' resource account: ${parts.join('; ')}.`,
        subject: ep.name,
        subjectKind: 'emergencyPolicy',
        subjectId: ep.id,
        // The users it is about, so their rows and their policy's call flow show it (not only the emergency policy).
        users,
        fix: 'Use one emergency call routing policy without PSTN usages for Calling Plan / Operator Connect policies and one with PSTN usages for Direct Routing policies.',
      }),
    );
  }
  return findings;
}

/** E5: dial strings and dial masks must be unique within one policy. */
function checkDuplicates(ep: EmergencyCallRoutingPolicy): Finding | null {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const n of ep.numbers) {
    const values = [n.dialString, ...n.dialMask.split(';')].map((s) => s.trim()).filter((s) => s !== '');
    for (const v of new Set(values)) {
      if (seen.has(v)) dupes.add(v);
      seen.add(v);
    }
  }
  if (dupes.size === 0) return null;
  return finding({
    rule: 'E5',
    severity: 'error',
    message: `Emergency call routing policy ${ep.name} lists ${[...dupes].join(', ')} more than once; every dial string and dial mask must be unique within a policy.`,
    subject: ep.name,
    subjectKind: 'emergencyPolicy',
    subjectId: ep.id,
    fix: 'Remove the duplicate entries.',
  });
}

/** §3.12 [PS-ECRP]: -Description of New-/Set-CsTeamsEmergencyCallRoutingPolicy takes at most 512 characters. */
export const MAX_EMERGENCY_DESCRIPTION = 512;

/** L2: a longer description makes the script's New-/Set- call fail for this policy. */
function checkDescription(ep: EmergencyCallRoutingPolicy): Finding | null {
  const length = [...ep.description].length;
  if (length <= MAX_EMERGENCY_DESCRIPTION) return null;
  return finding({
    rule: 'L2',
    severity: 'error',
    message: `The description of emergency call routing policy ${ep.name} is ${length} characters long; Teams accepts at most ${MAX_EMERGENCY_DESCRIPTION}, so the script could not create or update the policy.`,
    subject: ep.name,
    subjectKind: 'emergencyPolicy',
    subjectId: ep.id,
    fix: `Shorten the description to ${MAX_EMERGENCY_DESCRIPTION} characters or fewer.`,
  });
}

/** E3: CP/OC Shared Calling next to Direct Routing rules out site-assigned emergency policies. */
function checkMixed(ctx: CheckContext): Finding | null {
  if (!ctx.plan.tenant.siteAssignedEmergencyPolicies) return null;
  let cpoc = false;
  for (const kind of ctx.policyRaKind.values()) if (kind !== 'directRouting') cpoc = true;
  const dr = ctx.plan.numbers.some((n) => n.kind === 'directRouting');
  if (!cpoc || !dr) return null;
  return finding({
    rule: 'E3',
    severity: 'warning',
    message:
      'This tenant runs Shared Calling on Calling Plan or Operator Connect numbers and also uses Direct Routing, so emergency call routing policies must not be assigned to network sites.',
    subject: 'Tenant',
    subjectKind: 'tenant',
    subjectId: TENANT_ID,
    fix: 'Assign emergency call routing policies to users (or groups) instead of network sites, then clear the tenant setting.',
  });
}

/** E6: outside North America the resource-account numbers' addresses go into each carrier's database. */
function checkCarrierDatabase(ctx: CheckContext): Finding[] {
  const sites = new Map<Id, Site>();
  for (const p of ctx.plan.sharedCallingPolicies) {
    const ra = policyRa(ctx, p);
    const num = ra ? raNumber(ctx, ra) : undefined;
    const site = num?.siteId == null ? undefined : ctx.sites.get(num.siteId);
    if (site && !site.northAmerica) sites.set(site.id, site);
  }
  const out: Finding[] = [];
  for (const site of sites.values()) {
    const item = checklistItem(ctx.plan, {
      rule: 'E6',
      message: `Site ${site.name} (${site.country}) is outside North America: the emergency address of its resource account number must be loaded into the carrier's emergency database.`,
      subject: site.name,
      subjectKind: 'site',
      subjectId: site.id,
      fix: 'Arrange the emergency database upload with each carrier, then tick this item.',
    });
    if (item) out.push(item);
  }
  return out;
}

export function checkEmergencyPolicies(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const ep of ctx.plan.emergencyPolicies) {
    const f = checkDuplicates(ep);
    if (f) out.push(f);
    const d = checkDescription(ep);
    if (d) out.push(d);
  }
  const mixed = checkMixed(ctx);
  if (mixed) out.push(mixed);
  out.push(...checkCarrierDatabase(ctx));
  return out;
}
