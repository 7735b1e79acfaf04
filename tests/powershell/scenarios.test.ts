/**
 * Issue 11, item 3: the generated files run in pwsh through the runbook, as an admin runs them,
 * against the simulated tenant. Each scenario states what the tenant and the logs must show.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { applyVerification, expectedTenantState, readVerificationCsv, STAGES, VERIFICATION_FILE_NAME, type Plan } from '../../src/lib/index.js';
import { mutating, parseCsv, tenantCalls, Workspace, type CallLogEntry } from './support/runbook.js';
import { buildStartTenant, snapshotText } from './sim/tenants/make-start.js';
import { projectTenant, resolveExpected } from './support/projection.js';
import { changedPlan, hostilePlan, otherPlan, samplePlan } from './support/plans.js';
import { REALISTIC } from './support/behaviour.js';
import { serveApp } from './support/app.js';
import { launchBrowser, openSession } from '../e2e/support/browser.js';
import { ExportPage } from '../e2e/pages/export.js';
import { WorkspacePage } from '../e2e/pages/app.js';

const workspaces: Workspace[] = [];
afterAll(() => {
  for (const w of workspaces) w.dispose();
});

function workspace(name: string, plan: Plan): Workspace {
  const w = new Workspace(name, snapshotText(buildStartTenant(plan, { behaviour: REALISTIC })));
  w.writeScripts(plan);
  workspaces.push(w);
  return w;
}

const forwardStages = STAGES.filter((s) => s.number !== '09');
const logOf = (w: Workspace, stage: (typeof STAGES)[number]) => parseCsv(w.output(`${stage.number}-${stage.name}.log.csv`) ?? '');

/** Deployed state equals the plan's expected state (compared by the core's expectedTenantState). */
function expectConverged(w: Workspace, plan: Plan): void {
  const tenant = w.tenant();
  const expected = resolveExpected(expectedTenantState(plan), tenant);
  expect(projectTenant(tenant, expected)).toEqual(expected);
}

/** One line per run for the closing table: scenario, stages run, tenant calls, mutating calls, exit code. */
function record(scenario: string, run: ReturnType<Workspace['run']>): ReturnType<Workspace['run']> {
  const stages = [...run.stdout.matchAll(/==== Stage (\d\d):/g)].map((m) => m[1]).join(' ');
  const line = { scenario, stages, tenantCalls: tenantCalls(run.calls).length, mutatingCalls: mutating(run.calls).length, exit: run.exitCode };
  console.log(`SCENARIO\t${JSON.stringify(line)}`);
  return run;
}

const describeCalls = (calls: CallLogEntry[]) =>
  calls.map(
    (c) =>
      `${c.cmdlet} ${Object.keys(c.parameters ?? {})
        .sort()
        .join(',')} ${JSON.stringify(c.parameters)}`,
  );

describe('scenario 1: -DryRun on a tenant with only licences, numbers, LIS locations and users', () => {
  const plan = samplePlan();
  const w = workspace('dryrun', plan);
  const before = w.tenantText();
  let run: ReturnType<Workspace['run']>;

  it('runs every stage and exits 0', () => {
    run = record('1 dry run', w.run(['-DryRun']));
    expect(run.stderr + run.stdout).not.toMatch(/Stage \S+ stopped/);
    for (const s of forwardStages) expect(w.outputs(), `log of stage ${s.number}`).toContain(`${s.number}-${s.name}.log.csv`);
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
  });

  it('changes nothing: the snapshot is byte for byte the same and no mutating call was made', () => {
    expect(w.tenantText()).toBe(before);
    expect(mutating(run.calls).map((c) => c.cmdlet)).toEqual([]);
    expect(tenantCalls(run.calls).length).toBeGreaterThan(0);
  });

  it('logs every planned change as DryRun', () => {
    const dryRunTargets = new Set(
      forwardStages.flatMap((s) =>
        logOf(w, s)
          .filter((r) => r.Status === 'DryRun')
          .map((r) => (r.Target ?? '').toLowerCase()),
      ),
    );
    const expected = expectedTenantState(plan);
    for (const ra of expected.resourceAccounts) expect(dryRunTargets, ra.upn).toContain(ra.upn);
    for (const aa of expected.autoAttendants) expect(dryRunTargets, aa.name).toContain(aa.name.toLowerCase());
    for (const p of [...expected.sharedCallingPolicies, ...expected.emergencyPolicies, ...expected.voiceRoutingPolicies])
      expect(dryRunTargets, p.name).toContain(p.name.toLowerCase());
    for (const u of expected.users) expect(dryRunTargets, u.upn).toContain(u.upn);
    // Nothing failed: a dry run on a new tenant reads objects that don't exist yet as "would create".
    const failed = forwardStages.flatMap((s) => logOf(w, s).filter((r) => r.Status === 'Failed'));
    expect(failed).toEqual([]);
  });

  it('leaves no retry list, checkpoint or real verification report behind (D16)', () => {
    expect(w.outputs().filter((f) => f.endsWith('.retry.csv') || f.endsWith('.checkpoint.txt') || f === VERIFICATION_FILE_NAME)).toEqual([]);
  });
});

describe('scenarios 2-4: apply, run again, change the plan', () => {
  const plan = samplePlan();
  const w = workspace('apply', plan);

  it('2. apply: the tenant equals the plan and stage 08 reports everything deployed', () => {
    const run = record('2 apply', w.run([]));
    expect(run.exitCode, run.stdout.slice(-4000)).toBe(0);
    expectConverged(w, plan);
    const report = w.output(VERIFICATION_FILE_NAME);
    expect(report).not.toBeNull();
    const { rows, issues } = readVerificationCsv(report!);
    expect(issues).toEqual([]);
    expect(rows.filter((r) => r.status !== 'done')).toEqual([]);
    // AA7: every user with a Direct Routing extension has it in Entra BusinessPhone, checked by stage 08.
    const withExtension = expectedTenantState(plan).users.filter((u) => u.lineUri !== null).length;
    expect(withExtension).toBeGreaterThan(0);
    expect(rows.filter((r) => r.property === 'BusinessPhone').length).toBe(withExtension);
    const verified = applyVerification(plan, rows, '2026-12-01T10:00:00.000Z');
    const entries = Object.entries(verified.verification);
    // Every user and planned object is marked deployed.
    expect(entries.length).toBe(
      plan.users.length +
        plan.resourceAccounts.length +
        plan.autoAttendants.length +
        plan.voiceRoutingPolicies.length +
        plan.emergencyPolicies.length +
        plan.sharedCallingPolicies.length,
    );
    expect(entries.filter(([, v]) => v.status !== 'done')).toEqual([]);
  });

  it('2b. the planner imports that report and shows every object deployed', async () => {
    const report = w.output(VERIFICATION_FILE_NAME)!;
    const app = await serveApp();
    const browser = await launchBrowser();
    try {
      const s = await openSession(browser, app.url);
      await s.page.goto(app.url);
      await new WorkspacePage(s.page).waitOpen();
      const x = new ExportPage(s.page);
      await x.open(app.url, plan.id);
      await x.importVerification(VERIFICATION_FILE_NAME, report);
      const subjects =
        readVerificationCsv(report).rows.length > 0 ? Object.keys(applyVerification(plan, readVerificationCsv(report).rows, 'x').verification).length : 0;
      expect(await x.verificationCounts()).toEqual({ done: subjects, failed: 0, missing: 0 });
      expect(s.errors).toEqual([]);
      expect(s.foreign).toEqual([]);
      await s.context.close();
    } finally {
      await browser.close();
      app.close();
    }
  });

  it('3. run again: zero mutating calls', () => {
    const run = record('3 run again', w.run([]));
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
    expect(describeCalls(mutating(run.calls))).toEqual([]);
    expectConverged(w, plan);
  });

  it("4. change the plan: only the difference changes, callback order is the plan's (EN10)", () => {
    const before = w.tenant();
    const { plan: changed, moved, dropped } = changedPlan(plan);
    w.writeScripts(changed);
    const run = record('4 changed plan', w.run([]));
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
    expectConverged(w, changed);
    const scp = w.tenant().policies.TeamsSharedCallingRoutingPolicy.find((p: any) => /SC-Seattle$/.test(p.identity));
    expect(scp.emergencyNumbers).toEqual(['+12065550103', '+12065550101', '+12065550104', '+12065550102']);
    // The dropped user is left as he was.
    const find = (t: any) => t.users.find((u: any) => u.userPrincipalName.toLowerCase() === dropped);
    expect(find(w.tenant())).toEqual(find(before));
    // Mutating calls touch only the moved users, SC-Seattle's list and nothing else.
    const touched = new Set<string>();
    for (const c of mutating(run.calls)) {
      const p = c.parameters as Record<string, unknown>;
      const ids = [p.Identity, p.Identities, p.UserId]
        .flat()
        .filter((x) => x !== undefined)
        .map((x) => String(x).toLowerCase());
      for (const id of ids) touched.add(`${c.cmdlet}:${id}`);
    }
    const users = w.tenant().users as any[];
    const upnOf = new Map(users.map((u) => [String(u.objectId).toLowerCase(), String(u.userPrincipalName).toLowerCase()]));
    const touchedUsers = new Set(
      [...touched]
        .map((t) => t.slice(t.indexOf(':') + 1))
        .map((id) => upnOf.get(id) ?? id)
        .filter((id) => id.includes('@')),
    );
    expect([...touchedUsers].sort()).toEqual([...moved].sort());
    const cmdlets = new Set(mutating(run.calls).map((c) => c.cmdlet));
    expect(cmdlets.has('Set-CsTeamsSharedCallingRoutingPolicy')).toBe(true);
    for (const c of cmdlets)
      expect(c).toMatch(
        /^(Set-CsTeamsSharedCallingRoutingPolicy|Grant-CsTeamsSharedCallingRoutingPolicy|New-CsBatchPolicyAssignmentOperation|Grant-CsTeamsEmergencyCallRoutingPolicy)$/,
      );
  });
});

describe('scenario 5: faults, then -Resume', () => {
  const plan = samplePlan();
  const w = workspace('faults', plan);
  const failingUsers = plan.users
    .filter((u) => u.sharedCallingPolicyId === 'scp-london')
    .slice(0, 3)
    .map((u) => u.upn);

  it('throttling, three failing users and access denied on one stage: exit 1, exactly those items in the retry lists', () => {
    w.setFaults({
      throttling: { maxCalls: 40, windowSeconds: 10, retryAfterSeconds: 2 },
      userFailures: [
        { cmdlet: 'Grant-CsTeamsSharedCallingRoutingPolicy', users: failingUsers, status: 400, message: 'The policy could not be granted to this user.' },
      ],
      accessDenied: ['Grant-CsOnlineVoiceRoutingPolicy'],
    });
    // The simulated module runs code at import, as a real script module may: a script whose
    // #Requires loads such a module loses its exit code (PowerShell #23887); the runbook's must survive.
    const run = record('5 faults', w.run(['-ContinueOnError'], undefined, { SIM_REQUIRES_EXIT_QUIRK: '1' }));
    expect(run.exitCode).toBe(1);
    expect(run.calls.some((c) => c.status === 429)).toBe(true);
    const retry = w
      .outputs()
      .filter((f) => f.endsWith('.retry.csv'))
      .flatMap((f) => parseCsv(w.output(f)!).map((r) => `${f.slice(0, 2)} ${(r.Target ?? '').toLowerCase()} ${r.Action}`));
    const changes = retry.filter((r) => !r.startsWith('08 '));
    expect(changes.length).toBe(4);
    expect(changes.filter((r) => r.startsWith('04 ')).map((r) => r.split(' ')[1])).toEqual(['sc-sydney@contoso.com']);
    const users = failingUsers.map((u) => u.toLowerCase()).sort();
    expect(
      changes
        .filter((r) => r.startsWith('07 '))
        .map((r) => r.split(' ')[1])
        .sort(),
    ).toEqual(users);
    // Stage 08 reports the same four objects as not deployed, and nothing else.
    expect(
      retry
        .filter((r) => r.startsWith('08 '))
        .map((r) => r.split(' ')[1])
        .sort(),
    ).toEqual([...users, 'sc-sydney@contoso.com'].sort());
  });

  it('after the fault clears, -Resume converges without redoing finished work', () => {
    w.setFaults(null);
    const run = record('5 resume after the faults', w.run(['-Resume']));
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
    expectConverged(w, plan);
    const changes = mutating(run.calls)
      .map((c) => c.cmdlet)
      .sort();
    expect(changes).toEqual([
      'Grant-CsOnlineVoiceRoutingPolicy',
      'Grant-CsTeamsSharedCallingRoutingPolicy',
      'Grant-CsTeamsSharedCallingRoutingPolicy',
      'Grant-CsTeamsSharedCallingRoutingPolicy',
    ]);
  });

  it('a checkpoint from another plan is refused', () => {
    // The -Resume run above left its checkpoints; another export lands in the same folder (D4).
    expect(w.outputs().some((f) => f.endsWith('.checkpoint.txt'))).toBe(true);
    w.writeScripts(otherPlan(plan));
    const run = record('5 resume with another plan', w.run(['-Resume', '-Stage', 'users']));
    expect(run.exitCode).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/checkpoint/i);
    expect(mutating(run.calls)).toEqual([]);
  });
});

describe('scenario 5b: a stage that could not create its policies', () => {
  it('stage 07 grants nothing to a Shared Calling policy that does not exist and says why, once per user', () => {
    const plan = samplePlan();
    const w = workspace('no-policy', plan);
    w.setFaults({ accessDenied: ['New-CsTeamsSharedCallingRoutingPolicy'] });
    const run = record('5b policies denied', w.run(['-ContinueOnError']));
    expect(run.exitCode).toBe(1);
    expect(run.calls.filter((c) => c.cmdlet === 'Grant-CsTeamsSharedCallingRoutingPolicy')).toEqual([]);
    const failed = parseCsv(w.output('07-users.retry.csv') ?? '');
    expect(failed.length).toBe(plan.users.length);
    for (const r of failed) expect(r.Error).toMatch(/Shared Calling policy SC-\w+ not found \(stage 06 creates it\)/);
  });
});

describe('EN14: a callback number another Shared Calling policy already holds', () => {
  it('stage 01 stops for it, names the policy that holds it and changes nothing', () => {
    const plan = samplePlan();
    const start = buildStartTenant(plan, { behaviour: REALISTIC });
    // In the tenant, +12065550101 (a planned SC-Seattle callback number) belongs to a policy the plan does not name.
    const held = '+12065550101';
    (start.policies.TeamsSharedCallingRoutingPolicy as unknown[]).push({
      identity: 'Tag:SC-Legacy',
      description: null,
      resourceAccount: null,
      emergencyNumbers: [held],
    });
    const n = start.phoneNumbers.find((x) => x.telephoneNumber === held)!;
    Object.assign(n, { assignedPstnTargetId: 'TeamsSharedCallingRoutingPolicy|Tag:SC-Legacy', pstnAssignmentStatus: 'PolicyAssigned' });
    const w = new Workspace('en14', snapshotText(start));
    workspaces.push(w);
    w.writeScripts(plan);
    const run = record('EN14 number held elsewhere', w.run([]));
    expect(run.exitCode).toBe(1);
    const failed = parseCsv(w.output('01-prerequisites.retry.csv') ?? '');
    expect(failed.map((r) => [r.Target, r.Error])).toEqual([
      ["'" + held, expect.stringMatching(/^EN14: already a callback number of the Shared Calling policy SC-Legacy/)],
    ]);
    expect(mutating(run.calls)).toEqual([]);
  });
});

describe('scenario 6: a hostile plan', () => {
  const shape = (calls: CallLogEntry[]) =>
    tenantCalls(calls).map(
      (c) =>
        `${c.cmdlet}/${c.parameterSet ?? ''}/${Object.keys(c.parameters ?? {})
          .sort()
          .join(',')}`,
    );
  // Serial (-ThrottleLimit 1): the whole call sequence is deterministic, so it is compared in order.
  it('runs the same command sequence as the plain plan and every name arrives exactly', () => {
    const plain = samplePlan();
    const hostile = hostilePlan(plain);
    const wp = workspace('plain', plain);
    const wh = workspace('hostile', hostile);
    const rp = record('6 plain plan', wp.run(['-ThrottleLimit', '1']));
    const rh = record('6 hostile plan', wh.run(['-ThrottleLimit', '1']));
    expect(rp.exitCode, rp.stdout.slice(-2000)).toBe(0);
    expect(rh.exitCode, rh.stdout.slice(-2000)).toBe(0);
    expect(shape(rh.calls)).toEqual(shape(rp.calls));
    expectConverged(wh, hostile);
  });
  // Parallel (the default): the workers interleave, so the calls are compared as a multiset, and the
  // hostile names still arrive exactly (values travel to the workers as data, never as code).
  it('in parallel (-ThrottleLimit 4) makes the same calls as the plain plan and converges', () => {
    const plain = samplePlan();
    const hostile = hostilePlan(plain);
    const wp = workspace('plain-parallel', plain);
    const wh = workspace('hostile-parallel', hostile);
    const rp = record('6 plain plan, parallel', wp.run(['-ThrottleLimit', '4']));
    const rh = record('6 hostile plan, parallel', wh.run(['-ThrottleLimit', '4']));
    expect(rp.exitCode, rp.stdout.slice(-2000)).toBe(0);
    expect(rh.exitCode, rh.stdout.slice(-2000)).toBe(0);
    expect(shape(rh.calls).sort()).toEqual(shape(rp.calls).sort());
    expectConverged(wh, hostile);
  });
});

describe('scenario 7: rollback', () => {
  it('in a non-interactive session without -Confirm:$false it stops before the first change and says why', () => {
    const plan = samplePlan();
    const w = workspace('rollback-noconfirm', plan);
    expect(w.run([]).exitCode).toBe(0);
    const before = w.tenantText();
    const run = record('7 rollback without -Confirm:$false', w.run(['-Stage', 'rollback']));
    expect(run.exitCode).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/non-interactive: run it with -Confirm:\$false/);
    expect(mutating(run.calls)).toEqual([]);
    expect(w.tenantText()).toBe(before);
  });

  it('after apply, the rollback brings the tenant back to its starting snapshot', () => {
    const plan = samplePlan();
    const w = workspace('rollback', plan);
    const start = w.tenant();
    expect(record('7 apply', w.run([])).exitCode).toBe(0);
    const run = record('7 rollback', w.run(['-Stage', 'rollback', '-RemoveResourceAccounts', '-Confirm:$false']));
    expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
    // Batch operations stay in the tenant's history for 30 days (§3.14), and a LIS location pinned on a
    // number stays with the number (§3.15); everything else is as it was.
    const normal = (t: any) => ({
      ...t,
      batchOperations: [],
      phoneNumbers: t.phoneNumbers.map((n: any) => ({ ...n, locationId: null })),
    });
    expect(normal(w.tenant())).toEqual(normal(start));
  });
});

describe('scenario 8: callback number tags (§3.17, plan setting)', () => {
  it('apply tags every callback number with its policy name, a re-run changes nothing, the rollback removes the tags', () => {
    const plan = samplePlan();
    plan.tenant.tagCallbackNumbers = true;
    const w = workspace('tags', plan);
    const start = w.tenant();
    expect(record('8 apply with tags', w.run([])).exitCode).toBe(0);
    const tagged = new Map<string, string[]>();
    for (const n of w.tenant().phoneNumbers as { telephoneNumber: string; tags?: string[] }[]) tagged.set(n.telephoneNumber, [...(n.tags ?? [])]);
    let callbacks = 0;
    for (const p of plan.sharedCallingPolicies) {
      for (const id of p.callbackNumberIds) {
        const e164 = plan.numbers.find((n) => n.id === id)!.e164;
        expect(tagged.get(e164), e164).toEqual([p.name]);
        callbacks++;
      }
    }
    // Only callback numbers are tagged: 8 in the sample.
    expect(callbacks).toBe(8);
    expect([...tagged.values()].filter((t) => t.length > 0).length).toBe(8);
    const again = record('8 run again with tags', w.run([]));
    expect(again.exitCode).toBe(0);
    expect(mutating(again.calls)).toEqual([]);
    expect(record('8 rollback with tags', w.run(['-Stage', 'rollback', '-RemoveResourceAccounts', '-Confirm:$false'])).exitCode).toBe(0);
    const normal = (t: any) => ({ ...t, batchOperations: [], phoneNumbers: t.phoneNumbers.map((n: any) => ({ ...n, locationId: null })) });
    expect(normal(w.tenant())).toEqual(normal(start));
  });
});

describe('scenario 9: stage 07 in parallel on PowerShell 7 (issue 12 item 7)', () => {
  // Latency per call class, so that modelled time means something (tests/bench/groups.bench.ts).
  const LATENCY = { readMs: 300, writeMs: 600, batchMs: 1000 };
  const timed = (name: string, plan: Plan, extra: Record<string, unknown> = {}) => {
    const w = new Workspace(name, snapshotText(buildStartTenant(plan, { behaviour: { ...REALISTIC, latency: LATENCY, ...extra } })));
    w.writeScripts(plan);
    workspaces.push(w);
    return w;
  };
  const stage07 = STAGES.find((s) => s.number === '07')!;
  /** Log rows of stage 07 without the time column, in file order. */
  const rows07 = (w: Workspace) => logOf(w, stage07).map(({ Time: _time, ...rest }) => JSON.stringify(rest));
  const modelled = (calls: CallLogEntry[]) => Math.max(...calls.map((c) => c.virtualTime ?? 0)) - Math.min(...calls.map((c) => c.virtualTime ?? 0));
  const plan = samplePlan();

  it('-ThrottleLimit 4 converges exactly as serial does: same tenant, same log rows in the same order, same checkpoint; shorter modelled time', () => {
    const serial = timed('p-serial', plan);
    const parallel = timed('p-parallel', plan);
    const rs = record('9 apply serial', serial.run(['-ThrottleLimit', '1']));
    const rp = record('9 apply parallel', parallel.run(['-ThrottleLimit', '4']));
    expect(rs.exitCode, rs.stdout.slice(-2000)).toBe(0);
    expect(rp.exitCode, rp.stdout.slice(-2000)).toBe(0);
    // The same changes were made, and the tenants are the same (batch operations carry times).
    expect(mutating(rp.calls).length).toBe(mutating(rs.calls).length);
    // Users, numbers, policies and groups are the same. Numbers are compared sorted: a Direct Routing
    // extension number enters the inventory when it is assigned, so the list's order follows the
    // calls' order; batch operations carry times and auto attendant call flows random ids.
    const state = (w: Workspace) => {
      const t = w.tenant();
      const numbers = [...t.phoneNumbers].sort((a, b) => String(a.telephoneNumber).localeCompare(String(b.telephoneNumber)));
      return { users: t.users, numbers, policies: t.policies, groups: t.groups, groupPolicyAssignments: t.groupPolicyAssignments };
    };
    expect(state(parallel)).toEqual(state(serial));
    expectConverged(parallel, plan);
    // Deterministic files: the log rows (but their times) and the checkpoint are identical, in order.
    expect(rows07(parallel)).toEqual(rows07(serial));
    expect(rows07(parallel).length).toBeGreaterThan(plan.users.length);
    expect(rows07(parallel).some((r) => r.includes('users:parallel'))).toBe(false);
    expect(parallel.output('07-users.checkpoint.txt')).toBe(serial.output('07-users.checkpoint.txt'));
    expect(parallel.output('07-users.retry.csv')).toBeNull();
    // The workers ran on lanes of the virtual clock: the parallel apply took less modelled time.
    expect(modelled(rp.calls)).toBeLessThan(modelled(rs.calls));
    // A re-run finds every user done: no change made.
    const again = record('9 apply parallel again', parallel.run(['-ThrottleLimit', '4']));
    expect(again.exitCode).toBe(0);
    expect(mutating(again.calls)).toEqual([]);
  });

  it('with per-user failures the retry list holds exactly the failed items; -Resume converges without redoing finished work', () => {
    const w = timed('p-faults', plan);
    // Users who need Enterprise Voice in the starting tenant (the others have it already: no call to fail).
    const start = buildStartTenant(plan, { behaviour: REALISTIC }) as { users: { userPrincipalName: string; enterpriseVoiceEnabled: boolean }[] };
    const needsEv = new Set(start.users.filter((u) => !u.enterpriseVoiceEnabled).map((u) => u.userPrincipalName.toLowerCase()));
    const candidates = plan.users.filter((u) => needsEv.has(u.upn.toLowerCase()));
    const withExtension = candidates.filter((u) => u.extension).slice(0, 2);
    const withoutExtension = candidates.filter((u) => !u.extension).slice(0, 2);
    const evFailing = [withExtension[0]!, withoutExtension[0]!].map((u) => u.upn);
    const grantFailing = [withExtension[1]!, withoutExtension[1]!].map((u) => u.upn);
    w.setFaults({
      userFailures: [
        { cmdlet: 'Set-CsPhoneNumberAssignment', users: evFailing, status: 400, message: 'Enterprise Voice could not be set for this user.' },
        { cmdlet: 'Grant-CsTeamsSharedCallingRoutingPolicy', users: grantFailing, status: 400, message: 'The policy could not be granted to this user.' },
      ],
    });
    const run = record('9 apply parallel, per-user failures', w.run(['-ThrottleLimit', '4']));
    expect(run.exitCode).toBe(1);
    const failedRows = logOf(w, stage07).filter((r) => r.Status === 'Failed');
    const retry = parseCsv(w.output('07-users.retry.csv') ?? '');
    expect(retry.map((r) => `${r.Step} ${r.Target} ${r.Action} ${r.Error}`)).toEqual(failedRows.map((r) => `${r.Step} ${r.Target} ${r.Action} ${r.Detail}`));
    const failedUsers = [...new Set(retry.map((r) => (r.Target ?? '').toLowerCase()))].sort();
    expect(failedUsers).toEqual([...evFailing, ...grantFailing].map((u) => u.toLowerCase()).sort());
    // Enterprise Voice failed: the grant was not attempted (§9 order).
    for (const upn of evFailing) {
      const steps = retry.filter((r) => r.Target === upn).map((r) => r.Step!.split(':').pop());
      expect(steps).toContain('ev');
      expect(steps).toContain('scp');
    }
    const granted = (calls: CallLogEntry[]) =>
      calls.filter((c) => c.cmdlet === 'Grant-CsTeamsSharedCallingRoutingPolicy').map((c) => String(c.parameters?.Identity));
    expect(granted(run.calls).filter((u) => evFailing.includes(u))).toEqual([]);
    w.setFaults(null);
    const resumed = record('9 resume parallel', w.run(['-ThrottleLimit', '4', '-Resume']));
    expect(resumed.exitCode, resumed.stdout.slice(-2000)).toBe(0);
    // Only the failed users' steps were made again.
    const touched = [...new Set(mutating(resumed.calls).map((c) => String(c.parameters?.Identity ?? c.parameters?.UserId).toLowerCase()))].sort();
    expect(touched).toEqual(failedUsers);
    expectConverged(w, plan);
  });

  it('sessionPerRunspace: the worker runspaces are not connected; the stage says so in one log line, runs the users here and converges', () => {
    const w = timed('p-session', plan, { sessionPerRunspace: true });
    const run = record('9 apply, runspaces not connected', w.run(['-ThrottleLimit', '4']));
    expect(run.exitCode, run.stdout.slice(-2000)).toBe(0);
    const rows = logOf(w, stage07);
    const fallback = rows.filter((r) => r.Step === 'users:parallel');
    expect(fallback).toHaveLength(1);
    expect(fallback[0]!.Detail).toMatch(/not connected/);
    // No user lost, none done twice: every step once in the log, one unconnected call only (besides
    // the Get-CsTenant with which stage 01 finds out it has to connect).
    const steps = rows.filter((r) => r.Step !== 'users:parallel').map((r) => r.Step);
    expect(new Set(steps).size).toBe(steps.length);
    expect(run.calls.filter((c) => c.status === 401 && c.cmdlet !== 'Get-CsTenant')).toHaveLength(1);
    expect(rows.filter((r) => r.Status === 'Failed')).toEqual([]);
    expectConverged(w, plan);
  });
});
