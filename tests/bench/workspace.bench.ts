/**
 * Benchmark of the Users screen at 100,000 users (users of the sample plan replicated with unique
 * UPNs). Prints figures; asserts nothing. Run: npx tsx tests/bench/workspace.bench.ts
 *
 * 1. Node: the core derivation behind the table (queryUsers: search + column filter + sort) per
 *    filter keystroke, and a bulk assignment of every user (assignUsers) and applyRules.
 * 2. Chromium (needs `npx vite build` first; BENCH_BROWSER=0 skips it): restores the plan through
 *    the plan list's "Restore from backup…", opens Users and measures keystroke → DOM updated
 *    (keydown to the first DOM mutation of the grid / count, and to the next animation frame).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { report as benchReport } from './report.js';
import {
  applyRules,
  assignUsers,
  createSamplePlan,
  queryUsers,
  serializePlan,
  userKey,
  EMPTY_QUERY,
  type Plan,
  type User,
  type UserQuery,
} from '../../src/lib/index.js';

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
    users.push({ ...t, upn: `${local}.${copy}@${domain}`, extension: copy === 0 ? t.extension : '' });
  }
  return { ...plan, id: 'bench', name: 'Benchmark 100k', users };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
function time(runs: number, fn: (run: number) => void): number[] {
  const out: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn(r);
    out.push(performance.now() - t0);
  }
  return out;
}
const report = (label: string, xs: number[], budget = '') => {
  console.log(
    `  ${label.padEnd(46)} median ${fmt(median(xs)).padStart(9)}   min ${fmt(Math.min(...xs)).padStart(9)}   max ${fmt(Math.max(...xs)).padStart(9)}${budget}`,
  );
  const target = /≤ (\d+) ms/.exec(budget);
  benchReport({
    name: `users, 100,000: ${label} (median)`,
    value: median(xs),
    unit: 'ms',
    ...(target ? { target: `≤ ${target[1]} ms`, ok: median(xs) <= Number(target[1]) } : {}),
  });
};

const plan = bigPlan(TARGET_USERS);
console.log(`Users table core: ${plan.users.length.toLocaleString('en-US')} users, ${RUNS} runs each`);

// First pass builds the per-user lower-case cache (once per plan load).
report(
  'first query (builds text cache)',
  time(1, () => queryUsers(plan, EMPTY_QUERY)),
);

// Keystrokes: the query grows one character at a time, as in the search box.
const words = ['k', 'ko', 'kow', 'kowa', 'kowal'];
const q = (search: string, extra: Partial<UserQuery> = {}): UserQuery => ({ ...EMPTY_QUERY, search, ...extra });
report(
  'search keystroke (plan order)',
  time(RUNS, (r) => queryUsers(plan, q(words[r % words.length]!))),
  '   (budget 100 ms)',
);
report(
  'column filter keystroke (Site contains)',
  time(RUNS, (r) => queryUsers(plan, q('', { filters: { site: ['l', 'lo', 'lon'][r % 3]! } }))),
);
report(
  'first sort by display name',
  time(1, () => queryUsers(plan, q('', { sort: { column: 'displayName', dir: 'asc' } }))),
);
report(
  'search keystroke, sorted by display name',
  time(RUNS, (r) => queryUsers(plan, q(words[r % words.length]!, { sort: { column: 'displayName', dir: 'asc' } }))),
  '   (budget 100 ms)',
);
report(
  'first sort by Shared Calling policy',
  time(1, () => queryUsers(plan, q('', { sort: { column: 'sharedCallingPolicy', dir: 'desc' } }))),
);

const allKeys = plan.users.map((u) => userKey(u.upn));
let assigned = plan;
report(
  'bulk assign policy to all users',
  time(RUNS, (r) => (assigned = assignUsers(plan, allKeys, { sharedCallingPolicyId: r % 2 ? 'scp-london' : 'scp-sydney' }).plan)),
);
report(
  'query after the bulk edit (text cache reused)',
  time(1, () => queryUsers(assigned, q('kow'))),
);
const ruled: Plan = {
  ...plan,
  assignmentRules: [
    { id: 'r1', enabled: true, field: 'siteId', operator: 'is', values: ['site-london'], assign: { sharedCallingPolicyId: 'scp-seattle' } },
    { id: 'r2', enabled: true, field: 'department', operator: 'isOneOf', values: ['Warehouse', 'Retail'], assign: { emergencyPolicyId: 'ecrp-uk' } },
  ],
};
report(
  'applyRules (2 rules)',
  time(RUNS, () => applyRules(ruled)),
);

if (process.env['BENCH_BROWSER'] !== '0') await browserBench(plan);

async function browserBench(big: Plan) {
  if (!existsSync('dist/index.html')) {
    console.log('\nChromium: skipped (dist/ is missing: run `npx vite build` first).');
    return;
  }
  const { launchBrowser, openSession } = await import('../e2e/support/browser.js');
  const { PlanListPage, WorkspacePage } = await import('../e2e/pages/app.js');
  const server = spawn(process.execPath, ['scripts/serve.mjs', 'dist', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) =>
    server.stdout!.on('data', (c: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(c.toString());
      if (m?.[1]) resolve(m[1]);
    }),
  );
  const browser = await launchBrowser();
  try {
    const s = await openSession(browser, url, { viewport: { width: 1400, height: 900 } });
    s.page.setDefaultTimeout(180_000);
    await s.page.goto(url);
    await new WorkspacePage(s.page).waitOpen();
    const list = new PlanListPage(s.page);
    await list.open(url);
    const t0 = performance.now();
    await list.restore('bench.json', serializePlan(big));
    await new WorkspacePage(s.page).waitOpen();
    console.log(`\nChromium (${big.users.length.toLocaleString('en-US')} users): restore + open ${fmt(performance.now() - t0)}`);
    await s.page.goto(`${url}#/plan/bench/users`);
    await s.page.getByRole('grid', { name: 'Users' }).waitFor();
    await s.page
      .getByRole('status')
      .filter({ hasText: `of ${big.users.length.toLocaleString('en-US')} users` })
      .waitFor();
    console.log(`  rendered rows in the DOM: ${await s.page.locator('[role=row][data-row]').count()}`);

    // keydown → first DOM mutation of the grid or the count, and → the next animation frame.
    await s.page.evaluate(() => {
      const w = window as unknown as { __t: { dom: number; frame: number }[]; __t0: number; __seen: boolean };
      w.__t = [];
      w.__seen = true;
      addEventListener('keydown', () => ((w.__t0 = performance.now()), (w.__seen = false)), true);
      const obs = new MutationObserver(() => {
        if (w.__seen) return;
        w.__seen = true;
        const dom = performance.now() - w.__t0;
        requestAnimationFrame(() => w.__t.push({ dom, frame: performance.now() - w.__t0 }));
      });
      const grid = document.querySelector('[role=grid]');
      if (grid) obs.observe(grid, { subtree: true, childList: true, characterData: true, attributes: true });
      for (const st of document.querySelectorAll('[role=status]')) obs.observe(st, { subtree: true, childList: true, characterData: true });
    });
    const type = async (label: string, keys: string[]) => {
      await s.page.evaluate(() => ((window as unknown as { __t: unknown[] }).__t = []));
      for (const k of keys) {
        await s.page.keyboard.press(k);
        await s.page.waitForTimeout(150);
      }
      const t = await s.page.evaluate(() => (window as unknown as { __t: { dom: number; frame: number }[] }).__t);
      report(
        `${label}: keydown → DOM`,
        t.map((x) => x.dom),
      );
      report(
        `${label}: keydown → next frame`,
        t.map((x) => x.frame),
        '   (target ≤ 100 ms)',
      );
    };
    await s.page.getByLabel('Search users').focus();
    await type('search box', ['k', 'o', 'w', 'a', 'l', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace']);
    await s.page.getByLabel('Filter Site', { exact: true }).focus();
    await type('Site filter', ['l', 'o', 'n', 'Backspace', 'Backspace', 'Backspace']);
    await s.page.getByRole('columnheader', { name: 'Display name' }).getByRole('button').click();
    await s.page.waitForTimeout(500);
    await s.page.getByLabel('Search users').focus();
    await type('search box, sorted by name', ['k', 'o', 'w', 'a', 'Backspace', 'Backspace', 'Backspace', 'Backspace']);
    if (s.errors.length) console.log('  console errors:', s.errors);
    await s.context.close();
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}
