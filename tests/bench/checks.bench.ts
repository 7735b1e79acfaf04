/**
 * Benchmark: checkPlan on a 100,000-user plan built from the sample plan (users replicated with
 * unique UPNs). Prints figures; asserts nothing. Run: npx tsx tests/bench/checks.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { checkPlan } from '../../src/lib/checks/index.js';
import { planStatus } from '../../src/lib/status/index.js';
import type { Plan, User } from '../../src/lib/domain/model.js';
import { createSamplePlan } from '../../src/lib/domain/sample-plan.js';
import { report as benchReport } from './report.js';

const TARGET_USERS = Number(process.env['BENCH_USERS'] ?? 100_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 9);

function bigPlan(target: number): Plan {
  const plan = createSamplePlan();
  const template = plan.users;
  const users: User[] = [];
  for (let i = 0; users.length < target; i++) {
    const t = template[i % template.length] as User;
    const copy = Math.floor(i / template.length);
    const [local, domain] = t.upn.split('@');
    // Extensions must stay unique (V3), so only the first copy keeps them.
    users.push({ ...t, upn: `${local}.${copy}@${domain}`, extension: copy === 0 ? t.extension : '' });
  }
  return { ...plan, users };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Worst case: every user breaks several per-user rules (licence, number, routing, extension …). */
function brokenPlan(plan: Plan): Plan {
  const users = plan.users.map((u, i) => ({
    ...u,
    teamsPhone: 'unknown' as const,
    currentNumber: `+1425555${String(i % 10000).padStart(4, '0')}`,
    voiceRoutingPolicyId: null,
    emergencyPolicyId: i % 2 ? null : u.emergencyPolicyId,
    extension: String(i % 500),
  }));
  return { ...plan, users, tenant: { ...plan.tenant, globalVoiceRoutingHasUsages: 'unknown' } };
}

function run(label: string, plan: Plan): void {
  checkPlan(plan); // warm-up (JIT)
  const times: number[] = [];
  let count = 0;
  for (let r = 0; r < RUNS; r++) {
    // A fresh users array per run: an edit of a user gives one, so per-users-array caches (the
    // number holders) are rebuilt as in the app.
    const fresh = { ...plan, users: [...plan.users] };
    const t0 = performance.now();
    count = checkPlan(fresh).length;
    times.push(performance.now() - t0);
  }
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  console.log(`checkPlan, ${label}: ${plan.users.length.toLocaleString('en-US')} users, ${RUNS} runs, ${count} findings`);
  console.log(`  median ${fmt(median(times))}   min ${fmt(Math.min(...times))}   max ${fmt(Math.max(...times))}   (budget 200 ms)`);
  benchReport({ name: `checkPlan, 100,000 users (${label}), median`, value: median(times), unit: 'ms', target: '≤ 200 ms', ok: median(times) <= 200 });
}

const plan = bigPlan(TARGET_USERS);
run('sample replicated', plan);
run('every user broken', brokenPlan(plan));

/**
 * The status model on top of the findings (every screen reads it): built once per plan value. A
 * fresh users array per run, so nothing cached per users array (holders, user keys) is reused.
 */
function runStatus(label: string, base: Plan): void {
  const times: number[] = [];
  planStatus({ ...base, users: [...base.users] }, checkPlan(base)); // warm-up (JIT)
  for (let r = 0; r < RUNS; r++) {
    const plan = { ...base, users: [...base.users] };
    const findings = checkPlan(plan);
    const t0 = performance.now();
    planStatus(plan, findings);
    times.push(performance.now() - t0);
  }
  console.log(`planStatus, ${label}: median ${median(times).toFixed(1)} ms (after checkPlan)`);
  benchReport({ name: `planStatus, 100,000 users (${label}), median`, value: median(times), unit: 'ms', target: '≤ 100 ms', ok: median(times) <= 100 });
}
runStatus('sample replicated', plan);
runStatus('every user broken', brokenPlan(plan));
