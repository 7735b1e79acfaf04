/**
 * Figures measured in the built app and in Chromium: bundle sizes (load budget), time to first
 * render of the sample plan, and saving 100,000 users with Dexie against a raw IndexedDB put loop.
 * Run `npm run build` first.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { launchBrowser, openSession } from '../e2e/support/browser.js';
import { median, report } from './report.js';

const kb = (bytes: number) => bytes / 1024;

function bundleSizes() {
  if (!existsSync('dist/index.html')) {
    console.log('dist/ missing: run `npm run build` for the bundle figures');
    return;
  }
  const html = readFileSync('dist/index.html', 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  const assets = readdirSync('dist/assets');
  let total = 0;
  for (const f of assets) {
    if (!f.endsWith('.js')) continue;
    const gz = gzipSync(readFileSync(join('dist/assets', f))).length;
    total += gz;
    console.log(`  ${f.padEnd(48)} ${kb(gz).toFixed(1).padStart(7)} KB gzip${entry?.endsWith(f) ? '  (entry)' : ''}`);
  }
  if (entry) {
    // The entry script and every chunk the page loads with it (modulepreload: static imports).
    const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
    const gz = [entry, ...preloads].reduce((sum, f) => sum + kb(gzipSync(readFileSync(join('dist', f))).length), 0);
    report({ name: `entry JavaScript incl. ${preloads.length} preloaded chunk(s) (gzip)`, value: gz, unit: 'KB', target: '≤ 120 KB', ok: gz <= 120 });
  }
  report({ name: 'all JavaScript chunks (gzip)', value: kb(total), unit: 'KB' });
  if (existsSync('dist-single/index.html')) {
    report({ name: 'single-file build (gzip)', value: kb(gzipSync(readFileSync('dist-single/index.html')).length), unit: 'KB' });
  }
}

async function serve(dir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['scripts/serve.mjs', dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(c.toString());
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error('server exited')));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function browserFigures() {
  if (!existsSync('dist/index.html')) return;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'tests/bench/idb/vite.config.ts', '--logLevel', 'error'], {
    stdio: 'inherit',
  });
  const app = await serve('dist');
  const bench = await serve('dist-bench');
  const browser = await launchBrowser();
  try {
    // Time to first render: fresh profile (the sample plan is created), then a warm reload.
    const first: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = await openSession(browser, app.url);
      const t0 = Date.now();
      await s.page.goto(app.url);
      await s.page.getByRole('navigation', { name: 'Plan areas' }).waitFor();
      await s.page.getByText('Users', { exact: true }).first().waitFor();
      first.push(Date.now() - t0);
      const t1 = Date.now();
      await s.page.reload();
      await s.page.getByRole('navigation', { name: 'Plan areas' }).waitFor();
      warm.push(Date.now() - t1);
      await s.context.close();
    }
    report({ name: 'first render of the sample plan, first start', value: median(first), unit: 'ms' });
    report({ name: 'first render of the sample plan, reload', value: median(warm), unit: 'ms' });

    const s = await openSession(browser, bench.url);
    await s.page.goto(bench.url);
    const rounds: { raw: number; dexie: number; planner: number }[] = [];
    for (let r = 0; r < 3; r++) rounds.push(await s.page.evaluate(([n, round]) => window.runBench(n, round), [100_000, r] as const));
    const raw = median(rounds.map((r) => r.raw));
    const dexie = median(rounds.map((r) => r.dexie));
    const planner = median(rounds.map((r) => r.planner));
    console.log(`  rounds: ${JSON.stringify(rounds.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v)]))))}`);
    report({ name: 'save 100,000 users: raw IndexedDB put loop, one transaction', value: raw, unit: 'ms' });
    report({ name: 'save 100,000 users: Dexie bulkPut (same records)', value: dexie, unit: 'ms' });
    report({ name: 'save 100,000 users: the planner (Dexie, 1,000-user chunks)', value: planner, unit: 'ms' });
    report({ name: 'Dexie bulkPut ÷ raw put loop', value: dexie / raw, unit: 'ratio' });
    report({ name: 'planner save ÷ raw put loop', value: planner / raw, unit: 'ratio' });
    await s.context.close();
  } finally {
    await browser.close();
    app.stop();
    bench.stop();
  }
}

bundleSizes();
await browserFigures();
