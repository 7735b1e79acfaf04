/** Page models for the Checks area and the readiness dashboard / call flows on the Overview. */
import type { Page } from 'playwright-core';

export type SeverityWord = 'blocking error' | 'warning' | 'note';

export class ChecksPage {
  constructor(private page: Page) {}

  async open(baseUrl: string, planId = 'sample', detail = '') {
    await this.page.goto(`${baseUrl}#/plan/${encodeURIComponent(planId)}/checks${detail ? `/${encodeURIComponent(detail)}` : ''}`);
    await this.page.getByRole('heading', { name: 'Checks', level: 1 }).waitFor();
  }

  /** The number beside "blocking errors" / "warnings" / "notes" at the top. */
  async count(word: SeverityWord): Promise<number> {
    const item = this.page
      .getByRole('list', { name: /by severity$/ })
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`\\b${word}s?$`) });
    return Number((await item.locator('.n').textContent())?.replace(/,/g, ''));
  }

  /** A finding card, by rule id and subject label. */
  finding(rule: string, subject: string) {
    return this.page.getByRole('article', { name: `${rule}: ${subject}`, exact: true });
  }

  /** Follow the link to the object a finding is about. */
  async openSubject(rule: string, subject: string) {
    await this.finding(rule, subject).getByRole('link', { name: subject, exact: true }).click();
  }

  /** A checklist tick box, by rule id, rule title and subject label. */
  checklistBox(rule: string, title: string, subject: string) {
    return this.page.getByRole('region', { name: /^Checklist/ }).getByRole('checkbox', { name: `${rule} ${title} (${subject})`, exact: true });
  }

  checklistNote(rule: string, subject: string) {
    return this.page.getByRole('region', { name: /^Checklist/ }).getByRole('textbox', { name: `Note for ${rule} ${subject}` });
  }

  async explain(rule: string, subject: string): Promise<string> {
    const card = this.finding(rule, subject);
    await card.getByText(`Explain ${rule}`).click();
    return (await card.locator('details').textContent()) ?? '';
  }

  async search(text: string) {
    await this.page.getByRole('searchbox', { name: 'Search' }).fill(text);
  }

  scopeNotice() {
    return this.page.getByRole('note');
  }

  async showAll() {
    await this.page.getByRole('link', { name: 'Show all findings' }).click();
  }
}

export class DashboardPage {
  constructor(private page: Page) {}

  async open(baseUrl: string, planId = 'sample') {
    await this.page.goto(`${baseUrl}#/plan/${encodeURIComponent(planId)}/overview`);
    await this.page.getByRole('heading', { name: 'Readiness', level: 2 }).waitFor();
  }

  async count(word: SeverityWord): Promise<number> {
    const item = this.page
      .getByRole('list', { name: 'Findings of this plan by severity' })
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`\\b${word}s?$`) });
    return Number((await item.locator('.n').textContent())?.replace(/,/g, ''));
  }

  blockingErrors() {
    return this.page.getByRole('region', { name: 'Blocking errors' });
  }

  siteStatus(site: string) {
    return this.page
      .getByRole('region', { name: 'Sites' })
      .getByRole('row', { name: new RegExp(`^${site}\\b`) })
      .getByRole('cell')
      .first();
  }

  async setSiteAssignedEmergencyPolicies(on: boolean) {
    await this.page.getByRole('checkbox', { name: /site-assigned emergency call routing policies/ }).setChecked(on);
  }

  async chooseCallFlow(policyName: string) {
    await this.page.getByLabel('Shared Calling policy', { exact: true }).selectOption({ label: policyName });
  }

  callFlow(policyName: string) {
    return this.page.getByRole('img', { name: `Call flow of Shared Calling policy ${policyName}`, exact: true });
  }
}
