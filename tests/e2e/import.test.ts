/**
 * Import users, end to end on the built app: the worker reads the file, the preview and mapping
 * are shown, one commit brings the users in (one save, one undo step). Failed, bad and cancelled
 * imports change nothing. Also: the plan data downloads and the single-file build from file://.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import * as XLSX from 'xlsx';
import { launchBrowser, openSession, type Session } from './support/browser.js';
import { PlanListPage, WorkspacePage } from './pages/app.js';
import { DataExportsPage, fileFrom, ImportPage } from './pages/import.js';
import { createSamplePlan } from '../../src/lib/index.js';

const baseUrl = inject('baseUrl');
const SAMPLE_USERS = createSamplePlan().users.length;
const fixture = (name: string) => fileFrom(resolve('tests/fixtures/import', name));
const sampleList = () => fileFrom(resolve('public/samples/sample-users.csv'));

let browser: Browser;
let s: Session;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  // Every test: no console errors, and nothing left the page's origin.
  expect(s.errors, 'console errors').toEqual([]);
  expect(s.foreign, 'requests outside the origin').toEqual([]);
  await s.context.close();
});

async function start(url = baseUrl): Promise<{ ws: WorkspacePage; imp: ImportPage }> {
  s = await openSession(browser, url);
  await s.page.goto(url);
  const ws = new WorkspacePage(s.page);
  await ws.waitOpen();
  return { ws, imp: new ImportPage(s.page) };
}

async function newEmptyPlan(url: string, name: string): Promise<string> {
  const list = new PlanListPage(s.page);
  await list.open(url);
  await list.createPlan(name);
  const m = /#\/plan\/([^/]+)\//.exec(s.page.url());
  return decodeURIComponent(m?.[1] ?? '');
}

describe('import users', () => {
  it('the sample list imports into a new empty plan with no issues; users survive a reload', async () => {
    const { ws, imp } = await start();
    const planId = await newEmptyPlan(baseUrl, 'Import test');
    await imp.open(baseUrl, planId);
    // the sample link downloads the same file as public/samples/sample-users.csv
    expect((await imp.downloadSample()).equals(sampleList().buffer)).toBe(true);
    await imp.importFile(sampleList());
    await expect.poll(() => imp.layout().textContent()).toBe('Microsoft 365 admin center export (Active users)');
    expect(await imp.previewCount('New users')).toBe(40);
    expect(await imp.previewCount('Rows with errors (skipped)')).toBe(0);
    expect(await imp.issues().count()).toBe(0);
    expect(await imp.previewRows().count()).toBe(40);
    await imp.commit('Add and update by UPN');
    await expect.poll(() => imp.summary().textContent()).toMatch(/40 users added, 0 updated, 0 removed, 0 skipped/);
    await ws.waitSaved();
    await imp.goToUsers();
    expect(await imp.usersOnUsersScreen()).toBe(40);
    // one undo step takes the whole import back, one redo brings it again
    await s.page.getByRole('button', { name: /^Undo/ }).first().click();
    await s.page.getByText('No users in this plan yet.').waitFor();
    // (wait for the save first: a redo back to the already-saved plan before the save runs leaves
    // the save status at "Saving…" — Workspace.flush returns early without setting it to saved)
    await ws.waitSaved();
    await s.page.getByRole('button', { name: /^Redo/ }).first().click();
    expect(await imp.usersOnUsersScreen()).toBe(40);
    await ws.waitSaved();
    await s.page.reload();
    await ws.waitOpen();
    expect(await imp.usersOnUsersScreen()).toBe(40);
  });

  it('a changed column mapping is used, saved with the plan and offered again for the same columns', async () => {
    const { ws, imp } = await start();
    const planId = await newEmptyPlan(baseUrl, 'Mapping test');
    await imp.open(baseUrl, planId);
    await imp.importFile(fixture('m365-admin-center.csv'));
    expect(await imp.mappingSelect('Department').inputValue()).toBe('department');
    await imp.mapColumn('Department', 'Ignore');
    expect(await imp.mappingSelect('Department').inputValue()).toBe('');
    await imp.commit('Add new users only');
    await ws.waitSaved();
    await s.page.reload();
    await ws.waitOpen();
    await imp.open(baseUrl, planId);
    await imp.importFile(fixture('m365-admin-center.csv'));
    await imp.rememberedBadge().waitFor();
    expect(await imp.mappingSelect('Department').inputValue()).toBe('');
    expect(await imp.mappingSelect('User principal name').inputValue()).toBe('upn');
    expect(await imp.previewCount('Already in the plan')).toBe(11);
  });

  it('a list with bad rows shows the row issues and imports the rest (dropped on the zone)', async () => {
    const { imp } = await start();
    await imp.open(baseUrl, 'sample');
    await imp.dropFile(fixture('blank-rows.csv'));
    await imp.waitRead();
    await expect.poll(() => imp.issues().count()).toBe(2);
    const texts = await imp.issues().allTextContents();
    expect(texts[0]).toMatch(/Row 7\s*Error\s*Row 7 has no user principal name/);
    expect(texts[1]).toMatch(/Row 8\s*Error/);
    expect(await imp.previewCount('Rows with errors (skipped)')).toBe(2);
    await imp.commit('Add new users only');
    await expect.poll(() => imp.summary().textContent()).toMatch(/2 users added/);
    // formula-looking cells are imported as text, never evaluated
    await imp.importAnother();
    await imp.importFile(fixture('hostile-injection.csv'));
    expect(await imp.previewRows().count()).toBe(4);
    await imp.commit('Add new users only');
    await expect.poll(() => imp.summary().textContent()).toMatch(/4 users added/);
  });

  it('bad files show a clear message and change nothing', async () => {
    const { imp } = await start();
    await imp.open(baseUrl, 'sample');
    const cases: [string, RegExp][] = [
      ['empty.csv', /The file is empty/],
      ['not-a-spreadsheet.png', /PNG image, not a spreadsheet/],
      ['encrypted.xlsx', /password-protected/],
      ['random.bin', /not a spreadsheet/],
      ['header-only.csv', /header row but no users/],
    ];
    for (const [name, message] of cases) {
      await imp.importFile(fixture(name));
      await expect.poll(() => imp.problem().textContent()).toMatch(message);
      expect(await imp.importButton().count()).toBe(0);
    }
    await imp.goToUsersArea();
    expect(await imp.usersOnUsersScreen()).toBe(SAMPLE_USERS);
  });

  it('cancelling a large read changes nothing; the next import works', async () => {
    const { imp } = await start();
    await imp.open(baseUrl, 'sample');
    await imp.dropGeneratedCsv('huge.csv', 400_000);
    await imp.progressBar().waitFor();
    await imp.cancelReading();
    await expect.poll(() => imp.note().textContent()).toMatch(/Import of huge\.csv cancelled\. Nothing was changed\./);
    expect(await s.page.getByRole('heading', { name: 'What was found' }).count()).toBe(0);
    expect(await imp.progressBar().count()).toBe(0);
    await imp.importFile(fixture('duplicates.csv'));
    expect(await imp.previewCount('Duplicate UPNs in the list')).toBe(1);
    await imp.goToUsersArea();
    expect(await imp.usersOnUsersScreen()).toBe(SAMPLE_USERS);
  });

  it('replacing the user list asks first, saying how many users go', async () => {
    const { imp } = await start();
    await imp.open(baseUrl, 'sample');
    await imp.importFile(fixture('m365-admin-center.csv'));
    const notInList = await imp.previewCount('In the plan, not in the list');
    expect(notInList).toBeGreaterThan(0);
    await imp.commit('Replace the user list', false);
    await imp.replaceDialog().waitFor({ state: 'hidden' });
    expect(await s.page.getByRole('heading', { name: 'Import finished' }).count()).toBe(0);
    await imp.importButton().click();
    await expect.poll(() => imp.replaceDialog().textContent()).toContain(`${notInList} users will be removed`);
    await imp.replaceDialog().getByRole('button', { name: 'Replace the user list' }).click();
    await expect.poll(() => imp.summary().textContent()).toMatch(new RegExp(`${notInList} removed`));
    await imp.goToUsers();
    expect(await imp.usersOnUsersScreen()).toBe(11);
  });

  it('a workbook with several sheets offers a sheet chooser', async () => {
    const { imp } = await start();
    await imp.open(baseUrl, 'sample');
    await imp.importFile(fixture('m365-admin-center.xlsx'));
    expect(await imp.sheetSelect().inputValue()).toBe('Users');
    expect(await imp.previewRows().count()).toBe(11);
    await imp.chooseSheet('Read me');
    await expect.poll(() => imp.problem().textContent()).toMatch(/No column with user principal names/);
    await imp.chooseSheet('Users');
    expect(await imp.previewRows().count()).toBe(11);
  });

  it('the page stays responsive while 20,000 rows are read', async () => {
    const { imp } = await start();
    await imp.open(baseUrl, 'sample');
    // Record the gaps between animation frames while the progress bar is shown (both frames of a
    // gap inside the read: the frame that handles the file chooser itself is not the read).
    await s.page.evaluate(() => {
      const w = window as unknown as { __gaps: number[]; __frames: number };
      w.__gaps = [];
      w.__frames = 0;
      let last = performance.now();
      let lastHadProgress = false;
      const tick = (t: number) => {
        const hasProgress = !!document.querySelector('progress');
        if (hasProgress && lastHadProgress) {
          w.__gaps.push(t - last);
          w.__frames++;
        }
        lastHadProgress = hasProgress;
        last = t;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const started = Date.now();
    await imp.dropGeneratedCsv('twenty-thousand.csv', 20_000);
    await imp.waitRead();
    const elapsed = Date.now() - started;
    const { gaps, frames } = await s.page.evaluate(() => {
      const w = window as unknown as { __gaps: number[]; __frames: number };
      return { gaps: w.__gaps, frames: w.__frames };
    });
    const worst = Math.max(...gaps);
    console.log(`20,000 rows: read and shown in ${elapsed} ms; ${frames} frames while reading, longest gap ${worst.toFixed(0)} ms`);
    expect(frames).toBeGreaterThan(2);
    expect(worst).toBeLessThan(200);
    expect(await imp.previewCount('New users')).toBe(20_000);
    expect(await imp.previewRows().count()).toBe(50);
  });

  it('without Web Workers the file is read on the page, and the person is told', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.addInitScript(() => {
      // A locked-down browser: starting a worker throws.
      (window as unknown as { Worker: unknown }).Worker = function () {
        throw new DOMException('Workers are disabled by policy', 'SecurityError');
      };
    });
    await s.page.goto(baseUrl);
    const imp = new ImportPage(s.page);
    await new WorkspacePage(s.page).waitOpen();
    await imp.open(baseUrl, 'sample');
    await imp.importFile(fixture('m365-admin-center.csv'));
    await expect.poll(() => imp.note().textContent()).toMatch(/does not allow background workers/);
    expect(await imp.previewRows().count()).toBe(11);
  });
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('import screen accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the preview with mapping, issues and commit choices has no serious axe violations (${colorScheme})`, async () => {
      s = await openSession(browser, baseUrl, { colorScheme });
      await s.page.goto(baseUrl);
      await new WorkspacePage(s.page).waitOpen();
      const imp = new ImportPage(s.page);
      await imp.open(baseUrl, 'sample');
      await imp.importFile(fixture('mangled-numbers.csv'));
      await imp.issues().first().waitFor();
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
    });
  }
});

describe('plan data downloads', () => {
  it('the workbook and the users CSV download; the workbook reads back with every user', async () => {
    const { ws } = await start();
    await ws.goToArea('Export');
    const dl = new DataExportsPage(s.page);
    const book = await dl.download('Download workbook (.xlsx)');
    expect(book.name).toMatch(/\.xlsx$/);
    const wb = XLSX.read(book.bytes, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json(wb.Sheets['Users']!, { header: 1, blankrows: false }) as unknown[][];
    expect(rows.length - 1).toBe(SAMPLE_USERS);
    const csv = await dl.download('Download users (.csv)');
    expect(csv.name).toMatch(/ users\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').trim().split('\r\n');
    expect(lines.length - 1).toBe(SAMPLE_USERS);
  });
});

describe('single-file build', () => {
  it('imports a CSV from file://', async () => {
    const file = resolve('dist-single/index.html');
    expect(existsSync(file), 'dist-single/index.html (run npm run build)').toBe(true);
    const url = pathToFileURL(file).href;
    const { ws, imp } = await start(url);
    const planId = await newEmptyPlan(url, 'Laptop import');
    await imp.open(url, planId);
    await imp.importFile(sampleList());
    expect(await imp.previewCount('New users')).toBe(40);
    expect(await imp.note().count()).toBe(0); // the inline worker ran: no fallback note
    await imp.commit('Add and update by UPN');
    await ws.waitSaved();
    await imp.goToUsers();
    expect(await imp.usersOnUsersScreen()).toBe(40);
    // the embedded sample list downloads without a file next to index.html
    await imp.open(url, planId);
    expect((await imp.downloadSample()).equals(sampleList().buffer)).toBe(true);
  });
});
