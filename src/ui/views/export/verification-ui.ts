/** The verification results stored in a plan (plan.verification), resolved to labels for the UI. */
import { userKey, type Plan, type VerificationEntry } from '../../../lib/index.js';
import type { VerificationKind } from '../../../lib/index.js';
import type { AreaId } from '../../state/router.svelte.js';

export const KIND_TEXT: Record<VerificationKind, string> = {
  resourceAccount: 'Resource account',
  autoAttendant: 'Auto attendant',
  voiceRoutingPolicy: 'Voice routing policy',
  emergencyPolicy: 'Emergency call routing policy',
  sharedCallingPolicy: 'Shared Calling policy',
  user: 'User',
};

export const KIND_AREA: Record<VerificationKind, AreaId> = {
  resourceAccount: 'accounts',
  autoAttendant: 'accounts',
  voiceRoutingPolicy: 'policies',
  emergencyPolicy: 'emergency',
  sharedCallingPolicy: 'policies',
  user: 'users',
};

export interface VerifiedItem {
  key: string;
  kind: VerificationKind;
  /** Object id (users: user key), for links. */
  id: string;
  label: string;
  entry: VerificationEntry;
}

export interface VerificationSummary {
  done: number;
  failed: number;
  missing: number;
  /** Objects of the plan without a result yet. */
  unverified: number;
  /** Latest report time among the entries; '' when none. */
  at: string;
  /** Failed first, then missing; plan order within each. */
  problems: VerifiedItem[];
}

/** Current objects of the plan with their verification entries (entries of deleted objects are ignored). */
export function summarizeVerification(plan: Plan): VerificationSummary {
  const s: VerificationSummary = { done: 0, failed: 0, missing: 0, unverified: 0, at: '', problems: [] };
  const failed: VerifiedItem[] = [];
  const missing: VerifiedItem[] = [];
  const visit = (kind: VerificationKind, id: string, label: string) => {
    const key = `${kind}:${id}`;
    const entry = plan.verification[key];
    if (!entry) {
      s.unverified++;
      return;
    }
    s[entry.status]++;
    if (entry.at > s.at) s.at = entry.at;
    if (entry.status === 'failed') failed.push({ key, kind, id, label, entry });
    else if (entry.status === 'missing') missing.push({ key, kind, id, label, entry });
  };
  for (const x of plan.resourceAccounts) visit('resourceAccount', x.id, x.displayName || x.upn);
  for (const x of plan.autoAttendants) visit('autoAttendant', x.id, x.name);
  for (const x of plan.voiceRoutingPolicies) visit('voiceRoutingPolicy', x.id, x.name);
  for (const x of plan.emergencyPolicies) visit('emergencyPolicy', x.id, x.name);
  for (const x of plan.sharedCallingPolicies) visit('sharedCallingPolicy', x.id, x.name);
  for (const u of plan.users) visit('user', userKey(u.upn), u.upn);
  s.problems = [...failed, ...missing];
  return s;
}
