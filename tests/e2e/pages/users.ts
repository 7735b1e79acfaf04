/** Page model of the Users screen: what a person does there, in words; selectors live only here. */
import type { Locator, Page } from 'playwright-core';

export class UsersPage {
  constructor(private page: Page) {}

  async open(baseUrl: string, planId = 'sample') {
    await this.page.goto(`${baseUrl}#/plan/${planId}/users`);
    await this.grid().waitFor();
  }

  grid(): Locator {
    return this.page.getByRole('grid', { name: 'Users' });
  }

  /** "60 of 180 users" */
  async countText(): Promise<string> {
    return (
      (await this.page
        .getByRole('status')
        .filter({ hasText: / of [\d,]+ users/ })
        .textContent()) ?? ''
    );
  }

  async search(text: string) {
    await this.page.getByLabel('Search users').fill(text);
  }

  async filter(column: string, text: string) {
    await this.page.getByLabel(`Filter ${column}`, { exact: true }).fill(text);
  }

  async sortBy(column: string) {
    await this.grid().getByRole('columnheader', { name: column }).getByRole('button').click();
  }

  sortState(column: string) {
    return this.grid().getByRole('columnheader', { name: column }).getAttribute('aria-sort');
  }

  row(name: string): Locator {
    return this.grid().getByRole('row', { name, exact: true });
  }

  /** Texts of one column in the rendered rows, top to bottom. */
  async columnTexts(column: string): Promise<string[]> {
    const headers = await this.grid().getByRole('columnheader').allTextContents();
    const idx = headers.findIndex((h) => h.trim().startsWith(column));
    const rows = this.grid().locator('[role=row][data-row]');
    const n = await rows.count();
    const out: { top: number; text: string }[] = [];
    for (let i = 0; i < n; i++) {
      const r = rows.nth(i);
      const top = Number(await r.getAttribute('aria-rowindex'));
      out.push({ top, text: ((await r.getByRole('gridcell').nth(idx).textContent()) ?? '').trim() });
    }
    return out.sort((a, b) => a.top - b.top).map((x) => x.text);
  }

  async selectAllMatching() {
    await this.grid()
      .getByRole('checkbox', { name: /^Select all/ })
      .click();
  }

  async bulkAssign(field: string, value: string) {
    const bar = this.page.getByRole('region', { name: 'Bulk actions' });
    await bar.getByLabel('Set').selectOption({ label: field });
    await bar.getByLabel('Value').selectOption({ label: value });
    await bar.getByRole('button', { name: 'Assign', exact: true }).click();
  }

  async selectedCount(): Promise<string> {
    return (await this.page.getByRole('region', { name: 'Bulk actions' }).locator('strong').first().textContent()) ?? '';
  }

  async openRules() {
    await this.page.getByRole('button', { name: /^Assignment rules/ }).click();
    await this.page.getByRole('heading', { name: 'Assignment rules', level: 2 }).waitFor();
  }

  async addRule(n: number, rule: { field: string; operator: string; values: string; set: Record<string, string> }) {
    await this.page.getByRole('button', { name: 'Add rule' }).click();
    await this.page.getByLabel(`Rule ${n} field`).selectOption({ label: rule.field });
    await this.page.getByLabel(`Rule ${n} operator`).selectOption({ label: rule.operator });
    const values = this.page.getByLabel(`Rule ${n} values (comma-separated)`);
    await values.fill(rule.values);
    await values.press('Tab'); // change event
    for (const [field, value] of Object.entries(rule.set)) {
      await this.page.getByLabel(`Rule ${n}: ${field}`).selectOption({ label: value });
    }
  }

  ruleMoves(n: number): Locator {
    return this.page.getByLabel(new RegExp(`^Rule ${n} moves`));
  }

  async totalChange(): Promise<string> {
    return (await this.page.getByRole('status').filter({ hasText: 'change in total' }).textContent()) ?? '';
  }

  async applyRules() {
    await this.page.getByRole('button', { name: 'Apply rules' }).click();
  }

  detail(): Locator {
    return this.page.getByRole('dialog');
  }

  async openUser(name: string) {
    await this.row(name).getByRole('link', { name }).click();
    await this.detail().waitFor();
  }
}
