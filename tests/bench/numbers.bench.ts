/**
 * Benchmark (issue 12 item 2): the number inventory at 10,000 numbers. What the Sites screen derives
 * once per plan value (the use map, the range rows of the whole inventory) and once per keystroke
 * or filter change (filterNumbers, then numberRanges of what matches). Prints figures; asserts nothing.
 *
 *   npx tsx tests/bench/numbers.bench.ts            (BENCH_NUMBERS=100000 for a bigger inventory)
 */
import { performance } from 'node:perf_hooks';
import { createSamplePlan } from '../../src/lib/domain/sample-plan.js';
import { filterNumbers, numberRanges } from '../../src/lib/domain/number-ranges.js';
import { numberUses } from '../../src/lib/domain/lookup.js';
import type { E164, Plan, PhoneNumber } from '../../src/lib/domain/model.js';
import { median, report } from './report.js';

const NUMBERS = Number(process.env['BENCH_NUMBERS'] ?? 10_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);

/** The sample plan plus US, AU and GB blocks up to NUMBERS numbers; every 250th number is missing (many ranges). */
function bigPlan(total: number): Plan {
  const plan = createSamplePlan();
  const extra: PhoneNumber[] = [];
  const blocks = [
    { prefix: '+1425555', kind: 'callingPlanSubscriber', country: 'US', siteId: 'site-seattle' },
    { prefix: '+6129000', kind: 'directRouting', country: 'AU', siteId: 'site-sydney' },
    { prefix: '+44207123', kind: 'operatorConnect', country: 'GB', siteId: null },
  ] as const;
  const per = Math.ceil((total - plan.numbers.length) / blocks.length);
  for (const b of blocks)
    for (let i = 0, k = 0; i < per && plan.numbers.length + extra.length < total; i++, k++) {
      if (i % 250 === 249) k++;
      extra.push({
        id: `${b.country}-${i}`,
        e164: `${b.prefix}${String(k).padStart(Math.max(4, String(per).length), '0')}` as E164,
        kind: b.kind,
        country: b.country,
        siteId: b.siteId,
        operator: b.kind === 'operatorConnect' ? 'Contoso Telecom' : '',
        note: i === 7 ? 'Reception desk' : '',
        existing: i < 100,
      });
    }
  return { ...plan, numbers: [...plan.numbers, ...extra] };
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const plan = bigPlan(NUMBERS);
const perPlan: number[] = [];
const perKey: number[] = [];
const perFilter: number[] = [];
let rows = 0;
for (let r = 0; r < RUNS; r++) {
  // A new plan value each run (as after an edit): nothing cached between runs.
  const p = { ...plan, numbers: [...plan.numbers] };
  let uses = numberUses(p);
  perPlan.push(
    time(() => {
      uses = numberUses(p);
      rows = numberRanges(p, p.numbers, uses).length;
    }),
  );
  perKey.push(time(() => numberRanges(p, filterNumbers(p, { search: '+1 425 555 3' }, uses), uses)));
  perFilter.push(time(() => numberRanges(p, filterNumbers(p, { country: 'AU', state: 'free', use: 'free' }, uses), uses)));
}
const n = plan.numbers.length.toLocaleString('en-US');
console.log(`${n} numbers in ${rows.toLocaleString('en-US')} range rows; ${RUNS} runs, medians:`);
const all = median(perPlan);
const key = median(perKey);
const filter = median(perFilter);
console.log(`  per plan value (numberUses + numberRanges): ${all.toFixed(1)} ms`);
console.log(`  per keystroke (filterNumbers search + numberRanges): ${key.toFixed(1)} ms`);
console.log(`  per filter change (country + free + role): ${filter.toFixed(1)} ms`);
report({ name: `number inventory ${n} numbers: uses + ranges per plan value`, value: all, unit: 'ms', target: '≤ 50 ms', ok: all <= 50 });
report({ name: `number inventory ${n} numbers: search + ranges per keystroke`, value: key, unit: 'ms', target: '≤ 16 ms', ok: key <= 16 });
report({ name: `number inventory ${n} numbers: filters + ranges per change`, value: filter, unit: 'ms', target: '≤ 16 ms', ok: filter <= 16 });
