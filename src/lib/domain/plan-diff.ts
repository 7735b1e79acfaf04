/**
 * What changes between two plans, per object kind and field by field, in words a person reads
 * (references by name, kinds and licences as words). Used to preview a workbook update before
 * anything changes. Pure; objects are matched by id (users by UPN, case-insensitively).
 */
import { NUMBER_KIND_LABEL, userKey, type Plan } from './model.js';

export type DiffKind =
  | 'plan'
  | 'sites'
  | 'numbers'
  | 'resourceAccounts'
  | 'autoAttendants'
  | 'sharedCallingPolicies'
  | 'emergencyPolicies'
  | 'voiceRoutingPolicies'
  | 'users'
  | 'assignmentRules'
  | 'checklist'
  | 'verification'
  | 'importMapping';

export const DIFF_KIND_TITLE: Record<DiffKind, string> = {
  plan: 'Plan settings',
  sites: 'Sites',
  numbers: 'Phone numbers',
  resourceAccounts: 'Resource accounts',
  autoAttendants: 'Auto attendants',
  sharedCallingPolicies: 'Shared Calling policies',
  emergencyPolicies: 'Emergency call routing policies',
  voiceRoutingPolicies: 'Voice routing policies',
  users: 'Users',
  assignmentRules: 'Assignment rules',
  checklist: 'Checklist',
  verification: 'Deployment status',
  importMapping: 'Import column mapping',
};

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface ObjectChange {
  key: string;
  /** The object's name (after the change; before it for a removal). */
  label: string;
  change: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
}

export interface KindDiff {
  kind: DiffKind;
  title: string;
  added: number;
  removed: number;
  changed: number;
  /** At most `limit` items (see diffPlans); the counts are complete. */
  items: ObjectChange[];
}

export interface PlanDiff {
  /** Only kinds with at least one change, in the order of DIFF_KIND_TITLE. */
  kinds: KindDiff[];
  /** Objects added + removed + changed over all kinds. */
  total: number;
}

const LICENCE: Record<string, string> = { teamsPhoneResourceAccount: 'Teams Phone Resource Account', teamsPhoneStandard: 'Teams Phone Standard', none: 'None' };

const FIELD_LABEL: Record<string, string> = {
  upn: 'UPN',
  displayName: 'Display name',
  usageLocation: 'Usage location',
  department: 'Department',
  office: 'Office',
  siteId: 'Site',
  teamsPhone: 'Teams Phone',
  enterpriseVoice: 'Enterprise Voice',
  currentNumber: 'Current number',
  sharedCallingPolicyId: 'Shared Calling policy',
  emergencyPolicyId: 'Emergency policy',
  voiceRoutingPolicyId: 'Voice routing policy',
  extension: 'Extension',
  source: 'Source',
  name: 'Name',
  country: 'Country',
  address: 'Address',
  lisLocationId: 'LIS location id',
  northAmerica: 'North America',
  extensionRange: 'Extension range',
  e164: 'Number',
  kind: 'Kind',
  operator: 'Operator',
  note: 'Note',
  numberId: 'Number',
  licence: 'Licence',
  payAsYouGoCallingPlan: 'Pay-as-you-go Calling Plan',
  languageId: 'Language',
  timeZoneId: 'Time zone',
  dialScopeGroups: 'Dial-scope groups',
  dialByName: 'Dial by name',
  dialByExtension: 'Dial by extension',
  resourceAccountId: 'Resource account',
  description: 'Description',
  callbackNumberIds: 'Callback numbers',
  sizing: 'Custom sizing',
  dynamicEmergencyCalling: 'Dynamic emergency calling',
  numbers: 'Emergency numbers',
  pstnUsages: 'PSTN usages',
  enabled: 'Enabled',
  field: 'Field',
  values: 'Values',
  assign: 'Assigns',
  tenantDomain: 'Tenant domain',
  notes: 'Notes',
  tenant: 'Tenant settings',
  sizingDefaults: 'Sizing defaults',
  done: 'Done',
  status: 'Status',
  detail: 'Detail',
  at: 'Checked',
  value: 'Value',
  key: 'Key',
};

/** Fields that never show as a change: bookkeeping, not content. */
const IGNORED = new Set(['id', 'createdAt', 'updatedAt']);

type Namer = (id: string | null | undefined) => string;

function namers(p: Plan): Record<string, Namer> {
  const by = <T extends { id: string }>(list: readonly T[], label: (t: T) => string): Namer => {
    const m = new Map(list.map((x) => [x.id, label(x)] as const));
    return (id) => (id === null || id === undefined ? '' : (m.get(id) ?? id));
  };
  const site = by(p.sites, (s) => s.name);
  const num = by(p.numbers, (n) => n.e164);
  const ra = by(p.resourceAccounts, (r) => r.upn);
  const scp = by(p.sharedCallingPolicies, (x) => x.name);
  const ecrp = by(p.emergencyPolicies, (x) => x.name);
  const vrp = by(p.voiceRoutingPolicies, (x) => x.name);
  return {
    siteId: site,
    numberId: num,
    resourceAccountId: ra,
    sharedCallingPolicyId: scp,
    emergencyPolicyId: ecrp,
    voiceRoutingPolicyId: vrp,
    callbackNumberIds: num,
    siteIds: site,
  };
}

/** A field value as words: references by name, codes as words, objects as "key: value" lists. */
function show(field: string, v: unknown, names: Record<string, Namer>): string {
  if (v === null || v === undefined || v === '') return '—';
  const namer = names[field];
  if (Array.isArray(v)) {
    if (v.length === 0) return '—';
    return v.map((x) => (typeof x === 'string' ? (namer ? namer(x) : x) : show(field, x, names))).join('; ');
  }
  if (typeof v === 'string') {
    if (namer) return namer(v) || '—';
    if (field === 'kind' && v in NUMBER_KIND_LABEL) return NUMBER_KIND_LABEL[v as keyof typeof NUMBER_KIND_LABEL];
    if (field === 'licence') return LICENCE[v] ?? v;
    return v.length > 200 ? `${v.slice(0, 200)}…` : v;
  }
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${FIELD_LABEL[k] ?? k}: ${show(k, x, names)}`)
      .join(', ');
  }
  return String(v);
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function fieldChanges(before: object, after: object, nb: Record<string, Namer>, na: Record<string, Namer>): FieldChange[] {
  const out: FieldChange[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const k of keys) {
    if (IGNORED.has(k)) continue;
    const b = (before as Record<string, unknown>)[k];
    const a = (after as Record<string, unknown>)[k];
    if (same(b, a)) continue;
    const bs = show(k, b, nb);
    const as = show(k, a, na);
    // A reference to a renamed object is not a change of this object (the rename shows on its own).
    if (bs === as && k in nb) continue;
    out.push({ field: FIELD_LABEL[k] ?? k, before: bs, after: as });
  }
  return out;
}

function diffList<T extends object>(
  kind: DiffKind,
  before: readonly T[],
  after: readonly T[],
  key: (t: T) => string,
  label: (t: T) => string,
  nb: Record<string, Namer>,
  na: Record<string, Namer>,
  limit: number,
): KindDiff {
  const d: KindDiff = { kind, title: DIFF_KIND_TITLE[kind], added: 0, removed: 0, changed: 0, items: [] };
  const old = new Map(before.map((x) => [key(x), x] as const));
  const seen = new Set<string>();
  const push = (c: ObjectChange) => {
    if (d.items.length < limit) d.items.push(c);
  };
  for (const x of after) {
    const k = key(x);
    seen.add(k);
    const b = old.get(k);
    if (b === undefined) {
      d.added++;
      push({ key: k, label: label(x), change: 'added', fields: [] });
    } else if (b !== x) {
      const fields = fieldChanges(b, x, nb, na);
      if (fields.length > 0) {
        d.changed++;
        push({ key: k, label: label(x), change: 'changed', fields });
      }
    }
  }
  for (const [k, b] of old) {
    if (seen.has(k)) continue;
    d.removed++;
    push({ key: k, label: label(b), change: 'removed', fields: [] });
  }
  return d;
}

const entries = <V>(r: Record<string, V>) => Object.entries(r).map(([key, value]) => ({ key, value }));

/**
 * The changes from `before` to `after`. `limit` caps the listed items per kind (a workbook that
 * adds 100,000 users lists the first ones and counts the rest).
 */
export function diffPlans(before: Plan, after: Plan, limit = 500): PlanDiff {
  const nb = namers(before);
  const na = namers(after);
  const byId = <T extends { id: string }>(x: T) => x.id;
  const settings = (p: Plan) => ({ name: p.name, tenantDomain: p.tenantDomain, notes: p.notes, tenant: p.tenant, sizingDefaults: p.sizingDefaults });
  const kinds: KindDiff[] = [
    diffList(
      'plan',
      [settings(before)],
      [settings(after)],
      () => 'plan',
      () => 'This plan',
      nb,
      na,
      limit,
    ),
    diffList('sites', before.sites, after.sites, byId, (s) => s.name, nb, na, limit),
    diffList('numbers', before.numbers, after.numbers, byId, (n) => n.e164, nb, na, limit),
    diffList('resourceAccounts', before.resourceAccounts, after.resourceAccounts, byId, (r) => r.upn, nb, na, limit),
    diffList('autoAttendants', before.autoAttendants, after.autoAttendants, byId, (a) => a.name, nb, na, limit),
    diffList('sharedCallingPolicies', before.sharedCallingPolicies, after.sharedCallingPolicies, byId, (p) => p.name, nb, na, limit),
    diffList('emergencyPolicies', before.emergencyPolicies, after.emergencyPolicies, byId, (p) => p.name, nb, na, limit),
    diffList('voiceRoutingPolicies', before.voiceRoutingPolicies, after.voiceRoutingPolicies, byId, (p) => p.name, nb, na, limit),
    diffList(
      'users',
      before.users,
      after.users,
      (u) => userKey(u.upn),
      (u) => u.upn,
      nb,
      na,
      limit,
    ),
    diffList(
      'assignmentRules',
      before.assignmentRules,
      after.assignmentRules,
      byId,
      (r) => `Rule ${r.field} ${r.operator} ${r.values.join(', ')}`.trim(),
      nb,
      na,
      limit,
    ),
    diffList(
      'checklist',
      entries(before.checklist),
      entries(after.checklist),
      (e) => e.key,
      (e) => e.key,
      nb,
      na,
      limit,
    ),
    diffList(
      'verification',
      entries(before.verification),
      entries(after.verification),
      (e) => e.key,
      (e) => e.key,
      nb,
      na,
      limit,
    ),
    diffList(
      'importMapping',
      entries(before.importMapping),
      entries(after.importMapping),
      (e) => e.key,
      (e) => e.key,
      nb,
      na,
      limit,
    ),
  ].filter((k) => k.added + k.removed + k.changed > 0);
  // The settings "object" always exists on both sides: only its field changes count.
  return { kinds, total: kinds.reduce((n, k) => n + k.added + k.removed + k.changed, 0) };
}

/**
 * The plan to store after an update from a workbook: the workbook's content under the current
 * plan's identity (its id and creation time stay; the workspace stamps updatedAt).
 */
export function planFromWorkbook(current: Plan, read: Plan): Plan {
  return { ...read, id: current.id, createdAt: current.createdAt, updatedAt: current.updatedAt };
}
