import { describe, expect, it } from 'vitest';
import { BASE, breakSample, byId, expectOnly, userAt } from './helpers.js';

describe('emergency callback number checks', () => {
  it('EN1: policy with no callback numbers (callbacks reach the auto attendant)', () => {
    const f = expectOnly((p) => (byId(p.sharedCallingPolicies, 'scp-london').callbackNumberIds = []), 'EN1', 'SC-London');
    expect(f.severity).toBe('warning');
  });

  it('EN2: toll-free resource account number with an empty callback list', () => {
    const f = expectOnly(
      (p) => {
        byId(p.numbers, 'num-12065550100').kind = 'callingPlanTollFreeService';
        byId(p.sharedCallingPolicies, 'scp-seattle').callbackNumberIds = [];
      },
      'EN2',
      'SC-Seattle',
    );
    expect(f.severity).toBe('error');
  });

  it('EN3: service number as callback behind a CP service number', () => {
    const f = expectOnly((p) => (byId(p.numbers, 'num-12065550101').kind = 'callingPlanService'), 'EN3', '+12065550101');
    expect(f).toMatchObject({ severity: 'error', subjectKind: 'number', subjectId: 'num-12065550101' });
  });

  it('EN4: callback number of another type than the resource account number', () => {
    const f = expectOnly((p) => (byId(p.numbers, 'num-442079460101').kind = 'directRouting'), 'EN4', '+442079460101');
    expect(f.message).toContain('Direct Routing');
  });

  it('EN4: callback number from another country than the resource account number', () => {
    const f = expectOnly((p) => (byId(p.numbers, 'num-442079460101').country = 'IE'), 'EN4', '+442079460101');
    expect(f.message).toContain('IE');
  });

  it('EN5: callback number that is not in the plan', () => {
    const f = expectOnly((p) => byId(p.sharedCallingPolicies, 'scp-seattle').callbackNumberIds.push('num-missing'), 'EN5', 'SC-Seattle');
    expect(f.message).toContain('num-missing');
  });

  it('EN6: callback number held by a user', () => {
    const u = userAt(BASE, 'site-sydney', 0);
    const f = expectOnly((p) => (userAt(p, 'site-sydney', 0).currentNumber = '+61255500101;ext=2001'), 'EN6', '+61255500101');
    expect(f.message).toContain(u.upn);
  });

  it('EN6: callback number that is a resource account number', () => {
    expectOnly((p) => byId(p.sharedCallingPolicies, 'scp-london').callbackNumberIds.push('num-442079460100'), 'EN6', '+442079460100');
  });

  it('EN7: callback number in two policies', () => {
    const mover = userAt(BASE, 'site-seattle', 0); // Enterprise Voice 'yes': moving it changes no aggregate
    expect(mover.enterpriseVoice).toBe('yes');
    const f = expectOnly(
      (p) => {
        p.sharedCallingPolicies.push({
          ...byId(p.sharedCallingPolicies, 'scp-seattle'),
          id: 'scp-seattle-2',
          name: 'SC-Seattle-2',
          callbackNumberIds: ['num-12065550101'],
        });
        userAt(p, 'site-seattle', 0).sharedCallingPolicyId = 'scp-seattle-2';
      },
      'EN7',
      '+12065550101',
    );
    expect(f.message).toContain('SC-Seattle-2');
  });

  it('EN7: callback number twice in one list', () => {
    expectOnly((p) => byId(p.sharedCallingPolicies, 'scp-seattle').callbackNumberIds.push('num-12065550101'), 'EN7', '+12065550101');
  });

  it('EN9: callback pool smaller than the sizing model recommends', () => {
    const f = expectOnly((p) => (byId(p.sharedCallingPolicies, 'scp-seattle').sizing = { mode: 'direct', callsPerHour: 5 }), 'EN9', 'SC-Seattle');
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/3 emergency callback numbers for 80 users; the sizing model recommends \d+/);
  });

  it('EN9: not reported for an empty list (EN1 covers it)', () => {
    const d = breakSample((p) => {
      const pol = byId(p.sharedCallingPolicies, 'scp-seattle');
      pol.sizing = { mode: 'direct', callsPerHour: 5 };
      pol.callbackNumberIds = [];
    });
    expect(d.added.map((f) => f.rule)).toEqual(['EN1']);
  });
});
