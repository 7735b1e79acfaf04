import { describe, expect, it } from 'vitest';
import { policyNameProblem } from '../../../src/lib/checks/index.js';
import { byId, expectOnly, expectOnlyBesidesInfo } from './helpers.js';

describe('policy checks', () => {
  it('P2: policy without a resource account', () => {
    const f = expectOnly((p) => (byId(p.sharedCallingPolicies, 'scp-seattle').resourceAccountId = null), 'P2', 'SC-Seattle');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('80 users');
  });

  it('P3: duplicate policy names (case-insensitive)', () => {
    const f = expectOnlyBesidesInfo((p) => (byId(p.sharedCallingPolicies, 'scp-london').name = 'sc-seattle'), 'P3', 'sc-seattle', ['V1']);
    expect(f.subjectId).toBe('scp-london');
  });

  it('P4: policy name with a character outside letters, digits, space, - _ .', () => {
    const f = expectOnlyBesidesInfo((p) => (byId(p.sharedCallingPolicies, 'scp-london').name = 'SC/London'), 'P4', 'SC/London', ['V1']);
    expect(f.message).toContain('"/"');
  });

  it('P4: name rules', () => {
    expect(policyNameProblem('SC-London_1.2 a')).toBe('');
    expect(policyNameProblem('')).toMatch(/empty/);
    expect(policyNameProblem('   ')).toMatch(/empty/);
    expect(policyNameProblem('x'.repeat(64))).toBe('');
    expect(policyNameProblem('x'.repeat(65))).toMatch(/65 characters/);
    expect(policyNameProblem(' SC')).toMatch(/space/);
    expect(policyNameProblem('Zürich')).toContain('"ü"');
    expect(policyNameProblem("O'Brien")).toContain(`"'"`);
  });

  it('P5: policy without users is info', () => {
    const f = expectOnly(
      (p) => {
        p.sharedCallingPolicies.push({
          ...byId(p.sharedCallingPolicies, 'scp-seattle'),
          id: 'scp-spare',
          name: 'SC-Spare',
          callbackNumberIds: ['num-12065550104'],
        });
      },
      'P5',
      'SC-Spare',
    );
    expect(f.severity).toBe('info');
  });
});
