import { describe, expect, it } from 'vitest';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { blankUser, type Plan } from '../../../src/lib/domain/model.js';
import { STAGES } from '../../../src/lib/powershell/index.js';
import { batchCount, sanitizeFileStem, stageSummaries, zipFileName, type StageSummary } from '../../../src/lib/ps-highlight/index.js';

const count = (s: StageSummary[], stage: string, label: string) => s.find((x) => x.number === stage)?.counts.find((c) => c.label.startsWith(label));

describe('batchCount', () => {
  it('batches per policy name, at most 5,000 users each', () => {
    expect(batchCount([])).toBe(0);
    expect(batchCount(Array(5000).fill('A'))).toBe(1);
    expect(batchCount(Array(5001).fill('A'))).toBe(2);
    expect(batchCount([...Array(10_000).fill('A'), ...Array(3).fill('B'), '', ''])).toBe(3);
  });
});

describe('stageSummaries', () => {
  it('one row per stage, in run order, with the stage file names', () => {
    const s = stageSummaries(createSamplePlan());
    expect(s.map((x) => x.file)).toEqual(STAGES.map((x) => x.file));
    expect(s.filter((x) => x.readOnly).map((x) => x.number)).toEqual(['01', '08']);
  });

  it('counts the sample plan', () => {
    const plan = createSamplePlan();
    const s = stageSummaries(plan);
    expect(count(s, '02', 'Resource accounts')?.count).toBe(plan.resourceAccounts.length);
    expect(count(s, '03', 'Auto attendants')?.count).toBe(plan.autoAttendants.length);
    expect(count(s, '04', 'Voice routing policies')?.count).toBe(plan.voiceRoutingPolicies.length);
    expect(count(s, '05', 'Emergency call routing policies')?.count).toBe(plan.emergencyPolicies.length);
    expect(count(s, '06', 'Shared Calling policies')?.count).toBe(plan.sharedCallingPolicies.length);
    expect(count(s, '06', 'Emergency callback numbers')?.count).toBe(plan.sharedCallingPolicies.reduce((n, p) => n + p.callbackNumberIds.length, 0));
    expect(count(s, '07', 'Users')?.count).toBe(plan.users.length);
    expect(count(s, '07', 'Shared Calling policy grants')?.count).toBe(plan.users.filter((u) => u.sharedCallingPolicyId).length);
    const ecrp = count(s, '07', 'Emergency policy assignments');
    expect(ecrp?.count).toBe(plan.users.filter((u) => u.emergencyPolicyId).length);
    expect(ecrp?.note).toBe(
      `in ${new Set(plan.users.map((u) => u.emergencyPolicyId).filter(Boolean)).size} batch${new Set(plan.users.map((u) => u.emergencyPolicyId).filter(Boolean)).size === 1 ? '' : 'es'}`,
    );
  });

  it('100,000 users on one policy: 20 batches per policy type; extensions need a Direct Routing number', () => {
    const base = createSamplePlan();
    const scp = base.sharedCallingPolicies[0]!;
    const users = Array.from({ length: 100_000 }, (_, i) => ({
      ...blankUser(`u${i}@contoso.com`, `U ${i}`),
      sharedCallingPolicyId: scp.id,
      emergencyPolicyId: base.emergencyPolicies[0]!.id,
      voiceRoutingPolicyId: base.voiceRoutingPolicies[0]!.id,
      extension: i < 10 ? String(1000 + i) : '',
    }));
    const plan: Plan = { ...base, users };
    const t0 = performance.now();
    const s = stageSummaries(plan);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(count(s, '07', 'Users')?.count).toBe(100_000);
    expect(count(s, '07', 'Emergency policy assignments')?.note).toBe('in 20 batches');
    expect(count(s, '07', 'Voice routing policy assignments')?.note).toBe('in 20 batches');
    const ra = base.resourceAccounts.find((r) => r.id === scp.resourceAccountId);
    const kind = base.numbers.find((n) => n.id === ra?.numberId)?.kind;
    const ext = count(s, '07', 'Extensions');
    if (kind === 'directRouting') expect(ext?.count).toBe(10);
    else {
      expect(ext?.count).toBe(0);
      expect(ext?.note).toBe('10 more skipped: no Direct Routing number (V3)');
    }
  });

  it('an empty plan counts zero everywhere', () => {
    const base = createSamplePlan();
    const plan: Plan = {
      ...base,
      users: [],
      resourceAccounts: [],
      autoAttendants: [],
      sharedCallingPolicies: [],
      emergencyPolicies: [],
      voiceRoutingPolicies: [],
      sites: [],
      numbers: [],
    };
    for (const st of stageSummaries(plan)) for (const c of st.counts) expect(c.count, `${st.number} ${c.label}`).toBe(0);
  });
});

describe('file names', () => {
  it('keeps letters, digits, space, dash, underscore', () => {
    expect(sanitizeFileStem('Contoso Shared Calling (sample)')).toBe('Contoso Shared Calling sample');
    expect(sanitizeFileStem('José / Zürich: <Phase_2-b>')).toBe('José Zürich Phase_2-b');
    expect(sanitizeFileStem('../..\\')).toBe('plan');
    expect(zipFileName('A/B', '2026-11-25 1405')).toBe('A B scripts 2026-11-25 1405.zip');
  });
});
