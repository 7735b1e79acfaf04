import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, type Session } from './support/browser.js';
import { PlanListPage, WorkspacePage } from './pages/app.js';
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
  // Every test: no console errors, and nothing left the page's origin.
  expect(s.errors, 'console errors').toEqual([]);
  expect(s.foreign, 'requests outside the origin').toEqual([]);
  await s.context.close();
});

async function newEmptyPlan(name: string) {
  s = await openSession(browser, baseUrl);
  await s.page.goto(baseUrl);
  await new WorkspacePage(s.page).waitOpen();
  const list = new PlanListPage(s.page);
  await list.open(baseUrl);
  await list.createPlan(name);
  return { ws: new WorkspacePage(s.page), o: new ObjectsPage(s.page) };
}

describe('object editors', () => {
  it('builds a design by hand in an empty plan, and it is all there after a reload', async () => {
    const { ws, o } = await newEmptyPlan('Hand-built');

    // Site: North America follows the country (E6).
    await ws.goToArea('Sites and numbers');
    const site = await o.addSite({ name: 'Seattle', country: 'US', street: '100 Example Way', city: 'Seattle', postalCode: '98101', region: 'WA' });
    expect(await o.northAmerica(site).isChecked()).toBe(true);
    await site.getByLabel('LIS location GUID').fill('not-a-guid');
    await o.saveRefused(site, /Enter a GUID/);
    await site.getByLabel('LIS location GUID').fill('3fa85f64-5717-4562-b3fc-2c963f66afa6');
    await o.save(site);
    await o.row('Seattle').getByText('United States (US)').waitFor();

    // Numbers: one, a range of 10, a pasted list with a toll-free number (kind switched automatically).
    await o.addNumbers({ mode: 'one', value: '+1 206 555 0100', kind: 'Calling Plan service', site: 'Seattle', note: 'Main line' });
    await o.addNumbers({ mode: 'range', value: '+12065550110', count: 10, kind: 'Calling Plan subscriber', site: 'Seattle' });
    await o.addNumbers({ mode: 'list', value: '+18005550100\n(206) 555-0130, 206-555-0131', kind: 'Calling Plan service', site: 'Seattle' });
    for (const n of ['+12065550100', '+12065550110', '+12065550119', '+12065550130', '+12065550131']) await o.row(n).waitFor();
    await o.row('+18005550100').getByText('Calling Plan toll-free service').waitFor();
    await o.row('+12065550100').getByText('Calling Plan service').waitFor();
    // Duplicates are refused with a clear message.
    const dup = await o.fillNumbers({ mode: 'one', value: '+12065550110', kind: 'Calling Plan subscriber' });
    await o.saveRefused(dup, '+12065550110 is already in the inventory.', 'Add number');
    await dup.getByRole('button', { name: 'Cancel' }).click();
    await dup.waitFor({ state: 'hidden' });

    // Voice routing policy for users (VR1).
    await ws.goToArea('Policies');
    await o.addVoiceRoutingPolicy({ name: 'VRP-Users-NoPSTN', description: 'Shared Calling users' });
    await o.row('VRP-Users-NoPSTN').waitFor();

    // Resource account: only numbers a resource account can carry; PAYG shown for a CP service number (RA9).
    await ws.goToArea('Resource accounts and auto attendants');
    await o.addResourceAccount({
      upn: 'sc-seattle@contoso.com',
      displayName: 'Seattle Main Line',
      number: '+12065550100',
      payg: true,
      billing: 'Pay-as-you-go',
    });
    await o.row('sc-seattle@contoso.com').getByText('+12065550100').waitFor();
    await o.addAutoAttendant({
      name: 'Seattle AA',
      language: 'en-US',
      timeZone: 'Pacific Standard Time',
      account: 'Seattle Main Line',
      operator: 'reception@contoso.com',
      group: { name: 'SC-Seattle-Users', sites: ['Seattle'] },
    });
    await o.row('Seattle AA').getByText('SC-Seattle-Users').waitFor();

    // Shared Calling policy: callbacks only from qualifying numbers (EN3: subscriber numbers), ordered.
    await ws.goToArea('Policies');
    const pol = await o.fillSharedCallingPolicy({
      name: 'SC-Seattle',
      description: 'Seattle users',
      account: 'Seattle Main Line',
      callbacks: ['+12065550110', '+12065550111'],
    });
    const offered = await o.callbackOptions(pol).allTextContents();
    expect(offered.some((t) => t.includes('+12065550100'))).toBe(false); // the account's own number
    expect(offered.some((t) => t.includes('+18005550100'))).toBe(false); // a service number (EN3)
    expect(offered.some((t) => t.includes('+12065550112'))).toBe(true);
    expect(await o.callbackOrder(pol)).toEqual(['+12065550110', '+12065550111']);
    await pol.getByRole('button', { name: 'Move +12065550111 up' }).click();
    expect(await o.callbackOrder(pol)).toEqual(['+12065550111', '+12065550110']);
    // Focus stays with the moved number (its "up" button is disabled at the top, so "down").
    await expect.poll(() => o.focused()).toBe('Move +12065550111 down');
    await o.save(pol);
    await o.row('SC-Seattle').getByText('+12065550111, +12065550110').waitFor();

    // Emergency policy: duplicate dial strings are flagged inline (E5).
    await ws.goToArea('Emergency');
    const em = await o.addEmergencyPolicy({ name: 'ECRP-US', dialStrings: ['911', '933', '911'] });
    await o.saveRefused(em, /911 is listed twice/);
    await em.getByRole('button', { name: 'Remove dial string 3' }).click();
    await o.save(em);
    await o.row('ECRP-US').getByText('911, 933').waitFor();

    // Everything survives a reload.
    await ws.waitSaved();
    await s.page.reload();
    await ws.waitOpen();
    await ws.goToArea('Sites and numbers');
    await o.row('Seattle').getByText('3fa85f64-5717-4562-b3fc-2c963f66afa6').waitFor();
    await o.showEachNumber();
    expect(
      await s.page
        .getByRole('row')
        .filter({ hasText: /^\+1206555011\d/ })
        .count(),
    ).toBe(10);
    await o.row('+12065550100').getByText('Resource account').waitFor();
    await o.row('+12065550111').getByText('Callback number').waitFor();
    await ws.goToArea('Resource accounts and auto attendants');
    await o.row('sc-seattle@contoso.com').waitFor();
    await o.row('Seattle AA').waitFor();
    await ws.goToArea('Policies');
    await o.row('SC-Seattle').getByText('+12065550111, +12065550110').waitFor();
    await o.row('VRP-Users-NoPSTN').waitFor();
    await ws.goToArea('Emergency');
    await o.row('ECRP-US').waitFor();
  });

  it('deleting a referenced object asks first and says what breaks; an unreferenced one goes at once', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    const ws = new WorkspacePage(s.page);
    await ws.waitOpen();
    const o = new ObjectsPage(s.page);

    await ws.goToArea('Policies');
    await o.requestDelete('Shared Calling policy SC-London');
    const ask = o.dialog('Delete Shared Calling policy SC-London?');
    await ask.getByText('60 users use Shared Calling policy SC-London; they will have no Shared Calling policy.').waitFor();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'hidden' });
    await o.row('SC-London').waitFor();

    await o.requestDelete('Shared Calling policy SC-London');
    await ask.getByRole('button', { name: 'Delete' }).click();
    await ask.waitFor({ state: 'hidden' });
    await o.row('SC-London').waitFor({ state: 'detached' });
    await s.page.getByRole('button', { name: 'Undo' }).click();
    await o.row('SC-London').waitFor();

    // A number on a resource account: the warning names the account.
    await ws.goToArea('Sites and numbers');
    await o.showEachNumber();
    await o.requestDelete('number +442079460100');
    const askNumber = o.dialog('Delete number +442079460100?');
    await askNumber.getByText(/Resource account London Main Line carries \+442079460100; it will have no number/).waitFor();
    await askNumber.getByRole('button', { name: 'Delete' }).click();
    await o.row('+442079460100').waitFor({ state: 'detached' });

    // A spare number: no question, deleted at once.
    await o.requestDelete('number +12065550104');
    await o.row('+12065550104').waitFor({ state: 'detached' });
    expect(await s.page.getByRole('dialog').count()).toBe(0);

    await ws.goToArea('Resource accounts and auto attendants');
    await o.row('London Main Line').getByRole('cell', { name: '—', exact: true }).first().waitFor();
  });

  it('creates a voice routing policy with the keyboard only', async () => {
    const { ws, o } = await newEmptyPlan('Keyboard');
    await ws.goToArea('Policies');
    const page = s.page;
    // The app moves focus to the area's heading after the area has loaded; Tab only from there.
    const heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Policies' });
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    // From the area heading, Tab to "Add voice routing policy".
    for (let i = 0; i < 10 && (await o.focused()) !== 'Add voice routing policy'; i++) await page.keyboard.press('Tab');
    expect(await o.focused()).toBe('Add voice routing policy');
    await page.keyboard.press('Enter');
    const d = o.dialog('Add voice routing policy');
    await d.waitFor();
    // Enter with an empty name is refused; focus lands on the invalid field.
    await page.keyboard.press('Enter');
    await d.getByText('Give the voice routing policy a name.').first().waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('vrp-name');
    expect(await d.getByLabel('Policy name').getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.type('VRP-AU-DR');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Direct Routing resource accounts');
    await page.keyboard.press('Tab');
    await page.keyboard.type('AU-PSTN, AU-Emergency');
    await page.keyboard.press('Enter');
    await d.waitFor({ state: 'hidden' });
    await o.row('VRP-AU-DR').getByText('AU-PSTN, AU-Emergency').waitFor();
    await expect.poll(() => o.focused()).toBe('Add voice routing policy');
  });

  it('a typed country name becomes its ISO code', async () => {
    const { ws, o } = await newEmptyPlan('Countries');
    await ws.goToArea('Sites and numbers');
    const site = await o.addSite({ name: 'Berlin', country: 'Germany' });
    expect(await site.getByLabel('Country').inputValue()).toBe('DE');
    expect(await o.northAmerica(site).isChecked()).toBe(false);
    await site.getByLabel('Country').fill('canada');
    await site.getByLabel('Country').press('Tab');
    expect(await site.getByLabel('Country').inputValue()).toBe('CA');
    expect(await o.northAmerica(site).isChecked()).toBe(true);
  });
});
