/**
 * Poisson tail P(X ≥ n), X ~ Poisson(load): the rigorous upper bound on the probability that an
 * emergency call finds every callback number reserved (shared-calling.md §7.2, EN9/EN10).
 *
 * Precision matters here because targets are small: `1 − Σ_{k<n}` loses every digit once the tail
 * drops below ~1e-16 (§7.2 "Numerical evaluation"). So:
 * - each probability mass is evaluated in log space with Loader's saddle-point form
 *   p(k) = exp(−stirlerr(k) − bd0(k, λ)) / √(2πk), which never overflows and avoids the
 *   cancellation in −λ + k·ln λ − ln k! at large λ;
 * - for n > λ the upper tail is summed directly from n upward (terms shrink geometrically);
 * - for n ≤ λ the tail is ≥ ~0.5 (the Poisson median is ≥ λ − ln 2), so 1 − P(X ≤ n−1) is exact
 *   enough, with the lower sum taken from n−1 downward.
 */
import { assertCount, assertLoad } from './guards.js';

/** ln √(2π) */
const LN_SQRT_2PI = 0.918938533204672741780329736406;

/** Relative size below which the rest of a sum is dropped (well under one ulp of the result). */
const SUM_EPS = 1e-17;

/** Below this the result underflows even in the subnormal range (ln(2^-1074) ≈ −744.4). */
const LOG_UNDERFLOW = -746;

/**
 * stirlerr(k) = ln k! − (k + ½)·ln k + k − ln √(2π), exact values for k = 1…15
 * (computed with mpmath at 40 digits; they match R's `sferr_halves` at integer positions).
 */
const STIRLERR_TABLE: readonly number[] = [
  0, // k = 0 is never looked up: p(0) = e^{−λ} is computed directly
  0.08106146679532725822,
  0.041340695955409294094,
  0.027677925684998339149,
  0.020790672103765093112,
  0.016644691189821192163,
  0.013876128823070747999,
  0.011896709945891770095,
  0.010411265261972096497,
  0.0092554621827127329177,
  0.0083305634333628712565,
  0.007573675487951840795,
  0.0069428401072095298657,
  0.0064089941880042070684,
  0.0059513701127588477356,
  0.005554733551962801371,
];

/** Error of Stirling's formula for ln k!, integer k ≥ 1 (Loader 2000; R's stirlerr). */
export function stirlerr(k: number): number {
  if (k <= 15) return STIRLERR_TABLE[k] ?? 0;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  const kk = k * k;
  if (k > 500) return (S0 - S1 / kk) / k;
  if (k > 80) return (S0 - (S1 - S2 / kk) / kk) / k;
  if (k > 35) return (S0 - (S1 - (S2 - S3 / kk) / kk) / kk) / k;
  return (S0 - (S1 - (S2 - (S3 - S4 / kk) / kk) / kk) / kk) / k;
}

/**
 * bd0(x, m) = x·ln(x/m) + m − x, the deviance term, evaluated without cancellation when x ≈ m
 * (Loader 2000). x > 0, m > 0.
 */
export function bd0(x: number, m: number): number {
  const d = x - m;
  if (Math.abs(d) < 0.1 * (x + m)) {
    // Series in v = (x−m)/(x+m): x·ln(x/m) + m − x = d·v + 2x·Σ_{j≥1} v^{2j+1}/(2j+1).
    let v = d / (x + m);
    let s = d * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  const ratio = x / m;
  let lr: number;
  if (ratio > 0.5 && ratio < 2) {
    // Rounding x/m costs x·ulp in x·ln(x/m), which here is not small beside the result
    // (bd0(1400, 1000) = 71 lost 2.5e-13). d = x − m is exact, so ln1p(d/m) only costs |d|·ulp.
    lr = Math.log1p(d / m);
  } else if (Number.isFinite(ratio) && ratio > 0) {
    lr = Math.log(ratio);
  } else {
    // x/m overflowed or underflowed (extreme arguments); the difference of logs is exact enough.
    lr = Math.log(x) - Math.log(m);
  }
  return x * lr - d;
}

/** ln P(X = k), X ~ Poisson(load); k a whole number ≥ 0, load > 0. */
export function logPoissonPmf(k: number, load: number): number {
  if (k === 0) return -load;
  return -stirlerr(k) - bd0(k, load) - LN_SQRT_2PI - 0.5 * Math.log(k);
}

/** P(X ≥ n) for n > load, summed upward from n: p(n)·(1 + λ/(n+1) + λ²/((n+1)(n+2)) + …). */
function upperTail(n: number, load: number): number {
  const logp = logPoissonPmf(n, load);
  // The factor is at most 1/(1 − λ/(n+1)); if even that cannot lift the result out of underflow, stop
  // here (this is also what keeps astronomically large n cheap).
  if (logp - Math.log1p(-load / (n + 1)) < LOG_UNDERFLOW) return 0;
  let term = 1;
  let sum = 1;
  for (let k = n + 1; ; k++) {
    const r = load / k;
    term *= r;
    sum += term;
    // The ratios keep falling, so the rest is below term·r/(1 − r).
    if (term * r <= sum * SUM_EPS * (1 - r)) break;
  }
  return Math.min(1, Math.exp(logp + Math.log(sum)));
}

/** P(X ≤ m) for m < load, summed downward from m: p(m)·(1 + m/λ + m(m−1)/λ² + …). */
function lowerCdf(m: number, load: number): number {
  const logp = logPoissonPmf(m, load);
  if (logp - Math.log1p(-m / load) < LOG_UNDERFLOW) return 0;
  let term = 1;
  let sum = 1;
  for (let k = m; k > 0; k--) {
    const r = k / load;
    term *= r;
    sum += term;
    if (term * r <= sum * SUM_EPS * (1 - r)) break;
  }
  return Math.min(1, Math.exp(logp + Math.log(sum)));
}

/**
 * P(X ≥ n), X ~ Poisson(load). Relative error ~1e-13 down to ~1e-300 (below that the double
 * range runs out: results become subnormal, then 0). load = 0 gives 1 for n = 0 and 0 otherwise.
 * Throws RangeError for a negative, non-integer or non-finite n, or a load outside [0, MAX_LOAD].
 */
export function poissonTail(n: number, load: number): number {
  assertCount(n);
  assertLoad(load);
  if (n === 0) return 1;
  if (load === 0) return 0;
  if (n > load) return upperTail(n, load);
  return 1 - lowerCdf(n - 1, load);
}
