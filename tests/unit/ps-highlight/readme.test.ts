import { describe, expect, it } from 'vitest';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { GENERATOR_VERSION, planSha256, RUNBOOK_FILE, STAGES, VERIFICATION_FILE_NAME } from '../../../src/lib/powershell/index.js';
import { renderReadme } from '../../../src/lib/ps-highlight/index.js';

describe('renderReadme', () => {
  const plan = createSamplePlan();
  const hash = planSha256(plan);

  it('is deterministic', () => {
    expect(renderReadme(plan, { planSha256: hash })).toBe(renderReadme(createSamplePlan(), { planSha256: hash }));
  });

  it('names the plan, generator version and SHA-256, and explains how to run', () => {
    const text = renderReadme(plan, { planSha256: hash, workbookFile: 'plan.xlsx' });
    expect(text).toContain(`# Shared Calling runbook: ${plan.name.replace(/[()]/g, (c) => c)}`);
    expect(text).toContain(hash);
    expect(text).toContain(GENERATOR_VERSION);
    expect(text).toContain(RUNBOOK_FILE);
    expect(text).toContain('-DryRun');
    expect(text).toContain('-Stage');
    expect(text).toContain('-Resume');
    expect(text).toContain('.retry.csv');
    expect(text).toContain('.log.csv');
    expect(text).toContain(VERIFICATION_FILE_NAME);
    expect(text).toContain('Import verification');
    expect(text).toContain('plan.xlsx');
    // Stages in run order; rollback only mentioned separately.
    const positions = STAGES.filter((s) => s.number !== '09').map((s) => text.indexOf(`| ${s.number} | \`${s.file}\``));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).not.toContain('| 09 |');
    expect(text).toContain('09-rollback.ps1');
    expect(text).not.toMatch(/blocking error/);
  });

  it('AA8: says when directory search starts working (up to 36 hours)', () => {
    const text = renderReadme(plan, { planSha256: hash });
    expect(text).toContain('up to 36 hours for a new user (AA8)');
    expect(text).toContain('Test directory search 36 hours after stage 07');
  });

  it('warns about acknowledged blocking errors', () => {
    expect(renderReadme(plan, { planSha256: hash, blockingErrors: 3 })).toContain('3 blocking errors');
  });

  it('plan names cannot break out of their line or inject Markdown', () => {
    const text = renderReadme({ ...plan, name: 'Evil\r\n# Heading <script>`x`' }, { planSha256: hash });
    expect(text.split('\r\n')[0]).toBe('# Shared Calling runbook: Evil \\# Heading \\<script\\>\\`x\\`');
    expect(text).not.toContain('\r\n# Heading');
  });
});
