/**
 * Issue 12 ("Real tenants") in the simulated tenant: a brownfield tenant whose main auto attendant
 * and resource account are already in use. The plan marks them as existing; apply and roll back
 * leave them exactly as they were.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compareWithTenant,
  createSamplePlan,
  DISCOVERY_FILE_NAME,
  discoveryScript,
  expectedTenantState,
  planFromDiscovery,
  readDiscovery,
  type Plan,
} from '../../src/lib/index.js';
import { mutating, parseCsv, Workspace } from './support/runbook.js';
import { buildStartTenant, snapshotText } from './sim/tenants/make-start.js';
import { projectTenant, resolveExpected } from './support/projection.js';
import { REALISTIC } from './support/behaviour.js';

const workspaces: Workspace[] = [];
afterAll(() => {
  for (const w of workspaces) w.dispose();
});

/** The Seattle resource account, its number and auto attendant: what the tenant had before the plan. */
function seattleOnly(base: Plan): Plan {
  const ra = base.resourceAccounts.find((r) => r.id === 'ra-seattle')!;
  return {
    ...base,
    resourceAccounts: [ra],
    autoAttendants: base.autoAttendants.filter((a) => a.resourceAccountId === ra.id),
    sharedCallingPolicies: [],
    emergencyPolicies: [],
    voiceRoutingPolicies: [],
    users: [],
  };
}

/** The whole sample plan, with Seattle's account, number and auto attendant marked as existing. */
function brownfield(base: Plan): Plan {
  const ra = base.resourceAccounts.find((r) => r.id === 'ra-seattle')!;
  return {
    ...base,
    resourceAccounts: base.resourceAccounts.map((r) => (r.id === ra.id ? { ...r, existing: true } : r)),
    autoAttendants: base.autoAttendants.map((a) => (a.resourceAccountId === ra.id ? { ...a, existing: true } : a)),
    numbers: base.numbers.map((n) => (n.id === ra.numberId ? { ...n, existing: true } : n)),
  };
}

const seattleState = (t: any, raUpn: string, aaName: string, e164: string) => {
  const user = t.users.find((u: any) => String(u.userPrincipalName).toLowerCase() === raUpn);
  const aa = t.autoAttendants.find((a: any) => a.name === aaName);
  return {
    user,
    aa,
    number: t.phoneNumbers.find((n: any) => n.telephoneNumber === e164),
    associations: t.associations.filter((a: any) => a.objectId === user?.objectId),
  };
};

describe('existing objects: apply and roll back around a main auto attendant already in use (item 4)', () => {
  const base = createSamplePlan();
  const plan = brownfield(base);
  const ra = plan.resourceAccounts.find((r) => r.id === 'ra-seattle')!;
  const aa = plan.autoAttendants.find((a) => a.resourceAccountId === ra.id)!;
  const e164 = plan.numbers.find((n) => n.id === ra.numberId)!.e164;
  const w = new Workspace('brownfield', snapshotText(buildStartTenant(base, { behaviour: REALISTIC })));
  workspaces.push(w);
  let before: any;

  it('the tenant has the Seattle auto attendant and resource account in use before the plan', () => {
    w.writeScripts(seattleOnly(base));
    const pre = w.run([]);
    expect(pre.exitCode, pre.stdout.slice(-3000)).toBe(0);
    before = w.tenant();
    const s = seattleState(before, ra.upn, aa.name, e164);
    expect(s.user).toBeDefined();
    expect(s.aa).toBeDefined();
    expect(s.number.assignedPstnTargetId).toBe(s.user.objectId);
    expect(s.associations).toHaveLength(1);
  });

  it('apply: never creates them, the rest of the plan converges', () => {
    w.writeScripts(plan);
    const run = w.run([]);
    expect(run.exitCode, run.stdout.slice(-4000)).toBe(0);
    const calls = mutating(run.calls);
    expect(calls.filter((c) => c.cmdlet === 'New-CsOnlineApplicationInstance').map((c) => String(c.parameters.UserPrincipalName).toLowerCase())).not.toContain(
      ra.upn,
    );
    expect(calls.filter((c) => c.cmdlet === 'New-CsAutoAttendant').map((c) => c.parameters.Name)).not.toContain(aa.name);
    const tenant = w.tenant();
    const expected = resolveExpected(expectedTenantState(plan), tenant);
    expect(projectTenant(tenant, expected)).toEqual(expected);
    // The plan states the same settings the tenant has, so nothing about them changed.
    expect(seattleState(tenant, ra.upn, aa.name, e164)).toEqual(seattleState(before, ra.upn, aa.name, e164));
  });

  it('rollback (even with -RemoveResourceAccounts) leaves them exactly as before and removes the rest', () => {
    const run = w.run(['-Stage', 'rollback', '-RemoveResourceAccounts', '-Confirm:$false']);
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
    const after = w.tenant();
    expect(seattleState(after, ra.upn, aa.name, e164)).toEqual(seattleState(before, ra.upn, aa.name, e164));
    // No call touched them.
    const touched = mutating(run.calls).filter(
      (c) => JSON.stringify(c.parameters).toLowerCase().includes(ra.upn) || c.parameters.TelephoneNumber === e164 || c.parameters.PhoneNumber === e164,
    );
    expect(touched.map((c) => c.cmdlet)).toEqual([]);
    // The log says why they were kept.
    const log = parseCsv(w.output('09-rollback.log.csv') ?? '');
    const kept = log.filter((r) => r.Status === 'Skipped' && /marked existing/.test(r.Detail ?? r.Message ?? JSON.stringify(r)));
    expect(kept.map((r) => r.Target)).toEqual(expect.arrayContaining([aa.name, ra.upn]));
    // Everything the plan created is gone again: the tenant equals the one before the plan (batch
    // history stays 30 days, §3.14; a LIS location pinned on a created number stays, §3.15).
    const normal = (t: any) => ({
      ...t,
      batchOperations: [],
      phoneNumbers: t.phoneNumbers.map((n: any) => (n.telephoneNumber === e164 ? n : { ...n, locationId: null })),
    });
    expect(normal(after)).toEqual(normal(before));
  });
});

/** Effective Shared Calling policy per user in a tenant snapshot: direct (rank 0) beats the best-ranked group (§3.14). */
function effectiveSharedCalling(t: any): Map<string, string | null> {
  const groupsOf = new Map<string, string[]>();
  for (const g of t.groups) for (const m of g.members) groupsOf.set(m, [...(groupsOf.get(m) ?? []), g.id]);
  const assignments = t.groupPolicyAssignments.filter((a: any) => a.policyType === 'TeamsSharedCallingRoutingPolicy');
  const out = new Map<string, string | null>();
  for (const u of t.users) {
    const direct = u.policies?.TeamsSharedCallingRoutingPolicy ?? null;
    if (direct) {
      out.set(String(u.userPrincipalName).toLowerCase(), String(direct));
      continue;
    }
    const mine = assignments.filter((a: any) => (groupsOf.get(u.objectId) ?? []).includes(a.groupId)).sort((a: any, b: any) => a.rank - b.rank);
    out.set(String(u.userPrincipalName).toLowerCase(), mine[0]?.policyName ?? null);
  }
  return out;
}

describe('group assignment converges (item 6, §3.14, §10.1)', () => {
  const base = createSamplePlan();
  const plan: Plan = {
    ...base,
    sharedCallingPolicies: base.sharedCallingPolicies.map((p) =>
      p.id === 'scp-seattle'
        ? {
            ...p,
            assignment: {
              method: 'group',
              group: { name: 'SC Seattle policy', objectId: '', rank: 1, existing: false, hiddenMembership: false, nestedGroups: false },
            },
          }
        : p.id === 'scp-london'
          ? // The London dial-scope group exists in the tenant and already holds the London users.
            {
              ...p,
              assignment: {
                method: 'group',
                group: { name: 'SC-London-Users', objectId: '', rank: 2, existing: true, hiddenMembership: false, nestedGroups: false },
              },
            }
          : p,
    ),
  };
  const grouped = new Set(['scp-seattle', 'scp-london']);
  const w = new Workspace('groups', snapshotText(buildStartTenant(plan, { behaviour: REALISTIC })));
  w.writeScripts(plan);
  workspaces.push(w);
  const start = w.tenant();

  it('apply: members added through Graph 20 per request, one Grant -Group -Rank per policy, every user has the planned policy in effect', () => {
    const run = w.run([]);
    expect(run.exitCode, run.stdout.slice(-4000)).toBe(0);
    const calls = mutating(run.calls);
    const seattleUsers = plan.users.filter((u) => u.sharedCallingPolicyId === 'scp-seattle').length;
    const patches = calls.filter((c) => c.cmdlet === 'Update-MgGroup');
    expect(patches).toHaveLength(Math.ceil(seattleUsers / 20));
    for (const c of patches) expect(((c.parameters.BodyParameter as any)['members@odata.bind'] as string[]).length).toBeLessThanOrEqual(20);
    // London's users were members already: no write for them.
    const groupGrants = calls.filter((c) => c.cmdlet === 'Grant-CsTeamsSharedCallingRoutingPolicy' && 'Group' in c.parameters);
    expect(groupGrants.map((c) => [c.parameters.PolicyName, Number(c.parameters.Rank)])).toEqual([
      ['SC-Seattle', 1],
      ['SC-London', 2],
    ]);
    // No per-user grant for users of a group policy.
    const perUser = calls
      .filter((c) => c.cmdlet === 'Grant-CsTeamsSharedCallingRoutingPolicy' && 'Identity' in c.parameters)
      .map((c) => String(c.parameters.Identity).toLowerCase());
    const policyOf = new Map(plan.users.map((u) => [u.upn.toLowerCase(), u.sharedCallingPolicyId]));
    expect(perUser.filter((upn) => grouped.has(policyOf.get(upn) ?? ''))).toEqual([]);
    expect(perUser.length).toBe(plan.users.filter((u) => !grouped.has(u.sharedCallingPolicyId ?? '')).length);

    const tenant = w.tenant();
    const effective = effectiveSharedCalling(tenant);
    const names = new Map(plan.sharedCallingPolicies.map((p) => [p.id, p.name]));
    for (const u of plan.users) expect(effective.get(u.upn.toLowerCase()), u.upn).toBe(names.get(u.sharedCallingPolicyId!));
    // Everything else converges as for per-user plans (users' direct assignments aside).
    const expected = resolveExpected(expectedTenantState(plan), tenant);
    const directOnly = {
      ...expected,
      users: expected.users.map((u: any) =>
        grouped.has(policyOf.get(u.upn) ?? '') ? { ...u, policies: { ...u.policies, TeamsSharedCallingRoutingPolicy: null } } : u,
      ),
    };
    expect(projectTenant(tenant, directOnly)).toEqual(directOnly);
    // Stage 08 reads the effective assignment: every user verified.
    const report = parseCsv(w.output('SharedCalling-Verification.csv') ?? '');
    expect(report.filter((r) => r.Kind === 'user' && r.Property === 'SharedCallingPolicy' && r.Status !== 'Done')).toEqual([]);
  });

  it('runs again without a change (idempotent)', () => {
    const run = w.run([]);
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
    expect(mutating(run.calls).map((c) => c.cmdlet)).toEqual([]);
  });

  it('rollback removes the group assignments and the group it created; the existing group keeps its members', () => {
    const run = w.run(['-Stage', 'rollback', '-RemoveResourceAccounts', '-Confirm:$false']);
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
    const after = w.tenant();
    expect(after.groupPolicyAssignments).toEqual([]);
    expect(after.groups).toEqual(start.groups);
    const normal = (t: any) => ({ ...t, batchOperations: [], phoneNumbers: t.phoneNumbers.map((n: any) => ({ ...n, locationId: null })) });
    expect(normal(after)).toEqual(normal(start));
  });
});

describe('discovery: read-only stage 00 (item 3)', () => {
  const plan = createSamplePlan();
  const w = new Workspace('discovery', snapshotText(buildStartTenant(plan, { behaviour: REALISTIC })));
  w.writeScripts(plan);
  workspaces.push(w);
  let applied: string;

  it('after the plan is applied, 00-discovery.ps1 writes one file and makes no mutating call', () => {
    expect(w.run([]).exitCode).toBe(0);
    applied = w.tenantText();
    const run = w.run([], '00-discovery.ps1');
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
    expect(mutating(run.calls).map((c) => c.cmdlet)).toEqual([]);
    expect(w.tenantText()).toBe(applied);
    // Read-only Graph scopes only.
    const scopes = run.calls.filter((c) => c.cmdlet === 'Connect-MgGraph').flatMap((c) => (c.parameters.Scopes as string[]) ?? []);
    expect(scopes.every((s) => /\.Read\.All$/.test(s))).toBe(true);
    expect(w.outputs()).toContain(DISCOVERY_FILE_NAME);
  });

  it('the discovery script from the plan list (no plan yet) reads the same tenant into the same file, read-only', () => {
    const fromPlan = w.output(DISCOVERY_FILE_NAME)!;
    const standalone = discoveryScript();
    mkdirSync(path.join(w.scripts, 'standalone'), { recursive: true });
    writeFileSync(path.join(w.scripts, 'standalone', standalone.name), standalone.bytes);
    const run = w.run([], path.join('standalone', standalone.name));
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
    expect(mutating(run.calls)).toEqual([]);
    expect(w.tenantText()).toBe(applied);
    // The same content as the plan's own stage 00 wrote: the file carries nothing of the plan.
    expect(JSON.parse(w.output(DISCOVERY_FILE_NAME)!)).toEqual(JSON.parse(fromPlan));
  });

  it('the planner reads the file: a brownfield plan with every object marked existing, and a compare that finds the plan deployed', () => {
    const d = readDiscovery(w.output(DISCOVERY_FILE_NAME)!);
    expect(d.users.length).toBe(plan.users.length);
    expect(d.resourceAccounts.map((r) => r.upn.toLowerCase()).sort()).toEqual(plan.resourceAccounts.map((r) => r.upn.toLowerCase()).sort());
    expect(d.numbers.length).toBe(plan.numbers.length);
    const brown = planFromDiscovery(d, 'brown', 'From tenant', '2026-12-01T00:00:00.000Z');
    for (const list of [brown.resourceAccounts, brown.autoAttendants, brown.sharedCallingPolicies, brown.emergencyPolicies, brown.voiceRoutingPolicies]) {
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((o) => o.existing)).toBe(true);
    }
    // Resource-account numbers are assigned in the tenant: existing.
    expect(brown.numbers.filter((n) => n.existing).length).toBeGreaterThanOrEqual(plan.resourceAccounts.length);
    // Users keep the policies the tenant gives them.
    const names = new Map(brown.sharedCallingPolicies.map((p) => [p.id, p.name]));
    const planNames = new Map(plan.sharedCallingPolicies.map((p) => [p.id, p.name]));
    for (const u of plan.users) {
      const b = brown.users.find((x) => x.upn.toLowerCase() === u.upn.toLowerCase())!;
      expect(names.get(b.sharedCallingPolicyId ?? ''), u.upn).toBe(planNames.get(u.sharedCallingPolicyId ?? ''));
    }
    const diff = compareWithTenant(plan, d);
    const notSame = diff.filter((e) => e.status !== 'same' && e.kind !== 'number');
    expect(notSame.filter((e) => e.status === 'create')).toEqual([]);
    expect(notSame.filter((e) => e.status === 'change')).toEqual([]);
    // A changed plan shows field-by-field differences.
    const changed = { ...plan, voiceRoutingPolicies: plan.voiceRoutingPolicies.map((p, i) => (i === 0 ? { ...p, name: 'VRP-New' } : p)) };
    const d2 = compareWithTenant(changed, d);
    expect(d2.find((e) => e.kind === 'voiceRoutingPolicy' && e.name === 'VRP-New')?.status).toBe('create');
    expect(d2.find((e) => e.kind === 'voiceRoutingPolicy' && e.status === 'tenantOnly')).toBeDefined();
    expect(d2.filter((e) => e.kind === 'user' && e.status === 'change').length).toBeGreaterThan(0);
  });
});
