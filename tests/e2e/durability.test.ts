import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

async function setDomain(page: Page, value: string) {
  await page.getByLabel('Tenant domain').fill(value);
  await page.getByLabel('Notes').click();
}

describe('two tabs editing one plan', () => {
  it('an edit in one tab shows up in the other (live sync)', async () => {
    s = await openSession(browser, baseUrl);
    const a = s.page;
    await a.goto(baseUrl);
    await new WorkspacePage(a).waitOpen();
    const b = await s.context.newPage();
    b.on('console', (m) => m.type() === 'error' && s.errors.push(m.text()));
    await b.goto(a.url());
    await new WorkspacePage(b).waitOpen();
    await setDomain(a, 'tab-a.example');
    await new WorkspacePage(a).waitSaved();
    await expect.poll(() => b.getByLabel('Tenant domain').inputValue(), { timeout: 10_000 }).toBe('tab-a.example');
  });

  it('without live sync, a stale tab is told of the conflict and loses nothing silently', async () => {
    s = await openSession(browser, baseUrl);
    const a = s.page;
    await a.goto(baseUrl);
    await new WorkspacePage(a).waitOpen();
    const b = await s.context.newPage();
    // Tab B cannot hear tab A (as in browsers without BroadcastChannel): only revisions protect it.
    await b.addInitScript(() => {
      (window as unknown as { BroadcastChannel?: unknown }).BroadcastChannel = undefined;
    });
    await b.goto(a.url());
    await new WorkspacePage(b).waitOpen();
    await setDomain(a, 'tab-a.example');
    await new WorkspacePage(a).waitSaved();
    await setDomain(b, 'tab-b.example');
    await b.getByRole('status').getByText('Changed elsewhere').waitFor();
    // Tab A's data is intact in storage.
    const c = await s.context.newPage();
    await c.goto(a.url());
    await new WorkspacePage(c).waitOpen();
    expect(await c.getByLabel('Tenant domain').inputValue()).toBe('tab-a.example');
    await c.close();
    // B chooses to keep its version explicitly.
    await b.getByRole('button', { name: 'Keep my version' }).click();
    await new WorkspacePage(b).waitSaved();
    await b.reload();
    await new WorkspacePage(b).waitOpen();
    expect(await b.getByLabel('Tenant domain').inputValue()).toBe('tab-b.example');
  });

  it('leaving right after an edit either keeps the edit or asks first: never a silent loss', async () => {
    s = await openSession(browser, baseUrl);
    const a = s.page;
    await a.goto(baseUrl);
    await new WorkspacePage(a).waitOpen();
    let asked = false;
    a.on('dialog', (d) => {
      if (d.type() === 'beforeunload') asked = true;
      void d.accept();
    });
    for (let attempt = 0; attempt < 3; attempt++) {
      const value = `quick-${attempt}.example`;
      await a.getByLabel('Tenant domain').fill(value);
      await a.getByLabel('Tenant domain').press('Tab'); // change event: the edit is made
      asked = false;
      await a.reload();
      await new WorkspacePage(a).waitOpen();
      const kept = (await a.getByLabel('Tenant domain').inputValue()) === value;
      expect(kept || asked, `attempt ${attempt}: the edit was lost without a warning`).toBe(true);
    }
  });
});
