/**
 * Number formatting for the sizing screens (shared-calling.md §7.3). Reuse probabilities span
 * dozens of decades (2.8e-3 … 1e-20), so small values are written in scientific notation with
 * real superscripts ("3.9 × 10⁻⁹") instead of rounding to a misleading "0.00".
 * Fixed to English digit grouping so that screens, tests and screenshots agree.
 */

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** -9 → "⁻⁹". */
export function superscript(n: number): string {
  return String(Math.trunc(n))
    .split('')
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('');
}

/** "3.9 × 10⁻⁹" for x > 0 (two significant digits). */
export function scientific(x: number): string {
  const [mantissa = '0', exp = '0'] = x.toExponential(1).split('e');
  return `${mantissa} × 10${superscript(Number(exp))}`;
}

/** Two significant digits, no trailing zeros: 0.0028 → "0.0028", 0.43 → "0.43", 1 → "1". */
function twoSignificant(x: number): string {
  return String(Number(x.toPrecision(2)));
}

/**
 * A probability (or any small non-negative figure) for tables and text: two significant digits,
 * plain decimals from 0.001 up, scientific notation below. 0 → "0"; not a number → "—".
 */
export function formatProbability(p: number): string {
  if (!Number.isFinite(p) || p < 0) return '—';
  if (p === 0) return '0';
  if (p >= 0.001) return twoSignificant(p);
  return scientific(p);
}

/** Offered load in Erlangs: three significant digits from 1 up, otherwise like a probability. */
export function formatLoad(a: number): string {
  if (!Number.isFinite(a) || a < 0) return '—';
  if (a >= 1) return String(Number(a.toPrecision(3)));
  return formatProbability(a);
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** 2.6e6 → "2.6 million", 260000 → "260,000" (two significant digits). */
function bigCount(x: number): string {
  const r = Number(x.toPrecision(2));
  if (r >= 1e9) return `${grouped.format(Number((r / 1e9).toPrecision(2)))} billion`;
  if (r >= 1e6) return `${grouped.format(Number((r / 1e6).toPrecision(2)))} million`;
  return grouped.format(r);
}

/**
 * A probability in words: "about 1 in 730", "about 43%", "less than 1 in a billion".
 * Used in the chart's description and beside the table figures.
 */
export function formatOdds(p: number): string {
  if (!Number.isFinite(p) || p < 0) return 'unknown';
  if (p < 1e-9) return 'less than 1 in a billion';
  if (p >= 0.1) return `about ${twoSignificant(p * 100)}%`;
  return `about 1 in ${bigCount(1 / p)}`;
}

/** A target probability as a percentage: 0.001 → "0.1%", 0.0001 → "0.01%". */
export function formatPercent(p: number): string {
  if (!Number.isFinite(p)) return '—';
  return `${String(Number((p * 100).toPrecision(6)))}%`;
}

/**
 * Expected events per year in words: 14 → "about 14 a year", 0.0012 → "about once in 830 years",
 * below 1e-9 → "less than once in a billion years".
 */
export function formatPerYear(x: number): string {
  if (!Number.isFinite(x) || x < 0) return 'unknown';
  if (x === 0 || x < 1e-9) return 'less than once in a billion years';
  if (x >= 1) return `about ${twoSignificant(x)} a year`;
  const years = 1 / x;
  if (years < 1.5) return 'about once a year';
  return `about once in ${bigCount(years)} years`;
}
