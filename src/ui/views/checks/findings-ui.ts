/** Words, icons and links for findings, shared by the Checks view and the Overview dashboard. */
import type { Finding, Plan, Severity, SubjectKind } from '../../../lib/index.js';
import { planIndex, TENANT_ID } from '../../../lib/index.js';
import { planHref, type AreaId } from '../../state/router.svelte.js';

export { SEVERITIES, KIND_LABEL } from '../../../lib/view/index.js';

/** Icon plus words: severity is never told by colour alone. */
export const SEVERITY_UI: Record<Severity, { one: string; many: string; heading: string; badge: string }> = {
  error: { one: 'blocking error', many: 'blocking errors', heading: 'Blocking errors', badge: 'Error' },
  warning: { one: 'warning', many: 'warnings', heading: 'Warnings', badge: 'Warning' },
  info: { one: 'note', many: 'notes', heading: 'Notes', badge: 'Note' },
};

const KIND_AREA: Record<SubjectKind, AreaId> = {
  user: 'users',
  site: 'sites',
  number: 'sites',
  resourceAccount: 'accounts',
  autoAttendant: 'accounts',
  sharedCallingPolicy: 'policies',
  emergencyPolicy: 'emergency',
  voiceRoutingPolicy: 'policies',
  tenant: 'overview',
};

/** Link to the object a finding is about (users by userKey, tenant-wide findings to the Overview). */
export function subjectHref(planId: string, kind: SubjectKind, subjectId: string): string {
  if (kind === 'tenant' || subjectId === TENANT_ID) return planHref(planId, 'overview');
  return planHref(planId, KIND_AREA[kind], subjectId);
}

export function findingHref(planId: string, f: Finding): string {
  // A finding about many users (P1, U1 … aggregated; E2 per emergency policy) opens the list of those users.
  if (f.users && f.users.length > 0 && (f.subjectKind === 'tenant' || f.subjectKind === 'sharedCallingPolicy')) {
    return planHref(planId, 'users', `finding:${f.key}`);
  }
  return subjectHref(planId, f.subjectKind, f.subjectId);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function severityText(severity: Severity, n: number): string {
  const ui = SEVERITY_UI[severity];
  return `${n.toLocaleString()} ${n === 1 ? ui.one : ui.many}`;
}

/** Kind and label of an object id (for checklist entries whose finding is gone). */
export function describeSubject(plan: Plan, subjectId: string): { kind: SubjectKind; label: string } {
  if (subjectId === TENANT_ID) return { kind: 'tenant', label: 'Tenant' };
  const idx = planIndex(plan);
  const ra = idx.resourceAccounts.get(subjectId);
  if (ra) return { kind: 'resourceAccount', label: ra.displayName || ra.upn };
  const site = idx.sites.get(subjectId);
  if (site) return { kind: 'site', label: site.name };
  const p = idx.sharedCallingPolicies.get(subjectId);
  if (p) return { kind: 'sharedCallingPolicy', label: p.name };
  const n = idx.numbers.get(subjectId);
  if (n) return { kind: 'number', label: n.e164 };
  const aa = idx.autoAttendants.get(subjectId);
  if (aa) return { kind: 'autoAttendant', label: aa.name };
  const ep = idx.emergencyPolicies.get(subjectId);
  if (ep) return { kind: 'emergencyPolicy', label: ep.name };
  const vrp = idx.voiceRoutingPolicies.get(subjectId);
  if (vrp) return { kind: 'voiceRoutingPolicy', label: vrp.name };
  if (subjectId.includes('@')) return { kind: 'user', label: subjectId };
  return { kind: 'tenant', label: subjectId };
}
