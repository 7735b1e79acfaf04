/**
 * readPlanWorkbook: the inverse of writePlanWorkbook. A hand-edited workbook is welcome (rows
 * added, reordered or deleted; references typed by name), but the result must be a valid plan:
 * it goes through the plan-file validators (planShape + checkReferences) before it is returned.
 * Throws an Error with a clear message when the workbook is not a plan workbook or is invalid.
 */
import * as XLSX from 'xlsx';
import type {
  AssignmentRule,
  AutoAttendant,
  EmergencyCallRoutingPolicy,
  PhoneNumber,
  Plan,
  ResourceAccount,
  SharedCallingPolicy,
  Site,
  SizingInputs,
  User,
  VoiceRoutingPolicy,
} from '../../domain/model.js';
import { planShape } from '../../plan-file/schema.js';
import { checkReferences } from '../../plan-file/references.js';
import { ExactLookup } from './exact-text.js';
import { table, type Table } from './sheet-read.js';
import { decodeList } from './lists.js';
import { PLAN_FIELD, SHEET, SIZING_LABEL, WORKBOOK_FORMAT, WORKBOOK_VERSION } from './names.js';

const SIZING_KEYS = Object.keys(SIZING_LABEL) as (keyof SizingInputs)[];
const NUMERIC_SIZING = new Set<keyof SizingInputs>([
  'callsPer1000UsersPerYear',
  'busyHourFactor',
  'callsPerHour',
  'reservationMinutes',
  'meanCallMinutes',
  'testCallsPerHour',
  'target',
  'incidentFloor',
]);

const notPlan = (why: string) => new Error(`This is not a plan workbook saved by the planner: ${why}`);

/** name → ids, for references typed by name. */
function index<T extends { id: string }>(list: readonly T[], label: (t: T) => string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const x of list) {
    const k = label(x).trim().toLowerCase();
    const ids = m.get(k);
    if (ids) ids.push(x.id);
    else m.set(k, [x.id]);
  }
  return m;
}

/** The id cell wins; an empty id cell with a name resolves the name; both empty = none. */
function ref(t: Table, r: number, idHeader: string, nameHeader: string, names: Map<string, string[]>, what: string): string | null {
  const id = t.textOrNull(r, idHeader);
  if (id !== null) return id;
  const name = t.text(r, nameHeader).trim();
  if (name === '') return null;
  const ids = names.get(name.toLowerCase()) ?? [];
  if (ids.length === 1 && ids[0] !== undefined) return ids[0];
  if (ids.length === 0) throw new Error(`${t.where(r, nameHeader)}: there is no ${what} "${name}".`);
  throw new Error(`${t.where(r, nameHeader)}: several ${what}s are called "${name}"; fill in the id column.`);
}

function refList(t: Table, r: number, idHeader: string, nameHeader: string, names: Map<string, string[]>, what: string): string[] {
  const ids = t.textOrNull(r, idHeader);
  if (ids !== null) return decodeList(ids, t.where(r, idHeader));
  return decodeList(t.textOrNull(r, nameHeader), t.where(r, nameHeader)).map((name) => {
    const hit = names.get(name.toLowerCase()) ?? [];
    if (hit.length === 1 && hit[0] !== undefined) return hit[0];
    throw new Error(`${t.where(r, nameHeader)}: ${hit.length === 0 ? `there is no ${what}` : `several ${what}s match`} "${name}".`);
  });
}

function rows<T>(t: Table | undefined, f: (r: number, t: Table) => T): T[] {
  return t ? t.rowIndexes.map((r) => f(r, t)) : [];
}

function sizingValue(t: Table, r: number, header: string, key: keyof SizingInputs): unknown {
  if (key === 'includeCallDuration') return t.bool(r, header);
  if (NUMERIC_SIZING.has(key)) return t.num(r, header);
  return t.text(r, header);
}

/** §3.14: a policy's assignment method; workbooks from before group assignment have no column (per user). */
function readAssignment(t: Table, r: number): SharedCallingPolicy['assignment'] {
  const method = t.text(r, 'Assignment').trim();
  if (method === '' || method === 'perUser') return { method: 'perUser' };
  if (method !== 'group') throw new Error(`${t.where(r, 'Assignment')}: "${method.slice(0, 40)}" is not perUser or group.`);
  return {
    method: 'group',
    group: {
      name: t.text(r, 'Group name'),
      objectId: t.text(r, 'Group object id'),
      rank: t.numOrNull(r, 'Group rank') ?? 1,
      existing: t.bool(r, 'Group exists in tenant'),
      hiddenMembership: t.bool(r, 'Group hidden membership'),
      nestedGroups: t.bool(r, 'Group has nested groups'),
    },
  };
}

export function readPlanWorkbook(data: Uint8Array): Plan {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(data, { type: 'array', dense: true, cellFormula: false, cellHTML: false, cellText: false, cellDates: false });
  } catch (e) {
    throw notPlan(`the file is not a readable workbook (${e instanceof Error ? e.message : String(e)}).`);
  }
  const exact = new ExactLookup();
  const ex = table(wb, SHEET.exact, exact);
  if (ex) {
    for (const r of ex.rowIndexes) {
      let json = '';
      for (let i = 1; ex.has(`Exact ${i}`); i++) json += ex.text(r, `Exact ${i}`);
      exact.add(ex.text(r, 'Sheet'), ex.text(r, 'Cell'), ex.text(r, 'Shown'), json);
    }
  }

  const planSheet = table(wb, SHEET.plan, exact);
  if (!planSheet || !planSheet.has('Field') || !planSheet.has('Value')) throw notPlan('it has no "Plan" sheet with Field and Value columns.');
  const fields = new Map<string, number[]>();
  for (const r of planSheet.rowIndexes) {
    const k = planSheet.text(r, 'Field').trim();
    const list = fields.get(k);
    if (list) list.push(r);
    else fields.set(k, [r]);
  }
  const rowOf = (label: string): number => {
    const r = fields.get(label)?.[0];
    if (r === undefined) throw new Error(`The "Plan" sheet has no "${label}" row.`);
    return r;
  };
  const field = (label: string) => planSheet.text(rowOf(label), 'Value');
  const optionalRow = (label: string): boolean => {
    const r = fields.get(label)?.[0];
    return r === undefined ? false : planSheet.bool(r, 'Value');
  };
  if (field(PLAN_FIELD.format) !== WORKBOOK_FORMAT) throw notPlan(`its "Plan" sheet does not say "Format: ${WORKBOOK_FORMAT}".`);
  const version = planSheet.num(rowOf(PLAN_FIELD.version), 'Value');
  if (version > WORKBOOK_VERSION) throw new Error(`This plan workbook was written by a newer planner (version ${version}); update the planner to read it.`);

  const users = table(wb, SHEET.users, exact);
  const sitesT = table(wb, SHEET.sites, exact);
  const numbersT = table(wb, SHEET.numbers, exact);
  const rasT = table(wb, SHEET.resourceAccounts, exact);
  const vrpT = table(wb, SHEET.voiceRouting, exact);
  const ecrpT = table(wb, SHEET.emergency, exact);
  const scpT = table(wb, SHEET.scPolicies, exact);

  const sites = rows(sitesT, (r, t): Site => {
    const from = t.numOrNull(r, 'Extensions from');
    const to = t.numOrNull(r, 'Extensions to');
    return {
      id: t.text(r, 'Site id'),
      name: t.text(r, 'Name'),
      country: t.text(r, 'Country'),
      address: { street: t.text(r, 'Street'), city: t.text(r, 'City'), postalCode: t.text(r, 'Postal code'), region: t.text(r, 'Region') },
      lisLocationId: t.text(r, 'LIS location id'),
      northAmerica: t.bool(r, 'North America'),
      extensionRange: from === null && to === null ? null : { from: from ?? 0, to: to ?? from ?? 0 },
    };
  });
  const siteNames = index(sites, (s) => s.name);

  const numbers = rows(numbersT, (r, t): PhoneNumber => ({
    id: t.text(r, 'Number id'),
    // Validated as E.164 by planShape below.
    e164: t.text(r, 'E.164').trim() as PhoneNumber['e164'],
    kind: t.text(r, 'Kind') as PhoneNumber['kind'], // checked by planShape
    country: t.text(r, 'Country'),
    siteId: ref(t, r, 'Site id', 'Site', siteNames, 'site'),
    operator: t.text(r, 'Operator'),
    note: t.text(r, 'Note'),
    // Workbooks from before brownfield plans have no such column: not existing.
    existing: t.bool(r, 'Exists in tenant'),
  }));
  const numberNames = index(numbers, (n) => n.e164);

  const voiceRoutingPolicies = rows(vrpT, (r, t): VoiceRoutingPolicy => ({
    id: t.text(r, 'Policy id'),
    name: t.text(r, 'Name'),
    description: t.text(r, 'Description'),
    pstnUsages: decodeList(t.textOrNull(r, 'PSTN usages'), t.where(r, 'PSTN usages')),
    existing: t.bool(r, 'Exists in tenant'),
  }));
  const vrpNames = index(voiceRoutingPolicies, (p) => p.name);

  const resourceAccounts = rows(rasT, (r, t): ResourceAccount => ({
    id: t.text(r, 'Resource account id'),
    upn: t.text(r, 'UPN'),
    displayName: t.text(r, 'Display name'),
    numberId: ref(t, r, 'Number id', 'Number', numberNames, 'number'),
    licence: t.text(r, 'Licence') as ResourceAccount['licence'], // checked by planShape
    payAsYouGoCallingPlan: t.bool(r, 'Pay-as-you-go Calling Plan'),
    // Workbooks written before RA9's billing question have no column: 'unknown'.
    callingPlanBilling: (t.text(r, 'Calling Plan billing') || 'unknown') as ResourceAccount['callingPlanBilling'], // checked by planShape
    voiceRoutingPolicyId: ref(t, r, 'Voice routing policy id', 'Voice routing policy', vrpNames, 'voice routing policy'),
    existing: t.bool(r, 'Exists in tenant'),
  }));
  const raNames = index(resourceAccounts, (a) => a.upn);

  const groups = new Map<string, AutoAttendant['dialScopeGroups']>();
  for (const g of rows(table(wb, SHEET.dialScope, exact), (r, t) => ({
    aa: t.text(r, 'Auto attendant id'),
    group: { name: t.text(r, 'Group name'), objectId: t.text(r, 'Group object id'), siteIds: refList(t, r, 'Site ids', 'Sites', siteNames, 'site') },
  }))) {
    const list = groups.get(g.aa);
    if (list) list.push(g.group);
    else groups.set(g.aa, [g.group]);
  }
  const autoAttendants = rows(table(wb, SHEET.autoAttendants, exact), (r, t): AutoAttendant => {
    const id = t.text(r, 'Auto attendant id');
    return {
      id,
      name: t.text(r, 'Name'),
      languageId: t.text(r, 'Language'),
      timeZoneId: t.text(r, 'Time zone'),
      dialScopeGroups: groups.get(id) ?? [],
      dialByName: t.bool(r, 'Dial by name'),
      dialByExtension: t.bool(r, 'Dial by extension'),
      resourceAccountId: ref(t, r, 'Resource account id', 'Resource account', raNames, 'resource account'),
      operator: t.text(r, 'Operator'),
      greeting: t.text(r, 'Greeting'),
      existing: t.bool(r, 'Exists in tenant'),
    };
  });

  const sharedCallingPolicies = rows(scpT, (r, t): SharedCallingPolicy => {
    let sizing: Partial<SizingInputs> | null = null;
    if (t.bool(r, 'Custom sizing')) {
      const s: Record<string, unknown> = {};
      for (const k of SIZING_KEYS) if (t.textOrNull(r, SIZING_LABEL[k]) !== null) s[k] = sizingValue(t, r, SIZING_LABEL[k], k);
      sizing = s as Partial<SizingInputs>; // checked by planShape
    }
    return {
      id: t.text(r, 'Policy id'),
      name: t.text(r, 'Name'),
      description: t.text(r, 'Description'),
      resourceAccountId: ref(t, r, 'Resource account id', 'Resource account', raNames, 'resource account'),
      callbackNumberIds: refList(t, r, 'Callback number ids', 'Callback numbers', numberNames, 'number'),
      sizing,
      assignment: readAssignment(t, r),
      existing: t.bool(r, 'Exists in tenant'),
    };
  });
  const scpNames = index(sharedCallingPolicies, (p) => p.name);

  const entries = new Map<string, EmergencyCallRoutingPolicy['numbers']>();
  for (const e of rows(table(wb, SHEET.emergencyNumbers, exact), (r, t) => ({
    policy: t.text(r, 'Policy id'),
    entry: { dialString: t.text(r, 'Dial string'), dialMask: t.text(r, 'Dial mask'), pstnUsage: t.text(r, 'PSTN usage') },
  }))) {
    const list = entries.get(e.policy);
    if (list) list.push(e.entry);
    else entries.set(e.policy, [e.entry]);
  }
  const emergencyPolicies = rows(ecrpT, (r, t): EmergencyCallRoutingPolicy => {
    const id = t.text(r, 'Policy id');
    return {
      id,
      name: t.text(r, 'Name'),
      description: t.text(r, 'Description'),
      dynamicEmergencyCalling: t.bool(r, 'Dynamic emergency calling'),
      numbers: entries.get(id) ?? [],
      existing: t.bool(r, 'Exists in tenant'),
    };
  });
  const ecrpNames = index(emergencyPolicies, (p) => p.name);

  users?.require(['UPN']);
  const planUsers = rows(users, (r, t): User => {
    const sourceRow = t.numOrNull(r, 'Source row');
    return {
      upn: t.text(r, 'UPN'),
      displayName: t.text(r, 'Display name'),
      usageLocation: t.text(r, 'Usage location'),
      department: t.text(r, 'Department'),
      office: t.text(r, 'Office'),
      siteId: ref(t, r, 'Site id', 'Site', siteNames, 'site'),
      teamsPhone: (t.text(r, 'Teams Phone') || 'unknown') as User['teamsPhone'], // checked by planShape
      enterpriseVoice: (t.text(r, 'Enterprise Voice') || 'unknown') as User['enterpriseVoice'],
      currentNumber: t.text(r, 'Current number'),
      sharedCallingPolicyId: ref(t, r, 'Shared Calling policy id', 'Shared Calling policy', scpNames, 'Shared Calling policy'),
      emergencyPolicyId: ref(t, r, 'Emergency policy id', 'Emergency policy', ecrpNames, 'emergency policy'),
      voiceRoutingPolicyId: ref(t, r, 'Voice routing policy id', 'Voice routing policy', vrpNames, 'voice routing policy'),
      extension: t.text(r, 'Extension'),
      hiddenFromAddressLists: t.bool(r, 'Hidden from address lists'),
      excludedReason: t.text(r, 'Excluded reason'),
      source: sourceRow === null ? null : { file: t.text(r, 'Source file'), row: sourceRow },
    };
  });

  const assignmentRules = rows(table(wb, SHEET.rules, exact), (r, t): AssignmentRule => {
    const assign: AssignmentRule['assign'] = {};
    const siteId = ref(t, r, 'Assign site id', 'Assign site', siteNames, 'site');
    if (siteId !== null) assign.siteId = siteId;
    const scpId = ref(t, r, 'Assign Shared Calling policy id', 'Assign Shared Calling policy', scpNames, 'Shared Calling policy');
    if (scpId !== null) assign.sharedCallingPolicyId = scpId;
    const ecrpId = ref(t, r, 'Assign emergency policy id', 'Assign emergency policy', ecrpNames, 'emergency policy');
    if (ecrpId !== null) assign.emergencyPolicyId = ecrpId;
    const vrpId = ref(t, r, 'Assign voice routing policy id', 'Assign voice routing policy', vrpNames, 'voice routing policy');
    if (vrpId !== null) assign.voiceRoutingPolicyId = vrpId;
    return {
      id: t.text(r, 'Rule id'),
      enabled: t.bool(r, 'Enabled'),
      field: t.text(r, 'Field') as AssignmentRule['field'], // checked by planShape
      operator: t.text(r, 'Operator') as AssignmentRule['operator'],
      values: decodeList(t.textOrNull(r, 'Values'), t.where(r, 'Values')),
      assign,
    };
  });

  // Records are built as entry lists; planShape's `record` refuses reserved keys like __proto__.
  const checklist = rows(table(wb, SHEET.checklist, exact), (r, t) => [t.text(r, 'Key'), { done: t.bool(r, 'Done'), note: t.text(r, 'Note') }] as const);
  const verification = rows(
    table(wb, SHEET.verification, exact),
    (r, t) => [t.text(r, 'Subject'), { status: t.text(r, 'Status'), detail: t.text(r, 'Detail'), at: t.text(r, 'At') }] as const,
  );
  const importMapping = rows(table(wb, SHEET.importMapping, exact), (r, t) => [t.text(r, 'Source header'), t.text(r, 'Field')] as const);

  const sizingDefaults: Record<string, unknown> = {};
  for (const k of SIZING_KEYS) {
    const r = fields.get(SIZING_LABEL[k])?.[0];
    if (r !== undefined) sizingDefaults[k] = sizingValue(planSheet, r, 'Value', k);
  }

  const raw = {
    id: field(PLAN_FIELD.id),
    name: field(PLAN_FIELD.name),
    tenantDomain: field(PLAN_FIELD.tenantDomain),
    notes: (fields.get(PLAN_FIELD.notes) ?? []).map((r) => planSheet.text(r, 'Value')).join(''),
    createdAt: field(PLAN_FIELD.createdAt),
    updatedAt: field(PLAN_FIELD.updatedAt),
    tenant: {
      globalVoiceRoutingHasUsages: field(PLAN_FIELD.globalVr) || 'unknown',
      siteAssignedEmergencyPolicies: planSheet.bool(rowOf(PLAN_FIELD.siteEcrp), 'Value'),
      // Absent in workbooks written before callback-number tags (§3.17): off.
      tagCallbackNumbers: optionalRow(PLAN_FIELD.tagCallbackNumbers),
    },
    sites,
    numbers,
    resourceAccounts,
    autoAttendants,
    sharedCallingPolicies,
    emergencyPolicies,
    voiceRoutingPolicies,
    users: planUsers,
    assignmentRules,
    checklist: entriesToRecord(checklist),
    importMapping: entriesToRecord(importMapping),
    sizingDefaults,
    verification: entriesToRecord(verification),
  };
  try {
    const plan = planShape(raw, 'plan');
    checkReferences(plan);
    return plan;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(`The workbook does not hold a valid plan. ${msg.replace(/^This (is not a valid plan file|plan file is damaged): /, '')}`);
  }
}

/**
 * A record for the validator. Keys are raw cell text, so they are defined as own properties
 * (assignment to `__proto__` would change the prototype); the validator then refuses reserved keys.
 */
function entriesToRecord<V>(entries: readonly (readonly [string, V])[]): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [k, v] of entries) {
    if (Object.prototype.hasOwnProperty.call(out, k)) throw new Error(`The key "${k.slice(0, 60)}" appears twice in the workbook.`);
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
