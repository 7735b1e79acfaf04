import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { createSamplePlan, userKey } from '../../src/lib/index.js';

describe('createSamplePlan', () => {
  it('is deterministic', () => {
    expect(createSamplePlan()).toEqual(createSamplePlan());
    expect(JSON.stringify(createSamplePlan())).toBe(JSON.stringify(createSamplePlan()));
  });

  it('has three sites in three countries, one per number kind a resource account can carry (RA1)', () => {
    const p = createSamplePlan();
    expect(new Set(p.sites.map((s) => s.country)).size).toBe(3);
    const raKinds = p.resourceAccounts.map((r) => p.numbers.find((n) => n.id === r.numberId)?.kind).sort();
    expect(raKinds).toEqual(['callingPlanService', 'directRouting', 'operatorConnect']);
    expect(p.autoAttendants).toHaveLength(3);
    expect(p.sharedCallingPolicies).toHaveLength(3);
    for (const pol of p.sharedCallingPolicies) expect(pol.callbackNumberIds.length).toBeGreaterThan(0);
  });

  it('has at least 150 users, all assigned, with unique UPNs', () => {
    const p = createSamplePlan();
    expect(p.users.length).toBeGreaterThanOrEqual(150);
    expect(new Set(p.users.map((u) => userKey(u.upn))).size).toBe(p.users.length);
    for (const u of p.users) {
      expect(u.siteId).not.toBeNull();
      expect(u.sharedCallingPolicyId).not.toBeNull();
      expect(u.emergencyPolicyId).not.toBeNull();
      expect(u.voiceRoutingPolicyId).not.toBeNull();
    }
  });

  it('uses only valid E.164 numbers whose country matches the record', () => {
    const p = createSamplePlan();
    for (const n of p.numbers) {
      const parsed = parsePhoneNumberFromString(n.e164);
      expect(parsed?.isValid(), n.e164).toBe(true);
      expect(parsed?.country).toBe(n.country);
    }
  });

  it('uses fictional ranges only', () => {
    const p = createSamplePlan();
    for (const n of p.numbers) {
      expect(/^\+1\d{3}55501\d\d$/.test(n.e164) || /^\+442079460\d{3}$/.test(n.e164) || /^\+6125550\d{4}$/.test(n.e164), n.e164).toBe(true);
    }
  });
});
