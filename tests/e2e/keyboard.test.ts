/**
 * Keyboard only, end to end: import a user list → assign a policy in bulk → export the scripts.
 * Focus moves with Tab and is used with Enter, Space and typing; nothing is clicked.
 */
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, FileChooser, Locator, Page } from 'playwright-core';
import { launchBrowser, openSession, type Session } from './support/browser.js';
import { WorkspacePage } from './pages/app.js';

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

/** Press Tab until `target` has focus (fails after `max` presses). */
async function tabTo(page: Page, target: Locator, max = 250): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target.toString()} with Tab`);
}

/**
 * Follow a navigation link with Enter. The app then moves focus to the area's heading (for
 * keyboard and screen-reader users); wait for that before tabbing on.
 */
async function enterArea(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Plan areas' });
  await tabTo(page, nav.getByRole('link', { name, exact: true }));
  await page.keyboard.press('Enter');
  const heading = page.getByRole('main').getByRole('heading', { level: 1, name });
  await heading.waitFor();
  await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
}

describe('keyboard only', () => {
  it('import → assign → export without a mouse', async () => {
    s = await openSession(browser, baseUrl);
    const page = s.page;
    // Playwright intercepts file choosers only once a listener is registered, and turning that on
    // is asynchronous: register it long before the key press that opens the chooser.
    const chooser = new Promise<FileChooser>((resolve) => page.once('filechooser', resolve));
    await page.goto(baseUrl);
    await new WorkspacePage(page).waitOpen();

    // Import the sample user list.
    await enterArea(page, 'Import users');
    const choose = page.getByRole('button', { name: 'Choose a file…' });
    await tabTo(page, choose);
    await page.keyboard.press('Enter');
    await (
      await chooser
    ).setFiles({
      name: 'sample-users.csv',
      mimeType: 'text/csv',
      buffer: readFileSync('public/samples/sample-users.csv'),
    });
    const importButton = page.getByRole('button', { name: /^Import [\d,]+ users?$/ });
    await tabTo(page, importButton);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();

    // Find the imported user and assign a Shared Calling policy to the selection.
    await enterArea(page, 'Users');
    const search = page.getByLabel('Search users');
    await tabTo(page, search);
    await page.keyboard.type('Adele Vance');
    const grid = page.getByRole('grid', { name: 'Users' });
    const row = grid.getByRole('row').filter({ hasText: 'adele.vance0@contoso.com' });
    await row.waitFor();
    await tabTo(page, row);
    await page.keyboard.press('Space');
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await bar.getByText('1 selected').waitFor();
    await tabTo(page, bar.getByLabel('Set'));
    await page.keyboard.type('Shared Calling');
    await tabTo(page, bar.getByLabel('Value'));
    await page.keyboard.type('SC-London');
    await tabTo(page, bar.getByRole('button', { name: 'Assign', exact: true }));
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('SC-London');

    // Export: acknowledge blocking errors if there are any, then download everything.
    await enterArea(page, 'Export');
    const ack = page.getByRole('checkbox', { name: /^I understand the plan has/ });
    if (await ack.count()) {
      await tabTo(page, ack);
      await page.keyboard.press('Space');
    }
    const zipButton = page.getByRole('button', { name: 'Download all (.zip)' });
    await expect.poll(() => zipButton.isEnabled(), { timeout: 20_000 }).toBe(true);
    await tabTo(page, zipButton);
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const zip = unzipSync(readFileSync(await (await download).path()));
    const users = zip['07-users.ps1'];
    expect(users, 'zip has 07-users.ps1').toBeDefined();
    const entry = strFromU8(users!)
      .split('\r\n')
      .find((l) => l.includes("Upn = 'adele.vance0@contoso.com'"));
    expect(entry, 'Adele in the users stage data').toBeDefined();
    expect(entry).toContain("SharedCallingPolicy = 'SC-London'");
  });
});
