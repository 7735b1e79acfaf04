/**
 * Sizing benchmark: prints timing figures, asserts nothing.
 * Run with `npx tsx tests/bench/sizing.bench.ts`.
 */
import { DEFAULT_SIZING } from '../../src/lib/domain/model.js';
import { callbackPoolSize, erlangB, poissonTail, sizePolicy } from '../../src/lib/sizing/index.js';
import { report as benchReport } from './report.js';

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function time(label: string, count: number, run: () => number): void {
  const t0 = performance.now();
  let check = 0;
  check += run();
  const ms = performance.now() - t0;
  const per = (ms * 1000) / count;
  console.log(
    `${label.padEnd(64)} ${String(count).padStart(6)} calls  ${ms.toFixed(1).padStart(8)} ms  ${per.toFixed(2).padStart(8)} µs/call  (checksum ${check.toPrecision(6)})`,
  );
  benchReport({ name: `sizing: ${label} (per call)`, value: per, unit: 'µs' });
}

const N = 10_000;
const r = rng(42);
/** Loads spread log-uniformly over 1e-4 … 1e4 calls per hour. */
const loads = Array.from({ length: N }, () => 10 ** (-4 + 8 * r()));
const targets = Array.from({ length: N }, () => 10 ** (-1 - 11 * r()));
const bigLoads = Array.from({ length: N }, () => 1000 + 9000 * r());

console.log(`sizing benchmark (node ${process.version})`);
for (const [label, ls] of [
  ['loads 1e-4…1e4 (log-uniform)', loads],
  ['loads 1,000…10,000', bigLoads],
] as const) {
  time(`callbackPoolSize poisson, ${label}`, N, () => ls.reduce((s, a, i) => s + callbackPoolSize(a, targets[i] ?? 0.001), 0));
  time(`callbackPoolSize erlang-b, ${label}`, N, () => ls.reduce((s, a, i) => s + callbackPoolSize(a, targets[i] ?? 0.001, 'erlang-b'), 0));
  time(`poissonTail at n ≈ load + 3√load, ${label}`, N, () => ls.reduce((s, a) => s + poissonTail(Math.ceil(a + 3 * Math.sqrt(a)), a), 0));
  time(`erlangB at n ≈ load, ${label}`, N, () => ls.reduce((s, a) => s + erlangB(Math.ceil(a), a), 0));
}
time('poissonTail(10000, 10000)', 1000, () => {
  let s = 0;
  for (let i = 0; i < 1000; i++) s += poissonTail(10_000, 10_000);
  return s;
});
time('callbackPoolSize(10000, 1e-300)', 100, () => {
  let s = 0;
  for (let i = 0; i < 100; i++) s += callbackPoolSize(10_000, 1e-300);
  return s;
});
time('sizePolicy, 1,000 policies of 10…100,000 users', 1000, () => {
  let s = 0;
  for (let i = 0; i < 1000; i++) s += sizePolicy(DEFAULT_SIZING, Math.round(10 ** (1 + 4 * r()))).recommended;
  return s;
});
