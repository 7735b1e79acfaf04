import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitText, formatCount, summarizeUsers, textWidth, wrapText } from '../../../src/lib/callflow/index.js';

describe('text measuring and truncation', () => {
  it('keeps short text as it is', () => {
    expect(fitText('Seattle', 200, { fontSize: 13 })).toEqual({ text: 'Seattle', full: 'Seattle', truncated: false });
  });

  it('shortens long text with an ellipsis and keeps the full text', () => {
    const long = 'Seattle Main Auto Attendant for the warehouse';
    const r = fitText(long, 100, { fontSize: 13 });
    expect(r.truncated).toBe(true);
    expect(r.text.endsWith('…')).toBe(true);
    expect(r.full).toBe(long);
    expect(textWidth(r.text, 13)).toBeLessThanOrEqual(100);
  });

  it('never splits a code point (emoji, accents)', () => {
    const r = fitText('José 😀😀😀😀😀😀😀😀😀😀😀😀', 60, { fontSize: 13 });
    expect(r.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('fitted text never exceeds the width (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 20, max: 400 }), (s, w) => {
        const r = fitText(s, w, { fontSize: 13 });
        expect(textWidth(r.text, 13)).toBeLessThanOrEqual(w + 0.001);
      }),
    );
  });

  it('wraps words into lines and marks overflow on the last line', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 60, { fontSize: 13 }, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]?.truncated).toBe(false);
    expect(lines[1]?.truncated).toBe(true);
    expect(lines[1]?.text.endsWith('…')).toBe(true);
    for (const l of lines) expect(textWidth(l.text, 13)).toBeLessThanOrEqual(60);
  });

  it('wraps without loss when there is room', () => {
    const lines = wrapText('Dial by name', 400, { fontSize: 13 }, 3);
    expect(lines.map((l) => l.text)).toEqual(['Dial by name']);
    expect(wrapText('   ', 100, { fontSize: 13 }, 3)).toEqual([]);
  });

  it('formats counts with fixed grouping', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(4812)).toBe('4,812');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

describe('summarizeUsers', () => {
  it('summarizes thousands of users', () => {
    const s = summarizeUsers(['Ana Lee', 'Ben Ode', 'Cai Wu'], 4812, 2);
    expect(s.text).toBe('4,812 users: Ana Lee, Ben Ode and 4,810 more');
    expect(s.count).toBe('4,812 users');
    expect(s.names).toEqual(['Ana Lee', 'Ben Ode']);
    expect(s.more).toBe('and 4,810 more');
  });

  it('lists everyone when few', () => {
    expect(summarizeUsers(['Ana Lee'], 1).text).toBe('1 user: Ana Lee');
    expect(summarizeUsers(['Ana Lee', 'Ben Ode'], 2).text).toBe('2 users: Ana Lee and Ben Ode');
    expect(summarizeUsers([], 0).text).toBe('No users');
  });
});
