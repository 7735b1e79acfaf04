import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isE164, numberKindHint, toE164 } from '../../../src/lib/domain/phone.js';
import type { E164 } from '../../../src/lib/domain/model.js';

describe('toE164', () => {
  it.each([
    ['tel:+14255550100', undefined, '+14255550100', undefined],
    ['tel:+14255550100;ext=100', undefined, '+14255550100', '100'],
    ['TEL:+1 (425) 555-0100;ext=12', undefined, '+14255550100', '12'],
    ['+1 425 555 0100 x1234', undefined, '+14255550100', '1234'],
    ['425-555-0100', 'US', '+14255550100', undefined],
    ['(425) 555-0100', 'us', '+14255550100', undefined],
    ['020 7946 0123', 'GB', '+442079460123', undefined],
    ['02 5550 0110', 'AU', '+61255500110', undefined],
    ['14255550123', 'US', '+14255550123', undefined],
  ])('%s (region %s) → %s ext %s', (input, region, e164, ext) => {
    const r = toE164(input, region);
    expect(r).toMatchObject({ ok: true, e164 });
    if (r.ok) expect(r.ext).toBe(ext);
  });

  it('reports Excel scientific notation and never guesses the digits', () => {
    for (const s of ['1.42556E+10', '1,42556E+10', '4.25555E+09', '1E+10']) {
      expect(toE164(s, 'US')).toMatchObject({ ok: false, reason: 'scientific' });
    }
  });

  it('reports empty, national numbers without a region, junk and overlong input', () => {
    expect(toE164('   ')).toMatchObject({ ok: false, reason: 'empty' });
    expect(toE164('425-555-0100')).toMatchObject({ ok: false, reason: 'no-region' });
    expect(toE164('call reception', 'US')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(toE164('+1 425 555', 'US')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(toE164('1'.repeat(500), 'US')).toMatchObject({ ok: false, reason: 'too-long' });
  });

  it('gives the number country', () => {
    expect(toE164('+442079460100')).toMatchObject({ ok: true, country: 'GB' });
  });

  it('never throws and only returns E.164 on success', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom(undefined, 'US', 'GB', 'XX', ''), (s, region) => {
        const r = toE164(s, region);
        if (r.ok) expect(isE164(r.e164)).toBe(true);
        else expect(r.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('isE164 / numberKindHint', () => {
  it('checks the E.164 shape', () => {
    expect(isE164('+14255550100')).toBe(true);
    expect(isE164('14255550100')).toBe(false);
    expect(isE164('+0123456789')).toBe(false);
    expect(isE164('+1425555010012345')).toBe(false);
  });

  it('detects toll-free numbers with the max metadata', () => {
    expect(numberKindHint('+18005550100' as E164)).toEqual({ tollFree: true, country: 'US' });
    expect(numberKindHint('+448001234567' as E164).tollFree).toBe(true);
    expect(numberKindHint('+14255550100' as E164)).toEqual({ tollFree: false, country: 'US' });
    expect(numberKindHint('+442079460100' as E164)).toEqual({ tollFree: false, country: 'GB' });
  });
});
