/**
 * The call flow of one Shared Calling policy as data: three lanes (inbound, outbound, emergency),
 * each a chain of steps. Steps the plan lacks are marked `missing` and carry the finding that
 * reports them, so the diagram shows the same words as the Checks screen.
 *
 * Sources: §1 (inbound via the AA, outbound with the resource account's number as caller ID),
 * §2.7 E1, E2, E7 and §2.8 EN1, EN2, EN9, EN10, §7.1 (callback numbers held for 60 minutes).
 */
import type { AutoAttendant, EmergencyCallRoutingPolicy, Id, Plan, SharedCallingPolicy, Site } from '../domain/model.js';
import { NUMBER_KIND_LABEL, userKey } from '../domain/model.js';
import { planIndex } from '../domain/lookup.js';
import type { Finding } from '../checks/types.js';
import type { PlanStatus } from '../status/index.js';
import { formatCount, plural, summarizeUsers } from './text.js';

/** Where a step lives in the app (a workspace area and the object id it can focus). */
export interface FlowLink {
  area: 'overview' | 'users' | 'sites' | 'accounts' | 'policies' | 'emergency';
  detail: string;
}

/** 'problem': an error on the step's objects; 'warning': a warning on them. */
export type StepState = 'ok' | 'missing' | 'problem' | 'warning';

export interface FlowStep {
  id: string;
  /** What the step is ("Auto attendant"). */
  caption: string;
  /** What the plan has there ("Seattle Main Auto Attendant", "Dial by name"). */
  lines: string[];
  /** 'missing': the plan lacks it (dashed red box); 'problem': it exists but a finding blocks it. */
  state: StepState;
  /** Rule id and message of the finding behind a missing step or a problem ('' when fine). */
  rule: string;
  problem: string;
  link: FlowLink | null;
}

export type LaneId = 'inbound' | 'outbound' | 'emergency';

export interface FlowLane {
  id: LaneId;
  title: string;
  steps: FlowStep[];
  /** Sentences shown under the lane (e.g. the emergency location, E7). */
  notes: string[];
}

export interface CallFlow {
  policyId: Id;
  policyName: string;
  users: number;
  lanes: FlowLane[];
}

/** How many names a users step shows before "and N more". */
export const SHOWN_NAMES = 3;
/** How many callback numbers the callback step lists before "+N more". */
export const SHOWN_CALLBACKS = 3;

function step(id: string, caption: string, lines: string[], link: FlowLink | null = null): FlowStep {
  return { id, caption, lines, state: 'ok', rule: '', problem: '', link };
}

function flag(s: FlowStep, state: StepState, f: Finding | undefined, fallbackRule: string, fallback: string): FlowStep {
  return { ...s, state, rule: f?.rule ?? fallbackRule, problem: f?.message ?? fallback };
}

function siteAddress(site: Site): string {
  const a = site.address;
  const cityLine = [a.city, a.region, a.postalCode].filter((s) => s.trim() !== '').join(' ');
  return [a.street, cityLine, site.country].filter((s) => s.trim() !== '').join(', ');
}

interface PolicyUsers {
  total: number;
  names: string[];
  /** Emergency call routing policy id → users ('' = none or unknown). */
  byEmergency: Map<string, number>;
  /** First user without a known emergency policy (for the E1 finding key). */
  firstWithoutEmergency: string;
}

function policyUsers(plan: Plan, policyId: Id): PolicyUsers {
  const known = planIndex(plan).emergencyPolicies;
  const out: PolicyUsers = { total: 0, names: [], byEmergency: new Map(), firstWithoutEmergency: '' };
  for (const u of plan.users) {
    if (u.sharedCallingPolicyId !== policyId) continue;
    out.total++;
    if (out.names.length < SHOWN_NAMES) out.names.push(u.displayName || u.upn);
    const ep = u.emergencyPolicyId !== null && known.has(u.emergencyPolicyId) ? u.emergencyPolicyId : '';
    if (ep === '' && out.firstWithoutEmergency === '') out.firstWithoutEmergency = userKey(u.upn);
    out.byEmergency.set(ep, (out.byEmergency.get(ep) ?? 0) + 1);
  }
  return out;
}

function usersStep(id: string, users: PolicyUsers, policy: SharedCallingPolicy, byKey: Map<string, Finding>): FlowStep {
  const s = summarizeUsers(users.names, users.total, SHOWN_NAMES);
  const lines = users.total === 0 ? ['No users assigned'] : [s.count, ...s.names, ...(s.more ? [s.more] : [])];
  const base = step(id, 'Users', lines, { area: 'users', detail: '' });
  if (users.total > 0) return base;
  return flag(base, 'missing', byKey.get(`P5:${policy.id}`), 'P5', `Policy ${policy.name} has no users.`);
}

function mostUsed(byEmergency: Map<string, number>): { id: string; count: number; others: number } {
  let id = '';
  let count = 0;
  let others = 0;
  for (const [ep, n] of byEmergency) {
    if (ep === '') continue;
    others++;
    if (n > count) {
      id = ep;
      count = n;
    }
  }
  return { id, count, others: Math.max(0, others - 1) };
}

/** The worst error or warning of a list (information never colours a box). */
function worstOf(list: readonly Finding[]): Finding | undefined {
  let best: Finding | undefined;
  for (const f of list) {
    if (f.severity === 'error') return f;
    if (f.severity === 'warning' && !best) best = f;
  }
  return best;
}

/**
 * Build the call flow of one policy from the plan's status model (planStatus(plan, checkPlan(plan))).
 * Each box is coloured from the findings of that policy's objects only: the shared number and
 * caller ID from the resource account and its number (RA1–RA11, C1, N1; V2 of the policy's users
 * for the caller ID), the callback box from the policy's EN findings and its callback numbers
 * (EN3, EN6 …), the emergency routing box from the users' emergency policy, with an E2 error only
 * when it names users of this policy.
 */
export function buildCallFlow(plan: Plan, policyId: Id, status: PlanStatus): CallFlow | null {
  const idx = planIndex(plan);
  const policy = idx.sharedCallingPolicies.get(policyId);
  if (!policy) return null;
  const byKey = new Map<string, Finding>();
  for (const f of status.findings) if (!byKey.has(f.key)) byKey.set(f.key, f);
  const policyStatus = status.policies.get(policy.id);
  const inScope = new Set(policyStatus?.scope ?? []);
  const own = (id: string | null | undefined): readonly Finding[] => (id ? status.of(id).own : []);

  const ra = policy.resourceAccountId === null ? undefined : idx.resourceAccounts.get(policy.resourceAccountId);
  const num = ra?.numberId == null ? undefined : idx.numbers.get(ra.numberId);
  const site = num?.siteId == null ? undefined : idx.sites.get(num.siteId);
  const aa: AutoAttendant | undefined = ra ? plan.autoAttendants.find((a) => a.resourceAccountId === ra.id) : undefined;
  const users = policyUsers(plan, policy.id);

  // The shared number: resource account (P2) with a number (RA1) of a valid kind (RA4).
  const numberStep = (id: string, caption: string, extra: string): FlowStep => {
    const link: FlowLink | null = ra ? { area: 'accounts', detail: ra.id } : { area: 'policies', detail: policy.id };
    if (!ra) {
      return flag(
        step(id, caption, ['No resource account'], link),
        'missing',
        byKey.get(`P2:${policy.id}`),
        'P2',
        `Policy ${policy.name} has no resource account.`,
      );
    }
    if (!num) {
      return flag(
        step(id, caption, ['No number', ra.displayName], link),
        'missing',
        byKey.get(`RA1:${ra.id}`),
        'RA1',
        `${ra.displayName} has no phone number.`,
      );
    }
    const s = step(id, caption, [num.e164, NUMBER_KIND_LABEL[num.kind], extra || ra.displayName], link);
    const bad = byKey.get(`RA4:${ra.id}`) ?? byKey.get(`C1:${ra.id}`);
    return bad && bad.severity === 'error' ? flag(s, 'problem', bad, bad.rule, bad.message) : s;
  };

  // Inbound (§1, AA1–AA4): PSTN caller → shared number → auto attendant → directory search → users.
  const inbound: FlowStep[] = [step('in-caller', 'PSTN caller', ['Outside caller', 'Dials the number', 'or calls a user back'])];
  inbound.push(numberStep('in-number', 'Shared number', ra?.displayName ?? ''));
  let aaStep = step('in-aa', 'Auto attendant', aa ? [aa.name, aa.languageId] : ['None'], ra ? { area: 'accounts', detail: aa?.id ?? ra.id } : null);
  if (ra && !aa) aaStep = flag(aaStep, 'missing', byKey.get(`AA4:${ra.id}`), 'AA4', `${ra.displayName} is not associated with an auto attendant.`);
  else if (!ra) aaStep = flag(aaStep, 'missing', undefined, 'P2', 'No resource account, so no auto attendant answers.');
  inbound.push(aaStep);
  const methods = aa ? [aa.dialByName ? 'Dial by name' : '', aa.dialByExtension ? 'Dial by extension' : ''].filter((m) => m !== '') : [];
  const scope = aa ? (aa.dialScopeGroups.length === 0 ? 'Scope: whole directory' : `Scope: ${aa.dialScopeGroups.map((g) => g.name).join(', ')}`) : '';
  let searchStep = step(
    'in-search',
    'Directory search',
    aa ? [...(methods.length ? methods : ['None']), scope] : ['—'],
    aa ? { area: 'accounts', detail: aa.id } : null,
  );
  if (aa && methods.length === 0)
    searchStep = flag(searchStep, 'missing', byKey.get(`AA3:${aa.id}`), 'AA3', `${aa.name} has neither dial by name nor dial by extension.`);
  else if (aa && byKey.get(`AA1:${aa.id}`)) searchStep = flag(searchStep, 'problem', byKey.get(`AA1:${aa.id}`), 'AA1', '');
  else if (!aa) searchStep = flag(searchStep, 'missing', undefined, 'AA4', 'No auto attendant, so callers cannot search for users.');
  inbound.push(searchStep);
  inbound.push(usersStep('in-users', users, policy, byKey));

  // Outbound (§1): users → the resource account's number as caller ID → PSTN.
  const outbound: FlowStep[] = [
    usersStep('out-users', users, policy, byKey),
    numberStep('out-callerid', 'Caller ID shown', 'Shown to the called party'),
    step('out-pstn', 'PSTN', ['Called party', num ? `sees ${num.e164}` : 'sees no number']),
  ];

  // Emergency (E1, E2, E7, EN1, EN2, EN9): user → emergency routing policy → callback number → user.
  const main = mostUsed(users.byEmergency);
  const ep: EmergencyCallRoutingPolicy | undefined = main.id ? idx.emergencyPolicies.get(main.id) : undefined;
  const dialStrings = ep ? ep.numbers.map((n) => n.dialString).filter((d) => d.trim() !== '') : [];
  const usages = ep ? [...new Set(ep.numbers.map((n) => n.pstnUsage.trim()).filter((u) => u !== ''))] : [];
  const emergency: FlowStep[] = [
    step(
      'em-user',
      'Emergency call',
      [
        users.total > 0 ? `User dials ${dialStrings.join(' or ') || 'an emergency number'}` : 'No users',
        users.total > 0 ? `(${plural(users.total, 'user')} of the policy)` : '',
      ].filter((l) => l !== ''),
      { area: 'users', detail: '' },
    ),
  ];
  const without = users.byEmergency.get('') ?? 0;
  if (ep) {
    const lines = [
      ep.name,
      dialStrings.length ? `Dial strings: ${dialStrings.join(', ')}` : 'No dial strings',
      usages.length ? `PSTN usage: ${usages.join(', ')}` : 'No PSTN usage',
    ];
    if (main.others > 0) lines.push(`+ ${plural(main.others, 'other policy', 'other policies')}`);
    if (without > 0) lines.push(`${plural(without, 'user')} without one`);
    let s = step('em-policy', 'Emergency routing', lines, { area: 'emergency', detail: ep.id });
    // E2 is reported per emergency policy: it belongs here only when it names users of this policy.
    const e2 = [byKey.get(`E2:${ep.id}`), byKey.get(`E5:${ep.id}`)].find((f) => f !== undefined && (f.rule !== 'E2' || inScope.has(f)));
    if (e2) s = flag(s, 'problem', e2, e2.rule, e2.message);
    else if (without > 0) {
      // Prefer the count over one user's finding: the box speaks for the whole policy.
      const e1 = byKey.get(`E1:${policy.id}`);
      s = flag(s, 'problem', e1, 'E1', `${plural(without, 'user')} of ${policy.name} ${without === 1 ? 'has' : 'have'} no emergency call routing policy.`);
    }
    emergency.push(s);
  } else {
    const e1 = byKey.get(`E1:${policy.id}`) ?? byKey.get(`E1:${users.firstWithoutEmergency}`);
    emergency.push(
      users.total === 0
        ? step('em-policy', 'Emergency routing', ['Assigned per user'], { area: 'emergency', detail: '' })
        : flag(
            step('em-policy', 'Emergency routing', ['None assigned'], { area: 'emergency', detail: '' }),
            'missing',
            e1,
            'E1',
            `Users of ${policy.name} have no emergency call routing policy.`,
          ),
    );
  }

  const callbacks = policy.callbackNumberIds.map((id) => idx.numbers.get(id)?.e164 ?? id);
  if (callbacks.length > 0) {
    const shown = callbacks.slice(0, SHOWN_CALLBACKS);
    const rest = callbacks.length - shown.length;
    emergency.push(
      step('em-callback', 'Callback number', [...shown, ...(rest > 0 ? [`+ ${formatCount(rest)} more`] : []), 'held 60 minutes per call'], {
        area: 'policies',
        detail: policy.id,
      }),
    );
    emergency.push(step('em-back', 'Return call', ['Emergency services call back', 'Rings the caller directly (EN9)']));
  } else {
    const f = byKey.get(`EN2:${policy.id}`) ?? byKey.get(`EN1:${policy.id}`);
    emergency.push(
      flag(
        step('em-callback', 'Callback number', ['No callback number:', 'callbacks reach the', 'auto attendant'], { area: 'policies', detail: policy.id }),
        'missing',
        f,
        'EN1',
        `Policy ${policy.name} has no emergency callback numbers, so callbacks reach the auto attendant.`,
      ),
    );
    emergency.push(step('em-back', 'Return call', ['Emergency services call back', `Reaches ${aa ? aa.name : 'the auto attendant'}, not the caller`]));
  }

  const notes: string[] = [];
  const staticLocation = site
    ? `the static location of ${num?.e164 ?? 'the shared number'} (site ${site.name}: ${siteAddress(site)})`
    : num
      ? `the static location of ${num.e164}, which has no site and so no address yet (RA8)`
      : 'the static location of the resource account’s number, which does not exist yet (RA8)';
  notes.push(`Location sent with the call (E7): the Teams client’s dynamic location first; failing that, ${staticLocation}.`);
  if (callbacks.length > 0) {
    notes.push(
      `Caller ID (EN9): the next free of ${plural(callbacks.length, 'callback number')} is sent and held for 60 minutes, so a callback rings the caller directly; when all are held, the first in the list is reused (EN10).`,
    );
  } else {
    notes.push(
      `Caller ID (EN1): with no callback numbers the shared number ${num?.e164 ?? ''} is sent, so a callback reaches the auto attendant.`.replace('  ', ' '),
    );
  }

  // Colour every box that is not missing from the findings of the objects it stands for.
  const aboutUsers = (policyStatus?.scope ?? []).filter((f) => f.subjectKind === 'user' || f.users !== undefined);
  const numberFindings = [...own(ra?.id).filter((f) => f.rule !== 'AA4'), ...own(num?.id)];
  const boxFindings: Record<string, readonly Finding[]> = {
    'in-number': numberFindings,
    'out-callerid': [...numberFindings, ...aboutUsers.filter((f) => f.rule === 'V2')],
    'in-aa': [...own(aa?.id).filter((f) => f.rule !== 'AA1' && f.rule !== 'AA3' && f.rule !== 'V3'), ...own(ra?.id).filter((f) => f.rule === 'AA4')],
    'in-search': own(aa?.id).filter((f) => f.rule === 'AA1' || f.rule === 'AA3' || f.rule === 'V3'),
    'in-users': aboutUsers,
    'out-users': aboutUsers,
    'em-policy': [...own(ep?.id).filter((f) => f.rule !== 'E2' || inScope.has(f)), ...aboutUsers.filter((f) => f.rule === 'E1' || f.rule === 'E2')],
    'em-callback': [...own(policy.id).filter((f) => f.rule.startsWith('EN')), ...policy.callbackNumberIds.flatMap((id) => own(id))],
  };
  const colour = (s: FlowStep): FlowStep => {
    if (s.state !== 'ok') return s;
    const f = worstOf(boxFindings[s.id] ?? []);
    return f ? flag(s, f.severity === 'error' ? 'problem' : 'warning', f, f.rule, f.message) : s;
  };
  const lanes = [inbound, outbound, emergency].map((steps) => steps.map(colour));

  return {
    policyId: policy.id,
    policyName: policy.name,
    users: users.total,
    lanes: [
      { id: 'inbound', title: 'Inbound: a caller dials the shared number', steps: lanes[0] ?? inbound, notes: [] },
      { id: 'outbound', title: 'Outbound: a user calls out', steps: lanes[1] ?? outbound, notes: [] },
      { id: 'emergency', title: 'Emergency call and callback', steps: lanes[2] ?? emergency, notes },
    ],
  };
}

/** One sentence per lane for the diagram's <desc> (screen readers). */
export function narrateCallFlow(flow: CallFlow): string {
  const parts = [`Call flow of Shared Calling policy ${flow.policyName}.`];
  for (const lane of flow.lanes) {
    const chain = lane.steps
      .map((s) => {
        const body = `${s.caption}: ${s.lines.join(', ')}`;
        if (s.state === 'missing') return `${body} (missing: ${s.problem})`;
        if (s.state === 'problem') return `${body} (problem: ${s.problem})`;
        if (s.state === 'warning') return `${body} (warning: ${s.problem})`;
        return body;
      })
      .join(' → ');
    parts.push(`${lane.title}. ${chain}.`);
    parts.push(...lane.notes);
  }
  return parts.join(' ');
}
