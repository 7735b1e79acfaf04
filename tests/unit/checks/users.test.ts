import { describe, expect, it } from 'vitest';
import { BASE, expectOnly, breakSample, userAt } from './helpers.js';

const sydney0 = userAt(BASE, 'site-sydney', 0); // Enterprise Voice 'yes' in the sample
const seattle1 = userAt(BASE, 'site-seattle', 1);

describe('user checks', () => {
  it('U1: user without a Teams Phone licence', () => {
    const f = expectOnly((p) => (userAt(p, 'site-sydney', 5).teamsPhone = 'no'), 'U1', userAt(BASE, 'site-sydney', 5).upn);
    expect(f.severity).toBe('error');
    expect(f.subjectKind).toBe('user');
    expect(f.subjectId).toBe(userAt(BASE, 'site-sydney', 5).upn.toLowerCase());
  });

  it('U1: licence unknown is a warning', () => {
    const f = expectOnly((p) => (userAt(p, 'site-sydney', 5).teamsPhone = 'unknown'), 'U1', userAt(BASE, 'site-sydney', 5).upn);
    expect(f.severity).toBe('warning');
  });

  it('V1: user not Enterprise Voice enabled is info (the script enables it)', () => {
    const f = expectOnly((p) => (userAt(p, 'site-sydney', 0).enterpriseVoice = 'no'), 'V1', sydney0.upn);
    expect(f.severity).toBe('info');
  });

  it('V2: user holding a phone number of their own', () => {
    const f = expectOnly((p) => (userAt(p, 'site-seattle', 1).currentNumber = '+12065550199'), 'V2', seattle1.upn);
    expect(f.severity).toBe('error');
    expect(f.message).toContain('+12065550199');
  });

  it('V2/V3: a Direct Routing ;ext= number is allowed for extension dialing', () => {
    const d = breakSample((p) => (userAt(p, 'site-sydney', 0).currentNumber = '+61255500100;ext=2001'));
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
  });

  it('V2: a ;ext= number that is not Direct Routing is still an own number', () => {
    expectOnly((p) => (userAt(p, 'site-seattle', 1).currentNumber = '+12065550199;ext=12'), 'V2', seattle1.upn);
  });

  it('P1: user without a Shared Calling policy', () => {
    const f = expectOnly((p) => (userAt(p, 'site-sydney', 0).sharedCallingPolicyId = null), 'P1', sydney0.upn);
    expect(f.severity).toBe('error');
  });

  it('P1: user whose policy is not in the plan', () => {
    const f = expectOnly((p) => (userAt(p, 'site-sydney', 0).sharedCallingPolicyId = 'scp-gone'), 'P1', sydney0.upn);
    expect(f.message).toContain('scp-gone');
  });
});
