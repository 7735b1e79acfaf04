/**
 * What the design document reads from the core's status: findings, readiness, deployment. Kept in
 * these few functions so the document follows whatever status model the core offers; it never
 * decides a rule or a status itself.
 */
import type { Finding } from '../checks/index.js';
import { sortFindings } from '../checks/index.js';
import { planStatus, readinessOf, type GroupStatus, type PlanStatus, type Readiness } from '../status/index.js';
import type { Plan, VerificationEntry } from '../domain/model.js';
import { countVerification, hasVerification, verificationIndex, type VerificationCounts } from '../verification-view.js';

export const READINESS_WORDS: Record<Readiness, string> = { ready: 'Ready', warnings: 'Ready with warnings', blocked: 'Blocked' };

/** Readiness of a policy or site as the document shows it, read from the core's status model. */
export interface DocReadiness {
  status: Readiness;
  users: number;
  errors: number;
  warnings: number;
}

export interface DocStatus {
  overall: Readiness;
  counts: Record<Finding['severity'], number>;
  policies: Map<string, DocReadiness>;
  sites: Map<string, DocReadiness>;
  findings: Finding[];
  /** The core's status model of the plan (call-flow boxes read it). */
  model: PlanStatus;
}

const readiness = (g: GroupStatus): DocReadiness => ({ status: g.readiness, users: g.users, errors: g.tally.errors, warnings: g.tally.warnings });

export function docStatus(plan: Plan, findings: readonly Finding[]): DocStatus {
  const s = planStatus(plan, findings);
  return {
    overall: readinessOf(s.counts.error, s.counts.warning),
    counts: s.counts,
    policies: new Map([...s.policies].map(([id, g]) => [id, readiness(g)])),
    sites: new Map([...s.sites].map(([id, g]) => [id, readiness(g)])),
    findings: sortFindings([...findings]),
    model: s,
  };
}

export interface DocDeployment {
  loaded: boolean;
  counts: VerificationCounts;
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

export function docDeployment(plan: Plan): DocDeployment {
  const loaded = hasVerification(plan.verification);
  const open = [...verificationIndex(plan.verification)].filter(([, e]) => e.status !== 'done').map(([key, entry]) => ({ key, entry }));
  return {
    loaded,
    counts: countVerification(plan.verification),
    byKind: Object.keys(VERIFICATION_KIND_WORDS)
      .map((kind) => ({ kind, counts: countVerification(plan.verification, kind) }))
      .filter((k) => k.counts.total > 0),
    open,
  };
}
