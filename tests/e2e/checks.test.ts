import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, type Session } from './support/browser.js';
import { WorkspacePage } from './pages/app.js';
import { ChecksPage, DashboardPage } from './pages/checks.js';
import { createSamplePlan, RULES } from '../../src/lib/index.js';

const baseUrl = inject('baseUrl');
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

async function start(): Promise<WorkspacePage> {
  s = await openSession(browser, baseUrl);
  await s.page.goto(baseUrl);
  const ws = new WorkspacePage(s.page);
  await ws.waitOpen();
  return ws;
}

const E6 = RULES.E6!.title;

describe('readiness dashboard and checks', () => {
  it('the sample plan shows no errors and no warnings on the dashboard', async () => {
    await start();
    const dash = new DashboardPage(s.page);
    await dash.open(baseUrl);
    expect(await dash.count('blocking error')).toBe(0);
    expect(await dash.count('warning')).toBe(0);
    await dash.blockingErrors().getByText('No blocking errors.').waitFor();
    for (const site of createSamplePlan().sites) expect(await dash.siteStatus(site.name).textContent()).toContain('Ready');
  });

  it('turning on site-assigned emergency policies on the Overview raises E3, linked to the tenant settings', async () => {
    const ws = await start();
    const dash = new DashboardPage(s.page);
    await dash.open(baseUrl);
    await dash.setSiteAssignedEmergencyPolicies(true);
    // E3 (mixed tenant) and E4 (a site policy overrides only for users with a Direct Routing number).
    await expect.poll(() => dash.count('warning')).toBe(2);
    await ws.waitSaved();

    const checks = new ChecksPage(s.page);
    await checks.open(baseUrl);
    expect(await checks.count('warning')).toBe(2);
    await checks.finding('E4', 'Tenant').waitFor();
    const card = checks.finding('E3', 'Tenant');
    await card.waitFor();
    expect(await card.textContent()).toContain(RULES.E3!.title);
    expect(await checks.explain('E3', 'Tenant')).toContain(RULES.E3!.source);
    await checks.openSubject('E3', 'Tenant');
    await expect.poll(() => ws.heading().textContent()).toBe('Overview');
    expect(await s.page.getByRole('checkbox', { name: /site-assigned emergency call routing policies/ }).isChecked()).toBe(true);
  });

  it('unticking a checklist item makes its finding appear, with a link that leads to the site', async () => {
    const ws = await start();
    const checks = new ChecksPage(s.page);
    await checks.open(baseUrl);
    expect(await checks.count('warning')).toBe(0);
    await checks.checklistBox('E6', E6, 'Sydney').uncheck();
    await expect.poll(() => checks.count('warning')).toBe(1);
    const card = checks.finding('E6', 'Sydney');
    expect(await card.textContent()).toContain('outside North America');
    // The unticked item stays in the checklist so it can be ticked again.
    expect(await checks.checklistBox('E6', E6, 'Sydney').isChecked()).toBe(false);
    await ws.waitSaved();
    await checks.openSubject('E6', 'Sydney');
    await expect.poll(() => ws.heading().textContent()).toBe('Sites and numbers');
    expect(s.page.url()).toContain('#/plan/sample/sites/site-sydney');
  });

  it('ticking a checklist box removes its finding and survives a reload, note included', async () => {
    const ws = await start();
    const checks = new ChecksPage(s.page);
    await checks.open(baseUrl);
    await checks.checklistBox('E6', E6, 'London').uncheck();
    await checks.finding('E6', 'London').waitFor();
    await checks.checklistNote('E6', 'London').fill('Upload confirmed by the carrier, ticket 4711');
    await checks.checklistNote('E6', 'London').press('Tab');
    await checks.checklistBox('E6', E6, 'London').check();
    await checks.finding('E6', 'London').waitFor({ state: 'detached' });
    expect(await checks.count('warning')).toBe(0);
    await ws.waitSaved();
    await s.page.reload();
    await s.page.getByRole('heading', { name: 'Checks', level: 1 }).waitFor();
    await expect.poll(() => checks.checklistBox('E6', E6, 'London').isChecked()).toBe(true);
    expect(await checks.checklistNote('E6', 'London').inputValue()).toBe('Upload confirmed by the carrier, ticket 4711');
    expect(await checks.finding('E6', 'London').count()).toBe(0);
  });

  it('a subject link from a badge shows only that object, with a way back to all findings', async () => {
    await start();
    const checks = new ChecksPage(s.page);
    await checks.open(baseUrl, 'sample', 'scp-seattle');
    expect(await checks.scopeNotice().textContent()).toContain('SC-Seattle');
    await checks.finding('V1', 'SC-Seattle').waitFor();
    // The policy's own note (V1) and the note on its auto attendant's scope (AA5: shared surnames).
    await checks.finding('AA5', 'Seattle Main Auto Attendant').waitFor();
    expect(await s.page.getByRole('article').count()).toBe(2);
    await checks.showAll();
    await expect.poll(() => s.page.getByRole('article').count()).toBeGreaterThan(1);
    await checks.search('no-such-text-anywhere');
    await s.page.getByText('No finding matches these filters.').waitFor();
  });

  it('draws the call flow of every sample policy with its shared number and callback numbers', async () => {
    await start();
    const dash = new DashboardPage(s.page);
    await dash.open(baseUrl);
    const plan = createSamplePlan();
    for (const p of plan.sharedCallingPolicies) {
      await dash.chooseCallFlow(p.name);
      const svg = dash.callFlow(p.name);
      await svg.waitFor();
      const text = (await svg.textContent()) ?? '';
      const ra = plan.resourceAccounts.find((r) => r.id === p.resourceAccountId)!;
      const raNumber = plan.numbers.find((n) => n.id === ra.numberId)!.e164;
      expect(text).toContain(raNumber);
      for (const id of p.callbackNumberIds) expect(text).toContain(plan.numbers.find((n) => n.id === id)!.e164);
      // Missing pieces would be dashed boxes: the sample has none.
      expect(await svg.locator('.box.missing').count()).toBe(0);
    }
  });
});
