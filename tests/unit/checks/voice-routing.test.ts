import { describe, expect, it } from 'vitest';
import { BASE, breakSample, byId, expectOnly, userAt } from './helpers.js';

const seattle0 = userAt(BASE, 'site-seattle', 0);
const sydney3 = userAt(BASE, 'site-sydney', 3);

describe('voice routing checks', () => {
  it('VR1: user with a voice routing policy that has PSTN usages', () => {
    const f = expectOnly((p) => (userAt(p, 'site-seattle', 0).voiceRoutingPolicyId = 'vrp-au-ra'), 'VR1', seattle0.upn);
    expect(f.severity).toBe('error');
    expect(f.message).toContain('VRP-AU-DR-ResourceAccount');
  });

  it('VR1: user on Global while Global has PSTN usages', () => {
    const f = expectOnly((p) => (userAt(p, 'site-seattle', 0).voiceRoutingPolicyId = null), 'VR1', seattle0.upn);
    expect(f.severity).toBe('error');
  });

  it('VR1: user on Global while the plan does not know about Global is a warning', () => {
    const f = expectOnly(
      (p) => {
        p.tenant.globalVoiceRoutingHasUsages = 'unknown';
        userAt(p, 'site-seattle', 0).voiceRoutingPolicyId = null;
      },
      'VR1',
      seattle0.upn,
    );
    expect(f.severity).toBe('warning');
  });

  it('VR1: user on Global is fine when Global has no usages', () => {
    const d = breakSample((p) => {
      p.tenant.globalVoiceRoutingHasUsages = 'no';
      for (const u of p.users) u.voiceRoutingPolicyId = null;
    });
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
  });

  it('V4: extension-dialing user with a voice routing policy that has PSTN usages', () => {
    const f = expectOnly((p) => (userAt(p, 'site-sydney', 3).voiceRoutingPolicyId = 'vrp-au-ra'), 'V4', sydney3.upn);
    expect(f.severity).toBe('error');
  });

  it('RA11: Direct Routing resource account without a voice routing policy', () => {
    const f = expectOnly((p) => (byId(p.resourceAccounts, 'ra-sydney').voiceRoutingPolicyId = null), 'RA11', 'sc-sydney@contoso.com');
    expect(f.subjectKind).toBe('resourceAccount');
  });

  it('RA11: Direct Routing resource account whose voice routing policy has no PSTN usages', () => {
    expectOnly((p) => (byId(p.voiceRoutingPolicies, 'vrp-au-ra').pstnUsages = []), 'RA11', 'sc-sydney@contoso.com');
  });
});
