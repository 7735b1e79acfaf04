import { describe, expect, it } from 'vitest';
import { applyLevelQuery, groupBadge, levelFilter, statusBadge } from '../../../src/lib/view/index.js';
import type { ObjectStatus } from '../../../src/lib/index.js';

describe('the Users Findings column: filter and sort on the status model’s levels', () => {
  const levels = new Uint8Array([0, 3, 1, 2, 3, 0]);
  const all = Int32Array.from([0, 1, 2, 3, 4, 5]);

  it('filters like the other columns: contains, =exact; "blocked" means errors', () => {
    expect([...applyLevelQuery(all, levels, 'error', null)]).toEqual([1, 4]);
    expect([...applyLevelQuery(all, levels, 'blocked', null)]).toEqual([1, 4]);
    expect([...applyLevelQuery(all, levels, '=ready', null)]).toEqual([0, 5]);
    expect([...applyLevelQuery(all, levels, 'warn', null)]).toEqual([3]);
    expect(levelFilter('')).toBeNull();
    expect([...applyLevelQuery(all, levels, '=note', null)]).toEqual([2]);
  });

  it('sorts stably: descending puts errors first, ascending ready first', () => {
    expect([...applyLevelQuery(all, levels, '', 'desc')]).toEqual([1, 4, 3, 2, 0, 5]);
    expect([...applyLevelQuery(all, levels, '', 'asc')]).toEqual([0, 5, 2, 3, 1, 4]);
  });
});

describe('statusBadge', () => {
  const base: ObjectStatus = {
    kind: 'user',
    id: 'a@b.c',
    own: [],
    scope: [],
    tally: { errors: 0, warnings: 0, notes: 0 },
    level: 'ok',
    readiness: 'ready',
    via: null,
    deployment: null,
  };
  it('counts errors first, then says when the policy blocks a user, then warnings and notes', () => {
    expect(statusBadge({ ...base, tally: { errors: 2, warnings: 1, notes: 0 } })).toEqual({ kind: 'error', text: '2 errors' });
    expect(statusBadge({ ...base, readiness: 'blocked', via: 'scp-x' })).toEqual({ kind: 'error', text: 'Policy blocked' });
    expect(statusBadge({ ...base, tally: { errors: 0, warnings: 1, notes: 3 } })).toEqual({ kind: 'warning', text: '1 warning' });
    expect(statusBadge({ ...base, tally: { errors: 0, warnings: 0, notes: 3 } })).toEqual({ kind: 'info', text: '3 notes' });
    expect(statusBadge(base)).toEqual({ kind: 'ok', text: 'Ready' });
  });
});

describe('groupBadge (a range row of the number inventory)', () => {
  const st = (errors: number, warnings: number, notes: number): ObjectStatus =>
    ({
      kind: 'number',
      id: `n${errors}${warnings}${notes}`,
      own: [],
      scope: Array.from({ length: errors + warnings + notes }, () => ({ rule: 'N1', severity: 'error', message: '', subject: '' }) as never),
      tally: { errors, warnings, notes },
      level: errors ? 'error' : warnings ? 'warning' : notes ? 'info' : 'ok',
      readiness: errors ? 'blocked' : warnings ? 'warnings' : 'ready',
      via: null,
      deployment: null,
    }) as ObjectStatus;

  it('sums the tallies worst first and counts the members with findings', () => {
    expect(groupBadge([st(0, 0, 0), st(1, 2, 0), st(2, 0, 1)])).toEqual({
      kind: 'error',
      text: '3 errors',
      tally: { errors: 3, warnings: 2, notes: 1 },
      withFindings: 2,
    });
    expect(groupBadge([st(0, 1, 0), st(0, 0, 1)])).toMatchObject({ kind: 'warning', text: '1 warning', withFindings: 2 });
    expect(groupBadge([st(0, 0, 2)])).toMatchObject({ kind: 'info', text: '2 notes' });
    expect(groupBadge([])).toEqual({ kind: 'ok', text: 'Ready', tally: { errors: 0, warnings: 0, notes: 0 }, withFindings: 0 });
  });
});
