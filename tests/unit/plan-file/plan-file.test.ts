import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEmptyPlan, createSamplePlan, deserializePlan, PLAN_FORMAT_VERSION, PlanFileError, serializePlan } from '../../../src/lib/index.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/plans/${name}`, import.meta.url), 'utf8');

describe('plan file', () => {
  it('round-trips the sample plan deep-equal', () => {
    const p = createSamplePlan();
    expect(deserializePlan(serializePlan(p))).toEqual(p);
  });

  it('round-trips an empty plan and a plan with hostile text', () => {
    const empty = createEmptyPlan('p1', 'Empty', '2026-01-01T00:00:00.000Z');
    expect(deserializePlan(serializePlan(empty))).toEqual(empty);
    const hostile = createSamplePlan();
    hostile.name = `=cmd|' /C calc'!A0 "quoted" \u202e rtl ${'\u0000'} null`;
    hostile.users[0]!.displayName = "O'Brien ‘Smart’ `$(Remove-Item)`";
    hostile.checklist['constructor'] = { done: true, note: 'not a prototype' };
    const back = deserializePlan(serializePlan(hostile));
    expect(back).toEqual(hostile);
    expect(({} as Record<string, unknown>).done).toBeUndefined();
  });

  it('writes the current version and the format marker', () => {
    const env = JSON.parse(serializePlan(createSamplePlan()));
    expect(env.format).toBe('shared-calling-planner/plan');
    expect(env.version).toBe(PLAN_FORMAT_VERSION);
  });

  it('opens a version 1 file through the migration', () => {
    const plan = deserializePlan(fixture('plan-v1.json'));
    expect(plan.name).toBe('Fabrikam pilot (format 1)');
    expect(plan.users).toHaveLength(3);
    expect(plan.users.map((u) => u.teamsPhone)).toEqual(['yes', 'no', 'unknown']);
    expect(plan.users.map((u) => u.enterpriseVoice)).toEqual(['yes', 'unknown', 'no']);
    expect(plan.checklist['RA9:ra-main']).toEqual({ done: true, note: '' });
    expect(plan.assignmentRules).toEqual([]);
    expect(plan.sizingDefaults.reservationMinutes).toBe(60);
    // and it saves as the current version
    expect(deserializePlan(serializePlan(plan))).toEqual(plan);
  });

  it('opens a version 2 file through the migration: format-3 fields get their defaults', () => {
    const plan = deserializePlan(fixture('plan-v2.json'));
    expect(plan.name).toBe('Fabrikam pilot (format 2)');
    // RA9: the billing type was never asked; the ticked funding item stays ticked.
    expect(plan.resourceAccounts[0]?.callingPlanBilling).toBe('unknown');
    expect(plan.checklist['RA9:ra-main']).toEqual({ done: true, note: 'Communications Credits funded' });
    // AA10, AA11: no operator, default greeting.
    expect(plan.autoAttendants[0]).toMatchObject({ operator: '', greeting: '' });
    // AA6: nobody is known to be hidden from address lists.
    expect(plan.users.map((u) => u.hiddenFromAddressLists)).toEqual([false, false]);
    // §3.17: tagging callback numbers is off by default.
    expect(plan.tenant.tagCallbackNumbers).toBe(false);
    expect(deserializePlan(serializePlan(plan))).toEqual(plan);
  });

  it('accepts a leading byte-order mark', () => {
    const p = createSamplePlan();
    expect(deserializePlan('\ufeff' + serializePlan(p))).toEqual(p);
  });

  const bad: [string, string, RegExp][] = [
    ['empty text', '', /not valid JSON/],
    ['garbage', 'hello world', /not valid JSON/],
    ['a JSON array', '[1,2,3]', /expected a JSON object/],
    ['JSON without marker', '{"plan":{}}', /format/],
    ['a newer version', JSON.stringify({ format: 'shared-calling-planner/plan', version: 99, plan: {} }), /newer planner/],
    ['a bad version', JSON.stringify({ format: 'shared-calling-planner/plan', version: 'two', plan: {} }), /version/],
    ['a missing field', JSON.stringify({ format: 'shared-calling-planner/plan', version: 3, plan: { id: 'x' } }), /plan\.name is missing/],
  ];
  for (const [what, text, message] of bad) {
    it(`rejects ${what} with a clear message`, () => {
      expect(() => deserializePlan(text)).toThrow(PlanFileError);
      expect(() => deserializePlan(text)).toThrow(message);
    });
  }

  it('rejects wrong types, bad numbers, dangling references and prototype keys', () => {
    const env = (mutate: (p: Record<string, any>) => void) => {
      const p = JSON.parse(JSON.stringify(createSamplePlan()));
      mutate(p);
      return JSON.stringify({ format: 'shared-calling-planner/plan', version: 3, plan: p });
    };
    expect(() => deserializePlan(env((p) => (p.users[0].upn = 42)))).toThrow(/plan\.users\[0\]\.upn should be text/);
    expect(() => deserializePlan(env((p) => (p.numbers[0].e164 = '555-0100')))).toThrow(/not an E\.164 number/);
    expect(() => deserializePlan(env((p) => (p.numbers[0].kind = 'mobile')))).toThrow(/should be one of/);
    expect(() => deserializePlan(env((p) => (p.users[0].sharedCallingPolicyId = 'nope')))).toThrow(/refers to "nope"/);
    expect(() => deserializePlan(env((p) => (p.users[1].upn = p.users[0].upn.toUpperCase())))).toThrow(/appears twice/);
    const proto = env(() => {}).replace('"checklist":{', '"checklist":{"__proto__":{"done":true,"note":""},');
    expect(() => deserializePlan(proto)).toThrow(/reserved key "__proto__"/);
    expect(({} as Record<string, unknown>).done).toBeUndefined();
  });

  it('drops unknown properties instead of carrying them along', () => {
    const p = JSON.parse(serializePlan(createSamplePlan()));
    p.plan.evil = 'x';
    p.plan.users[0].extra = 'y';
    const back = deserializePlan(JSON.stringify(p)) as unknown as Record<string, unknown>;
    expect(back.evil).toBeUndefined();
    expect((back.users as Record<string, unknown>[])[0]!.extra).toBeUndefined();
  });
});
