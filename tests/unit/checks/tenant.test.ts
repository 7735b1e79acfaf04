import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../src/lib/checks/index.js';
import { createEmptyPlan } from '../../../src/lib/domain/model.js';
import { BASE_FINDINGS, expectOnly } from './helpers.js';

describe('tenant checks', () => {
  it('R1: MicrosoftTeams module 5.5.0 or later is a checklist item until ticked', () => {
    const f = expectOnly((p) => delete p.checklist['R1:tenant'], 'R1', 'Tenant');
    expect(f).toMatchObject({ severity: 'warning', checklist: true, key: 'R1:tenant', subjectKind: 'tenant' });
    expect(f.message).toContain('5.5.0');
  });

  it('L1: the blocked caller ID caveat (§2.10) is shown as info', () => {
    const f = BASE_FINDINGS.find((x) => x.rule === 'L1');
    expect(f).toMatchObject({ severity: 'info', key: 'L1:tenant' });
  });

  it('an empty plan shows only the R1 checklist item', () => {
    const findings = checkPlan(createEmptyPlan('p', 'Empty', '2026-01-01T00:00:00.000Z'));
    expect(findings.map((f) => f.key)).toEqual(['R1:tenant']);
  });
});
