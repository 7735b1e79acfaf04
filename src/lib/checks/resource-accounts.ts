/** Resource account rules: number (RA1, RA4), licence (RA2), location (RA8), CP/OC specifics (RA9, RA10, C1). */
import type { PhoneNumber, ResourceAccount } from '../domain/model.js';
import { NUMBER_KIND_LABEL } from '../domain/model.js';
import type { CheckContext } from './context.js';
import { raNumber } from './context.js';
import { checklistItem, finding } from './finding.js';
import { isCallingPlanService, isResourceAccountKind } from './numbers.js';
import type { Finding } from './types.js';

/** C1: markets where Calling Plan service numbers cannot be used for Shared Calling. */
export const C1_COUNTRIES: ReadonlySet<string> = new Set(['RO', 'CZ', 'HU', 'SG', 'NZ', 'AU', 'JP']);

type RaFinding = Omit<Parameters<typeof finding>[0], 'subject' | 'subjectKind' | 'subjectId'>;

function forRa(ra: ResourceAccount, f: RaFinding): Finding {
  return finding({ ...f, subject: ra.upn, subjectKind: 'resourceAccount', subjectId: ra.id });
}

/** Older pages still ask for Communications Credits in every case (§8 item 16): say so where admins meet it. */
const RA9_OLDER_RULE =
  'Older Microsoft pages (09/2023) and the cmdlet help still say every such resource account needs a Communications Credits licence; since 09/2024 that holds only for MOSA billing.';

/** RA9: what funds a Calling Plan service number's calls, by the billing type the admin chose. */
function ra9Funding(ra: ResourceAccount): { rule: string; message: string; fix: string } {
  switch (ra.callingPlanBilling) {
    case 'payAsYouGo':
      return {
        rule: 'RA9',
        message: `Confirm that pay-as-you-go is enabled to fund the calls of ${ra.displayName}: with pay-as-you-go billing the Pay-As-You-Go Calling Plan's minutes fund them and no Communications Credits are needed. Unfunded calls play "You are not setup to use this calling feature". ${RA9_OLDER_RULE}`,
        fix: 'Check in the Microsoft 365 admin center that the Calling Plan subscription is billed pay-as-you-go and enabled to fund calls, then tick this item.',
      };
    case 'mosa':
      return {
        rule: 'RA9',
        message: `The Calling Plan subscription behind ${ra.displayName} is billed through a Microsoft Online Subscription Agreement (MOSA) billing account: the resource account needs a Communications Credits licence (MCOPSTNC, also listed as MCOPSTNPP) and a funded credits balance. Unfunded calls play "You are not setup to use this calling feature".`,
        fix: 'Buy Communications Credits (MOSA customers only; with a Cloud Solution Provider the CSP funds them), assign the licence to the resource account, set up funding, then tick this item.',
      };
    default:
      return {
        rule: 'RA9',
        message: `Not known how the Calling Plan subscription behind ${ra.displayName} is billed, which decides how its calls are funded: pay-as-you-go billing funds them with pay-as-you-go minutes; a MOSA billing account needs Communications Credits with a funded balance. ${RA9_OLDER_RULE}`,
        fix: 'Choose the Calling Plan billing type in the resource account settings, make sure that funding is in place, then tick this item.',
      };
  }
}

function checkNumber(ctx: CheckContext, ra: ResourceAccount, num: PhoneNumber | undefined, out: Finding[]): void {
  if (!num) {
    // RA1: the resource account's number carries every inbound and outbound Shared Calling call.
    out.push(
      forRa(ra, {
        rule: 'RA1',
        severity: 'error',
        message: `${ra.displayName} has no phone number; its Shared Calling users would have no caller ID and no inbound line.`,
        fix: 'Assign a Calling Plan service, Operator Connect or Direct Routing number to the resource account.',
      }),
    );
    return;
  }
  if (!isResourceAccountKind(num.kind)) {
    // RA4: only CP service (toll or toll-free), OC and DR numbers can go on a resource account.
    out.push(
      forRa(ra, {
        rule: 'RA4',
        severity: 'error',
        message: `${ra.displayName} has ${num.e164}, a ${NUMBER_KIND_LABEL[num.kind]} number; resource accounts need a Calling Plan service, Operator Connect or Direct Routing number.`,
        fix: 'Replace it with a Calling Plan service number, an Operator Connect number or a Direct Routing number.',
      }),
    );
  }
  // RA8: the number must carry an emergency location (TAC will not save the policy without one).
  const site = num.siteId === null ? undefined : ctx.sites.get(num.siteId);
  const address = site?.address;
  if (!site || !address || address.street.trim() === '' || address.city.trim() === '') {
    out.push(
      forRa(ra, {
        rule: 'RA8',
        severity: 'error',
        message: site
          ? `The number ${num.e164} of ${ra.displayName} belongs to site ${site.name}, which has no emergency address.`
          : `The number ${num.e164} of ${ra.displayName} has no site, so it has no emergency location.`,
        fix: 'Put the number on a site with a complete emergency (civic) address and its LIS location id.',
      }),
    );
  } else if (site.lisLocationId.trim() === '') {
    // RA8 says "must": without the LIS location id the generated runbook cannot pin the location and
    // stops at stage 01, so the planner reports an error too.
    out.push(
      forRa(ra, {
        rule: 'RA8',
        severity: 'error',
        message: `Site ${site.name} has no LIS location id, so the script cannot pin an emergency location on ${num.e164} (${ra.displayName}).`,
        fix: 'Enter the LocationId of the site’s civic address (Get-CsOnlineLisLocation) in the site settings.',
      }),
    );
  }
  if (isCallingPlanService(num.kind)) {
    if (C1_COUNTRIES.has(num.country)) {
      // C1: Shared Calling is not supported with CP service numbers in these markets.
      out.push(
        forRa(ra, {
          rule: 'C1',
          severity: 'error',
          message: `${ra.displayName} uses a Calling Plan service number in ${num.country}; Shared Calling does not support Calling Plan service numbers there.`,
          fix: 'Use an Operator Connect or Direct Routing number for this resource account.',
        }),
      );
    }
    if (!ra.payAsYouGoCallingPlan) {
      // RA9: a CP service number needs a Pay-As-You-Go Calling Plan licence ([LIC-TP] "requires").
      out.push(
        forRa(ra, {
          rule: 'RA9',
          severity: 'error',
          message: `${ra.displayName} has a Calling Plan service number but no Pay-As-You-Go Calling Plan licence, so outbound Shared Calling calls fail.`,
          fix: 'Assign a Pay-As-You-Go Calling Plan licence to the resource account, then fund its calls (pay-as-you-go minutes, or Communications Credits where the Calling Plan subscription is MOSA-billed).',
        }),
      );
    } else {
      // RA9 (09/17/2024): funding depends on the billing account of the Calling Plan subscription.
      const item = checklistItem(ctx.plan, { ...ra9Funding(ra), subject: ra.upn, subjectKind: 'resourceAccount', subjectId: ra.id });
      if (item) out.push(item);
    }
  }
  if (num.kind === 'operatorConnect') {
    // RA10 / C2: support varies by operator.
    const item = checklistItem(ctx.plan, {
      rule: 'RA10',
      message: `Confirm with ${num.operator || 'the operator'} that it supports Shared Calling on ${num.e164} (${ra.displayName}).`,
      subject: ra.upn,
      subjectKind: 'resourceAccount',
      subjectId: ra.id,
      fix: 'Ask the operator, then tick this item.',
    });
    if (item) out.push(item);
  }
}

export function checkResourceAccounts(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const owners = new Map<string, ResourceAccount[]>();
  for (const ra of ctx.plan.resourceAccounts) {
    // RA2: every resource account needs the (free) Teams Phone Resource Account licence.
    if (ra.licence === 'teamsPhoneStandard') {
      out.push(
        forRa(ra, {
          rule: 'RA2',
          severity: 'error',
          message: `${ra.displayName} has a Teams Phone Standard licence; resource accounts must have the Microsoft Teams Phone Resource Account licence instead.`,
          fix: 'Swap licences: replace Teams Phone Standard with Microsoft Teams Phone Resource Account in a single operation.',
        }),
      );
    } else if (ra.licence === 'none') {
      out.push(
        forRa(ra, {
          rule: 'RA2',
          severity: 'error',
          message: `${ra.displayName} has no Microsoft Teams Phone Resource Account licence; the number cannot be assigned without it.`,
          fix: 'Assign the (free) Microsoft Teams Phone Resource Account licence before assigning the number.',
        }),
      );
    }
    const num = raNumber(ctx, ra);
    checkNumber(ctx, ra, num, out);
    if (num) {
      const list = owners.get(num.id);
      if (list) list.push(ra);
      else owners.set(num.id, [ra]);
    }
  }
  // N1: a number can be assigned to one resource account only.
  for (const [numberId, list] of owners) {
    if (list.length < 2) continue;
    const num = ctx.numbers.get(numberId);
    out.push(
      finding({
        rule: 'N1',
        severity: 'error',
        message: `${num?.e164 ?? numberId} is planned for ${list.length} resource accounts (${list.map((r) => r.displayName).join(', ')}); a number can be assigned to one only.`,
        subject: num?.e164 ?? numberId,
        subjectKind: 'number',
        subjectId: numberId,
        fix: 'Give each resource account its own number; several policies can share one resource account (RA6).',
      }),
    );
  }
  return out;
}
