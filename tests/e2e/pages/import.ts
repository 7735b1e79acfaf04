/** Page model of the Import users screen (and the plan data downloads); selectors live only here. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export type ImportModeLabel = 'Add new users only' | 'Add and update by UPN' | 'Replace the user list';

export interface FileSpec {
  name: string;
  mimeType?: string;
  buffer: Buffer;
}

export const fileFrom = (path: string): FileSpec => ({ name: basename(path), buffer: readFileSync(path) });

export class ImportPage {
  constructor(private page: Page) {}

  async open(baseUrl: string, planId: string) {
    await this.page.goto(`${baseUrl}#/plan/${encodeURIComponent(planId)}/import`);
    await this.page.getByRole('heading', { name: 'Import users', level: 1 }).waitFor();
  }

  /** Choose a file with the "Choose a file…" button (the file chooser), without waiting for the result. */
  async chooseFile(file: FileSpec) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Choose a file…' }).click();
    await (await chooser).setFiles({ name: file.name, mimeType: file.mimeType ?? 'application/octet-stream', buffer: file.buffer });
  }

  /** Drop a file on the drop zone, as a drag from the desktop would. */
  async dropFile(file: FileSpec) {
    const data = await this.page.evaluateHandle(
      ({ name, base64 }) => {
        const bin = atob(base64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name));
        return dt;
      },
      { name: file.name, base64: file.buffer.toString('base64') },
    );
    await this.#drop(data);
  }

  /**
   * Drop a generic CSV of `rows` users made inside the page (no test-runner traffic while the
   * page is measured).
   */
  async dropGeneratedCsv(name: string, rows: number) {
    const data = await this.page.evaluateHandle(
      ({ name, rows }) => {
        const lines = ['User principal name,Display name,Usage location,Department,Office'];
        for (let i = 0; i < rows; i++) lines.push(`user${i}@contoso.com,User ${i},US,Dept ${i % 40},Office ${i % 7}`);
        const dt = new DataTransfer();
        dt.items.add(new File([lines.join('\r\n')], name, { type: 'text/csv' }));
        return dt;
      },
      { name, rows },
    );
    await this.#drop(data);
  }

  async #drop(data: Awaited<ReturnType<Page['evaluateHandle']>>) {
    const zone = this.page.getByRole('group', { name: 'Drop a user list here' });
    await zone.dispatchEvent('dragover', { dataTransfer: data });
    await zone.dispatchEvent('drop', { dataTransfer: data });
  }

  /** Choose a file and wait until it has been read (preview or a whole-file message). */
  async importFile(file: FileSpec) {
    await this.chooseFile(file);
    await this.waitRead();
  }

  async waitRead() {
    await this.page.getByRole('heading', { name: 'What was found' }).waitFor();
    await this.progressBar().waitFor({ state: 'detached' });
  }

  progressBar(): Locator {
    return this.page.getByRole('progressbar');
  }

  async cancelReading() {
    await this.page.getByRole('button', { name: 'Cancel', exact: true }).click();
  }

  /** The note shown after a cancel or when the worker fallback is used. */
  note(): Locator {
    return this.page.getByRole('status').filter({ hasText: /cancelled|background workers/ });
  }

  layout(): Locator {
    return this.page.getByTestId('layout');
  }

  /** The whole-file problem (alert). */
  problem(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /cannot be imported|Nothing was imported/ });
  }

  /** Count shown in the preview, e.g. "New users". */
  async previewCount(label: string): Promise<number> {
    const text = await this.page
      .locator('dl[aria-label="Import preview counts"] > div')
      .filter({ has: this.page.getByText(label, { exact: true }) })
      .locator('dd')
      .textContent();
    return Number((text ?? '').replace(/,/g, ''));
  }

  previewRows(): Locator {
    return this.page.getByRole('table', { name: 'Users to import' }).locator('tbody tr');
  }

  issues(): Locator {
    return this.page.getByRole('list', { name: 'Row issues' }).getByRole('listitem');
  }

  mappingSelect(header: string): Locator {
    return this.page.getByLabel(`Planner field for column ${header}`, { exact: true });
  }

  async mapColumn(header: string, fieldLabel: string) {
    await this.mappingSelect(header).selectOption({ label: fieldLabel });
    await this.waitRead();
  }

  rememberedBadge(): Locator {
    return this.page.getByText('Remembered from the last import into this plan');
  }

  sheetSelect(): Locator {
    return this.page.getByLabel('Sheet', { exact: true });
  }

  async chooseSheet(name: string) {
    await this.sheetSelect().selectOption(name);
    await this.waitRead();
  }

  importButton(): Locator {
    return this.page.getByRole('button', { name: /^Import [\d,]+ users?$/ });
  }

  rulesCheckbox(): Locator {
    return this.page.getByLabel(/Apply the plan's assignment rules/);
  }

  /** Commit with a mode; `confirmReplace` answers the replace question (true = replace, false = cancel). */
  async commit(mode: ImportModeLabel, confirmReplace = true) {
    await this.page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
    await this.importButton().click();
    if (mode === 'Replace the user list') {
      const dialog = this.replaceDialog();
      await dialog.waitFor();
      await dialog.getByRole('button', { name: confirmReplace ? 'Replace the user list' : 'Cancel' }).click();
      if (!confirmReplace) return;
    }
    await this.page.getByRole('heading', { name: 'Import finished' }).waitFor();
  }

  replaceDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Replace the user list?' });
  }

  summary(): Locator {
    return this.page.getByRole('status').filter({ hasText: /added, .* updated, .* removed, .* skipped/ });
  }

  async goToUsers() {
    await this.page.getByRole('link', { name: 'Go to the Users screen' }).click();
    await this.page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  }

  async importAnother() {
    await this.page.getByRole('button', { name: 'Import another file' }).click();
    await this.page.getByRole('button', { name: 'Choose a file…' }).waitFor();
  }

  async goToUsersArea() {
    await this.page.getByRole('navigation', { name: 'Plan areas' }).getByRole('link', { name: 'Users', exact: true }).click();
    await this.page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  }

  /** "40 of 40 users" on the Users screen → 40 (the total). */
  async usersOnUsersScreen(): Promise<number> {
    const status = this.page.getByRole('status').filter({ hasText: / of [\d,]+ users/ });
    await status.waitFor();
    const m = / of ([\d,]+) users/.exec((await status.textContent()) ?? '');
    return Number((m?.[1] ?? '').replace(/,/g, ''));
  }

  /** The sample list link (served build). */
  sampleLink(): Locator {
    return this.page.getByRole('link', { name: 'Download a sample user list (CSV)' });
  }

  async downloadSample(): Promise<Buffer> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByText('Download a sample user list (CSV)').click()]);
    return readFileSync(await download.path());
  }
}

/** The plan data downloads (DataExports on the Export screen). */
export class DataExportsPage {
  constructor(private page: Page) {}

  async download(button: 'Download workbook (.xlsx)' | 'Download users (.csv)'): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: button }).click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  }
}
