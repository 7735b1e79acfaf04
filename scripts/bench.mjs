#!/usr/bin/env node
// `npm run bench`: run every benchmark in tests/bench, show their output, then one table of the
// figures they report (lines `BENCH\t{json}`). Benchmarks print figures; nothing here fails on a
// slow figure. Needs a build (dist/) for the bundle and browser figures: run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync('tests/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const figures = [];
let failures = 0;
for (const file of files) {
  console.log(`\n━━ ${file}`);
  const res = spawnSync(process.execPath, ['--import', 'tsx', `tests/bench/${file}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=8192`.trim() },
  });
  for (const line of (res.stdout ?? '').split('\n')) {
    if (line.startsWith('BENCH\t')) {
      try {
        figures.push({ file, ...JSON.parse(line.slice(6)) });
      } catch {
        console.log(line);
      }
    } else if (line.trim()) console.log(line);
  }
  if (res.stderr?.trim())
    console.error(
      res.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.includes('Unknown user config'))
        .join('\n'),
    );
  if (res.status !== 0) {
    failures++;
    console.error(`${file} exited with ${res.status}`);
  }
}

const fmt = (v, unit) => (unit === 'ratio' ? v.toFixed(2) : unit === 'KB' ? v.toFixed(1) : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const rows = figures.map((f) => [
  f.name,
  `${fmt(f.value, f.unit)} ${f.unit === 'ratio' ? '×' : f.unit}`,
  f.target ?? '',
  f.ok === undefined ? '' : f.ok ? 'within' : 'OVER',
]);
const head = ['figure', 'value', 'target', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
console.log('\n' + line(head));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
if (failures) {
  console.error(`\n${failures} benchmark file(s) failed to run.`);
  process.exit(1);
}
