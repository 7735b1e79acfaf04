/**
 * The Checks list as pure functions: filter findings by search text, severity, rule and object
 * kind, then group them by severity and by rule or object, cut after a page limit. The Checks
 * screen's state class (checks-filter.svelte.ts) holds the choices and derives these.
 */
import { RULES } from '../checks/rules.js';
import type { Finding, Severity, SubjectKind } from '../checks/types.js';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const KIND_LABEL: Record<SubjectKind, string> = {
  user: 'User',
  site: 'Site',
  number: 'Phone number',
  resourceAccount: 'Resource account',
  autoAttendant: 'Auto attendant',
  sharedCallingPolicy: 'Shared Calling policy',
  emergencyPolicy: 'Emergency call routing policy',
  voiceRoutingPolicy: 'Voice routing policy',
  tenant: 'Tenant',
};

export interface FindingFilter {
  /** Words searched in the rule id and title, message, subject and fix (case-insensitive). */
  query: string;
  severity: 'all' | Severity;
  rule: string;
  kind: 'all' | SubjectKind;
}

export function filterFindings(findings: readonly Finding[], f: FindingFilter): Finding[] {
  const q = f.query.trim().toLowerCase();
  return findings.filter(
    (x) =>
      (f.severity === 'all' || x.severity === f.severity) &&
      (f.rule === 'all' || x.rule === f.rule) &&
      (f.kind === 'all' || x.subjectKind === f.kind) &&
      (q === '' || `${x.rule} ${RULES[x.rule]?.title ?? ''} ${x.message} ${x.subject} ${x.fix}`.toLowerCase().includes(q)),
  );
}

export interface FindingGroup {
  key: string;
  label: string;
  items: Finding[];
  total: number;
}

export interface FindingSection {
  severity: Severity;
  total: number;
  groups: FindingGroup[];
}

/** Severity → group (rule or object) → findings, keeping only the first `limit` findings in that order. */
export function groupFindings(listed: readonly Finding[], groupBy: 'rule' | 'subject', limit: number): FindingSection[] {
  const bySeverity = new Map<Severity, Map<string, FindingGroup>>();
  for (const f of listed) {
    let groups = bySeverity.get(f.severity);
    if (!groups) bySeverity.set(f.severity, (groups = new Map()));
    const key = groupBy === 'rule' ? f.rule : `${f.subjectKind}:${f.subjectId}`;
    let g = groups.get(key);
    if (!g) {
      const label = groupBy === 'rule' ? `${f.rule} · ${RULES[f.rule]?.title ?? f.rule}` : `${f.subject} (${KIND_LABEL[f.subjectKind]})`;
      groups.set(key, (g = { key, label, items: [], total: 0 }));
    }
    g.total++;
    g.items.push(f);
  }
  let budget = limit;
  const out: FindingSection[] = [];
  for (const s of SEVERITIES) {
    const groups = bySeverity.get(s);
    if (!groups) continue;
    const list = groupBy === 'rule' ? [...groups.values()].sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true })) : [...groups.values()];
    const section: FindingSection = { severity: s, total: 0, groups: [] };
    for (const g of list) section.total += g.total;
    for (const g of list) {
      if (budget <= 0) break;
      const items = g.items.slice(0, budget);
      budget -= items.length;
      section.groups.push({ ...g, items });
    }
    out.push(section);
  }
  return out;
}
