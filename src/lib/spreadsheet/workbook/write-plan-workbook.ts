/**
 * writePlanWorkbook: the plan as an .xlsx an admin can read, filter and edit: one sheet per object
 * kind, references shown by name (with the id beside it, so reading back is lossless).
 * `readPlanWorkbook(writePlanWorkbook(p))` equals `p` (read-plan-workbook.ts).
 */
import * as XLSX from 'xlsx';
import type { Plan, SizingInputs } from '../../domain/model.js';
import { ExactTexts } from './exact-text.js';
import { buildSheet, chunkText, type CellValue } from './sheet-write.js';
import { encodeList } from './lists.js';
import { PLAN_FIELD, SHEET, SIZING_LABEL, WORKBOOK_FORMAT, WORKBOOK_VERSION } from './names.js';

export interface WorkbookFinding {
  rule: string;
  severity: string;
  subject: string;
  message: string;
}

export interface WriteWorkbookOptions {
  /** Written to a "Findings" sheet for reading; ignored when the workbook is read back. */
  findings?: readonly WorkbookFinding[];
}

const SIZING_KEYS = Object.keys(SIZING_LABEL) as (keyof SizingInputs)[];

const ABOUT = [
  'Shared Calling Planner – plan workbook',
  'Each sheet holds one kind of object. Edit values, add or delete rows, then import the workbook into the planner again.',
  'References are shown by name and by id. The id columns win; leave an id cell empty to have the name resolved instead.',
  'Lists in one cell are separated by "; ". Empty cells in id columns mean "none".',
  'The hidden sheet "_exact" keeps texts Excel cannot store exactly (line breaks, special characters); do not edit it.',
];

function nameOf<T extends { id: string }>(list: readonly T[], label: (t: T) => string): (id: string | null | undefined) => string | null {
  const m = new Map(list.map((x) => [x.id, label(x)] as const));
  return (id) => (id === null || id === undefined ? null : (m.get(id) ?? null));
}

export function writePlanWorkbook(plan: Plan, options: WriteWorkbookOptions = {}): Uint8Array {
  const exact = new ExactTexts();
  const wb = XLSX.utils.book_new();
  const add = (name: string, headers: readonly string[], rows: CellValue[][]) => {
    XLSX.utils.book_append_sheet(wb, buildSheet(name, headers, rows, exact), name);
  };

  const site = nameOf(plan.sites, (s) => s.name);
  const num = nameOf(plan.numbers, (n) => n.e164);
  const ra = nameOf(plan.resourceAccounts, (r) => r.upn);
  const scp = nameOf(plan.sharedCallingPolicies, (p) => p.name);
  const ecrp = nameOf(plan.emergencyPolicies, (p) => p.name);
  const vrp = nameOf(plan.voiceRoutingPolicies, (p) => p.name);

  add(
    SHEET.about,
    ['Shared Calling Planner'],
    ABOUT.slice(1).map((line) => [line]),
  );

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
  add(SHEET.plan, ['Field', 'Value'], planRows);

  add(
    SHEET.users,
    [
      'UPN',
      'Display name',
      'Usage location',
      'Department',
      'Office',
      'Site',
      'Site id',
      'Teams Phone',
      'Enterprise Voice',
      'Current number',
      'Shared Calling policy',
      'Shared Calling policy id',
      'Emergency policy',
      'Emergency policy id',
      'Voice routing policy',
      'Voice routing policy id',
      'Extension',
      'Hidden from address lists',
      'Excluded reason',
      'Source file',
      'Source row',
    ],
    plan.users.map((u) => [
      u.upn,
      u.displayName,
      u.usageLocation,
      u.department,
      u.office,
      site(u.siteId),
      u.siteId,
      u.teamsPhone,
      u.enterpriseVoice,
      u.currentNumber,
      scp(u.sharedCallingPolicyId),
      u.sharedCallingPolicyId,
      ecrp(u.emergencyPolicyId),
      u.emergencyPolicyId,
      vrp(u.voiceRoutingPolicyId),
      u.voiceRoutingPolicyId,
      u.extension,
      u.hiddenFromAddressLists,
      u.excludedReason,
      u.source?.file,
      u.source?.row,
    ]),
  );

  add(
    SHEET.sites,
    ['Site id', 'Name', 'Country', 'Street', 'City', 'Postal code', 'Region', 'LIS location id', 'North America', 'Extensions from', 'Extensions to'],
    plan.sites.map((s) => [
      s.id,
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
    ]),
  );

  add(
    SHEET.numbers,
    ['Number id', 'E.164', 'Kind', 'Country', 'Site', 'Site id', 'Operator', 'Note', 'Exists in tenant'],
    plan.numbers.map((n) => [n.id, n.e164, n.kind, n.country, site(n.siteId), n.siteId, n.operator, n.note, n.existing]),
  );

  add(
    SHEET.resourceAccounts,
    [
      'Resource account id',
      'UPN',
      'Display name',
      'Number',
      'Number id',
      'Licence',
      'Pay-as-you-go Calling Plan',
      'Calling Plan billing',
      'Voice routing policy',
      'Voice routing policy id',
      'Exists in tenant',
    ],
    plan.resourceAccounts.map((r) => [
      r.id,
      r.upn,
      r.displayName,
      num(r.numberId),
      r.numberId,
      r.licence,
      r.payAsYouGoCallingPlan,
      r.callingPlanBilling,
      vrp(r.voiceRoutingPolicyId),
      r.voiceRoutingPolicyId,
      r.existing,
    ]),
  );

  add(
    SHEET.autoAttendants,
    [
      'Auto attendant id',
      'Name',
      'Language',
      'Time zone',
      'Dial by name',
      'Dial by extension',
      'Resource account',
      'Resource account id',
      'Operator',
      'Greeting',
      'Exists in tenant',
    ],
    plan.autoAttendants.map((a) => [
      a.id,
      a.name,
      a.languageId,
      a.timeZoneId,
      a.dialByName,
      a.dialByExtension,
      ra(a.resourceAccountId),
      a.resourceAccountId,
      a.operator,
      a.greeting,
      a.existing,
    ]),
  );
  add(
    SHEET.dialScope,
    ['Auto attendant id', 'Auto attendant', 'Group name', 'Group object id', 'Sites', 'Site ids'],
    plan.autoAttendants.flatMap((a) =>
      a.dialScopeGroups.map((g): CellValue[] => [a.id, a.name, g.name, g.objectId, encodeList(g.siteIds.map((s) => site(s) ?? s)), encodeList(g.siteIds)]),
    ),
  );

  add(
    SHEET.scPolicies,
    [
      'Policy id',
      'Name',
      'Description',
      'Resource account',
      'Resource account id',
      'Callback numbers',
      'Callback number ids',
      'Custom sizing',
      ...SIZING_KEYS.map((k) => SIZING_LABEL[k]),
      'Exists in tenant',
      'Assignment',
      'Group name',
      'Group object id',
      'Group rank',
      'Group exists in tenant',
      'Group hidden membership',
      'Group has nested groups',
    ],
    plan.sharedCallingPolicies.map((p) => [
      p.id,
      p.name,
      p.description,
      ra(p.resourceAccountId),
      p.resourceAccountId,
      // The ordered callback pool (EN9) as E.164 for people, and as ids for a lossless read.
      encodeList(p.callbackNumberIds.map((id) => num(id) ?? id)),
      encodeList(p.callbackNumberIds),
      p.sizing !== null,
      ...SIZING_KEYS.map((k) => p.sizing?.[k]),
      p.existing,
      // §3.14: per-user grants or an Entra group with a rank.
      ...(p.assignment.method === 'group'
        ? [
            'group',
            p.assignment.group.name,
            p.assignment.group.objectId,
            p.assignment.group.rank,
            p.assignment.group.existing,
            p.assignment.group.hiddenMembership,
            p.assignment.group.nestedGroups,
          ]
        : ['perUser']),
    ]),
  );

  add(
    SHEET.emergency,
    ['Policy id', 'Name', 'Description', 'Dynamic emergency calling', 'Exists in tenant'],
    plan.emergencyPolicies.map((p) => [p.id, p.name, p.description, p.dynamicEmergencyCalling, p.existing]),
  );
  add(
    SHEET.emergencyNumbers,
    ['Policy id', 'Policy', 'Dial string', 'Dial mask', 'PSTN usage'],
    plan.emergencyPolicies.flatMap((p) => p.numbers.map((n): CellValue[] => [p.id, p.name, n.dialString, n.dialMask, n.pstnUsage])),
  );

  add(
    SHEET.voiceRouting,
    ['Policy id', 'Name', 'Description', 'PSTN usages', 'Exists in tenant'],
    plan.voiceRoutingPolicies.map((p) => [p.id, p.name, p.description, encodeList(p.pstnUsages), p.existing]),
  );

  add(
    SHEET.rules,
    [
      'Rule id',
      'Enabled',
      'Field',
      'Operator',
      'Values',
      'Assign site',
      'Assign site id',
      'Assign Shared Calling policy',
      'Assign Shared Calling policy id',
      'Assign emergency policy',
      'Assign emergency policy id',
      'Assign voice routing policy',
      'Assign voice routing policy id',
    ],
    plan.assignmentRules.map((r) => [
      r.id,
      r.enabled,
      r.field,
      r.operator,
      encodeList(r.values),
      site(r.assign.siteId),
      r.assign.siteId,
      scp(r.assign.sharedCallingPolicyId),
      r.assign.sharedCallingPolicyId,
      ecrp(r.assign.emergencyPolicyId),
      r.assign.emergencyPolicyId,
      vrp(r.assign.voiceRoutingPolicyId),
      r.assign.voiceRoutingPolicyId,
    ]),
  );

  add(
    SHEET.checklist,
    ['Key', 'Done', 'Note'],
    Object.entries(plan.checklist).map(([k, e]) => [k, e.done, e.note]),
  );
  add(
    SHEET.verification,
    ['Subject', 'Status', 'Detail', 'At'],
    Object.entries(plan.verification).map(([k, v]) => [k, v.status, v.detail, v.at]),
  );
  add(
    SHEET.importMapping,
    ['Source header', 'Field'],
    Object.entries(plan.importMapping).map(([k, v]) => [k, v]),
  );
  add(
    SHEET.findings,
    ['Rule', 'Severity', 'Subject', 'Message'],
    (options.findings ?? []).map((f) => [f.rule, f.severity, f.subject, f.message]),
  );

  // Last, so it holds the exact texts of every sheet above.
  const exactRows = exact.entries.map((e): CellValue[] => [e.sheet, e.cell, e.shown, ...chunkText(e.exact)]);
  const width = Math.max(1, ...exactRows.map((r) => r.length - 3));
  const exactSheet = buildSheet(
    SHEET.exact,
    ['Sheet', 'Cell', 'Shown', ...Array.from({ length: width }, (_, i) => `Exact ${i + 1}`)],
    exactRows,
    new ExactTexts(),
  );
  XLSX.utils.book_append_sheet(wb, exactSheet, SHEET.exact);
  wb.Workbook = { Sheets: wb.SheetNames.map((name) => ({ name, Hidden: name === SHEET.exact ? 1 : 0 })) };

  const out: unknown = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true });
  // XLSX.write with type 'array' returns an ArrayBuffer.
  return new Uint8Array(out as ArrayBuffer);
}
