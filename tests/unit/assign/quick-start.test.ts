import { describe, expect, it } from 'vitest';
import { planQuickStart, proposeSites, quickStart, type QuickStartSite } from '../../../src/lib/assign/index.js';
import { blankUser, checkPlan, createEmptyPlan, createSamplePlan, type Plan, type User } from '../../../src/lib/index.js';

/** An imported list: users with office and usage location only (no sites, no policies). */
function imported(): Plan {
  const sample = createSamplePlan();
  const users: User[] = sample.users.map((u) => ({
    ...blankUser(u.upn, u.displayName),
    department: u.department,
    office: u.office,
    usageLocation: u.usageLocation,
    teamsPhone: 'yes',
  }));
  // A few users without an office fall back to their usage location.
  users.push({ ...blankUser('kim@contoso.com', 'Kim'), usageLocation: 'DE', teamsPhone: 'yes' });
  return { ...createEmptyPlan('p1', 'Imported', '2026-01-01T00:00:00.000Z'), users };
}

const kinds: Record<string, QuickStartSite['numberKind']> = {
  seattle: 'callingPlanService',
  london: 'operatorConnect',
  sydney: 'directRouting',
  de: 'operatorConnect',
};

function options(plan: Plan) {
  const sites = proposeSites(plan, 'office').map((s) => ({ ...s, numberKind: kinds[s.key] ?? s.numberKind }));
  return { basis: 'office' as const, sites };
}

describe('quick start', () => {
  it('proposes one site per office (usage location as fallback) with the commonest country', () => {
    const sites = proposeSites(imported(), 'office');
    expect(sites.map((s) => [s.key, s.name, s.country, s.users])).toEqual([
      ['seattle', 'Seattle', 'US', 80],
      ['london', 'London', 'GB', 60],
      ['sydney', 'Sydney', 'AU', 40],
      ['de', 'DE', 'DE', 1],
    ]);
  });

  it('builds sites, accounts, attendants, policies and assigns every user', () => {
    const plan = imported();
    const { plan: next, toAcquire } = planQuickStart(plan, options(plan));
    expect(next.tenantDomain).toBe('contoso.com');
    expect(next.sites.map((s) => s.name)).toEqual(['Seattle', 'London', 'Sydney', 'DE']);
    expect(next.resourceAccounts.map((r) => r.upn)).toEqual(['sc-seattle@contoso.com', 'sc-london@contoso.com', 'sc-sydney@contoso.com', 'sc-de@contoso.com']);
    expect(next.sharedCallingPolicies.map((p) => p.name)).toEqual(['SC-Seattle', 'SC-London', 'SC-Sydney', 'SC-DE']);
    expect(
      next.autoAttendants.every((a, i) => a.resourceAccountId === next.resourceAccounts[i]!.id && a.dialScopeGroups[0]!.siteIds[0] === next.sites[i]!.id),
    ).toBe(true);
    for (const u of next.users) {
      expect(u.siteId).not.toBeNull();
      expect(u.sharedCallingPolicyId).not.toBeNull();
      expect(u.emergencyPolicyId).not.toBeNull();
      expect(u.voiceRoutingPolicyId).not.toBeNull(); // Global unknown → SC-NoPSTN (VR1)
    }
    // Emergency dial strings per country, PSTN usages only for Direct Routing (E2).
    const ep = (name: string) => next.emergencyPolicies.find((e) => e.name === name)!;
    expect(ep('ECRP-US').numbers.map((n) => n.dialString)).toEqual(['911', '933']);
    expect(ep('ECRP-GB').numbers.map((n) => [n.dialString, n.pstnUsage])).toEqual([
      ['999', ''],
      ['112', ''],
    ]);
    expect(ep('ECRP-AU-DR').numbers.map((n) => [n.dialString, n.pstnUsage])).toEqual([
      ['000', 'AU-Emergency'],
      ['112', 'AU-Emergency'],
    ]);
    expect(ep('ECRP-DE').numbers.map((n) => n.dialString)).toEqual(['112']);
    // DR resource account gets a voice routing policy with usages (RA11); CP gets PAYG (RA9).
    const sydneyRa = next.resourceAccounts[2]!;
    expect(next.voiceRoutingPolicies.find((v) => v.id === sydneyRa.voiceRoutingPolicyId)?.pstnUsages.length).toBe(1);
    expect(next.resourceAccounts[0]!.payAsYouGoCallingPlan).toBe(true);
    // Nothing in the plan to use: every account needs a number, every pool is sized and listed.
    expect(toAcquire.filter((n) => n.purpose === 'resourceAccount')).toHaveLength(4);
    const callbacks = toAcquire.filter((n) => n.purpose === 'callback');
    expect(callbacks.map((n) => [n.policyName, n.kind])).toEqual([
      ['SC-Seattle', 'callingPlanSubscriber'],
      ['SC-London', 'operatorConnect'],
      ['SC-Sydney', 'directRouting'],
      ['SC-DE', 'operatorConnect'],
    ]);
    expect(callbacks.every((n) => n.count >= 1)).toBe(true);
    expect(next.notes).toContain('numbers to acquire');
  });

  it('leaves only findings about numbers still to acquire and checklist items', () => {
    const plan = imported();
    const next = quickStart(plan, options(plan));
    const errors = checkPlan(next).filter((f) => f.severity === 'error');
    // RA1: the accounts have no number yet; everything else is complete.
    expect([...new Set(errors.map((f) => f.rule))]).toEqual(['RA1']);
    const warnings = [
      ...new Set(
        checkPlan(next)
          .filter((f) => f.severity === 'warning')
          .map((f) => f.rule),
      ),
    ].sort();
    // R1 (module version) and E6 (carrier database) are checklist items; EN1 = no callback numbers yet;
    // AA10 = the operator is a person only the admin can choose; RA8 = the new sites have no
    // emergency address yet.
    for (const w of warnings) expect(['R1', 'E6', 'EN1', 'EN9', 'RA9', 'RA10', 'AA10', 'RA8']).toContain(w);
    expect(warnings).toContain('AA10');
  });

  it('is deterministic and uses free numbers of the plan first', () => {
    const plan = imported();
    expect(quickStart(plan, options(plan))).toEqual(quickStart(plan, options(plan)));
    const withNumbers: Plan = {
      ...plan,
      sites: [],
      numbers: createSamplePlan()
        .numbers.filter((n) => n.country === 'GB')
        .map((n) => ({ ...n, siteId: null })),
    };
    // Numbers without a site are not taken for the account; with the site assigned they are.
    const first = planQuickStart(withNumbers, options(withNumbers));
    const london = first.plan.sites.find((s) => s.name === 'London')!;
    const placed = { ...withNumbers, sites: [london], numbers: withNumbers.numbers.map((n) => ({ ...n, siteId: london.id })) };
    const r = planQuickStart(placed, options(placed));
    const ra = r.plan.resourceAccounts.find((x) => x.upn === 'sc-london@contoso.com')!;
    expect(ra.numberId).toBe('num-442079460100');
    const policy = r.plan.sharedCallingPolicies.find((p) => p.name === 'SC-London')!;
    expect(policy.callbackNumberIds.length).toBeGreaterThanOrEqual(1);
    expect(r.toAcquire.some((n) => n.policyName === 'SC-London')).toBe(false);
  });

  it('keeps existing assignments and reuses the plan’s objects', () => {
    const sample = createSamplePlan();
    const next = quickStart(sample, { basis: 'office', sites: proposeSites(sample) });
    // Every sample user already has a site and SC-<site> policies exist: no new policy, no user change.
    expect(next.sharedCallingPolicies).toHaveLength(sample.sharedCallingPolicies.length);
    expect(next.users).toEqual(sample.users);
  });
});
