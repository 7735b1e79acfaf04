/**
 * Emergency routing rules: a policy per user that defines dial strings (E1), PSTN usages by number
 * kind (E2 for Direct Routing, E8 for Calling Plan / Operator Connect), E3, site policies (E4), E5,
 * E6, dial strings without "+" for Direct Routing (E9), description length (L2).
 */
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
    // E2: DR needs usages on every dial string; E8: CP/OC policies only identify emergency numbers.
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
    const dr: string[] = [];
    const cpoc: string[] = [];
    const drUsers: string[] = [];
    const cpocUsers: string[] = [];
    for (const [policyId, keys] of per) {
      const count = keys.length;
      const name = ctx.policies.get(policyId)?.name ?? policyId;
      if (ctx.policyRaKind.get(policyId) === 'directRouting') {
        dr.push(`${plural(count, 'user')} of ${name}`);
        drUsers.push(...keys);
      } else {
        cpoc.push(`${plural(count, 'user')} of ${name}`);
        cpocUsers.push(...keys);
      }
    }
    if (dr.length > 0) {
      // E2: with Direct Routing the usages route the emergency call.
      findings.push(
        finding({
          rule: 'E2',
          severity: 'error',
          message: `Emergency call routing policy ${ep.name} is assigned to Direct Routing users (${dr.join('; ')}) but not every emergency number has a PSTN usage; with Direct Routing the usages route the emergency call.`,
          subject: ep.name,
          subjectKind: 'emergencyPolicy',
          subjectId: ep.id,
          // The users it is about, so their rows and their policy's call flow show it (not only the emergency policy).
          users: drUsers,
          fix: 'Give every emergency number of the policy a PSTN usage that leads to an emergency-capable route, or give the Direct Routing users a policy that has them.',
        }),
      );
    }
    if (cpoc.length > 0) {
      // E8: with Calling Plan or Operator Connect the policy only identifies emergency numbers.
      findings.push(
        finding({
          rule: 'E8',
          severity: 'error',
          message: `Emergency call routing policy ${ep.name} has PSTN usages but is assigned to users whose resource account has a Calling Plan or Operator Connect number (${cpoc.join('; ')}). For them the policy only identifies emergency numbers; PSTN usages must not be added (E2).`,
          subject: ep.name,
          subjectKind: 'emergencyPolicy',
          subjectId: ep.id,
          users: cpocUsers,
          fix: 'Use one emergency call routing policy without PSTN usages for Calling Plan / Operator Connect policies and one with PSTN usages for Direct Routing policies.',
        }),
      );
    }
  }
  return findings;
}

/** E1: a policy that defines no emergency dial string identifies no emergency call. */
function checkDefinesDialStrings(ep: EmergencyCallRoutingPolicy): Finding | null {
  if (ep.numbers.some((n) => n.dialString.trim() !== '')) return null;
  return finding({
    rule: 'E1',
    severity: 'error',
    message: `Emergency call routing policy ${ep.name} defines no emergency dial string, so it identifies no emergency call for the users it is assigned to.`,
    subject: ep.name,
    subjectKind: 'emergencyPolicy',
    subjectId: ep.id,
    fix: 'Add the emergency dial strings of the users’ country (for example 911 and 933, or 112 and 999).',
  });
}

/** E9: Teams clients send emergency dial strings without "+", so DR routes must match them so. */
function checkPlusSigns(ctx: CheckContext): Finding[] {
  const drPolicies = new Set<Id>();
  for (const u of ctx.plan.users) {
    if (u.emergencyPolicyId === null || u.sharedCallingPolicyId === null) continue;
    if (ctx.policyRaKind.get(u.sharedCallingPolicyId) === 'directRouting') drPolicies.add(u.emergencyPolicyId);
  }
  const out: Finding[] = [];
  for (const epId of drPolicies) {
    const ep = ctx.emergencyPolicies.get(epId);
    if (!ep) continue;
    const plus = ep.numbers
      .flatMap((n) => [n.dialString, ...n.dialMask.split(';')])
      .map((v) => v.trim())
      .filter((v) => v.includes('+'));
    if (plus.length === 0) continue;
    out.push(
      finding({
        rule: 'E9',
        severity: 'error',
        message: `Emergency call routing policy ${ep.name} is used by Direct Routing users and lists ${[...new Set(plus)].join(', ')} with a "+". Teams clients send emergency calls without "+" in front of the dial string, and the emergency route must match the dial string exactly.`,
        subject: ep.name,
        subjectKind: 'emergencyPolicy',
        subjectId: ep.id,
        fix: 'Remove the "+" from the dial strings and masks, and make the Direct Routing voice route for emergency calls match the dial string without "+".',
      }),
    );
  }
  return out;
}

/** E4: a site's policy overrides the user's only for users with a Direct Routing number. */
function checkSitePolicies(ctx: CheckContext): Finding | null {
  if (!ctx.plan.tenant.siteAssignedEmergencyPolicies) return null;
  let withoutDr = 0;
  for (const u of ctx.plan.users) {
    if (u.sharedCallingPolicyId === null) continue;
    const drExtension = u.extension.trim() !== '' && ctx.policyRaKind.get(u.sharedCallingPolicyId) === 'directRouting';
    if (!drExtension) withoutDr++;
  }
  if (withoutDr === 0) return null;
  return finding({
    rule: 'E4',
    severity: 'warning',
    message: `Emergency call routing policies are assigned to network sites, but a site's policy overrides the user's only for users with a Direct Routing number. ${plural(withoutDr, 'Shared Calling user has', 'Shared Calling users have')} none, so their own (user or group) policy must be right wherever they are; whether a site policy applies to them at all is not documented.`,
    subject: 'Tenant',
    subjectKind: 'tenant',
    subjectId: TENANT_ID,
    fix: 'Give every Shared Calling user an emergency call routing policy of their own that fits their resource account (E1, E2, E8); do not rely on the site policy.',
  });
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
    const empty = checkDefinesDialStrings(ep);
    if (empty) out.push(empty);
    const f = checkDuplicates(ep);
    if (f) out.push(f);
    const d = checkDescription(ep);
    if (d) out.push(d);
  }
  out.push(...checkPlusSigns(ctx));
  const mixed = checkMixed(ctx);
  if (mixed) out.push(mixed);
  const site = checkSitePolicies(ctx);
  if (site) out.push(site);
  out.push(...checkCarrierDatabase(ctx));
  return out;
}
