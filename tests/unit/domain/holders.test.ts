import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  anyHolder,
  blankUser,
  callbackFit,
  createSamplePlan,
  numberHolders,
  numberUses,
  ownHolder,
  qualifyingCallbackNumbers,
  requiredCallbackKind,
  splitNumber,
  NUMBER_KINDS,
  type Plan,
} from '../../../src/lib/index.js';

describe('splitNumber: the one normalization of a held number', () => {
  it('reads E.164, tel:, punctuation and the extension forms', () => {
    expect(splitNumber('+14255550100')).toEqual({ base: '+14255550100', ext: '' });
    expect(splitNumber('tel:+1 (425) 555-0100;ext=12')).toEqual({ base: '+14255550100', ext: '12' });
    expect(splitNumber('+1 425 555 0100 x12')).toEqual({ base: '+14255550100', ext: '12' });
    expect(splitNumber('+14255550100;EXT=7')).toEqual({ base: '+14255550100', ext: '7' });
    expect(splitNumber('')).toEqual({ base: '', ext: '' });
  });
});

describe('numberHolders: one "who holds this number"', () => {
  const plan = (): Plan => {
    const p = createSamplePlan();
    return {
      ...p,
      users: [
        { ...blankUser('own@contoso.com', 'Own'), currentNumber: 'tel:+1 206-555-0105' },
        { ...blankUser('ext@contoso.com', 'Ext'), currentNumber: '+12065550100;ext=12' },
        ...p.users,
      ],
    };
  };
  it('an own line is a user use; an extension number on the same digits is not (V3), but it does hold the digits (EN6)', () => {
    const p = plan();
    expect(ownHolder(p, '+12065550105')?.upn).toBe('own@contoso.com');
    expect(ownHolder(p, '+12065550100')).toBeUndefined();
    expect(anyHolder(p, '+12065550100')?.upn).toBe('ext@contoso.com');
    const uses = numberUses(p);
    const num = p.numbers.find((n) => n.e164 === '+12065550105')!;
    expect(uses.get(num.id)).toContain('user');
    expect(uses.get('num-12065550100')).toEqual(['resourceAccount']);
    expect(numberHolders(p)).toBe(numberHolders(p));
  });
});

describe('callbackFit: the one callback-number rule (EN3, EN4)', () => {
  it('agrees with requiredCallbackKind and the country rule for every pair of kinds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NUMBER_KINDS), fc.constantFrom(...NUMBER_KINDS), fc.constantFrom('US', 'GB'), (ra, cb, country) => {
        const fit = callbackFit({ kind: ra, country: 'US' }, { kind: cb, country });
        const want = requiredCallbackKind(ra);
        expect(fit.fits).toBe(want !== null && cb === want && country === 'US');
      }),
    );
  });

  it('sizing’s Apply offers only numbers the checks accept', () => {
    const p = createSamplePlan();
    for (const policy of p.sharedCallingPolicies) {
      const ra = p.resourceAccounts.find((r) => r.id === policy.resourceAccountId)!;
      const raNum = p.numbers.find((n) => n.id === ra.numberId)!;
      for (const n of qualifyingCallbackNumbers(p, policy)) expect(callbackFit(raNum, n).fits).toBe(true);
    }
  });
});
