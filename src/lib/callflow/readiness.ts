/**
 * Readiness per site and per Shared Calling policy, derived from the findings (the checks decide
 * what is wrong; this only attributes findings to the objects a person rolls out by).
 *
 * - A policy's status is the worst finding on the policy, its resource account, the account's
 *   number and auto attendants, and its callback numbers.
 * - A user is blocked / has warnings when their own findings or their policy's status say so.
 * - A site's status is the worst finding of its users, its numbers, resource accounts on its
 *   numbers, policies whose resource account number is at the site, and the site itself (E6).
 * Information findings never make anything "not ready".
 */
import type { Id, Plan } from '../domain/model.js';
import { userKey } from '../domain/model.js';
import { planIndex } from '../domain/lookup.js';
import type { Finding, Severity } from '../checks/types.js';

export type Readiness = 'ready' | 'warnings' | 'blocked';

export interface ReadinessStatus {
  status: Readiness;
  errors: number;
  warnings: number;
  /** Users attributed to the object. */
  users: number;
  /** Users by their own worst status (own findings, then their policy's). */
  usersReady: number;
  usersWarnings: number;
  usersBlocked: number;
}

interface Tally {
  errors: number;
  warnings: number;
}

function tallyBySubject(findings: readonly Finding[]): Map<string, Tally> {
  const map = new Map<string, Tally>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    let t = map.get(f.subjectId);
    if (!t) map.set(f.subjectId, (t = { errors: 0, warnings: 0 }));
    if (f.severity === 'error') t.errors++;
    else t.warnings++;
  }
  return map;
}

export function readinessOf(errors: number, warnings: number): Readiness {
  return errors > 0 ? 'blocked' : warnings > 0 ? 'warnings' : 'ready';
}

function worst(a: Readiness, b: Readiness): Readiness {
  const rank = { ready: 0, warnings: 1, blocked: 2 } as const;
  return rank[a] >= rank[b] ? a : b;
}

function empty(): ReadinessStatus {
  return { status: 'ready', errors: 0, warnings: 0, users: 0, usersReady: 0, usersWarnings: 0, usersBlocked: 0 };
}

function addSubjects(into: ReadinessStatus, ids: Iterable<string>, tallies: Map<string, Tally>, seen: Set<string>) {
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const t = tallies.get(id);
    if (!t) continue;
    into.errors += t.errors;
    into.warnings += t.warnings;
  }
}

export interface PlanReadiness {
  policies: Map<Id, ReadinessStatus>;
  sites: Map<Id, ReadinessStatus>;
  /** Counts by severity over all findings. */
  counts: Record<Severity, number>;
}

/** Readiness of every policy and site of `plan`, given `findings = checkPlan(plan)`. Linear in users + findings. */
export function planReadiness(plan: Plan, findings: readonly Finding[]): PlanReadiness {
  const idx = planIndex(plan);
  const tallies = tallyBySubject(findings);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;

  // The objects each policy depends on, and the site of its resource account's number.
  const policySubjects = new Map<Id, string[]>();
  const policySite = new Map<Id, Id>();
  for (const p of plan.sharedCallingPolicies) {
    const ids = [p.id, ...p.callbackNumberIds];
    const ra = p.resourceAccountId === null ? undefined : idx.resourceAccounts.get(p.resourceAccountId);
    if (ra) {
      ids.push(ra.id);
      if (ra.numberId) ids.push(ra.numberId);
      for (const aa of plan.autoAttendants) if (aa.resourceAccountId === ra.id) ids.push(aa.id);
      const num = ra.numberId === null ? undefined : idx.numbers.get(ra.numberId);
      if (num?.siteId) policySite.set(p.id, num.siteId);
    }
    policySubjects.set(p.id, ids);
  }

  const policies = new Map<Id, ReadinessStatus>();
  for (const p of plan.sharedCallingPolicies) {
    const s = empty();
    addSubjects(s, policySubjects.get(p.id) ?? [], tallies, new Set());
    s.status = readinessOf(s.errors, s.warnings);
    policies.set(p.id, s);
  }

  // Sites: their own findings (E6), numbers at the site, resource accounts on those numbers and
  // the policies using them.
  const siteSubjects = new Map<Id, Set<string>>();
  const siteSeen = new Map<Id, Set<string>>();
  const sites = new Map<Id, ReadinessStatus>();
  for (const site of plan.sites) {
    siteSubjects.set(site.id, new Set([site.id]));
    siteSeen.set(site.id, new Set());
    sites.set(site.id, empty());
  }
  for (const n of plan.numbers) if (n.siteId) siteSubjects.get(n.siteId)?.add(n.id);
  for (const ra of plan.resourceAccounts) {
    const num = ra.numberId === null ? undefined : idx.numbers.get(ra.numberId);
    if (num?.siteId) siteSubjects.get(num.siteId)?.add(ra.id);
  }
  for (const [policyId, siteId] of policySite) {
    const set = siteSubjects.get(siteId);
    if (set) for (const id of policySubjects.get(policyId) ?? []) set.add(id);
  }
  for (const [siteId, ids] of siteSubjects) {
    const s = sites.get(siteId);
    const seen = siteSeen.get(siteId);
    if (s && seen) addSubjects(s, ids, tallies, seen);
  }

  // Users: one pass; each user counts towards their policy and their site.
  for (const u of plan.users) {
    const t = tallies.get(userKey(u.upn));
    const policy = u.sharedCallingPolicyId === null ? undefined : policies.get(u.sharedCallingPolicyId);
    let status: Readiness = t ? readinessOf(t.errors, t.warnings) : 'ready';
    if (policy) status = worst(status, policy.status);
    const bump = (s: ReadinessStatus | undefined) => {
      if (!s) return;
      s.users++;
      if (status === 'blocked') s.usersBlocked++;
      else if (status === 'warnings') s.usersWarnings++;
      else s.usersReady++;
    };
    bump(policy);
    const site = u.siteId === null ? undefined : sites.get(u.siteId);
    bump(site);
    if (site && u.sharedCallingPolicyId !== null) {
      const seen = siteSeen.get(u.siteId ?? '');
      // The policies of a site's users count towards the site (once each).
      if (seen && !seen.has(u.sharedCallingPolicyId)) addSubjects(site, policySubjects.get(u.sharedCallingPolicyId) ?? [], tallies, seen);
    }
    if (site && t) {
      site.errors += t.errors;
      site.warnings += t.warnings;
    }
  }
  for (const s of sites.values()) s.status = readinessOf(s.errors, s.warnings);
  // A policy's users' own findings count towards the policy's status too.
  for (const p of policies.values()) {
    if (p.usersBlocked > 0) p.status = worst(p.status, 'blocked');
    else if (p.usersWarnings > 0) p.status = worst(p.status, 'warnings');
  }
  return { policies, sites, counts };
}
