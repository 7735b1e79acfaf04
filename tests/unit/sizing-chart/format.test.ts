import { describe, expect, it } from 'vitest';
import { formatLoad, formatOdds, formatPercent, formatPerYear, formatProbability, scientific, superscript } from '../../../src/lib/sizing-chart/index.js';

describe('formatProbability', () => {
  it('writes tiny probabilities with superscript exponents (§7.3 table)', () => {
    expect(formatProbability(3.9e-9)).toBe('3.9 × 10⁻⁹');
    expect(formatProbability(4.1e-6)).toBe('4.1 × 10⁻⁶');
    expect(formatProbability(2.7e-8)).toBe('2.7 × 10⁻⁸');
    expect(formatProbability(1e-20)).toBe('1.0 × 10⁻²⁰');
    expect(formatProbability(9.96e-5)).toBe('1.0 × 10⁻⁴');
    expect(formatProbability(5e-324)).toBe('4.9 × 10⁻³²⁴');
  });
  it('keeps plain decimals from 0.001 up, two significant digits', () => {
    expect(formatProbability(0.0028)).toBe('0.0028');
    expect(formatProbability(0.436)).toBe('0.44');
    expect(formatProbability(0.001)).toBe('0.001');
    expect(formatProbability(1)).toBe('1');
    expect(formatProbability(0.02)).toBe('0.02');
  });
  it('handles 0 and nonsense', () => {
    expect(formatProbability(0)).toBe('0');
    expect(formatProbability(Number.NaN)).toBe('—');
    expect(formatProbability(-1)).toBe('—');
    expect(formatProbability(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('helpers', () => {
  it('superscript and scientific', () => {
    expect(superscript(-12)).toBe('⁻¹²');
    expect(superscript(305)).toBe('³⁰⁵');
    expect(scientific(0.000123)).toBe('1.2 × 10⁻⁴');
  });
  it('formatLoad: 3 significant digits from 1 up', () => {
    expect(formatLoad(2.2831)).toBe('2.28');
    expect(formatLoad(0.00285)).toBe('0.0029');
    expect(formatLoad(0.000137)).toBe('1.4 × 10⁻⁴');
    expect(formatLoad(0)).toBe('0');
    expect(formatLoad(1234.5)).toBe('1230');
  });
  it('formatPercent', () => {
    expect(formatPercent(0.01)).toBe('1%');
    expect(formatPercent(0.001)).toBe('0.1%');
    expect(formatPercent(0.0001)).toBe('0.01%');
    expect(formatPercent(0.0025)).toBe('0.25%');
    expect(formatPercent(1)).toBe('100%');
  });
  it('formatOdds in words', () => {
    expect(formatOdds(0.435)).toBe('about 44%');
    expect(formatOdds(0.0028)).toBe('about 1 in 360');
    expect(formatOdds(3.9e-9)).toBe('about 1 in 260 million');
    expect(formatOdds(4.1e-6)).toBe('about 1 in 240,000');
    expect(formatOdds(1e-12)).toBe('less than 1 in a billion');
    expect(formatOdds(0)).toBe('less than 1 in a billion');
  });
  it('formatPerYear in words', () => {
    expect(formatPerYear(14.2)).toBe('about 14 a year');
    expect(formatPerYear(0.0012)).toBe('about once in 830 years');
    expect(formatPerYear(0.8)).toBe('about once a year');
    expect(formatPerYear(2e-7)).toBe('about once in 5 million years');
    expect(formatPerYear(0)).toBe('less than once in a billion years');
  });
});
