/**
 * readPlanWorkbook: the inverse of writePlanWorkbook. A workbook edited in a spreadsheet program is
 * welcome: rows added, reordered or deleted; numbers retyped (a number cell or text); references
 * picked by name from the drop-down lists; objects renamed on their own sheet; words or codes for
 * kinds and licences. The result must be a valid plan: each row is checked on its own (so a
 * problem names its sheet, row and column), then the whole plan goes through the plan-file
 * validators (planShape + checkReferences).
 *
 * readWorkbookUpdate() is the lenient form used by the app: a row it cannot take is reported and
 * left as it was in the current plan (or left out when it is new), and the rest is read.
 * readPlanWorkbook() is the strict form of the facade: it throws the first problem.
 */
import * as XLSX from 'xlsx';
import type {
  AssignmentRule,
  AutoAttendant,
  DialScopeGroup,
  EmergencyCallRoutingPolicy,
  EmergencyNumberEntry,
  PhoneNumber,
  Plan,
  ResourceAccount,
  SharedCallingPolicy,
  Site,
  SizingInputs,
  User,
  VoiceRoutingPolicy,
} from '../../domain/model.js';
import { userKey } from '../../domain/model.js';
import { RULE_FIELD_LABEL, RULE_OPERATOR_LABEL } from '../../assign/rules.js';
import { OBJECT_SHAPES, planShape } from '../../plan-file/schema.js';
import { checkReferences } from '../../plan-file/references.js';
import { PlanFileError } from '../../plan-file/validate.js';
import { ExactLookup } from './exact-text.js';
import { CellError, table, type Table } from './sheet-read.js';
import { decodeList, ListError } from './lists.js';
import {
  ASSIGNMENT_WORDS,
  BILLING_WORDS,
  codeOf,
  LICENCE_WORDS,
  NUMBER_KIND_WORDS,
  PLAN_FIELD,
  SHEET,
  SIZING_LABEL,
  VERIFICATION_WORDS,
  WORKBOOK_FORMAT,
  WORKBOOK_VERSION,
  WRITTEN_KIND,
} from './names.js';

type WrittenKind = (typeof WRITTEN_KIND)[keyof typeof WRITTEN_KIND];

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

/** A cell (or row) the reader could not take. row 0 = the whole workbook. */
export interface WorkbookIssue {
  sheet: string;
  /** 1-based sheet row; 0 when the problem is not in one row. */
  row: number;
  column: string;
  message: string;
  /**
   * What happened: the row was kept as it was in the current plan, left out, the whole workbook
   * refused, or (noted) the row was read and only this reference kept as it was.
   */
  outcome: 'kept' | 'skipped' | 'refused' | 'noted';
}

export interface WorkbookRead {
  /** null when the workbook as a whole cannot be read (not a plan workbook, invalid plan). */
  plan: Plan | null;
  issues: WorkbookIssue[];
}

class NotPlanWorkbook extends Error {}
const notPlan = (why: string) => new NotPlanWorkbook(`This is not a plan workbook saved by the planner: ${why}`);

/** name (lower case) → ids, for references typed or picked by name. */
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

interface Names {
  byName: Map<string, string[]>;
  ids: Set<string>;
  /**
   * id → name (lower case) as the workbook was written (its hidden "_names" sheet), else as in the
   * plan being updated; null when neither is known.
   */
  before: Map<string, string> | null;
  /** Records a note (a reference kept although its name cell names nothing). */
  note: (t: Table, r: number, header: string, message: string) => void;
}

/**
 * A reference cell pair: the name a person sees (and picks from a drop-down) and the grey id
 * column. The name wins when it names another object (the person picked one); when it names
 * nothing the plan holds any more (the object was renamed on its own sheet), the id still holds;
 * an empty name cell means none.
 */
function ref(t: Table, r: number, idHeader: string, nameHeader: string, n: Names, what: string): string | null {
  const id = t.textOrNull(r, idHeader) ?? null;
  const nameCell = t.textOrNull(r, nameHeader);
  // A workbook without the name column (older or trimmed): the id alone.
  if (!t.has(nameHeader)) return id;
  const name = (nameCell ?? '').trim();
  if (name === '') {
    // Written workbooks leave the name empty only for "none", for an object whose name is empty,
    // or for an id the plan does not hold (which the reference check then reports).
    if (id !== null && (!n.ids.has(id) || n.byName.get('')?.includes(id))) return id;
    return null;
  }
  const hits = n.byName.get(name.toLowerCase()) ?? [];
  if (id !== null && hits.includes(id)) return id;
  if (hits.length === 1 && hits[0] !== undefined) return hits[0];
  if (hits.length === 0 && id !== null && n.ids.has(id)) {
    // Renamed on its own sheet: the cell still shows the name the object was written with. When
    // that name is not known (a workbook without "_names"), the row keeps its reference and a
    // note says so (a typo would otherwise pass unseen).
    if (n.before === null) {
      n.note(t, r, nameHeader, `there is no ${what} "${name.slice(0, 80)}"; the row keeps the ${what} it had.`);
      return id;
    }
    if (n.before.get(id) === name.toLowerCase()) return id;
  }
  if (hits.length === 0) throw t.error(r, nameHeader, `there is no ${what} "${name.slice(0, 80)}".`);
  throw t.error(r, nameHeader, `several ${what}s are called "${name.slice(0, 80)}"; rename one of them.`);
}

function listCell(t: Table, r: number, header: string): string[] {
  try {
    return decodeList(t.textOrNull(r, header), t.where(r, header));
  } catch (e) {
    if (e instanceof ListError) throw t.error(r, header, e.problem);
    throw e;
  }
}

/** Like ref() for a list of references (callback numbers, dial-scope sites). */
function refList(t: Table, r: number, idHeader: string, nameHeader: string, n: Names, what: string): string[] {
  const ids = t.has(idHeader) ? listCell(t, r, idHeader) : [];
  if (!t.has(nameHeader)) return ids;
  const shown = listCell(t, r, nameHeader);
  // Unchanged entries keep the ids as written (two numbers may share one E.164 under different ids).
  return shown.map((name, i) => {
    const hits = n.byName.get(name.toLowerCase()) ?? [];
    const written = ids[i];
    if (written !== undefined && hits.includes(written)) return written;
    if (hits.length === 1 && hits[0] !== undefined) return hits[0];
    if (hits.length === 0 && written !== undefined && n.ids.has(written) && (n.before === null || n.before.get(written) === name.toLowerCase())) return written;
    // The writer shows an id it cannot name as the id itself.
    if (hits.length === 0 && n.ids.has(name)) return name;
    throw t.error(r, nameHeader, `${hits.length === 0 ? `there is no ${what}` : `several ${what}s match`} "${name.slice(0, 80)}".`);
  });
}

function sizingValue(t: Table, r: number, header: string, key: keyof SizingInputs): unknown {
  if (key === 'includeCallDuration') return t.bool(r, header);
  if (NUMERIC_SIZING.has(key)) return t.num(r, header);
  return t.text(r, header).trim();
}

/** §3.14: a policy's assignment method; workbooks from before group assignment have no column (per user). */
function readAssignment(t: Table, r: number): SharedCallingPolicy['assignment'] {
  const method = codeOf(ASSIGNMENT_WORDS, t.text(r, 'Assignment'));
  if (method === '' || method === 'perUser') return { method: 'perUser' };
  if (method !== 'group')
    throw new CellError(t.sheet, r + 1, 'Assignment', `"${method.slice(0, 40)}" is not "${ASSIGNMENT_WORDS.perUser}" or "${ASSIGNMENT_WORDS.group}".`);
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

/** A number typed by hand may come back as a number cell (1E5) or with spaces: E.164 is text. */
function e164Cell(t: Table, r: number, header: string): string {
  const text = t.text(r, header);
  const digits = text.replace(/[\s\u00a0().-]/g, '');
  if (/^\+?\d{8,15}$/.test(digits)) return digits.startsWith('+') ? digits : `+${digits}`;
  return text;
}

/** A short, readable id for a row a person added without one: `site-dallas`, `site-dallas-2`. */
function newIds<T extends { id: string }>(list: T[], prefix: string, label: (t: T) => string): T[] {
  const taken = new Set(list.map((x) => x.id).filter((id) => id !== ''));
  return list.map((x) => {
    if (x.id !== '') return x;
    const slug =
      label(x)
        .toLowerCase()
        .replace(/@.*$/, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40) || 'new';
    let id = `${prefix}-${slug}`;
    for (let i = 2; taken.has(id); i++) id = `${prefix}-${slug}-${i}`;
    taken.add(id);
    return { ...x, id };
  });
}

/** Field of a row object → its column, for messages from the shape checks. */
type FieldColumns = Record<string, string>;

class Reader {
  readonly issues: WorkbookIssue[] = [];
  /** Names as written, per kind (from the hidden "_names" sheet). */
  readonly written = new Map<string, Map<string, string>>();
  constructor(private readonly base: Plan | null) {}

  names<T extends { id: string }>(list: readonly T[], label: (t: T) => string, kind: WrittenKind, before: (p: Plan) => readonly T[]): Names {
    const written = this.written.get(kind);
    return {
      byName: index(list, label),
      ids: new Set(list.map((x) => x.id)),
      before: written ?? (this.base ? new Map(before(this.base).map((x) => [x.id, label(x).trim().toLowerCase()] as const)) : null),
      note: (t, r, header, message) => this.issues.push({ sheet: t.sheet, row: r + 1, column: header, message, outcome: 'noted' }),
    };
  }

  /**
   * Build one object per data row; each is checked against its shape. A row that fails is
   * reported, and the object of the current plan with the same key is kept in its place.
   */
  rows<T>(
    t: Table | undefined,
    build: (r: number, t: Table) => T,
    check: ((v: unknown, path: string) => T) | null,
    columns: FieldColumns,
    keep?: { key: (r: number, t: Table) => string; old: Map<string, T> },
  ): T[] {
    if (!t) return [];
    const out: T[] = [];
    for (const r of t.rowIndexes) {
      try {
        const value = build(r, t);
        out.push(check ? check(value, 'row') : value);
      } catch (e) {
        const problem = this.problem(t, r, e, columns);
        const old = keep ? keep.old.get(keep.key(r, t)) : undefined;
        if (old !== undefined) out.push(old);
        this.issues.push({ ...problem, outcome: old !== undefined ? 'kept' : 'skipped' });
      }
    }
    return out;
  }

  private problem(t: Table, r: number, e: unknown, columns: FieldColumns): Omit<WorkbookIssue, 'outcome'> {
    if (e instanceof CellError) return { sheet: e.sheet, row: e.row, column: e.column, message: e.problem };
    if (e instanceof PlanFileError) {
      // "This is not a valid plan file: row.address.city should be text but is a number."
      const m = /row((?:\.[A-Za-z0-9]+|\[\d+\])*)\s+(.*)$/.exec(e.message);
      const path = m?.[1] ?? '';
      const field = /^\.([A-Za-z0-9]+)/.exec(path)?.[1] ?? '';
      const sub = /\.([A-Za-z0-9]+)$/.exec(path)?.[1] ?? '';
      const column = columns[`${field}.${sub}`] ?? columns[field] ?? '';
      return { sheet: t.sheet, row: r + 1, column, message: (m?.[2] ?? e.message).replace(/\.$/, '') + '.' };
    }
    throw e;
  }

  oldById<T extends { id: string }>(pick: (p: Plan) => readonly T[]): Map<string, T> {
    return new Map((this.base ? pick(this.base) : []).map((x) => [x.id, x] as const));
  }
}

const byId = (header: string) => (r: number, t: Table) => t.text(r, header);

function read(data: Uint8Array, base: Plan | null): { raw: unknown; reader: Reader } {
  // A Promise or a string here is a programmer error (writePlanWorkbook is async); SheetJS would
  // not say so.
  if (!(data instanceof Uint8Array)) throw new TypeError('readPlanWorkbook expects the workbook bytes (a Uint8Array).');
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(data, { type: 'array', dense: true, cellFormula: false, cellHTML: false, cellText: false, cellDates: false });
  } catch (e) {
    throw notPlan(`the file is not a readable workbook (${e instanceof Error ? e.message : String(e)}).`);
  }
  const reader = new Reader(base);
  const exact = new ExactLookup();
  const ex = table(wb, SHEET.exact, exact);
  if (ex) {
    for (const r of ex.rowIndexes) {
      let json = '';
      for (let i = 1; ex.has(`Exact ${i}`); i++) json += ex.text(r, `Exact ${i}`);
      exact.add(ex.text(r, 'Sheet'), ex.text(r, 'Cell'), ex.text(r, 'Shown'), json);
    }
  }

  const names = table(wb, SHEET.written, exact);
  if (names) {
    for (const r of names.rowIndexes) {
      const kind = names.text(r, 'Kind');
      let m = reader.written.get(kind);
      if (!m) reader.written.set(kind, (m = new Map()));
      m.set(names.text(r, 'Id'), names.text(r, 'Name').trim().toLowerCase());
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
    if (r === undefined) throw notPlan(`the "Plan" sheet has no "${label}" row.`);
    return r;
  };
  const field = (label: string) => planSheet.text(rowOf(label), 'Value');
  const optionalRow = (label: string): boolean => {
    const r = fields.get(label)?.[0];
    return r === undefined ? false : planSheet.bool(r, 'Value');
  };
  if (field(PLAN_FIELD.format) !== WORKBOOK_FORMAT) throw notPlan(`its "Plan" sheet does not say "Format: ${WORKBOOK_FORMAT}".`);
  const version = planSheet.num(rowOf(PLAN_FIELD.version), 'Value');
  if (version > WORKBOOK_VERSION)
    throw new NotPlanWorkbook(`This plan workbook was written by a newer planner (version ${version}); update the planner to read it.`);

  const T = (name: string) => table(wb, name, exact);

  const sites = newIds(
    reader.rows(
      T(SHEET.sites),
      (r, t): Site => {
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
      },
      OBJECT_SHAPES.site,
      {
        name: 'Name',
        country: 'Country',
        'address.street': 'Street',
        'address.city': 'City',
        'address.postalCode': 'Postal code',
        'address.region': 'Region',
        lisLocationId: 'LIS location id',
        extensionRange: 'Extensions from',
      },
      { key: byId('Site id'), old: reader.oldById((p) => p.sites) },
    ),
    'site',
    (s) => s.name,
  );
  const siteNames = reader.names(
    sites,
    (s) => s.name,
    WRITTEN_KIND.site,
    (p) => p.sites,
  );

  const numbers = newIds(
    reader.rows(
      T(SHEET.numbers),
      (r, t): PhoneNumber => ({
        id: t.text(r, 'Number id'),
        // Checked as E.164 by the shape check.
        e164: e164Cell(t, r, 'E.164') as PhoneNumber['e164'],
        kind: codeOf(NUMBER_KIND_WORDS, t.text(r, 'Kind')) as PhoneNumber['kind'], // checked by the shape check
        country: t.text(r, 'Country'),
        siteId: ref(t, r, 'Site id', 'Site', siteNames, 'site'),
        operator: t.text(r, 'Operator'),
        note: t.text(r, 'Note'),
        // Workbooks from before brownfield plans have no such column: not existing.
        existing: t.bool(r, 'Exists in tenant'),
      }),
      OBJECT_SHAPES.phoneNumber,
      { e164: 'E.164', kind: 'Kind', country: 'Country', operator: 'Operator', note: 'Note' },
      { key: byId('Number id'), old: reader.oldById((p) => p.numbers) },
    ),
    'num',
    (n) => n.e164,
  );
  const numberNames = reader.names(
    numbers,
    (n) => n.e164,
    WRITTEN_KIND.number,
    (p) => p.numbers,
  );

  const voiceRoutingPolicies = newIds(
    reader.rows(
      T(SHEET.voiceRouting),
      (r, t): VoiceRoutingPolicy => ({
        id: t.text(r, 'Policy id'),
        name: t.text(r, 'Name'),
        description: t.text(r, 'Description'),
        pstnUsages: listCell(t, r, 'PSTN usages'),
        existing: t.bool(r, 'Exists in tenant'),
      }),
      OBJECT_SHAPES.voiceRoutingPolicy,
      { name: 'Name', description: 'Description', pstnUsages: 'PSTN usages' },
      { key: byId('Policy id'), old: reader.oldById((p) => p.voiceRoutingPolicies) },
    ),
    'vrp',
    (p) => p.name,
  );
  const vrpNames = reader.names(
    voiceRoutingPolicies,
    (p) => p.name,
    WRITTEN_KIND.voiceRoutingPolicy,
    (p) => p.voiceRoutingPolicies,
  );

  const resourceAccounts = newIds(
    reader.rows(
      T(SHEET.resourceAccounts),
      (r, t): ResourceAccount => ({
        id: t.text(r, 'Resource account id'),
        upn: t.text(r, 'UPN'),
        displayName: t.text(r, 'Display name'),
        numberId: ref(t, r, 'Number id', 'Number', numberNames, 'number'),
        licence: codeOf(LICENCE_WORDS, t.text(r, 'Licence')) as ResourceAccount['licence'], // checked by the shape check
        payAsYouGoCallingPlan: t.bool(r, 'Pay-as-you-go Calling Plan'),
        // Workbooks written before RA9's billing question have no such column: 'unknown'.
        callingPlanBilling: (codeOf(BILLING_WORDS, t.text(r, 'Calling Plan billing')) || 'unknown') as ResourceAccount['callingPlanBilling'], // checked by the shape check
        voiceRoutingPolicyId: ref(t, r, 'Voice routing policy id', 'Voice routing policy', vrpNames, 'voice routing policy'),
        existing: t.bool(r, 'Exists in tenant'),
      }),
      OBJECT_SHAPES.resourceAccount,
      { upn: 'UPN', displayName: 'Display name', licence: 'Licence', callingPlanBilling: 'Calling Plan billing' },
      { key: byId('Resource account id'), old: reader.oldById((p) => p.resourceAccounts) },
    ),
    'ra',
    (a) => a.upn,
  );
  const raNames = reader.names(
    resourceAccounts,
    (a) => a.upn,
    WRITTEN_KIND.resourceAccount,
    (p) => p.resourceAccounts,
  );

  let autoAttendants = newIds(
    reader.rows(
      T(SHEET.autoAttendants),
      (r, t): AutoAttendant => ({
        id: t.text(r, 'Auto attendant id'),
        name: t.text(r, 'Name'),
        languageId: t.text(r, 'Language'),
        timeZoneId: t.text(r, 'Time zone'),
        dialScopeGroups: [],
        dialByName: t.bool(r, 'Dial by name'),
        dialByExtension: t.bool(r, 'Dial by extension'),
        resourceAccountId: ref(t, r, 'Resource account id', 'Resource account', raNames, 'resource account'),
        operator: t.text(r, 'Operator'),
        greeting: t.text(r, 'Greeting'),
        existing: t.bool(r, 'Exists in tenant'),
      }),
      OBJECT_SHAPES.autoAttendant,
      { name: 'Name', languageId: 'Language', timeZoneId: 'Time zone', operator: 'Operator', greeting: 'Greeting' },
      { key: byId('Auto attendant id'), old: reader.oldById((p) => p.autoAttendants) },
    ),
    'aa',
    (a) => a.name,
  );
  const aaNames = reader.names(
    autoAttendants,
    (a) => a.name,
    WRITTEN_KIND.autoAttendant,
    (p) => p.autoAttendants,
  );
  const keptAas = new Set(autoAttendants.filter((a) => a.dialScopeGroups.length > 0).map((a) => a.id));
  const groups = new Map<string, DialScopeGroup[]>();
  for (const g of reader.rows(
    T(SHEET.dialScope),
    (r, t) => {
      const aa = ref(t, r, 'Auto attendant id', 'Auto attendant', aaNames, 'auto attendant');
      if (aa === null) throw t.error(r, 'Auto attendant', 'each dial-scope group needs its auto attendant.');
      const group = OBJECT_SHAPES.dialScopeGroup(
        { name: t.text(r, 'Group name'), objectId: t.text(r, 'Group object id'), siteIds: refList(t, r, 'Site ids', 'Sites', siteNames, 'site') },
        'row',
      );
      return { aa, group };
    },
    null,
    { name: 'Group name', objectId: 'Group object id', siteIds: 'Sites' },
  )) {
    const list = groups.get(g.aa);
    if (list) list.push(g.group);
    else groups.set(g.aa, [g.group]);
  }
  // An auto attendant kept as it was keeps its own groups.
  autoAttendants = autoAttendants.map((a) => (keptAas.has(a.id) ? a : { ...a, dialScopeGroups: groups.get(a.id) ?? [] }));

  const sharedCallingPolicies = newIds(
    reader.rows(
      T(SHEET.scPolicies),
      (r, t): SharedCallingPolicy => {
        let sizing: Partial<SizingInputs> | null = null;
        if (t.bool(r, 'Custom sizing')) {
          const s: Record<string, unknown> = {};
          for (const k of SIZING_KEYS) if (t.textOrNull(r, SIZING_LABEL[k]) !== null) s[k] = sizingValue(t, r, SIZING_LABEL[k], k);
          sizing = s as Partial<SizingInputs>; // checked by the shape check
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
      },
      OBJECT_SHAPES.sharedCallingPolicy,
      {
        name: 'Name',
        description: 'Description',
        callbackNumberIds: 'Callback numbers',
        assignment: 'Assignment',
        'assignment.name': 'Group name',
        'assignment.objectId': 'Group object id',
        'assignment.rank': 'Group rank',
        ...Object.fromEntries(SIZING_KEYS.map((k) => [`sizing.${k}`, SIZING_LABEL[k]])),
      },
      { key: byId('Policy id'), old: reader.oldById((p) => p.sharedCallingPolicies) },
    ),
    'scp',
    (p) => p.name,
  );
  const scpNames = reader.names(
    sharedCallingPolicies,
    (p) => p.name,
    WRITTEN_KIND.sharedCallingPolicy,
    (p) => p.sharedCallingPolicies,
  );

  let emergencyPolicies = newIds(
    reader.rows(
      T(SHEET.emergency),
      (r, t): EmergencyCallRoutingPolicy => ({
        id: t.text(r, 'Policy id'),
        name: t.text(r, 'Name'),
        description: t.text(r, 'Description'),
        dynamicEmergencyCalling: t.bool(r, 'Dynamic emergency calling'),
        numbers: [],
        existing: t.bool(r, 'Exists in tenant'),
      }),
      OBJECT_SHAPES.emergencyPolicy,
      { name: 'Name', description: 'Description' },
      { key: byId('Policy id'), old: reader.oldById((p) => p.emergencyPolicies) },
    ),
    'ecrp',
    (p) => p.name,
  );
  const ecrpNames = reader.names(
    emergencyPolicies,
    (p) => p.name,
    WRITTEN_KIND.emergencyPolicy,
    (p) => p.emergencyPolicies,
  );
  const keptEcrps = new Set(emergencyPolicies.filter((p) => p.numbers.length > 0).map((p) => p.id));
  const entries = new Map<string, EmergencyNumberEntry[]>();
  for (const e of reader.rows(
    T(SHEET.emergencyNumbers),
    (r, t) => {
      const policy = ref(t, r, 'Policy id', 'Policy', ecrpNames, 'emergency policy');
      if (policy === null) throw t.error(r, 'Policy', 'each emergency number needs its policy.');
      const entry = OBJECT_SHAPES.emergencyNumber(
        { dialString: t.text(r, 'Dial string'), dialMask: t.text(r, 'Dial mask'), pstnUsage: t.text(r, 'PSTN usage') },
        'row',
      );
      return { policy, entry };
    },
    null,
    { dialString: 'Dial string', dialMask: 'Dial mask', pstnUsage: 'PSTN usage' },
  )) {
    const list = entries.get(e.policy);
    if (list) list.push(e.entry);
    else entries.set(e.policy, [e.entry]);
  }
  emergencyPolicies = emergencyPolicies.map((p) => (keptEcrps.has(p.id) ? p : { ...p, numbers: entries.get(p.id) ?? [] }));

  const usersT = T(SHEET.users);
  if (usersT && !usersT.has('UPN')) throw notPlan('the sheet "Users" has no column "UPN".');
  const oldUsers = new Map((base?.users ?? []).map((u) => [userKey(u.upn), u] as const));
  const planUsers = reader.rows(
    usersT,
    (r, t): User => {
      const sourceRow = t.numOrNull(r, 'Source row');
      const upn = t.text(r, 'UPN');
      return {
        upn,
        displayName: t.text(r, 'Display name'),
        usageLocation: t.text(r, 'Usage location'),
        department: t.text(r, 'Department'),
        office: t.text(r, 'Office'),
        siteId: ref(t, r, 'Site id', 'Site', siteNames, 'site'),
        teamsPhone: (t.text(r, 'Teams Phone').trim().toLowerCase() || 'unknown') as User['teamsPhone'], // checked by the shape check
        enterpriseVoice: (t.text(r, 'Enterprise Voice').trim().toLowerCase() || 'unknown') as User['enterpriseVoice'],
        currentNumber: t.text(r, 'Current number'),
        sharedCallingPolicyId: ref(t, r, 'Shared Calling policy id', 'Shared Calling policy', scpNames, 'Shared Calling policy'),
        emergencyPolicyId: ref(t, r, 'Emergency policy id', 'Emergency policy', ecrpNames, 'emergency policy'),
        voiceRoutingPolicyId: ref(t, r, 'Voice routing policy id', 'Voice routing policy', vrpNames, 'voice routing policy'),
        extension: t.text(r, 'Extension'),
        hiddenFromAddressLists: t.bool(r, 'Hidden from address lists'),
        excludedReason: t.text(r, 'Excluded reason'),
        source: sourceRow === null ? null : { file: t.text(r, 'Source file'), row: sourceRow },
      };
    },
    OBJECT_SHAPES.user,
    {
      upn: 'UPN',
      displayName: 'Display name',
      usageLocation: 'Usage location',
      department: 'Department',
      office: 'Office',
      teamsPhone: 'Teams Phone',
      enterpriseVoice: 'Enterprise Voice',
      currentNumber: 'Current number',
      extension: 'Extension',
      hiddenFromAddressLists: 'Hidden from address lists',
      excludedReason: 'Excluded reason',
      source: 'Source row',
    },
    { key: (r, t) => userKey(t.text(r, 'UPN')), old: oldUsers },
  );

  const assignmentRules = newIds(
    reader.rows(
      T(SHEET.rules),
      (r, t): AssignmentRule => {
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
          field: codeOf(RULE_FIELD_LABEL, t.text(r, 'Field')) as AssignmentRule['field'], // checked by the shape check
          operator: codeOf(RULE_OPERATOR_LABEL, t.text(r, 'Operator')) as AssignmentRule['operator'],
          values: listCell(t, r, 'Values'),
          assign,
        };
      },
      OBJECT_SHAPES.assignmentRule,
      { field: 'Field', operator: 'Operator', values: 'Values' },
      { key: byId('Rule id'), old: reader.oldById((p) => p.assignmentRules) },
    ),
    'rule',
    () => 'new',
  );

  // Records are built as entry lists; planShape's `record` refuses reserved keys like __proto__.
  const checklist = reader.rows(
    T(SHEET.checklist),
    (r, t) => [t.text(r, 'Key'), OBJECT_SHAPES.checklistEntry({ done: t.bool(r, 'Done'), note: t.text(r, 'Note') }, 'row')] as const,
    null,
    { done: 'Done', note: 'Note' },
  );
  const verification = reader.rows(
    T(SHEET.verification),
    (r, t) =>
      [
        t.text(r, 'Subject'),
        OBJECT_SHAPES.verificationEntry({ status: codeOf(VERIFICATION_WORDS, t.text(r, 'Status')), detail: t.text(r, 'Detail'), at: t.text(r, 'At') }, 'row'),
      ] as const,
    null,
    { status: 'Status', detail: 'Detail', at: 'At' },
  );
  const importMapping = reader.rows(T(SHEET.importMapping), (r, t) => [t.text(r, 'Source header'), t.text(r, 'Field')] as const, null, {});

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
      globalVoiceRoutingHasUsages: field(PLAN_FIELD.globalVr).trim().toLowerCase() || 'unknown',
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
  return { raw, reader };
}

function finish(raw: unknown): Plan {
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
 * Read a workbook leniently, for updating `base` (or opening it as a new plan when base is null):
 * every row it cannot take is an issue, and the rest is read. Never throws on bad input.
 */
export function readWorkbookUpdate(data: Uint8Array, base: Plan | null): WorkbookRead {
  try {
    const { raw, reader } = read(data, base);
    try {
      return { plan: finish(raw), issues: reader.issues };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { plan: null, issues: [...reader.issues, { sheet: '', row: 0, column: '', message, outcome: 'refused' }] };
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const cell = e instanceof CellError ? { sheet: e.sheet, row: e.row, column: e.column, message: e.problem } : { sheet: '', row: 0, column: '', message };
    return { plan: null, issues: [{ ...cell, outcome: 'refused' }] };
  }
}

/** One line for an issue: `Sheet "Users", row 4, column "Site": there is no site "Atlantis".` */
export function describeWorkbookIssue(i: WorkbookIssue): string {
  if (i.row === 0 && i.sheet === '') return i.message;
  return `Sheet "${i.sheet}", row ${i.row}${i.column ? `, column "${i.column}"` : ''}: ${i.message}`;
}

/** The strict inverse of writePlanWorkbook: throws an Error naming the first cell it cannot take. */
export function readPlanWorkbook(data: Uint8Array): Plan {
  const { raw, reader } = read(data, null);
  const first = reader.issues.find((i) => i.outcome !== 'noted');
  if (first) throw new Error(describeWorkbookIssue(first));
  return finish(raw);
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
