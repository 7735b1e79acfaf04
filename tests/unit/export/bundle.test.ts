import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { buildScriptZip, createSamplePlan, generateScriptBundle, generateScripts, planSha256 } from '../../../src/lib/index.js';

describe('generateScriptBundle', () => {
  it('returns the files of generateScripts and the hash their headers print, computed by the core', () => {
    const plan = createSamplePlan();
    const b = generateScriptBundle(plan, { generatedAt: 'x' });
    const files = generateScripts({ ...plan }, { generatedAt: 'x' });
    expect(b.files.map((f) => f.name)).toEqual(files.map((f) => f.name));
    expect(b.files.map((f) => f.text)).toEqual(files.map((f) => f.text));
    expect(b.planSha256).toBe(planSha256({ ...plan }));
    for (const f of b.files) expect(f.text).toContain(b.planSha256);
    expect(b.totalBytes).toBe(files.reduce((n, f) => n + f.bytes.length, 0));
  });

  it('the zip holds every script byte for byte, the README with the hash, and the workbook', () => {
    const plan = createSamplePlan();
    const b = generateScriptBundle(plan);
    const workbook = new Uint8Array([1, 2, 3]);
    const zip = unzipSync(buildScriptZip(plan, { ...b, workbook, workbookFile: 'Plan plan.xlsx', blockingErrors: 0 }));
    for (const f of b.files) expect(zip[f.name]).toEqual(f.bytes);
    expect(strFromU8(zip['README.md']!)).toContain(b.planSha256);
    expect(zip['Plan plan.xlsx']).toEqual(workbook);
  });
});
