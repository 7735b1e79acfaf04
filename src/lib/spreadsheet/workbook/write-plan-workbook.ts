/**
 * writePlanWorkbook: the plan as an .xlsx a customer can review and edit: one sheet per object
 * kind with words instead of codes, bold frozen headers, fitted widths, drop-down lists for
 * columns that name an object of another sheet, a sizing sheet, findings with their fix and the
 * deployment status from the last verification report. The planner's ids sit in grey columns at
 * the right (needed for a lossless round trip), so `readPlanWorkbook(await writePlanWorkbook(p))`
 * equals `p` (read-plan-workbook.ts).
 *
 * Written with ExcelJS (SheetJS's community build writes neither styles nor data validation; see
 * docs/decisions.md). ExcelJS is loaded on first use, so it never weighs on the page's start.
 */
import type * as ExcelJSTypes from 'exceljs';
import type { Plan, SizingInputs } from '../../domain/model.js';
import { userKey } from '../../domain/model.js';
import { RULE_FIELD_LABEL, RULE_OPERATOR_LABEL } from '../../assign/rules.js';
import { RULES } from '../../checks/rules.js';
import { verificationIndex, VERIFICATION_STATUS_LABEL } from '../../verification-view.js';
import { ExactTexts } from './exact-text.js';
import { addSheet, chunkText, inlineList, listRange, type CellValue, type ColumnSpec } from './sheet-write.js';
import { encodeList } from './lists.js';
import {
  ASSIGNMENT_WORDS,
  BILLING_WORDS,
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
import { sizingSheet } from './sizing-sheet.js';

export interface WorkbookFinding {
  rule: string;
  severity: string;
  subject: string;
  message: string;
  /** How to fix it (Finding.fix). */
  fix?: string;
}

export interface WriteWorkbookOptions {
  /** Written to a "Findings" sheet for reading; ignored when the workbook is read back. */
  findings?: readonly WorkbookFinding[];
}

const SIZING_KEYS = Object.keys(SIZING_LABEL) as (keyof SizingInputs)[];

const ABOUT: readonly string[] = [
  'Each blue-headed sheet holds one kind of object of the plan. Edit values, add or delete rows, reorder them, then bring it back into the planner: Import users → "Update this plan from a workbook" shows every change before anything is applied.',
  'Columns that name an object of another sheet (site, policy, resource account, number) offer a drop-down list of the names on that sheet. Pick a name to change an assignment; rename an object on its own sheet and the rows that refer to it follow.',
  'Grey columns at the right (… id) are the planner’s codes for the round trip: leave them as they are. A new row may leave them empty; the planner gives the object an id.',
  'Yellow-headed columns and sheets (Deployment status, Sizing, Findings) are computed by the planner for reading; edits there are ignored on import.',
  'Lists in one cell are separated by "; ". An empty reference cell means "none".',
  'The hidden sheet "_exact" keeps texts a spreadsheet cannot store exactly (line breaks, special characters); do not edit it.',
];

function nameOf<T extends { id: string }>(list: readonly T[], label: (t: T) => string): (id: string | null | undefined) => string | null {
  const m = new Map(list.map((x) => [x.id, label(x)] as const));
  return (id) => (id === null || id === undefined ? null : (m.get(id) ?? null));
}

const YES_NO_UNKNOWN = inlineList(['yes', 'no', 'unknown']);
const SEVERITY_WORDS: Record<string, string> = { error: 'Error: fix before the rollout', warning: 'Warning', info: 'Note' };

/** ExcelJS ships CommonJS for Node and a UMD bundle for browsers: take the namespace either way. */
async function loadExcelJS(): Promise<typeof ExcelJSTypes> {
  const mod = (await import('exceljs')) as typeof ExcelJSTypes & { default?: typeof ExcelJSTypes };
  return mod.Workbook ? mod : (mod.default ?? mod);
}

export async function writePlanWorkbook(plan: Plan, options: WriteWorkbookOptions = {}): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const exact = new ExactTexts();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shared Calling Planner';
  wb.title = plan.name;
  const add = (
    name: string,
    columns: readonly ColumnSpec[],
    rows: readonly (readonly CellValue[])[],
    extra: { freezeFirstColumn?: boolean; tab?: 'info' | 'hidden' } = {},
  ) => addSheet(wb, { name, columns, rows, ...extra }, exact);

  const site = nameOf(plan.sites, (s) => s.name);
  const num = nameOf(plan.numbers, (n) => n.e164);
  const ra = nameOf(plan.resourceAccounts, (r) => r.upn);
  const scp = nameOf(plan.sharedCallingPolicies, (p) => p.name);
  const ecrp = nameOf(plan.emergencyPolicies, (p) => p.name);
  const vrp = nameOf(plan.voiceRoutingPolicies, (p) => p.name);
  const aa = nameOf(plan.autoAttendants, (a) => a.name);

  // Drop-down sources: the first column of each object sheet holds its name.
  const lists = {
    site: listRange(SHEET.sites, 0, plan.sites.length),
    number: listRange(SHEET.numbers, 0, plan.numbers.length),
    ra: listRange(SHEET.resourceAccounts, 0, plan.resourceAccounts.length),
    aa: listRange(SHEET.autoAttendants, 0, plan.autoAttendants.length),
    scp: listRange(SHEET.scPolicies, 0, plan.sharedCallingPolicies.length),
    ecrp: listRange(SHEET.emergency, 0, plan.emergencyPolicies.length),
    vrp: listRange(SHEET.voiceRouting, 0, plan.voiceRoutingPolicies.length),
  };

  // Deployment status from the last verification report (08-verify.ps1), by the same keys.
  const verification = verificationIndex(plan.verification);
  const status = (kind: string, id: string): CellValue[] => {
    const e = verification.get(`${kind}:${id}`);
    return e ? [VERIFICATION_STATUS_LABEL[e.status], e.detail || null] : [null, null];
  };
  const STATUS_COLUMNS: ColumnSpec[] = [
    { header: 'Deployment status', role: 'info' },
    { header: 'Deployment detail', role: 'info' },
  ];

  add(SHEET.about, [{ header: 'Shared Calling Planner – plan workbook' }], [[`Plan: ${plan.name}`], ...ABOUT.map((line) => [line])]);

  const planRows: CellValue[][] = [
    [PLAN_FIELD.format, WORKBOOK_FORMAT],
    [PLAN_FIELD.version, WORKBOOK_VERSION],
    [PLAN_FIELD.id, plan.id],
    [PLAN_FIELD.name, plan.name],
    [PLAN_FIELD.tenantDomain, plan.tenantDomain],
    // Notes may exceed Excel's 32,767 characters per cell: continued on further rows.
    ...chunkText(plan.notes).map((part): CellValue[] => [PLAN_FIELD.notes, part]),
    [PLAN_FIELD.createdAt, plan.createdAt],
    [PLAN_FIELD.updatedAt, plan.updatedAt],
    [PLAN_FIELD.globalVr, plan.tenant.globalVoiceRoutingHasUsages],
    [PLAN_FIELD.siteEcrp, plan.tenant.siteAssignedEmergencyPolicies],
    [PLAN_FIELD.tagCallbackNumbers, plan.tenant.tagCallbackNumbers],
    ...SIZING_KEYS.map((k): CellValue[] => [SIZING_LABEL[k], plan.sizingDefaults[k]]),
  ];
  add(SHEET.plan, [{ header: 'Field' }, { header: 'Value' }], planRows);

  add(
    SHEET.users,
    [
      { header: 'UPN' },
      { header: 'Display name' },
      { header: 'Usage location' },
      { header: 'Department' },
      { header: 'Office' },
      { header: 'Site', list: lists.site },
      { header: 'Teams Phone', list: YES_NO_UNKNOWN },
      { header: 'Enterprise Voice', list: YES_NO_UNKNOWN },
      { header: 'Current number' },
      { header: 'Shared Calling policy', list: lists.scp },
      { header: 'Emergency policy', list: lists.ecrp },
      { header: 'Voice routing policy', list: lists.vrp },
      { header: 'Extension' },
      { header: 'Hidden from address lists' },
      // Scope (issue 12): a user with a reason stays listed but out of the plan's findings and scripts.
      { header: 'Excluded reason' },
      ...STATUS_COLUMNS,
      { header: 'Source file', role: 'id' },
      { header: 'Source row', role: 'id' },
      { header: 'Site id', role: 'id' },
      { header: 'Shared Calling policy id', role: 'id' },
      { header: 'Emergency policy id', role: 'id' },
      { header: 'Voice routing policy id', role: 'id' },
    ],
    plan.users.map((u) => [
      u.upn,
      u.displayName,
      u.usageLocation,
      u.department,
      u.office,
      site(u.siteId),
      u.teamsPhone,
      u.enterpriseVoice,
      u.currentNumber,
      scp(u.sharedCallingPolicyId),
      ecrp(u.emergencyPolicyId),
      vrp(u.voiceRoutingPolicyId),
      u.extension,
      u.hiddenFromAddressLists,
      u.excludedReason,
      ...status('user', userKey(u.upn)),
      u.source?.file,
      u.source?.row,
      u.siteId,
      u.sharedCallingPolicyId,
      u.emergencyPolicyId,
      u.voiceRoutingPolicyId,
    ]),
    { freezeFirstColumn: true },
  );

  add(
    SHEET.sites,
    [
      { header: 'Name' },
      { header: 'Country' },
      { header: 'Street' },
      { header: 'City' },
      { header: 'Postal code' },
      { header: 'Region' },
      { header: 'LIS location id' },
      { header: 'North America' },
      { header: 'Extensions from' },
      { header: 'Extensions to' },
      { header: 'Site id', role: 'id' },
    ],
    plan.sites.map((s) => [
      s.name,
      s.country,
      s.address.street,
      s.address.city,
      s.address.postalCode,
      s.address.region,
      s.lisLocationId,
      s.northAmerica,
      s.extensionRange?.from,
      s.extensionRange?.to,
      s.id,
    ]),
    { freezeFirstColumn: true },
  );

  add(
    SHEET.numbers,
    [
      { header: 'E.164' },
      { header: 'Kind', list: inlineList(Object.values(NUMBER_KIND_WORDS)) },
      { header: 'Country' },
      { header: 'Site', list: lists.site },
      { header: 'Operator' },
      { header: 'Note' },
      { header: 'Exists in tenant' },
      { header: 'Number id', role: 'id' },
      { header: 'Site id', role: 'id' },
    ],
    plan.numbers.map((n) => [n.e164, NUMBER_KIND_WORDS[n.kind], n.country, site(n.siteId), n.operator, n.note, n.existing, n.id, n.siteId]),
    { freezeFirstColumn: true },
  );

  add(
    SHEET.resourceAccounts,
    [
      { header: 'UPN' },
      { header: 'Display name' },
      { header: 'Number', list: lists.number },
      { header: 'Licence', list: inlineList(Object.values(LICENCE_WORDS)) },
      { header: 'Pay-as-you-go Calling Plan' },
      { header: 'Calling Plan billing', list: inlineList(Object.values(BILLING_WORDS)) },
      { header: 'Voice routing policy', list: lists.vrp },
      { header: 'Exists in tenant' },
      ...STATUS_COLUMNS,
      { header: 'Resource account id', role: 'id' },
      { header: 'Number id', role: 'id' },
      { header: 'Voice routing policy id', role: 'id' },
    ],
    plan.resourceAccounts.map((r) => [
      r.upn,
      r.displayName,
      num(r.numberId),
      LICENCE_WORDS[r.licence],
      r.payAsYouGoCallingPlan,
      BILLING_WORDS[r.callingPlanBilling],
      vrp(r.voiceRoutingPolicyId),
      r.existing,
      ...status('resourceAccount', r.id),
      r.id,
      r.numberId,
      r.voiceRoutingPolicyId,
    ]),
    { freezeFirstColumn: true },
  );

  add(
    SHEET.autoAttendants,
    [
      { header: 'Name' },
      { header: 'Language' },
      { header: 'Time zone' },
      { header: 'Dial by name' },
      { header: 'Dial by extension' },
      { header: 'Resource account', list: lists.ra },
      { header: 'Operator' },
      { header: 'Greeting' },
      { header: 'Exists in tenant' },
      ...STATUS_COLUMNS,
      { header: 'Auto attendant id', role: 'id' },
      { header: 'Resource account id', role: 'id' },
    ],
    plan.autoAttendants.map((a) => [
      a.name,
      a.languageId,
      a.timeZoneId,
      a.dialByName,
      a.dialByExtension,
      ra(a.resourceAccountId),
      a.operator,
      a.greeting,
      a.existing,
      ...status('autoAttendant', a.id),
      a.id,
      a.resourceAccountId,
    ]),
    { freezeFirstColumn: true },
  );
  add(
    SHEET.dialScope,
    [
      { header: 'Auto attendant', list: lists.aa },
      { header: 'Group name' },
      { header: 'Group object id' },
      { header: 'Sites' },
      { header: 'Auto attendant id', role: 'id' },
      { header: 'Site ids', role: 'id' },
    ],
    plan.autoAttendants.flatMap((a) =>
      a.dialScopeGroups.map((g): CellValue[] => [aa(a.id), g.name, g.objectId, encodeList(g.siteIds.map((s) => site(s) ?? s)), a.id, encodeList(g.siteIds)]),
    ),
  );

  add(
    SHEET.scPolicies,
    [
      { header: 'Name' },
      { header: 'Description' },
      { header: 'Resource account', list: lists.ra },
      { header: 'Callback numbers' },
      { header: 'Custom sizing' },
      ...SIZING_KEYS.map((k): ColumnSpec => ({ header: SIZING_LABEL[k] })),
      { header: 'Exists in tenant' },
      // §3.14: per-user grants or an Entra group with a rank.
      { header: 'Assignment', list: inlineList(Object.values(ASSIGNMENT_WORDS)) },
      { header: 'Group name' },
      { header: 'Group object id' },
      { header: 'Group rank' },
      { header: 'Group exists in tenant' },
      { header: 'Group hidden membership' },
      { header: 'Group has nested groups' },
      ...STATUS_COLUMNS,
      { header: 'Policy id', role: 'id' },
      { header: 'Resource account id', role: 'id' },
      { header: 'Callback number ids', role: 'id' },
    ],
    plan.sharedCallingPolicies.map((p) => [
      p.name,
      p.description,
      ra(p.resourceAccountId),
      // The ordered callback pool (EN9) as E.164 for people, and as ids for a lossless read.
      encodeList(p.callbackNumberIds.map((id) => num(id) ?? id)),
      p.sizing !== null,
      ...SIZING_KEYS.map((k) => p.sizing?.[k]),
      p.existing,
      ASSIGNMENT_WORDS[p.assignment.method],
      ...(p.assignment.method === 'group'
        ? [
            p.assignment.group.name,
            p.assignment.group.objectId,
            p.assignment.group.rank,
            p.assignment.group.existing,
            p.assignment.group.hiddenMembership,
            p.assignment.group.nestedGroups,
          ]
        : [null, null, null, null, null, null]),
      ...status('sharedCallingPolicy', p.id),
      p.id,
      p.resourceAccountId,
      encodeList(p.callbackNumberIds),
    ]),
    { freezeFirstColumn: true },
  );

  const sizing = sizingSheet(plan);
  add(SHEET.sizing, sizing.columns, sizing.rows, { freezeFirstColumn: true, tab: 'info' });

  add(
    SHEET.emergency,
    [
      { header: 'Name' },
      { header: 'Description' },
      { header: 'Dynamic emergency calling' },
      { header: 'Exists in tenant' },
      ...STATUS_COLUMNS,
      { header: 'Policy id', role: 'id' },
    ],
    plan.emergencyPolicies.map((p) => [p.name, p.description, p.dynamicEmergencyCalling, p.existing, ...status('emergencyPolicy', p.id), p.id]),
    { freezeFirstColumn: true },
  );
  add(
    SHEET.emergencyNumbers,
    [{ header: 'Policy', list: lists.ecrp }, { header: 'Dial string' }, { header: 'Dial mask' }, { header: 'PSTN usage' }, { header: 'Policy id', role: 'id' }],
    plan.emergencyPolicies.flatMap((p) => p.numbers.map((n): CellValue[] => [p.name, n.dialString, n.dialMask, n.pstnUsage, p.id])),
  );

  add(
    SHEET.voiceRouting,
    [
      { header: 'Name' },
      { header: 'Description' },
      { header: 'PSTN usages' },
      { header: 'Exists in tenant' },
      ...STATUS_COLUMNS,
      { header: 'Policy id', role: 'id' },
    ],
    plan.voiceRoutingPolicies.map((p) => [p.name, p.description, encodeList(p.pstnUsages), p.existing, ...status('voiceRoutingPolicy', p.id), p.id]),
    { freezeFirstColumn: true },
  );

  add(
    SHEET.rules,
    [
      { header: 'Enabled' },
      { header: 'Field', list: inlineList(Object.values(RULE_FIELD_LABEL)) },
      { header: 'Operator', list: inlineList(Object.values(RULE_OPERATOR_LABEL)) },
      { header: 'Values' },
      { header: 'Assign site', list: lists.site },
      { header: 'Assign Shared Calling policy', list: lists.scp },
      { header: 'Assign emergency policy', list: lists.ecrp },
      { header: 'Assign voice routing policy', list: lists.vrp },
      { header: 'Rule id', role: 'id' },
      { header: 'Assign site id', role: 'id' },
      { header: 'Assign Shared Calling policy id', role: 'id' },
      { header: 'Assign emergency policy id', role: 'id' },
      { header: 'Assign voice routing policy id', role: 'id' },
    ],
    plan.assignmentRules.map((r) => [
      r.enabled,
      RULE_FIELD_LABEL[r.field],
      RULE_OPERATOR_LABEL[r.operator],
      encodeList(r.values),
      site(r.assign.siteId),
      scp(r.assign.sharedCallingPolicyId),
      ecrp(r.assign.emergencyPolicyId),
      vrp(r.assign.voiceRoutingPolicyId),
      r.id,
      r.assign.siteId,
      r.assign.sharedCallingPolicyId,
      r.assign.emergencyPolicyId,
      r.assign.voiceRoutingPolicyId,
    ]),
  );

  add(
    SHEET.checklist,
    [{ header: 'Item', role: 'info' }, { header: 'Done' }, { header: 'Note' }, { header: 'Key', role: 'id' }],
    Object.entries(plan.checklist).map(([k, e]) => [RULES[k.split(':')[0] ?? '']?.title ?? null, e.done, e.note, k]),
  );
  add(
    SHEET.verification,
    [{ header: 'Status', list: inlineList(Object.values(VERIFICATION_WORDS)) }, { header: 'Detail' }, { header: 'At' }, { header: 'Subject', role: 'id' }],
    Object.entries(plan.verification).map(([k, v]) => [VERIFICATION_WORDS[v.status] ?? v.status, v.detail, v.at, k]),
  );
  add(
    SHEET.importMapping,
    [{ header: 'Source header' }, { header: 'Field' }],
    Object.entries(plan.importMapping).map(([k, v]) => [k, v]),
  );
  add(
    SHEET.findings,
    [
      { header: 'Severity', role: 'info' },
      { header: 'Rule', role: 'info' },
      { header: 'Subject', role: 'info' },
      { header: 'Problem', role: 'info' },
      { header: 'Fix', role: 'info' },
    ],
    (options.findings ?? []).map((f) => [SEVERITY_WORDS[f.severity] ?? f.severity, f.rule, f.subject, f.message, f.fix ?? null]),
    { tab: 'info' },
  );

  // The name of every object as written: a name cell that still shows it after the object was
  // renamed on its own sheet keeps pointing at that object (read-plan-workbook.ts, ref()).
  const written: CellValue[][] = [
    ...plan.sites.map((x) => [WRITTEN_KIND.site, x.id, x.name]),
    ...plan.numbers.map((x) => [WRITTEN_KIND.number, x.id, x.e164]),
    ...plan.resourceAccounts.map((x) => [WRITTEN_KIND.resourceAccount, x.id, x.upn]),
    ...plan.autoAttendants.map((x) => [WRITTEN_KIND.autoAttendant, x.id, x.name]),
    ...plan.sharedCallingPolicies.map((x) => [WRITTEN_KIND.sharedCallingPolicy, x.id, x.name]),
    ...plan.emergencyPolicies.map((x) => [WRITTEN_KIND.emergencyPolicy, x.id, x.name]),
    ...plan.voiceRoutingPolicies.map((x) => [WRITTEN_KIND.voiceRoutingPolicy, x.id, x.name]),
  ];
  add(SHEET.written, [{ header: 'Kind' }, { header: 'Id' }, { header: 'Name' }], written, { tab: 'hidden' });

  // Last, so it holds the exact texts of every sheet above.
  const exactRows = exact.entries.map((e): CellValue[] => [e.sheet, e.cell, e.shown, ...chunkText(e.exact)]);
  const width = Math.max(1, ...exactRows.map((r) => r.length - 3));
  addSheet(
    wb,
    {
      name: SHEET.exact,
      columns: ['Sheet', 'Cell', 'Shown', ...Array.from({ length: width }, (_, i) => `Exact ${i + 1}`)].map((header) => ({ header })),
      rows: exactRows,
      tab: 'hidden',
    },
    new ExactTexts(),
  );

  const out = await wb.xlsx.writeBuffer({ useSharedStrings: true, useStyles: true });
  // Node gives a Buffer, browsers an ArrayBuffer-backed array: return a plain Uint8Array either way.
  return new Uint8Array(out as unknown as ArrayBuffer);
}
