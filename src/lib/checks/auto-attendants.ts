/** Auto attendant rules: association (AA4), dial scope (AA1, AA2), directory search (AA3), extensions (V3). */
import type { AutoAttendant, Id, SharedCallingPolicy } from '../domain/model.js';
import type { CheckContext } from './context.js';
import { finding } from './finding.js';
import type { FindingInput } from './finding.js';
import { plural } from './numbers.js';
import type { Finding } from './types.js';

type AaFinding = Omit<FindingInput, 'subject' | 'subjectKind' | 'subjectId'>;

function forAa(aa: AutoAttendant, f: AaFinding): Finding {
  return finding({ ...f, subject: aa.name, subjectKind: 'autoAttendant', subjectId: aa.id });
}

function checkAa(ctx: CheckContext, aa: AutoAttendant, policies: SharedCallingPolicy[], out: Finding[]): void {
  const ra = aa.resourceAccountId === null ? undefined : ctx.resourceAccounts.get(aa.resourceAccountId);
  if (!ra) {
    // AA4: without an associated resource account the auto attendant has no number to answer.
    out.push(
      forAa(aa, {
        rule: 'AA4',
        severity: 'warning',
        message: `Auto attendant ${aa.name} is not associated with a resource account, so no call reaches it.`,
        fix: 'Choose the resource account it answers for (New-CsOnlineApplicationInstanceAssociation), or delete it.',
      }),
    );
  }

  // AA3: callers can only reach Shared Calling users through directory search.
  if (!aa.dialByName && !aa.dialByExtension) {
    out.push(
      forAa(aa, {
        rule: 'AA3',
        severity: 'warning',
        message: `Auto attendant ${aa.name} has neither dial by name nor dial by extension, so callers (including return calls) cannot reach Shared Calling users.`,
        fix: 'Turn on dial by name and/or dial by extension.',
      }),
    );
  }

  // AA1 / AA2: an inclusion scope must cover the sites of the users who share this number.
  if (aa.dialScopeGroups.length > 0 && policies.length > 0) {
    const covered = new Set<Id>();
    for (const g of aa.dialScopeGroups) for (const s of g.siteIds) covered.add(s);
    let outside = 0;
    const names = new Set<string>();
    for (const p of policies) {
      const usage = ctx.usage.get(p.id);
      if (!usage) continue;
      for (const [siteId, count] of usage.bySite) {
        if (siteId !== '' && covered.has(siteId)) continue;
        outside += count;
        names.add(siteId === '' ? 'no site' : (ctx.sites.get(siteId)?.name ?? siteId));
      }
    }
    if (outside > 0) {
      out.push(
        forAa(aa, {
          rule: 'AA1',
          severity: 'warning',
          message: `${plural(outside, 'Shared Calling user is', 'Shared Calling users are')} outside the dial scope of ${aa.name} (${[...names].join(', ')}), so callers cannot find them by name or extension.`,
          fix: 'Add a dial scope group that contains those users, or clear the dial scope so everyone is reachable.',
        }),
      );
    }
  }

  // V3: dial by extension needs an extension on every user it should reach.
  if (aa.dialByExtension) {
    let missing = 0;
    for (const p of policies) missing += ctx.usage.get(p.id)?.withoutExtension ?? 0;
    if (missing > 0) {
      out.push(
        forAa(aa, {
          rule: 'V3',
          severity: 'warning',
          message: `${aa.name} offers dial by extension, but ${plural(missing, 'of its Shared Calling users has', 'of its Shared Calling users have')} no extension.`,
          fix: 'Give those users an extension (a Direct Routing number with ;ext=<extension>), or rely on dial by name.',
        }),
      );
    }
  }
}

export function checkAutoAttendants(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const policiesByRa = new Map<Id, SharedCallingPolicy[]>();
  for (const p of ctx.plan.sharedCallingPolicies) {
    if (p.resourceAccountId === null) continue;
    const list = policiesByRa.get(p.resourceAccountId);
    if (list) list.push(p);
    else policiesByRa.set(p.resourceAccountId, [p]);
  }
  for (const aa of ctx.plan.autoAttendants) {
    checkAa(ctx, aa, aa.resourceAccountId === null ? [] : (policiesByRa.get(aa.resourceAccountId) ?? []), out);
  }
  // AA4: inbound calls to the shared number (and callbacks) land on the AA linked to the resource account.
  for (const ra of ctx.plan.resourceAccounts) {
    if (ctx.autoAttendantsByRa.has(ra.id)) continue;
    out.push(
      finding({
        rule: 'AA4',
        severity: 'warning',
        message: `Resource account ${ra.displayName} is not associated with an auto attendant, so calls to its number (including return calls to Shared Calling users) reach no one.`,
        subject: ra.upn,
        subjectKind: 'resourceAccount',
        subjectId: ra.id,
        fix: 'Associate it with an auto attendant that offers dial by name or extension.',
      }),
    );
  }
  return out;
}
