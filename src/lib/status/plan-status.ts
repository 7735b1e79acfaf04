/**
 * The one status model: for one plan value (and its verification report), the status of every user,
 * site, Shared Calling policy, number, resource account, auto attendant and emergency / voice
 * routing policy. Every screen, badge and call-flow box reads it; none re-derives a rule or a count.
 *
 * - An object's own findings are those whose subject it is; a finding that names users (an
 *   aggregate of more than AGGREGATE_THRESHOLD users, or E2 reported per emergency policy) also
 *   belongs to each user it names.
 * - A Shared Calling policy depends on its resource account, the account's number and auto
 *   attendants, and its callback numbers: their findings are the policy's "object" findings. Its
 *   scope adds the findings of its users.
 * - A user's status is the worst of their own findings and of their policy's object findings (a
 *   user of a policy whose resource account cannot call out is blocked too).
 * - A site's scope: its own findings (E6), its numbers, resource accounts on them, the policies
 *   whose resource account number is at the site, the site's users and their policies.
 * - Information findings never make anything "not ready".
 * - Deployment: the object's entry in plan.verification, stale when the object changed after the
 *   report (see fingerprint.ts).
 */
import type { Id, Plan, User, VerificationEntry } from '../domain/model.js';
import { userKey } from '../domain/model.js';
import { planIndex } from '../domain/lookup.js';
import type { Finding, Severity, SubjectKind } from '../checks/types.js';
import { TENANT_ID } from '../checks/types.js';
import { isStale, verifiedObject } from './fingerprint.js';

export type Readiness = 'ready' | 'warnings' | 'blocked';
/** Worst finding: 'ok' = none at all, 'info' = notes only. */
export type Level = 'ok' | 'info' | 'warning' | 'error';

export interface Tally {
  errors: number;
  warnings: number;
  notes: number;
}

export interface DeploymentState {
  status: VerificationEntry['status'];
  detail: string;
  at: string;
  /** The object changed in the plan after the report was read. */
  stale: boolean;
}

export interface ObjectStatus {
  kind: SubjectKind;
  id: string;
  /** Findings about the object itself (for a user: also the aggregated findings that name them). */
  own: readonly Finding[];
  /** Findings counted for the object: `own`, plus for policies and sites those of what they depend on and of their users. */
  scope: readonly Finding[];
  tally: Tally;
  /** Worst of `scope` and, for a user, of their policy's object findings. */
  level: Level;
  readiness: Readiness;
  /** A user blocked or warned by their policy rather than by their own findings: the policy's id. */
  via: Id | null;
  deployment: DeploymentState | null;
}

export interface DeploymentProgress {
  deployed: number;
  failed: number;
  missing: number;
  /** Of the above, those whose object changed after the report. */
  stale: number;
  /** No result in the report. */
  unverified: number;
  total: number;
}

export interface GroupStatus extends ObjectStatus {
  /** Users attributed to the object and their readiness. */
  users: number;
  usersReady: number;
  usersWarnings: number;
  usersBlocked: number;
}

export interface PolicyStatus extends GroupStatus {
  /** Ids of the objects the policy depends on (resource account, its number, auto attendants, callback numbers). */
  objects: readonly string[];
  /** Deployment of the policy itself and of its users. */
  progress: DeploymentProgress;
}

export interface PlanStatus {
  findings: readonly Finding[];
  counts: Record<Severity, number>;
  /** Status of any object by id (users: userKey); an unknown id is ready with no findings. */
  of(id: string): ObjectStatus;
  /** Status of plan.users[i]. */
  user(i: number): ObjectStatus;
  /** Per user (index of plan.users): 0 ready, 1 notes, 2 warnings, 3 errors (own or via the policy). */
  userLevels: Uint8Array;
  policies: Map<Id, PolicyStatus>;
  sites: Map<Id, GroupStatus>;
  /** Deployment state of one object by verification kind and id (users: userKey), or null. */
  deployment(kind: string, id: string): DeploymentState | null;
  /** Whether a verification report has been read into the plan. */
  verified: boolean;
  /** Deployment of every verified object and user. */
  progress: DeploymentProgress;
}

export const CODE_LEVEL: readonly Level[] = ['ok', 'info', 'warning', 'error'];

export function readinessOf(errors: number, warnings: number): Readiness {
  return errors > 0 ? 'blocked' : warnings > 0 ? 'warnings' : 'ready';
}

function tallyOf(findings: readonly Finding[]): Tally {
  const t: Tally = { errors: 0, warnings: 0, notes: 0 };
  for (const f of findings) {
    if (f.severity === 'error') t.errors++;
    else if (f.severity === 'warning') t.warnings++;
    else t.notes++;
  }
  return t;
}

function levelOf(t: Tally): Level {
  return t.errors ? 'error' : t.warnings ? 'warning' : t.notes ? 'info' : 'ok';
}

const EMPTY: readonly Finding[] = [];

function emptyProgress(): DeploymentProgress {
  return { deployed: 0, failed: 0, missing: 0, stale: 0, unverified: 0, total: 0 };
}

function countDeployment(p: DeploymentProgress, d: DeploymentState | null): void {
  p.total++;
  if (!d) {
    p.unverified++;
    return;
  }
  if (d.status === 'done') p.deployed++;
  else if (d.status === 'failed') p.failed++;
  else p.missing++;
  if (d.stale) p.stale++;
}

const cache = new WeakMap<Plan, { findings: readonly Finding[]; status: PlanStatus }>();
const indexCache = new WeakMap<readonly User[], Map<string, number>>();

let lastIndex: { users: readonly User[]; map: Map<string, number> } | null = null;

/**
 * userKey → index in plan.users (the first wins), once per users array: edits of anything else
 * reuse it. After an edit of a few users (a new array of the same length, the other user objects
 * unchanged) the previous index is copied and patched instead of lower-casing 100,000 UPNs again.
 */
function userIndexOf(users: readonly User[]): Map<string, number> {
  const hit = indexCache.get(users);
  if (hit) return hit;
  const map = patchedIndex(users) ?? fullIndex(users);
  indexCache.set(users, map);
  lastIndex = { users, map };
  return map;
}

function fullIndex(users: readonly User[]): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < users.length; i++) {
    const k = userKey((users[i] as User).upn);
    if (!map.has(k)) map.set(k, i);
  }
  return map;
}

function patchedIndex(users: readonly User[]): Map<string, number> | null {
  const prev = lastIndex;
  if (!prev || prev.users.length !== users.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < users.length; i++) {
    if (prev.users[i] !== users[i]) {
      changed.push(i);
      if (changed.length > 64) return null;
    }
  }
  const map = new Map(prev.map);
  for (const i of changed) {
    const before = userKey((prev.users[i] as User).upn);
    const after = userKey((users[i] as User).upn);
    if (before === after) continue;
    // A key that another user shares would need "first wins" again: rebuild instead.
    if (map.get(before) !== i || map.has(after)) return null;
    map.delete(before);
    map.set(after, i);
  }
  return map;
}

/** The status model of `plan`, given `findings = checkPlan(plan)`. Cached per plan value; linear in users + findings. */
export function planStatus(plan: Plan, findings: readonly Finding[]): PlanStatus {
  const hit = cache.get(plan);
  if (hit && hit.findings === findings) return hit.status;
  const status = build(plan, findings);
  cache.set(plan, { findings, status });
  return status;
}

function build(plan: Plan, findings: readonly Finding[]): PlanStatus {
  const idx = planIndex(plan);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const n = plan.users.length;
  const userIndex = userIndexOf(plan.users);

  // Own findings by subject id, and per user (index) including the findings that name them.
  const bySubject = new Map<string, Finding[]>();
  const perUser: (Finding[] | undefined)[] = new Array<Finding[] | undefined>(n);
  const addUser = (i: number | undefined, f: Finding) => {
    if (i === undefined) return;
    const list = perUser[i];
    if (list) {
      if (list[list.length - 1] !== f) list.push(f);
    } else perUser[i] = [f];
  };
  for (const f of findings) {
    counts[f.severity]++;
    if (f.subjectKind === 'user') addUser(userIndex.get(f.subjectId), f);
    else {
      const list = bySubject.get(f.subjectId);
      if (list) list.push(f);
      else bySubject.set(f.subjectId, [f]);
    }
    if (f.users) for (const k of f.users) addUser(userIndex.get(k), f);
  }
  const ownOf = (id: string) => bySubject.get(id) ?? EMPTY;

  const verification = plan.verification;
  const verified = Object.keys(verification).length > 0;
  const deploymentOf = (kind: string, id: string, obj: object | undefined): DeploymentState | null => {
    if (!verified) return null;
    const e = verification[`${kind}:${id}`];
    if (!e) return null;
    return { status: e.status, detail: e.detail, at: e.at, stale: isStale(e, obj) };
  };

  const make = (kind: SubjectKind, id: string, own: readonly Finding[], scope: readonly Finding[], obj: object | undefined, dkind = kind): ObjectStatus => {
    const tally = tallyOf(scope);
    return {
      kind,
      id,
      own,
      scope,
      tally,
      level: levelOf(tally),
      readiness: readinessOf(tally.errors, tally.warnings),
      via: null,
      deployment: deploymentOf(dkind, id, obj),
    };
  };

  // Simple objects: their own findings are their scope.
  const objects = new Map<string, ObjectStatus>();
  const simple = (kind: SubjectKind, list: readonly { id: Id }[]) => {
    for (const o of list) if (!objects.has(o.id)) objects.set(o.id, make(kind, o.id, ownOf(o.id), ownOf(o.id), o));
  };
  simple('number', plan.numbers);
  simple('resourceAccount', plan.resourceAccounts);
  simple('autoAttendant', plan.autoAttendants);
  simple('emergencyPolicy', plan.emergencyPolicies);
  simple('voiceRoutingPolicy', plan.voiceRoutingPolicies);
  objects.set(TENANT_ID, make('tenant', TENANT_ID, ownOf(TENANT_ID), ownOf(TENANT_ID), undefined));

  // Policies: the objects they depend on.
  const policyObjects = new Map<Id, string[]>();
  const policySite = new Map<Id, Id>();
  for (const p of plan.sharedCallingPolicies) {
    const ids = [...p.callbackNumberIds];
    const ra = p.resourceAccountId === null ? undefined : idx.resourceAccounts.get(p.resourceAccountId);
    if (ra) {
      ids.push(ra.id);
      if (ra.numberId) ids.push(ra.numberId);
      for (const aa of plan.autoAttendants) if (aa.resourceAccountId === ra.id) ids.push(aa.id);
      const num = ra.numberId === null ? undefined : idx.numbers.get(ra.numberId);
      if (num?.siteId) policySite.set(p.id, num.siteId);
    }
    policyObjects.set(p.id, ids);
  }
  /** The policy's own findings and its objects', without those about users (those count per user). */
  const policyBase = new Map<Id, { findings: Finding[]; tally: Tally }>();
  for (const p of plan.sharedCallingPolicies) {
    const seen = new Set<Finding>();
    const list: Finding[] = [];
    for (const id of [p.id, ...(policyObjects.get(p.id) ?? [])]) {
      for (const f of ownOf(id)) {
        if (f.users || seen.has(f)) continue;
        seen.add(f);
        list.push(f);
      }
    }
    policyBase.set(p.id, { findings: list, tally: tallyOf(list) });
  }

  const userLevels = new Uint8Array(n);
  const userVia = new Uint8Array(n); // 1: the level comes from the policy

  // Policies and sites: scope = base + users' findings, deduplicated.
  const policies = new Map<Id, PolicyStatus>();
  const policyScope = new Map<Id, { seen: Set<Finding>; list: Finding[] }>();
  for (const p of plan.sharedCallingPolicies) {
    if (policyScope.has(p.id)) continue;
    const seen = new Set<Finding>();
    const list: Finding[] = [];
    for (const id of [p.id, ...(policyObjects.get(p.id) ?? [])]) {
      for (const f of ownOf(id)) {
        if (seen.has(f)) continue;
        seen.add(f);
        list.push(f);
      }
    }
    policyScope.set(p.id, { seen, list });
  }
  const siteScope = new Map<Id, { seen: Set<Finding>; list: Finding[] }>();
  const addTo = (s: { seen: Set<Finding>; list: Finding[] } | undefined, fs: Iterable<Finding>) => {
    if (!s) return;
    for (const f of fs) {
      if (s.seen.has(f)) continue;
      s.seen.add(f);
      s.list.push(f);
    }
  };
  for (const site of plan.sites) if (!siteScope.has(site.id)) siteScope.set(site.id, { seen: new Set(), list: [] });
  for (const site of plan.sites) addTo(siteScope.get(site.id), ownOf(site.id));
  for (const num of plan.numbers) if (num.siteId) addTo(siteScope.get(num.siteId), ownOf(num.id));
  for (const ra of plan.resourceAccounts) {
    const num = ra.numberId === null ? undefined : idx.numbers.get(ra.numberId);
    if (num?.siteId) addTo(siteScope.get(num.siteId), ownOf(ra.id));
  }
  for (const [policyId, siteId] of policySite) addTo(siteScope.get(siteId), policyScope.get(policyId)?.list ?? EMPTY);

  interface Counts {
    users: number;
    ready: number;
    warnings: number;
    blocked: number;
  }
  const policyCounts = new Map<Id, Counts>();
  const siteCounts = new Map<Id, Counts>();
  const progressOf = new Map<Id, DeploymentProgress>();
  const allProgress = emptyProgress();
  const sitePolicies = new Map<Id, Set<Id>>();
  const newCounts = (): Counts => ({ users: 0, ready: 0, warnings: 0, blocked: 0 });
  const count = (c: Counts, code: number) => {
    c.users++;
    if (code === 3) c.blocked++;
    else if (code === 2) c.warnings++;
    else c.ready++;
  };
  const userDeployment = (i: number): DeploymentState | null => {
    if (!verified) return null;
    const u = plan.users[i] as User;
    const k = userKey(u.upn);
    const e = verification[`user:${k}`];
    return e ? { status: e.status, detail: e.detail, at: e.at, stale: isStale(e, u) } : null;
  };

  // What one user adds to their policy and their site, looked up once per run of users with the
  // same policy (or site): a plan of 100,000 users mostly repeats a few ids.
  interface PolicyRec {
    id: Id;
    inherited: number;
    counts: Counts;
    scope: { seen: Set<Finding>; list: Finding[] };
    progress: DeploymentProgress;
  }
  interface SiteRec {
    counts: Counts;
    scope: { seen: Set<Finding>; list: Finding[] };
    policies: Set<Id>;
    last: PolicyRec | undefined;
  }
  const policyRecs = new Map<Id, PolicyRec>();
  for (const [id, scope] of policyScope) {
    const base = policyBase.get(id);
    const counts = newCounts();
    policyCounts.set(id, counts);
    const progress = emptyProgress();
    progressOf.set(id, progress);
    policyRecs.set(id, { id, inherited: base?.tally.errors ? 3 : base?.tally.warnings ? 2 : 0, counts, scope, progress });
  }
  const siteRecs = new Map<Id, SiteRec>();
  for (const [id, scope] of siteScope) {
    const counts = newCounts();
    siteCounts.set(id, counts);
    const policiesOfSite = new Set<Id>();
    sitePolicies.set(id, policiesOfSite);
    siteRecs.set(id, { counts, scope, policies: policiesOfSite, last: undefined });
  }
  let lastPid: Id | null | undefined;
  let lastP: PolicyRec | undefined;
  let lastSid: Id | null | undefined;
  let lastS: SiteRec | undefined;
  const users = plan.users;
  for (let i = 0; i < n; i++) {
    const u = users[i] as User;
    const pidRaw = u.sharedCallingPolicyId;
    if (pidRaw !== lastPid) {
      lastPid = pidRaw;
      lastP = pidRaw === null ? undefined : policyRecs.get(pidRaw);
    }
    const sidRaw = u.siteId;
    if (sidRaw !== lastSid) {
      lastSid = sidRaw;
      lastS = sidRaw === null ? undefined : siteRecs.get(sidRaw);
    }
    const pr = lastP;
    const sr = lastS;
    const own = perUser[i];
    let code = 0;
    if (own) {
      for (const f of own) {
        const c = f.severity === 'error' ? 3 : f.severity === 'warning' ? 2 : 1;
        if (c > code) code = c;
        if (code === 3) break;
      }
    }
    if (pr && pr.inherited > code) {
      code = pr.inherited;
      userVia[i] = 1;
    }
    userLevels[i] = code;
    if (pr) count(pr.counts, code);
    if (sr) count(sr.counts, code);
    if (own) {
      if (pr) addTo(pr.scope, own);
      if (sr) addTo(sr.scope, own);
    }
    if (pr && sr && sr.last !== pr) {
      sr.policies.add(pr.id);
      sr.last = pr;
    }
    if (verified) {
      const d = userDeployment(i);
      countDeployment(allProgress, d);
      if (pr) countDeployment(pr.progress, d);
    }
  }
  // The policies of a site's users count towards the site (their objects, once each).
  for (const [sid, set] of sitePolicies) {
    for (const pid of set) {
      const base = policyBase.get(pid);
      if (base) addTo(siteScope.get(sid), base.findings);
    }
  }

  for (const p of plan.sharedCallingPolicies) {
    if (policies.has(p.id)) continue;
    const scope = policyScope.get(p.id)?.list ?? [];
    const s = make('sharedCallingPolicy', p.id, ownOf(p.id), scope, p);
    const c = policyCounts.get(p.id) ?? { users: 0, ready: 0, warnings: 0, blocked: 0 };
    const progress = progressOf.get(p.id) ?? emptyProgress();
    if (verified) {
      countDeployment(progress, s.deployment);
      countDeployment(allProgress, s.deployment);
    }
    policies.set(p.id, {
      ...s,
      users: c.users,
      usersReady: c.ready,
      usersWarnings: c.warnings,
      usersBlocked: c.blocked,
      objects: policyObjects.get(p.id) ?? [],
      progress,
    });
  }
  const sites = new Map<Id, GroupStatus>();
  for (const site of plan.sites) {
    if (sites.has(site.id)) continue;
    const s = make('site', site.id, ownOf(site.id), siteScope.get(site.id)?.list ?? [], site);
    const c = siteCounts.get(site.id) ?? { users: 0, ready: 0, warnings: 0, blocked: 0 };
    sites.set(site.id, { ...s, users: c.users, usersReady: c.ready, usersWarnings: c.warnings, usersBlocked: c.blocked });
  }
  if (verified) {
    for (const [key] of Object.entries(verification)) {
      if (key.startsWith('user:') || key.startsWith('sharedCallingPolicy:')) continue;
      const id = key.slice(key.indexOf(':') + 1);
      countDeployment(allProgress, objects.get(id)?.deployment ?? null);
    }
  }

  const userCache = new Map<number, ObjectStatus>();
  const user = (i: number): ObjectStatus => {
    let s = userCache.get(i);
    if (s) return s;
    const u = plan.users[i];
    if (!u) return make('user', '', EMPTY, EMPTY, undefined);
    const own = perUser[i] ?? EMPTY;
    const tally = tallyOf(own);
    const code = userLevels[i] ?? 0;
    const level = CODE_LEVEL[code] ?? 'ok';
    s = {
      kind: 'user',
      id: userKey(u.upn),
      own,
      scope: own,
      tally,
      level,
      readiness: code === 3 ? 'blocked' : code === 2 ? 'warnings' : 'ready',
      via: userVia[i] ? u.sharedCallingPolicyId : null,
      deployment: userDeployment(i),
    };
    if (userCache.size > 5000) userCache.clear();
    userCache.set(i, s);
    return s;
  };

  const of = (id: string): ObjectStatus => {
    const ui = userIndex.get(id);
    if (ui !== undefined) return user(ui);
    return policies.get(id) ?? sites.get(id) ?? objects.get(id) ?? make('tenant', id, ownOf(id), ownOf(id), undefined);
  };

  const deployment = (kind: string, id: string): DeploymentState | null => {
    if (!verified) return null;
    if (kind === 'user') {
      const ui = userIndex.get(id);
      return ui === undefined ? deploymentOfKey(plan, `user:${id}`) : user(ui).deployment;
    }
    return deploymentOfKey(plan, `${kind}:${id}`);
  };

  return { findings, counts, of, user, userLevels, policies, sites, deployment, verified, progress: allProgress };
}

/** The deployment entry of a verification key, with staleness (for screens listing report entries). */
export function deploymentOfKey(plan: Plan, key: string): DeploymentState | null {
  const e = plan.verification[key];
  if (!e) return null;
  return { status: e.status, detail: e.detail, at: e.at, stale: isStale(e, verifiedObject(plan, key)) };
}
