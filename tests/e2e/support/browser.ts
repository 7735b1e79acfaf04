/**
 * Real Chromium (Debian's, or CHROMIUM_PATH) driven by playwright-core. Every test gets a fresh
 * context (its own IndexedDB) and a record of console errors and requests that left the origin.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const p = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((x) => x && existsSync(x));
  if (!p) throw new Error('Chromium not found: run `node scripts/ensure-chromium.mjs` or set CHROMIUM_PATH.');
  return p;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** console.error messages and uncaught page errors */
  errors: string[];
  /** requests to any origin other than the app's */
  foreign: string[];
  downloadsDir: string;
}

export async function openSession(
  browser: Browser,
  baseUrl: string,
  options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<Session> {
  const context = await browser.newContext({
    acceptDownloads: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 860 },
  });
  const page = await context.newPage();
  // Playwright turns on file-chooser interception when the first listener is added, asynchronously;
  // a listener from the start means a later waitForEvent('filechooser') never races with it.
  page.on('filechooser', () => {});
  const errors: string[] = [];
  const foreign: string[] = [];
  const origin = new URL(baseUrl).origin;
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  return { context, page, errors, foreign, downloadsDir: mkdtempSync(join(tmpdir(), 'scp-dl-')) };
}
