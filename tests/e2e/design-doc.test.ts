/**
 * The design document (issue 15), end to end: downloaded from the Export screen, opened as a file
 * on its own with the network cut off, every section present, and printed to PDF by Chromium.
 * With SHOTS_DIR set, the PDF is kept there to be looked at as pages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, type Session } from './support/browser.js';
import { PlanListPage, WorkspacePage } from './pages/app.js';
import { createSamplePlan, serializePlan, userKey, type Plan } from '../../src/lib/index.js';
import { DESIGN_DOC_SECTIONS } from '../../src/lib/design-doc/index.js';
import { STAGES } from '../../src/lib/powershell/index.js';

const baseUrl = inject('baseUrl');
const SHOTS = process.env.SHOTS_DIR;
const AT = '2026-11-30T10:00:00.000Z';

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

/** The sample plan after a rollout: a verification report is loaded, with one failure. */
function rolledOut(): Plan {
  const p = createSamplePlan();
  const verification: Plan['verification'] = {};
  for (const u of p.users) verification[`user:${userKey(u.upn)}`] = { status: 'done', detail: '', at: AT };
  verification[`user:${userKey(p.users[0]!.upn)}`] = { status: 'failed', detail: 'SharedCallingPolicy: expected SC-Seattle, found (none)', at: AT };
  for (const r of p.resourceAccounts) verification[`resourceAccount:${r.id}`] = { status: 'done', detail: '', at: AT };
  return { ...p, id: 'rolled-out', name: 'Contoso rollout', verification };
}

describe('design document', () => {
  it('downloads from Export as one file that opens alone with no request, has every section, and prints to PDF', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    const ws = new WorkspacePage(s.page);
    await ws.waitOpen();
    const list = new PlanListPage(s.page);
    await list.open(baseUrl);
    const plan = rolledOut();
    await list.restore('rolled-out.json', serializePlan(plan));
    await ws.waitOpen();
    await ws.goToArea('Export');
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: 'Download design document (.html)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Contoso rollout .* design\.html$/);
    const dir = mkdtempSync(join(tmpdir(), 'scp-doc-'));
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);

    // The file on its own, in a fresh context with every request refused except the file itself.
    const ctx = await browser.newContext();
    const requests: string[] = [];
    const errors: string[] = [];
    await ctx.route('**/*', (route) => {
      const url = route.request().url();
      if (url === pathToFileURL(file).href) return route.continue();
      requests.push(url);
      return route.abort();
    });
    const page = await ctx.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator('h1').textContent()).toBe('Contoso rollout');
    expect(await page.locator('section.doc-section > h2').allTextContents()).toEqual(DESIGN_DOC_SECTIONS.map((x) => x.title));
    for (const p of plan.sharedCallingPolicies) {
      const article = page.locator('article.policy').filter({ has: page.locator('h3', { hasText: p.name }) });
      await expect.poll(() => article.locator('svg.callflow title').textContent()).toBe(`Call flow of Shared Calling policy ${p.name}`);
      expect(await article.locator('svg.sizing title').textContent()).toBe(`Reuse probability by number of callback numbers for ${p.name}`);
      expect(await article.locator('p').filter({ hasText: 'recommends' }).count()).toBe(1);
    }
    const runbook = await page.locator('#runbook table.runbook tbody tr td:nth-child(2)').allTextContents();
    expect(runbook).toEqual(STAGES.map((x) => x.file));
    const deployment = (await page.locator('#deployment').textContent()) ?? '';
    expect(deployment).toContain(`${plan.users.length - 1 + plan.resourceAccounts.length} deployed as planned, 1 different from the plan, 0 not found`);
    expect(deployment).toContain('SharedCallingPolicy: expected SC-Seattle, found (none)');
    // Scripts are refused by the document's own policy even if one were injected.
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(0);

    // Printed: A4 pages, each major section on its own page, figures not cut.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() =>
      [...document.querySelectorAll('section.doc-section, article.policy')].map((el) => ({
        id: el.id,
        shown: (el as HTMLElement).offsetHeight > 0,
        breakBefore: getComputedStyle(el).breakBefore,
      })),
    );
    // Every section and policy is printed; each starts a page, except the summary below the cover
    // and the first policy below its section heading.
    expect(printed.every((x) => x.shown)).toBe(true);
    expect(printed.filter((x) => x.breakBefore === 'page').map((x) => x.id)).toEqual([
      ...DESIGN_DOC_SECTIONS.slice(1, 3).map((x) => x.id),
      ...plan.sharedCallingPolicies.slice(1).map((_, i) => `policy-${i + 2}`),
      ...DESIGN_DOC_SECTIONS.slice(3).map((x) => x.id),
    ]);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    // Summary on the cover page, then one page at least for every other section and every policy.
    expect(pages).toBeGreaterThanOrEqual(DESIGN_DOC_SECTIONS.length - 1 + plan.sharedCallingPolicies.length);
    if (SHOTS) writeFileSync(join(SHOTS, 'design-document.pdf'), pdf);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('opens in a new tab to print', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    const ws = new WorkspacePage(s.page);
    await ws.waitOpen();
    await ws.goToArea('Export');
    if (SHOTS) await s.page.getByRole('button', { name: 'Download design document (.html)' }).screenshot({ path: join(SHOTS, 'export-buttons-anchor.png') });
    if (SHOTS) await s.page.screenshot({ path: join(SHOTS, 'export-screen.png'), fullPage: true });
    const [tab] = await Promise.all([s.context.waitForEvent('page'), s.page.getByRole('button', { name: 'Open design document to print as PDF' }).click()]);
    await tab.waitForLoadState();
    expect(await tab.locator('h1').textContent()).toBe(createSamplePlan().name);
    expect(await tab.locator('section.doc-section').count()).toBe(DESIGN_DOC_SECTIONS.length);
  });
});
