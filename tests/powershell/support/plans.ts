/** Plans the scenarios run: the sample, a changed sample, and a hostile one of the same shape. */
import { createSamplePlan, userKey, type Plan } from '../../../src/lib/index.js';

export const samplePlan = (): Plan => createSamplePlan();

/**
 * Scenario 4: ten Seattle users move to SC-London (with London's emergency policy), SC-Seattle's
 * callback numbers are reordered and one is added, one user leaves the plan.
 */
export function changedPlan(base: Plan = createSamplePlan()): { plan: Plan; moved: string[]; dropped: string } {
  const seattle = base.sharedCallingPolicies.find((p) => p.id === 'scp-seattle')!;
  const london = base.sharedCallingPolicies.find((p) => p.id === 'scp-london')!;
  const ecrpLondon = base.emergencyPolicies.find((p) => p.id === 'ecrp-uk')!;
  const seattleUsers = base.users.filter((u) => u.sharedCallingPolicyId === seattle.id);
  const moved = seattleUsers.slice(0, 10).map((u) => userKey(u.upn));
  const dropped = userKey(seattleUsers[10]!.upn);
  const [a, b, c] = seattle.callbackNumberIds;
  const added = base.numbers.find((n) => n.e164 === '+12065550104')!;
  const plan: Plan = {
    ...base,
    sharedCallingPolicies: base.sharedCallingPolicies.map((p) => (p.id === seattle.id ? { ...p, callbackNumberIds: [c!, a!, added.id, b!] } : p)),
    users: base.users
      .filter((u) => userKey(u.upn) !== dropped)
      .map((u) => (moved.includes(userKey(u.upn)) ? { ...u, sharedCallingPolicyId: london.id, emergencyPolicyId: ecrpLondon.id } : u)),
  };
  return { plan, moved, dropped };
}

/** Every hostile kind of text the issue names, each kept distinct by a prefix. */
const HOSTILE = [
  "quotes ' ‘ ’ ‚ ‛ ''",
  'subexpr $(Remove-Item -Recurse -Force /) $env:PATH @(1) ${x}',
  'backticks `n `" `$ `0 ``',
  'lines a\r\nb\nc\rd',
  `long ${'L'.repeat(290)}`,
  'rtl שלום عليكم \u200F ok',
  'emoji 📞🚨👩🏽‍💻',
  'semicolon ; & | > < "dq" # not a comment',
];

/**
 * Scenario 6: the sample plan with hostile text in every name the scripts send, and a `+` and an
 * apostrophe in UPNs. Names keep the sample's order (same prefix), so loops and batches run in the
 * same order as for the plain plan.
 */
export function hostilePlan(base: Plan = createSamplePlan()): Plan {
  let i = 0;
  const h = (s: string): string => `${s} ${HOSTILE[i++ % HOSTILE.length]}`;
  return {
    ...base,
    name: h(base.name),
    resourceAccounts: base.resourceAccounts.map((r) => ({ ...r, displayName: h(r.displayName) })),
    autoAttendants: base.autoAttendants.map((a) => ({ ...a, name: h(a.name) })),
    voiceRoutingPolicies: base.voiceRoutingPolicies.map((p) => ({ ...p, name: h(p.name), description: h(p.description) })),
    emergencyPolicies: base.emergencyPolicies.map((p) => ({ ...p, name: h(p.name), description: h(p.description) })),
    sharedCallingPolicies: base.sharedCallingPolicies.map((p) => ({ ...p, name: h(p.name), description: h(p.description) })),
    users: base.users.map((u, k) => (k % 45 === 0 ? { ...u, upn: u.upn.replace('@', k % 2 === 0 ? "+tag'x@" : '+sc@') } : u)),
  };
}

/** The sample plan under another name: same objects, another plan hash (scenario 5's foreign checkpoint). */
export function otherPlan(base: Plan = createSamplePlan()): Plan {
  return { ...base, id: 'other-plan', name: 'Another plan' };
}
