/** Page model for the number inventory on Sites (issue 12 item 2): selectors live only here. */
import type { Locator, Page } from 'playwright-core';

export type NumberFilterName = 'Kind' | 'Country' | 'Site' | 'Free or used' | 'Role';

export class NumbersPage {
  constructor(private page: Page) {}

  section(): Locator {
    return this.page.getByRole('region', { name: 'Number inventory' });
  }

  table(): Locator {
    return this.section().getByRole('table', { name: 'Number inventory' });
  }

  /** "10,000 numbers in 7 rows" (the live count). */
  async countText(): Promise<string> {
    return ((await this.section().getByTestId('numbers-count').textContent()) ?? '').trim();
  }

  search(): Locator {
    return this.section().getByLabel('Search', { exact: true });
  }

  filter(name: NumberFilterName): Locator {
    return this.section().getByLabel(name, { exact: true });
  }

  async choose(name: NumberFilterName, label: string) {
    await this.filter(name).selectOption({ label });
  }

  clearFilters(): Locator {
    return this.section().getByRole('button', { name: 'Clear filters' }).first();
  }

  groupRanges(): Locator {
    return this.section().getByRole('checkbox', { name: 'Group ranges' });
  }

  /** The body rows of the table (range rows and number rows). */
  rows(): Locator {
    return this.table().locator('tbody tr');
  }

  /** A range row by its first number. */
  range(from: string): Locator {
    return this.table().locator(`tbody tr[data-range="${from}"]`);
  }

  /** The expand button of a range row. */
  expander(from: string): Locator {
    return this.range(from).getByRole('button', { name: /^(Show|Hide) the / });
  }

  /** A single number's row (a range's member once opened), by its E.164 text. */
  number(e164: string): Locator {
    return this.table()
      .locator('tbody tr[data-object-id]')
      .filter({ has: this.page.getByRole('rowheader', { name: e164, exact: true }) });
  }

  selectAll(): Locator {
    return this.table().locator('#numbers-select-all');
  }

  rowBox(row: Locator): Locator {
    return row.getByRole('checkbox');
  }

  bulkBar(): Locator {
    return this.page.getByRole('region', { name: 'Bulk actions on numbers' });
  }

  async setSite(site: string) {
    await this.bulkBar().getByLabel('Set site').selectOption({ label: site });
    await this.bulkBar().getByRole('button', { name: 'Apply' }).click();
  }

  /** Open "Delete free numbers"; returns the confirmation dialog. */
  async requestDeleteFree(): Promise<Locator> {
    await this.bulkBar().getByRole('button', { name: 'Delete free numbers' }).click();
    const d = this.page.getByRole('dialog', { name: /^Delete [\d,]+ free numbers?\?$/ });
    await d.waitFor();
    return d;
  }

  async clearSelectionIfAny() {
    const b = this.bulkBar().getByRole('button', { name: 'Clear selection' });
    if (await b.count()) await b.click();
    await this.bulkBar().waitFor({ state: 'detached' });
  }

  showMore(): Locator {
    return this.section().getByRole('button', { name: 'Show more' });
  }

  /** The newest notice's text. */
  async lastNotice(): Promise<string> {
    const n = this.page.locator('.notices .notice').last();
    await n.waitFor();
    return ((await n.textContent()) ?? '').trim();
  }
}
