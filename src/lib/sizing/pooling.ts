/**
 * The cost of splitting users over several policies (shared-calling.md §7.4.1): callback numbers
 * cannot be shared between policies (EN7), so k small pools need more numbers than one big pool.
 */
import type { SizingInputs } from '../domain/model.js';
import { assertLoad } from './guards.js';
import { emergencyCallsPerHour, reservationHours, sizingInputProblems } from './inputs.js';
import { recommendedForLoad } from './policy.js';

export interface PoolingPenalty {
  /** Offered load of each policy, in the order of the user counts. */
  loads: number[];
  /** Recommended pool of each policy. */
  perPolicy: number[];
  /** Numbers needed with one pool per policy: Σ perPolicy. */
  separateTotal: number;
  /** Load of a single pool serving everyone: Σ loads (the same calls, one pool). */
  pooledLoad: number;
  /** Numbers needed if everyone shared one policy. */
  pooled: number;
  /** separateTotal − pooled: the numbers the split costs. */
  extra: number;
}

/**
 * Numbers needed for users split over policies (one entry per policy) versus one pool for all,
 * with the same inputs everywhere. Each policy carries its own test calls and incident floor.
 * In 'direct' mode the entered calls per hour describe all the users together and are shared
 * out in proportion to each policy's users. No policies need no numbers. Throws RangeError on
 * invalid inputs.
 */
export function poolingPenalty(inputs: SizingInputs, userCounts: readonly number[]): PoolingPenalty {
  const problems = sizingInputProblems(inputs);
  if (problems.length > 0) {
    throw new RangeError(`Invalid sizing inputs: ${problems.map((p) => `${p.field}: ${p.message}`).join(' ')}`);
  }
  for (const u of userCounts) {
    if (typeof u !== 'number' || !Number.isFinite(u) || u < 0) {
      throw new RangeError(`Each user count must be a finite number ≥ 0; got ${String(u)}.`);
    }
  }
  if (userCounts.length === 0) return { loads: [], perPolicy: [], separateTotal: 0, pooledLoad: 0, pooled: 0, extra: 0 };
  const totalUsers = userCounts.reduce((a, b) => a + b, 0);
  const t = reservationHours(inputs);
  const loads = userCounts.map((u) => {
    const lambda =
      inputs.mode === 'direct' ? (totalUsers === 0 ? 0 : (emergencyCallsPerHour(inputs, totalUsers) * u) / totalUsers) : emergencyCallsPerHour(inputs, u);
    return (lambda + inputs.testCallsPerHour) * t;
  });
  const pooledLoad = loads.reduce((a, b) => a + b, 0);
  assertLoad(pooledLoad, 'pooled load');
  const perPolicy = loads.map((a) => recommendedForLoad(inputs, a).recommended);
  const separateTotal = perPolicy.reduce((a, b) => a + b, 0);
  const pooled = recommendedForLoad(inputs, pooledLoad).recommended;
  return { loads, perPolicy, separateTotal, pooledLoad, pooled, extra: separateTotal - pooled };
}
