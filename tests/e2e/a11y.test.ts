import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openSession, type Session } from './support/browser.js';
import { PlanListPage, WorkspacePage } from './pages/app.js';

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
  expect(s.errors, 'console errors').toEqual([]);
  await s.context.close();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Run axe-core on the page; return serious and critical violations in readable form. */
async function seriousViolations(page: Page): Promise<string[]> {
  // axe is injected through the DevTools protocol (evaluate), which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

const AREAS = ['Overview', 'Import users', 'Users', 'Sites and numbers', 'Resource accounts and auto attendants', 'Policies', 'Emergency', 'Checks', 'Export'];

describe('accessibility (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`every main screen has no serious or critical violations (${scheme})`, async () => {
      s = await openSession(browser, baseUrl, { colorScheme: scheme });
      await s.page.goto(baseUrl);
      const ws = new WorkspacePage(s.page);
      await ws.waitOpen();
      const found: string[] = [];
      for (const area of AREAS) {
        await ws.goToArea(area);
        await expect.poll(() => ws.heading().first().textContent()).toBe(area);
        found.push(...(await seriousViolations(s.page)).map((v) => `[${area}] ${v}`));
      }
      await new PlanListPage(s.page).open(baseUrl);
      found.push(...(await seriousViolations(s.page)).map((v) => `[Plans] ${v}`));
      expect(found).toEqual([]);
    });
  }
});
