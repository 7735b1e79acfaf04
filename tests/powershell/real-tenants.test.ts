/**
 * Issue 12 ("Real tenants") in the simulated tenant: a brownfield tenant whose main auto attendant
 * and resource account are already in use. The plan marks them as existing; apply and roll back
 * leave them exactly as they were.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createSamplePlan, expectedTenantState, type Plan } from '../../src/lib/index.js';
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
    expect(calls.filter((c) => c.cmdlet === 'New-CsOnlineApplicationInstance').map((c) => String(c.parameters.UserPrincipalName).toLowerCase())).not.toContain(ra.upn);
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
    const touched = mutating(run.calls).filter((c) => JSON.stringify(c.parameters).toLowerCase().includes(ra.upn) || c.parameters.TelephoneNumber === e164 || c.parameters.PhoneNumber === e164);
    expect(touched.map((c) => c.cmdlet)).toEqual([]);
    // The log says why they were kept.
    const log = parseCsv(w.output('09-rollback.log.csv') ?? '');
    const kept = log.filter((r) => r.Status === 'Skipped' && /marked existing/.test(r.Detail ?? r.Message ?? JSON.stringify(r)));
    expect(kept.map((r) => r.Target)).toEqual(expect.arrayContaining([aa.name, ra.upn]));
    // Everything the plan created is gone again: the tenant equals the one before the plan (batch
    // history stays 30 days, §3.14; a LIS location pinned on a created number stays, §3.15).
    const normal = (t: any) => ({ ...t, batchOperations: [], phoneNumbers: t.phoneNumbers.map((n: any) => (n.telephoneNumber === e164 ? n : { ...n, locationId: null })) });
    expect(normal(after)).toEqual(normal(before));
  });
});
