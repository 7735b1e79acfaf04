/**
 * The workbook round trip as a customer makes it: the planner writes the workbook (ExcelJS), a
 * different library (SheetJS) opens it, edits it the way a person in a spreadsheet program would
 * and saves it, and the planner reads it back to update the plan (issue 15).
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { diffPlans, planFromWorkbook } from '../../../src/lib/domain/plan-diff.js';
import type { Plan } from '../../../src/lib/domain/model.js';
import { readWorkbookUpdate, writePlanWorkbook, describeWorkbookIssue } from '../../../src/lib/spreadsheet/index.js';

type Row = (string | number | boolean | null)[];

/** Open the planner's workbook with SheetJS, edit sheets as arrays of rows, save it again. */
async function editInOtherLibrary(p: Plan, edits: Record<string, (rows: Row[]) => Row[]>): Promise<Uint8Array> {
  const wb = XLSX.read(await writePlanWorkbook(p), { type: 'array' });
  for (const [sheet, edit] of Object.entries(edits)) {
    const ws = wb.Sheets[sheet];
    if (!ws) throw new Error(`no sheet ${sheet}`);
    const rows = XLSX.utils.sheet_to_json<Row>(ws, { header: 1, defval: null, raw: true });
    wb.Sheets[sheet] = XLSX.utils.aoa_to_sheet(edit(rows));
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer); // 'array' → ArrayBuffer
}

const colOf = (rows: Row[], header: string): number => {
  const c = (rows[0] ?? []).indexOf(header);
  if (c < 0) throw new Error(`no column ${header}`);
  return c;
};
const set = (rows: Row[], r: number, header: string, v: Row[number]) => {
  const row = rows[r]!;
  row[colOf(rows, header)] = v;
};

describe('workbook round trip through another spreadsheet library', () => {
  it('takes retyped numbers, reordered and deleted rows, a new user, a renamed policy and a picked name', async () => {
    const plan = createSamplePlan();
    const deleted = plan.users[3]!;
    const moved = plan.users[0]!;
    const bytes = await editInOtherLibrary(plan, {
      Users: (rows) => {
        const [header, ...data] = rows;
        // Reordered: last row first. Deleted: the fourth user.
        const kept = data.filter((r) => r[colOf(rows, 'UPN')] !== deleted.upn).reverse();
        const out = [header!, ...kept];
        // A new user typed at the bottom, references by name only, no id cells.
        const fresh: Row = new Array((header ?? []).length).fill(null);
        fresh[colOf(rows, 'UPN')] = 'new.person@contoso.com';
        fresh[colOf(rows, 'Display name')] = 'New Person';
        fresh[colOf(rows, 'Site')] = 'london';
        // Picked from the drop-down, which lists the policy under its new name.
        fresh[colOf(rows, 'Shared Calling policy')] = 'SC-London-Main';
        fresh[colOf(rows, 'Teams Phone')] = 'Yes';
        out.push(fresh);
        // A name picked from the drop-down while the grey id column still holds the old id.
        const r = out.findIndex((x) => x[colOf(rows, 'UPN')] === moved.upn);
        set(out, r, 'Shared Calling policy', 'SC-Sydney');
        // An extension retyped as a number.
        set(out, r, 'Extension', 4711);
        return out;
      },
      'Shared Calling policies': (rows) => {
        // The London policy renamed on its own sheet; users still show the old name.
        const r = rows.findIndex((x) => x[colOf(rows, 'Name')] === 'SC-London');
        set(rows, r, 'Name', 'SC-London-Main');
        return rows;
      },
      Numbers: (rows) => {
        // A number retyped without its plus sign, as a number cell; a kind given as its code.
        set(rows, 1, 'E.164', Number(String(rows[1]![colOf(rows, 'E.164')]).slice(1)));
        set(rows, 2, 'Kind', 'directRouting');
        return rows;
      },
      Sites: (rows) => {
        set(rows, 1, 'Extensions from', '1000');
        return rows;
      },
    });

    const { plan: back, issues } = readWorkbookUpdate(bytes, plan);
    expect(issues.map(describeWorkbookIssue)).toEqual([]);
    expect(back).not.toBeNull();
    const after = planFromWorkbook(plan, back!);
    expect(after.id).toBe(plan.id);
    expect(after.users).toHaveLength(plan.users.length);
    expect(after.users.find((u) => u.upn === deleted.upn)).toBeUndefined();
    expect(after.users.at(-1)).toMatchObject({
      upn: 'new.person@contoso.com',
      displayName: 'New Person',
      siteId: 'site-london',
      sharedCallingPolicyId: 'scp-london',
      teamsPhone: 'yes',
    });
    expect(after.users.find((u) => u.upn === moved.upn)).toMatchObject({ sharedCallingPolicyId: 'scp-sydney', extension: '4711' });
    expect(after.sharedCallingPolicies.find((p) => p.id === 'scp-london')?.name).toBe('SC-London-Main');
    // Users of the renamed policy keep it.
    const londonUsers = plan.users.filter((u) => u.sharedCallingPolicyId === 'scp-london' && u.upn !== deleted.upn).length;
    expect(after.users.filter((u) => u.sharedCallingPolicyId === 'scp-london')).toHaveLength(londonUsers + 1);
    expect(after.numbers[0]?.e164).toBe(plan.numbers[0]?.e164);
    expect(after.numbers[1]?.kind).toBe('directRouting');
    expect(after.sites[0]?.extensionRange?.from).toBe(1000);

    const diff = diffPlans(plan, after);
    const users = diff.kinds.find((k) => k.kind === 'users')!;
    expect({ added: users.added, removed: users.removed, changed: users.changed }).toEqual({ added: 1, removed: 1, changed: 1 });
    const change = users.items.find((i) => i.key === moved.upn.toLowerCase())!;
    expect(change.fields).toEqual(
      expect.arrayContaining([
        { field: 'Shared Calling policy', before: 'SC-Seattle', after: 'SC-Sydney' },
        expect.objectContaining({ field: 'Extension', after: '4711' }),
      ]),
    );
    const pol = diff.kinds.find((k) => k.kind === 'sharedCallingPolicies')!;
    expect(pol.items).toEqual([
      { key: 'scp-london', label: 'SC-London-Main', change: 'changed', fields: [{ field: 'Name', before: 'SC-London', after: 'SC-London-Main' }] },
    ]);
    // Reordering alone is no change, and the renamed policy is not a change of its users.
    expect(users.items.filter((i) => i.change === 'changed')).toHaveLength(1);
  });

  it('reports cells it cannot take with sheet, row and column, keeps those rows as they were, and reads the rest', async () => {
    const plan = createSamplePlan();
    const bytes = await editInOtherLibrary(plan, {
      Users: (rows) => {
        set(rows, 2, 'Teams Phone', 'maybe');
        set(rows, 3, 'Site', 'Atlantis');
        set(rows, 4, 'Display name', 'Renamed');
        return rows;
      },
      Numbers: (rows) => {
        set(rows, 1, 'E.164', 'call me');
        return rows;
      },
    });
    const { plan: back, issues } = readWorkbookUpdate(bytes, plan);
    expect(issues.map(describeWorkbookIssue)).toEqual([
      `Sheet "Numbers", row 2, column "E.164": is not an E.164 number ("call me").`,
      `Sheet "Users", row 3, column "Teams Phone": should be one of yes, no, unknown.`,
      `Sheet "Users", row 4, column "Site": there is no site "Atlantis".`,
    ]);
    expect(issues.every((i) => i.outcome === 'kept')).toBe(true);
    expect(back!.users[1]).toEqual(plan.users[1]);
    expect(back!.users[2]).toEqual(plan.users[2]);
    expect(back!.users[3]?.displayName).toBe('Renamed');
    expect(back!.numbers[0]).toEqual(plan.numbers[0]);
  });

  it('opens as a new plan, leaving out rows it cannot take, and refuses a file that is no plan workbook', async () => {
    const plan = createSamplePlan();
    const bytes = await editInOtherLibrary(plan, {
      Users: (rows) => {
        set(rows, 2, 'Enterprise Voice', 'sometimes');
        // A typo in a name: the id beside it does not make it right.
        set(rows, 9, 'Site', 'Seatle');
        return rows;
      },
      // Renamed without a plan to compare with: the hidden "_names" sheet knows the old name.
      'Shared Calling policies': (rows) => {
        set(
          rows,
          rows.findIndex((x) => x[colOf(rows, 'Name')] === 'SC-London'),
          'Name',
          'SC-London-Main',
        );
        return rows;
      },
    });
    const { plan: opened, issues } = readWorkbookUpdate(bytes, null);
    expect(issues.map(describeWorkbookIssue)).toEqual([
      'Sheet "Users", row 3, column "Enterprise Voice": should be one of yes, no, unknown.',
      'Sheet "Users", row 10, column "Site": there is no site "Seatle".',
    ]);
    expect(opened!.users.filter((u) => u.sharedCallingPolicyId === 'scp-london')).toHaveLength(
      plan.users.filter((u) => u.sharedCallingPolicyId === 'scp-london').length,
    );
    expect(issues[0]).toMatchObject({ sheet: 'Users', row: 3, column: 'Enterprise Voice', outcome: 'skipped' });
    expect(opened!.users).toHaveLength(plan.users.length - 2);
    const notPlan = readWorkbookUpdate(new Uint8Array([1, 2, 3]), plan);
    expect(notPlan.plan).toBeNull();
    expect(notPlan.issues[0]?.message).toMatch(/not a plan workbook/);
  });

  it('gives a new row without an id one of its own, and other new rows can name it at once', async () => {
    const plan = createSamplePlan();
    const bytes = await editInOtherLibrary(plan, {
      Sites: (rows) => {
        const fresh: Row = new Array(rows[0]!.length).fill(null);
        fresh[colOf(rows, 'Name')] = 'Dallas';
        fresh[colOf(rows, 'Country')] = 'US';
        fresh[colOf(rows, 'North America')] = true;
        return [...rows, fresh];
      },
      Users: (rows) => {
        set(rows, 1, 'Site', 'Dallas');
        return rows;
      },
    });
    const { plan: back, issues } = readWorkbookUpdate(bytes, plan);
    expect(issues).toEqual([]);
    const dallas = back!.sites.find((x) => x.name === 'Dallas')!;
    expect(dallas.id).toBe('site-dallas');
    expect(back!.users[0]?.siteId).toBe('site-dallas');
    const sites = diffPlans(plan, planFromWorkbook(plan, back!)).kinds.find((k) => k.kind === 'sites')!;
    expect(sites).toMatchObject({ added: 1, removed: 0, changed: 0 });
  });

  it('still reads a version 1 workbook (codes instead of words, no "_names" sheet); refuses a newer one', async () => {
    const plan = createSamplePlan();
    const v1 = await editInOtherLibrary(plan, {
      Plan: (rows) => {
        set(
          rows,
          rows.findIndex((r) => r[0] === 'Format version'),
          'Value',
          1,
        );
        return rows;
      },
      Numbers: (rows) => rows.map((r, i) => (i === 0 ? r : r.map((v, c) => (c === colOf(rows, 'Kind') ? plan.numbers[i - 1]!.kind : v)))),
      'Resource accounts': (rows) =>
        rows.map((r, i) => (i === 0 ? r : r.map((v, c) => (c === colOf(rows, 'Licence') ? plan.resourceAccounts[i - 1]!.licence : v)))),
    });
    const wb = XLSX.read(v1, { type: 'array' });
    wb.SheetNames = wb.SheetNames.filter((n) => n !== '_names');
    delete wb.Sheets['_names'];
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const { plan: back, issues } = readWorkbookUpdate(bytes, plan);
    expect(issues).toEqual([]);
    expect(diffPlans(plan, planFromWorkbook(plan, back!)).total).toBe(0);
    const newer = await editInOtherLibrary(plan, {
      Plan: (rows) => {
        set(
          rows,
          rows.findIndex((r) => r[0] === 'Format version'),
          'Value',
          99,
        );
        return rows;
      },
    });
    expect(readWorkbookUpdate(newer, plan).issues[0]?.message).toMatch(/written by a newer planner \(version 99\)/);
  });

  it('an unchanged workbook is no change at all', async () => {
    const plan = createSamplePlan();
    const { plan: back } = readWorkbookUpdate(await writePlanWorkbook(plan), plan);
    expect(diffPlans(plan, planFromWorkbook(plan, back!))).toEqual({ kinds: [], total: 0 });
  });
});
