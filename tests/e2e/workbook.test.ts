/**
 * The workbook round trip in the app (issue 15): the workbook downloaded on Export is edited with
 * another library (SheetJS, as a spreadsheet program would save it), then updates the plan with a
 * field-by-field preview and one undoable step, or opens as a new plan. Cells it cannot take are
 * listed with sheet, row and column.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import * as XLSX from 'xlsx';
import { launchBrowser, openSession, type Session } from './support/browser.js';
import { PlanListPage, WorkspacePage } from './pages/app.js';
import { DataExportsPage, ImportPage } from './pages/import.js';
import { UsersPage } from './pages/users.js';
import { openWorkbookAsNewPlan, WorkbookUpdatePage } from './pages/workbook.js';
import { createSamplePlan } from '../../src/lib/index.js';

const baseUrl = inject('baseUrl');
const SHOTS = process.env.SHOTS_DIR;

let browser: Browser;
let s: Session;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  expect(s.errors, 'console errors').toEqual([]);
  expect(s.foreign, 'requests outside the origin').toEqual([]);
  await s.context.close();
});

type Row = (string | number | boolean | null)[];

/** Edit the downloaded workbook with SheetJS: each sheet as rows, saved again as .xlsx. */
function edit(bytes: Buffer, edits: Record<string, (rows: Row[]) => Row[]>): Buffer {
  const wb = XLSX.read(bytes, { type: 'buffer' });
  for (const [sheet, f] of Object.entries(edits)) {
    const rows = XLSX.utils.sheet_to_json<Row>(wb.Sheets[sheet]!, { header: 1, defval: null, raw: true });
    wb.Sheets[sheet] = XLSX.utils.aoa_to_sheet(f(rows));
  }
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
const col = (rows: Row[], h: string) => (rows[0] ?? []).indexOf(h);

const sample = createSamplePlan();
const moved = sample.users[0]!;
const deleted = sample.users[3]!;
const broken = sample.users[5]!;

/** The customer's edits: a deleted row, reordered rows, a new user, a renamed policy, a picked name, a bad cell. */
function customerEdits(bytes: Buffer): Buffer {
  return edit(bytes, {
    Users: (rows) => {
      const [header, ...data] = rows;
      const out = [header!, ...data.filter((r) => r[col(rows, 'UPN')] !== deleted.upn).reverse()];
      const fresh: Row = new Array(header!.length).fill(null);
      fresh[col(rows, 'UPN')] = 'new.person@contoso.com';
      fresh[col(rows, 'Display name')] = 'New Person';
      fresh[col(rows, 'Site')] = 'London';
      fresh[col(rows, 'Shared Calling policy')] = 'SC-London-Main';
      out.push(fresh);
      const m = out.find((r) => r[col(rows, 'UPN')] === moved.upn)!;
      m[col(rows, 'Shared Calling policy')] = 'SC-Sydney';
      const b = out.find((r) => r[col(rows, 'UPN')] === broken.upn)!;
      b[col(rows, 'Teams Phone')] = 'maybe';
      return out;
    },
    'Shared Calling policies': (rows) => {
      rows.find((r) => r[col(rows, 'Name')] === 'SC-London')![col(rows, 'Name')] = 'SC-London-Main';
      return rows;
    },
  });
}

async function downloadWorkbook(ws: WorkspacePage): Promise<Buffer> {
  await ws.goToArea('Export');
  return (await new DataExportsPage(s.page).download('Download workbook (.xlsx)')).bytes;
}

describe('workbook round trip', () => {
  it('updating from an edited workbook previews every change, applies them in one undoable step, and lists the cells it cannot take', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    const ws = new WorkspacePage(s.page);
    await ws.waitOpen();
    const edited = customerEdits(await downloadWorkbook(ws));

    await ws.goToArea('Import users');
    const up = new WorkbookUpdatePage(s.page);
    await up.choose({ name: 'Contoso edited.xlsx', buffer: edited });
    expect(await up.waitPreview()).toBe('Changes from “Contoso edited.xlsx”: 4');
    expect(await up.kindSummary('Users')).toBe('Users — 1 added, 1 removed, 1 changed');
    const users = await up.kindRows('Users');
    expect(users).toContainEqual([moved.upn, 'Changed', 'Shared Calling policy', 'SC-Seattle', 'SC-Sydney']);
    expect(users).toContainEqual(['new.person@contoso.com', 'Added', 'New in the workbook', '', '']);
    expect(users).toContainEqual([deleted.upn, 'Removed', 'Not in the workbook any more', '', '']);
    expect(await up.kindRows('Shared Calling policies')).toEqual([['SC-London-Main', 'Changed', 'Name', 'SC-London', 'SC-London-Main']]);
    // The bad cell: its sheet row (header = row 1; rows were reversed, one deleted, so find it).
    const kept = sample.users.filter((u) => u !== deleted);
    const rowOf = kept.length - 1 - kept.indexOf(broken) + 2;
    expect(await up.issues()).toEqual([['Users', String(rowOf), 'Teams Phone', 'should be one of yes, no, unknown.', 'Row kept as it was']]);
    // Nothing changed yet.
    expect(await s.page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    if (SHOTS) await s.page.screenshot({ path: `${SHOTS}/diff-preview.png`, fullPage: true });

    await up.apply();
    await ws.waitSaved();
    expect(await s.page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe('Undo Update from workbook “Contoso edited.xlsx” (Ctrl+Z)');
    const list = new UsersPage(s.page);
    await ws.goToArea('Users');
    await list.search('new.person');
    expect(await list.countText()).toBe(`1 of ${sample.users.length.toLocaleString('en-US')} users`);

    // One undo step brings the plan back as it was.
    await s.page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => list.countText()).toBe(`0 of ${sample.users.length.toLocaleString('en-US')} users`);
    await list.search(deleted.upn);
    expect(await list.countText()).toBe(`1 of ${sample.users.length.toLocaleString('en-US')} users`);
  });

  it('cancel changes nothing; the plan workbook dropped on Import users is recognized and offers the update instead', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    const ws = new WorkspacePage(s.page);
    await ws.waitOpen();
    const book = await downloadWorkbook(ws);
    await ws.goToArea('Import users');
    const imp = new ImportPage(s.page);
    await imp.dropFile({ name: 'plan.xlsx', buffer: customerEdits(book) });
    const box = s.page.getByTestId('plan-workbook-detected');
    await box.waitFor();
    await box.getByRole('button', { name: /^Show what it changes in/ }).click();
    const up = new WorkbookUpdatePage(s.page);
    expect(await up.waitPreview()).toBe('Changes from “plan.xlsx”: 4');
    await up.cancel();
    expect(await s.page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    // The unchanged workbook changes nothing.
    await up.choose({ name: 'plan.xlsx', buffer: book });
    expect(await up.waitPreview()).toMatch(/^“plan\.xlsx” changes nothing in /);
    expect(
      await up
        .panel()
        .getByRole('button', { name: /^Apply/ })
        .isDisabled(),
    ).toBe(true);
  });

  it('a workbook opens as a new plan from the plan list, listing the cells it could not take; a file that is no plan workbook changes nothing', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    const ws = new WorkspacePage(s.page);
    await ws.waitOpen();
    const edited = customerEdits(await downloadWorkbook(ws));
    await ws.backToPlans();
    const before = await s.page.getByRole('list', { name: 'Plans' }).getByRole('listitem').count();
    await openWorkbookAsNewPlan(s.page, { name: 'not-a-plan.xlsx', buffer: Buffer.from('hello') });
    await expect.poll(() => s.page.getByTestId('workbook-open-error').textContent()).toMatch(/“not-a-plan\.xlsx” was not opened\..*not a plan workbook/);
    expect(await s.page.getByRole('list', { name: 'Plans' }).getByRole('listitem').count()).toBe(before);

    await openWorkbookAsNewPlan(s.page, { name: 'edited.xlsx', buffer: edited });
    const opened = s.page.getByTestId('workbook-opened');
    await opened.waitFor();
    expect(await opened.innerText()).toContain(`Opened “${sample.name} (from workbook)” from “edited.xlsx”. 1 cell was not taken:`);
    expect(await opened.locator('tbody tr').first().textContent()).toContain('Row left out');
    if (SHOTS) await s.page.screenshot({ path: `${SHOTS}/plan-list-opened-workbook.png` });
    await new PlanListPage(s.page).planLink(`${sample.name} (from workbook)`).waitFor();
    await opened.getByRole('link', { name: 'Open the plan' }).click();
    await ws.waitOpen();
    await ws.goToArea('Users');
    expect(await new UsersPage(s.page).countText()).toMatch(
      new RegExp(`^${(sample.users.length - 1).toLocaleString('en-US')} users|of ${(sample.users.length - 1).toLocaleString('en-US')} users`),
    );
  });
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('workbook update accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the change preview with cells not taken has no serious axe violations (${colorScheme}, 600 px)`, async () => {
      s = await openSession(browser, baseUrl, { colorScheme, viewport: { width: 600, height: 900 } });
      await s.page.goto(baseUrl);
      const ws = new WorkspacePage(s.page);
      await ws.waitOpen();
      const edited = customerEdits(await downloadWorkbook(ws));
      await ws.goToArea('Import users');
      const up = new WorkbookUpdatePage(s.page);
      await up.choose({ name: 'edited.xlsx', buffer: edited });
      await up.waitPreview();
      await s.page.evaluate(axeSource);
      const violations = await s.page.evaluate(async () => {
        type V = { id: string; impact: string; nodes: { target: string[] }[] };
        const axe = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<{ violations: V[] }> } }).axe;
        return (await axe.run(document, { resultTypes: ['violations'] })).violations;
      });
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      expect(serious).toEqual([]);
      // Nothing wider than the screen.
      expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(600);
      if (SHOTS) await s.page.screenshot({ path: `${SHOTS}/diff-preview-600-${colorScheme}.png`, fullPage: false });
    });
  }
});
