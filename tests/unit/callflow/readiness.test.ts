import { describe, expect, it } from 'vitest';
import { checkPlan, createSamplePlan, type Plan } from '../../../src/lib/index.js';
import { planReadiness } from '../../../src/lib/callflow/index.js';

const readiness = (plan: Plan) => planReadiness(plan, checkPlan(plan));

describe('planReadiness', () => {
  it('the sample plan is ready everywhere', () => {
    const r = readiness(createSamplePlan());
    expect(r.counts.error).toBe(0);
    for (const s of [...r.policies.values(), ...r.sites.values()]) {
      expect(s.status).toBe('ready');
      expect(s.usersReady).toBe(s.users);
    }
    expect(r.policies.get('scp-seattle')?.users).toBe(80);
  });

  it('a policy without a resource account blocks its users and its site', () => {
    const plan = createSamplePlan();
    const broken: Plan = {
      ...plan,
      sharedCallingPolicies: plan.sharedCallingPolicies.map((p) => (p.id === 'scp-london' ? { ...p, resourceAccountId: null } : p)),
    };
    const r = readiness(broken);
    expect(r.policies.get('scp-london')).toMatchObject({ status: 'blocked', usersBlocked: 60, usersReady: 0 });
    expect(r.sites.get('site-london')?.status).toBe('blocked');
    expect(r.sites.get('site-seattle')?.status).toBe('ready');
  });

  it('an unticked checklist item gives warnings, not a block', () => {
    const plan = createSamplePlan();
    const { ['E6:site-sydney']: _gone, ...rest } = plan.checklist;
    const r = readiness({ ...plan, checklist: rest });
    expect(r.sites.get('site-sydney')).toMatchObject({ status: 'warnings', warnings: 1, errors: 0 });
    expect(r.policies.get('scp-sydney')?.status).toBe('ready');
  });

  it('one user with an error blocks only that user', () => {
    const plan = createSamplePlan();
    const target = plan.users.find((u) => u.sharedCallingPolicyId === 'scp-seattle')!;
    const broken: Plan = { ...plan, users: plan.users.map((u) => (u === target ? { ...u, teamsPhone: 'no' } : u)) };
    const r = readiness(broken);
    expect(r.policies.get('scp-seattle')).toMatchObject({ status: 'blocked', usersBlocked: 1, usersReady: 79 });
    expect(r.sites.get('site-seattle')).toMatchObject({ status: 'blocked', errors: 1 });
  });
});
