import { describe, expect, it } from 'vitest';
import { AGGREGATE_THRESHOLD, CHECKLIST_RULES, checkPlan, RULES, sortFindings } from '../../../src/lib/checks/index.js';
import type { Finding } from '../../../src/lib/checks/index.js';
import { userKey } from '../../../src/lib/domain/model.js';
import { BASE, BASE_FINDINGS, breakSample, byId } from './helpers.js';

/** Every rule id in shared-calling.md §2. */
const SECTION_2_IDS = [
  'R1',
  'R2',
  'R3',
  'R4',
  'R5',
  'R6',
  'R7',
  'R8',
  'U1',
  'U2',
  'U3',
  'U4',
  'U5',
  'V1',
  'V2',
  'V3',
  'V4',
  'V5',
  ...Array.from({ length: 12 }, (_, i) => `RA${i + 1}`),
  ...Array.from({ length: 11 }, (_, i) => `AA${i + 1}`),
  'VR1',
  'VR2',
  'E1',
  'E2',
  'E3',
  'E4',
  'E5',
  'E6',
  'E7',
  'E8',
  'E9',
  ...Array.from({ length: 14 }, (_, i) => `EN${i + 1}`),
  'C1',
  'C2',
  'C3',
  'C4',
  'C5',
];

/** §2 ids a plan cannot show as a finding of their own, and why. */
const NOT_A_FINDING: Record<string, string> = {
  R2: 'TAC vs PowerShell: a fact, nothing to check',
  R3: 'public clouds only: the plan has no cloud field',
  R4: 'minimum versions of related cmdlets: covered by R1 (5.5.0 is the highest that matters)',
  R5: 'PowerShell version for module 6.3.0+: part of the R1 checklist item and checked by stage 01',
  R6: 'Get-CsOnlineUser output by version: handled by the user-list import (guests, IneligibleUser, soft-deleted rows)',
  R7: 'parameter names: a script property, guarded by the PowerShell unit tests',
  U2: 'no calling plan needed: nothing to check',
  U3: 'licence sources: folded into U1',
  U4: 'dial pad prerequisites: folded into U1 and V1',
  V5: 'extensions not required under Shared Calling: nothing to check',
  RA3: 'sign-in blocked, admin role: not in the model',
  RA5: 'ApplicationId: the script always uses the AA id',
  RA6: 'a resource account may serve several policies: allowed, nothing to check',
  RA7: 'consequence of removing a number: explained in N1/RA1',
  RA12: 'markets without locations on service numbers: needs TNS, not in the model',
  AA2: 'dial scope mechanics: reported as AA1',
  VR2: 'resource account routing: reported as RA11',
  E7: 'location preference: covered by RA8',
  EN8: 'remove before reassign: script ordering, not a plan property',
  EN10: 'reuse of the first number: explained in EN9',
  EN11: 'inventory query: script detail',
  EN12: 'TAC listing: script detail',
  EN13: 'undocumented limits: nothing to check',
  EN14: 'Graph view of callback numbers: the planner imports no number inventory',
  C2: 'operator support: reported as RA10',
  C4: 'global emergency calling: reported as E6',
  C5: 'undocumented filter attribute: nothing to check',
};

/** Planner rules without a §2 id. */
const PLANNER_RULES = ['P1', 'P2', 'P3', 'P4', 'P5', 'N1', 'L1', 'L2', 'S1'];

describe('checkPlan', () => {
  it('the sample plan has no errors and no warnings', () => {
    expect(BASE_FINDINGS.filter((f) => f.severity !== 'info')).toEqual([]);
    // Notes: Enterprise Voice (V1), blocked caller ID (L1), shared surnames in each scope (AA5), dial by
    // extension reading Entra (AA7), the directory delay (AA8) and Sydney's combined directory menu (AA9).
    expect(new Set(BASE_FINDINGS.map((f) => f.rule))).toEqual(new Set(['V1', 'L1', 'AA5', 'AA7', 'AA8', 'AA9']));
  });

  it('every rule id of §2 a plan can show is covered by RULES', () => {
    const showable = SECTION_2_IDS.filter((id) => !(id in NOT_A_FINDING));
    expect(showable).toEqual([
      'R1',
      'R8',
      'U1',
      'U5',
      'V1',
      'V2',
      'V3',
      'V4',
      'RA1',
      'RA2',
      'RA4',
      'RA8',
      'RA9',
      'RA10',
      'RA11',
      'AA1',
      'AA3',
      'AA4',
      'AA5',
      'AA6',
      'AA7',
      'AA8',
      'AA9',
      'AA10',
      'AA11',
      'VR1',
      'E1',
      'E2',
      'E3',
      'E4',
      'E5',
      'E6',
      'E8',
      'E9',
      'EN1',
      'EN2',
      'EN3',
      'EN4',
      'EN5',
      'EN6',
      'EN7',
      'EN9',
      'C1',
      'C3',
    ]);
    for (const id of showable) expect(RULES[id], id).toBeDefined();
    for (const id of Object.keys(NOT_A_FINDING)) expect(SECTION_2_IDS).toContain(id);
    // R5–R7 are explained (import notes and scripts cite them) without being plan findings.
    expect(Object.keys(RULES).sort()).toEqual([...showable, ...PLANNER_RULES, 'R5', 'R6', 'R7'].sort());
    for (const [id, r] of Object.entries(RULES)) {
      expect(r.title.length, id).toBeGreaterThan(5);
      expect(r.explanation.length, id).toBeGreaterThan(60);
      expect(r.source, id).toMatch(/§|\[/);
    }
    for (const id of CHECKLIST_RULES) expect(RULES[id]).toBeDefined();
  });

  it('sorts errors first, then warnings, then info, stably', () => {
    const { all } = breakSample((p) => {
      delete p.checklist['R1:tenant'];
      byId(p.resourceAccounts, 'ra-seattle').licence = 'none';
    });
    const order = { error: 0, warning: 1, info: 2 };
    for (let i = 1; i < all.length; i++) {
      expect(order[(all[i] as Finding).severity]).toBeGreaterThanOrEqual(order[(all[i - 1] as Finding).severity]);
    }
    const mk = (rule: string, severity: Finding['severity']): Finding => ({
      rule,
      severity,
      message: '',
      subject: '',
      subjectKind: 'tenant',
      subjectId: rule,
      fix: '',
      key: rule,
    });
    const sorted = sortFindings([mk('a', 'info'), mk('b', 'error'), mk('c', 'info'), mk('d', 'warning'), mk('e', 'error')]);
    expect(sorted.map((f) => f.rule)).toEqual(['b', 'e', 'd', 'a', 'c']);
  });

  it('keys are `${rule}:${subjectId}` and user subjects use userKey', () => {
    const { added } = breakSample((p) => {
      const u = p.users[3];
      if (u) {
        u.upn = '  Mixed.Case@Contoso.com ';
        u.teamsPhone = 'no';
      }
    });
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ subjectId: userKey('Mixed.Case@Contoso.com'), key: 'U1:mixed.case@contoso.com' });
  });

  it(`aggregates more than ${AGGREGATE_THRESHOLD} identical user findings into one per policy`, () => {
    const { added, removed } = breakSample((p) => {
      for (const u of p.users) if (u.siteId === 'site-seattle') u.teamsPhone = 'no';
    });
    expect(removed).toEqual([]);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      rule: 'U1',
      severity: 'error',
      subjectKind: 'sharedCallingPolicy',
      subjectId: 'scp-seattle',
      subject: 'SC-Seattle',
      key: 'U1:scp-seattle',
    });
    expect(added[0]?.message).toMatch(/^80 users of policy SC-Seattle have no Teams Phone licence \(e\.g\. .+, …\)\.$/);
  });

  it('an aggregate with mixed variants takes the worst severity and names both', () => {
    const { added } = breakSample((p) => {
      p.users.filter((u) => u.siteId === 'site-seattle').forEach((u, i) => (u.teamsPhone = i < 30 ? 'no' : 'unknown'));
    });
    expect(added).toHaveLength(1);
    expect(added[0]?.severity).toBe('error');
    expect(added[0]?.message).toContain('30 users');
    expect(added[0]?.message).toContain('50 users');
  });

  it(`keeps per-user findings up to ${AGGREGATE_THRESHOLD} users`, () => {
    const { added } = breakSample((p) => {
      p.users
        .filter((u) => u.siteId === 'site-seattle')
        .slice(0, AGGREGATE_THRESHOLD)
        .forEach((u) => (u.teamsPhone = 'no'));
    });
    expect(added).toHaveLength(AGGREGATE_THRESHOLD);
    expect(added.every((f) => f.subjectKind === 'user')).toBe(true);
  });

  it('users without a policy aggregate under the tenant', () => {
    const { added, removed } = breakSample((p) => {
      for (const u of p.users) u.sharedCallingPolicyId = null;
    });
    const p1 = added.find((f) => f.rule === 'P1');
    expect(p1).toMatchObject({ subjectKind: 'tenant', subjectId: 'tenant', key: 'P1:tenant' });
    expect(p1?.message).toContain('180 users');
    expect(removed.length).toBeGreaterThan(0); // V1 findings regroup under the tenant too
  });

  it('a ticked checklist item disappears; an unticked one is a warning', () => {
    const plan = structuredClone(BASE);
    expect(checkPlan(plan).some((f) => f.checklist)).toBe(false);
    for (const e of Object.values(plan.checklist)) e.done = false;
    const items = checkPlan(plan).filter((f) => f.checklist);
    expect(items.map((f) => f.key).sort()).toEqual(Object.keys(plan.checklist).sort());
    expect(items.every((f) => f.severity === 'warning' && CHECKLIST_RULES.includes(f.rule))).toBe(true);
  });

  it('does not modify the plan', () => {
    const plan = structuredClone(BASE);
    delete plan.checklist['R1:tenant'];
    const copy = structuredClone(plan);
    checkPlan(plan);
    expect(plan).toEqual(copy);
  });

  it('copes with dangling references without throwing', () => {
    const { all } = breakSample((p) => {
      byId(p.resourceAccounts, 'ra-london').numberId = 'num-gone';
      byId(p.resourceAccounts, 'ra-sydney').voiceRoutingPolicyId = 'vrp-gone';
      byId(p.autoAttendants, 'aa-seattle').resourceAccountId = 'ra-gone';
      byId(p.sharedCallingPolicies, 'scp-seattle').resourceAccountId = 'ra-gone';
      const u = p.users[0];
      if (u) {
        u.emergencyPolicyId = 'ecrp-gone';
        u.voiceRoutingPolicyId = 'vrp-gone';
        u.siteId = 'site-gone';
      }
    });
    expect(all.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
  });
});
