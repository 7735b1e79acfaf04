/** Page model of the workbook round trip: update from a workbook (Import screen), open one as a new plan. */
import type { Locator, Page } from 'playwright-core';
import type { FileSpec } from './import.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class WorkbookUpdatePage {
  constructor(private page: Page) {}

  panel(): Locator {
    return this.page.getByRole('region', { name: 'Update this plan from a workbook' });
  }

  async choose(file: FileSpec) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.panel().getByRole('button', { name: 'Choose a plan workbook…' }).click();
    await (await chooser).setFiles({ name: file.name, mimeType: XLSX_MIME, buffer: file.buffer });
  }

  /** The heading above the preview ("Changes from “x.xlsx”: 5"). */
  async waitPreview(): Promise<string> {
    const h = this.panel().getByTestId('diff-heading');
    await h.waitFor();
    return (await h.textContent()) ?? '';
  }

  /** "Users — 1 added, 1 removed, 1 changed" */
  async kindSummary(title: string): Promise<string> {
    const s = this.panel().getByTestId('workbook-diff').locator('summary').filter({ hasText: title }).first();
    return ((await s.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  /** Rows of a kind's table: [object, change, field, before, after] (spanned cells repeated). */
  async kindRows(title: string): Promise<string[][]> {
    const table = this.panel()
      .getByRole('region', { name: `Changes to ${title}` })
      .locator('table');
    return table.evaluate((t) => {
      const out: string[][] = [];
      let object = '';
      let change = '';
      for (const tr of Array.from((t as HTMLTableElement).tBodies[0]?.rows ?? [])) {
        const cells = Array.from(tr.cells).map((c) => (c.textContent ?? '').trim());
        if (cells.length === 5) [object, change] = [cells[0] ?? '', cells[1] ?? ''];
        if (cells.length === 3 && tr.cells[2]?.getAttribute('colspan') === '3') out.push([cells[0] ?? '', cells[1] ?? '', cells[2] ?? '', '', '']);
        else out.push(cells.length === 5 ? cells : [object, change, ...cells]);
      }
      return out;
    });
  }

  /** Cells not taken: [sheet, row, column, problem, result]. */
  async issues(): Promise<string[][]> {
    return this.panel()
      .getByTestId('workbook-issues')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => Array.from((r as HTMLTableRowElement).cells).map((c) => (c.textContent ?? '').trim())));
  }

  async apply() {
    await this.panel()
      .getByRole('button', { name: /^Apply \d/ })
      .click();
    await this.panel()
      .getByText(/^Applied \d/)
      .waitFor();
  }

  async cancel() {
    await this.panel().getByRole('button', { name: 'Cancel' }).click();
  }
}

/** "Open a workbook…" on the plan list. */
export async function openWorkbookAsNewPlan(page: Page, file: FileSpec) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a workbook…' }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: XLSX_MIME, buffer: file.buffer });
}
