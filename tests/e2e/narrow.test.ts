/** Narrow screens (600 px): no page-level sideways scroll; strips that scroll say so (issue: narrow screens). */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, type Session } from './support/browser.js';
import { WorkspacePage } from './pages/app.js';
import { NarrowPage } from './pages/narrow.js';

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

async function open(width = 600): Promise<{ ws: WorkspacePage; narrow: NarrowPage }> {
  s = await openSession(browser, baseUrl, { viewport: { width, height: 900 } });
  await s.page.goto(baseUrl);
  const ws = new WorkspacePage(s.page);
  await ws.waitOpen();
  return { ws, narrow: new NarrowPage(s.page) };
}

describe('narrow screens (600 px)', () => {
  for (const area of ['Policies', 'Emergency', 'Overview', 'Users', 'Sites and numbers', 'Resource accounts and auto attendants', 'Checks']) {
    it(`${area}: the page itself does not scroll sideways`, async () => {
      const { ws, narrow } = await open();
      if (area !== 'Overview') await ws.goToArea(area);
      // Lazy parts (diagrams, sizing) settle first.
      await s.page.waitForLoadState('networkidle');
      await expect.poll(async () => (await narrow.pageWidths()).scroll).toBeLessThanOrEqual(600);
    });
  }

  it('the area tabs scroll and show it: the edge with more tabs fades, the current tab is in view', async () => {
    const { ws, narrow } = await open();
    await ws.goToArea('Policies');
    const tabs = narrow.areaTabs();
    const st = await narrow.strip(tabs);
    expect(st.overflowX).toBe('auto');
    expect(st.scrolls).toBe(true);
    expect(st.moreLeft === 'true' || st.moreRight === 'true').toBe(true);
    expect(st.mask).toContain('linear-gradient');
    const current = tabs.getByRole('link', { name: 'Policies', exact: true });
    const box = await current.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 600).toBe(true);
    // At the end of the row nothing more waits on the right.
    await narrow.scrollToEnd(tabs);
    await expect.poll(async () => (await narrow.strip(tabs)).moreRight).toBe('false');
    expect((await narrow.strip(tabs)).moreLeft).toBe('true');
  });

  it('call-flow diagrams scroll inside their card, keyboard-reachable, with a visible hint', async () => {
    const { ws, narrow } = await open();
    await ws.goToArea('Policies');
    const flow = narrow.callFlows().first();
    await flow.waitFor();
    const st = await narrow.strip(flow);
    expect(st.right).toBeLessThanOrEqual(st.parentRight + 0.5);
    expect(st.right).toBeLessThanOrEqual(600);
    expect(st.scrolls).toBe(true);
    expect(st.moreRight).toBe('true');
    await expect.poll(() => narrow.scrollNote(flow).isVisible()).toBe(true);
    expect(await flow.getAttribute('tabindex')).toBe('0');
  });

  it('on a wide screen the diagram fits: no fade, no hint', async () => {
    const { ws, narrow } = await open(1400);
    await ws.goToArea('Policies');
    const flow = narrow.callFlows().first();
    await flow.waitFor();
    const st = await narrow.strip(flow);
    expect(st.scrolls).toBe(false);
    expect(st.moreRight).toBe('false');
    expect(await narrow.scrollNote(flow).isVisible()).toBe(false);
  });
});
