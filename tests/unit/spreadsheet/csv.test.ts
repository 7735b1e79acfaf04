import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, sniffDelimiter } from '../../../src/lib/spreadsheet/csv.js';
import { decodeText, looksBinary } from '../../../src/lib/spreadsheet/decode-text.js';

describe('parseCsv', () => {
  it('reads RFC 4180 quoting, embedded separators, quotes and line breaks', () => {
    const { rows } = parseCsv('a,"b,c","d ""e""","f\r\ng"\r\n1,2,3,4\n', ',');
    expect(rows).toEqual([
      ['a', 'b,c', 'd "e"', 'f\r\ng'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('keeps cell text exactly: formulas, leading zeros, dates stay text', () => {
    const { rows } = parseCsv('=1+1,00123,1/2,+1,-2,@SUM(1)\n', ',');
    expect(rows[0]).toEqual(['=1+1', '00123', '1/2', '+1', '-2', '@SUM(1)']);
  });

  it('handles trailing separators, empty fields and a missing final newline', () => {
    expect(parseCsv('a,,\n,b', ',').rows).toEqual([
      ['a', '', ''],
      ['', 'b'],
    ]);
    expect(parseCsv('', ',').rows).toEqual([]);
  });

  it('stops at maxRows and says so', () => {
    const r = parseCsv('a\nb\nc\nd\n', ',', 2);
    expect(r.rows).toHaveLength(2);
    expect(r.truncated).toBe(true);
  });

  it('round-trips any table written with full quoting', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (table) => {
        const text = table.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseCsv(text, ',').rows).toEqual(table);
      }),
    );
  });
});

describe('sniffDelimiter', () => {
  it('picks comma, semicolon or tab from the header line', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(sniffDelimiter('a;b;c\n"x, y";2;3')).toBe(';');
    expect(sniffDelimiter('a\tb\tc\n1,5\t2\t3')).toBe('\t');
    expect(sniffDelimiter('Users, exported by IT\na;b;c;d\n1;2;3;4')).toBe(';');
    expect(sniffDelimiter('#TYPE Some.Type\n"a","b"\n')).toBe(',');
  });
});

describe('decodeText', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('honours BOMs', () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc('José')]))).toEqual({ text: 'José', encoding: 'utf-8-bom' });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x4a, 0, 0xe9, 0]))).toEqual({ text: 'Jé', encoding: 'utf-16le' });
    expect(decodeText(Uint8Array.from([0xfe, 0xff, 0, 0x4a, 0, 0xe9]))).toEqual({ text: 'Jé', encoding: 'utf-16be' });
  });
  it('uses strict UTF-8, else Windows-1252', () => {
    expect(decodeText(enc('Zoë Müller'))).toEqual({ text: 'Zoë Müller', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0x5a, 0x6f, 0xeb, 0x20, 0x80, 0x93]))).toEqual({ text: 'Zoë €“', encoding: 'windows-1252' });
  });
  it('spots binary data', () => {
    expect(looksBinary('a,b\r\n1,2\n')).toBe(false);
    expect(looksBinary('PK\u0003\u0004\u0000\u0000')).toBe(true);
  });
});
