import { describe, expect, it } from 'vitest';
import { getCountries } from 'libphonenumber-js/max';
import { KNOWN_COUNTRY_CODES, isKnownCountry } from '../../../src/lib/domain/country-codes.js';

describe('KNOWN_COUNTRY_CODES', () => {
  it('is exactly the list libphonenumber-js knows (regenerate it when the library changes)', () => {
    expect([...KNOWN_COUNTRY_CODES].sort()).toEqual([...getCountries()].sort());
  });
  it('knows GB, not UK or ZZ, and only upper case', () => {
    expect(isKnownCountry('GB')).toBe(true);
    expect(isKnownCountry('UK')).toBe(false);
    expect(isKnownCountry('ZZ')).toBe(false);
    expect(isKnownCountry('gb')).toBe(false);
  });
});
