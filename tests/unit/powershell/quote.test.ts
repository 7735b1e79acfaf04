import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { psQuote, sanitizeScriptText, POWERSHELL_SINGLE_QUOTES } from '../../../src/lib/powershell/quote.js';
import { HOSTILE } from './fixtures.js';

const QUOTES = new Set(POWERSHELL_SINGLE_QUOTES);

/**
 * PowerShell's rule for a single-quoted literal: it opens with any of the five quote characters;
 * inside, a quote character followed by another quote character stands for the second one; a lone
 * quote character closes the literal. Returns the value and the index after the closing quote.
 */
function readLiteral(text: string, start = 0): { value: string; end: number } {
  if (!QUOTES.has(text[start] ?? '')) throw new Error('not a literal');
  let value = '';
  let i = start + 1;
  for (;;) {
    const c = text[i];
    if (c === undefined) throw new Error('unterminated literal');
    if (QUOTES.has(c)) {
      const n = text[i + 1];
      if (n !== undefined && QUOTES.has(n)) {
        value += n;
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += c;
    i++;
  }
}

describe('psQuote', () => {
  it('doubles each of the five PowerShell single-quote characters', () => {
    expect(psQuote("O'Brien")).toBe("'O''Brien'");
    expect(psQuote('a\u2018b')).toBe("'a\u2018\u2018b'");
    expect(psQuote('a\u2019b')).toBe("'a\u2019\u2019b'");
    expect(psQuote('a\u201Ab')).toBe("'a\u201A\u201Ab'");
    expect(psQuote('a\u201Bb')).toBe("'a\u201B\u201Bb'");
    expect(psQuote('')).toBe("''");
  });

  it('leaves $, backticks, double quotes and here-string markers inert (no escaping needed)', () => {
    expect(psQuote('$(rm -r C:\\) `n "x" @"')).toBe('\'$(rm -r C:\\) `n "x" @"\'');
  });

  it('keeps data on one line: CR, LF, NEL, LS, PS, VT, FF and NUL become spaces', () => {
    expect(psQuote('a\r\nb\nc\rd\u0085e\u2028f\u2029g\u000Bh\u000Ci\u0000j')).toBe("'a  b c d e f g h i j'");
  });

  it('replaces bidi overrides and isolates, keeps direction marks', () => {
    expect(sanitizeScriptText('a\u202Eb\u2066c\u2069d')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(sanitizeScriptText('\u200F\u200E\u061C')).toBe('\u200F\u200E\u061C');
  });

  it('replaces lone surrogates, keeps pairs', () => {
    expect(sanitizeScriptText('\uD800x\uDC00 \uD83D\uDE00')).toBe('\uFFFDx\uFFFD \uD83D\uDE00');
  });

  it('round-trips hostile values through the PowerShell literal rule as one token', () => {
    for (const v of HOSTILE) {
      const lit = psQuote(v);
      const { value, end } = readLiteral(lit);
      expect(end).toBe(lit.length);
      expect(value).toBe(sanitizeScriptText(v));
      expect(lit).not.toMatch(/[\r\n\u2028\u2029\u0085\u0000]/);
    }
  });

  it('round-trips arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (v) => {
        const lit = psQuote(v);
        const { value, end } = readLiteral(lit);
        expect(end).toBe(lit.length);
        expect(value).toBe(sanitizeScriptText(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent after sanitizing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (v) => {
        expect(sanitizeScriptText(sanitizeScriptText(v))).toBe(sanitizeScriptText(v));
      }),
    );
  });
});
