/**
 * What the design document reads from the core's status model (src/lib/status): findings,
 * readiness, deployment. Kept in these few functions so the document decides no rule or status.
 */
import type { Finding } from '../checks/index.js';
import { sortFindings } from '../checks/index.js';
import { planStatus, readinessOf, type GroupStatus, type PlanStatus, type PolicyStatus, type Readiness } from '../status/index.js';
import type { Plan, VerificationEntry } from '../domain/model.js';
import { countVerification, verificationIndex, type VerificationCounts } from '../verification-view.js';

export const READINESS_WORDS: Record<Readiness, string> = { ready: 'Ready', warnings: 'Ready with warnings', blocked: 'Blocked' };

export interface DocStatus {
  /** The status model the call-flow diagrams read too. */
  model: PlanStatus;
  overall: Readiness;
  counts: Record<Finding['severity'], number>;
  policies: Map<string, PolicyStatus>;
  sites: Map<string, GroupStatus>;
  /** The plan's findings, most severe first. */
  findings: Finding[];
}

export function docStatus(plan: Plan, findings: readonly Finding[], model: PlanStatus = planStatus(plan, findings)): DocStatus {
  return {
    model,
    overall: readinessOf(model.counts.error, model.counts.warning),
    counts: model.counts,
    policies: model.policies,
    sites: model.sites,
    findings: sortFindings([...findings]),
  };
}

export interface DocDeployment {
  loaded: boolean;
  /** Deployed / failed / missing over every verified object and user, and those changed since the report. */
  deployed: number;
  failed: number;
  missing: number;
  stale: number;
  byKind: { kind: string; counts: VerificationCounts }[];
  /** Entries that are not "done", with their key. */
  open: { key: string; entry: VerificationEntry }[];
}

export const VERIFICATION_KIND_WORDS: Record<string, string> = {
  user: 'Users',
  resourceAccount: 'Resource accounts',
  autoAttendant: 'Auto attendants',
  voiceRoutingPolicy: 'Voice routing policies',
  emergencyPolicy: 'Emergency call routing policies',
  sharedCallingPolicy: 'Shared Calling policies',
};

export function docDeployment(plan: Plan, model: PlanStatus): DocDeployment {
  const open = [...verificationIndex(plan.verification)].filter(([, e]) => e.status !== 'done').map(([key, entry]) => ({ key, entry }));
  const p = model.progress;
  return {
    loaded: model.verified,
    deployed: p.deployed,
    failed: p.failed,
    missing: p.missing,
    stale: p.stale,
    byKind: Object.keys(VERIFICATION_KIND_WORDS).map((kind) => ({ kind, counts: countVerification(plan.verification, kind) })).filter((k) => k.counts.total > 0),
    open,
  };
}
