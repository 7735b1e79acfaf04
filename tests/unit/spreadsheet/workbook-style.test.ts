/**
 * The plan workbook as a customer receives it (issue 15): bold frozen headers, fitted widths,
 * drop-down lists naming the right sheets, words instead of codes, a sizing sheet, findings with
 * their fix, deployment status. Read from the file's own XML and through SheetJS.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { userKey } from '../../../src/lib/domain/model.js';
import { checkPlan } from '../../../src/lib/checks/index.js';
import { planSizingSummary } from '../../../src/lib/sizing/index.js';
import { diffPlans, planFromWorkbook } from '../../../src/lib/domain/plan-diff.js';
import { readWorkbookUpdate, writePlanWorkbook } from '../../../src/lib/spreadsheet/index.js';

async function sampleWorkbook() {
  const plan = createSamplePlan();
  plan.verification = {
    [`user:${userKey(plan.users[0]!.upn)}`]: { status: 'done', detail: '', at: '2026-11-30T10:00:00Z' },
    'resourceAccount:ra-seattle': { status: 'failed', detail: 'Number not assigned', at: '2026-11-30T10:00:00Z' },
  };
  const findings = checkPlan(plan);
  const bytes = await writePlanWorkbook(plan, { findings });
  const files = unzipSync(bytes);
  const book = strFromU8(files['xl/workbook.xml']!);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
  /** The XML of a sheet by its name. */
  const sheetXml = (name: string): string => {
    const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(book)?.[1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
    return strFromU8(files[`xl/${(target ?? '').replace(/^\/?xl\//, '')}`]!);
  };
  return { plan, findings, bytes, sheetXml, styles: strFromU8(files['xl/styles.xml']!), wb: XLSX.read(bytes, { type: 'array' }) };
}

describe('the customer workbook', () => {
  it('has frozen, bold, filtered headers and column widths that fit', async () => {
    const { sheetXml, styles, wb } = await sampleWorkbook();
    const users = sheetXml('Users');
    expect(users).toMatch(/<pane xSplit="1" ySplit="1" [^>]*state="frozen"/);
    expect(users).toMatch(/<autoFilter ref="A1:[A-Z]+181"\/>/);
    // The UPN column is as wide as the longest UPN (plus a margin), not the default.
    const longest = Math.max(
      ...XLSX.utils
        .sheet_to_json<string[]>(wb.Sheets['Users']!, { header: 1 })
        .slice(1)
        .map((r) => String(r[0]).length),
    );
    expect(users).toContain(`<col min="1" max="1" width="${longest + 2}" customWidth="1"/>`);
    // The header cells use a bold font.
    const headerStyle = Number(/<c r="A1" s="(\d+)"/.exec(users)?.[1]);
    const xf = [...styles.matchAll(/<xf [^>]*fontId="(\d+)"/g)].map((m) => Number(m[1]));
    const fonts = [...styles.matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1] ?? '');
    const cellXfs = styles.slice(styles.indexOf('<cellXfs'));
    const headerFont = Number([...cellXfs.matchAll(/<xf [^>]*fontId="(\d+)"/g)][headerStyle]?.[1]);
    expect(xf.length).toBeGreaterThan(1);
    expect(fonts[headerFont]).toContain('<b/>');
  });

  it('offers drop-down lists of the names on the other sheets, and of the number kinds', async () => {
    const { plan, sheetXml, wb } = await sampleWorkbook();
    // Room for 500 rows a person adds below the ones written.
    const range = (sheet: string, rows: number) => `&apos;${sheet}&apos;!$A$2:$A$${rows + 501}`;
    const lists = (sheet: string) =>
      [...sheetXml(sheet).matchAll(/<dataValidation type="list"[^>]*errorTitle="([^"]+)"[^>]*sqref="([^"]+)"><formula1>(.*?)<\/formula1>/g)].map((m) => [
        m[1],
        m[3],
      ]);
    expect(lists('Users')).toEqual(
      expect.arrayContaining([
        ['Site', range('Sites', plan.sites.length)],
        ['Shared Calling policy', range('Shared Calling policies', plan.sharedCallingPolicies.length)],
        ['Emergency policy', range('Emergency routing', plan.emergencyPolicies.length)],
        ['Voice routing policy', range('Voice routing', plan.voiceRoutingPolicies.length)],
      ]),
    );
    expect(lists('Numbers')).toEqual(
      expect.arrayContaining([
        [
          'Kind',
          '&quot;Calling Plan subscriber number,Calling Plan service number,Calling Plan toll-free service number,Operator Connect number,Direct Routing number&quot;',
        ],
        ['Site', range('Sites', plan.sites.length)],
      ]),
    );
    expect(lists('Resource accounts')).toEqual(expect.arrayContaining([['Number', range('Numbers', plan.numbers.length)]]));
    expect(lists('Shared Calling policies')).toEqual(expect.arrayContaining([['Resource account', range('Resource accounts', plan.resourceAccounts.length)]]));
    // The lists point at the name columns: the first column of each sheet holds the names.
    expect(XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Sites']!, { header: 1 })[0]?.[0]).toBe('Name');
    expect(XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Numbers']!, { header: 1 })[0]?.[0]).toBe('E.164');
  });

  it('speaks in words, keeps the codes in grey columns at the right, and shows sizing, findings with fixes and deployment status', async () => {
    const { plan, findings, wb } = await sampleWorkbook();
    const rows = (sheet: string) => XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets[sheet]!);
    expect(rows('Numbers')[0]).toMatchObject({ Kind: 'Calling Plan service number', 'Number id': plan.numbers[0]!.id });
    expect(rows('Resource accounts')[0]).toMatchObject({
      Licence: 'Teams Phone Resource Account',
      'Deployment status': 'Failed',
      'Deployment detail': 'Number not assigned',
    });
    expect(rows('Users')[0]).toMatchObject({ 'Deployment status': 'Deployed' });
    const header = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Users']!, { header: 1 })[0] ?? [];
    expect(header.slice(-4)).toEqual(['Site id', 'Shared Calling policy id', 'Emergency policy id', 'Voice routing policy id']);
    const sizing = rows('Sizing');
    expect(sizing.map((r) => [r['Shared Calling policy'], r['Users'], r['Recommended pool'], r['Numbers in the list']])).toEqual(
      planSizingSummary(plan).map((s) => [s.policy.name, s.users, s.sizing!.recommended, s.current]),
    );
    expect(Object.keys(sizing[0]!)).toEqual(expect.arrayContaining(['Offered load (Erlangs)', 'Target probability', 'Decided by']));
    const f = rows('Findings');
    expect(f).toHaveLength(findings.length);
    expect(f[0]).toMatchObject({ Rule: findings[0]!.rule, Problem: findings[0]!.message, Fix: findings[0]!.fix });
    // Hidden sheets for the round trip only.
    expect(wb.Workbook?.Sheets?.filter((s) => s.Hidden).map((s) => s.name)).toEqual(['_names', '_exact']);
  });

  // LibreOffice is a real spreadsheet program: opening and saving the workbook there must change
  // nothing in the plan. Needs `libreoffice` on the machine (Debian package libreoffice-calc).
  const soffice = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((p) => existsSync(p));
  it.skipIf(!soffice)(
    'reads back unchanged after LibreOffice Calc opened and saved it',
    async () => {
      const { plan, bytes } = await sampleWorkbook();
      const dir = mkdtempSync(join(tmpdir(), 'scp-lo-'));
      writeFileSync(join(dir, 'plan.xlsx'), bytes);
      execFileSync(
        soffice!,
        [
          '--headless',
          `-env:UserInstallation=file://${dir}/profile`,
          '--convert-to',
          'xlsx:Calc MS Excel 2007 XML',
          '--outdir',
          join(dir, 'out'),
          join(dir, 'plan.xlsx'),
        ],
        { stdio: 'ignore', timeout: 120_000 },
      );
      const saved = new Uint8Array(readFileSync(join(dir, 'out', 'plan.xlsx')));
      expect(saved).not.toEqual(bytes);
      const { plan: back, issues } = readWorkbookUpdate(saved, plan);
      expect(issues).toEqual([]);
      expect(diffPlans(plan, planFromWorkbook(plan, back!))).toEqual({ kinds: [], total: 0 });
    },
    150_000,
  );
});
