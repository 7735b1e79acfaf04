import { describe, expect, it } from 'vitest';
import { BASE, BASE_FINDINGS, breakSample, expectOnly, userAt } from './helpers.js';

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

  it('V1: user not Enterprise Voice enabled is info (the script enables it), grouped per policy', () => {
    // Sydney users 0, 3, 6 … are enabled; the others are one grouped note already.
    const d = breakSample((p) => (userAt(p, 'site-sydney', 0).enterpriseVoice = 'no'));
    expect(d.added.map((f) => `${f.rule} ${f.subject} ${f.severity}`)).toEqual(['V1 SC-Sydney info']);
    expect(d.added[0]?.message).toMatch(/^27 users of policy SC-Sydney are not Enterprise Voice enabled today/);
    // A single user gets a note of their own.
    const one = breakSample((p) => {
      for (const u of p.users) if (u.siteId === 'site-sydney') u.enterpriseVoice = u === userAt(p, 'site-sydney', 0) ? 'no' : 'yes';
    });
    expect(one.added.map((f) => `${f.rule} ${f.subject}`)).toEqual([`V1 ${sydney0.upn}`]);
  });

  it('information notes for many users of one policy are one grouped note in every policy', () => {
    const notes = BASE_FINDINGS.filter((f) => f.rule === 'V1');
    expect(notes.map((f) => `${f.subject} ${f.subjectKind}`)).toEqual([
      'SC-Seattle sharedCallingPolicy',
      'SC-London sharedCallingPolicy',
      'SC-Sydney sharedCallingPolicy',
    ]);
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
