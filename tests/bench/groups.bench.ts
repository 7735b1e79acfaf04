/**
 * Benchmark (issue 12 item 8): the Shared Calling policy per user against by group, at scale, in
 * pwsh against the simulated tenant: the plan's users spread over four Shared Calling policies,
 * stages 07 (users) and 08 (verify) after stages 01-06 have run. Figures: tenant calls per 1,000
 * users and modelled time (the simulator's virtual clock: a latency per call class, every wait the
 * scripts make, and 429s under the documented Graph write quota of §10.4: 3,000 writes per 150 s
 * per app and tenant). Each method runs twice with the same generated scripts: serial
 * (`-ThrottleLimit 1`, as Windows PowerShell 5.1 runs stage 07) and parallel (the default
 * `-ThrottleLimit`, ForEach-Object -Parallel on PowerShell 7; the simulator's virtual clock keeps one
 * lane per worker runspace, tests/powershell/sim/README.md). Prints figures only; needs pwsh
 * (`dotnet tool restore`).
 *
 *   npx tsx tests/bench/groups.bench.ts      (BENCH_GROUP_USERS=10000 by default; 100000 for the full size)
 *   BENCH_GROUP_RUNS=group:4,perUser:4       (only these method:throttle runs)
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

/** The generated stage 07 default (src/lib/powershell/stages/users-parallel.ts). */
const DEFAULT_THROTTLE = 4;
type Method = 'perUser' | 'group';
interface Run {
  method: Method;
  throttle: number;
  calls: number;
  mutating: number;
  throttled: number;
  modelledS: number;
  wallS: number;
  exit: number;
}
const wanted = (process.env.BENCH_GROUP_RUNS ?? `perUser:1,perUser:${DEFAULT_THROTTLE},group:1,group:${DEFAULT_THROTTLE}`)
  .split(',')
  .map((r) => r.split(':') as [Method, string])
  .map(([method, t]) => ({ method, throttle: Number(t) }));

const runs: Run[] = [];
for (const { method, throttle } of wanted) {
  const plan = bigPlan(USERS, method);
  const w = new Workspace(`bench-${method}-${throttle}`, snapshotText(buildStartTenant(plan, { behaviour: { latency: LATENCY, throttling: GRAPH_WRITES } })));
  w.writeScripts(plan);
  // Stages 01-06 first (objects), measured separately from the user stages.
  for (const stage of ['01', '02', '03', '04', '05', '06']) w.run(['-Stage', stage], 'Invoke-SharedCallingRunbook.ps1', { SIM_SAVE: 'end' });
  const before = w.allCalls();
  const startClock = before[before.length - 1]?.virtualTime ?? 0;
  const t0 = performance.now();
  const r7 = w.run(['-Stage', '07', '-ThrottleLimit', String(throttle)], 'Invoke-SharedCallingRunbook.ps1', { SIM_SAVE: 'end' });
  const r8 = w.run(['-Stage', '08'], 'Invoke-SharedCallingRunbook.ps1', { SIM_SAVE: 'end' });
  const wallS = (performance.now() - t0) / 1000;
  const calls = [...r7.calls, ...r8.calls];
  // The run ends at the latest time any call reached (a worker's lane may end after the main clock's last entry).
  const endClock = calls.reduce((m, c) => Math.max(m, c.virtualTime ?? 0), startClock);
  const run: Run = {
    method,
    throttle,
    calls: tenantCalls(calls).length,
    mutating: mutating(calls).length,
    throttled: calls.filter((c) => c.status === 429).length,
    modelledS: endClock - startClock,
    wallS,
    exit: Math.max(r7.exitCode, r8.exitCode),
  };
  console.log(
    `${method} -ThrottleLimit ${throttle}: ${USERS} users, stage 07 exit ${r7.exitCode}, stage 08 exit ${r8.exitCode}, ${run.calls} tenant calls (${run.mutating} mutating, ${run.throttled} throttled), wall ${wallS.toFixed(0)} s, modelled ${(run.modelledS / 3600).toFixed(2)} h`,
  );
  if (r7.exitCode !== 0) console.log(r7.stdout.slice(-1500));
  runs.push(run);
  w.dispose();
}

const size = USERS.toLocaleString('en-US');
const label = (r: Run) =>
  `${r.method === 'perUser' ? 'per-user' : 'group'} method, ${r.throttle === 1 ? 'serial (-ThrottleLimit 1)' : `parallel (-ThrottleLimit ${r.throttle})`}`;
const table = [
  ['run', 'tenant calls', 'per 1,000 users', 'mutating', 'throttled (429)', 'modelled', 'wall (pwsh + sim)', 'exit'],
  ...runs.map((r) => [
    label(r),
    r.calls.toLocaleString('en-US'),
    ((r.calls / USERS) * 1000).toFixed(0),
    r.mutating.toLocaleString('en-US'),
    String(r.throttled),
    `${(r.modelledS / 3600).toFixed(2)} h`,
    `${r.wallS.toFixed(0)} s`,
    String(r.exit),
  ]),
];
console.log(`\n${size} users in 4 Shared Calling policies, stages 07-08:`);
for (const row of table) console.log(`| ${row.join(' | ')} |`);

for (const r of runs) {
  const name = `${label(r)}, ${size} users`;
  report({
    name: `${name}: tenant calls per 1,000 users (stages 07-08)`,
    value: (r.calls / USERS) * 1000,
    unit: 'calls',
    ...(r.method === 'group' ? { target: '≤ 1,100', ok: r.calls / USERS <= 1.1 } : {}),
  });
  report({ name: `${name}: modelled time`, value: r.modelledS / 3600, unit: 'h' });
  report({ name: `${name}: wall time (pwsh + simulator)`, value: r.wallS, unit: 's' });
}
// Targets: the group method against the per-user method at the same throttle limit.
for (const throttle of [...new Set(runs.map((r) => r.throttle))]) {
  const per = runs.find((r) => r.method === 'perUser' && r.throttle === throttle);
  const grp = runs.find((r) => r.method === 'group' && r.throttle === throttle);
  if (!per || !grp) continue;
  report({
    name: `group / per-user modelled time, ${size} users, -ThrottleLimit ${throttle}`,
    value: grp.modelledS / per.modelledS,
    unit: 'ratio',
    target: '≤ 0.33',
    ok: grp.modelledS / per.modelledS <= 1 / 3,
  });
  report({
    name: `group method calls per user, ${size} users, -ThrottleLimit ${throttle}`,
    value: grp.calls / USERS,
    unit: 'ratio',
    target: '≤ 1.1',
    ok: grp.calls / USERS <= 1.1,
  });
}
const serialPer = runs.find((r) => r.method === 'perUser' && r.throttle === 1);
const parallelGrp = runs.find((r) => r.method === 'group' && r.throttle !== 1);
if (serialPer && parallelGrp) {
  report({
    name: `group method parallel / per-user method serial (5.1) modelled time, ${size} users`,
    value: parallelGrp.modelledS / serialPer.modelledS,
    unit: 'ratio',
  });
}
