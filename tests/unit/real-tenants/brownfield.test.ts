/** Issue 12 items 4-6 in the core: existing objects, user scope, group assignment checks. */
import { describe, expect, it } from 'vitest';
import {
  applyImport,
  applyRules,
  checkPlan,
  removeUsers,
  SCOPE_FLAG,
  setUsersExcluded,
  createSamplePlan,
  expectedTenantState,
  generateScripts,
  userKey,
  type Plan,
  type PolicyGroup,
} from '../../../src/lib/index.js';
import { buildScriptData } from '../../../src/lib/powershell/script-data.js';

const group = (over: Partial<PolicyGroup> = {}): PolicyGroup => ({
  name: 'SC-Seattle-Users',
  objectId: '',
  rank: 1,
  existing: false,
  hiddenMembership: false,
  nestedGroups: false,
  ...over,
});

function withGroup(plan: Plan, policyId: string, g: PolicyGroup): Plan {
  return {
    ...plan,
    sharedCallingPolicies: plan.sharedCallingPolicies.map((p) => (p.id === policyId ? { ...p, assignment: { method: 'group', group: g } } : p)),
  };
}

describe('user scope (item 5)', () => {
  it('excluded users give no findings, no script lines and no expected tenant state', () => {
    const base = createSamplePlan();
    // A user with findings: no Teams Phone (U1) and no Shared Calling policy (P1).
    const bad = { ...base.users[0]!, teamsPhone: 'no' as const, sharedCallingPolicyId: null };
    const plan: Plan = { ...base, users: [bad, ...base.users.slice(1)] };
    const key = userKey(bad.upn);
    expect(checkPlan(plan).some((f) => f.subjectId === key)).toBe(true);

    const excluded: Plan = { ...plan, users: [{ ...bad, excludedReason: 'No Teams Phone licence' }, ...plan.users.slice(1)] };
    expect(checkPlan(excluded).filter((f) => f.subjectId === key)).toEqual([]);
    const data = buildScriptData(excluded, 'x', 'test');
    expect(data.users.map((u) => u.key)).not.toContain(key);
    expect(data.users).toHaveLength(base.users.length - 1);
    expect(expectedTenantState(excluded).users.map((u) => u.upn)).not.toContain(key);
    const stage07 = generateScripts(excluded).find((f) => f.name === '07-users.ps1')!;
    expect(stage07.text).not.toContain(bad.upn);
    // ...but the user stays listed in the plan, with the reason.
    expect(excluded.users[0]!.excludedReason).toBe('No Teams Phone licence');
  });
});

describe('existing objects (item 4)', () => {
  it('the scripts carry the flag for every object kind, and the number flag on its account', () => {
    const base = createSamplePlan();
    const ra = base.resourceAccounts[0]!;
    const plan: Plan = {
      ...base,
      resourceAccounts: base.resourceAccounts.map((r, i) => (i === 0 ? { ...r, existing: true } : r)),
      autoAttendants: base.autoAttendants.map((a, i) => (i === 0 ? { ...a, existing: true } : a)),
      numbers: base.numbers.map((n) => (n.id === ra.numberId ? { ...n, existing: true } : n)),
      voiceRoutingPolicies: base.voiceRoutingPolicies.map((p, i) => (i === 0 ? { ...p, existing: true } : p)),
      emergencyPolicies: base.emergencyPolicies.map((p, i) => (i === 0 ? { ...p, existing: true } : p)),
      sharedCallingPolicies: base.sharedCallingPolicies.map((p, i) => (i === 0 ? { ...p, existing: true } : p)),
    };
    const d = buildScriptData(plan, 'x', 'test');
    expect(d.resourceAccounts.map((r) => [r.existing, r.numberExisting])).toEqual([
      [true, true],
      [false, false],
      [false, false],
    ]);
    expect(d.autoAttendants.map((a) => a.existing)).toEqual([true, false, false]);
    expect(d.voiceRoutingPolicies.map((p) => p.existing)).toEqual([true, false]);
    expect(d.emergencyPolicies.map((p) => p.existing)).toEqual([true, false, false]);
    expect(d.sharedCallingPolicies.map((p) => p.existing)).toEqual([true, false, false]);
    const rollback = generateScripts(plan).find((f) => f.name === '09-rollback.ps1')!.text;
    expect(rollback).toContain('Existing = $true');
    expect(rollback).toContain('NumberExisting = $true');
  });
});

describe('group assignment checks (item 6, §3.14)', () => {
  it('G2 hidden membership is an error, G3 nested groups a warning', () => {
    const plan = withGroup(createSamplePlan(), 'scp-seattle', group({ hiddenMembership: true, nestedGroups: true }));
    const f = checkPlan(plan).filter((x) => x.subjectId === 'scp-seattle');
    expect(f.find((x) => x.rule === 'G2')?.severity).toBe('error');
    expect(f.find((x) => x.rule === 'G3')?.severity).toBe('warning');
  });

  it('G4 clashing ranks between two groups; distinct ranks are fine', () => {
    let plan = withGroup(createSamplePlan(), 'scp-seattle', group({ rank: 1 }));
    plan = withGroup(plan, 'scp-london', group({ name: 'SC-London-Users', rank: 1 }));
    expect(
      checkPlan(plan)
        .filter((x) => x.rule === 'G4')
        .map((x) => x.subjectId),
    ).toEqual(['scp-london']);
    plan = withGroup(plan, 'scp-london', group({ name: 'SC-London-Users', rank: 2 }));
    expect(checkPlan(plan).filter((x) => x.rule === 'G4')).toEqual([]);
  });

  it('G1 warns when users deployed per user earlier keep a direct grant that beats the group', () => {
    const base = createSamplePlan();
    const seattle = base.users.filter((u) => u.sharedCallingPolicyId === 'scp-seattle');
    const verification = Object.fromEntries(
      seattle.slice(0, 3).map((u) => [`user:${userKey(u.upn)}`, { status: 'done' as const, detail: '', at: '2026-12-01T00:00:00Z' }]),
    );
    const plan = withGroup({ ...base, verification }, 'scp-seattle', group());
    const g1 = checkPlan(plan).filter((x) => x.rule === 'G1');
    expect(g1.map((x) => x.subjectId)).toEqual(['scp-seattle']);
    expect(g1[0]!.message).toMatch(/^3 users/);
    // Per-user policies give no G findings.
    expect(checkPlan({ ...base, verification }).filter((x) => x.rule.startsWith('G'))).toEqual([]);
  });
});

describe('scope edits and imports (item 5)', () => {
  const guests = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      upn: `guest${i}_fabrikam.com#EXT#@contoso.onmicrosoft.com`,
      displayName: `Guest ${i}`,
      row: i + 2,
      scopeFlag: SCOPE_FLAG.guest,
    }));

  it('an import excludes its flagged users in the same step, with the flag as the reason', () => {
    const plan = createSamplePlan();
    const list = [...guests(500), { upn: 'new.person@contoso.com', displayName: 'New Person', row: 600 }];
    const kept = applyImport(plan, list, 'add', { file: 'users.csv' });
    expect(kept.plan.users.filter((u) => u.excludedReason !== '')).toHaveLength(0);
    const r = applyImport(plan, list, 'add', { file: 'users.csv', excludeFlagged: true });
    expect(r.added).toBe(501);
    const excluded = r.plan.users.filter((u) => u.excludedReason !== '');
    expect(excluded).toHaveLength(500);
    expect(new Set(excluded.map((u) => u.excludedReason))).toEqual(new Set(['Guest account']));
    // Excluded users give no findings: the 500 guests add none.
    expect(checkPlan(r.plan).filter((f) => f.subjectId.includes('#ext#'))).toEqual([]);
  });

  it('setUsersExcluded and removeUsers: one plan value each, the same plan when nothing changes', () => {
    const plan = createSamplePlan();
    const keys = plan.users.slice(0, 3).map((u) => u.upn);
    const ex = setUsersExcluded(plan, keys, 'Leaves in March');
    expect(ex.changed).toBe(3);
    expect(ex.plan.users.slice(0, 3).map((u) => u.excludedReason)).toEqual(['Leaves in March', 'Leaves in March', 'Leaves in March']);
    expect(setUsersExcluded(ex.plan, keys, 'Other reason').plan).toBe(ex.plan);
    const back = setUsersExcluded(ex.plan, keys, '');
    expect(back.plan.users.slice(0, 3).map((u) => u.excludedReason)).toEqual(['', '', '']);
    const rm = removeUsers(plan, keys);
    expect(rm.changed).toBe(3);
    expect(rm.plan.users).toHaveLength(plan.users.length - 3);
    expect(removeUsers(plan, ['nobody@contoso.com']).plan).toBe(plan);
  });

  it('rules leave out users without Teams Phone and excluded users unless asked', () => {
    const base = createSamplePlan();
    const users = base.users.map((u, i) => ({
      ...u,
      sharedCallingPolicyId: null,
      teamsPhone: i === 0 ? ('no' as const) : u.teamsPhone,
      excludedReason: i === 1 ? 'Guest account' : '',
    }));
    const plan: Plan = {
      ...base,
      users,
      assignmentRules: [
        { id: 'r1', enabled: true, field: 'upnDomain', operator: 'is', values: ['contoso.com'], assign: { sharedCallingPolicyId: 'scp-seattle' } },
      ],
    };
    const r = applyRules(plan);
    expect(r.plan.users[0]!.sharedCallingPolicyId).toBeNull();
    expect(r.plan.users[1]!.sharedCallingPolicyId).toBeNull();
    expect(r.plan.users[2]!.sharedCallingPolicyId).toBe('scp-seattle');
    expect(applyRules(plan, { includeWithoutTeamsPhone: true }).plan.users[0]!.sharedCallingPolicyId).toBe('scp-seattle');
  });
});
