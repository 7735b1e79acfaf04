import { describe, expect, it } from 'vitest';
import { blankUser, createEmptyPlan, createSamplePlan, type E164, type Plan } from '../../../src/lib/index.js';
import {
  deleteObject,
  expandRange,
  guidProblem,
  nameProblem,
  pickableAccountNumbers,
  referencesTo,
  splitNumberList,
  upnProblem,
  upsertById,
  effectiveKind,
  numberKindProblem,
  extensionRangeProblem,
} from '../../../src/lib/index.js';

/** Deep-freeze so any mutation of the input throws in strict mode. */
function freeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) freeze(v);
  }
  return x;
}

const sample = () => freeze(createSamplePlan());

describe('upsertById', () => {
  it('replaces in place or appends, never mutating', () => {
    const list = freeze([
      { id: 'a', v: 1 },
      { id: 'b', v: 2 },
    ]);
    expect(upsertById(list, { id: 'b', v: 3 })).toEqual([
      { id: 'a', v: 1 },
      { id: 'b', v: 3 },
    ]);
    expect(upsertById(list, { id: 'c', v: 4 })).toHaveLength(3);
    expect(list[1]!.v).toBe(2);
  });
});

describe('deleteObject', () => {
  it('a Shared Calling policy: removed, users cleared, other users shared, input untouched', () => {
    const plan = sample();
    const policy = plan.sharedCallingPolicies[0]!;
    const before = JSON.stringify(plan);
    const next = deleteObject(plan, 'sharedCallingPolicy', policy.id);
    expect(JSON.stringify(plan)).toBe(before);
    expect(next.sharedCallingPolicies.map((p) => p.id)).not.toContain(policy.id);
    expect(next.users.some((u) => u.sharedCallingPolicyId === policy.id)).toBe(false);
    // Users that did not reference it are the same objects (only changed users are copied).
    plan.users.forEach((u, i) => {
      if (u.sharedCallingPolicyId !== policy.id) expect(next.users[i]).toBe(u);
      else expect(next.users[i]!.sharedCallingPolicyId).toBeNull();
    });
    expect(next.sites).toBe(plan.sites);
  });

  it('a number: cleared from its resource account and callback lists', () => {
    const plan = sample();
    const ra = plan.resourceAccounts[0]!;
    const next = deleteObject(plan, 'number', ra.numberId!);
    expect(next.numbers).toHaveLength(plan.numbers.length - 1);
    expect(next.resourceAccounts.find((r) => r.id === ra.id)!.numberId).toBeNull();
    const policy = plan.sharedCallingPolicies.find((p) => p.callbackNumberIds.length > 0)!;
    const cb = policy.callbackNumberIds[0]!;
    const next2 = deleteObject(plan, 'number', cb);
    expect(next2.sharedCallingPolicies.find((p) => p.id === policy.id)!.callbackNumberIds).toEqual(policy.callbackNumberIds.slice(1));
  });

  it('a site: users, numbers, dial scopes and rules lose it', () => {
    let plan = createSamplePlan();
    const site = plan.sites[0]!;
    plan = {
      ...plan,
      assignmentRules: [
        { id: 'r1', enabled: true, field: 'siteId', operator: 'is', values: [site.id, 'x'], assign: { siteId: site.id, emergencyPolicyId: 'e' } },
      ],
      autoAttendants: plan.autoAttendants.map((a) => ({ ...a, dialScopeGroups: [{ name: 'G', objectId: '', siteIds: [site.id, 'other'] }] })),
    };
    freeze(plan);
    const next = deleteObject(plan, 'site', site.id);
    expect(next.sites.map((s) => s.id)).not.toContain(site.id);
    expect(next.users.filter((u) => u.siteId === site.id)).toEqual([]);
    expect(next.numbers.filter((n) => n.siteId === site.id)).toEqual([]);
    expect(next.autoAttendants.every((a) => a.dialScopeGroups.every((g) => !g.siteIds.includes(site.id)))).toBe(true);
    expect(next.assignmentRules[0]).toEqual({ id: 'r1', enabled: true, field: 'siteId', operator: 'is', values: ['x'], assign: { emergencyPolicyId: 'e' } });
  });

  it('a resource account and a voice routing policy: references cleared', () => {
    const plan = sample();
    const ra = plan.resourceAccounts.find((r) => r.voiceRoutingPolicyId)!;
    const next = deleteObject(plan, 'voiceRoutingPolicy', ra.voiceRoutingPolicyId!);
    expect(next.resourceAccounts.find((r) => r.id === ra.id)!.voiceRoutingPolicyId).toBeNull();
    const next2 = deleteObject(plan, 'resourceAccount', ra.id);
    expect(next2.sharedCallingPolicies.some((p) => p.resourceAccountId === ra.id)).toBe(false);
    expect(next2.autoAttendants.some((a) => a.resourceAccountId === ra.id)).toBe(false);
  });

  it('an unknown id returns the same plan', () => {
    const plan = sample();
    expect(deleteObject(plan, 'site', 'nope')).toBe(plan);
  });

  it('removes checklist ticks of the deleted object', () => {
    const plan = freeze({ ...createSamplePlan(), checklist: { 'RA9:ra-x': { done: true, note: '' }, 'RA9:ra-y': { done: true, note: '' } } });
    const withRa: Plan = { ...plan, resourceAccounts: [...plan.resourceAccounts, { ...plan.resourceAccounts[0]!, id: 'ra-x' }] };
    const next = deleteObject(withRa, 'resourceAccount', 'ra-x');
    expect(Object.keys(next.checklist)).toEqual(['RA9:ra-y']);
  });

  it('stays fast at 100,000 users', () => {
    const plan = createSamplePlan();
    const policy = plan.sharedCallingPolicies[0]!;
    const users = Array.from({ length: 100_000 }, (_, i) => ({
      ...blankUser(`u${i}@contoso.com`, `U ${i}`),
      sharedCallingPolicyId: i % 10 === 0 ? policy.id : null,
    }));
    const big = { ...plan, users };
    const t = performance.now();
    const next = deleteObject(big, 'sharedCallingPolicy', policy.id);
    expect(performance.now() - t).toBeLessThan(500);
    expect(next.users[1]).toBe(users[1]);
    expect(referencesTo(big, 'sharedCallingPolicy', policy.id)[0]).toMatch(/^10,000 users use/);
  });
});

describe('referencesTo', () => {
  it('lists users of a policy in words', () => {
    const plan = sample();
    const policy = plan.sharedCallingPolicies[0]!;
    const n = plan.users.filter((u) => u.sharedCallingPolicyId === policy.id).length;
    expect(referencesTo(plan, 'sharedCallingPolicy', policy.id)).toEqual([
      `${n} users use Shared Calling policy ${policy.name}; they will have no Shared Calling policy.`,
    ]);
  });

  it('lists what uses a resource account and a number', () => {
    const plan = sample();
    const ra = plan.resourceAccounts[0]!;
    const refs = referencesTo(plan, 'resourceAccount', ra.id);
    expect(refs.some((r) => r.startsWith('Shared Calling policy'))).toBe(true);
    expect(refs.some((r) => r.startsWith('Auto attendant'))).toBe(true);
    expect(referencesTo(plan, 'number', ra.numberId!)).toEqual([expect.stringMatching(/^Resource account .* carries \+/)]);
  });

  it('is empty for an unreferenced object', () => {
    const plan = createEmptyPlan('p', 'P', '2026-01-01T00:00:00Z');
    const withSite = {
      ...plan,
      sites: [
        {
          id: 's',
          name: 'S',
          country: 'US',
          address: { street: '', city: '', postalCode: '', region: '' },
          lisLocationId: '',
          northAmerica: true,
          extensionRange: null,
        },
      ],
    };
    expect(referencesTo(withSite, 'site', 's')).toEqual([]);
  });
});

describe('validators', () => {
  it('GUIDs, UPNs, names', () => {
    expect(guidProblem('')).toBe('');
    expect(guidProblem('3fa85f64-5717-4562-b3fc-2c963f66afa6')).toBe('');
    expect(guidProblem('not-a-guid')).not.toBe('');
    expect(upnProblem('sc-seattle@contoso.com')).toBe('');
    for (const bad of ['', 'a b@contoso.com', 'nodomain', 'a@b', 'a@@b.com', '.a@contoso.com']) expect(upnProblem(bad), bad).not.toBe('');
    expect(nameProblem('seattle', [{ id: 'x', name: 'Seattle' }], 'y', 'site')).toMatch(/already called "Seattle"/);
    expect(nameProblem('Seattle', [{ id: 'x', name: 'Seattle' }], 'x', 'site')).toBe('');
    expect(nameProblem(' ', [], 'x', 'site')).not.toBe('');
  });

  it('number lists, ranges and kinds', () => {
    expect(splitNumberList('+1 206 555 0100\n+12065550101, +12065550102;\n\n')).toEqual(['+1 206 555 0100', '+12065550101', '+12065550102']);
    expect(expandRange('+12065550110' as E164, 3)).toEqual(['+12065550110', '+12065550111', '+12065550112']);
    expect(expandRange('+12065559999' as E164, 2)).toEqual(['+12065559999', '+12065560000']);
    expect(expandRange('+99999999998' as E164, 5)).toEqual(['+99999999998', '+99999999999']);
    expect(expandRange('+99' as E164, 0)).toEqual([]);
    expect(effectiveKind('callingPlanService', true)).toBe('callingPlanTollFreeService');
    expect(effectiveKind('directRouting', true)).toBe('directRouting');
    expect(numberKindProblem('+18005550100', 'callingPlanSubscriber', true)).toMatch(/toll-free/);
    expect(numberKindProblem('+12065550100', 'callingPlanTollFreeService', false)).not.toBe('');
    expect(extensionRangeProblem('', '')).toBe('');
    expect(extensionRangeProblem('200', '100')).not.toBe('');
    expect(extensionRangeProblem('100', '')).not.toBe('');
  });

  it('resource accounts pick free numbers of a kind they can carry', () => {
    const plan = sample();
    const ra = plan.resourceAccounts[0]!;
    const pickable = pickableAccountNumbers(plan, ra);
    expect(pickable.map((n) => n.id)).toContain(ra.numberId);
    for (const n of pickable) {
      if (n.id === ra.numberId) continue;
      expect(n.kind).not.toBe('callingPlanSubscriber');
      expect(plan.resourceAccounts.some((r) => r.numberId === n.id)).toBe(false);
      expect(plan.sharedCallingPolicies.some((p) => p.callbackNumberIds.includes(n.id))).toBe(false);
    }
  });
});

import { teamsNameProblem, usagesProblem } from '../../../src/lib/index.js';

describe('Teams names for voice routing / emergency policies and PSTN usages', () => {
  it('accepts ordinary names and refuses characters Teams would refuse', () => {
    expect(teamsNameProblem('VRP-AU-DR_1.0')).toBe('');
    expect(teamsNameProblem("VRP'; Remove-CsOnlineVoiceRoutingPolicy Global; '")).toMatch(/contains "'"/);
    expect(usagesProblem(['AU-PSTN', 'WW'])).toBe('');
    expect(usagesProblem(['AU-PSTN', '$(whoami)'])).toMatch(/PSTN usage "\$\(whoami\)"/);
  });
});

describe('site country (libphonenumber-js countries, Intl.DisplayNames names)', () => {
  it('accepts only countries libphonenumber-js knows', async () => {
    const { countryProblem } = await import('../../../src/lib/forms/validators.js');
    expect(countryProblem('GB')).toBe('');
    expect(countryProblem('de')).toBe('');
    expect(countryProblem('ZZ')).toContain('ZZ is not a country code');
    expect(countryProblem('UK')).toContain('GB');
    expect(countryProblem('')).toBe('Choose the country.');
  });
  it('turns UK into GB with a note, and a country name into its code', async () => {
    const { normalizeCountryInput } = await import('../../../src/lib/forms/country-input.js');
    expect(normalizeCountryInput('uk')).toEqual({ code: 'GB', note: 'UK was changed to GB, the ISO code of the United Kingdom.' });
    expect(normalizeCountryInput('Germany')).toEqual({ code: 'DE', note: '' });
    expect(normalizeCountryInput('Bosnia & Herzegovina')).toEqual({ code: 'BA', note: '' });
    expect(normalizeCountryInput('Atlantis')).toEqual({ code: 'Atlantis', note: '' });
  });
  it('names countries with Intl.DisplayNames', async () => {
    const { countryLabel, knownCountries } = await import('../../../src/lib/domain/phone.js');
    expect(countryLabel('GB')).toBe('United Kingdom (GB)');
    expect(knownCountries().length).toBeGreaterThan(200);
    expect(knownCountries().some(([c]) => c === 'UK')).toBe(false);
  });
});
