import { describe, expect, it } from 'vitest';
import { checkPlan, createSamplePlan, planStatus, stampVerification, userKey, AGGREGATE_THRESHOLD, type Plan, type User } from '../../../src/lib/index.js';

const status = (plan: Plan) => planStatus(plan, checkPlan(plan));
const usersOf = (plan: Plan, policyId: string) => plan.users.filter((u) => u.sharedCallingPolicyId === policyId);
const withUsers = (plan: Plan, fn: (u: User) => User): Plan => ({ ...plan, users: plan.users.map(fn) });

describe('planStatus', () => {
  it('the sample plan is ready everywhere', () => {
    const s = status(createSamplePlan());
    expect(s.counts.error).toBe(0);
    for (const x of [...s.policies.values(), ...s.sites.values()]) {
      expect(x.readiness).toBe('ready');
      expect(x.usersReady).toBe(x.users);
    }
    expect(s.policies.get('scp-seattle')?.users).toBe(80);
    expect([...s.userLevels].every((c) => c <= 1)).toBe(true);
  });

  it('a policy without a resource account blocks its users and its site', () => {
    const plan = createSamplePlan();
    const broken: Plan = {
      ...plan,
      sharedCallingPolicies: plan.sharedCallingPolicies.map((p) => (p.id === 'scp-london' ? { ...p, resourceAccountId: null } : p)),
    };
    const s = status(broken);
    expect(s.policies.get('scp-london')).toMatchObject({ readiness: 'blocked', usersBlocked: 60, usersReady: 0 });
    expect(s.sites.get('site-london')?.readiness).toBe('blocked');
    expect(s.sites.get('site-seattle')?.readiness).toBe('ready');
    // The user is blocked by the policy, not by a finding of their own.
    const i = broken.users.findIndex((u) => u.sharedCallingPolicyId === 'scp-london');
    expect(s.user(i)).toMatchObject({ readiness: 'blocked', via: 'scp-london', tally: { errors: 0 } });
  });

  it('an unticked checklist item gives warnings, not a block', () => {
    const plan = createSamplePlan();
    const { ['E6:site-sydney']: _gone, ...rest } = plan.checklist;
    const s = status({ ...plan, checklist: rest });
    expect(s.sites.get('site-sydney')).toMatchObject({ readiness: 'warnings', tally: { warnings: 1, errors: 0 } });
    expect(s.policies.get('scp-sydney')?.readiness).toBe('ready');
  });

  it('one user with an error blocks only that user', () => {
    const plan = createSamplePlan();
    const target = usersOf(plan, 'scp-seattle')[0]!;
    const broken = withUsers(plan, (u) => (u === target ? { ...u, teamsPhone: 'no' } : u));
    const s = status(broken);
    expect(s.policies.get('scp-seattle')).toMatchObject({ readiness: 'blocked', usersBlocked: 1, usersReady: 79 });
    expect(s.sites.get('site-seattle')).toMatchObject({ readiness: 'blocked', tally: { errors: 1 } });
    expect(s.of(userKey(target.upn)).readiness).toBe('blocked');
  });

  it('U1: an aggregated finding (over the threshold) reaches every user it names', () => {
    const plan = createSamplePlan();
    const london = usersOf(plan, 'scp-london');
    expect(london.length).toBeGreaterThan(AGGREGATE_THRESHOLD);
    const broken = withUsers(plan, (u) => (u.sharedCallingPolicyId === 'scp-london' ? { ...u, teamsPhone: 'no' } : u));
    const findings = checkPlan(broken);
    const agg = findings.find((f) => f.rule === 'U1' && f.subjectId === 'scp-london')!;
    expect(agg.users).toHaveLength(london.length);
    const s = planStatus(broken, findings);
    for (const u of london) {
      const us = s.of(userKey(u.upn));
      expect(us.readiness).toBe('blocked');
      expect(us.own.map((f) => f.rule)).toContain('U1');
    }
    expect(s.policies.get('scp-london')).toMatchObject({ readiness: 'blocked', usersBlocked: london.length });
  });

  it('P1: users without a Shared Calling policy are blocked, aggregated or not', () => {
    const plan = createSamplePlan();
    for (const count of [3, AGGREGATE_THRESHOLD + 5]) {
      const ids = new Set(plan.users.slice(0, count).map((u) => u.upn));
      const broken = withUsers(plan, (u) => (ids.has(u.upn) ? { ...u, sharedCallingPolicyId: null } : u));
      const s = status(broken);
      for (let i = 0; i < count; i++) expect(s.user(i).own.map((f) => f.rule)).toContain('P1');
      expect(s.user(count).readiness).toBe('ready');
    }
  });

  it('E2: the wrong emergency policy for the number kind reaches the user and only their policy', () => {
    const plan = createSamplePlan();
    const target = usersOf(plan, 'scp-sydney')[0]!;
    const broken = withUsers(plan, (u) => (u === target ? { ...u, emergencyPolicyId: 'ecrp-us' } : u));
    const s = status(broken);
    const us = s.of(userKey(target.upn));
    expect(us.own.map((f) => `${f.rule}:${f.severity}`)).toContain('E2:error');
    expect(us.readiness).toBe('blocked');
    expect(s.policies.get('scp-sydney')?.scope.some((f) => f.rule === 'E2')).toBe(true);
    // ECRP-US is also the emergency policy of Seattle's users: Seattle does not get Sydney's error.
    expect(s.policies.get('scp-seattle')?.scope.some((f) => f.rule === 'E2')).toBe(false);
    expect(s.of('ecrp-us').readiness).toBe('blocked');
  });

  it('deployment: the report reaches policies and users, and goes stale when the object changes', () => {
    const plan = createSamplePlan();
    const u0 = usersOf(plan, 'scp-london')[0]!;
    const AT = '2025-03-04T14:05:00.000Z';
    const reported: Plan = {
      ...plan,
      verification: {
        'sharedCallingPolicy:scp-london': { status: 'missing', detail: 'Policy not found', at: AT },
        [`user:${userKey(u0.upn)}`]: { status: 'done', detail: '', at: AT },
      },
    };
    const stamped = stampVerification(plan, reported);
    const s = status(stamped);
    expect(s.verified).toBe(true);
    const london = s.policies.get('scp-london')!;
    expect(london.deployment).toMatchObject({ status: 'missing', stale: false });
    expect(london.progress).toMatchObject({ deployed: 1, missing: 1, stale: 0, unverified: 59, total: 61 });
    expect(s.of(userKey(u0.upn)).deployment).toMatchObject({ status: 'done', stale: false });

    const edited: Plan = {
      ...stamped,
      sharedCallingPolicies: stamped.sharedCallingPolicies.map((p) => (p.id === 'scp-london' ? { ...p, description: 'changed' } : p)),
      users: stamped.users.map((u) => (u === u0 ? { ...u, department: 'Moved' } : u)),
    };
    const s2 = status(edited);
    expect(s2.policies.get('scp-london')?.deployment?.stale).toBe(true);
    expect(s2.of(userKey(u0.upn)).deployment?.stale).toBe(true);
    expect(s2.policies.get('scp-london')?.progress.stale).toBe(2);
    // An entry read before fingerprints existed cannot tell: never stale.
    expect(status({ ...edited, verification: reported.verification }).policies.get('scp-london')?.deployment?.stale).toBe(false);
  });

  it('is computed once per plan value', () => {
    const plan = createSamplePlan();
    const f = checkPlan(plan);
    expect(planStatus(plan, f)).toBe(planStatus(plan, f));
  });
});

describe('deployment basis in the plan file', () => {
  it('survives a backup round trip; files without it still open', async () => {
    const { serializePlan, deserializePlan } = await import('../../../src/lib/index.js');
    const plan = createSamplePlan();
    const reported: Plan = { ...plan, verification: { 'sharedCallingPolicy:scp-london': { status: 'missing', detail: '', at: 'x' } } };
    const stamped = stampVerification(plan, reported);
    const basis = stamped.verification['sharedCallingPolicy:scp-london']?.basis;
    expect(basis).toMatch(/^[0-9a-f]{16}$/);
    expect(deserializePlan(serializePlan(stamped)).verification['sharedCallingPolicy:scp-london']?.basis).toBe(basis);
    expect(deserializePlan(serializePlan(reported)).verification['sharedCallingPolicy:scp-london']).toEqual({ status: 'missing', detail: '', at: 'x' });
  });
});

describe('user index after an edit', () => {
  it('a renamed user is found under the new UPN only; duplicates keep "first wins"', () => {
    const plan = createSamplePlan();
    status(plan);
    const [a, b] = plan.users;
    const renamed: Plan = { ...plan, users: plan.users.map((u) => (u === a ? { ...u, upn: 'renamed@contoso.com' } : u)) };
    const s = status(renamed);
    expect(s.of('renamed@contoso.com').kind).toBe('user');
    expect(s.of(userKey(a!.upn)).kind).not.toBe('user');
    // b takes a's UPN too: the first user with it wins (index 1 is b, index 0 is renamed).
    const dup: Plan = { ...renamed, users: renamed.users.map((u) => (u.upn === b!.upn ? { ...u, upn: 'RENAMED@contoso.com' } : u)) };
    const d = status(dup);
    expect(d.of('renamed@contoso.com')).toBe(d.user(0));
  });
});
