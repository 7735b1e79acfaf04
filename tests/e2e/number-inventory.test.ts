/**
 * Issue 12 item 2 in the browser: the number inventory at scale. A plan with 10,000 numbers (built
 * with the core, restored through the app's backup) shows contiguous numbers as range rows with a
 * count; search and every filter; bulk "Set site" (one undo step, Ctrl+Z) and "Delete free numbers"
 * (numbers in use are kept); a keyboard path; a deep link to a number inside a range.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, type Session } from './support/browser.js';
import { StatusPages } from './pages/status.js';
import { NarrowPage } from './pages/narrow.js';
import { NumbersPage } from './pages/numbers.js';
import {
  countFreeNumbers,
  createSamplePlan,
  filterNumbers,
  numberRanges,
  serializePlan,
  type E164,
  type NumberFilter,
  type PhoneNumber,
  type Plan,
} from '../../src/lib/index.js';

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

const TOTAL = 10_000;

/**
 * The sample plan plus blocks up to 10,000 numbers: US subscriber numbers at Seattle in two ranges
 * (a gap after 2,000; the first 1,000 exist in the tenant), Direct Routing numbers at Sydney, and
 * Operator Connect numbers with no site (one with a note).
 */
function bigPlan(): Plan {
  const sample = createSamplePlan();
  const extra: PhoneNumber[] = [];
  const add = (id: string, e164: string, n: Partial<PhoneNumber>) =>
    extra.push({ id, e164: e164 as E164, kind: 'callingPlanSubscriber', country: 'US', siteId: 'site-seattle', operator: '', note: '', existing: false, ...n });
  for (let i = 0; i < 4000; i++) {
    const k = i < 2000 ? i : i + 1; // +14255552000 is missing: two ranges
    add(`us-${i}`, `+1425555${String(k).padStart(4, '0')}`, { existing: i < 1000 });
  }
  for (let i = 0; i < 3000; i++) add(`au-${i}`, `+6129000${String(i).padStart(4, '0')}`, { kind: 'directRouting', country: 'AU', siteId: 'site-sydney' });
  const gb = TOTAL - sample.numbers.length - extra.length;
  for (let i = 0; i < gb; i++)
    add(`gb-${i}`, `+44207123${String(i).padStart(4, '0')}`, {
      kind: 'operatorConnect',
      country: 'GB',
      siteId: null,
      operator: 'Contoso Telecom',
      note: i === 7 ? 'Reception desk' : '',
    });
  return { ...sample, id: 'inventory', name: 'Inventory at scale', numbers: [...sample.numbers, ...extra] };
}

const plan = bigPlan();
/** Three Australian Direct Routing numbers as callback numbers of the Seattle policy: findings on them. */
function findingsPlan(): Plan {
  return {
    ...plan,
    id: 'inventory-findings',
    sharedCallingPolicies: plan.sharedCallingPolicies.map((x) =>
      x.id === 'scp-seattle' ? { ...x, callbackNumberIds: [...x.callbackNumberIds, 'au-0', 'au-1', 'au-2'] } : x,
    ),
  };
}
/** What the screen should say for a filter: the core's answer ("N numbers in M rows"). */
function expected(f: NumberFilter, p: Plan = plan): string {
  const m = filterNumbers(p, f);
  const rows = numberRanges(p, m).length;
  const fmt = (n: number) => n.toLocaleString('en-US');
  const base = `${fmt(m.length)} number${m.length === 1 ? '' : 's'} in ${fmt(rows)} row${rows === 1 ? '' : 's'}`;
  const filtering = Object.values(f).some((v) => v !== undefined && v !== '');
  return filtering ? `${base} (of ${fmt(p.numbers.length)} in the inventory)` : base;
}

async function open(p: Plan = plan, detail = '', options: Parameters<typeof openSession>[2] = {}): Promise<NumbersPage> {
  s = await openSession(browser, baseUrl, options);
  const st = new StatusPages(s.page);
  await st.restore(baseUrl, serializePlan(p));
  await st.go(baseUrl, p.id, 'sites', detail);
  const n = new NumbersPage(s.page);
  await n.table().waitFor();
  return n;
}

describe('number inventory at scale (issue 12 item 2)', () => {
  it('10,000 numbers: range rows with counts, search that answers at once, every filter, one row per number when not grouped', async () => {
    expect(plan.numbers.length).toBe(TOTAL);
    const n = await open();
    await expect.poll(() => n.countText()).toBe(expected({}));
    // Contiguous numbers of one kind, country, site and use: one row with a count.
    const us = n.range('+14255550000');
    expect(await us.getByRole('rowheader').textContent()).toMatch(/\+14255550000 – \+14255551999\s*2,000 numbers/);
    expect(await us.textContent()).toContain('1,000 exist in tenant');
    await n.range('+14255552001').getByText('2,000 numbers').waitFor();
    await n.range('+61290000000').getByText('3,000 numbers').waitFor();
    expect(await n.range('+442071230000').textContent()).toContain('—'); // no site
    // Far fewer rows than numbers are rendered.
    expect(await n.rows().count()).toBeLessThan(50);

    // Search: digits with spaces and "+", typed; the one number appears quickly.
    const query = '+1 425 555 3001';
    await n.search().click();
    const t0 = Date.now();
    await n.search().pressSequentially(query); // key by key: every keystroke filters 10,000 numbers
    const t1 = Date.now();
    await n.number('+14255553001').waitFor();
    const t2 = Date.now();
    console.log(
      `number inventory: typed ${query.length} keys over ${TOTAL.toLocaleString('en-US')} numbers in ${t1 - t0} ms (${((t1 - t0) / query.length).toFixed(1)} ms per key); the row showed ${t2 - t1} ms after the last key`,
    );
    await expect.poll(() => n.countText()).toBe(expected({ search: '+1 425 555 3001' }));
    expect(await n.rows().count()).toBe(1);
    // Note text.
    await n.search().fill('reception');
    await n.number('+442071230007').waitFor();
    await expect.poll(() => n.countText()).toBe(expected({ search: 'reception' }));
    await n.search().fill('');

    // Each filter, against the core's answer.
    await n.choose('Kind', 'Direct Routing');
    await expect.poll(() => n.countText()).toBe(expected({ kind: 'directRouting' }));
    await n.choose('Kind', 'All kinds');
    await n.choose('Country', 'United Kingdom (GB)');
    await expect.poll(() => n.countText()).toBe(expected({ country: 'GB' }));
    await n.choose('Country', 'All countries');
    await n.choose('Site', 'No site');
    await expect.poll(() => n.countText()).toBe(expected({ siteId: null }));
    await n.choose('Site', 'Sydney');
    await expect.poll(() => n.countText()).toBe(expected({ siteId: 'site-sydney' }));
    await n.choose('Free or used', 'Used');
    await expect.poll(() => n.countText()).toBe(expected({ siteId: 'site-sydney', state: 'used' }));
    await n.choose('Role', 'Callback number');
    await expect.poll(() => n.countText()).toBe(expected({ siteId: 'site-sydney', state: 'used', use: 'callback' }));
    await n.range('+61255500101').getByText('Callback number').waitFor();
    await n.clearFilters().click();
    await expect.poll(() => n.countText()).toBe(expected({}));
    await n.choose('Role', 'Resource account');
    await expect.poll(() => n.countText()).toBe(expected({ use: 'resourceAccount' }));
    expect(await n.rows().count()).toBe(plan.resourceAccounts.length);
    await n.choose('Role', 'All roles');
    await n.choose('Free or used', 'Free');
    await expect.poll(() => n.countText()).toBe(expected({ state: 'free' }));
    await n.choose('Free or used', 'Free and used');

    // Not grouped: one row per number, a page at a time.
    await n.groupRanges().uncheck();
    await expect.poll(() => n.countText()).toBe(`${TOTAL.toLocaleString('en-US')} numbers in ${TOTAL.toLocaleString('en-US')} rows`);
    expect(await n.rows().count()).toBe(200);
    await n.showMore().click();
    await expect.poll(() => n.rows().count()).toBe(400);
  });

  it('bulk "Set site" on a range row is one undo step (Ctrl+Z restores); "Delete free numbers" keeps the numbers in use', async () => {
    const n = await open();
    // A range row's box selects all its numbers.
    await n.rowBox(n.range('+61290000000')).check();
    await n.bulkBar().getByText('3,000 selected').waitFor();
    await n.setSite('Seattle');
    expect(await n.lastNotice()).toContain('Moved 3,000 numbers to Seattle');
    await n.range('+61290000000').getByRole('cell', { name: 'Seattle', exact: true }).waitFor();
    expect(await s.page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe('Undo Set site of 3,000 numbers (Ctrl+Z)');
    await s.page.getByRole('button', { name: 'Apply' }).focus();
    await s.page.keyboard.press('Control+z');
    await n.range('+61290000000').getByRole('cell', { name: 'Sydney', exact: true }).waitFor();
    await n.clearSelectionIfAny();

    // Select all matching a filter, delete the free ones: the numbers in use stay.
    await n.choose('Country', 'United States (US)');
    const f: NumberFilter = { country: 'US' };
    await expect.poll(() => n.countText()).toBe(expected(f));
    const us = filterNumbers(plan, f);
    const counts = countFreeNumbers(
      plan,
      us.map((x) => x.id),
    );
    const used = us.filter(
      (x) => plan.resourceAccounts.some((r) => r.numberId === x.id) || plan.sharedCallingPolicies.some((p) => p.callbackNumberIds.includes(x.id)),
    );
    expect(used.length).toBeGreaterThan(0);
    expect(counts.used).toBe(used.length);
    await n.selectAll().check();
    await n
      .bulkBar()
      .getByText(`${us.length.toLocaleString('en-US')} selected`)
      .waitFor();
    expect(await n.selectAll().isChecked()).toBe(true);
    const d = await n.requestDeleteFree();
    const free = us.length - used.length;
    expect(await d.textContent()).toContain(`${free.toLocaleString('en-US')} numbers of the selection are free and will be deleted.`);
    expect(await d.textContent()).toContain(`${used.length} numbers are in use`);
    await d.getByRole('button', { name: `Delete ${free.toLocaleString('en-US')} free numbers` }).click();
    await d.waitFor({ state: 'hidden' });
    expect(await n.lastNotice()).toContain(`Deleted ${free.toLocaleString('en-US')} numbers; kept ${used.length} in use`);
    await expect.poll(() => n.countText()).toMatch(new RegExp(`^${used.length} numbers in \\d+ rows`));
    // One row per number: each kept number is there.
    await n.groupRanges().uncheck();
    for (const x of used) await n.number(x.e164).waitFor();
    expect(await n.rows().count()).toBe(used.length);
    // The kept numbers stay selected; the select-all box is fully checked again.
    await n.bulkBar().getByText(`${used.length} selected`).waitFor();
    await n.groupRanges().check();
    expect(await s.page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe(`Undo Delete ${free.toLocaleString('en-US')} free numbers (Ctrl+Z)`);
    await s.page.getByRole('button', { name: /^Undo/ }).first().click();
    await expect.poll(() => n.countText()).toBe(expected(f));
  });

  it('keyboard only: search, a filter, open a range, select a number and set its site', async () => {
    const small = { ...createSamplePlan(), id: 'keyboard', name: 'Keyboard' };
    const n = await open(small);
    const page = s.page;
    await n.search().focus();
    await page.keyboard.type('555 010');
    await expect.poll(() => n.countText()).toBe(expected({ search: '555 010' }, small));
    // Tab to the Kind filter and choose with the keyboard.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('numbers-kind');
    await n.filter('Kind').selectOption({ label: 'Calling Plan subscriber' }); // a native select: arrow keys are the browser's
    await expect.poll(() => n.countText()).toBe(expected({ search: '555 010', kind: 'callingPlanSubscriber' }, small));
    // Tab on to the expand button of the first range, open it with Enter.
    const exp = n.expander('+12065550101');
    for (let i = 0; i < 20 && !(await exp.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await exp.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await exp.getAttribute('aria-expanded')).toBe('true');
    await n.number('+12065550102').waitFor();
    // Tab to the box of +12065550102 and tick it with Space.
    const box = n.rowBox(n.number('+12065550102'));
    for (let i = 0; i < 20 && !(await box.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    // The range's box shows a partial selection.
    expect(await n.rowBox(n.range('+12065550101')).evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
    await n.bulkBar().getByText('1 selected').waitFor();
    const site = n.bulkBar().getByLabel('Set site');
    await site.focus();
    await site.selectOption({ label: 'No site' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await n.lastNotice()).toContain('Removed the site of 1 number');
    // The focused element shows a visible focus ring.
    await page.keyboard.press('Shift+Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
  });

  it('a deep link to a number inside a range opens the range, highlights, scrolls to and focuses its row', async () => {
    const n = await open(plan, 'us-3500');
    const st = new StatusPages(s.page);
    expect(await st.highlighted()).toBe('us-3500');
    await expect.poll(() => st.focusedObjectId()).toBe('us-3500');
    expect(await n.expander('+14255552001').getAttribute('aria-expanded')).toBe('true');
    // 3,500 is past the first page of rows: the page grows to show it.
    expect(await n.number('+14255553501').isVisible()).toBe(true);
    const inView = await n.number('+14255553501').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight + 1; // sub-pixel row heights
    });
    expect(inView).toBe(true);
    // Closing the range still works.
    await n.expander('+14255552001').click();
    await expect.poll(() => n.expander('+14255552001').getAttribute('aria-expanded')).toBe('false');
  });

  it('a range row counts the findings over its numbers; opened, each number has its own badge', async () => {
    // Three Australian Direct Routing numbers as callback numbers of the Seattle policy (a US Calling
    // Plan account): findings on each of those numbers (EN rules), and they form one callback range.
    const n = await open(findingsPlan());
    const r = n.range('+61290000000');
    await r.getByText('3 numbers', { exact: true }).waitFor();
    const badge = r.locator('.badge').first();
    expect(await badge.textContent()).toMatch(/^\d+ (errors?|warnings?)\s*over 3 numbers of \+61290000000 – \+61290000002$/);
    await n.expander('+61290000000').click();
    for (const e of ['+61290000000', '+61290000001', '+61290000002'])
      expect(
        await n
          .number(e)
          .getByRole('link', { name: new RegExp(`for ${e.replace('+', '\\+')}: show findings`) })
          .count(),
      ).toBe(1);
    // The rest of the block stays one free range, Ready.
    await n.range('+61290000003').getByText('2,997 numbers').waitFor();
    expect(await n.range('+61290000003').locator('.badge').first().textContent()).toBe('Ready');
  });

  it('light, dark and narrow: screenshots, and the page does not scroll sideways at 600 px', async () => {
    const dir = process.env['SCP_SHOTS'] ?? join(tmpdir(), 'number-inventory-shots');
    mkdirSync(dir, { recursive: true });
    for (const [name, options] of [
      ['light', { colorScheme: 'light' as const }],
      ['dark', { colorScheme: 'dark' as const }],
      ['narrow', { viewport: { width: 600, height: 900 } }],
    ] as const) {
      const n = await open(findingsPlan(), '', options);
      await n.rowBox(n.range('+61290000003')).check();
      await n.expander('+61290000000').click();
      await n.section().evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await s.page.screenshot({ path: join(dir, `inventory-${name}.png`) });
      // The open range with findings: its badge counts them, each number has its own.
      await n.range('+61290000000').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await s.page.screenshot({ path: join(dir, `inventory-${name}-range.png`) });
      if (name === 'narrow') await expect.poll(async () => (await new NarrowPage(s.page).pageWidths()).scroll).toBeLessThanOrEqual(600);
      if (name !== 'narrow') {
        expect(s.errors, `console errors (${name})`).toEqual([]);
        await s.context.close();
      }
    }
  });
});
