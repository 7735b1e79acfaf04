/** Page model for "one truth on every screen": badges, Overview rows, call-flow boxes and deep links. */
import type { Locator, Page } from 'playwright-core';
import { PlanListPage, WorkspacePage } from './app.js';

export class StatusPages {
  constructor(private page: Page) {}

  /** Restore a plan backup through the plan list and wait for its workspace. */
  async restore(baseUrl: string, text: string) {
    await this.page.goto(baseUrl);
    const ws = new WorkspacePage(this.page);
    await ws.waitOpen();
    const list = new PlanListPage(this.page);
    await list.open(baseUrl);
    await list.restore('plan-backup.json', text);
    await ws.waitOpen();
  }

  async go(baseUrl: string, planId: string, area: string, detail = '') {
    await this.page.goto(`${baseUrl}#/plan/${encodeURIComponent(planId)}/${area}${detail ? `/${encodeURIComponent(detail)}` : ''}`);
    await this.page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
  }

  /** The row of an object in one of the list screens (Sites, Accounts, Policies, Emergency), by its first cell's text. */
  tableRow(text: string | RegExp): Locator {
    return this.page
      .getByRole('main')
      .locator('table.data tbody tr')
      .filter({ has: this.page.locator('td:first-child, th:first-child').filter({ hasText: text }) });
  }

  /** The findings badge in a list screen's row. */
  rowBadge(text: string | RegExp): Locator {
    return this.tableRow(text).locator('.badge').first();
  }

  /** Overview: a Shared Calling policy's entry in the readiness dashboard. */
  overviewPolicy(name: string): Locator {
    return this.page
      .getByRole('region', { name: 'Shared Calling policies' })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  overviewSiteRow(name: string): Locator {
    return this.page.getByRole('region', { name: 'Sites' }).getByRole('row', { name: new RegExp(`^${name}\\b`) });
  }

  /** Overview's call flow of a policy; returns the state (class) of one box. */
  async callFlowBoxState(step: string): Promise<string> {
    const cls = (await this.page.locator(`svg[data-policy] g[data-step="${step}"]`).first().getAttribute('class')) ?? '';
    return cls
      .replace(/\bbox\b/, '')
      .replace(/s?svelte-\w+/g, '')
      .trim();
  }

  async chooseOverviewCallFlow(policyName: string) {
    await this.page.locator('#callflow-policy').selectOption({ label: policyName });
    await this.page.getByRole('img', { name: `Call flow of Shared Calling policy ${policyName}`, exact: true }).waitFor();
  }

  /** The id of the highlighted row of a list screen (a deep link landed), or ''. */
  async highlighted(): Promise<string> {
    const row = this.page.locator('tr.highlight');
    await row.first().waitFor();
    return (await row.first().getAttribute('data-object-id')) ?? '';
  }

  async focusedObjectId(): Promise<string> {
    return this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.objectId ?? '');
  }
}
