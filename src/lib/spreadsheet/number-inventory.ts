/**
 * Number inventory import (issue 12 item 1): the tenant's numbers from the files admins have.
 *
 *  - `Export-CsAcquiredPhoneNumber` (§3.17): TelephoneNumber, NumberType, LocationId, CivicAddressId,
 *    AcquiredCapabilities, AssignmentStatus, IsoCountryCode, TargetId, TargetType, AssignmentCategory,
 *    NumberSource (any subset, `-Property`);
 *  - `Get-CsPhoneNumberAssignment | Export-Csv` (§3.8), with or without Windows PowerShell's `#TYPE`
 *    line: TelephoneNumber, NumberType, Capability, AssignedPstnTargetId, PstnAssignmentStatus,
 *    IsoCountryCode, LocationId, PstnPartnerName … (an array property written by Export-Csv is only its
 *    type name, `System.Collections.Generic.List…`: then the capabilities are unknown and said so);
 *  - the Teams admin center's phone number export (Voice › Phone numbers › Export): "Phone number",
 *    "Number type", "Usage", "Assigned to", "Country or region", "Location", "Operator", "Capabilities";
 *  - a carrier's plain list: one number per row, or a range "first - last" (the last written in full
 *    or as its trailing digits: "+1 206 555 0100 - 0199").
 *
 * Never throws: every problem is a RowIssue, as in parseUserList.
 */
import type { CountryCode, E164, NumberKind, Plan } from '../domain/model.js';
import { numberKindHint, toE164 } from '../domain/phone.js';
import { loadFile } from './load-file.js';
import type { Grid } from './grid.js';
import { isBlankRow } from './grid.js';
import { rowTexts } from './header-row.js';
import type { RowIssue } from './types.js';

export type NumberInventoryLayout = 'export-acquired-phone-number' | 'get-phone-number-assignment' | 'admin-center' | 'carrier-list' | 'unknown';

export interface InventoryNumber {
  /** E.164. */
  number: E164;
  kind: NumberKind;
  /** ISO 3166-1 alpha-2 ('' when neither the file nor the number says). */
  country: CountryCode;
  /** Object id (or, in the admin center export, the name) the number is assigned to; '' = free. */
  assignedTo: string;
  /** 'User', 'ResourceAccount', 'Policy', 'VoiceApp', 'Conference' … as the file says; '' = unknown. */
  targetType: string;
  /** LIS location GUID pinned on the number; '' = none or not in the file. */
  locationId: string;
  /** Acquired capabilities (UserAssignment, VoiceApplicationAssignment, SharedCalling …); null = not in the file. */
  capabilities: string[] | null;
  /** Operator (Operator Connect), when the file names it. */
  operator: string;
  /** How the kind was decided when the file does not state it outright; '' = stated by the file. */
  inferred: string;
  /** 1-based row. */
  row: number;
}

export interface NumberInventoryResult {
  layout: NumberInventoryLayout;
  numbers: InventoryNumber[];
  issues: RowIssue[];
}

/** One range expands to at most this many numbers (a Direct Routing upload takes 10,000, §3.16). */
export const MAX_INVENTORY_RANGE = 10_000;
/** Numbers per file. */
export const MAX_INVENTORY_NUMBERS = 200_000;
const MAX_ISSUES = 2_000;
const SCAN_ROWS = 50;

const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Header (normalized) → field, per source. */
const HEADERS: Record<string, string> = {
  telephonenumber: 'number',
  phonenumber: 'number',
  number: 'number',
  numbers: 'number',
  did: 'number',
  didnumber: 'number',
  e164: 'number',
  numbertype: 'numberType',
  acquiredcapabilities: 'capabilities',
  capability: 'capabilities',
  capabilities: 'capabilities',
  isocountrycode: 'country',
  countryorregion: 'country',
  country: 'country',
  countryregion: 'country',
  targetid: 'target',
  assignedpstntargetid: 'target',
  assignedto: 'target',
  targettype: 'targetType',
  usage: 'usage',
  numberusage: 'usage',
  locationid: 'locationId',
  pstnpartnername: 'operator',
  operator: 'operator',
  operatorname: 'operator',
  assignmentstatus: 'status',
  pstnassignmentstatus: 'status',
  numbercategory: 'category',
  range: 'number',
  numberrange: 'number',
};

const EXPORT_MARKERS = ['acquiredcapabilities', 'targettype'];
const PNA_MARKERS = ['assignedpstntargetid', 'pstnassignmentstatus', 'activationstate', 'pstnpartnerid', 'capability', 'operatorid'];
const TAC_MARKERS = ['assignedto', 'usage', 'numberusage', 'countryorregion'];

const issue = (issues: RowIssue[], i: RowIssue) => {
  if (issues.length < MAX_ISSUES) issues.push(i);
};

function fileResult(code: string, message: string): NumberInventoryResult {
  return { layout: 'unknown', numbers: [], issues: [{ row: 0, severity: 'error', code, message }] };
}

/** The header row (0-based) and its cells; -1 for a headerless list. */
function findHeader(grid: Grid): { row: number; cells: string[] } {
  const limit = Math.min(grid.rowCount, SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    if (isBlankRow(grid, r)) continue;
    const cells = rowTexts(grid, r);
    if (cells.length === 1 && cells[0]!.startsWith('#TYPE')) continue;
    if (cells.some((c) => HEADERS[norm(c)] === 'number')) return { row: r, cells };
    // A first row that is itself a number: a list without a header.
    if (cells.length >= 1 && /^[+(\d]/.test(cells[0]!)) return { row: -1, cells: [] };
  }
  return { row: -2, cells: [] };
}

/** `Capability` / `AcquiredCapabilities` cell → list; null when Export-Csv wrote only a type name. */
function capabilityList(text: string): string[] | null {
  const t = text.trim();
  if (t === '' || /^System\./.test(t)) return null;
  return t
    .replace(/^[[{(]|[\]})]$/g, '')
    .split(/[,;|\s]+/)
    .map((s) => s.replace(/^["']|["']$/g, '').trim())
    .filter((s) => s !== '');
}

const isServiceCapable = (caps: readonly string[]) => caps.some((c) => /^(VoiceApplicationAssignment|ConferenceAssignment)$/i.test(c));
const isUserCapable = (caps: readonly string[]) => caps.some((c) => /^UserAssignment$/i.test(c));

interface KindFacts {
  numberType: string;
  capabilities: string[] | null;
  usage: string;
  category: string;
  tollFree: boolean;
}

/** NumberKind from what the row says; `inferred` tells how when the file does not state it. */
function kindOf(f: KindFacts, layout: NumberInventoryLayout): { kind: NumberKind; inferred: string } | { error: string } {
  const t = norm(f.numberType);
  if (t === 'directrouting') return { kind: 'directRouting', inferred: '' };
  if (t === 'operatorconnect' || t === 'ocmobile' || t === 'teamsphonemobile') return { kind: 'operatorConnect', inferred: '' };
  if (t === '' && layout === 'carrier-list') {
    return {
      kind: 'directRouting',
      inferred: 'The list does not say the kind: taken as Direct Routing. Change it if the carrier provides Operator Connect numbers.',
    };
  }
  if (t !== 'callingplan' && t !== '')
    return { error: `"${f.numberType.slice(0, 40)}" is not a number type the planner knows (CallingPlan, OperatorConnect or DirectRouting).` };
  if (t === '') return { error: 'The row has no number type.' };
  // Calling Plan: subscriber (user) or service (toll / toll-free). The category is authoritative.
  const cat = norm(f.category);
  if (cat === 'subscriber' || cat === 'user') return { kind: 'callingPlanSubscriber', inferred: '' };
  if (cat === 'tollfree') return { kind: 'callingPlanTollFreeService', inferred: '' };
  if (cat === 'service')
    return { kind: f.tollFree ? 'callingPlanTollFreeService' : 'callingPlanService', inferred: f.tollFree ? 'Toll-free service: from the number itself.' : '' };
  const usage = norm(f.usage);
  if (usage === 'user') return { kind: 'callingPlanSubscriber', inferred: 'Subscriber: from the usage "User".' };
  if (usage === 'voiceapp' || usage === 'conference' || usage === 'service' || usage === 'voiceapplication' || usage === 'conferencing') {
    return {
      kind: f.tollFree ? 'callingPlanTollFreeService' : 'callingPlanService',
      inferred: `Service${f.tollFree ? ' (toll-free)' : ''}: from the usage "${f.usage}".`,
    };
  }
  if (f.capabilities !== null) {
    if (isUserCapable(f.capabilities) && !isServiceCapable(f.capabilities))
      return { kind: 'callingPlanSubscriber', inferred: 'Subscriber: from its capabilities (UserAssignment).' };
    if (isServiceCapable(f.capabilities) && !isUserCapable(f.capabilities)) {
      return {
        kind: f.tollFree ? 'callingPlanTollFreeService' : 'callingPlanService',
        inferred: `Service${f.tollFree ? ' (toll-free)' : ''}: from its capabilities (${f.capabilities.join(', ')}).`,
      };
    }
  }
  if (f.tollFree) return { kind: 'callingPlanTollFreeService', inferred: 'Toll-free service: from the number itself (the file gives no usable capabilities).' };
  return {
    kind: 'callingPlanSubscriber',
    inferred:
      f.capabilities === null
        ? 'Subscriber assumed: the file gives no capabilities (Export-Csv writes a list property as its type name). Check service numbers.'
        : 'Subscriber assumed: its capabilities fit both kinds.',
  };
}

/** A cell that may hold a range: "A - B", "A to B", "A – B"; B in full or as trailing digits. */
function expand(text: string, region: string | undefined): { numbers: E164[]; country?: string } | { error: string } {
  const m = /^(.+?)\s*(?:-|–|—|\.\.|\bto\b)\s*(\+?[\d\s().-]{2,})$/i.exec(text.trim());
  // A plain national number such as 206-555-0100 also contains dashes: only treat it as a range
  // when the start is a whole number by itself.
  if (m) {
    const first = toE164(m[1]!, region);
    if (first.ok) {
      const lastText = m[2]!.replace(/[\s().-]/g, '');
      let last: string;
      if (lastText.startsWith('+')) last = lastText;
      else if (lastText.length >= first.e164.length - 1) last = `+${lastText}`;
      else last = first.e164.slice(0, first.e164.length - lastText.length) + lastText;
      if (!/^\+\d{7,15}$/.test(last) || last.length !== first.e164.length)
        return { error: `"${text.slice(0, 60)}": the end of the range is not a number of the same length.` };
      const a = BigInt(first.e164.slice(1));
      const b = BigInt(last.slice(1));
      if (b < a) return { error: `"${text.slice(0, 60)}": the range ends before it starts.` };
      const count = Number(b - a) + 1;
      if (count > MAX_INVENTORY_RANGE)
        return {
          error: `"${text.slice(0, 60)}" holds ${count.toLocaleString('en-US')} numbers; one range may hold at most ${MAX_INVENTORY_RANGE.toLocaleString('en-US')}.`,
        };
      const out: E164[] = [];
      for (let i = 0n; i <= b - a; i++) out.push(`+${(a + i).toString()}` as E164);
      return first.country ? { numbers: out, country: first.country } : { numbers: out };
    }
  }
  const one = toE164(text, region);
  if (!one.ok) return { error: one.message };
  return one.country ? { numbers: [one.e164], country: one.country } : { numbers: [one.e164] };
}

export function parseNumberInventory(data: Uint8Array, fileName: string): NumberInventoryResult {
  try {
    return parse(data, fileName);
  } catch (e) {
    // Defensive: the contract is "never throws".
    return fileResult('unreadable', `The file could not be read (${e instanceof Error ? e.message.slice(0, 200) : 'unknown error'}).`);
  }
}

function parse(data: Uint8Array, fileName: string): NumberInventoryResult {
  const loaded = loadFile(data);
  if (!loaded.ok) return fileResult(loaded.code, loaded.message);
  const grid = loaded.grid(loaded.sheetNames[0] ?? '');
  if (!grid) return fileResult('empty-file', `${fileName || 'The file'} has no sheet to read.`);
  const header = findHeader(grid);
  if (header.row === -2) {
    return fileResult(
      'no-numbers',
      `${fileName || 'The file'} has no phone number column (TelephoneNumber, Phone number or Number) and no row starting with a number.`,
    );
  }
  const cols = new Map<string, number>();
  header.cells.forEach((c, i) => {
    const f = HEADERS[norm(c)];
    if (f && !cols.has(f)) cols.set(f, i);
  });
  const names = new Set(header.cells.map(norm));
  let layout: NumberInventoryLayout;
  if (header.row === -1) layout = 'carrier-list';
  else if (names.has('telephonenumber') && PNA_MARKERS.some((m) => names.has(m))) layout = 'get-phone-number-assignment';
  else if (EXPORT_MARKERS.some((m) => names.has(m))) layout = 'export-acquired-phone-number';
  else if (TAC_MARKERS.some((m) => names.has(m)) && cols.has('numberType')) layout = 'admin-center';
  else layout = cols.has('numberType') ? 'get-phone-number-assignment' : 'carrier-list';

  const issues: RowIssue[] = [];
  const numbers: InventoryNumber[] = [];
  const seen = new Map<string, number>();
  const numberCol = header.row === -1 ? 0 : cols.get('number')!;
  const cell = (r: number, f: string) => {
    const c = cols.get(f);
    return c === undefined ? '' : grid.text(r, c).trim();
  };
  for (let r = header.row + 1; r < grid.rowCount; r++) {
    if (isBlankRow(grid, r)) continue;
    const row = r + 1;
    const raw = grid.phoneText(r, numberCol).trim();
    if (raw === '') {
      issue(issues, { row, severity: 'warning', code: 'no-number', message: `Row ${row} has no phone number; it is left out.` });
      continue;
    }
    const countryText = cell(r, 'country').toUpperCase();
    const region = /^[A-Z]{2}$/.test(countryText) ? countryText : undefined;
    const got = expand(raw.replace(/^tel:/i, ''), region);
    if ('error' in got) {
      issue(issues, { row, severity: 'error', code: 'bad-number', message: `Row ${row}: ${got.error}` });
      continue;
    }
    const capabilities = cols.has('capabilities') ? capabilityList(cell(r, 'capabilities')) : null;
    const facts: KindFacts = {
      numberType: cell(r, 'numberType'),
      capabilities,
      usage: cell(r, 'usage'),
      category: cell(r, 'category'),
      tollFree: false,
    };
    const target = cell(r, 'target');
    const status = norm(cell(r, 'status'));
    const assignedTo = status === 'unassigned' ? '' : target;
    for (const n of got.numbers) {
      if (numbers.length >= MAX_INVENTORY_NUMBERS) {
        issue(issues, {
          row,
          severity: 'error',
          code: 'too-many',
          message: `More than ${MAX_INVENTORY_NUMBERS.toLocaleString('en-US')} numbers: the rest of the file is left out.`,
        });
        return { layout, numbers, issues };
      }
      const hint = numberKindHint(n);
      const k = kindOf({ ...facts, tollFree: hint.tollFree }, layout);
      if ('error' in k) {
        issue(issues, { row, severity: 'error', code: 'bad-kind', message: `Row ${row} (${n}): ${k.error}` });
        break;
      }
      const first = seen.get(n);
      if (first !== undefined) {
        issue(issues, { row, severity: 'warning', code: 'duplicate', message: `Row ${row}: ${n} is already on row ${first}; the later row is left out.` });
        continue;
      }
      seen.set(n, row);
      const country = region ?? got.country ?? hint.country ?? '';
      numbers.push({
        number: n,
        kind: k.kind,
        country,
        assignedTo,
        targetType: cell(r, 'targetType') || (layout === 'admin-center' ? cell(r, 'usage') : ''),
        locationId: cell(r, 'locationId').toLowerCase(),
        capabilities,
        operator: k.kind === 'operatorConnect' ? cell(r, 'operator') : '',
        inferred: k.inferred,
        row,
      });
    }
  }
  if (numbers.length === 0 && !issues.some((i) => i.severity === 'error')) {
    issue(issues, { row: 0, severity: 'error', code: 'no-numbers', message: `${fileName || 'The file'} lists no phone numbers.` });
  }
  return { layout, numbers, issues };
}

export type InventoryMode = 'add' | 'update';

export interface InventoryApplyResult {
  plan: Plan;
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Put imported numbers into the plan. 'add': numbers not in the plan yet are added, the others are
 * left as they are. 'update': also sets kind, country and operator of numbers already in the plan.
 * A number the tenant has assigned is marked existing (its assignment predates the plan; the
 * rollback never unassigns it). One new plan value: one undo step.
 */
export function applyNumberInventory(plan: Plan, imported: readonly InventoryNumber[], mode: InventoryMode): InventoryApplyResult {
  const byE164 = new Map(plan.numbers.map((n, i) => [n.e164 as string, i] as const));
  const ids = new Set(plan.numbers.map((n) => n.id));
  const numbers = [...plan.numbers];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const n of imported) {
    const at = byE164.get(n.number);
    const existing = n.assignedTo !== '';
    if (at === undefined) {
      let id = `num-${n.number.slice(1)}`;
      for (let k = 2; ids.has(id); k++) id = `num-${n.number.slice(1)}-${k}`;
      ids.add(id);
      byE164.set(n.number, numbers.length);
      numbers.push({
        id,
        e164: n.number,
        kind: n.kind,
        country: n.country,
        siteId: null,
        operator: n.operator,
        note: n.inferred ? 'Kind inferred on import' : '',
        existing,
      });
      added++;
      continue;
    }
    const old = numbers[at]!;
    if (mode === 'add') {
      unchanged++;
      continue;
    }
    const next = {
      ...old,
      kind: n.kind,
      country: n.country || old.country,
      operator: n.kind === 'operatorConnect' ? n.operator || old.operator : '',
      existing: old.existing || existing,
    };
    if (next.kind === old.kind && next.country === old.country && next.operator === old.operator && next.existing === old.existing) unchanged++;
    else {
      numbers[at] = next;
      updated++;
    }
  }
  return { plan: added + updated === 0 ? plan : { ...plan, numbers }, added, updated, unchanged };
}
