/** Page model for emergency callback number sizing (SizingOverview + SizingPanel); selectors live only here. */
import type { Locator, Page } from 'playwright-core';
import { WorkspacePage } from './app.js';

export class SizingPage {
  constructor(private page: Page) {}

  /** Open the area that shows the sizing overview (the Emergency screen). */
  async open() {
    const ws = new WorkspacePage(this.page);
    await ws.waitOpen();
    await ws.goToArea('Emergency');
    await this.overview().waitFor();
  }

  overview(): Locator {
    return this.page.getByTestId('sizing-overview');
  }

  /** The detailed panel of one policy (a region named after it). */
  panel(policy: string): Locator {
    return this.page.getByRole('region', { name: `Emergency callback numbers for ${policy}`, exact: true });
  }

  async choosePolicy(policy: string) {
    await this.overview().getByLabel('Details for policy').selectOption({ label: policy });
    await this.panel(policy).waitFor();
  }

  async recommended(policy: string): Promise<number> {
    const text = await this.panel(policy).getByTestId('recommended').textContent();
    return Number(/\d+/.exec(text ?? '')?.[0] ?? Number.NaN);
  }

  decidedBy(policy: string): Locator {
    return this.panel(policy).getByTestId('decided-by');
  }

  poolStatus(policy: string): Locator {
    return this.panel(policy).getByTestId('pool-status');
  }

  acquireAdvice(policy: string): Locator {
    return this.panel(policy).getByTestId('acquire');
  }

  async useOwnInputs(policy: string) {
    await this.panel(policy).getByLabel('Own inputs for this policy').check();
  }

  /** Pick a preset target by its percentage, e.g. "1%". */
  async setTarget(policy: string, percent: string) {
    const select = this.panel(policy).getByLabel('Acceptable chance that a call finds no free number');
    const options = await select.locator('option').allTextContents();
    const label = options.find((o) => o.startsWith(`${percent} `));
    if (!label) throw new Error(`no target preset ${percent} in ${options.join(' | ')}`);
    await select.selectOption({ label });
  }

  async setCustomTarget(policy: string, percent: string) {
    await this.panel(policy).getByLabel('Acceptable chance that a call finds no free number').selectOption({ label: 'Custom…' });
    const input = this.panel(policy).getByLabel('Custom target in percent');
    await input.fill(percent);
    await input.press('Enter');
  }

  async setIncidentFloor(policy: string, people: number) {
    const input = this.panel(policy).getByLabel(/^Incident floor/);
    await input.fill(String(people));
    await input.press('Enter');
  }

  async typeIncidentFloor(policy: string, text: string) {
    await this.panel(policy)
      .getByLabel(/^Incident floor/)
      .fill(text);
  }

  /** Fill a sizing number field and commit it (Enter). */
  async setNumber(policy: string, label: RegExp, text: string) {
    const input = this.panel(policy).getByLabel(label);
    await input.fill(text);
    await input.press('Enter');
  }

  /** Type into a sizing number field without committing it. */
  async typeNumber(policy: string, label: RegExp, text: string) {
    await this.panel(policy).getByLabel(label).fill(text);
  }

  invalidNotice(policy: string): Locator {
    return this.panel(policy).getByTestId('sizing-invalid');
  }

  async recommendedCount(policy: string): Promise<number> {
    return this.panel(policy).getByTestId('recommended').count();
  }

  /** The y-axis labels of the chart, top to bottom. */
  async yTickLabels(policy: string): Promise<string[]> {
    return this.chart(policy).locator('text.tick[text-anchor="end"]').allTextContents();
  }

  async curveStyles(policy: string): Promise<{
    poisson: { stroke: string; dash: string; width: string };
    erlang: { stroke: string; dash: string; width: string };
    markers: { circles: boolean; squares: boolean };
  }> {
    const chart = this.chart(policy);
    const style = (testId: string) =>
      chart.getByTestId(testId).evaluate((el) => {
        const cs = getComputedStyle(el);
        return { stroke: cs.stroke, dash: cs.strokeDasharray, width: cs.strokeWidth };
      });
    return {
      poisson: await style('curve-poisson'),
      erlang: await style('curve-erlang-b'),
      markers: { circles: (await chart.locator('circle.dot.poisson').count()) > 0, squares: (await chart.locator('rect.dot.erlang').count()) > 0 },
    };
  }

  fieldError(policy: string): Locator {
    return this.panel(policy).locator('.field-error');
  }

  applyButton(policy: string): Locator {
    return this.panel(policy).getByRole('button', { name: /^Add \d+ callback numbers?$/ });
  }

  chart(policy: string): Locator {
    return this.panel(policy).getByRole('img', { name: `Reuse probability by number of callback numbers for ${policy}` });
  }

  async curvePaths(policy: string): Promise<{ poisson: string; erlang: string }> {
    const chart = this.chart(policy);
    return {
      poisson: (await chart.getByTestId('curve-poisson').getAttribute('d')) ?? '',
      erlang: (await chart.getByTestId('curve-erlang-b').getAttribute('d')) ?? '',
    };
  }

  table(policy: string): Locator {
    return this.panel(policy).getByRole('table', { name: `Reuse chance by number of callback numbers for ${policy}` });
  }

  /** The overview row of a policy: [recommended, callback numbers] as shown. */
  async overviewFigures(policy: string): Promise<{ recommended: string; current: string; status: string }> {
    const row = this.overview()
      .getByRole('row')
      .filter({ has: this.page.getByRole('button', { name: `Show the sizing of ${policy}` }) });
    const cells = row.getByRole('cell');
    const n = await cells.count();
    return {
      recommended: ((await cells.nth(n - 3).textContent()) ?? '').trim(),
      current: ((await cells.nth(n - 2).textContent()) ?? '').trim(),
      status: ((await cells.nth(n - 1).textContent()) ?? '').trim(),
    };
  }

  poolingPenalty(): Locator {
    return this.overview().getByTestId('pooling-penalty');
  }

  /** Pick a preset target in the plan-wide defaults form of the overview. */
  async setDefaultTarget(percent: string) {
    const select = this.overview().getByRole('group', { name: 'Plan sizing defaults' }).getByLabel('Acceptable chance that a call finds no free number');
    const options = await select.locator('option').allTextContents();
    const label = options.find((o) => o.startsWith(`${percent} `));
    if (!label) throw new Error(`no target preset ${percent}`);
    await select.selectOption({ label });
  }
}
