/**
 * Benchmark (issue 12 item 8): the Shared Calling policy per user against by group, at scale, in
 * pwsh against the simulated tenant: the plan's users spread over four Shared Calling policies,
 * stages 07 (users) and 08 (verify) after stages 01-06 have run. Figures: tenant calls per 1,000
 * users and modelled time (the simulator's virtual clock: a latency per call class, every wait the
 * scripts make, and 429s under the documented Graph write quota of §10.4: 3,000 writes per 150 s
 * per app and tenant). Prints figures only; needs pwsh (`dotnet tool restore`).
 *
 *   npx tsx tests/bench/groups.bench.ts      (BENCH_GROUP_USERS=10000 by default; 100000 for the full size)
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createSamplePlan } from '../../src/lib/domain/sample-plan.js';
import type { Plan, SharedCallingPolicy, User } from '../../src/lib/domain/model.js';
import { buildStartTenant, snapshotText } from '../powershell/sim/tenants/make-start.js';
import { REPO, Workspace, mutating, tenantCalls } from '../powershell/support/runbook.js';
import { report } from './report.js';

const USERS = Number(process.env.BENCH_GROUP_USERS ?? 10_000);
// Modelled latency per call class (inferred, not documented: Teams admin calls take a few hundred
// milliseconds; a batch submission about a second).
const LATENCY = { readMs: 300, writeMs: 600, batchMs: 1000, realSleep: false };
// §10.4 [G-THROT]: Graph identity writes, 3,000 requests per 2 min 30 s per app + tenant.
const GRAPH_WRITES = {
  maxCalls: 3000,
  windowSeconds: 150,
  retryAfterSeconds: 30,
  cmdlets: ['Update-MgGroup', 'New-MgGroup', 'New-MgGroupMember', 'Update-MgUser', 'Set-MgUserLicense'],
};

/** `n` users over four Shared Calling policies (the sample's three plus a second Seattle policy). */
function bigPlan(n: number, method: 'perUser' | 'group'): Plan {
  const plan = createSamplePlan();
  const seattle = plan.sharedCallingPolicies.find((p) => p.id === 'scp-seattle')!;
  const fourth: SharedCallingPolicy = { ...seattle, id: 'scp-seattle-2', name: 'SC-Seattle-2', description: 'Second Seattle policy', callbackNumberIds: [] };
  const policies = [...plan.sharedCallingPolicies, fourth].map((p, i) => ({
    ...p,
    assignment:
      method === 'group'
        ? ({
            method: 'group',
            group: { name: `SC policy group ${p.name}`, objectId: '', rank: i + 1, existing: false, hiddenMembership: false, nestedGroups: false },
          } as const)
        : ({ method: 'perUser' } as const),
  }));
  const base = plan.users;
  const users: User[] = new Array<User>(n);
  for (let i = 0; i < n; i++) {
    const u = base[i % base.length] as User;
    const [local, domain] = u.upn.split('@') as [string, string];
    // Every fourth Seattle user goes to the fourth policy; no extensions (they are per user either way).
    const policy = u.sharedCallingPolicyId === 'scp-seattle' && i % 4 === 0 ? 'scp-seattle-2' : u.sharedCallingPolicyId;
    users[i] = { ...u, upn: `${local}.${i}@${domain}`, extension: '', sharedCallingPolicyId: policy };
  }
  return { ...plan, sharedCallingPolicies: policies, users };
}

execFileSync(process.execPath, [path.join(REPO, 'tests/powershell/sim/build.mjs')], { cwd: REPO, stdio: 'ignore' });

const results: Record<string, { calls: number; modelledS: number; wallS: number }> = {};
for (const method of ['perUser', 'group'] as const) {
  const plan = bigPlan(USERS, method);
  const w = new Workspace(`bench-${method}`, snapshotText(buildStartTenant(plan, { behaviour: { latency: LATENCY, throttling: GRAPH_WRITES } })));
  w.writeScripts(plan);
  // Stages 01-06 first (objects), measured separately from the user stages.
  for (const stage of ['01', '02', '03', '04', '05', '06']) w.run(['-Stage', stage], 'Invoke-SharedCallingRunbook.ps1', { SIM_SAVE: 'end' });
  const before = w.allCalls();
  const startClock = before[before.length - 1]?.virtualTime ?? 0;
  const t0 = performance.now();
  const r7 = w.run(['-Stage', '07'], 'Invoke-SharedCallingRunbook.ps1', { SIM_SAVE: 'end' });
  const r8 = w.run(['-Stage', '08'], 'Invoke-SharedCallingRunbook.ps1', { SIM_SAVE: 'end' });
  const wallS = (performance.now() - t0) / 1000;
  const calls = [...r7.calls, ...r8.calls];
  const last = calls[calls.length - 1];
  const modelledS = (last?.virtualTime ?? startClock) - startClock;
  const n = tenantCalls(calls).length;
  console.log(
    `${method}: ${USERS} users, stage 07 exit ${r7.exitCode}, stage 08 exit ${r8.exitCode}, ${n} tenant calls (${mutating(calls).length} mutating, ${calls.filter((c) => c.status === 429).length} throttled), wall ${wallS.toFixed(0)} s, modelled ${(modelledS / 3600).toFixed(2)} h`,
  );
  if (r7.exitCode !== 0) console.log(r7.stdout.slice(-1500));
  results[method] = { calls: n, modelledS, wallS };
  w.dispose();
}

const per = results.perUser!;
const grp = results.group!;
const size = USERS.toLocaleString('en-US');
report({ name: `per-user method, ${size} users in 4 policies: tenant calls per 1,000 users (stages 07-08)`, value: (per.calls / USERS) * 1000, unit: 'calls' });
report({
  name: `group method, ${size} users in 4 policies: tenant calls per 1,000 users (stages 07-08)`,
  value: (grp.calls / USERS) * 1000,
  unit: 'calls',
  target: '≤ 1,100',
  ok: grp.calls / USERS <= 1.1,
});
report({ name: `per-user method, ${size} users: modelled time`, value: per.modelledS / 3600, unit: 'h' });
report({ name: `group method, ${size} users: modelled time`, value: grp.modelledS / 3600, unit: 'h' });
report({
  name: `group / per-user modelled time, ${size} users`,
  value: grp.modelledS / per.modelledS,
  unit: 'ratio',
  target: '≤ 0.33',
  ok: grp.modelledS / per.modelledS <= 1 / 3,
});
report({ name: `wall time per-user + group runs, ${size} users (pwsh + simulator)`, value: per.wallS + grp.wallS, unit: 's' });
