import { describe, expect, it } from 'vitest';
import { BASE, breakSample, byId, expectOnly, userAt } from './helpers.js';

describe('emergency routing checks', () => {
  it('E1: user without an emergency call routing policy', () => {
    const u = userAt(BASE, 'site-seattle', 0);
    const f = expectOnly((p) => (userAt(p, 'site-seattle', 0).emergencyPolicyId = null), 'E1', u.upn);
    expect(f.severity).toBe('error');
  });

  it('E2: Direct Routing users on an emergency policy without PSTN usages', () => {
    const f = expectOnly((p) => (userAt(p, 'site-sydney', 0).emergencyPolicyId = 'ecrp-us'), 'E2', 'ECRP-US-CPOC');
    expect(f).toMatchObject({ severity: 'error', subjectKind: 'emergencyPolicy', subjectId: 'ecrp-us' });
    expect(f.message).toContain('SC-Sydney');
  });

  it('E8: Calling Plan users on an emergency policy with PSTN usages (the policy only identifies numbers)', () => {
    const f = expectOnly((p) => (userAt(p, 'site-seattle', 0).emergencyPolicyId = 'ecrp-au'), 'E8', 'ECRP-AU-DR');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('SC-Seattle');
    expect(f.message).toContain('only identifies emergency numbers');
  });

  it('E8: a PSTN usage added to the Operator Connect policy', () => {
    const f = expectOnly(
      (p) => {
        const n = byId(p.emergencyPolicies, 'ecrp-uk').numbers[0];
        if (n) n.pstnUsage = 'UK-Emergency';
      },
      'E8',
      'ECRP-UK-CPOC',
    );
    expect(f.message).toContain('60 users of SC-London');
  });

  it('E1: an emergency call routing policy that defines no dial strings', () => {
    const f = expectOnly((p) => (byId(p.emergencyPolicies, 'ecrp-uk').numbers = []), 'E1', 'ECRP-UK-CPOC');
    expect(f).toMatchObject({ severity: 'error', subjectKind: 'emergencyPolicy', key: 'E1:ecrp-uk' });
  });

  it('E9: a Direct Routing emergency dial string with "+"', () => {
    const f = expectOnly(
      (p) => {
        const n = byId(p.emergencyPolicies, 'ecrp-au').numbers[0];
        if (n) n.dialString = '+000';
      },
      'E9',
      'ECRP-AU-DR',
    );
    expect(f.severity).toBe('error');
    expect(f.message).toContain('+000');
  });

  it('E9: "+" in a dial mask of a Direct Routing policy; not checked for Calling Plan policies', () => {
    expectOnly(
      (p) => {
        const n = byId(p.emergencyPolicies, 'ecrp-au').numbers[1];
        if (n) n.dialMask = '+112';
      },
      'E9',
      'ECRP-AU-DR',
    );
  });

  it('E2: one dial string without a usage in a Direct Routing policy', () => {
    const f = expectOnly(
      (p) => {
        const n = byId(p.emergencyPolicies, 'ecrp-au').numbers[1];
        if (n) n.pstnUsage = '';
      },
      'E2',
      'ECRP-AU-DR',
    );
    expect(f.message).toContain('40 users');
  });

  it('E3: CP/OC Shared Calling next to Direct Routing with site-assigned emergency policies (and E4)', () => {
    const d = breakSample((p) => (p.tenant.siteAssignedEmergencyPolicies = true));
    expect(d.removed).toEqual([]);
    expect(d.added.map((f) => `${f.rule} ${f.subject}`)).toEqual(['E3 Tenant', 'E4 Tenant']);
    const e3 = d.added[0];
    expect(e3?.key).toBe('E3:tenant');
    // E4: everybody but the 40 Sydney extension users (Direct Routing numbers) has no DR number.
    expect(d.added[1]?.message).toContain('140 Shared Calling users have none');
    expect(d.added[1]?.severity).toBe('warning');
  });

  it('E4: no warning when every Shared Calling user has a Direct Routing extension number', () => {
    const d = breakSample((p) => {
      p.tenant.siteAssignedEmergencyPolicies = true;
      p.users = p.users.filter((u) => u.siteId === 'site-sydney');
      p.sharedCallingPolicies = p.sharedCallingPolicies.filter((x) => x.id === 'scp-sydney');
    });
    expect(d.all.some((f) => f.rule === 'E4')).toBe(false);
  });

  it('L2: an emergency policy description over 512 characters is an error (§3.12)', () => {
    const f = expectOnly((p) => (byId(p.emergencyPolicies, 'ecrp-us').description = 'x'.repeat(513)), 'L2', 'ECRP-US-CPOC');
    expect(f).toMatchObject({ severity: 'error', subjectKind: 'emergencyPolicy', subjectId: 'ecrp-us' });
    expect(f.message).toContain('513 characters');
  });

  it('L2: exactly 512 characters is accepted', () => {
    const { added } = breakSample((p) => (byId(p.emergencyPolicies, 'ecrp-us').description = 'é'.repeat(512)));
    expect(added.filter((f) => f.rule === 'L2')).toEqual([]);
  });

  it('E5: duplicate dial string in one emergency policy', () => {
    const f = expectOnly((p) => byId(p.emergencyPolicies, 'ecrp-us').numbers.push({ dialString: '911', dialMask: '', pstnUsage: '' }), 'E5', 'ECRP-US-CPOC');
    expect(f.message).toContain('911');
  });

  it('E5: dial mask repeating a dial string', () => {
    expectOnly(
      (p) => {
        const n = byId(p.emergencyPolicies, 'ecrp-uk').numbers[0];
        if (n) n.dialMask = '112;118';
      },
      'E5',
      'ECRP-UK-CPOC',
    );
  });

  it('E6: carrier emergency database outside North America is a checklist item', () => {
    const f = expectOnly((p) => delete p.checklist['E6:site-london'], 'E6', 'London');
    expect(f).toMatchObject({ severity: 'warning', checklist: true, key: 'E6:site-london', subjectKind: 'site' });
  });

  it('E6: not asked for North American sites', () => {
    expect(BASE.checklist['E6:site-seattle']).toBeUndefined();
  });
});
