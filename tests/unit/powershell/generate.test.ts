import { beforeAll, describe, expect, it } from 'vitest';
import type { Parser } from 'web-tree-sitter';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { createEmptyPlan } from '../../../src/lib/domain/model.js';
import { generateScripts, GENERATOR_VERSION, planSha256, SCRIPT_FILE_NAMES, DATA_SECTION_BEGIN, DATA_SECTION_END } from '../../../src/lib/powershell/index.js';
import { loadParser, parse, syntaxProblems } from './ps-tree.js';

let parser: Parser;
beforeAll(async () => {
  parser = await loadParser();
});

const EXPECTED_FILES = [
  '01-prerequisites.ps1',
  '02-resource-accounts.ps1',
  '03-auto-attendants.ps1',
  '04-voice-routing.ps1',
  '05-emergency.ps1',
  '06-shared-calling-policies.ps1',
  '07-users.ps1',
  '08-verify.ps1',
  '09-rollback.ps1',
  'Invoke-SharedCallingRunbook.ps1',
  '00-discovery.ps1',
];

describe('generateScripts', () => {
  const files = generateScripts(createSamplePlan());

  it('produces one file per stage plus the runbook, in run order', () => {
    expect(files.map((f) => f.name)).toEqual(EXPECTED_FILES);
    expect(SCRIPT_FILE_NAMES).toEqual(EXPECTED_FILES);
  });

  it('parses with tree-sitter-powershell without ERROR or MISSING nodes', () => {
    for (const f of files) expect(syntaxProblems(parse(parser, f.text)), f.name).toEqual([]);
  });

  it('parses an empty plan too', () => {
    for (const f of generateScripts(createEmptyPlan('p', 'Empty', '2026-01-01T00:00:00Z'))) {
      expect(syntaxProblems(parse(parser, f.text)), f.name).toEqual([]);
    }
  });

  it('bytes are a UTF-8 BOM followed by the UTF-8 of text, which uses CRLF only', () => {
    for (const f of files) {
      expect([...f.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder('utf-8', { ignoreBOM: false }).decode(f.bytes)).toBe(f.text);
      expect(f.text).not.toMatch(/[^\r]\n/);
      expect(f.text).not.toMatch(/\r[^\n]/);
      expect(f.text.endsWith('\r\n')).toBe(true);
    }
  });

  it('is byte-identical across runs and has no timestamp unless asked', () => {
    const again = generateScripts(createSamplePlan());
    for (let i = 0; i < files.length; i++) expect(Buffer.from(again[i]!.bytes).equals(Buffer.from(files[i]!.bytes))).toBe(true);
    for (const f of files) expect(f.text).not.toContain('Generated at');
    const stamped = generateScripts(createSamplePlan(), { generatedAt: '2026-02-01T10:00:00Z' });
    for (const f of stamped) expect(f.text).toContain("# Generated at:  '2026-02-01T10:00:00Z'");
  });

  it('starts with comment-based help, then the #Requires lines', () => {
    for (const f of files) {
      expect(f.text.startsWith('<#\r\n.SYNOPSIS\r\n'), f.name).toBe(true);
      const afterHelp = f.text.slice(f.text.indexOf('#>\r\n') + 4);
      expect(afterHelp.startsWith('#Requires -Version 5.1\r\n')).toBe(true);
      const requiresModule = "#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '5.5.0' }\r\n";
      if (f.name === 'Invoke-SharedCallingRunbook.ps1') {
        // The runbook checks the module in its body: #Requires -Modules can cost a script its exit code
        // (PowerShell #23887), and the runbook's exit code is what automation reads.
        expect(afterHelp).not.toContain(requiresModule);
        expect(afterHelp).toContain("Get-Module -ListAvailable -Name MicrosoftTeams | Where-Object { $_.Version -ge [version]'5.5.0' }");
      } else expect(afterHelp).toContain(requiresModule);
      for (const k of ['.DESCRIPTION', '.PARAMETER DryRun', '.EXAMPLE', '.NOTES']) expect(f.text).toContain(k);
    }
  });

  it('names the plan, the generator version and the plan SHA-256 in the header', () => {
    const plan = createSamplePlan();
    const hash = planSha256(plan);
    for (const f of files) {
      expect(f.text).toContain(`# Plan:          'Contoso Shared Calling (sample)'`);
      expect(f.text).toContain(`# Generator:     ${GENERATOR_VERSION}`);
      expect(f.text).toContain(`# Plan SHA-256:  ${hash}`);
    }
  });

  it('declares SupportsShouldProcess and -DryRun, -Resume; param() ends with a newline', () => {
    for (const f of files) {
      expect(f.text).toMatch(/\[CmdletBinding\(SupportsShouldProcess(, ConfirmImpact = 'High')?\)\]\r\nparam\(\r\n/);
      expect(f.text).toContain('[switch]$DryRun');
      expect(f.text).toContain('[switch]$Resume');
      expect(f.text).toMatch(/\r\n\)\r\n\r\n/);
    }
  });

  it('stage files carry the house-style machinery: log, retry list, checkpoint, back-off, exit 1', () => {
    for (const f of files.slice(0, 9)) {
      expect(f.text).toContain(DATA_SECTION_BEGIN);
      expect(f.text).toContain(DATA_SECTION_END);
      expect(f.text).toContain('.log.csv');
      expect(f.text).toContain('.retry.csv');
      expect(f.text).toContain('.checkpoint.txt');
      expect(f.text).toContain('function Invoke-TenantCall');
      expect(f.text).toMatch(/429/);
      expect(f.text).toContain('Start-Sleep -Seconds $retryDelay');
      expect(f.text).toContain('exit 1');
      expect(f.text).toContain('-ErrorAction Stop');
      expect(f.text).toContain('} catch {');
      expect(f.text).toContain('Summary of');
    }
  });

  it('the runbook runs the stage files of its folder with -Stage and passes -DryRun/-Resume and the plan hash', () => {
    const rb = files.find((f) => f.name === 'Invoke-SharedCallingRunbook.ps1')!.text;
    expect(rb).toContain('[string[]]$Stage');
    expect(rb).toContain('Join-Path $PSScriptRoot $entry.File');
    expect(rb).toContain('& $stagePath @stageArgs');
    for (const name of EXPECTED_FILES.slice(0, 9)) expect(rb).toContain(`File = '${name}'`);
    expect(rb).toContain(`$PlanSha256 = '${planSha256(createSamplePlan())}'`);
    expect(rb).toContain('ExpectedPlanSha256 = $PlanSha256');
    expect(rb).toContain('exit 1');
    expect(rb).toContain('Unblock-File');
  });
});
