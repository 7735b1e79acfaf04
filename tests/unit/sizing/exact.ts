/**
 * Exact reference values for the sizing tests, computed with BigInt fixed-point arithmetic and
 * nothing from the code under test.
 *
 * For a rational load A = p/q the terms t_k = A^k/k! are built by t_{k+1} = t_k·p / (q·(k+1)) at
 * scale 10^digits (each step truncates by < 1 unit). All terms are positive, so
 *   e^A = Σ_k t_k   (no argument reduction needed: no cancellation, only magnitude)
 *   P(Poisson(A) ≥ N) = Σ_{k≥N} t_k / e^A      E_B(N, A) = t_N / Σ_{k≤N} t_k
 * Integer sums and differences are exact; the only error is the truncation, which stays below
 * K²·10^-digits in absolute terms (K = terms summed), far below 1e-300 × 1e-15 at 500 digits.
 */

export interface Rational {
  p: bigint;
  q: bigint;
}

/** An exact decimal: "0.00285" → 285/100000. */
export function dec(text: string): Rational {
  const m = /^(\d+)(?:\.(\d+))?(?:e(-?\d+))?$/.exec(text);
  if (!m) throw new Error(`not a decimal: ${text}`);
  const frac = m[2] ?? '';
  const exp = Number(m[3] ?? '0') - frac.length;
  const digits = BigInt(`${m[1]}${frac}`);
  return exp >= 0 ? { p: digits * 10n ** BigInt(exp), q: 1n } : { p: digits, q: 10n ** BigInt(-exp) };
}

export function frac(p: number | bigint, q: number | bigint): Rational {
  return { p: BigInt(p), q: BigInt(q) };
}

/** num/den as the nearest double (correct rounding through the decimal parser). */
export function toNumber(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = den.toString().length - num.toString().length + 30;
  const q = shift >= 0 ? (num * 10n ** BigInt(shift)) / den : num / (den * 10n ** BigInt(-shift));
  return Number(`${q.toString()}e${-shift}`);
}

export interface Reference {
  /** P(Poisson(A) ≥ n), n ≤ maxN. */
  tail(n: number): number;
  /** E_B(n, A), n ≤ maxN. */
  erlangB(n: number): number;
}

export function reference(a: Rational, maxN: number, digits = 500): Reference {
  const scale = 10n ** BigInt(digits);
  const aApprox = Number(a.p) / Number(a.q);
  const terms: bigint[] = []; // t_0 … t_maxN
  const prefix: bigint[] = [0n]; // prefix[k] = Σ_{j<k} t_j, k = 0 … maxN + 1
  let t = scale;
  let total = 0n;
  const margin = 10n ** 40n;
  for (let k = 0; ; k++) {
    total += t;
    if (k <= maxN) {
      terms.push(t);
      prefix.push(total);
    } else if (k > aApprox + 10) {
      // Remaining terms fall at least geometrically with ratio A/(k+1) ≤ 1 − 10/(k+1): the rest is
      // below t·(k+1)/10, negligible once t is 10^-40 of the smallest tail we are asked for.
      const upperMaxN = total - (prefix[maxN] ?? 0n);
      if (t === 0n || t * margin < upperMaxN) break;
    }
    t = (t * a.p) / (a.q * BigInt(k + 1));
  }
  const at = (xs: bigint[], i: number): bigint => {
    const v = xs[i];
    if (v === undefined) throw new Error(`index ${i} out of range`);
    return v;
  };
  return {
    tail: (n) => toNumber(total - at(prefix, n), total),
    erlangB: (n) => toNumber(at(terms, n), at(prefix, n + 1)),
  };
}

export function relErr(got: number, want: number): number {
  if (want === 0) return got === 0 ? 0 : Infinity;
  return Math.abs(got - want) / Math.abs(want);
}
