/**
 * Issue 12 ("Real tenants") in the browser: a user export full of guests is scoped in one step, and
 * a Shared Calling policy is switched to group assignment.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, type Session } from './support/browser.js';
import { PlanListPage, WorkspacePage } from './pages/app.js';
import { ImportPage } from './pages/import.js';
import { ObjectsPage } from './pages/objects.js';

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
  expect(s.errors, 'console errors').toEqual([]);
  expect(s.foreign, 'requests outside the origin').toEqual([]);
  await s.context.close();
});

async function start(): Promise<{ ws: WorkspacePage; imp: ImportPage }> {
  s = await openSession(browser, baseUrl);
  await s.page.goto(baseUrl);
  const ws = new WorkspacePage(s.page);
  await ws.waitOpen();
  return { ws, imp: new ImportPage(s.page) };
}

/** An Entra "Download users" style list: 20 members and 500 guests (#EXT#, userType Guest). */
function guestList(): { name: string; buffer: Buffer } {
  const lines = ['userPrincipalName,displayName,userType,usageLocation,accountEnabled'];
  for (let i = 0; i < 20; i++) lines.push(`member${i}@contoso.com,Member ${i},Member,US,True`);
  for (let i = 0; i < 500; i++) lines.push(`guest${i}_fabrikam.com#EXT#@contoso.onmicrosoft.com,Guest ${i},Guest,,True`);
  return { name: 'entra-users.csv', buffer: Buffer.from(lines.join('\r\n')) };
}

describe('scope (issue 12 item 5)', () => {
  it('an import with 500 guests excludes them in one step; they stay listed with the reason', async () => {
    const { ws, imp } = await start();
    const list = new PlanListPage(s.page);
    await list.open(baseUrl);
    await list.createPlan('Guests');
    const planId = decodeURIComponent(/#\/plan\/([^/]+)\//.exec(s.page.url())?.[1] ?? '');
    await imp.open(baseUrl, planId);
    await imp.importFile(guestList());
    const box = s.page.getByRole('checkbox', { name: /Exclude the 500 flagged users/ });
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    await imp.commit('Add and update by UPN');
    await expect.poll(() => imp.summary().textContent()).toMatch(/520 users added/);
    await ws.waitSaved();
    await imp.goToUsers();
    expect(await imp.usersOnUsersScreen()).toBe(520);
    await s.page.getByLabel('Search users').fill('#EXT#');
    await s.page
      .getByRole('status')
      .filter({ hasText: /^500 of 520 users/ })
      .waitFor();
    await expect.poll(() => s.page.getByText('Excluded: Guest account').count()).toBeGreaterThan(0);
    await s.page.screenshot({ path: '/tmp/real-tenants-excluded.png' }).catch(() => undefined);
    // Members are not flagged.
    await s.page.getByLabel('Search users').fill('member1');
    await s.page
      .getByRole('status')
      .filter({ hasText: /^11 of 520 users/ })
      .waitFor();
    expect(await s.page.getByText(/^Excluded:/).count()).toBe(0);
  });
});

describe('users without Teams Phone (issue 12 item 5)', () => {
  it('quick start leaves them out unless the admin includes them', async () => {
    const { ws, imp } = await start();
    const list = new PlanListPage(s.page);
    await list.open(baseUrl);
    await list.createPlan('No phone');
    const planId = decodeURIComponent(/#\/plan\/([^/]+)\//.exec(s.page.url())?.[1] ?? '');
    await imp.open(baseUrl, planId);
    // A Microsoft 365 admin center style list: 8 users with Teams Phone, 4 with Office only.
    const lines = ['User principal name,Display name,Usage location,Office,Licenses'];
    for (let i = 0; i < 8; i++) lines.push(`phone${i}@contoso.com,Phone ${i},US,Seattle,Microsoft 365 E3+Microsoft Teams Phone Standard`);
    for (let i = 0; i < 4; i++) lines.push(`office${i}@contoso.com,Office ${i},US,Seattle,Office 365 E3`);
    await imp.importFile({ name: 'users.csv', buffer: Buffer.from(lines.join('\r\n')) });
    // Keep them in the plan this time (the import offers to exclude them).
    const box = s.page.getByRole('checkbox', { name: /Exclude the 4 flagged users/ });
    await box.waitFor();
    await box.uncheck();
    await imp.commit('Add and update by UPN');
    await ws.waitSaved();
    await imp.goToUsers();
    await s.page.getByRole('button', { name: 'Quick start…' }).click();
    const qs = s.page.getByRole('region', { name: 'Quick start' });
    const seattle = qs.getByRole('row').filter({ has: s.page.getByRole('textbox', { name: 'Name of site 1' }) });
    await expect.poll(() => seattle.getByRole('cell').nth(1).textContent()).toBe('8');
    await qs.getByRole('checkbox', { name: 'Include the 4 users without Teams Phone' }).check();
    await expect.poll(() => seattle.getByRole('cell').nth(1).textContent()).toBe('12');
  });
});

describe('group assignment (issue 12 item 6)', () => {
  it('a Shared Calling policy switched to group assignment shows the method; G4 flags two groups with one rank', async () => {
    const { ws } = await start();
    const o = new ObjectsPage(s.page);
    await ws.goToArea('Policies');
    await o.row('SC-Seattle').getByText('Per user').waitFor();
    await o
      .row('SC-Seattle')
      .getByRole('button', { name: /Edit Shared Calling policy SC-Seattle/ })
      .click();
    const d = o.openDialog();
    await d.getByText(/users in scope hold this policy/).waitFor();
    await d.getByRole('radio', { name: /Entra group with a rank/ }).check();
    await d.getByLabel('Group name', { exact: true }).fill('SC Seattle users');
    await d.getByLabel('Rank', { exact: true }).fill('0');
    await o.saveRefused(d, /whole number from 1/);
    await d.getByLabel('Rank', { exact: true }).fill('1');
    await d.getByRole('checkbox', { name: 'Group exists in the tenant' }).check();
    await o.save(d);
    await o
      .row('SC-Seattle')
      .getByText(/By group SC Seattle users, rank 1 \(exists\)/)
      .waitFor();
    await ws.waitSaved();
    // A second group with the same rank: G4 on the policies screen's findings.
    await o
      .row('SC-London')
      .getByRole('button', { name: /Edit Shared Calling policy SC-London/ })
      .click();
    const d2 = o.openDialog();
    await d2.getByRole('radio', { name: /Entra group with a rank/ }).check();
    await d2.getByLabel('Group name', { exact: true }).fill('SC London users');
    await d2.getByLabel('Rank', { exact: true }).fill('1');
    await o.save(d2);
    await s.page.screenshot({ path: '/tmp/real-tenants-groups.png', fullPage: false }).catch(() => undefined);
    await ws.waitSaved();
    await s.page.reload();
    await ws.waitOpen();
    await ws.goToArea('Policies');
    await o
      .row('SC-Seattle')
      .getByText(/By group SC Seattle users, rank 1/)
      .waitFor();
    await ws.goToArea('Checks');
    await s.page
      .getByText(/both have rank 1/)
      .first()
      .waitFor();
  });
});

describe('discovery (issue 12 item 3)', () => {
  const discovery = () => ({
    name: 'SharedCalling-Discovery.json',
    mimeType: 'application/json',
    buffer: readFileSync(resolve('tests/fixtures/discovery/small-tenant.json')),
  });

  it('the plan list offers the read-only discovery script for a tenant with no plan yet', async () => {
    await start();
    const list = new PlanListPage(s.page);
    await list.open(baseUrl);
    await s.page.getByText('Starting from a tenant that already exists?').click();
    await s.page.screenshot({ path: '/tmp/real-tenants-planlist.png' }).catch(() => undefined);
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: 'Download the discovery script' }).click()]);
    expect(download.suggestedFilename()).toBe('00-discovery.ps1');
    const bytes = readFileSync(await download.path());
    // UTF-8 with BOM, as every generated script, and read-only: no cmdlet that changes anything.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('stage 00: read what the plan needs from the tenant (read-only)');
    expect(text).not.toMatch(/^\s*(Set|New|Grant|Remove|Update|Register|Sync)-(Cs|Mg)\w+/m);
    // The same page then reads the file the script writes.
    await s.page.getByRole('button', { name: 'Read SharedCalling-Discovery.json…' }).waitFor();
  });

  it('New plan from tenant: a brownfield plan with the objects marked existing and the guest excluded; Compare with tenant shows the diff', async () => {
    const { ws } = await start();
    const list = new PlanListPage(s.page);
    await list.open(baseUrl);
    const chooser = s.page.waitForEvent('filechooser');
    await s.page.getByRole('button', { name: 'New plan from tenant…' }).click();
    await (await chooser).setFiles(discovery());
    await ws.waitOpen();
    const o = new ObjectsPage(s.page);
    await ws.goToArea('Policies');
    await o.row('SC-Main').getByText('Exists in the tenant').waitFor();
    await o
      .row('SC-Main')
      .getByRole('button', { name: /Edit Shared Calling policy SC-Main/ })
      .click();
    const d = o.openDialog();
    expect(await d.getByRole('checkbox', { name: 'Exists in the tenant' }).isChecked()).toBe(true);
    await d.getByRole('button', { name: 'Cancel' }).click();
    // The list screens say which objects exist in the tenant, as the editors do.
    await ws.goToArea('Resource accounts and auto attendants');
    await o.row('main@contoso.com').getByText('Exists in the tenant').waitFor();
    await o.row('Main Auto Attendant').getByText('Exists in the tenant').waitFor();
    await ws.goToArea('Users');
    await s.page
      .getByRole('status')
      .filter({ hasText: /^3 of 3 users/ })
      .waitFor();
    await s.page.getByText('Excluded: Guest account').waitFor();

    // Compare with tenant on the Overview: the plan equals the tenant; after an edit, the diff shows it.
    await ws.goToArea('Policies');
    await o
      .row('SC-Main')
      .getByRole('button', { name: /Edit Shared Calling policy SC-Main/ })
      .click();
    const d2 = o.openDialog();
    await d2.getByLabel('Description', { exact: true }).fill('Main line');
    await d2.getByLabel('Policy name', { exact: true }).fill('SC-Main-2');
    await o.save(d2);
    await ws.goToArea('Overview');
    const compare = s.page.getByRole('region', { name: 'Compare with tenant' });
    const chooser2 = s.page.waitForEvent('filechooser');
    await compare.getByRole('button', { name: 'Read discovery file…' }).click();
    await (await chooser2).setFiles(discovery());
    await compare.getByText('Compared with SharedCalling-Discovery.json.').waitFor();
    const table = compare.getByRole('table', { name: 'Shared Calling policies compared with the tenant' });
    await table.getByRole('row').filter({ hasText: 'SC-Main-2' }).getByText('To create').waitFor();
    await table.getByRole('row').filter({ hasText: 'SC-Main' }).filter({ hasNotText: 'SC-Main-2' }).getByText('In the tenant, not in the plan').waitFor();
    await s.page.screenshot({ path: '/tmp/real-tenants-compare.png', fullPage: false }).catch(() => undefined);
  });
});

describe('number inventory import (issue 12 item 1)', () => {
  it('an Export-CsAcquiredPhoneNumber file: preview with the inferred kinds, Add, one undo step', async () => {
    const { ws } = await start();
    await ws.goToArea('Sites and numbers');
    const before = await s.page.getByRole('table').nth(1).getByRole('row').count();
    await s.page.getByRole('button', { name: 'Import numbers…' }).click();
    const d = s.page.getByRole('dialog', { name: 'Import numbers' });
    await d.getByLabel('Number file').setInputFiles(resolve('tests/fixtures/numbers/export-acquired.csv'));
    await d
      .getByRole('status')
      .getByText(/Export-CsAcquiredPhoneNumber export — 5 numbers, 2 new, kind inferred for 3/)
      .waitFor();
    await d.getByRole('table', { name: 'Numbers in the file' }).getByText('Service: from its capabilities', { exact: false }).first().waitFor();
    await s.page.screenshot({ path: '/tmp/real-tenants-numbers.png' }).catch(() => undefined);
    await d.getByRole('button', { name: /^Import 5 numbers/ }).click();
    await d.waitFor({ state: 'hidden' });
    await s.page.getByText('+61255501000').first().waitFor();
    await s.page.getByText('+18885550100').first().waitFor();
    await ws.waitSaved();
    await s.page.getByRole('button', { name: /^Undo/ }).first().click();
    await expect.poll(() => s.page.getByText('+61255501000').count()).toBe(0);
    expect(await s.page.getByRole('table').nth(1).getByRole('row').count()).toBe(before);
  });

  it('Import numbers is also beside Import users: a Get-CsPhoneNumberAssignment | Export-Csv file from Windows PowerShell 5.1 (#TYPE line)', async () => {
    const { ws } = await start();
    await ws.goToArea('Import users');
    await s.page.getByRole('button', { name: 'Import numbers…' }).click();
    const d = s.page.getByRole('dialog', { name: 'Import numbers' });
    await d.getByLabel('Number file').setInputFiles(resolve('tests/fixtures/numbers/get-phone-number-assignment-51.csv'));
    await d
      .getByRole('status')
      .getByText(/Get-CsPhoneNumberAssignment/)
      .waitFor();
    const count = Number(/— (\d+) numbers/.exec((await d.getByRole('status').textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    await d.getByRole('button', { name: /^Import \d+ numbers?/ }).click();
    await d.waitFor({ state: 'hidden' });
    await ws.goToArea('Sites and numbers');
    await s.page.getByText('+12065550100').first().waitFor();
  });
});
