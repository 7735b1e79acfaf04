import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, type Session } from './support/browser.js';
import { WorkspacePage } from './pages/app.js';
import { UsersPage } from './pages/users.js';

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

async function start(): Promise<UsersPage> {
  s = await openSession(browser, baseUrl);
  await s.page.goto(baseUrl);
  await new WorkspacePage(s.page).waitOpen();
  const users = new UsersPage(s.page);
  await users.open(baseUrl);
  return users;
}

describe('users', () => {
  it('filter, select all matching, bulk assign: the table changes and the change survives a reload', async () => {
    const users = await start();
    await users.filter('Site', 'london');
    await expect.poll(() => users.countText()).toBe('60 of 180 users');
    await users.filter('Department', '=Warehouse');
    await expect.poll(() => users.countText()).toMatch(/^\d+ of 180 users$/);
    const matching = Number((await users.countText()).split(' ')[0]);
    expect(matching).toBeGreaterThan(0);
    await users.selectAllMatching();
    await expect.poll(() => users.selectedCount()).toBe(`${matching} selected`);
    await users.bulkAssign('Shared Calling policy', 'SC-Sydney');
    await expect.poll(() => users.columnTexts('Shared Calling policy')).toEqual(Array(matching).fill('SC-Sydney'));
    // One undo step with a descriptive label.
    expect(await s.page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe(`Undo Assign SC-Sydney to ${matching} users (Ctrl+Z)`);
    await new WorkspacePage(s.page).waitSaved();
    await s.page.reload();
    await users.grid().waitFor();
    await users.filter('Shared Calling policy', '=SC-Sydney');
    await users.filter('Site', 'london');
    await expect.poll(() => users.countText()).toBe(`${matching} of 180 users`);
  });

  it('sorts by a column header (aria-sort) and searches', async () => {
    const users = await start();
    await users.sortBy('Display name');
    expect(await users.sortState('Display name')).toBe('ascending');
    const asc = await users.columnTexts('Display name');
    expect(asc).toEqual([...asc].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)));
    await users.sortBy('Display name');
    expect(await users.sortState('Display name')).toBe('descending');
    await users.search('nakamura finance');
    await expect.poll(() => users.countText()).toMatch(/^[1-9]\d* of 180 users$/);
    const names = await users.columnTexts('Display name');
    expect(names.every((n) => n.endsWith('Nakamura'))).toBe(true);
  });

  it('previews assignment rules and applies them', async () => {
    const users = await start();
    await users.openRules();
    await users.addRule(1, { field: 'Site', operator: 'is', values: 'London', set: { 'Shared Calling policy': 'SC-Seattle' } });
    await expect.poll(() => users.ruleMoves(1).textContent()).toBe('moves 60 users');
    await users.addRule(2, {
      field: 'Department',
      operator: 'is one of',
      values: 'Warehouse, Retail',
      set: { 'Shared Calling policy': 'SC-Sydney' },
    });
    const r2 = Number(((await users.ruleMoves(2).textContent()) ?? '').replace(/\D/g, ''));
    expect(r2).toBeGreaterThan(0);
    // Later rules win: London warehouse/retail users move with rule 2, not rule 1.
    const r1 = Number(((await users.ruleMoves(1).textContent()) ?? '').replace(/\D/g, ''));
    expect(r1).toBeLessThan(60);
    await expect.poll(() => users.totalChange()).toMatch(/users? change in total/);
    const total = Number((await users.totalChange()).replace(/\D/g, ''));
    await users.applyRules();
    await s.page.getByText(`Assignment rules applied: ${total} users changed.`).waitFor();
    await expect.poll(() => users.totalChange()).toBe('0 users change in total');
    await users.filter('Site', 'london');
    await users.filter('Shared Calling policy', '=SC-Seattle');
    await expect.poll(() => users.countText()).toBe(`${r1} of 180 users`);
  });

  it('the user detail shows the user’s findings and edits are saved', async () => {
    const users = await start();
    // Give one user a licence problem (U1) through the detail form.
    await users.openUser("Alex O'Brien");
    const dialog = users.detail();
    await dialog.getByText('No findings for this user.', { exact: false }).waitFor();
    await dialog.getByLabel('Teams Phone licence').selectOption('no');
    await dialog.getByText('U1', { exact: true }).waitFor();
    await dialog.getByText(/Fix:/).first().waitFor();
    await dialog.getByLabel('Department').fill('Logistics');
    await dialog.getByLabel('Department').press('Tab');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(s.page.url()).toMatch(/#\/plan\/sample\/users$/);
    const row = users.row("Alex O'Brien");
    await row.getByRole('link', { name: /1 error/ }).waitFor();
    await row.getByRole('gridcell', { name: 'Logistics' }).waitFor();
  });

  it('keyboard only: move, select with Space, open with Enter, close with Escape', async () => {
    const users = await start();
    await users.filter('Site', 'sydney');
    await expect.poll(() => users.countText()).toBe('40 of 180 users');
    // Tab from the last filter box into the grid's active row.
    await s.page.getByLabel('Filter Extension').focus();
    await s.page.keyboard.press('Tab');
    const focused = () => s.page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'));
    await expect.poll(focused).toBe('3');
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('5');
    await s.page.keyboard.press('Space');
    await s.page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => users.selectedCount()).toBe('2 selected');
    await s.page.keyboard.press('End');
    await expect.poll(focused).toBe('42');
    await s.page.keyboard.press('Enter');
    await users.detail().waitFor();
    expect(decodeURIComponent(s.page.url())).toMatch(/users\/.+@contoso\.com$/);
    await s.page.keyboard.press('Escape');
    await users.detail().waitFor({ state: 'detached' });
  });
});

describe('users selection boxes', () => {
  it('the select-all box shows the state of the matching rows', async () => {
    const users = await start();
    await users.filter('Site', 'seattle');
    await users.selectAllMatching();
    const all = users.grid().getByRole('checkbox', { name: /^Select all/ });
    await expect.poll(() => all.isChecked()).toBe(true);
    await expect.poll(() => users.selectedCount()).toBe('80 selected');
    await users.selectAllMatching();
    await expect.poll(() => all.isChecked()).toBe(false);
  });
});
