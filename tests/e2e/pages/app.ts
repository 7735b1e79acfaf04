/** Page models: what a person does, in words; selectors live only here. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export class PlanListPage {
  constructor(private page: Page) {}

  async open(baseUrl: string) {
    await this.page.goto(`${baseUrl}#/`);
    await this.page.getByRole('heading', { name: 'Plans', level: 1 }).waitFor();
  }

  planLink(name: string) {
    return this.page.getByRole('list', { name: 'Plans' }).getByRole('link', { name, exact: true });
  }

  async createPlan(name: string) {
    await this.page.getByRole('button', { name: 'New plan' }).click();
    await this.page.getByLabel('Plan name').fill(name);
    await this.page.getByRole('button', { name: 'Create' }).click();
    await this.page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  }

  /** Download a backup and return its text. */
  async downloadBackup(name: string): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: `Download a backup of ${name}` }).click()]);
    const path = await download.path();
    return readFileSync(path, 'utf8');
  }

  async deletePlan(name: string) {
    await this.page.getByRole('button', { name: `Delete ${name}` }).click();
    await this.page.getByRole('dialog', { name: 'Delete plan?' }).getByRole('button', { name: 'Delete' }).click();
    await this.planLink(name).waitFor({ state: 'detached' });
  }

  async restore(fileName: string, contents: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Restore from backup…' }).click();
    await (await chooser).setFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(contents) });
  }
}

export class WorkspacePage {
  constructor(private page: Page) {}

  async goToArea(label: string) {
    await this.page.getByRole('navigation', { name: 'Plan areas' }).getByRole('link', { name: label, exact: true }).click();
    await this.page.getByRole('heading', { level: 1 }).first().waitFor();
  }

  heading() {
    return this.page.getByRole('main').getByRole('heading', { level: 1 });
  }

  /** Wait until a plan's workspace is open (the area navigation is shown). */
  async waitOpen() {
    await this.page.getByRole('navigation', { name: 'Plan areas' }).waitFor();
  }

  async waitSaved() {
    await this.page.getByRole('status').getByText('Saved', { exact: true }).waitFor();
  }

  async backToPlans() {
    await this.page.getByRole('link', { name: '← All plans' }).click();
    await this.page.getByRole('heading', { name: 'Plans', level: 1 }).waitFor();
  }
}
