/** Page models for the object editors (sites, numbers, accounts, policies): selectors live only here. */
import type { Locator, Page } from 'playwright-core';

export interface SiteInput {
  name: string;
  country: string;
  street?: string;
  city?: string;
  postalCode?: string;
  region?: string;
  lis?: string;
}

export interface NumbersInput {
  mode: 'one' | 'range' | 'list';
  value: string;
  count?: number;
  kind: string;
  site?: string;
  note?: string;
  operator?: string;
}

/** Choose the option whose text contains `text` (labels hold extra words, e.g. "+1206… — Calling Plan service"). */
async function chooseOption(select: Locator, text: string) {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value ?? '');
}

export class ObjectsPage {
  constructor(private page: Page) {}

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** The open edit dialog (there is one at a time). */
  openDialog(): Locator {
    return this.page.locator('dialog[open]');
  }

  /** A table row holding this text. */
  row(text: string): Locator {
    return this.page.getByRole('row').filter({ hasText: text });
  }

  /** The number inventory groups contiguous numbers into range rows; this shows one row per number. */
  async showEachNumber() {
    await this.page.getByRole('region', { name: 'Number inventory' }).getByRole('checkbox', { name: 'Group ranges' }).uncheck();
  }

  async save(dialog: Locator, button: string | RegExp = 'Save') {
    await dialog.getByRole('button', { name: button }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Click Save and expect the dialog to stay open with this inline error. */
  async saveRefused(dialog: Locator, error: string | RegExp, button: string | RegExp = 'Save') {
    await dialog.getByRole('button', { name: button }).click();
    await dialog.getByText(error).first().waitFor();
  }

  async addSite(s: SiteInput) {
    await this.page.getByRole('button', { name: 'Add site' }).click();
    const d = this.dialog('Add site');
    await d.getByLabel('Site name').fill(s.name);
    const country = d.getByLabel('Country');
    await country.fill(s.country);
    await country.press('Tab'); // change event: North America follows the country
    if (s.street) await d.getByLabel('Street and number').fill(s.street);
    if (s.city) await d.getByLabel('City').fill(s.city);
    if (s.postalCode) await d.getByLabel('Postal code').fill(s.postalCode);
    if (s.region) await d.getByLabel('State, province or region').fill(s.region);
    if (s.lis) await d.getByLabel('LIS location GUID').fill(s.lis);
    return d;
  }

  northAmerica(d: Locator): Locator {
    return d.getByLabel('Inside North America');
  }

  /** Open "Add numbers" and fill the form; returns the dialog (not saved yet). */
  async fillNumbers(n: NumbersInput): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Add numbers' }).click();
    const d = this.dialog('Add numbers');
    const mode = { one: 'One number', range: 'A range', list: 'A pasted list' }[n.mode];
    await d.getByRole('radio', { name: mode }).check();
    if (n.mode === 'one') await d.getByLabel('Phone number').fill(n.value);
    if (n.mode === 'range') {
      await d.getByLabel('First number').fill(n.value);
      await d.getByLabel('How many').fill(String(n.count ?? 10));
    }
    if (n.mode === 'list') await d.getByLabel('Numbers', { exact: true }).fill(n.value);
    await chooseOption(d.getByLabel('Kind'), n.kind);
    if (n.site) await chooseOption(d.getByLabel('Site'), n.site);
    if (n.operator) await d.getByLabel('Operator').fill(n.operator);
    if (n.note) await d.getByLabel('Note').fill(n.note);
    return d;
  }

  async addNumbers(n: NumbersInput) {
    const d = await this.fillNumbers(n);
    await this.save(d, /^Add (number|\d+ numbers)$/);
  }

  async addResourceAccount(r: { upn: string; displayName: string; number?: string; payg?: boolean; billing?: string; voiceRouting?: string }) {
    await this.page.getByRole('button', { name: 'Add resource account' }).click();
    const d = this.dialog('Add resource account');
    await d.getByLabel('User principal name').fill(r.upn);
    await d.getByLabel('Display name').fill(r.displayName);
    if (r.number) await chooseOption(d.getByLabel('Phone number'), r.number);
    if (r.payg) await d.getByLabel('Pay-as-you-go Calling Plan licence assigned').check();
    // RA9: how the Calling Plan subscription is billed decides the funding.
    if (r.billing) await chooseOption(d.getByLabel('Calling Plan billing'), r.billing);
    if (r.voiceRouting) await chooseOption(d.getByLabel('Voice routing policy'), r.voiceRouting);
    await this.save(d);
  }

  async addAutoAttendant(a: {
    name: string;
    language: string;
    timeZone: string;
    account: string;
    operator?: string;
    group?: { name: string; sites: string[] };
  }) {
    await this.page.getByRole('button', { name: 'Add auto attendant' }).click();
    const d = this.dialog('Add auto attendant');
    await d.getByLabel('Auto attendant name').fill(a.name);
    await d.getByLabel('Language').fill(a.language);
    await d.getByLabel('Time zone').selectOption(a.timeZone);
    await chooseOption(d.getByLabel('Resource account'), a.account);
    if (a.operator) await d.getByLabel('Operator (user principal name)').fill(a.operator);
    if (a.group) {
      await d.getByRole('button', { name: 'Add dial scope group' }).click();
      await d.getByLabel('Group 1 name').fill(a.group.name);
      const sites = d.getByRole('group', { name: 'Sites in group 1' });
      for (const s of a.group.sites) await sites.getByLabel(s).check();
    }
    await this.save(d);
  }

  /** Open the add form for a Shared Calling policy, choose the account and add callbacks in order. */
  async fillSharedCallingPolicy(p: { name: string; description?: string; account: string; callbacks: string[] }): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Add Shared Calling policy' }).click();
    const d = this.dialog('Add Shared Calling policy');
    await d.getByLabel('Policy name').fill(p.name);
    if (p.description) await d.getByLabel('Description').fill(p.description);
    await chooseOption(d.getByLabel('Resource account'), p.account);
    for (const n of p.callbacks) {
      await chooseOption(d.getByLabel('Add a callback number'), n);
      await d.getByRole('button', { name: 'Add', exact: true }).click();
    }
    return d;
  }

  /** The callback numbers listed in the open policy form, in order. */
  async callbackOrder(d: Locator): Promise<string[]> {
    return (await d.getByRole('list', { name: 'Callback numbers in order' }).locator('.num').allTextContents()).map((s) => s.trim());
  }

  callbackOptions(d: Locator): Locator {
    return d.getByLabel('Add a callback number').locator('option');
  }

  async addEmergencyPolicy(p: { name: string; dialStrings: string[] }): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Add emergency policy' }).click();
    const d = this.dialog('Add emergency call routing policy');
    await d.getByLabel('Policy name').fill(p.name);
    for (let i = 0; i < p.dialStrings.length; i++) {
      if (i > 0) await d.getByRole('button', { name: 'Add dial string' }).click();
      await d.getByLabel(`Dial string ${i + 1}`, { exact: true }).fill(p.dialStrings[i]!);
    }
    return d;
  }

  async addVoiceRoutingPolicy(p: { name: string; usages?: string; description?: string }) {
    await this.page.getByRole('button', { name: 'Add voice routing policy' }).click();
    const d = this.dialog('Add voice routing policy');
    await d.getByLabel('Policy name').fill(p.name);
    if (p.description) await d.getByLabel('Description').fill(p.description);
    if (p.usages) await d.getByLabel('PSTN usages').fill(p.usages);
    await this.save(d);
  }

  /** Click "Delete <noun>" in a row. */
  async requestDelete(noun: string) {
    await this.page.getByRole('button', { name: `Delete ${noun}`, exact: true }).click();
  }

  edit(noun: string): Locator {
    return this.page.getByRole('button', { name: `Edit ${noun}`, exact: true });
  }

  /** The element that has focus, described by its accessible name or text. */
  async focused(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
    });
  }
}
