/** Shared helpers for the readiness-check tests: break one rule in the sample, diff the findings. */
import { expect } from 'vitest';
import type { Plan, User } from '../../../src/lib/domain/model.js';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { checkPlan, RULES } from '../../../src/lib/checks/index.js';
import type { Finding } from '../../../src/lib/checks/index.js';

export const BASE: Plan = createSamplePlan();
export const BASE_FINDINGS: Finding[] = checkPlan(BASE);

export interface Diff {
  added: Finding[];
  removed: Finding[];
  all: Finding[];
}

function multiset(list: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of list) {
    const k = JSON.stringify(f);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

function minus(a: Finding[], b: Finding[]): Finding[] {
  const counts = multiset(b);
  const out: Finding[] = [];
  for (const f of a) {
    const k = JSON.stringify(f);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else out.push(f);
  }
  return out;
}

/** Check a mutated copy of the sample plan and diff its findings against the sample's. */
export function breakSample(mutate: (plan: Plan) => void): Diff {
  const plan = structuredClone(BASE);
  mutate(plan);
  const all = checkPlan(plan);
  for (const f of all) expect(RULES[f.rule], `rule ${f.rule} has a RULES entry`).toBeDefined();
  expect(new Set(all.map((f) => f.key)).size, 'keys are unique').toBe(all.length);
  return { added: minus(all, BASE_FINDINGS), removed: minus(BASE_FINDINGS, all), all };
}

/** Assert that breaking the sample adds exactly one finding, of `rule` about `subject`. */
export function expectOnly(mutate: (plan: Plan) => void, rule: string, subject: string): Finding {
  const d = breakSample(mutate);
  expect(d.removed).toEqual([]);
  expect(d.added.map((f) => `${f.rule} ${f.subject}`)).toEqual([`${rule} ${subject}`]);
  const f = d.added[0] as Finding;
  expect(f.key).toBe(`${f.rule}:${f.subjectId}`);
  expect(f.message.length).toBeGreaterThan(20);
  expect(f.fix.length).toBeGreaterThan(10);
  return f;
}

/** The n-th user of a site in a plan (sample users are ordered by site). */
export function userAt(plan: Plan, siteId: string, n = 0): User {
  const u = plan.users.filter((x) => x.siteId === siteId)[n];
  if (!u) throw new Error(`no user ${n} at ${siteId}`);
  return u;
}

export function byId<T extends { id: string }>(list: T[], id: string): T {
  const item = list.find((x) => x.id === id);
  if (!item) throw new Error(`no ${id}`);
  return item;
}

/**
 * Like expectOnly, but tolerates changes to *info* findings of the listed rules: AA5's name counts
 * are derived from the users a dial scope reaches, so a mutation of a scope or an auto attendant
 * shifts them without breaking anything.
 */
export function expectOnlyBesidesInfo(mutate: (plan: Plan) => void, rule: string, subject: string, infoRules: string[]): Finding {
  const d = breakSample(mutate);
  const tolerated = (f: Finding) => f.severity === 'info' && infoRules.includes(f.rule);
  expect(d.removed.filter((f) => !tolerated(f))).toEqual([]);
  const added = d.added.filter((f) => !(tolerated(f) && !(f.rule === rule && f.subject === subject)));
  expect(added.map((f) => `${f.rule} ${f.subject}`)).toEqual([`${rule} ${subject}`]);
  return added[0] as Finding;
}
