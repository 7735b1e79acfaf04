/** Shared Calling policy rules (§9 per policy): a resource account, a unique and valid name, users. */
import type { SharedCallingPolicy } from '../domain/model.js';
import type { CheckContext } from './context.js';
import { policyRa, usersOf } from './context.js';
import { plural } from './numbers.js';
import type { FindingInputForPolicy } from './policy-finding.js';
import { forPolicy } from './policy-finding.js';
import type { Finding } from './types.js';

export const MAX_POLICY_NAME = 64;
const NAME_CHAR = /^[A-Za-z0-9 _.-]$/;

/** Why a policy name is invalid, or '' when it is fine (P4). */
export function policyNameProblem(name: string): string {
  if (name.trim() === '') return 'The name is empty.';
  if (name.length > MAX_POLICY_NAME) return `The name is ${name.length} characters long; at most ${MAX_POLICY_NAME} are allowed.`;
  if (name !== name.trim()) return 'The name starts or ends with a space.';
  for (const ch of name) {
    if (!NAME_CHAR.test(ch)) {
      const code = ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0') ?? '';
      return `The name contains "${ch}" (U+${code}); use only letters, digits, spaces, "-", "_" and ".".`;
    }
  }
  return '';
}

function check(ctx: CheckContext, p: SharedCallingPolicy, seen: Map<string, SharedCallingPolicy>): Finding[] {
  const out: Finding[] = [];
  const add = (f: FindingInputForPolicy) => out.push(forPolicy(p, f));
  const users = usersOf(ctx, p.id);

  // P2 (§9 "Exactly one resource account"): the resource account supplies the caller ID.
  if (!policyRa(ctx, p)) {
    add({
      rule: 'P2',
      severity: 'error',
      message:
        users > 0
          ? `Policy ${p.name} has no resource account, so its ${plural(users, 'user')} would have no caller ID and could not call out.`
          : `Policy ${p.name} has no resource account; users assigned to it would have no caller ID and could not call out.`,
      fix: 'Choose the resource account (usually the main auto attendant’s) whose number the users share.',
    });
  }

  // P3 (§9 "Name is unique"): the name is the policy identity (Tag:<name>), compared case-insensitively.
  const lower = p.name.trim().toLowerCase();
  const first = seen.get(lower);
  if (first) {
    add({
      rule: 'P3',
      severity: 'error',
      message: `Policy name "${p.name}" is already used by another Shared Calling policy ("${first.name}"); names are not case-sensitive.`,
      fix: 'Rename one of the policies.',
    });
  } else if (lower !== '') seen.set(lower, p);

  // P4: the name becomes a PowerShell identity and a Tag:<name>; keep it simple.
  const problem = policyNameProblem(p.name);
  if (problem !== '') {
    add({
      rule: 'P4',
      severity: 'error',
      message: `Policy name "${p.name}" cannot be used. ${problem}`,
      fix: `Rename the policy: 1–${MAX_POLICY_NAME} letters, digits, spaces, "-", "_" or ".".`,
    });
  }

  // P5: a policy nobody uses is harmless, but probably a leftover.
  if (users === 0) {
    add({
      rule: 'P5',
      severity: 'info',
      message: `Policy ${p.name} has no users; the script creates it anyway.`,
      fix: 'Assign users to it, or delete it if it is not needed.',
    });
  }
  return out;
}

export function checkPolicies(ctx: CheckContext): Finding[] {
  const seen = new Map<string, SharedCallingPolicy>();
  return ctx.plan.sharedCallingPolicies.flatMap((p) => check(ctx, p, seen));
}
