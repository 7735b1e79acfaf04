/**
 * Benchmark (issue 11, scenario 8): apply a 100,000-user plan with the generated runbook in pwsh
 * against the simulated tenant, and print the wall time, the tenant calls per 1,000 users and the
 * modelled time (the simulator's virtual clock: a latency per call class plus every wait the
 * scripts make). Prints figures only; needs pwsh (`dotnet tool restore`).
 *
 *   npx tsx tests/bench/tenant.bench.ts            (BENCH_USERS=10000 for a quicker run)
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createSamplePlan } from '../../src/lib/domain/sample-plan.js';
import type { Plan, User } from '../../src/lib/domain/model.js';
import { buildStartTenant, snapshotText } from '../powershell/sim/tenants/make-start.js';
import { REPO, Workspace, mutating, tenantCalls } from '../powershell/support/runbook.js';
import { report } from './report.js';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
// Modelled latency per call class (inferred, not documented: Teams admin calls take a few hundred
// milliseconds; a batch submission about a second).
const LATENCY = { readMs: 300, writeMs: 600, batchMs: 1000, realSleep: false };

function bigPlan(n: number): Plan {
  const plan = createSamplePlan();
  const base = plan.users;
  const users: User[] = new Array<User>(n);
  for (let i = 0; i < n; i++) {
    const u = base[i % base.length] as User;
    const [local, domain] = u.upn.split('@') as [string, string];
    users[i] = { ...u, upn: `${local}.${i}@${domain}`, extension: u.extension ? String(10000 + i) : '' };
  }
  return { ...plan, users };
}

execFileSync(process.execPath, [path.join(REPO, 'tests/powershell/sim/build.mjs')], { cwd: REPO, stdio: 'ignore' });
const plan = bigPlan(USERS);
const w = new Workspace('bench', snapshotText(buildStartTenant(plan, { behaviour: { latency: LATENCY } })));
w.writeScripts(plan);
const t0 = performance.now();
// A 100,000-user apply takes hours of pwsh time on a 2-core machine: no time limit here.
const run = w.run([], 'Invoke-SharedCallingRunbook.ps1', { SIM_SAVE: 'end' }, 0);
const wallS = (performance.now() - t0) / 1000;
const calls = tenantCalls(run.calls);
const last = run.calls[run.calls.length - 1];
const modelledH = (last?.virtualTime ?? 0) / 3600;
console.log(
  `${USERS} users: exit ${run.exitCode}, ${calls.length} tenant calls (${mutating(run.calls).length} mutating), wall ${wallS.toFixed(0)} s, modelled ${modelledH.toFixed(1)} h`,
);
if (run.exitCode !== 0) {
  console.log(`the run did not finish (exit ${run.exitCode}): no figures`);
  console.log(run.stdout.slice(-2000));
  process.exit(1);
}
report({ name: `tenant apply ${USERS.toLocaleString('en-US')} users: wall time (pwsh + simulator)`, value: wallS, unit: 's' });
report({ name: 'tenant apply: tenant calls per 1,000 users', value: (calls.length / USERS) * 1000, unit: 'calls' });
report({ name: 'tenant apply: modelled time (latency + waits)', value: modelledH, unit: 'h' });
w.dispose();
