/**
 * Import benchmark: parseUserList on a 100,000-row M365-admin-center-style .xlsx against a bare
 * SheetJS read + sheet_to_json of the same bytes, in the same process.
 * Run: npx tsx tests/bench/import.bench.ts      Target: ratio ≤ 1.3.
 */
import * as XLSX from 'xlsx';
import { parseUserList } from '../../src/lib/spreadsheet/index.js';
import { report as benchReport } from './report.js';

const ROWS = Number(process.env.ROWS ?? 100_000);
const HEADERS = [
  'Block credential',
  'City',
  'Country/Region',
  'Department',
  'Display name',
  'First name',
  'Last name',
  'Licenses',
  'Office',
  'Phone number',
  'Title',
  'Usage location',
  'User principal name',
];
const SITES = [
  ['Seattle', 'United States', 'US'],
  ['London', 'United Kingdom', 'GB'],
  ['Sydney', 'Australia', 'AU'],
  ['Berlin', 'Germany', 'DE'],
] as const;
const LICENCES = ['Microsoft 365 E5', 'Microsoft 365 E3+Microsoft Teams Phone Standard', 'contoso:SPE_E3+contoso:MCOEV', 'Unlicensed', 'Microsoft 365 F1'];
const DEPTS = ['Warehouse', 'Retail', 'Customer Service', 'Facilities', 'Logistics', 'Finance'];

function makeWorkbook(): Uint8Array {
  const aoa: string[][] = [HEADERS];
  for (let i = 0; i < ROWS; i++) {
    const [city, country, usage] = SITES[i % SITES.length] ?? SITES[0];
    aoa.push([
      'False',
      city,
      country,
      DEPTS[i % DEPTS.length] ?? '',
      `User ${i}`,
      'User',
      String(i),
      LICENCES[i % LICENCES.length] ?? '',
      city,
      i % 5 === 0 ? `+1 425 555 ${String(i % 10000).padStart(4, '0')}` : '',
      'Associate',
      usage,
      `user${i}@contoso.com`,
    ]);
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Users');
  const out: unknown = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true });
  return new Uint8Array(out as ArrayBuffer); // type 'array' gives an ArrayBuffer
}

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const bytes = makeWorkbook();
console.log(`workbook: ${ROWS.toLocaleString('en-US')} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);

const bare = () => {
  const wb = XLSX.read(bytes, { type: 'array', dense: true });
  const ws = wb.Sheets[wb.SheetNames[0] ?? ''];
  if (!ws) throw new Error('no sheet');
  return XLSX.utils.sheet_to_json(ws);
};
let users = 0;
const ours = () => {
  const r = parseUserList(bytes, 'bench.xlsx');
  users = r.users.length;
  if (r.issues.some((i) => i.severity === 'error')) throw new Error(`unexpected errors: ${JSON.stringify(r.issues.slice(0, 3))}`);
  return r;
};

// Warm up once each, then alternate so both see the same machine state.
bare();
ours();
const a: number[] = [];
const b: number[] = [];
for (let i = 0; i < 3; i++) {
  a.push(time(bare));
  b.push(time(ours));
}
const base = median(a);
const mine = median(b);
console.log(`XLSX.read + sheet_to_json: ${base.toFixed(0)} ms (median of 3: ${a.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`parseUserList:             ${mine.toFixed(0)} ms (median of 3: ${b.map((x) => x.toFixed(0)).join(', ')}), ${users.toLocaleString('en-US')} users`);
console.log(`ratio: ${(mine / base).toFixed(2)} (target ≤ 1.3)`);
benchReport({ name: 'import 100,000 rows: bare SheetJS read + sheet_to_json', value: base, unit: 'ms' });
benchReport({ name: 'import 100,000 rows: parseUserList', value: mine, unit: 'ms' });
benchReport({ name: 'import: parseUserList ÷ bare SheetJS', value: mine / base, unit: 'ratio', target: '≤ 1.3', ok: mine / base <= 1.3 });
