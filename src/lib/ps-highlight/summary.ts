/**
 * What each generated stage creates or changes, counted from the plan (for the Export screen's
 * per-stage table and the runbook README). The counts mirror what the stage scripts loop over
 * (src/lib/powershell/stages); they are upper bounds, because every script skips what the tenant
 * already has as planned.
 */
import type { Plan } from '../domain/model.js';
import { STAGES, RUNBOOK_FILE } from '../powershell/index.js';

/** At most this many users per New-CsBatchPolicyAssignmentOperation call (shared-calling.md §3.14). */
export const BATCH_LIMIT = 5000;

export interface StageCount {
  label: string;
  count: number;
  /** Extra words after the count, e.g. "in 3 batches". */
  note?: string;
}

export interface StageSummary {
  number: string;
  name: string;
  file: string;
  /** One line: what the stage is for. */
  title: string;
  /** True for stages that only read the tenant. */
  readOnly: boolean;
  counts: StageCount[];
}

const TITLES: Record<string, string> = {
  '01': 'Check tooling and tenant prerequisites',
  '02': 'Resource accounts, licences and numbers',
  '03': 'Auto attendants and associations',
  '04': 'Voice routing policies',
  '05': 'Emergency call routing policies',
  '06': 'Shared Calling policies',
  '07': 'Enable and assign users',
  '08': 'Read back and write the verification report',
  '09': 'Roll back (only when run explicitly)',
};

/** Batches needed for a policy type: per policy name, ⌈users / 5,000⌉ (the script batches per name). */
export function batchCount(policyNames: readonly string[], limit = BATCH_LIMIT): number {
  const perName = new Map<string, number>();
  for (const n of policyNames) if (n !== '') perName.set(n, (perName.get(n) ?? 0) + 1);
  let batches = 0;
  for (const count of perName.values()) batches += Math.ceil(count / limit);
  return batches;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The counts per stage, in run order. Pure and cheap (one pass over the users). */
export function stageSummaries(plan: Plan): StageSummary[] {
  const numbers = new Map(plan.numbers.map((n) => [n.id, n] as const));
  const ras = new Map(plan.resourceAccounts.map((r) => [r.id, r] as const));
  const ecrpName = new Map(plan.emergencyPolicies.map((p) => [p.id, p.name] as const));
  const vrpName = new Map(plan.voiceRoutingPolicies.map((p) => [p.id, p.name] as const));
  const scpIds = new Set(plan.sharedCallingPolicies.map((p) => p.id));
  // V3: an extension is assigned only when the policy's resource account has a Direct Routing number.
  const drPolicies = new Set(
    plan.sharedCallingPolicies
      .filter((p) => {
        const ra = p.resourceAccountId !== null ? ras.get(p.resourceAccountId) : undefined;
        const num = ra && ra.numberId !== null ? numbers.get(ra.numberId) : undefined;
        return num?.kind === 'directRouting';
      })
      .map((p) => p.id),
  );

  let scpGrants = 0;
  let extensions = 0;
  let extensionsSkipped = 0;
  const ecrpNames: string[] = [];
  const vrpNames: string[] = [];
  for (const u of plan.users) {
    const hasScp = u.sharedCallingPolicyId !== null && scpIds.has(u.sharedCallingPolicyId);
    if (hasScp) scpGrants++;
    const e = u.emergencyPolicyId !== null ? ecrpName.get(u.emergencyPolicyId) : undefined;
    if (e) ecrpNames.push(e);
    const v = u.voiceRoutingPolicyId !== null ? vrpName.get(u.voiceRoutingPolicyId) : undefined;
    if (v) vrpNames.push(v);
    if (u.extension.trim() !== '') {
      if (hasScp && drPolicies.has(u.sharedCallingPolicyId!)) extensions++;
      else extensionsSkipped++;
    }
  }

  const usages = new Set<string>();
  for (const p of plan.voiceRoutingPolicies) for (const u of p.pstnUsages) if (u) usages.add(u.toLowerCase());
  for (const p of plan.emergencyPolicies) for (const n of p.numbers) if (n.pstnUsage) usages.add(n.pstnUsage.toLowerCase());

  const rasWithNumber = plan.resourceAccounts.filter((r) => r.numberId !== null && numbers.has(r.numberId)).length;
  const rasLicensed = plan.resourceAccounts.filter((r) => r.licence !== 'none' || r.payAsYouGoCallingPlan).length;
  const associations = plan.autoAttendants.filter((a) => a.resourceAccountId !== null).length;
  const rasWithVrp = plan.resourceAccounts.filter((r) => r.voiceRoutingPolicyId !== null).length;
  const emergencyNumbers = plan.emergencyPolicies.reduce((s, p) => s + p.numbers.length, 0);
  const callbackNumbers = plan.sharedCallingPolicies.reduce((s, p) => s + p.callbackNumberIds.length, 0);
  const ecrpBatches = batchCount(ecrpNames);
  const vrpBatches = batchCount(vrpNames);
  const objects =
    plan.resourceAccounts.length +
    plan.autoAttendants.length +
    plan.voiceRoutingPolicies.length +
    plan.emergencyPolicies.length +
    plan.sharedCallingPolicies.length +
    plan.users.length;

  const counts: Record<string, StageCount[]> = {
    '01': [
      { label: 'Sites: LIS location checked', count: plan.sites.length },
      { label: 'PSTN usages checked', count: usages.size },
    ],
    '02': [
      { label: 'Resource accounts', count: plan.resourceAccounts.length },
      { label: 'Licences assigned', count: rasLicensed },
      { label: 'Numbers assigned and location pinned', count: rasWithNumber },
    ],
    '03': [
      { label: 'Auto attendants', count: plan.autoAttendants.length },
      { label: 'Resource account associations', count: associations },
    ],
    '04': [
      { label: 'Voice routing policies', count: plan.voiceRoutingPolicies.length },
      { label: 'Granted to resource accounts', count: rasWithVrp },
    ],
    '05': [
      { label: 'Emergency call routing policies', count: plan.emergencyPolicies.length },
      { label: 'Emergency numbers', count: emergencyNumbers },
    ],
    '06': [
      { label: 'Shared Calling policies', count: plan.sharedCallingPolicies.length },
      { label: 'Emergency callback numbers', count: callbackNumbers },
    ],
    '07': [
      { label: 'Users: Enterprise Voice enabled', count: plan.users.length },
      { label: 'Shared Calling policy grants (one per user)', count: scpGrants },
      { label: 'Emergency policy assignments', count: ecrpNames.length, note: `in ${plural(ecrpBatches, 'batch', 'batches')}` },
      { label: 'Voice routing policy assignments', count: vrpNames.length, note: `in ${plural(vrpBatches, 'batch', 'batches')}` },
      {
        label: 'Extensions assigned',
        count: extensions,
        ...(extensionsSkipped > 0 ? { note: `${plural(extensionsSkipped, 'more', 'more')} skipped: no Direct Routing number (V3)` } : {}),
      },
    ],
    '08': [{ label: 'Objects read back', count: objects }],
    '09': [{ label: 'Objects and assignments it would undo', count: objects }],
  };

  return STAGES.map((s) => ({
    number: s.number,
    name: s.name,
    file: s.file,
    title: TITLES[s.number] ?? s.synopsis,
    readOnly: s.number === '01' || s.number === '08',
    counts: counts[s.number] ?? [],
  }));
}

/** The runbook wrapper's row for the file list (it runs the stages; it creates nothing itself). */
export const RUNBOOK_SUMMARY = {
  file: RUNBOOK_FILE,
  title: 'Runs stages 01–08 in order (rollback only when named)',
} as const;
