/**
 * The tables of shared-calling.md §7.2 and §7.3, cell by cell, to the digits printed there.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZING, type SizingInputs } from '../../../src/lib/domain/model.js';
import { callbackPoolSize, erlangB, poissonTail, sizePolicy } from '../../../src/lib/sizing/index.js';

/** Round to the significant digits of the printed text: "0.00452" → 3, "2.8e-3" → 2, "0.1334" → 4. */
function asPrinted(x: number, printed: string): number {
  const mantissa = printed.split(/e/i)[0] ?? printed;
  const digits = mantissa.replace(/^[0.]+/, '').replace('.', '').length;
  return Number(x.toPrecision(digits));
}

describe('§7.2 simulation cross-check table: Erlang B and Poisson tail columns', () => {
  const rows: ReadonlyArray<readonly [number, number, string, string]> = [
    [0.1, 1, '0.0909', '0.0952'],
    [0.1, 2, '0.00452', '0.00468'],
    [0.5, 2, '0.0769', '0.0902'],
    [0.5, 3, '0.0127', '0.0144'],
    [1.0, 3, '0.0625', '0.0803'],
    [1.0, 5, '0.00307', '0.00366'],
    [2.0, 5, '0.0367', '0.0527'],
    [5.0, 8, '0.0700', '0.1334'],
  ];
  it.each(rows)('A=%s N=%s: Erlang B %s, Poisson tail %s', (a, n, eb, tail) => {
    expect(asPrinted(erlangB(n, a), eb)).toBe(Number(eb));
    expect(asPrinted(poissonTail(n, a), tail)).toBe(Number(tail));
  });
});

describe('§7.3 "Smallest N" table, every cell', () => {
  // A, Poisson ε = 1 %, 0.1 %, 0.01 %, Erlang B ε = 1 %, 0.1 %
  const rows: ReadonlyArray<readonly [number, number, number, number, number, number]> = [
    [0.001, 1, 1, 2, 1, 1],
    [0.01, 1, 2, 2, 1, 2],
    [0.05, 2, 3, 3, 2, 3],
    [0.1, 2, 3, 4, 2, 3],
    [0.25, 3, 4, 5, 3, 4],
    [0.5, 4, 5, 6, 4, 5],
    [1, 5, 6, 7, 5, 6],
    [2, 7, 9, 10, 7, 8],
    [5, 12, 14, 16, 11, 14],
  ];
  it.each(rows)('A=%s', (a, p1, p01, p001, e1, e01) => {
    expect(callbackPoolSize(a, 0.01)).toBe(p1);
    expect(callbackPoolSize(a, 0.001)).toBe(p01);
    expect(callbackPoolSize(a, 0.0001)).toBe(p001);
    expect(callbackPoolSize(a, 0.01, 'poisson')).toBe(p1);
    expect(callbackPoolSize(a, 0.01, 'erlang-b')).toBe(e1);
    expect(callbackPoolSize(a, 0.001, 'erlang-b')).toBe(e01);
  });
});

describe('§7.3 worked examples', () => {
  // Users, r per user per year, printed A, printed P_tail for N = 1…4 (null = "—").
  const rows: ReadonlyArray<readonly [number, number, string, ReadonlyArray<string | null>]> = [
    [500, 0.05, '0.00285', ['2.8e-3', '4.1e-6', '3.9e-9', null]],
    [5000, 0.05, '0.0285', ['2.8e-2', '4.0e-4', '3.8e-6', '2.7e-8']],
    [5000, 1.0, '0.571', ['0.435', '0.112', '2.0e-2', '2.8e-3']],
    [20000, 1.0, '2.28', ['0.898', '0.665', '0.399', '0.197']],
  ];
  // The worked examples use A = U·r/8760: no busy-hour factor, 60-minute hold, no test calls.
  const plain = (r: number): SizingInputs => ({
    ...DEFAULT_SIZING,
    mode: 'rate',
    callsPer1000UsersPerYear: r * 1000,
    busyHourFactor: 1,
    testCallsPerHour: 0,
    reservationMinutes: 60,
    includeCallDuration: false,
  });

  it.each(rows)('%s users at r=%s: A=%s', (users, r, printedA, tails) => {
    const sizing = sizePolicy(plain(r), users);
    expect(asPrinted(sizing.offeredLoad, printedA)).toBe(Number(printedA));
    tails.forEach((printed, i) => {
      if (printed === null) return;
      const row = sizing.rows.find((x) => x.n === i + 1);
      expect(row, `row N=${i + 1}`).toBeDefined();
      expect(asPrinted(row?.poissonTail ?? NaN, printed)).toBe(Number(printed));
    });
  });

  it('5,000 users at r = 1: ~14, ~1.6, ~0.15, ~0.01 reuse events a year for N = 4…7', () => {
    const sizing = sizePolicy(plain(1), 5000);
    const expected = (n: number): number => sizing.rows.find((x) => x.n === n)?.expectedReusesPerYear ?? NaN;
    expect(asPrinted(expected(4), '14')).toBe(14);
    expect(asPrinted(expected(5), '1.6')).toBe(1.6);
    expect(asPrinted(expected(6), '0.15')).toBe(0.15);
    expect(asPrinted(expected(7), '0.01')).toBe(0.01);
  });
});
