/**
 * Policy-level sizing: the recommended pool and the table behind it (shared-calling.md §7.3, §7.4).
 */
import type { SizingInputs } from '../domain/model.js';
import { erlangBSeries } from './erlang.js';
import { assertLoad } from './guards.js';
import { annualEmergencyCalls, emergencyCallsPerHour, offeredLoad, reservationHours, sizingInputProblems } from './inputs.js';
import { callbackPoolSize } from './pool-size.js';
import { poissonTail } from './poisson.js';

/** Rows always shown, so a small policy still sees how fast the risk falls. */
export const MIN_TABLE_ROWS = 6;
/** Rows at most; a huge pool shows the rows just below and above its recommendation. */
export const MAX_TABLE_ROWS = 50;

export interface SizingRow {
  /** Pool size (number of callback numbers). */
  n: number;
  /** P(Poisson(A) ≥ n): upper bound on P(reuse | emergency call), for any reuse rule (§7.2). */
  poissonTail: number;
  /** Erlang B: optimistic estimate / lower bound (§7.2). */
  erlangB: number;
  /** The figure of the chosen model, compared with the target. */
  probability: number;
  meetsTarget: boolean;
  /** Expected reuse events per year, at most annual calls × poissonTail (§7.3). */
  expectedReusesPerYear: number;
  /** P(at least one reuse in a year) ≈ 1 − exp(−annual × poissonTail) (§7.3). */
  reuseWithinYear: number;
}

export interface PolicySizing {
  users: number;
  inputs: SizingInputs;
  /** T in hours. */
  reservationHours: number;
  /** Busy-hour emergency calls per hour (λ), test calls excluded. */
  emergencyCallsPerHour: number;
  /** Offered load A = (λ + test calls) × T, in Erlangs. */
  offeredLoad: number;
  /** Emergency calls per year (see annualEmergencyCalls). */
  annualCalls: number;
  /** Smallest n meeting the target under the chosen model. */
  modelSize: number;
  /** max(modelSize, incident floor, 1) (§7.4.4, §7.4.6). */
  recommended: number;
  /** Which term of the max decided the recommendation. */
  decidedBy: 'model' | 'incidentFloor' | 'minimum';
  rows: SizingRow[];
}

/** Pool size for a load: the model's answer raised to the incident floor and to at least one. */
export function recommendedForLoad(inputs: SizingInputs, load: number): { modelSize: number; recommended: number; decidedBy: PolicySizing['decidedBy'] } {
  const modelSize = callbackPoolSize(load, inputs.target, inputs.model);
  // §7.4.4: bursts from one incident break the Poisson assumption, so the admin's floor wins.
  const floor = Math.ceil(inputs.incidentFloor);
  // §7.4.6: keep at least one, or callbacks can only reach the auto attendant (EN1, §7.1).
  const recommended = Math.max(modelSize, floor, 1);
  const decidedBy = recommended === modelSize ? 'model' : recommended === floor ? 'incidentFloor' : 'minimum';
  return { modelSize, recommended, decidedBy };
}

/**
 * Size one policy's pool for `users` users. Throws RangeError when the inputs have problems
 * (check `sizingInputProblems` first) or the resulting load is above MAX_LOAD.
 */
export function sizePolicy(inputs: SizingInputs, users: number): PolicySizing {
  if (typeof users !== 'number' || !Number.isFinite(users) || users < 0) {
    throw new RangeError(`users must be a finite number ≥ 0; got ${String(users)}.`);
  }
  const problems = sizingInputProblems(inputs);
  if (problems.length > 0) {
    throw new RangeError(`Invalid sizing inputs: ${problems.map((p) => `${p.field}: ${p.message}`).join(' ')}`);
  }
  const load = offeredLoad(inputs, users);
  assertLoad(load, 'offered load');
  const annual = annualEmergencyCalls(inputs, users);
  const { modelSize, recommended, decidedBy } = recommendedForLoad(inputs, load);

  const last = Math.max(recommended + 3, MIN_TABLE_ROWS);
  const first = Math.max(1, last - MAX_TABLE_ROWS + 1);
  const erlang = erlangBSeries(first, last, load);
  const rows: SizingRow[] = [];
  for (let n = first; n <= last; n++) {
    const tail = poissonTail(n, load);
    const eb = erlang[n - first] ?? 0;
    const probability = inputs.model === 'erlang-b' ? eb : tail;
    const expected = annual * tail;
    rows.push({
      n,
      poissonTail: tail,
      erlangB: eb,
      probability,
      meetsTarget: probability <= inputs.target,
      expectedReusesPerYear: expected,
      // expm1 keeps the digits when annual × tail is tiny (1 − exp(−x) would round to 0).
      reuseWithinYear: -Math.expm1(-expected),
    });
  }
  return {
    users,
    inputs,
    reservationHours: reservationHours(inputs),
    emergencyCallsPerHour: emergencyCallsPerHour(inputs, users),
    offeredLoad: load,
    annualCalls: annual,
    modelSize,
    recommended,
    decidedBy,
    rows,
  };
}
