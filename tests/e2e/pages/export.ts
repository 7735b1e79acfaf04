/** Page model for the Export area: gate, stage summary, file preview, downloads, verification import. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export type TokenKind = 'comment' | 'string' | 'variable' | 'command' | 'keyword' | 'operator' | 'parameter';

export class ExportPage {
  constructor(private page: Page) {}

  async open(baseUrl: string, planId = 'sample') {
    await this.page.goto(`${baseUrl}#/plan/${encodeURIComponent(planId)}/export`);
    await this.page.getByRole('heading', { name: 'Export', level: 1 }).waitFor();
  }

  /** Wait until the scripts are generated (the file list appears). */
  async waitGenerated() {
    await this.fileList().waitFor();
  }

  fileList() {
    return this.page.getByRole('list', { name: 'Script files' });
  }

  async fileNames(): Promise<string[]> {
    return (await this.fileList().getByRole('button').locator('.name').allTextContents()).map((t) => t.trim());
  }

  stageTable() {
    return this.page.getByRole('table', { name: 'What each stage creates or changes' });
  }

  /** The summary row of a stage, by its file name. */
  stageRow(file: string) {
    return this.stageTable().getByRole('row').filter({ hasText: file });
  }

  async selectFile(name: string) {
    await this.fileList()
      .getByRole('button', { name: new RegExp(`^${name.replace(/\./g, '\\.')}`) })
      .click();
    await this.preview(name).waitFor();
  }

  preview(name: string) {
    return this.page.getByRole('region', { name: `Preview of ${name}` });
  }

  /**
   * Highlighted token texts by kind anywhere in the preview: it renders only the lines in view, so
   * scroll through it page by page (and back to the top).
   */
  async allTokens(name: string): Promise<Map<string, Set<string>>> {
    const region = this.preview(name);
    const found = new Map<string, Set<string>>();
    await region.evaluate((el) => el.scrollTo(0, 0));
    for (;;) {
      const pairs = await region.evaluate((el) =>
        [...el.querySelectorAll('[class^="t-"], [class*=" t-"]')].map((s) => {
          const kind = [...s.classList].find((c) => c.startsWith('t-'))!.slice(2);
          return [kind, s.textContent ?? ''] as const;
        }),
      );
      for (const [k, t] of pairs) (found.get(k) ?? found.set(k, new Set()).get(k)!).add(t);
      const more = await region.evaluate((el) => {
        const before = el.scrollTop;
        el.scrollTo(0, before + el.clientHeight);
        return el.scrollTop > before;
      });
      if (!more) break;
      await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    await region.evaluate((el) => el.scrollTo(0, 0));
    return found;
  }

  /** Texts of the highlighted tokens of one kind in the lines rendered now. */
  async tokens(name: string, kind: TokenKind): Promise<string[]> {
    return this.preview(name).locator(`.t-${kind}`).allTextContents();
  }

  downloadFileButton(name: string) {
    return this.page.getByRole('button', { name: `Download ${name}`, exact: true });
  }

  zipButton() {
    return this.page.getByRole('button', { name: 'Download all (.zip)' });
  }

  copyButton() {
    return this.page.getByRole('button', { name: 'Copy to clipboard' });
  }

  status() {
    return this.page.getByRole('region', { name: 'PowerShell scripts' }).getByRole('status');
  }

  private async download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  }

  downloadFile(name: string) {
    return this.download(() => this.downloadFileButton(name).click());
  }

  downloadZip() {
    return this.download(() => this.zipButton().click());
  }

  // Blocking errors
  gate() {
    return this.page.getByRole('region', { name: /blocking errors?$/ });
  }

  blockingErrors() {
    return this.page.getByRole('list', { name: 'Blocking errors' }).getByRole('listitem');
  }

  acknowledgement() {
    return this.page.getByRole('checkbox', { name: /^I understand the plan has \d+ blocking errors?/ });
  }

  // Verification report
  async importVerification(fileName: string, contents: string) {
    await this.page.getByLabel('Verification report (.csv)').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(contents) });
  }

  verificationError() {
    return this.page.getByRole('region', { name: 'Import verification report' }).getByRole('alert');
  }

  /** The done / failed / missing tiles, as numbers. */
  async verificationCounts(): Promise<Record<'done' | 'failed' | 'missing', number>> {
    const tiles = this.page.getByRole('list', { name: 'Verification results' });
    await tiles.waitFor();
    const read = async (word: string) =>
      Number(
        (
          await tiles
            .getByRole('listitem')
            .filter({ hasText: new RegExp(`${word}$`) })
            .locator('.n')
            .textContent()
        )?.replace(/,/g, ''),
      );
    return { done: await read('done'), failed: await read('failed'), missing: await read('missing') };
  }

  /** Rows of the failed/missing table: [status, kind, object, detail]. */
  async problems(): Promise<string[][]> {
    const rows = this.page.getByRole('table', { name: 'Failed and missing items' }).getByRole('row');
    const out: string[][] = [];
    for (const row of await rows.all()) {
      const cells = (await row.getByRole('cell').allTextContents()).map((t) => t.trim());
      if (cells.length) out.push(cells);
    }
    return out;
  }
}
