import { describe, expect, it } from 'vitest';
import { checkPlan, createSamplePlan, planStatus, type Plan, type User, blankUser } from '../../../src/lib/index.js';
import { boxWidths, buildCallFlow, layoutCallFlow, narrateCallFlow, textWidth, FLOW_GEOMETRY } from '../../../src/lib/callflow/index.js';

const flowOf = (plan: Plan, id: string) => {
  const f = buildCallFlow(plan, id, planStatus(plan, checkPlan(plan)));
  if (!f) throw new Error('no flow');
  return f;
};
const lane = (flow: ReturnType<typeof flowOf>, id: string) => flow.lanes.find((l) => l.id === id)!;
const stepOf = (flow: ReturnType<typeof flowOf>, laneId: string, stepId: string) => lane(flow, laneId).steps.find((s) => s.id === stepId)!;

describe('buildCallFlow', () => {
  it('draws every sample policy without missing pieces, with the RA number and callback numbers', () => {
    const plan = createSamplePlan();
    for (const p of plan.sharedCallingPolicies) {
      const flow = flowOf(plan, p.id);
      expect(flow.lanes.map((l) => l.id)).toEqual(['inbound', 'outbound', 'emergency']);
      for (const l of flow.lanes) for (const s of l.steps) expect(s.state, `${p.name} ${s.id}`).toBe('ok');
      const ra = plan.resourceAccounts.find((r) => r.id === p.resourceAccountId)!;
      const num = plan.numbers.find((n) => n.id === ra.numberId)!;
      expect(stepOf(flow, 'inbound', 'in-number').lines).toContain(num.e164);
      expect(stepOf(flow, 'outbound', 'out-callerid').lines).toContain(num.e164);
      const callbacks = p.callbackNumberIds.map((id) => plan.numbers.find((n) => n.id === id)!.e164);
      expect(stepOf(flow, 'emergency', 'em-callback').lines).toEqual([...callbacks, 'held 60 minutes per call']);
      expect(lane(flow, 'emergency').notes.join(' ')).toContain('dynamic location first');
    }
  });

  it('returns null for an unknown policy', () => {
    expect(buildCallFlow(createSamplePlan(), 'nope', planStatus(createSamplePlan(), []))).toBeNull();
  });

  it('marks a missing resource account with the P2 finding text', () => {
    const plan = createSamplePlan();
    const broken: Plan = {
      ...plan,
      sharedCallingPolicies: plan.sharedCallingPolicies.map((p) => (p.id === 'scp-london' ? { ...p, resourceAccountId: null } : p)),
    };
    const flow = flowOf(broken, 'scp-london');
    const s = stepOf(flow, 'outbound', 'out-callerid');
    expect(s.state).toBe('missing');
    expect(s.rule).toBe('P2');
    expect(s.problem).toContain('has no resource account');
    expect(stepOf(flow, 'inbound', 'in-aa').state).toBe('missing');
  });

  it('an empty callback list says callbacks reach the auto attendant (EN1)', () => {
    const plan = createSamplePlan();
    const broken: Plan = {
      ...plan,
      sharedCallingPolicies: plan.sharedCallingPolicies.map((p) => (p.id === 'scp-seattle' ? { ...p, callbackNumberIds: [] } : p)),
    };
    const flow = flowOf(broken, 'scp-seattle');
    const s = stepOf(flow, 'emergency', 'em-callback');
    expect(s.state).toBe('missing');
    expect(s.rule).toBe('EN1');
    expect(s.lines.join(' ')).toBe('No callback number: callbacks reach the auto attendant');
    expect(narrateCallFlow(flow)).toContain('missing: Policy SC-Seattle has no emergency callback numbers');
  });

  it('users without an emergency policy are flagged (E1)', () => {
    const plan = createSamplePlan();
    const broken: Plan = { ...plan, users: plan.users.map((u) => (u.sharedCallingPolicyId === 'scp-sydney' ? { ...u, emergencyPolicyId: null } : u)) };
    const s = stepOf(flowOf(broken, 'scp-sydney'), 'emergency', 'em-policy');
    expect(s.state).toBe('missing');
    expect(s.rule).toBe('E1');
  });

  it('summarizes thousands of users in one box', () => {
    const plan = createSamplePlan();
    const many: User[] = Array.from({ length: 4812 }, (_, i) => ({
      ...blankUser(`u${i}@contoso.com`, `User ${i}`),
      sharedCallingPolicyId: 'scp-seattle',
      emergencyPolicyId: 'ecrp-us',
    }));
    const flow = flowOf({ ...plan, users: many }, 'scp-seattle');
    expect(stepOf(flow, 'inbound', 'in-users').lines).toEqual(['4,812 users', 'User 0', 'User 1', 'User 2', 'and 4,809 more']);
  });
});

describe('layoutCallFlow', () => {
  it('boxWidths fills the width exactly', () => {
    const slots = boxWidths(4, 1000, 16, 34);
    expect(slots).toHaveLength(4);
    const last = slots.at(-1)!;
    expect(last.x + last.w).toBeCloseTo(1000 - 16);
    expect(slots[0]!.x).toBe(16);
    expect(boxWidths(0, 1000, 16, 34)).toEqual([]);
  });

  it('keeps every box and label inside the drawing, lanes do not overlap', () => {
    const plan = createSamplePlan();
    const g = FLOW_GEOMETRY;
    for (const p of plan.sharedCallingPolicies) {
      const layout = layoutCallFlow(flowOf(plan, p.id));
      let prevBottom = 0;
      for (const l of layout.lanes) {
        expect(l.y).toBeGreaterThanOrEqual(prevBottom);
        prevBottom = l.y + l.h;
        expect(l.arrows).toHaveLength(l.boxes.length - 1);
        for (const b of l.boxes) {
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.x + b.w).toBeLessThanOrEqual(layout.width);
          expect(b.y + b.h).toBeLessThanOrEqual(l.y + l.h);
          const inner = b.w - 2 * g.boxPadX + 0.001;
          expect(textWidth(b.caption.text, g.captionFont, true)).toBeLessThanOrEqual(inner);
          b.lines.forEach((t, i) => expect(textWidth(t.text, g.font, b.bold[i])).toBeLessThanOrEqual(inner));
          for (const t of b.problem) expect(textWidth(t.text, g.captionFont)).toBeLessThanOrEqual(inner);
        }
        for (const a of l.arrows) expect(a.x2).toBeGreaterThan(a.x1);
      }
      expect(prevBottom).toBeLessThanOrEqual(layout.height);
    }
  });

  it('uses the measure it is given (the browser passes real font widths)', () => {
    const plan = createSamplePlan();
    const flow = flowOf(plan, 'scp-seattle');
    const narrow = layoutCallFlow(flow, (t, size) => [...t].length * size * 0.3);
    const wide = layoutCallFlow(flow, (t, size) => [...t].length * size * 1.2);
    const truncated = (l: ReturnType<typeof layoutCallFlow>) => l.lanes.flatMap((x) => x.boxes.flatMap((b) => b.lines)).filter((t) => t.truncated).length;
    expect(truncated(narrow)).toBe(0);
    expect(truncated(wide)).toBeGreaterThan(0);
  });

  it('truncates a very long name and keeps the full text', () => {
    const plan = createSamplePlan();
    const long = 'A'.repeat(300);
    const renamed: Plan = { ...plan, autoAttendants: plan.autoAttendants.map((a) => ({ ...a, name: long })) };
    const layout = layoutCallFlow(flowOf(renamed, 'scp-seattle'));
    const aa = layout.lanes[0]!.boxes.find((b) => b.step.id === 'in-aa')!;
    const shown = aa.lines.filter((l) => l.truncated);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown[0]!.full).toBe(long);
  });
});

describe('call-flow boxes take the status model of their policy only', () => {
  it('RA9 colours the shared number and caller ID; V2 the caller ID; EN rules the callback box', () => {
    const plan = createSamplePlan();
    const seattle = plan.sharedCallingPolicies.find((p) => p.id === 'scp-seattle')!;
    const raId = seattle.resourceAccountId!;
    const target = plan.users.find((u) => u.sharedCallingPolicyId === 'scp-seattle')!;
    const broken: Plan = {
      ...plan,
      resourceAccounts: plan.resourceAccounts.map((r) => (r.id === raId ? { ...r, payAsYouGoCallingPlan: false } : r)),
      users: plan.users.map((u) => (u === target ? { ...u, currentNumber: '+12065550199' } : u)),
    };
    const f = flowOf(broken, 'scp-seattle');
    expect(stepOf(f, 'inbound', 'in-number')).toMatchObject({ state: 'problem', rule: 'RA9' });
    expect(stepOf(f, 'outbound', 'out-callerid').state).toBe('problem');
    // Another policy's boxes stay as they were.
    expect(stepOf(flowOf(broken, 'scp-london'), 'inbound', 'in-number').state).toBe('ok');
    const onlyV2: Plan = { ...plan, users: broken.users };
    expect(stepOf(flowOf(onlyV2, 'scp-seattle'), 'outbound', 'out-callerid')).toMatchObject({ state: 'problem', rule: 'V2' });
    expect(stepOf(flowOf(onlyV2, 'scp-seattle'), 'inbound', 'in-number').state).toBe('ok');
  });

  it('an E2 error about SC-Sydney users is not pinned on SC-Seattle’s emergency box', () => {
    const plan = createSamplePlan();
    const target = plan.users.find((u) => u.sharedCallingPolicyId === 'scp-sydney')!;
    const broken: Plan = { ...plan, users: plan.users.map((u) => (u === target ? { ...u, emergencyPolicyId: 'ecrp-us' } : u)) };
    expect(stepOf(flowOf(broken, 'scp-seattle'), 'emergency', 'em-policy').state).toBe('ok');
    expect(stepOf(flowOf(broken, 'scp-sydney'), 'emergency', 'em-policy')).toMatchObject({ state: 'problem', rule: 'E2' });
  });
});
