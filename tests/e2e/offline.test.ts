import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, type Session } from './support/browser.js';
import { PlanListPage, WorkspacePage } from './pages/app.js';

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

describe('offline and locked down', () => {
  it('works offline after the first visit (service worker precache)', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    await new WorkspacePage(s.page).waitOpen();
    // Wait until the service worker controls the page with its precache installed.
    await s.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise<void>((r) => navigator.serviceWorker.addEventListener('controllerchange', () => r(), { once: true }));
      }
    });
    await s.context.setOffline(true);
    await s.page.reload();
    const ws = new WorkspacePage(s.page);
    await ws.waitOpen();
    await expect.poll(() => ws.heading().textContent()).toBe('Overview');
    await ws.goToArea('Policies');
    await s.page
      .getByRole('cell', { name: /SC-London/ })
      .first()
      .waitFor();
    await s.context.setOffline(false);
  });

  it('the page carries a Content-Security-Policy without eval or remote sources', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    await new WorkspacePage(s.page).waitOpen();
    const csp = await s.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
    // a request to another origin is refused by the policy, not sent
    const fetched = await s.page.evaluate(async () => {
      try {
        await fetch('http://192.0.2.1/never');
        return 'sent';
      } catch {
        return 'blocked';
      }
    });
    expect(fetched).toBe('blocked');
    s.errors.length = 0; // the CSP violation above is reported on the console on purpose
  });

  it('the single-file build works from file://, IndexedDB included', async () => {
    const file = resolve('dist-single/index.html');
    expect(existsSync(file), 'dist-single/index.html (run npm run build)').toBe(true);
    const url = pathToFileURL(file).href;
    s = await openSession(browser, url);
    await s.page.goto(url);
    const ws = new WorkspacePage(s.page);
    await ws.waitOpen();
    await expect.poll(() => ws.heading().textContent()).toBe('Overview');
    // IndexedDB: create a plan, reload from file://, it is still there
    const list = new PlanListPage(s.page);
    await list.open(url);
    await list.createPlan('Offline laptop plan');
    await s.page.reload();
    await list.open(url);
    await list.planLink('Offline laptop plan').waitFor();
    const csp = await s.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toContain("unsafe-inline' 'unsafe-eval");
  });
});

describe('load budget', () => {
  it('the scripts loaded at startup stay small and hold neither SheetJS nor phone-number metadata', async () => {
    const { readFileSync } = await import('node:fs');
    const { gzipSync } = await import('node:zlib');
    const dir = process.env.E2E_DIST ?? 'dist';
    const html = readFileSync(`${dir}/index.html`, 'utf8');
    const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
    expect(files.length).toBeGreaterThan(0);
    let gz = 0;
    for (const f of files) {
      const code = readFileSync(`${dir}/${f}`);
      gz += gzipSync(code).length;
      expect(code.includes('sheet_to_json'), `${f} must not contain SheetJS`).toBe(false);
      expect(code.includes('countryCallingCodes'), `${f} must not contain libphonenumber metadata`).toBe(false);
    }
    expect(gz / 1024).toBeLessThanOrEqual(120);
    s = { errors: [], foreign: [], context: { close: async () => {} } } as unknown as Session;
  });
});
