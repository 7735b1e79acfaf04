/** Emergency callback number rules (EN1–EN7): what may go into a policy's -EmergencyNumbers list. */
import type { Id, PhoneNumber, SharedCallingPolicy } from '../domain/model.js';
import { NUMBER_KIND_LABEL, teamsNumberType } from '../domain/model.js';
import type { CheckContext } from './context.js';
import { policyRa, raNumber } from './context.js';
import { finding } from './finding.js';
import type { FindingInput } from './finding.js';
import { callbackFit } from './callback-fit.js';
import { isCallingPlanService, numberKindPhrase } from './numbers.js';
import { forPolicy } from './policy-finding.js';
import type { Finding } from './types.js';

type NumberFinding = Omit<FindingInput, 'subject' | 'subjectKind' | 'subjectId'>;

function forNumber(num: PhoneNumber, f: NumberFinding): Finding {
  return finding({ ...f, subject: num.e164, subjectKind: 'number', subjectId: num.id });
}

function checkList(ctx: CheckContext, p: SharedCallingPolicy, raNumberIds: Set<Id>, out: Finding[]): void {
  const ra = policyRa(ctx, p);
  const raNum = ra ? raNumber(ctx, ra) : undefined;

  if (p.callbackNumberIds.length === 0) {
    if (raNum?.kind === 'callingPlanTollFreeService') {
      // EN2: the "resource account number as callback" fallback is not supported for CP toll-free numbers.
      out.push(
        forPolicy(p, {
          rule: 'EN2',
          severity: 'error',
          message: `Policy ${p.name} has no emergency callback numbers, but its resource account has a Calling Plan toll-free number; such policies must list Calling Plan subscriber numbers.`,
          fix: 'Add at least one unassigned Calling Plan subscriber number from the same country as an emergency callback number.',
        }),
      );
    } else {
      // EN1: with no list the resource account's number is the emergency caller ID, so callbacks reach the AA.
      out.push(
        forPolicy(p, {
          rule: 'EN1',
          severity: 'warning',
          message: `Policy ${p.name} has no emergency callback numbers, so emergency services calling back reach the auto attendant instead of the caller.`,
          fix: 'Add at least one unassigned number of the same type and country as the resource account’s number.',
        }),
      );
    }
    return;
  }

  for (const id of p.callbackNumberIds) {
    const num = ctx.numbers.get(id);
    if (!num) {
      // EN5: a callback number must exist in the tenant (here: in the plan's number list).
      out.push(
        forPolicy(p, {
          rule: 'EN5',
          severity: 'error',
          message: `Policy ${p.name} lists a callback number (${id}) that is not in the plan's number list.`,
          fix: 'Remove it from the policy or add the number to the plan.',
        }),
      );
      continue;
    }
    // EN6: callback numbers cannot be assigned to a user or a resource account.
    const user = ctx.userNumbers.get(num.e164);
    if (raNumberIds.has(num.id) || user) {
      out.push(
        forNumber(num, {
          rule: 'EN6',
          severity: 'error',
          message: user
            ? `${num.e164} is an emergency callback number of ${p.name}, but ${user.upn} holds it; callback numbers must be unassigned.`
            : `${num.e164} is an emergency callback number of ${p.name}, but it is a resource account's number; callback numbers must be unassigned.`,
          fix: 'Pick another, unassigned number for the callback list, or free this one.',
        }),
      );
    }
    // Compare only against a valid resource account number; RA1/RA4 report the rest.
    if (!raNum) continue;
    // The one rule for callback numbers (callback-fit.ts), shared with sizing and the policy editor.
    const fit = callbackFit(raNum, num);
    if (fit.accountInvalid) continue;
    if (fit.en3) {
      // EN3: behind a CP service number, callback numbers must be CP *subscriber* numbers.
      out.push(
        forNumber(num, {
          rule: 'EN3',
          severity: 'error',
          message: `${num.e164} (${NUMBER_KIND_LABEL[num.kind]}) is a callback number of ${p.name}, whose resource account has a Calling Plan service number; callback numbers there must be Calling Plan subscriber numbers.`,
          fix: 'Replace it with an unassigned Calling Plan subscriber number from the same country.',
        }),
      );
    }
    // EN4: same number type (CP/OC/DR) and same country as the resource account's number.
    const { typeDiffers, countryDiffers } = fit;
    if (typeDiffers || countryDiffers) {
      const what = [
        typeDiffers ? `is ${numberKindPhrase(num.kind)} while the resource account's number is ${numberKindPhrase(raNum.kind)}` : '',
        countryDiffers ? `is in ${num.country} while the resource account's number is in ${raNum.country}` : '',
      ]
        .filter((s) => s !== '')
        .join(' and ');
      out.push(
        forNumber(num, {
          rule: 'EN4',
          severity: 'error',
          message: `Callback number ${num.e164} of ${p.name} ${what}.`,
          // Words, not the -NumberType value: "an Operator Connect number", "a Calling Plan subscriber number".
          fix: `Use ${numberKindPhrase(isCallingPlanService(raNum.kind) ? 'callingPlanSubscriber' : raNum.kind)} from ${raNum.country}.`,
        }),
      );
    }
  }
}

/** EN7: a callback number belongs to one policy only, once. */
function checkShared(ctx: CheckContext, out: Finding[]): void {
  const owners = new Map<Id, SharedCallingPolicy[]>();
  for (const p of ctx.plan.sharedCallingPolicies) {
    for (const id of p.callbackNumberIds) {
      const list = owners.get(id);
      if (list) list.push(p);
      else owners.set(id, [p]);
    }
  }
  for (const [id, list] of owners) {
    if (list.length < 2) continue;
    const num = ctx.numbers.get(id);
    const names = [...new Set(list.map((p) => p.name))];
    const once = new Set(list).size === 1;
    out.push(
      finding({
        rule: 'EN7',
        severity: 'error',
        message: once
          ? `${num?.e164 ?? id} appears ${list.length} times in the callback list of ${names[0] ?? ''}.`
          : `${num?.e164 ?? id} is a callback number of ${names.length} policies (${names.join(', ')}); a callback number can belong to one policy only.`,
        subject: num?.e164 ?? id,
        subjectKind: 'number',
        subjectId: id,
        fix: 'Keep the number in one policy and give the others their own callback numbers.',
      }),
    );
  }
}

export function checkCallbackNumbers(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const raNumberIds = new Set<Id>();
  for (const ra of ctx.plan.resourceAccounts) if (ra.numberId !== null) raNumberIds.add(ra.numberId);
  for (const p of ctx.plan.sharedCallingPolicies) checkList(ctx, p, raNumberIds, out);
  checkShared(ctx, out);
  return out;
}
