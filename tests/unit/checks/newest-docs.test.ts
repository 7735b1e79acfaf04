/**
 * Rules that changed or arrived with the newest Microsoft documentation (shared-calling.md, 2024-09
 * to 2026-07): each test breaks exactly that rule in the sample plan.
 */
import { describe, expect, it } from 'vitest';
import { AA11_MAX_GREETING, AA5_MAX_MATCHES } from '../../../src/lib/checks/auto-attendants.js';
import { BASE, BASE_FINDINGS, breakSample, byId, expectOnly, expectOnlyBesidesInfo, userAt } from './helpers.js';

const SEA = 'sc-seattle@contoso.com';
const SEATTLE_AA = 'Seattle Main Auto Attendant';

describe('RA9: Calling Plan service number funding follows the billing account (09/17/2024)', () => {
  const untick = (p: Parameters<Parameters<typeof expectOnly>[0]>[0]) => delete p.checklist['RA9:ra-seattle'];

  it('pay-as-you-go billing: confirm pay-as-you-go funding, no Communications Credits demanded', () => {
    const f = expectOnly(untick, 'RA9', SEA);
    expect(f).toMatchObject({ severity: 'warning', checklist: true });
    expect(f.message).toContain('pay-as-you-go');
    expect(f.message).toContain('no Communications Credits are needed');
    // §8 item 16: admins still meet the older rule.
    expect(f.message).toContain('Older Microsoft pages');
  });

  it('MOSA billing: Communications Credits with a funded balance', () => {
    const f = expectOnly(
      (p) => {
        untick(p);
        byId(p.resourceAccounts, 'ra-seattle').callingPlanBilling = 'mosa';
      },
      'RA9',
      SEA,
    );
    expect(f.message).toContain('Microsoft Online Subscription Agreement');
    expect(f.message).toContain('Communications Credits licence');
  });

  it('billing not known: the item asks for it', () => {
    const f = expectOnly(
      (p) => {
        untick(p);
        byId(p.resourceAccounts, 'ra-seattle').callingPlanBilling = 'unknown';
      },
      'RA9',
      SEA,
    );
    expect(f.message).toContain('Not known how the Calling Plan subscription');
    expect(f.fix).toContain('billing type');
  });

  it('a ticked funding item stays ticked whatever the billing type', () => {
    const d = breakSample((p) => (byId(p.resourceAccounts, 'ra-seattle').callingPlanBilling = 'mosa'));
    expect(d.added).toEqual([]);
  });
});

describe('auto attendants', () => {
  it('AA5: more than 5 people sharing a full name in one dial scope is a warning', () => {
    // The warning replaces the sample's note about shared surnames.
    const f = expectOnlyBesidesInfo(
      (p) => {
        for (let i = 0; i <= AA5_MAX_MATCHES; i++) userAt(p, 'site-seattle', i).displayName = 'Sam Lee';
      },
      'AA5',
      SEATTLE_AA,
      ['AA5'],
    );
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('Sam Lee (6)');
    expect(f.message).toContain('too many names');
  });

  it('AA5: exactly 5 sharing a full name is fine', () => {
    const d = breakSample((p) => {
      for (let i = 0; i < AA5_MAX_MATCHES; i++) userAt(p, 'site-seattle', i).displayName = 'Sam Lee';
    });
    expect(d.added.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('AA5: the sample’s shared surnames are a note per auto attendant (callers must use the full name)', () => {
    const notes = BASE_FINDINGS.filter((f) => f.rule === 'AA5');
    expect(notes.map((f) => `${f.subject} ${f.severity}`)).toEqual([
      'Seattle Main Auto Attendant info',
      'London Main Auto Attendant info',
      'Sydney Main Auto Attendant info',
    ]);
    expect(notes[0]?.message).toContain("O'Brien");
  });

  it('AA6: a user hidden from address lists is never found', () => {
    const u = userAt(BASE, 'site-london', 2);
    const f = expectOnly((p) => (userAt(p, 'site-london', 2).hiddenFromAddressLists = true), 'AA6', u.upn);
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('never finds');
  });

  it('AA7: dial by extension is explained as reading Entra BusinessPhone, not the Teams number', () => {
    const f = BASE_FINDINGS.find((x) => x.rule === 'AA7');
    expect(f?.subject).toBe('Sydney Main Auto Attendant');
    expect(f?.message).toContain('BusinessPhone');
  });

  it('V3: an extension planned for a user whose resource account has no Direct Routing number', () => {
    const u = userAt(BASE, 'site-london', 1);
    const f = expectOnly((p) => (userAt(p, 'site-london', 1).extension = '3001'), 'V3', u.upn);
    expect(f.severity).toBe('error');
    expect(f.message).toContain('an Operator Connect number');
  });

  it('AA8: the directory delay is one note for the tenant', () => {
    const f = BASE_FINDINGS.filter((x) => x.rule === 'AA8');
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('36 hours');
    const d = breakSample((p) => {
      for (const aa of p.autoAttendants) {
        aa.dialByName = false;
        aa.dialByExtension = false;
      }
    });
    expect(d.all.some((x) => x.rule === 'AA8')).toBe(false);
  });

  it('AA9: dial by name and dial by extension on one auto attendant is a note', () => {
    const f = BASE_FINDINGS.filter((x) => x.rule === 'AA9');
    expect(f.map((x) => `${x.subject} ${x.severity}`)).toEqual(['Sydney Main Auto Attendant info']);
    expect(f[0]?.message).toContain('key 1');
  });

  it('AA10: an auto attendant without an operator drops calls', () => {
    const f = expectOnly((p) => (byId(p.autoAttendants, 'aa-seattle').operator = ''), 'AA10', SEATTLE_AA);
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('dropped');
  });

  it('AA11: a typed greeting longer than 1,000 characters', () => {
    const f = expectOnly((p) => (byId(p.autoAttendants, 'aa-seattle').greeting = 'x'.repeat(AA11_MAX_GREETING + 1)), 'AA11', SEATTLE_AA);
    expect(f.severity).toBe('error');
    expect(f.message).toContain('1,001 characters');
    const ok = breakSample((p) => (byId(p.autoAttendants, 'aa-seattle').greeting = 'x'.repeat(AA11_MAX_GREETING)));
    expect(ok.added).toEqual([]);
  });
});

describe('users', () => {
  it('U5: a user with usage location India needs the India-specific Teams Phone licence', () => {
    const u = userAt(BASE, 'site-sydney', 3);
    const d = breakSample((p) => (userAt(p, 'site-sydney', 3).usageLocation = 'IN'));
    expect(d.removed).toEqual([]);
    // C3 also notes that an Indian user calls with the Australian number.
    expect(d.added.map((f) => `${f.rule} ${f.subject}`)).toEqual([`U5 ${u.upn}`, `C3 ${u.upn}`]);
    expect(d.added[0]?.message).toContain('India-specific Teams Phone licence');
    expect(d.added[0]?.fix).toContain('Airtel');
  });

  it('C3: a usage location other than the numbers’ country is a note saying it is allowed', () => {
    const u = userAt(BASE, 'site-london', 0);
    const f = expectOnly((p) => (userAt(p, 'site-london', 0).usageLocation = 'DE'), 'C3', u.upn);
    expect(f.severity).toBe('info');
    expect(f.message).toContain('This is allowed');
    expect(f.message).toContain('GB');
  });

  it('C3: many such users of one policy are one grouped note', () => {
    const d = breakSample((p) => {
      for (const x of p.users) if (x.siteId === 'site-seattle') x.usageLocation = 'CA';
    });
    expect(d.added.map((f) => `${f.rule} ${f.subject}`)).toEqual(['C3 SC-Seattle']);
    expect(d.added[0]?.message).toMatch(/^80 users of policy SC-Seattle have a usage location/);
  });
});

describe('tenant', () => {
  it('R8: tagging callback numbers asks for MicrosoftTeams 7.1.0 until ticked', () => {
    const f = expectOnly((p) => (p.tenant.tagCallbackNumbers = true), 'R8', 'Tenant');
    expect(f).toMatchObject({ severity: 'warning', checklist: true, key: 'R8:tenant' });
    expect(f.message).toContain('7.1.0');
    const ticked = breakSample((p) => {
      p.tenant.tagCallbackNumbers = true;
      p.checklist['R8:tenant'] = { done: true, note: '' };
    });
    expect(ticked.added).toEqual([]);
  });

  it('R5: the module checklist item names the PowerShell versions module 6.3.0 needs', () => {
    const f = expectOnly((p) => delete p.checklist['R1:tenant'], 'R1', 'Tenant');
    expect(f.message).toContain('PowerShell 7.2 or later, or on Windows PowerShell 5.1 (R5)');
  });
});

describe('words (no internal enum names, grammar)', () => {
  it('EN4 says "an Operator Connect number", never the -NumberType value', () => {
    const d = breakSample((p) => (byId(p.numbers, 'num-442079460101').kind = 'directRouting'));
    const f = d.added.find((x) => x.rule === 'EN4');
    expect(f?.message).toContain("is a Direct Routing number while the resource account's number is an Operator Connect number");
    expect(f?.fix).toBe('Use an Operator Connect number from GB.');
    expect(`${f?.message} ${f?.fix}`).not.toMatch(/OperatorConnect|CallingPlan|DirectRouting/);
  });

  it('EN4 behind a Calling Plan service number asks for a Calling Plan subscriber number', () => {
    const d = breakSample((p) => (byId(p.numbers, 'num-12065550101').country = 'CA'));
    expect(d.added.find((x) => x.rule === 'EN4')?.fix).toBe('Use a Calling Plan subscriber number from US.');
  });

  it('VR1 names "the Global voice routing policy" in a sentence that reads', () => {
    const u = userAt(BASE, 'site-london', 1);
    const d = breakSample((p) => {
      p.tenant.globalVoiceRoutingHasUsages = 'yes';
      userAt(p, 'site-london', 1).voiceRoutingPolicyId = null;
      byId(p.voiceRoutingPolicies, 'vrp-users').pstnUsages = [];
    });
    const f = d.added.find((x) => x.rule === 'VR1' && x.subject === u.upn);
    expect(f?.message).toContain('gets the Global voice routing policy, which has PSTN usages');
    expect(f?.message).not.toContain('policy the Global policy');
  });
});
