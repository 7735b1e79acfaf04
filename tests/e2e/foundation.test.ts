import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, type Session } from './support/browser.js';
import { PlanListPage, WorkspacePage } from './pages/app.js';
import { createSamplePlan, deserializePlan } from '../../src/lib/index.js';

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

describe('foundation', () => {
  it('first start opens the sample plan', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    const ws = new WorkspacePage(s.page);
    await expect.poll(() => ws.heading().textContent()).toBe('Overview');
    expect(s.page.url()).toContain('#/plan/sample/overview');
    const sample = createSamplePlan();
    await s.page.getByText(sample.name).first().waitFor();
    const users = s.page.getByRole('region', { name: 'Plan contents' }).getByText(String(sample.users.length), { exact: true });
    await users.waitFor();
    for (const area of ['Import users', 'Users', 'Sites and numbers', 'Resource accounts and auto attendants', 'Policies', 'Emergency', 'Checks', 'Export']) {
      await ws.goToArea(area);
      await expect.poll(() => ws.heading().textContent()).toBe(area);
    }
    await ws.goToArea('Sites and numbers');
    for (const site of sample.sites) await s.page.getByRole('cell', { name: site.name, exact: true }).first().waitFor();
  });

  it('create a plan, edit it, reload: the edit is still there', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    await new WorkspacePage(s.page).waitOpen();
    const list = new PlanListPage(s.page);
    await list.open(baseUrl);
    await list.createPlan('Fabrikam rollout');
    const ws = new WorkspacePage(s.page);
    await s.page.getByLabel('Tenant domain').fill('fabrikam.com');
    await s.page.getByLabel('Notes').click(); // change event on blur
    await ws.waitSaved();
    await s.page.reload();
    await expect.poll(() => s.page.getByLabel('Tenant domain').inputValue()).toBe('fabrikam.com');
    await ws.backToPlans();
    await list.planLink('Fabrikam rollout').waitFor();
  });

  it('backup, delete, restore gives the same plan', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    await new WorkspacePage(s.page).waitOpen();
    const list = new PlanListPage(s.page);
    await list.open(baseUrl);
    const name = createSamplePlan().name;
    const before = await list.downloadBackup(name);
    expect(deserializePlan(before)).toEqual(createSamplePlan());
    await list.deletePlan(name);
    await list.restore('backup.json', before);
    await new WorkspacePage(s.page).waitOpen();
    await list.open(baseUrl);
    const after = await list.downloadBackup(name);
    expect(deserializePlan(after)).toEqual(deserializePlan(before));
  });

  it('a file that is not a backup is refused with a message and changes nothing', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    await new WorkspacePage(s.page).waitOpen();
    const list = new PlanListPage(s.page);
    await list.open(baseUrl);
    await list.restore('notes.json', '{"hello": "world"}');
    await s.page
      .getByRole('alert')
      .getByText(/was not restored/)
      .waitFor();
    expect(await s.page.getByRole('list', { name: 'Plans' }).getByRole('listitem').count()).toBe(1);
  });

  it('restoring a plan that exists asks before replacing it', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    await new WorkspacePage(s.page).waitOpen();
    const list = new PlanListPage(s.page);
    await list.open(baseUrl);
    const name = createSamplePlan().name;
    const backup = await list.downloadBackup(name);
    await list.restore('backup.json', backup);
    const dialog = s.page.getByRole('dialog', { name: 'This plan already exists' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Keep both' }).click();
    await new WorkspacePage(s.page).waitOpen();
    await list.open(baseUrl);
    await list.planLink(`${name} (restored)`).waitFor();
    await list.planLink(name).waitFor();
  });

  it('delete can be undone', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    await new WorkspacePage(s.page).waitOpen();
    const list = new PlanListPage(s.page);
    await list.open(baseUrl);
    const name = createSamplePlan().name;
    await list.deletePlan(name);
    await s.page.getByRole('button', { name: 'Undo' }).click();
    await list.planLink(name).waitFor();
  });

  it('a deleted plan can be restored from Recently deleted after a reload', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    await new WorkspacePage(s.page).waitOpen();
    const list = new PlanListPage(s.page);
    await list.open(baseUrl);
    const name = createSamplePlan().name;
    await list.deletePlan(name);
    await s.page.reload();
    await s.page.getByText('Recently deleted (1)').click();
    await s.page.getByRole('button', { name: `Restore ${name}` }).click();
    await list.planLink(name).waitFor();
  });
});
