/** Voice routing rules: users without PSTN usages (VR1, V4); DR resource accounts with them (RA11, VR2). */
import type { Tristate, User } from '../domain/model.js';
import type { CheckContext } from './context.js';
import { raNumber } from './context.js';
import { finding } from './finding.js';
import { plural } from './numbers.js';
import type { Finding } from './types.js';
import type { UserFindings, UserIssue } from './user-findings.js';
import { holdsExtensionNumber } from './users.js';

/** 'voice routing policy "SC-NoPSTN"' or 'the Global voice routing policy'. */
const policyLabel = (ctx: CheckContext, u: User): string => {
  const p = u.voiceRoutingPolicyId === null ? undefined : ctx.voiceRoutingPolicies.get(u.voiceRoutingPolicyId);
  return p ? `voice routing policy "${p.name}"` : 'the Global voice routing policy';
};

const FIX_VR1 = 'Create a voice routing policy without PSTN usages (e.g. SC-NoPSTN) and assign it to the Shared Calling users.';

// VR1: with PSTN usages the user calls out on their own routes instead of Shared Calling.
const HAS_USAGES: UserIssue = {
  rule: 'VR1',
  severity: 'error',
  one: (u, _d, ctx) => `${u.displayName || u.upn} gets ${policyLabel(ctx, u)}, which has PSTN usages; Shared Calling users must have none.`,
  many: (n, where, ex) => `${plural(n, 'user', 'users')} ${where} get a voice routing policy with PSTN usages ${ex}; Shared Calling users must have none.`,
  fix: FIX_VR1,
};

// VR1: 'unknown' is treated as "assume Global has usages" (TenantSettings).
const GLOBAL_UNKNOWN: UserIssue = {
  rule: 'VR1',
  severity: 'warning',
  one: (u) => `${u.displayName || u.upn} falls back to the Global voice routing policy, and the plan does not know whether Global has PSTN usages.`,
  many: (n, where, ex) => `${plural(n, 'user', 'users')} ${where} fall back to the Global voice routing policy, which may have PSTN usages ${ex}.`,
  fix: `${FIX_VR1} Or, if Global has no PSTN usages, say so in the tenant settings.`,
};

// V4: extension dialing only works while the user's voice routing policy has no PSTN usages.
const EXT_WITH_USAGES: UserIssue = {
  rule: 'V4',
  severity: 'error',
  one: (u, _d, ctx) =>
    `${u.displayName || u.upn} uses extension dialing but gets ${policyLabel(ctx, u)} with PSTN usages, so they leave Shared Calling and call out as a user with their own number.`,
  many: (n, where, ex) => `${plural(n, 'user', 'users')} ${where} use extension dialing with a voice routing policy that has PSTN usages ${ex}.`,
  fix: FIX_VR1,
};

const EXT_GLOBAL_UNKNOWN: UserIssue = {
  ...EXT_WITH_USAGES,
  severity: 'warning',
  one: (u) => `${u.displayName || u.upn} uses extension dialing and falls back to the Global voice routing policy, which may have PSTN usages.`,
  many: (n, where, ex) =>
    `${plural(n, 'user', 'users')} ${where} use extension dialing and fall back to a Global voice routing policy that may have PSTN usages ${ex}.`,
};

function effectiveUsages(ctx: CheckContext, u: User): Tristate {
  const p = u.voiceRoutingPolicyId === null ? undefined : ctx.voiceRoutingPolicies.get(u.voiceRoutingPolicyId);
  if (p) return p.pstnUsages.length > 0 ? 'yes' : 'no';
  return ctx.plan.tenant.globalVoiceRoutingHasUsages;
}

function extensionMode(ctx: CheckContext, u: User): boolean {
  if (holdsExtensionNumber(ctx, u)) return true;
  return u.extension.trim() !== '' && u.sharedCallingPolicyId !== null && ctx.policyRaKind.get(u.sharedCallingPolicyId) === 'directRouting';
}

export function checkUserVoiceRouting(ctx: CheckContext, out: UserFindings): void {
  for (const u of ctx.plan.users) {
    const usages = effectiveUsages(ctx, u);
    if (usages === 'no') continue;
    const ext = extensionMode(ctx, u);
    if (usages === 'yes') out.add(ext ? EXT_WITH_USAGES : HAS_USAGES, u);
    else out.add(ext ? EXT_GLOBAL_UNKNOWN : GLOBAL_UNKNOWN, u);
  }
}

/** RA11 / VR2: a Direct Routing resource account needs a voice routing policy with PSTN usages. */
export function checkResourceAccountVoiceRouting(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const ra of ctx.plan.resourceAccounts) {
    if (raNumber(ctx, ra)?.kind !== 'directRouting') continue;
    const vrp = ra.voiceRoutingPolicyId === null ? undefined : ctx.voiceRoutingPolicies.get(ra.voiceRoutingPolicyId);
    if (vrp && vrp.pstnUsages.length > 0) continue;
    out.push(
      finding({
        rule: 'RA11',
        severity: 'error',
        message: vrp
          ? `${ra.displayName} has a Direct Routing number, but its voice routing policy "${vrp.name}" has no PSTN usages, so outbound Shared Calling calls have no route.`
          : `${ra.displayName} has a Direct Routing number but no voice routing policy, so outbound Shared Calling calls have no route.`,
        subject: ra.upn,
        subjectKind: 'resourceAccount',
        subjectId: ra.id,
        fix: 'Give the resource account a voice routing policy with at least one PSTN usage that reaches your SBC (Grant-CsOnlineVoiceRoutingPolicy).',
      }),
    );
  }
  return out;
}
