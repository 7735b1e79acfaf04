/**
 * Smallest pool of emergency callback numbers that keeps the reuse probability at or below a
 * target (shared-calling.md §7.3 sizing rule; §7.4.3: Poisson by default, Erlang B as the
 * optimistic figure).
 */
import { assertLoad, assertModel, assertTarget, type SizingModel } from './guards.js';
import { poissonTail } from './poisson.js';

/**
 * Smallest n with probability(n, load) ≤ target under the chosen model (default 'poisson').
 * Both probabilities fall monotonically in n, so the Poisson search brackets the answer starting
 * near load + √load with doubling steps, then bisects: about a dozen tail evaluations even at
 * load 10,000. Erlang B is scanned once along its recursion (O(answer) steps).
 * A target of 1 is met by n = 0; with load = 0 any target below 1 needs n = 1.
 */
export function callbackPoolSize(load: number, target: number, model: SizingModel = 'poisson'): number {
  assertLoad(load);
  assertTarget(target);
  assertModel(model);
  if (target >= 1) return 0;
  if (load === 0) return 1;
  return model === 'erlang-b' ? erlangBPoolSize(load, target) : poissonPoolSize(load, target);
}

function erlangBPoolSize(load: number, target: number): number {
  let e = 1;
  // Terminates: e falls to 0 (underflow) at the latest, and target > 0.
  for (let k = 1; ; k++) {
    e = (load * e) / (k + load * e);
    if (e <= target) return k;
  }
}

function poissonPoolSize(load: number, target: number): number {
  const root = Math.sqrt(load);
  // Invariant: tail(lo) > target (tail(0) = 1), tail(hi) ≤ target once the bracket is found.
  let lo = 0;
  let hi = Math.max(1, Math.ceil(load + root));
  let step = Math.max(1, Math.ceil(root));
  while (poissonTail(hi, load) > target) {
    lo = hi;
    hi += step;
    step *= 2;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (poissonTail(mid, load) > target) lo = mid;
    else hi = mid;
  }
  return hi;
}
