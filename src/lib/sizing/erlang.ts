/**
 * Erlang B blocking probability: the optimistic (lower-bound) estimate of the reuse probability,
 * treating the callback numbers as an M/G/N/N loss system (shared-calling.md §7.2).
 *
 * The recursion E(0) = 1, E(k) = λ·E(k−1) / (k + λ·E(k−1)) is numerically stable: each step
 * damps the relative error it inherits (∂ln E(k)/∂ln E(k−1) = k/(k + λE) < 1), so the result is
 * good to a few ulps. It costs O(n), fine for n in the tens of thousands.
 */
import { assertCount, assertLoad } from './guards.js';

/** E_B(n, load). Throws RangeError on invalid input (see guards.ts). */
export function erlangB(n: number, load: number): number {
  assertCount(n);
  assertLoad(load);
  if (n === 0) return 1;
  if (load === 0) return 0;
  let e = 1;
  for (let k = 1; k <= n; k++) {
    e = (load * e) / (k + load * e);
    // Once it underflows it stays 0; stopping keeps huge n cheap.
    if (e === 0) return 0;
  }
  return e;
}

/**
 * E_B(k, load) for k = from…to in one pass of the recursion (a sizing table would otherwise
 * repeat it per row). Returns to − from + 1 values.
 */
export function erlangBSeries(from: number, to: number, load: number): number[] {
  assertCount(from, 'from');
  assertCount(to, 'to');
  assertLoad(load);
  const out: number[] = [];
  let e = 1;
  for (let k = 0; k <= to; k++) {
    if (k > 0) e = load === 0 ? 0 : e === 0 ? 0 : (load * e) / (k + load * e);
    if (k >= from) out.push(e);
  }
  return out;
}
