import { describe, expect, it } from 'vitest';
import * as core from '../../src/lib/index.js';

// The facade contract of architecture.md: these names, as functions, from src/lib/index.ts.
describe('core facade', () => {
  const required = [
    'poissonTail',
    'erlangB',
    'callbackPoolSize',
    'parseUserList',
    'createSamplePlan',
    'checkPlan',
    'generateScripts',
    'writePlanWorkbook',
    'readPlanWorkbook',
    'serializePlan',
    'deserializePlan',
  ];
  for (const name of required) {
    it(`exports ${name}`, () => {
      expect(typeof (core as Record<string, unknown>)[name]).toBe('function');
    });
  }

  it('works end to end on the sample plan', async () => {
    const plan = core.createSamplePlan();
    expect(core.checkPlan(plan).filter((f) => f.severity === 'error')).toEqual([]);
    expect(core.readPlanWorkbook(await core.writePlanWorkbook(plan))).toEqual(plan);
    expect(core.deserializePlan(core.serializePlan(plan))).toEqual(plan);
    const files = core.generateScripts(plan);
    expect(files.map((f) => f.name)).toContain('07-users.ps1');
    expect(core.callbackPoolSize(1, 0.001)).toBe(6);
  });
});
