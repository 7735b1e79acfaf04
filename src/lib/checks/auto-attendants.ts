/**
 * Auto attendant rules: association (AA4), dial scope (AA1, AA2), directory search (AA3), names in
 * scope (AA5), extensions (V3, AA7), directory delay (AA8), menu design (AA9), operator (AA10) and
 * limits (AA11).
 */
import type { AutoAttendant, Id, SharedCallingPolicy, User } from '../domain/model.js';
import type { CheckContext } from './context.js';
import { finding } from './finding.js';
import type { FindingInput } from './finding.js';
import { plural } from './numbers.js';
import type { Finding } from './types.js';
import { TENANT_ID } from './types.js';

/** AA5: more names than this left after the dial scope make the search fail. */
export const AA5_MAX_MATCHES = 5;
/** AA11: typed greetings and announcements. */
export const AA11_MAX_GREETING = 1000;

/** Name counts of the plan's users in one site: first names, last names and full names (AA5). */
interface NameCounts {
  first: Map<string, number>;
  last: Map<string, number>;
  full: Map<string, number>;
}

const bump = (m: Map<string, number>, k: string, by = 1) => {
  if (k !== '') m.set(k, (m.get(k) ?? 0) + by);
};

/** "Alex O'Brien" or "O'Brien, Alex" → first / last / full, compared without case. */
function nameParts(u: User): { first: string; last: string; full: string } {
  const raw = (u.displayName || u.upn.split('@')[0] || '').trim().toLocaleLowerCase();
  const comma = raw.indexOf(',');
  const [first, last] =
    comma > 0
      ? [
          raw
            .slice(comma + 1)
            .trim()
            .split(/\s+/)[0] ?? '',
          raw.slice(0, comma).trim(),
        ]
      : [raw.split(/\s+/)[0] ?? '', raw.split(/\s+/).slice(1).pop() ?? ''];
  return { first, last, full: comma > 0 ? `${first} ${last}` : raw.replace(/\s+/g, ' ') };
}

/** Per site id ('' = no site). Built once per check run, only when an auto attendant exists. */
function namesBySite(users: readonly User[]): Map<string, NameCounts> {
  const out = new Map<string, NameCounts>();
  for (const u of users) {
    const key = u.siteId ?? '';
    let c = out.get(key);
    if (!c) out.set(key, (c = { first: new Map(), last: new Map(), full: new Map() }));
    const n = nameParts(u);
    bump(c.first, n.first);
    bump(c.last, n.last);
    bump(c.full, n.full);
  }
  return out;
}

/** Names shared by more than AA5_MAX_MATCHES users, most shared first. */
function crowded(maps: Map<string, number>[]): [string, number][] {
  const total = new Map<string, number>();
  for (const m of maps) for (const [k, n] of m) bump(total, k, n);
  return [...total].filter(([, n]) => n > AA5_MAX_MATCHES).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

const titleCase = (s: string) => s.replace(/(^|[\s'-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toLocaleUpperCase());
const listNames = (list: [string, number][], counts = true) =>
  list
    .slice(0, 3)
    .map(([name, n]) => (counts ? `${titleCase(name)} (${n})` : titleCase(name)))
    .join(', ') + (list.length > 3 ? `, and ${plural(list.length - 3, 'more')}` : '');

/** AA5: the plan's users this auto attendant's search can return, by name. */
function checkNamesInScope(aa: AutoAttendant, names: Map<string, NameCounts>, out: Finding[]): void {
  if (!aa.dialByName) return;
  const scoped =
    aa.dialScopeGroups.length === 0 ? [...names.values()] : [...new Set(aa.dialScopeGroups.flatMap((g) => g.siteIds))].flatMap((s) => names.get(s) ?? []);
  if (scoped.length === 0) return;
  const full = crowded(scoped.map((c) => c.full));
  if (full.length > 0) {
    out.push(
      forAa(aa, {
        rule: 'AA5',
        severity: 'warning',
        message: `In the dial scope of ${aa.name} more than ${AA5_MAX_MATCHES} people share the same full name: ${listNames(full)}. A name search that leaves more than ${AA5_MAX_MATCHES} names fails ("too many names"), so callers cannot reach these users by name at all.`,
        fix: 'Split the dial scope (for example one auto attendant per site or department), offer dial by extension for these users, or tell them apart with -UserNameExtension Office or Department (PowerShell only; a later edit in Teams admin center erases it, AA11).',
      }),
    );
    return;
  }
  const partial = crowded([...scoped.map((c) => c.last), ...scoped.map((c) => c.first)]);
  if (partial.length > 0) {
    out.push(
      forAa(aa, {
        rule: 'AA5',
        severity: 'info',
        message: `In the dial scope of ${aa.name} more than ${AA5_MAX_MATCHES} people share a first or last name: ${listNames(partial, false)}. A caller who says or types only that name hears that too many names were found; the full name works. Counted among the plan's users only; the directory may hold more (heuristic).`,
        fix: 'Tell callers (and the users’ regular contacts) to use the full name, or narrow the dial scope.',
      }),
    );
  }
}

type AaFinding = Omit<FindingInput, 'subject' | 'subjectKind' | 'subjectId'>;

function forAa(aa: AutoAttendant, f: AaFinding): Finding {
  return finding({ ...f, subject: aa.name, subjectKind: 'autoAttendant', subjectId: aa.id });
}

function checkAa(ctx: CheckContext, aa: AutoAttendant, policies: SharedCallingPolicy[], names: Map<string, NameCounts>, out: Finding[]): void {
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

  checkNamesInScope(aa, names, out);

  // AA10: without an operator, calls the auto attendant cannot route (configuration errors, no choice
  // after three menu repeats) are dropped.
  if (aa.operator.trim() === '') {
    out.push(
      forAa(aa, {
        rule: 'AA10',
        severity: 'warning',
        message: `Auto attendant ${aa.name} has no operator: calls it cannot route (for example to a deleted user, or when the caller makes no choice after hearing the menu three times) are dropped.`,
        fix: 'Choose an operator (a person or a receptionist) and enter their UPN in the plan; the generated scripts do not set the operator yet, so also set it in the Teams admin center (auto attendant › Call flow › Operator) or with Set-CsAutoAttendant.',
      }),
    );
  }

  // AA11: a typed greeting may have at most 1,000 characters.
  if (aa.greeting.length > AA11_MAX_GREETING) {
    out.push(
      forAa(aa, {
        rule: 'AA11',
        severity: 'error',
        message: `The greeting of ${aa.name} has ${aa.greeting.length.toLocaleString('en-US')} characters; a typed greeting may have at most ${AA11_MAX_GREETING.toLocaleString('en-US')}.`,
        fix: `Shorten the greeting to ${AA11_MAX_GREETING.toLocaleString('en-US')} characters, or record it as audio (up to 5 MB, .WAV, .MP3 or .WMA).`,
      }),
    );
  }

  // AA9: Microsoft recommends separate auto attendants for dial by name and dial by extension.
  if (aa.dialByName && aa.dialByExtension) {
    out.push(
      forAa(aa, {
        rule: 'AA9',
        severity: 'info',
        message: `${aa.name} offers dial by name and dial by extension on one menu. Microsoft's recommended design is a dial-by-name auto attendant whose key 1 leads to a separate dial-by-extension auto attendant; nested auto attendants reached from one that answered the call need no resource account of their own.`,
        fix: 'Nothing is required; to follow the recommended design, split the directory into two auto attendants after the scripts have run.',
      }),
    );
  }

  // V3: dial by extension needs an extension on every user it should reach.
  if (aa.dialByExtension) {
    let missing = 0;
    let withExtension = 0;
    for (const p of policies) {
      const usage = ctx.usage.get(p.id);
      missing += usage?.withoutExtension ?? 0;
      if (ctx.policyRaKind.get(p.id) === 'directRouting') withExtension += (usage?.users ?? 0) - (usage?.withoutExtension ?? 0);
    }
    // AA7: the auto attendant reads Entra BusinessPhone / Mobile, never the Teams number (LineURI).
    if (withExtension > 0) {
      out.push(
        forAa(aa, {
          rule: 'AA7',
          severity: 'info',
          message: `Dial by extension on ${aa.name} finds its Shared Calling users only through the extension in their Entra BusinessPhone or Mobile attribute, not through their Teams number (+<number>;ext=<extension>). The users script writes it to BusinessPhone with Microsoft Graph and reads it back on every run (a business phone the plan did not write is never overwritten); the rollback script clears it again.`,
          fix: 'Run the users script with the Microsoft Graph modules installed (Connect-MgGraph -Scopes User.ReadWrite.All), or enter the extensions in Entra by hand as +<number>;ext=<extension>.',
        }),
      );
    }
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
  const names = ctx.plan.autoAttendants.some((aa) => aa.dialByName) ? namesBySite(ctx.plan.users) : new Map<string, NameCounts>();
  for (const aa of ctx.plan.autoAttendants) {
    checkAa(ctx, aa, aa.resourceAccountId === null ? [] : (policiesByRa.get(aa.resourceAccountId) ?? []), names, out);
  }
  // AA8: directory changes reach auto attendant search only up to 36 hours later.
  if (ctx.plan.users.length > 0 && ctx.plan.autoAttendants.some((aa) => aa.dialByName || aa.dialByExtension)) {
    out.push(
      finding({
        rule: 'AA8',
        severity: 'info',
        message:
          'Auto attendant search finds new users only after the directory has caught up: up to 24 hours for address-book changes and up to 36 hours for a new user. Dial by name and extension may not find the Shared Calling users until 36 hours after the scripts have run.',
        subject: 'Tenant',
        subjectKind: 'tenant',
        subjectId: TENANT_ID,
        fix: 'Test directory search 36 hours after the users are assigned, not straight away.',
      }),
    );
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
