import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, type Session } from './support/browser.js';
import { WorkspacePage } from './pages/app.js';
import { SizingPage } from './pages/sizing.js';
import { createSamplePlan, effectiveSizing, policyUserCounts, poolingPenalty, recommendPoolSize } from '../../src/lib/index.js';

const baseUrl = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
let s: Session;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  // Every test: no console errors, and nothing left the page's origin.
  expect(s.errors, 'console errors').toEqual([]);
  expect(s.foreign, 'requests outside the origin').toEqual([]);
  await s.context.close();
});

async function openSizing(): Promise<SizingPage> {
  s = await openSession(browser, baseUrl);
  await s.page.goto(baseUrl);
  const sizing = new SizingPage(s.page);
  await sizing.open();
  return sizing;
}

describe('emergency callback number sizing', () => {
  it('shows the recommendation of the readiness check for a sample policy, with chart and table', async () => {
    const sizing = await openSizing();
    const plan = createSamplePlan();
    const seattle = plan.sharedCallingPolicies.find((p) => p.name === 'SC-Seattle')!;
    const expected = recommendPoolSize(plan, seattle, policyUserCounts(plan).get(seattle.id) ?? 0);
    await sizing.choosePolicy('SC-Seattle');
    expect(await sizing.recommended('SC-Seattle')).toBe(expected);
    await expect.poll(() => sizing.decidedBy('SC-Seattle').textContent()).toMatch(/Poisson upper bound/);
    await expect.poll(() => sizing.poolStatus('SC-Seattle').textContent()).toMatch(/3 callback numbers configured/);

    // The chart: an accessible image with both model curves drawn.
    await sizing.chart('SC-Seattle').waitFor();
    const paths = await sizing.curvePaths('SC-Seattle');
    expect(paths.poisson).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/);
    expect(paths.erlang).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/);
    // The table is the text alternative: one row per pool size, tiny figures in scientific notation.
    const table = sizing.table('SC-Seattle');
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThanOrEqual(8);
    await expect.poll(() => table.textContent()).toContain('× 10⁻');

    // The overview lists every site's policy with the same figure.
    const row = await sizing.overviewFigures('SC-Seattle');
    expect(row.recommended).toBe(String(expected));
    expect(row.current).toBe('3');
    expect(row.status).toBe('Enough');

    // Splitting users: the sample's three policies differ in number kind and country, so no two
    // could ever share one pool (EN4) and nothing is compared.
    await expect.poll(() => sizing.poolingPenalty().textContent()).toMatch(/No two policies with users could share one pool/);
    expect(poolingPenalty(plan.sizingDefaults, [80, 60, 40]).extra).toBeGreaterThanOrEqual(0);
  });

  it('changing the target changes the recommendation; bad input is reported inline', async () => {
    const sizing = await openSizing();
    await sizing.choosePolicy('SC-Seattle');
    expect(await sizing.recommended('SC-Seattle')).toBe(2);
    await sizing.useOwnInputs('SC-Seattle');
    await sizing.setTarget('SC-Seattle', '1%');
    await expect.poll(() => sizing.recommended('SC-Seattle')).toBe(1);
    await sizing.setTarget('SC-Seattle', '0.01%');
    await expect.poll(() => sizing.recommended('SC-Seattle')).toBe(2);
    await sizing.setCustomTarget('SC-Seattle', '0.0000001');
    await expect.poll(() => sizing.recommended('SC-Seattle')).toBe(3);

    await sizing.typeIncidentFloor('SC-Seattle', '-2');
    await expect.poll(() => sizing.fieldError('SC-Seattle').textContent()).toMatch(/incident floor must be a number of 0 or more/i);
    // An invalid value clears the result instead of showing the last one.
    await sizing.invalidNotice('SC-Seattle').waitFor();
    expect(await sizing.recommendedCount('SC-Seattle')).toBe(0);
    expect(await sizing.chart('SC-Seattle').count()).toBe(0);
    await sizing.setIncidentFloor('SC-Seattle', 1);
    await expect.poll(() => sizing.recommended('SC-Seattle')).toBe(3);
  });

  it('accepts a decimal comma, and clears the result while a value is invalid', async () => {
    const sizing = await openSizing();
    await sizing.choosePolicy('SC-Seattle');
    await sizing.useOwnInputs('SC-Seattle');
    await sizing.setNumber('SC-Seattle', /^Test calls/, '0,5');
    expect(await sizing.fieldError('SC-Seattle').count()).toBe(0);
    const plan = createSamplePlan();
    const seattle = plan.sharedCallingPolicies.find((p) => p.name === 'SC-Seattle')!;
    const want = recommendPoolSize(plan, { ...seattle, sizing: { testCallsPerHour: 0.5 } }, 80);
    await expect.poll(() => sizing.recommended('SC-Seattle')).toBe(want);
    expect(want).toBeGreaterThan(2);
    // Typing something that is not a number hides the figures at once, before leaving the field.
    await sizing.typeNumber('SC-Seattle', /^Busy-hour factor/, '3,x');
    await sizing.invalidNotice('SC-Seattle').waitFor();
    expect(await sizing.recommendedCount('SC-Seattle')).toBe(0);
    await sizing.setNumber('SC-Seattle', /^Busy-hour factor/, '3');
    await expect.poll(() => sizing.recommended('SC-Seattle')).toBe(want);
  });

  it('the chart covers the decades around the target and keeps both curves distinguishable', async () => {
    const sizing = await openSizing();
    await sizing.choosePolicy('SC-Seattle');
    // Target 0.1 %: from 1 down to three decades below the target, extended to the recommended pool's
    // figure (9.4 × 10⁻⁷ for 2 numbers), not to 10⁻³⁰.
    await expect.poll(() => sizing.yTickLabels('SC-Seattle')).toEqual(['1', '0.1', '0.01', '0.001', '10⁻⁴', '10⁻⁵', '10⁻⁶', '10⁻⁷']);
    // Below the axis a curve stops instead of running along the bottom edge.
    const paths = await sizing.curvePaths('SC-Seattle');
    expect(paths.poisson.split('L').length).toBeLessThan(6);
    const styles = await sizing.curveStyles('SC-Seattle');
    // Where the two models nearly coincide (small loads) both stay visible: a wide solid Poisson line
    // under a thin dashed Erlang B line of another colour, circles vs squares.
    expect(styles.poisson.stroke).not.toBe(styles.erlang.stroke);
    expect(styles.poisson.dash).toBe('none');
    expect(styles.erlang.dash).not.toBe('none');
    expect(Number.parseFloat(styles.poisson.width)).toBeGreaterThan(Number.parseFloat(styles.erlang.width));
    expect(styles.markers).toEqual({ circles: true, squares: true });
  });

  it('apply adds qualifying spare numbers, says what to acquire, and survives a reload', async () => {
    const sizing = await openSizing();
    const ws = new WorkspacePage(s.page);
    await sizing.choosePolicy('SC-Seattle');
    await sizing.useOwnInputs('SC-Seattle');
    await sizing.setIncidentFloor('SC-Seattle', 5);
    await expect.poll(() => sizing.recommended('SC-Seattle')).toBe(5);
    await expect.poll(() => sizing.decidedBy('SC-Seattle').textContent()).toMatch(/incident floor/);
    await expect.poll(() => sizing.poolStatus('SC-Seattle').textContent()).toMatch(/2 short of 5/);
    // Seattle has exactly two spare Calling Plan subscriber numbers (EN3).
    await expect.poll(() => sizing.applyButton('SC-Seattle').textContent()).toBe('Add 2 callback numbers');
    await sizing.applyButton('SC-Seattle').click();
    await expect.poll(() => sizing.poolStatus('SC-Seattle').textContent()).toMatch(/5 callback numbers configured/);
    await expect.poll(() => sizing.applyButton('SC-Seattle').count()).toBe(0);

    // London: one spare Operator Connect number; the rest must be acquired (EN4).
    await sizing.choosePolicy('SC-London');
    await sizing.useOwnInputs('SC-London');
    await sizing.setIncidentFloor('SC-London', 6);
    await expect.poll(() => sizing.applyButton('SC-London').textContent()).toBe('Add 1 callback number');
    await expect.poll(() => sizing.acquireAdvice('SC-London').textContent()).toMatch(/Acquire 2 more Operator Connect numbers in United Kingdom \(GB\)/);
    await sizing.applyButton('SC-London').click();
    await expect.poll(() => sizing.poolStatus('SC-London').textContent()).toMatch(/4 callback numbers configured: 2 short of 6/);
    await ws.waitSaved();

    await s.page.reload();
    await sizing.overview().waitFor();
    expect((await sizing.overviewFigures('SC-Seattle')).current).toBe('5');
    expect(await sizing.overviewFigures('SC-London')).toEqual({ recommended: '6', current: '4', status: '2 short' });
    await sizing.choosePolicy('SC-Seattle');
    await expect.poll(() => sizing.poolStatus('SC-Seattle').textContent()).toMatch(/5 callback numbers configured/);
    expect(await sizing.recommended('SC-Seattle')).toBe(5);
  });

  it('plan defaults drive every policy without its own inputs', async () => {
    const sizing = await openSizing();
    await sizing.setDefaultTarget('1%');
    const plan = createSamplePlan();
    const changed = { ...plan, sizingDefaults: { ...plan.sizingDefaults, target: 0.01 } };
    const counts = policyUserCounts(changed);
    for (const p of changed.sharedCallingPolicies) {
      const want = recommendPoolSize(changed, p, counts.get(p.id) ?? 0);
      expect(effectiveSizing(changed, p).target).toBe(0.01);
      await expect.poll(async () => (await sizing.overviewFigures(p.name)).recommended).toBe(String(want));
    }
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`overview and panel have no serious or critical axe violations, short pool included (${scheme})`, async () => {
      s = await openSession(browser, baseUrl, { colorScheme: scheme });
      await s.page.goto(baseUrl);
      const sizing = new SizingPage(s.page);
      await sizing.open();
      await sizing.choosePolicy('SC-London');
      await sizing.useOwnInputs('SC-London');
      await sizing.setIncidentFloor('SC-London', 6);
      await sizing.acquireAdvice('SC-London').waitFor();
      // axe is injected through the DevTools protocol (evaluate), which the page's CSP does not govern.
      await s.page.evaluate(axeSource);
      const violations = await s.page.evaluate(async () => {
        type Axe = { run: (ctx: Element, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> };
        const axe = (window as unknown as { axe: Axe }).axe;
        const root = document.querySelector('[data-testid="sizing-overview"]');
        if (!root) return [{ id: 'missing', impact: 'critical', nodes: [] }];
        return (await axe.run(root, { resultTypes: ['violations'] })).violations;
      });
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.impact} ${v.id}: ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
        );
      expect(serious).toEqual([]);
    });
  }
});
