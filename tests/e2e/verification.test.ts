/** Closing the loop: results read back from the tenant show as Deployed / Failed / Missing beside users and objects. */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, type Session } from './support/browser.js';
import { PlanListPage, WorkspacePage } from './pages/app.js';
import { UsersPage } from './pages/users.js';
import { createSamplePlan, serializePlan, userKey, type Plan } from '../../src/lib/index.js';

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

const AT = '2025-03-04T14:05:00.000Z';
const FAILED_DETAIL = 'SharedCallingPolicy: expected SC-Seattle, found (none)';

/** The sample plan under another id and name, with a few verification results. */
function verifiedPlan(): Plan {
  const p = createSamplePlan();
  const [u0, u1, u2] = p.users;
  const ra = p.resourceAccounts[0]!;
  const aa = p.autoAttendants[0]!;
  return {
    ...p,
    id: 'verified',
    name: 'Verified rollout',
    verification: {
      [`user:${userKey(u0!.upn)}`]: { status: 'failed', detail: FAILED_DETAIL, at: AT },
      [`user:${userKey(u1!.upn)}`]: { status: 'done', detail: '', at: AT },
      [`user:${userKey(u2!.upn)}`]: { status: 'missing', detail: 'User not found', at: AT },
      [`resourceAccount:${ra.id}`]: { status: 'done', detail: '', at: AT },
      [`autoAttendant:${aa.id}`]: { status: 'missing', detail: 'Auto attendant not found', at: AT },
      [`sharedCallingPolicy:${p.sharedCallingPolicies[0]!.id}`]: { status: 'done', detail: '', at: AT },
      [`emergencyPolicy:${p.emergencyPolicies[0]!.id}`]: { status: 'failed', detail: 'NumberCount: expected 1, found 0', at: AT },
    },
  };
}

async function restoreVerified(): Promise<Plan> {
  s = await openSession(browser, baseUrl);
  await s.page.goto(baseUrl);
  await new WorkspacePage(s.page).waitOpen();
  const list = new PlanListPage(s.page);
  await list.open(baseUrl);
  const plan = verifiedPlan();
  await list.restore('verified-backup.json', serializePlan(plan));
  await new WorkspacePage(s.page).waitOpen();
  return plan;
}

describe('verification results', () => {
  it('Users: a Deployment column with Failed/Deployed/Missing, filterable and sortable; the user detail shows the result', async () => {
    const plan = await restoreVerified();
    const [u0, u1, u2] = plan.users;
    const users = new UsersPage(s.page);
    await users.open(baseUrl, plan.id);
    const grid = users.grid();
    await grid.getByRole('columnheader', { name: 'Deployment' }).waitFor();

    const failed = users.row(u0!.displayName).getByText(/^Failed\b/);
    await failed.waitFor();
    const title = (await failed.getAttribute('title')) ?? '';
    expect(title).toContain(FAILED_DETAIL);
    expect(title).toMatch(/Checked 2025-03-0[45] \d\d:\d\d/);
    // The accessible text carries the detail too (not only the tooltip).
    expect(await failed.textContent()).toContain(FAILED_DETAIL);
    expect(
      await users
        .row(u1!.displayName)
        .getByText(/^Deployed\b/)
        .count(),
    ).toBe(1);
    expect(
      await users
        .row(u2!.displayName)
        .getByText(/^Missing\b/)
        .count(),
    ).toBe(1);

    const total = plan.users.length;
    await users.filter('Deployment', 'failed');
    await expect.poll(() => users.countText()).toBe(`1 of ${total} users`);
    await users.filter('Deployment', 'deployed');
    await expect.poll(() => users.countText()).toBe(`1 of ${total} users`);
    await users.filter('Deployment', '=');
    await expect.poll(() => users.countText()).toBe(`${total - 3} of ${total} users`);
    await users.filter('Deployment', '');
    await expect.poll(() => users.countText()).toBe(`${total} of ${total} users`);

    await users.sortBy('Deployment');
    await expect.poll(() => users.sortState('Deployment')).toBe('ascending');
    await expect
      .poll(async () => (await users.columnTexts('Deployment')).slice(0, 4).map((t) => t.split(/[ (:]/)[0]))
      .toEqual(['Deployed', 'Failed', 'Missing', '']);
    await users.sortBy('Deployment');
    await expect
      .poll(async () => (await users.columnTexts('Deployment')).slice(0, 4).map((t) => t.split(/[ (:]/)[0]))
      .toEqual(['Missing', 'Failed', 'Deployed', '']);

    await s.page.goto(`${baseUrl}#/plan/${plan.id}/users/${encodeURIComponent(userKey(u0!.upn))}`);
    const dialog = s.page.getByRole('dialog', { name: u0!.displayName });
    await dialog.waitFor();
    const section = dialog.getByRole('region', { name: 'Deployment' });
    await section.getByText(/^Failed\b/).waitFor();
    expect(await section.textContent()).toContain(FAILED_DETAIL);
  });

  it('Accounts, Policies and Emergency show the result beside each object', async () => {
    const plan = await restoreVerified();
    const ws = new WorkspacePage(s.page);
    const ra = plan.resourceAccounts[0]!;
    const aa = plan.autoAttendants[0]!;

    await ws.goToArea('Resource accounts and auto attendants');
    const raRow = s.page.getByRole('row').filter({ hasText: ra.upn });
    await raRow.getByText(/^Deployed\b/).waitFor();
    const aaTable = s.page.getByRole('region', { name: 'Auto attendants' });
    await aaTable.getByRole('columnheader', { name: 'Deployment' }).waitFor();
    const aaMissing = aaTable
      .getByRole('row')
      .filter({ hasText: aa.name })
      .getByText(/^Missing\b/);
    await aaMissing.waitFor();
    expect(await aaMissing.getAttribute('title')).toContain('Auto attendant not found');
    // Objects without a result show nothing in the column.
    const other = plan.resourceAccounts[1]!;
    const otherRow = s.page.getByRole('row').filter({ hasText: other.upn });
    expect(await otherRow.getByText(/^(Deployed|Failed|Missing)\b/).count()).toBe(0);

    await ws.goToArea('Policies');
    const scp = plan.sharedCallingPolicies[0]!;
    await s.page
      .getByRole('row')
      .filter({ hasText: scp.name })
      .first()
      .getByText(/^Deployed\b/)
      .waitFor();

    await ws.goToArea('Emergency');
    const ecrp = plan.emergencyPolicies[0]!;
    const ecrpFailed = s.page
      .getByRole('row')
      .filter({ hasText: ecrp.name })
      .getByText(/^Failed\b/);
    await ecrpFailed.waitFor();
    expect(await ecrpFailed.getAttribute('title')).toContain('NumberCount: expected 1, found 0');
  });

  it('a plan without results has no Deployment column', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    await new WorkspacePage(s.page).waitOpen();
    const users = new UsersPage(s.page);
    await users.open(baseUrl);
    await users.grid().getByRole('columnheader', { name: 'Findings' }).waitFor();
    expect(await users.grid().getByRole('columnheader', { name: 'Deployment' }).count()).toBe(0);
    await new WorkspacePage(s.page).goToArea('Resource accounts and auto attendants');
    await s.page.getByRole('columnheader', { name: 'Findings' }).first().waitFor();
    expect(await s.page.getByRole('columnheader', { name: 'Deployment' }).count()).toBe(0);
  });
});
