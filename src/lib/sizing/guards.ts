/**
 * Input guards for the sizing maths. Bad numbers reaching these functions are programmer errors
 * (the UI validates admin input first, see `sizingInputProblems`), so they throw a RangeError
 * that says what was wrong instead of letting NaN leak into a recommendation.
 */

/**
 * Largest offered load (calls per hour) the core accepts. Even 100,000 users calling far more
 * often than any real population stay below 10,000; the cap keeps every evaluation bounded
 * (the Poisson sums need O(√load) terms, the Erlang B recursion O(load) steps).
 */
export const MAX_LOAD = 1_000_000;

export function assertLoad(load: number, name = 'load'): void {
  if (typeof load !== 'number' || !Number.isFinite(load) || load < 0) {
    throw new RangeError(`${name} must be a finite number of calls per hour ≥ 0; got ${String(load)}.`);
  }
  if (load > MAX_LOAD) {
    throw new RangeError(`${name} must be at most ${MAX_LOAD} calls per hour; got ${String(load)}.`);
  }
}

export function assertCount(n: number, name = 'n'): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0; got ${String(n)}.`);
  }
}

export function assertTarget(target: number, name = 'target'): void {
  if (typeof target !== 'number' || !Number.isFinite(target) || target <= 0 || target > 1) {
    throw new RangeError(`${name} must be a probability above 0 and at most 1; got ${String(target)}.`);
  }
}

export type SizingModel = 'poisson' | 'erlang-b';

export function assertModel(model: string): asserts model is SizingModel {
  if (model !== 'poisson' && model !== 'erlang-b') {
    throw new RangeError(`model must be 'poisson' or 'erlang-b'; got ${JSON.stringify(model)}.`);
  }
}
