import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { unzipSync, strFromU8 } from 'fflate';
import { launchBrowser, openSession, type Session } from './support/browser.js';
import { PlanListPage, WorkspacePage } from './pages/app.js';
import { ExportPage, type TokenKind } from './pages/export.js';
import { createSamplePlan, serializePlan } from '../../src/lib/index.js';
import { generateScripts, SCRIPT_FILE_NAMES, GENERATOR_VERSION } from '../../src/lib/powershell/index.js';

const baseUrl = inject('baseUrl');
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

async function openSample(): Promise<ExportPage> {
  s = await openSession(browser, baseUrl);
  await s.page.goto(baseUrl);
  await new WorkspacePage(s.page).waitOpen();
  const x = new ExportPage(s.page);
  await x.open(baseUrl);
  await x.waitGenerated();
  return x;
}

const BOM = [0xef, 0xbb, 0xbf];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations, readable. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type V = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: V[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
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

function verificationCsv(rows: string[][]): string {
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  return '\ufeff' + [['Kind', 'Subject', 'Property', 'Expected', 'Actual', 'Status', 'Name'], ...rows].map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
}

describe('export', () => {
  it('the sample plan shows the per-stage summary and a highlighted preview', async () => {
    const x = await openSample();
    const sample = createSamplePlan();
    expect(await x.fileNames()).toEqual([...SCRIPT_FILE_NAMES]);
    // Counts come from the plan.
    const users = x.stageRow('07-users.ps1');
    await users.getByText('Users: Enterprise Voice enabled').waitFor();
    expect(await users.textContent()).toContain(String(sample.users.length));
    const ras = x.stageRow('02-resource-accounts.ps1');
    expect(await ras.textContent()).toMatch(new RegExp(`${sample.resourceAccounts.length}\\s*Resource accounts`));
    expect(await x.stageRow('06-shared-calling-policies.ps1').textContent()).toMatch(
      new RegExp(`${sample.sharedCallingPolicies.length}\\s*Shared Calling policies`),
    );
    await users
      .getByText(/in \d+ batch/)
      .first()
      .waitFor();

    // Preview with highlighting: tokens are spans of text, the region is focusable.
    await x.selectFile('07-users.ps1');
    const preview = x.preview('07-users.ps1');
    expect(await preview.getAttribute('tabindex')).toBe('0');
    expect((await x.tokens('07-users.ps1', 'comment'))[0]).toBe('<#');
    const all = await x.allTokens('07-users.ps1');
    const has = (kind: TokenKind, text: string) => expect(all.get(kind)?.has(text), `${kind} ${text}`).toBe(true);
    has('command', 'Set-CsPhoneNumberAssignment');
    has('variable', '$Plan');
    has('keyword', 'foreach');
    has('parameter', '-Identity');
    has('operator', '-eq');
    has('string', `'${sample.users[0]!.upn}'`);
    // Line numbers run to the file's last line (the preview renders the lines in view).
    await preview.locator('.ln', { hasText: /^1$/ }).waitFor();
    const lastLine =
      generateScripts(sample)
        .find((f) => f.name === '07-users.ps1')!
        .text.split('\r\n').length - 1;
    await preview.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await preview.locator('.ln', { hasText: new RegExp(`^${lastLine}$`) }).waitFor();
    // Keyboard: arrow keys move through the file list.
    await x
      .fileList()
      .getByRole('button', { name: /^07-users\.ps1/ })
      .focus();
    await s.page.keyboard.press('ArrowDown');
    await x.preview('08-verify.ps1').waitFor();
  });

  it('downloads one file exactly as generated: UTF-8 BOM and CRLF', async () => {
    const x = await openSample();
    await x.selectFile('02-resource-accounts.ps1');
    const { name, bytes } = await x.downloadFile('02-resource-accounts.ps1');
    expect(name).toBe('02-resource-accounts.ps1');
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toContain('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const expected = generateScripts(createSamplePlan()).find((f) => f.name === name)!;
    expect(Buffer.from(expected.bytes).equals(bytes)).toBe(true);
  });

  it('copies the selected file to the clipboard', async () => {
    const x = await openSample();
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
    await x.selectFile('05-emergency.ps1');
    await x.copyButton().click();
    await x.status().getByText('Copied 05-emergency.ps1 to the clipboard.').waitFor();
    const copied = await s.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(generateScripts(createSamplePlan()).find((f) => f.name === '05-emergency.ps1')!.text);
  });

  it('downloads a zip with every script, README.md and the plan workbook', async () => {
    const x = await openSample();
    const { name, bytes } = await x.downloadZip();
    expect(name).toMatch(/^Contoso Shared Calling sample scripts \d{4}-\d{2}-\d{2} \d{4}\.zip$/);
    const entries = unzipSync(new Uint8Array(bytes));
    const names = Object.keys(entries);
    for (const f of SCRIPT_FILE_NAMES) expect(names).toContain(f);
    expect(names).toContain('README.md');
    const xlsx = names.filter((n) => n.endsWith('.xlsx'));
    expect(xlsx).toEqual(['Contoso Shared Calling sample plan.xlsx']);
    expect(strFromU8(entries[xlsx[0]!]!.subarray(0, 2))).toBe('PK');
    // The scripts in the zip are the downloaded bytes (BOM + CRLF).
    const expected = generateScripts(createSamplePlan());
    for (const f of expected) expect(Buffer.from(entries[f.name]!).equals(Buffer.from(f.bytes)), f.name).toBe(true);
    const readme = strFromU8(entries['README.md']!);
    expect(readme).toContain(createSamplePlan().name);
    expect(readme).toContain(GENERATOR_VERSION);
    expect(readme).toMatch(/Plan SHA-256: `[0-9a-f]{64}`/);
    expect(readme).toContain('-DryRun');
  });

  it('a plan with a blocking error needs an acknowledgement before any download', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    await new WorkspacePage(s.page).waitOpen();
    const sample = createSamplePlan();
    const broken = {
      ...sample,
      id: 'broken',
      name: 'Broken plan',
      sharedCallingPolicies: sample.sharedCallingPolicies.map((p, i) => (i === 0 ? { ...p, resourceAccountId: null } : p)),
    };
    const list = new PlanListPage(s.page);
    await list.open(baseUrl);
    await list.restore('broken.json', serializePlan(broken));
    await new WorkspacePage(s.page).waitOpen();
    const x = new ExportPage(s.page);
    await x.open(baseUrl, 'broken');
    await x.waitGenerated();

    await x.gate().waitFor();
    expect(await x.blockingErrors().count()).toBeGreaterThan(0);
    const first = x.blockingErrors().first();
    expect(await first.textContent()).toContain('P2');
    expect(await first.getByRole('link').getAttribute('href')).toBe('#/plan/broken/checks/scp-seattle');
    expect(await x.zipButton().isDisabled()).toBe(true);
    expect(await x.downloadFileButton('01-prerequisites.ps1').isDisabled()).toBe(true);
    expect(await x.copyButton().isDisabled()).toBe(true);

    await x.acknowledgement().check();
    expect(await x.zipButton().isDisabled()).toBe(false);
    const { name, bytes } = await x.downloadFile('01-prerequisites.ps1');
    expect(name).toBe('01-prerequisites.ps1');
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    const zip = await x.downloadZip();
    expect(zip.name).toMatch(/^Broken plan scripts /);
    expect(strFromU8(unzipSync(new Uint8Array(zip.bytes))['README.md']!)).toMatch(/\d+ blocking errors? when these scripts were exported/);
  });

  it('a large plan previews the first 2,000 lines, with a note, and still downloads the whole file', async () => {
    s = await openSession(browser, baseUrl);
    await s.page.goto(baseUrl);
    await new WorkspacePage(s.page).waitOpen();
    const sample = createSamplePlan();
    const users = Array.from({ length: 2500 }, (_, i) => ({ ...sample.users[i % sample.users.length]!, upn: `user${i}@contoso.com` }));
    const list = new PlanListPage(s.page);
    await list.open(baseUrl);
    await list.restore('large.json', serializePlan({ ...sample, id: 'large', name: 'Large plan', users }));
    await new WorkspacePage(s.page).waitOpen();
    const x = new ExportPage(s.page);
    await x.open(baseUrl, 'large');
    await x.waitGenerated();
    await x.selectFile('07-users.ps1');
    const note = s.page.getByRole('note').filter({ hasText: 'Showing the first 2,000 of' });
    expect(await note.textContent()).toMatch(/Showing the first 2,000 of [\d,]+ lines\. Download the file to see the rest\./);
    const preview = x.preview('07-users.ps1');
    await preview.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await preview.locator('.ln', { hasText: /^2000$/ }).waitFor();
    // More users than the sample's callback numbers are sized for may block: acknowledge if asked.
    if (await x.acknowledgement().count()) await x.acknowledgement().check();
    const { bytes } = await x.downloadFile('07-users.ps1');
    expect(bytes.toString('utf8')).toContain("'user2499@contoso.com'");
  });

  it('imports a verification report: statuses shown, kept after a reload; a bad file changes nothing', async () => {
    const x = await openSample();
    const sample = createSamplePlan();
    const u0 = sample.users[0]!.upn.toLowerCase();
    const u1 = sample.users[1]!.upn.toLowerCase();
    const csv = verificationCsv([
      ['user', u0, 'Exists', 'True', 'True', 'Done', u0],
      ['user', u0, 'EnterpriseVoiceEnabled', 'True', 'True', 'Done', u0],
      ['user', u1, 'Exists', 'True', 'True', 'Done', u1],
      ['user', u1, 'TeamsSharedCallingRoutingPolicy', 'SC-Seattle', '', 'Failed', u1],
      ['resourceAccount', 'ra-london', 'Exists', 'True', '', 'Missing', 'ra-london'],
      ['sharedCallingPolicy', 'scp-seattle', 'Exists', 'True', 'True', 'Done', 'SC-Seattle'],
    ]);

    // A file that is not a report: a clear error, nothing stored.
    await x.importVerification('users.csv', 'UserPrincipalName,DisplayName\r\na@b.com,A\r\n');
    expect(await x.verificationError().textContent()).toMatch(/Not a Shared Calling verification report.*Nothing was changed/);
    expect(await s.page.getByRole('list', { name: 'Verification results' }).count()).toBe(0);

    await x.importVerification('SharedCalling-Verification.csv', csv);
    expect(await x.verificationCounts()).toEqual({ done: 2, failed: 1, missing: 1 });
    const problems = await x.problems();
    expect(problems.map((p) => p.slice(0, 3))).toEqual([
      ['Failed', 'User', sample.users[1]!.upn],
      ['Missing', 'Resource account', sample.resourceAccounts.find((r) => r.id === 'ra-london')!.displayName],
    ]);
    expect(problems[0]![3]).toContain('TeamsSharedCallingRoutingPolicy: expected "SC-Seattle"');

    await new WorkspacePage(s.page).waitSaved();
    await s.page.reload();
    await x.waitGenerated();
    expect(await x.verificationCounts()).toEqual({ done: 2, failed: 1, missing: 1 });
    // One undoable edit.
    await s.page.getByRole('button', { name: /^Undo/ }).waitFor();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`no serious axe violations with a preview, the gate and verification results (${scheme})`, async () => {
      s = await openSession(browser, baseUrl, { colorScheme: scheme });
      await s.page.goto(baseUrl);
      await new WorkspacePage(s.page).waitOpen();
      const sample = createSamplePlan();
      const list = new PlanListPage(s.page);
      await list.open(baseUrl);
      const broken = {
        ...sample,
        id: 'axe',
        name: 'Axe plan',
        sharedCallingPolicies: sample.sharedCallingPolicies.map((p, i) => (i === 0 ? { ...p, resourceAccountId: null } : p)),
      };
      await list.restore('axe.json', serializePlan(broken));
      await new WorkspacePage(s.page).waitOpen();
      const x = new ExportPage(s.page);
      await x.open(baseUrl, 'axe');
      await x.waitGenerated();
      await x.selectFile('06-shared-calling-policies.ps1');
      await x.importVerification('v.csv', verificationCsv([['resourceAccount', 'ra-london', 'Exists', 'True', '', 'Missing', 'x']]));
      await x.verificationCounts();
      expect(await seriousViolations(s.page)).toEqual([]);
    });
  }
});
