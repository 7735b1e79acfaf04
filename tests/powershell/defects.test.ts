/**
 * The review findings on the generated PowerShell (issue 11, D1–D16), each shown by running the
 * generated code in pwsh. Two kinds of run:
 *   - helper runs: the shared helper functions, cut out of a generated stage file, driven with
 *     errors shaped like the AutoRest RestException (an HttpResponseMessage in .Response);
 *   - tenant runs: whole stage files against the simulated tenant (tests/powershell/sim).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/lib/checks/index.js';
import { createSamplePlan } from '../../src/lib/domain/sample-plan.js';
import { generateScripts, parseVerificationCsv, planSha256 } from '../../src/lib/powershell/index.js';
import { REALISTIC } from './support/behaviour.js';
import { mutating, parseCsv, Workspace, type CallLogEntry } from './support/runbook.js';
import { pwshPrefix } from './support/pwsh.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface PwshResult {
  status: number;
  stdout: string;
  stderr: string;
}

function runPwshFile(file: string, args: string[] = [], env: Record<string, string> = {}): PwshResult {
  const [cmd, ...pre] = pwshPrefix();
  const r = spawnSync(cmd!, [...pre, '-NoProfile', '-NonInteractive', '-File', file, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1', ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'scp-defects-'));
}

/** Run script text (UTF-8 with BOM) and parse the JSON it prints last. */
function runJson<T>(text: string): T {
  const file = path.join(tempDir(), 'run.ps1');
  writeFileSync(file, '\uFEFF' + text);
  const r = runPwshFile(file);
  expect(r.status, r.stderr + r.stdout).toBe(0);
  const at = r.stdout.indexOf('@@JSON@@');
  expect(at, r.stdout).toBeGreaterThanOrEqual(0);
  return JSON.parse(r.stdout.slice(at + 8)) as T;
}

const sample = generateScripts(createSamplePlan());
const stageText = (name: string) => sample.find((f) => f.name === name)!.text;

/** Every `function X { … }` of a generated file that is not nested in another (its closing brace is indented like its keyword). */
function helperFunctions(fileText: string): string {
  const out: string[] = [];
  const re = /^( *)function [A-Za-z-]+ \{\r\n[\s\S]*?\r\n\1\}\r\n/gm;
  for (let m = re.exec(fileText); m; m = re.exec(fileText)) out.push(m[0]);
  return out.join('\r\n');
}

/**
 * Harness for the helper runs: a fake tenant cmdlet that fails with the statuses queued in
 * $script:Failures (as a binary cmdlet does: WriteError, terminating under -ErrorAction Stop), a
 * Start-Sleep that records instead of waiting, and Write-StepLog replaced by a recorder.
 */
const HARNESS = String.raw`
[CmdletBinding(SupportsShouldProcess)]
param()
Set-StrictMode -Version 1.0
$ErrorActionPreference = 'Stop'
$MaxRetries = 3
$DryRun = $false
$BatchSize = 5000
$script:ScriptCmdlet = $PSCmdlet
$script:Finished = New-Object 'System.Collections.Generic.HashSet[string]'
$script:Sleeps = New-Object System.Collections.Generic.List[int]
$script:Logged = New-Object System.Collections.Generic.List[string]
$script:Calls = 0
$script:Failures = @()

class FakeRestException : System.Exception {
    [System.Net.Http.HttpResponseMessage]$Response
    FakeRestException([string]$Message, [int]$Status, [int]$RetryAfter) : base($Message) {
        $this.Response = [System.Net.Http.HttpResponseMessage]::new([System.Net.HttpStatusCode]$Status)
        if ($RetryAfter -gt 0) {
            $this.Response.Headers.RetryAfter = [System.Net.Http.Headers.RetryConditionHeaderValue]::new([TimeSpan]::FromSeconds($RetryAfter))
        }
    }
}

@@HELPERS@@

function Start-Sleep { param([int]$Seconds) $script:Sleeps.Add($Seconds) }
function Write-StepLog {
    param([string]$LogStep, [string]$LogTarget, [string]$LogAction, [string]$LogStatus, [string]$LogDetail)
    $script:Logged.Add(('{0}|{1}|{2}' -f $LogStatus, $LogDetail, $LogStep))
}
function Add-Checkpoint { param([string]$CheckpointKey) }

function Get-CsFake {
    [CmdletBinding()]
    param([string]$Identity)
    $script:Calls++
    if ($script:Calls -le $script:Failures.Count) {
        $failure = $script:Failures[$script:Calls - 1]
        if ($failure.Status -eq 0) {
            $failureException = New-Object System.Exception($failure.Message)
        } else {
            $failureException = [FakeRestException]::new($failure.Message, $failure.Status, $failure.RetryAfter)
        }
        $category = 'NotSpecified'
        if ($failure.Category) { $category = $failure.Category }
        $PSCmdlet.WriteError((New-Object System.Management.Automation.ErrorRecord($failureException, 'Fake', $category, $Identity)))
        return
    }
    return 'found'
}

$script:BatchStatuses = @()
$script:BatchUserState = @()
$script:BatchPolls = 0
function New-CsBatchPolicyAssignmentOperation {
    [CmdletBinding()] param([string]$PolicyType, [string]$PolicyName, [string[]]$Identity, [string]$OperationName)
    $script:BatchPolls = 0
    return 'op-1'
}
function Get-CsBatchPolicyAssignmentOperation {
    [CmdletBinding()] param([string]$OperationId)
    $script:BatchPolls++
    $status = $script:BatchStatuses[[math]::Min($script:BatchPolls, $script:BatchStatuses.Count) - 1]
    return [pscustomobject]@{ OperationId = $OperationId; OverallStatus = $status; UserState = @($script:BatchUserState) }
}
function Invoke-TestBatch {
    param([string[]]$Statuses, [object[]]$UserStates)
    $script:BatchStatuses = $Statuses
    $script:BatchUserState = $UserStates
    $sets = @{}
    Add-BatchItem $sets 'ECRP-1' 'user:a:ecrp' 'a@contoso.com' 'id-a' 'Global'
    Add-BatchItem $sets 'ECRP-1' 'user:b:ecrp' 'b@contoso.com' 'ID-B' 'Global'
    Add-BatchItem $sets 'ECRP-1' 'user:c:ecrp' 'c@contoso.com' 'id-c' 'Global'
    Invoke-BatchAssignment -BatchPolicyType 'TeamsEmergencyCallRoutingPolicy' -BatchSets $sets
}
function U { param([string]$Id, [string]$Result = 'Success', [string]$State = 'Completed') [pscustomobject]@{ Id = $Id; Result = $Result; State = $State } }

function Test-Case {
    param([object[]]$CaseFailures, [scriptblock]$CaseRun)
    $script:Calls = 0
    $script:Sleeps.Clear()
    $script:Logged.Clear()
    $script:Failures = @($CaseFailures)
    try { $outcome = 'ok:' + [string](& $CaseRun) } catch { $outcome = 'error:' + $_.Exception.Message }
    return [ordered]@{ Calls = $script:Calls; Sleeps = @($script:Sleeps); Outcome = $outcome; Logged = @($script:Logged) }
}
function F { param([int]$Status, [string]$Message = 'failed', [int]$RetryAfter = 0, [string]$Category = '') @{ Status = $Status; Message = $Message; RetryAfter = $RetryAfter; Category = $Category } }

$results = [ordered]@{}
@@CASES@@
Write-Output ('@@JSON@@' + ($results | ConvertTo-Json -Depth 6 -Compress))
`;

interface CaseResult {
  Calls: number;
  Sleeps: number[];
  Outcome: string;
  Logged: string[];
}

function runHelperCases(cases: string): Record<string, CaseResult> {
  const stage = stageText('07-users.ps1');
  // The helpers, and the one script-level constant they read.
  const constants = stage.match(/^\$script:CsvGuarded = .*$/m)?.[0] ?? '';
  expect(constants).not.toBe('');
  const script = HARNESS.replace('@@HELPERS@@', () => `${constants}\r\n${helperFunctions(stage)}`).replace('@@CASES@@', () => cases);
  return runJson<Record<string, CaseResult>>(script);
}

describe('helper runs: D2 throttling from the status, one retry loop per call; D3 only not-found is absent', () => {
  const r = runHelperCases(String.raw`
$results['notFoundWithHostileText'] = Test-Case @((F 404 'User 429@contoso.com (+1206555503) not found: throttled Limited TooManyRequests')) { Invoke-Lookup { Get-CsFake -Identity 'x' -ErrorAction Stop } }
$results['badRequestWithHostileText'] = Test-Case @((F 400 'Rate limit: 429 Too Many Requests, server busy 503 Limited')) { Invoke-TenantCall { Get-CsFake -Identity 'x' -ErrorAction Stop } }
$results['throttledRetryAfter'] = Test-Case @((F 429 'slow down' 7)) { Invoke-TenantCall { Get-CsFake -ErrorAction Stop } }
$results['unavailableTwice'] = Test-Case @((F 503), (F 503)) { Invoke-Lookup { Get-CsFake -ErrorAction Stop } }
$results['alwaysThrottled'] = Test-Case @((F 429), (F 429), (F 429), (F 429), (F 429), (F 429)) { Invoke-Change { Get-CsFake -ErrorAction Stop } }
$results['retryAfterCapped'] = Test-Case @((F 429 'x' 100000)) { Invoke-TenantCall { Get-CsFake -ErrorAction Stop } }
$results['forbiddenLookup'] = Test-Case @((F 403 'Access denied')) { Invoke-Lookup { Get-CsFake -ErrorAction Stop } }
$results['serverErrorLookup'] = Test-Case @((F 500 'Internal error')) { Invoke-Lookup { Get-CsFake -ErrorAction Stop } }
$results['noResponseLookup'] = Test-Case @((F 0 'The remote name could not be resolved')) { Invoke-Lookup { Get-CsFake -ErrorAction Stop } }
$results['objectNotFoundLookup'] = Test-Case @((F 0 'Management object not found' 0 'ObjectNotFound')) { Invoke-Lookup { Get-CsFake -ErrorAction Stop } }
$results['stepAlwaysThrottled'] = Test-Case @((F 429), (F 429), (F 429), (F 429), (F 429), (F 429), (F 429), (F 429), (F 429), (F 429), (F 429), (F 429), (F 429), (F 429), (F 429), (F 429)) {
    Invoke-PlanStep 'k' 't' 'a' -IsDone { if ($null -eq (Invoke-Lookup { Get-CsFake -ErrorAction Stop })) { return 'absent' }; return $true } -Change { }
}
$results['stepForbidden'] = Test-Case @((F 403 'Access denied')) {
    Invoke-PlanStep 'k' 't' 'a' -IsDone { if ($null -eq (Invoke-Lookup { Get-CsFake -ErrorAction Stop })) { return $true }; return 'exists' } -Change { }
}
`);

  it('D2: a 404 or 400 whose text contains 429, 503, "throttled" or "Limited" is not retried', () => {
    expect(r.notFoundWithHostileText).toMatchObject({ Calls: 1, Sleeps: [], Outcome: 'ok:' });
    expect(r.badRequestWithHostileText).toMatchObject({ Calls: 1, Sleeps: [] });
    expect(r.badRequestWithHostileText!.Outcome).toMatch(/^error:/);
  });

  it('D2: 429 and 503 are retried, Retry-After honoured and capped at 300 s, else 5, 10, 20 … s', () => {
    expect(r.throttledRetryAfter).toMatchObject({ Calls: 2, Sleeps: [7], Outcome: 'ok:found' });
    expect(r.unavailableTwice).toMatchObject({ Calls: 3, Sleeps: [5, 10], Outcome: 'ok:found' });
    expect(r.retryAfterCapped).toMatchObject({ Calls: 2, Sleeps: [300] });
  });

  it('D2: a call is attempted at most MaxRetries + 1 times, also inside a step (no nested back-off)', () => {
    expect(r.alwaysThrottled).toMatchObject({ Calls: 4, Sleeps: [5, 10, 20] });
    expect(r.alwaysThrottled!.Outcome).toMatch(/^error:/);
    expect(r.stepAlwaysThrottled!.Calls).toBe(4);
    expect(r.stepAlwaysThrottled!.Logged).toHaveLength(1);
    expect(r.stepAlwaysThrottled!.Logged[0]).toMatch(/^Failed\|/);
  });

  it('D3: 403, 500 and errors without a response propagate; 404 and ObjectNotFound mean absent', () => {
    expect(r.forbiddenLookup!.Outcome).toBe('error:Access denied');
    expect(r.serverErrorLookup!.Outcome).toBe('error:Internal error');
    expect(r.noResponseLookup!.Outcome).toBe('error:The remote name could not be resolved');
    expect(r.objectNotFoundLookup).toMatchObject({ Calls: 1, Outcome: 'ok:' });
    // A rollback-style step ("done when absent") whose read is denied fails instead of logging done.
    expect(r.stepForbidden!.Logged).toEqual(['Failed|Access denied|k']);
  });
});

/**
 * A stand-in MicrosoftTeams module (version 7.3.1, so the files' #Requires is met) whose cmdlets are
 * the given PowerShell functions, plus other stand-in modules (Microsoft Graph) by name; every call
 * is appended to $env:STUB_CALLS. For the runs that
 * check the scripts' own files (checkpoint, log, retry list), where no tenant behaviour matters.
 */
function stubModules(functions: string, others: Record<string, string> = {}): string {
  const dir = tempDir();
  const modules: Record<string, [string, string]> = { MicrosoftTeams: ['7.3.1', functions] };
  for (const [name, text] of Object.entries(others)) modules[name] = ['2.25.0', text];
  for (const [name, [version, text]] of Object.entries(modules)) {
    const mod = path.join(dir, name, version);
    mkdirSync(mod, { recursive: true });
    writeFileSync(path.join(mod, `${name}.psd1`), `@{ ModuleVersion = '${version}'; RootModule = '${name}.psm1'; FunctionsToExport = '*' }\n`);
    writeFileSync(
      path.join(mod, `${name}.psm1`),
      `function Write-StubCall { param([string]$Name) Add-Content -LiteralPath $env:STUB_CALLS -Value $Name }\n${text}\n`,
    );
  }
  return dir;
}

const PSMODULEPATH_SEP = process.platform === 'win32' ? ';' : ':';

/** Write the sample plan's files into a new folder; returns it. */
function writeSample(files = sample): string {
  const dir = tempDir();
  for (const f of files) writeFileSync(path.join(dir, f.name), f.bytes);
  return dir;
}

function runStage(dir: string, file: string, args: string[], modules: string, calls: string): PwshResult {
  return runPwshFile(path.join(dir, file), args, {
    PSModulePath: modules + PSMODULEPATH_SEP + (process.env.PSModulePath ?? ''),
    STUB_CALLS: calls,
  });
}

/** Stage 04 against a stub tenant where nothing exists and creating the users' policy is denied. */
const STAGE04_STUB = String.raw`
function Get-CsTenant {
    Write-StubCall 'Get-CsTenant'
    if ($env:STUB_NOT_CONNECTED -eq '1' -and -not $script:Connected) { throw 'Run Connect-MicrosoftTeams first' }
    [pscustomobject]@{ TenantId = 't' }
}
function Connect-MicrosoftTeams {
    [CmdletBinding(SupportsShouldProcess)] param()
    Write-StubCall ('Connect-MicrosoftTeams WhatIf=' + $WhatIfPreference)
    if ($PSCmdlet.ShouldProcess('tenant', 'Connect')) { $script:Connected = $true }
}
function Get-CsOnlineVoiceRoutingPolicy {
    [CmdletBinding()] param([string]$Identity)
    Write-StubCall 'Get-CsOnlineVoiceRoutingPolicy'
    if ($Identity -eq 'Global') { return [pscustomobject]@{ Identity = 'Global'; OnlinePstnUsages = @() } }
    $PSCmdlet.WriteError((New-Object System.Management.Automation.ErrorRecord((New-Object System.Exception('not found')), 'NotFound', 'ObjectNotFound', $Identity)))
}
function Get-CsOnlineUser {
    [CmdletBinding()] param([string]$Identity)
    Write-StubCall 'Get-CsOnlineUser'
    if ($env:STUB_DENY_USER -eq '1') {
        $PSCmdlet.WriteError((New-Object System.Management.Automation.ErrorRecord((New-Object System.Exception('Access denied for Get-CsOnlineUser')), 'Denied', 'PermissionDenied', $Identity)))
        return
    }
    $PSCmdlet.WriteError((New-Object System.Management.Automation.ErrorRecord((New-Object System.Exception('not found')), 'NotFound', 'ObjectNotFound', $Identity)))
}
function New-CsOnlineVoiceRoutingPolicy {
    [CmdletBinding(SupportsShouldProcess)] param([string]$Identity, [string]$Description, [object]$OnlinePstnUsages)
    Write-StubCall ('New-CsOnlineVoiceRoutingPolicy ' + $Identity)
    if ($env:STUB_STOP -eq '1') { throw [System.Management.Automation.PipelineStoppedException]::new() }
    if ($Identity -eq 'SC-NoPSTN') { throw 'Access denied' }
}
function Set-CsOnlineVoiceRoutingPolicy { [CmdletBinding(SupportsShouldProcess)] param([string]$Identity, [object]$OnlinePstnUsages) Write-StubCall 'Set-CsOnlineVoiceRoutingPolicy' }
function Grant-CsOnlineVoiceRoutingPolicy { [CmdletBinding(SupportsShouldProcess)] param([string]$Identity, [string]$PolicyName) Write-StubCall 'Grant-CsOnlineVoiceRoutingPolicy' }
`;

describe("stub-tenant runs: the scripts' own files", () => {
  it('D4: -Resume with the checkpoint of another plan is refused (exit 1, clear message), its own is used', () => {
    const dir = writeSample();
    const out = tempDir();
    const calls = path.join(out, 'calls.txt');
    const modules = stubModules(STAGE04_STUB);
    const first = runStage(dir, '04-voice-routing.ps1', ['-OutputFolder', out], modules, calls);
    expect(first.status, first.stdout + first.stderr).toBe(1);
    const checkpoint = path.join(out, '04-voice-routing.checkpoint.txt');
    const lines = readFileSync(checkpoint, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    expect(lines[0]).toBe(planSha256(createSamplePlan()));
    expect(lines).toContain('vrp:vrp-au-ra:create');

    // The same plan resumes: finished steps are not redone.
    const resumed = runStage(dir, '04-voice-routing.ps1', ['-OutputFolder', out, '-Resume'], modules, calls);
    expect(resumed.stdout).not.toContain('-Resume refused');
    const log = readFileSync(path.join(out, '04-voice-routing.log.csv'), 'utf8');
    expect(log).toMatch(/"vrp:vrp-au-ra:create"[^\r\n]*"Resumed"/);

    // A re-export of a changed plan must not trust that checkpoint.
    const changed = createSamplePlan();
    changed.voiceRoutingPolicies[0]!.description = 'changed after the first run';
    const other = writeSample(generateScripts(changed));
    const refused = runStage(other, '04-voice-routing.ps1', ['-OutputFolder', out, '-Resume'], modules, calls);
    expect(refused.status).toBe(1);
    expect(refused.stderr + refused.stdout).toContain('-Resume refused');
    expect(refused.stderr + refused.stdout).toContain(planSha256(changed));
  });

  it('D10: a run stopped like Ctrl+C closes its log and checkpoint; the next run in the same process writes them', () => {
    const dir = writeSample();
    const out = tempDir();
    const calls = path.join(out, 'calls.txt');
    const modules = stubModules(STAGE04_STUB);
    const harness = path.join(tempDir(), 'twice.ps1');
    // Ctrl+C raises PipelineStoppedException, which no catch block sees: only finally blocks run.
    // The open files of this process are read from /proc (the tier runs on Linux).
    writeFileSync(
      harness,
      String.raw`
param([string]$StagePath, [string]$OutFolder)
function Get-OpenFile { @(Get-ChildItem -LiteralPath ('/proc/{0}/fd' -f $PID) -ErrorAction SilentlyContinue | ForEach-Object { $_.LinkTarget } | Where-Object { $_ -like ($OutFolder + '*') }) -join ', ' }
$env:STUB_STOP = '1'
$first = [powershell]::Create()
$null = $first.AddCommand($StagePath).AddParameter('OutputFolder', $OutFolder)
$null = $first.Invoke()
'first: ' + $first.InvocationStateInfo.State
'open after first: [' + (Get-OpenFile) + ']'
$env:STUB_STOP = '0'
$second = [powershell]::Create()
$null = $second.AddCommand($StagePath).AddParameter('OutputFolder', $OutFolder)
$null = $second.Invoke()
'second: ' + $second.InvocationStateInfo.State
foreach ($record in $second.Streams.Error) { 'second error: ' + $record }
'open after second: [' + (Get-OpenFile) + ']'
`,
    );
    const r = runPwshFile(harness, ['-StagePath', path.join(dir, '04-voice-routing.ps1'), '-OutFolder', out], {
      PSModulePath: modules + PSMODULEPATH_SEP + (process.env.PSModulePath ?? ''),
      STUB_CALLS: calls,
    });
    expect(r.stdout, r.stderr).toContain('first: Stopped');
    expect(r.stdout).toContain('open after first: []');
    expect(r.stdout).toContain('second: Completed');
    expect(r.stdout).not.toContain('second error');
    expect(r.stdout).toContain('open after second: []');
    const log = readFileSync(path.join(out, '04-voice-routing.log.csv'), 'utf8');
    expect(log).toMatch(/"vrp:vrp-users:create"[^\r\n]*"Failed"[^\r\n]*Access denied/);
    expect(log).toMatch(/"vrp:vrp-au-ra:create"[^\r\n]*"Done"/);
  });

  it('D16: -DryRun leaves the retry list and the checkpoint of the last real run byte for byte as they were', () => {
    const dir = writeSample();
    const out = tempDir();
    const calls = path.join(out, 'calls.txt');
    const modules = stubModules(STAGE04_STUB);
    const real = runStage(dir, '04-voice-routing.ps1', ['-OutputFolder', out], modules, calls);
    expect(real.status).toBe(1);
    const retry = path.join(out, '04-voice-routing.retry.csv');
    const checkpoint = path.join(out, '04-voice-routing.checkpoint.txt');
    const before = [readFileSync(retry), readFileSync(checkpoint)];
    expect(before[0]!.toString('utf8')).toContain('vrp:vrp-users:create');
    for (const args of [['-DryRun'], ['-DryRun', '-Resume']]) {
      const dry = runStage(dir, '04-voice-routing.ps1', ['-OutputFolder', out, ...args], modules, calls);
      expect(dry.stdout + dry.stderr).toContain('[DryRun]');
      expect(readFileSync(retry).equals(before[0]!), `retry list after ${args.join(' ')}`).toBe(true);
      expect(readFileSync(checkpoint).equals(before[1]!), `checkpoint after ${args.join(' ')}`).toBe(true);
    }
  });

  it('D11: -WhatIf changes nothing in the tenant but still creates the output folder, connects, logs and writes the retry list', () => {
    const dir = writeSample();
    const out = path.join(tempDir(), 'new-folder');
    const calls = path.join(tempDir(), 'calls.txt');
    const modules = stubModules(STAGE04_STUB);
    const r = runPwshFile(path.join(dir, '04-voice-routing.ps1'), ['-OutputFolder', out, '-WhatIf'], {
      PSModulePath: modules + PSMODULEPATH_SEP + (process.env.PSModulePath ?? ''),
      STUB_CALLS: calls,
      STUB_NOT_CONNECTED: '1',
      STUB_DENY_USER: '1',
    });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    const called = readFileSync(calls, 'utf8')
      .split(/\r?\n/)
      .filter((l) => l !== '');
    expect(called).toContain('Connect-MicrosoftTeams WhatIf=False');
    expect(called.filter((c) => /^(New|Set|Grant|Remove)-/.test(c))).toEqual([]);
    const log = readFileSync(path.join(out, '04-voice-routing.log.csv'), 'utf8');
    expect(log).toMatch(/"vrp:vrp-users:create"[^\r\n]*"Skipped","not confirmed \(-WhatIf or -Confirm\)"/);
    const retry = readFileSync(path.join(out, '04-voice-routing.retry.csv'), 'utf8');
    expect(retry).toContain('ra:ra-sydney:voiceRouting');
    expect(retry).toContain('Access denied for Get-CsOnlineUser');
  });
});
describe('helper runs: D6 batch status words, D7 users the batch does not report', () => {
  const r = runHelperCases(String.raw`
$all = @((U 'id-a'), (U 'id-b'), (U 'id-c'))
$results['complete'] = Test-Case @() { Invoke-TestBatch @('NotStarted', 'InProgress', 'Complete') $all }
$results['completed'] = Test-Case @() { Invoke-TestBatch @('InProgress', 'Completed') $all }
$results['failed'] = Test-Case @() { Invoke-TestBatch @('InProgress', 'Failed') $all }
$results['missingUser'] = Test-Case @() { Invoke-TestBatch @('Completed') @((U 'id-a'), (U 'id-c' 'User is ineligible for the policy or missing a necessary licence')) }
`);
  const statuses = (c: CaseResult | undefined) => (c?.Logged ?? []).map((l) => `${l.split('|')[2]}=${l.split('|')[0]}`);

  it('D6: OverallStatus Complete and Completed both finish the wait; users are Done', () => {
    expect(statuses(r.complete)).toEqual(['user:a:ecrp=Done', 'user:b:ecrp=Done', 'user:c:ecrp=Done']);
    expect(r.complete!.Sleeps).toEqual([30, 30]);
    expect(statuses(r.completed)).toEqual(['user:a:ecrp=Done', 'user:b:ecrp=Done', 'user:c:ecrp=Done']);
    expect(r.completed!.Sleeps).toEqual([30]);
  });

  it('D6: a failed batch fails every user of it', () => {
    expect(statuses(r.failed)).toEqual(['user:a:ecrp=Failed', 'user:b:ecrp=Failed', 'user:c:ecrp=Failed']);
    expect(r.failed!.Logged[0]).toContain('ended with status Failed');
  });

  it('D7: a user missing from UserState is Failed "not reported by the batch"; a per-user error is Failed', () => {
    expect(statuses(r.missingUser)).toEqual(['user:a:ecrp=Done', 'user:b:ecrp=Failed', 'user:c:ecrp=Failed']);
    expect(r.missingUser!.Logged[1]).toContain('not reported by batch op-1');
    expect(r.missingUser!.Logged[2]).toContain('missing a necessary licence');
  });
});

/** Stage 07 against a stub tenant: every planned user exists with Teams Phone unless named in the env lists. */
const STAGE07_STUB = String.raw`
$script:Batches = @{}
function Get-CsTenant { Write-StubCall 'Get-CsTenant'; [pscustomobject]@{ TenantId = 't' } }
function Connect-MicrosoftTeams { [CmdletBinding(SupportsShouldProcess)] param() }
function Test-Listed { param([string]$Name, [string]$Upn) return (@(([string][Environment]::GetEnvironmentVariable($Name)) -split ',') -contains $Upn) }
function Get-CsOnlineUser {
    [CmdletBinding()] param([string]$Identity)
    Write-StubCall ('Get-CsOnlineUser ' + $Identity)
    $features = @('Teams', 'AudioConferencing', 'PhoneSystem')
    $plans = @([pscustomobject]@{ Capability = 'MCOEV'; CapabilityStatus = 'Enabled' })
    if (Test-Listed 'STUB_NO_PHONE' $Identity) { $features = @('Teams'); $plans = @([pscustomobject]@{ Capability = 'MCOEV'; CapabilityStatus = 'Deleted' }) }
    [pscustomobject]@{
        Identity = ('id-' + $Identity); UserPrincipalName = $Identity; EnterpriseVoiceEnabled = $false; LineUri = ''
        FeatureTypes = $features; AssignedPlan = $plans
        TeamsSharedCallingRoutingPolicy = $null; TeamsEmergencyCallRoutingPolicy = $null; OnlineVoiceRoutingPolicy = $null
    }
}
function Set-CsPhoneNumberAssignment {
    [CmdletBinding(SupportsShouldProcess)] param([string]$Identity, [string]$PhoneNumber, [string]$PhoneNumberType, [bool]$EnterpriseVoiceEnabled, [string]$LocationId)
    Write-StubCall ('Set-CsPhoneNumberAssignment ' + $Identity)
    if (Test-Listed 'STUB_NO_PHONE' $Identity) { throw ('{0} has no Teams Phone licence' -f $Identity) }
    if (Test-Listed 'STUB_EV_FAIL' $Identity) { throw 'Enterprise Voice could not be enabled' }
}
function New-CsBatchPolicyAssignmentOperation {
    [CmdletBinding(SupportsShouldProcess)] param([string]$PolicyType, [string]$PolicyName, [string[]]$Identity, [string]$OperationName)
    $operationId = 'op-' + ($script:Batches.Count + 1)
    $script:Batches[$operationId] = @($Identity)
    Write-StubCall ('New-CsBatchPolicyAssignmentOperation {0} {1}' -f $PolicyType, $Identity.Count)
    foreach ($id in $Identity) { if (Test-Listed 'STUB_NO_PHONE' $id.Substring(3)) { Write-StubCall ('batch includes ' + $id) } }
    return $operationId
}
function Get-CsBatchPolicyAssignmentOperation {
    [CmdletBinding()] param([string]$OperationId)
    $states = foreach ($id in $script:Batches[$OperationId]) {
        if (Test-Listed 'STUB_BATCH_MISSING' $id.Substring(3)) { continue }
        [pscustomobject]@{ Id = $id; Result = 'Success'; State = 'Completed' }
    }
    [pscustomobject]@{ OperationId = $OperationId; OverallStatus = 'Completed'; UserState = @($states) }
}
function Get-CsTeamsSharedCallingRoutingPolicy { param([string]$Identity) [pscustomobject]@{ Identity = ('Tag:' + $Identity) } }
function Grant-CsTeamsSharedCallingRoutingPolicy {
    [CmdletBinding(SupportsShouldProcess)] param([string]$Identity, [string]$PolicyName)
    Write-StubCall ('Grant-CsTeamsSharedCallingRoutingPolicy ' + $Identity)
}
`;

describe('stub-tenant run: style -Transcript', () => {
  it('-Transcript records the run, summary included, in <stage>.transcript.txt of the output folder, even under -WhatIf', () => {
    const dir = writeSample();
    const out = tempDir();
    const calls = path.join(out, 'calls.txt');
    const r = runStage(dir, '04-voice-routing.ps1', ['-OutputFolder', out, '-Transcript', '-WhatIf'], stubModules(STAGE04_STUB), calls);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const transcript = readFileSync(path.join(out, '04-voice-routing.transcript.txt'), 'utf8');
    expect(transcript).toContain('Summary of 04-voice-routing');
    expect(transcript).toContain('PowerShell transcript start');
  });
});

describe('stub-tenant run of stage 07: D1 order, D12 Teams Phone', () => {
  const users = createSamplePlan().users.map((u) => u.upn.trim());
  const [noPhone, evFails, notReported] = [users[0]!, users[1]!, users[2]!];
  const dir = writeSample();
  const out = tempDir();
  const calls = path.join(out, 'calls.txt');
  // Serial (-ThrottleLimit 1): the stand-in module logs its calls to one file from one runspace; the
  // parallel pass runs against the simulated tenant (scenario 9 and the apply below).
  const r = runPwshFile(path.join(dir, '07-users.ps1'), ['-OutputFolder', out, '-ThrottleLimit', '1'], {
    PSModulePath: stubModules(STAGE07_STUB) + PSMODULEPATH_SEP + (process.env.PSModulePath ?? ''),
    STUB_CALLS: calls,
    STUB_NO_PHONE: noPhone,
    STUB_EV_FAIL: evFails,
    STUB_BATCH_MISSING: notReported,
  });
  const called = readFileSync(calls, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const log = readFileSync(path.join(out, '07-users.log.csv'), 'utf8');
  const retry = readFileSync(path.join(out, '07-users.retry.csv'), 'utf8');

  it('exits 1 with the three users in the retry list', () => {
    expect(r.status, r.stdout + r.stderr).toBe(1);
    for (const u of [noPhone, evFails, notReported]) expect(retry).toContain(u);
  });

  it('D1: every emergency and voice routing batch is submitted and finished before any Enterprise Voice or grant call', () => {
    const lastBatch = called.map((c) => c.startsWith('New-CsBatchPolicyAssignmentOperation')).lastIndexOf(true);
    const firstEv = called.findIndex((c) => c.startsWith('Set-CsPhoneNumberAssignment'));
    const firstGrant = called.findIndex((c) => c.startsWith('Grant-CsTeamsSharedCallingRoutingPolicy'));
    expect(called.filter((c) => c.startsWith('New-CsBatchPolicyAssignmentOperation TeamsEmergencyCallRoutingPolicy')).length).toBeGreaterThan(0);
    expect(called.filter((c) => c.startsWith('New-CsBatchPolicyAssignmentOperation OnlineVoiceRoutingPolicy')).length).toBeGreaterThan(0);
    expect(lastBatch).toBeGreaterThan(0);
    expect(lastBatch).toBeLessThan(firstEv);
    expect(firstEv).toBeLessThan(firstGrant);
    // Each granted user got Enterprise Voice first.
    const granted = called.filter((c) => c.startsWith('Grant-')).map((c) => c.split(' ')[1]!);
    expect(granted.length).toBe(users.filter((u) => u !== noPhone && u !== evFails && u !== notReported).length);
    for (const u of granted)
      expect(called.indexOf(`Set-CsPhoneNumberAssignment ${u}`)).toBeLessThan(called.indexOf(`Grant-CsTeamsSharedCallingRoutingPolicy ${u}`));
  });

  it('D1: a user whose policy batch did not report them gets no Shared Calling grant', () => {
    expect(called).not.toContain(`Grant-CsTeamsSharedCallingRoutingPolicy ${notReported}`);
    expect(log).toMatch(
      new RegExp(
        `"${notReported.replace(/\./g, '\\.')}","Grant Shared Calling policy","Failed","not attempted: emergency call routing policy \\(E1\\), voice routing policy \\(VR1\\) failed first`,
      ),
    );
  });

  it('D12: a user without Teams Phone gets no Enterprise Voice, no batch, no grant, and is Failed with the reason', () => {
    expect(called.filter((c) => c.endsWith(` ${noPhone}`) && !c.startsWith('Get-CsOnlineUser'))).toEqual([]);
    expect(called).not.toContain(`batch includes id-${noPhone}`);
    expect(log).toMatch(/"Check Teams Phone licence \(U1\)","Failed","U1: no Teams Phone/);
  });

  it('D12: the grant is not attempted after Enterprise Voice failed', () => {
    expect(called).toContain(`Set-CsPhoneNumberAssignment ${evFails}`);
    expect(called).not.toContain(`Grant-CsTeamsSharedCallingRoutingPolicy ${evFails}`);
    expect(log).toContain('not attempted: Enterprise Voice (V1) failed first');
  });
});

/** Stage 06 against a stub tenant whose policies hold the numbers given in STUB_SCP_<name> (comma-separated, in order). */
const STAGE06_STUB = String.raw`
function Get-CsTenant { [pscustomobject]@{ TenantId = 't' } }
function Connect-MicrosoftTeams { [CmdletBinding(SupportsShouldProcess)] param() }
function Get-CsOnlineApplicationInstance { [CmdletBinding()] param([string]$Identity) [pscustomobject]@{ ObjectId = 'ra-object-id'; UserPrincipalName = $Identity } }
function Get-CsTeamsSharedCallingRoutingPolicy {
    [CmdletBinding()] param([string]$Identity)
    $numbers = [Environment]::GetEnvironmentVariable('STUB_SCP_' + ($Identity -replace '[^A-Za-z0-9]', '_'))
    if ($null -eq $numbers) {
        $PSCmdlet.WriteError((New-Object System.Management.Automation.ErrorRecord((New-Object System.Exception('not found')), 'NotFound', 'ObjectNotFound', $Identity)))
        return
    }
    [pscustomobject]@{ Identity = ('Tag:' + $Identity); ResourceAccount = 'ra-object-id'; Description = $null; EmergencyNumbers = @($numbers -split ',' | Where-Object { $_ }) }
}
function Set-CsTeamsSharedCallingRoutingPolicy {
    [CmdletBinding(SupportsShouldProcess)] param([string]$Identity, [object]$EmergencyNumbers, [string]$ResourceAccount, [string]$Description)
    if ($PSBoundParameters.ContainsKey('EmergencyNumbers')) {
        if ($EmergencyNumbers -is [hashtable]) {
            $form = (@($EmergencyNumbers.Keys | ForEach-Object { '{0}={1}' -f $_, (@($EmergencyNumbers[$_]) -join ',') }) -join ';')
        } else {
            $form = 'replace=' + (@($EmergencyNumbers) -join ',')
        }
        Write-StubCall ('Set-CsTeamsSharedCallingRoutingPolicy {0} {1}' -f $Identity, $form)
    }
}
function New-CsTeamsSharedCallingRoutingPolicy { [CmdletBinding(SupportsShouldProcess)] param([string]$Identity, [object]$EmergencyNumbers, [string]$ResourceAccount, [string]$Description) Write-StubCall ('New-CsTeamsSharedCallingRoutingPolicy ' + $Identity) }
`;

describe('stub-tenant run of stage 06: D5 callback order', () => {
  it('D5: a policy holding the planned numbers in another order gets the planned list, in order, as a replacement', () => {
    const plan = createSamplePlan();
    const e164 = new Map(plan.numbers.map((n) => [n.id, n.e164] as const));
    const policies = plan.sharedCallingPolicies
      .map((p) => ({ name: p.name, numbers: p.callbackNumberIds.map((id) => e164.get(id)!) }))
      .filter((p) => p.numbers.length >= 2);
    expect(policies.length).toBeGreaterThan(0);
    const target = policies[0]!;
    const env: Record<string, string> = {};
    for (const p of plan.sharedCallingPolicies) {
      const nums = p.callbackNumberIds.map((id) => e164.get(id)!);
      // The target policy holds its numbers reversed; every other one holds them as planned.
      env['STUB_SCP_' + p.name.replace(/[^A-Za-z0-9]/g, '_')] = (p.name === target.name ? [...nums].reverse() : nums).join(',');
    }
    const dir = writeSample();
    const out = tempDir();
    const calls = path.join(out, 'calls.txt');
    writeFileSync(calls, '');
    const r = runPwshFile(path.join(dir, '06-shared-calling-policies.ps1'), ['-OutputFolder', out], {
      PSModulePath: stubModules(STAGE06_STUB) + PSMODULEPATH_SEP + (process.env.PSModulePath ?? ''),
      STUB_CALLS: calls,
      ...env,
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const called = readFileSync(calls, 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.startsWith('Set-'));
    expect(called).toEqual([`Set-CsTeamsSharedCallingRoutingPolicy ${target.name} replace=${target.numbers.join(',')}`]);
  });
});

/** Stage 01 against a stub tenant where every prerequisite is met and every resource account already holds its licences. */
const STAGE01_TEAMS = String.raw`
function Get-CsTenant { [pscustomobject]@{ TenantId = 't' } }
function Connect-MicrosoftTeams { [CmdletBinding(SupportsShouldProcess)] param() }
function Get-CsOnlineLisLocation { [CmdletBinding()] param([string]$LocationId) [pscustomobject]@{ LocationId = $LocationId } }
function Get-CsOnlinePstnUsage { [CmdletBinding()] param([string]$Identity) [pscustomobject]@{ Identity = 'Global'; Usage = @(($env:STUB_USAGES -split ',')) } }
function Get-CsOnlineVoiceRoutingPolicy { [CmdletBinding()] param([string]$Identity) [pscustomobject]@{ Identity = 'Global'; OnlinePstnUsages = @() } }
`;
const RA_SKU = '440eaaa8-b3e0-484b-a8be-62870b9ba70a';
const PAYG_SKU = '9b196e97-5830-4c2e-adc2-1e10ebf5dee5';
const STAGE01_GRAPH = {
  'Microsoft.Graph.Authentication': String.raw`
$script:Context = $null
function Get-MgContext { $script:Context }
function Connect-MgGraph { [CmdletBinding()] param([string[]]$Scopes, [switch]$NoWelcome) Write-StubCall ('Connect-MgGraph ' + ($Scopes -join ',')); $script:Context = [pscustomobject]@{ Scopes = $Scopes } }
`,
  'Microsoft.Graph.Identity.DirectoryManagement': String.raw`
function Get-MgSubscribedSku {
    [CmdletBinding()] param([switch]$All)
    # Every unit is consumed: by the resource accounts, which already hold their licences.
    @(
        [pscustomobject]@{ SkuId = '${RA_SKU}'; SkuPartNumber = 'PHONESYSTEM_VIRTUALUSER'; ConsumedUnits = 5; PrepaidUnits = [pscustomobject]@{ Enabled = 5 } },
        [pscustomobject]@{ SkuId = '${PAYG_SKU}'; SkuPartNumber = 'Microsoft_Teams_Calling_Plan_pay_as_you_go_(country_zone_1_US)'; ConsumedUnits = 1; PrepaidUnits = [pscustomobject]@{ Enabled = 1 } },
        [pscustomobject]@{ SkuId = '47794cd0-f0e5-45c5-9033-2eb6b5fc84e0'; SkuPartNumber = 'MCOPSTNC'; ConsumedUnits = 0; PrepaidUnits = [pscustomobject]@{ Enabled = 1 } }
    )
}
`,
  'Microsoft.Graph.Users': String.raw`
function Get-MgUser {
    [CmdletBinding()] param([string]$UserId, [string[]]$Property)
    Write-StubCall ('Get-MgUser ' + $UserId)
    [pscustomobject]@{ Id = ('id-' + $UserId); UsageLocation = 'US'; AssignedLicenses = @([pscustomobject]@{ SkuId = '${RA_SKU}' }, [pscustomobject]@{ SkuId = '${PAYG_SKU}' }) }
}
`,
  'Microsoft.Graph.Users.Actions':
    'function Set-MgUserLicense { [CmdletBinding(SupportsShouldProcess)] param([string]$UserId, [object[]]$AddLicenses, [string[]]$RemoveLicenses) }',
};

describe('stub-tenant runs of stage 01: D9 licences, D13 scopes, RA8', () => {
  const plan = createSamplePlan();
  const usages = [
    ...new Set([...plan.voiceRoutingPolicies.flatMap((p) => p.pstnUsages), ...plan.emergencyPolicies.flatMap((p) => p.numbers.map((n) => n.pstnUsage))]),
  ].filter((u) => u !== '');
  const run = (files = sample) => {
    const dir = writeSample(files);
    const out = tempDir();
    const calls = path.join(out, 'calls.txt');
    writeFileSync(calls, '');
    const r = runPwshFile(path.join(dir, '01-prerequisites.ps1'), ['-OutputFolder', out], {
      PSModulePath: stubModules(STAGE01_TEAMS, STAGE01_GRAPH) + PSMODULEPATH_SEP + (process.env.PSModulePath ?? ''),
      STUB_CALLS: calls,
      STUB_USAGES: usages.join(','),
    });
    return {
      r,
      out,
      called: readFileSync(calls, 'utf8')
        .split(/\r?\n/)
        .filter((l) => l !== ''),
      log: readFileSync(path.join(out, '01-prerequisites.log.csv'), 'utf8'),
    };
  };

  it('D9: accounts that already hold their licences need no free units, so a re-run passes', () => {
    const { r, log, called } = run();
    expect(r.status, log).toBe(0);
    expect(log).toMatch(/"Microsoft Teams Phone Resource Account \(RA2\)","Check licences available","Done"/);
    expect(log).toMatch(/"Calling Plan pay-as-you-go \(RA9\)","Check licences available","Done"/);
    expect(called.filter((c) => c.startsWith('Get-MgUser')).length).toBeGreaterThan(0);
  });

  it('RA9: pay-as-you-go billing is a Manual note, no Communications Credits demanded; MOSA billing checks the credits', () => {
    const { r, log } = run();
    expect(r.status, log).toBe(0);
    expect(log).toMatch(
      /"prereq:ra:ra-seattle:funding","sc-seattle@contoso.com","Check how Calling Plan calls are funded \(RA9\)","Manual","RA9: pay-as-you-go billing: confirm pay-as-you-go is enabled/,
    );
    expect(log).not.toMatch(/Communications Credits \(RA9\)","Check Communications Credits"/);
    const mosa = createSamplePlan();
    mosa.resourceAccounts.find((x) => x.id === 'ra-seattle')!.callingPlanBilling = 'mosa';
    const m = run(generateScripts(mosa));
    expect(m.r.status, m.log).toBe(0);
    // The stub tenant has an MCOPSTNC subscription.
    expect(m.log).toMatch(/"prereq:ra:ra-seattle:funding","sc-seattle@contoso.com","Check how Calling Plan calls are funded \(RA9\)","Done"/);
  });

  it('D13: stage 01 connects to Microsoft Graph with read-only scopes', () => {
    const { called } = run();
    expect(called.filter((c) => c.startsWith('Connect-MgGraph'))).toEqual(['Connect-MgGraph User.Read.All,Organization.Read.All']);
  });

  it('RA8: a resource-account number whose site has no LIS location stops the runbook at stage 01, as the planner reports an error', () => {
    const broken = createSamplePlan();
    const site = broken.sites.find((s) => s.lisLocationId !== '')!;
    site.lisLocationId = '';
    const { r, log } = run(generateScripts(broken));
    expect(r.status).toBe(1);
    expect(log).toMatch(/"Check LIS location of the resource account number \(RA8\)","Failed","RA8: the plan has no LIS LocationId/);
    expect(checkPlan(broken).some((f) => f.rule === 'RA8' && f.severity === 'error')).toBe(true);
  });
});

describe('helper runs: style, CSV files Excel opens as text and the planner reads back exactly', () => {
  const values = ['+12065550101', '=HYPERLINK("http://x","y")', '-2+3', '@SUM(1)', "'quoted", "''", 'plain, "with" quotes', '\ttab', 'multi\r\nline', ''];
  const r = runHelperCases(String.raw`
$script:Utf8Bom = New-Object System.Text.UTF8Encoding($true)
$csvFolder = [System.IO.Path]::GetTempPath()
$csvPath = Join-Path $csvFolder ('guard-' + [guid]::NewGuid().ToString() + '.csv')
$csvLines = New-Object 'System.Collections.Generic.List[string]'
foreach ($value in ${'@(' + values.map((v) => `('${v.replace(/'/g, "''").replace(/\r\n/g, '\' + "`r`n" + \'').replace(/\t/g, '\' + "`t" + \'')}')`).join(', ') + ')'}) {
    $csvLines.Add((ConvertTo-CsvLine @('user', 'u@contoso.com', 'LineUri', $value, $value, 'Done', $value)))
}
Write-CsvFile $csvPath @('Kind', 'Subject', 'Property', 'Expected', 'Actual', 'Status', 'Name') $csvLines
$results['csv'] = @{ Calls = 0; Sleeps = @(); Logged = @(); Outcome = [Convert]::ToBase64String([System.IO.File]::ReadAllBytes($csvPath)) }
`);
  const bytes = Buffer.from(r.csv!.Outcome, 'base64');
  const text = bytes.toString('utf8');

  it('writes UTF-8 with a BOM and guards every field that Excel would read as a number or formula', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toContain(`"'+12065550101"`);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).toContain(`"'-2+3"`);
    expect(text).toContain(`"'@SUM(1)"`);
    expect(text).toContain(`"''quoted"`);
    for (const line of text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(1, -1)) {
      // No field of a well-formed line starts with a formula character once the quote is opened.
      expect(line).not.toMatch(/(^|,)"[=+\-@]/);
    }
  });

  it('the planner reads the values back exactly (parseVerificationCsv)', () => {
    const rows = parseVerificationCsv(text);
    expect(rows.map((x) => x.expected)).toEqual(values);
    expect(rows.map((x) => x.actual)).toEqual(values);
  });
});

/*
 * Simulated-tenant runs (tests/powershell/sim, through the Workspace of tests/powershell/support):
 * the sample plan's own files against a tenant that behaves like a real one, where the stub runs
 * above cannot show it (the service's rules, its batch words, its throttling with Retry-After).
 */
describe('simulated tenant: D8 dry run on a new tenant, D13 read-only Graph scopes', () => {
  const ws = new Workspace('defects-dry', readFileSync(path.join(ROOT, 'tests/powershell/sim/tenants/sample-start.json'), 'utf8'));
  ws.writeScripts(createSamplePlan());
  ws.setFaults({ behaviour: REALISTIC });
  const r = ws.run(['-DryRun']);

  it("D8: every stage runs under -DryRun; stage 02 reports the not-yet-created accounts' licences as DryRun", () => {
    for (const f of sample.filter((x) => /^0[1-8]-/.test(x.name))) {
      expect(ws.output(f.name.replace('.ps1', '.log.csv')), f.name).not.toBeNull();
    }
    const log = parseCsv(ws.output('02-resource-accounts.log.csv')!);
    const licence = log.filter((row) => /^ra:[^:]+:licence$/.test(row.Step!));
    expect(licence.length).toBeGreaterThan(0);
    for (const row of licence) expect(row, JSON.stringify(row)).toMatchObject({ Status: 'DryRun', Detail: 'would change; now: account does not exist yet' });
    expect(log.filter((row) => row.Status === 'Failed')).toEqual([]);
    expect(mutating(r.calls)).toEqual([]);
  });

  it('D13: under -DryRun Microsoft Graph is asked for read-only scopes only', () => {
    const connects = r.calls.filter((c) => c.cmdlet === 'Connect-MgGraph');
    expect(connects.length).toBeGreaterThan(0);
    for (const c of connects) {
      const scopes = ([] as string[]).concat((c.parameters.Scopes as string[] | string | undefined) ?? []);
      expect(scopes.length).toBeGreaterThan(0);
      for (const s of scopes) expect(s, JSON.stringify(c.parameters)).toMatch(/\.Read\.All$/);
    }
  });
  afterAll(() => ws.dispose());
});

describe('simulated tenant apply: D1 order, D2 Retry-After, D6 "Complete", D12 a user without Teams Phone', () => {
  const start = JSON.parse(readFileSync(path.join(ROOT, 'tests/powershell/sim/tenants/sample-start.json'), 'utf8')) as {
    users: { userPrincipalName: string; assignedLicenses: { skuId: string }[] }[];
  };
  const MCOEV = 'e43b5b99-8dfb-405f-9987-dc307f34bcbd';
  const plan = createSamplePlan();
  const noPhone = plan.users[3]!.upn.trim().toLowerCase();
  const target = start.users.find((u) => u.userPrincipalName.toLowerCase() === noPhone)!;
  target.assignedLicenses = target.assignedLicenses.filter((l) => l.skuId !== MCOEV);
  const ws = new Workspace('defects-apply', start);
  ws.writeScripts(plan);
  ws.setFaults({
    behaviour: {
      ...REALISTIC,
      batch: { ...REALISTIC.batch, completeWord: 'Complete' },
      throttling: { maxCalls: 5, windowSeconds: 60, retryAfterSeconds: 17, cmdlets: ['Grant-CsTeamsSharedCallingRoutingPolicy'] },
    },
  });
  // Serial (-ThrottleLimit 1): under 5 grants a minute one caller always gets through within its
  // MaxRetries + 1 tries; parallel callers compete for the same quota (see the next describe).
  const r = ws.run(['-ThrottleLimit', '1']);
  const calls = r.calls.filter((c) => c.tenantCall !== false);
  const users07 = parseCsv(ws.output('07-users.log.csv') ?? '');

  it('D6: batches that finish with OverallStatus "Complete" count as finished: their users are Done', () => {
    const batchRows = users07.filter((row) => /:(ecrp|vrp)$/.test(row.Step!));
    expect(batchRows.length).toBeGreaterThan(0);
    expect(batchRows.filter((row) => row.Status !== 'Done' && row.Status !== 'Skipped').map((row) => `${row.Target} ${row.Status} ${row.Detail}`)).toEqual([]);
  });

  it('D1: every policy batch finished before the first Enterprise Voice call, every grant after it', () => {
    const idx = (pred: (c: CallLogEntry) => boolean) => calls.findIndex(pred);
    const lastIdx = (pred: (c: CallLogEntry) => boolean) => calls.map(pred).lastIndexOf(true);
    const lastPoll = lastIdx((c) => c.cmdlet === 'Get-CsBatchPolicyAssignmentOperation');
    const firstEv = idx((c) => c.cmdlet === 'Set-CsPhoneNumberAssignment' && 'EnterpriseVoiceEnabled' in c.parameters);
    const firstGrant = idx((c) => c.cmdlet === 'Grant-CsTeamsSharedCallingRoutingPolicy');
    expect(lastPoll).toBeGreaterThan(0);
    expect(lastPoll).toBeLessThan(firstEv);
    expect(lastPoll).toBeLessThan(firstGrant);
    // A user who needed Enterprise Voice got it before the grant.
    let checked = 0;
    calls.forEach((c, i) => {
      if (c.cmdlet !== 'Set-CsPhoneNumberAssignment' || !('EnterpriseVoiceEnabled' in c.parameters)) return;
      const grant = calls.findIndex((g) => g.cmdlet === 'Grant-CsTeamsSharedCallingRoutingPolicy' && g.parameters.Identity === c.parameters.Identity);
      if (grant >= 0) {
        expect(i).toBeLessThan(grant);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(10);
  });

  it('D2: a throttled grant waits the Retry-After the service sent, and each call is tried at most MaxRetries + 1 times', () => {
    const sleeps = r.calls.filter((c) => c.cmdlet === 'Start-Sleep').map((c) => Number(c.parameters.Seconds));
    expect(sleeps).toContain(17);
    const grants = calls.filter((c) => c.cmdlet === 'Grant-CsTeamsSharedCallingRoutingPolicy');
    const perUser = new Map<string, number>();
    for (const g of grants) perUser.set(String(g.parameters.Identity), (perUser.get(String(g.parameters.Identity)) ?? 0) + 1);
    expect(Math.max(...perUser.values())).toBeLessThanOrEqual(6);
    expect(grants.some((g) => g.status === 429)).toBe(true);
  });

  it('D12: the user without Teams Phone gets no Enterprise Voice, no batch and no grant; the rest are granted', () => {
    const touching = calls.filter((c) => c.mutating && JSON.stringify(c.parameters).toLowerCase().includes(noPhone));
    expect(touching.map((c) => c.cmdlet)).toEqual([]);
    expect(users07.find((row) => row.Target!.toLowerCase() === noPhone && row.Status === 'Failed')?.Detail).toMatch(/^U1: no Teams Phone/);
    const granted = new Set(
      calls.filter((c) => c.cmdlet === 'Grant-CsTeamsSharedCallingRoutingPolicy' && c.outcome === 'ok').map((c) => String(c.parameters.Identity).toLowerCase()),
    );
    expect(granted.size).toBe(plan.users.length - 1);
    expect(r.exitCode).toBe(1);
  });
  afterAll(() => ws.dispose());
});

describe('simulated tenant apply in parallel under tight throttling (5 grants a minute, issue 12 item 7)', () => {
  const plan = createSamplePlan();
  const ws = new Workspace('defects-apply-parallel', JSON.parse(readFileSync(path.join(ROOT, 'tests/powershell/sim/tenants/sample-start.json'), 'utf8')));
  ws.writeScripts(plan);
  ws.setFaults({
    behaviour: { ...REALISTIC, throttling: { maxCalls: 5, windowSeconds: 60, retryAfterSeconds: 17, cmdlets: ['Grant-CsTeamsSharedCallingRoutingPolicy'] } },
  });
  const r = ws.run(['-ThrottleLimit', '4']);
  const calls = r.calls.filter((c) => c.tenantCall !== false);

  it('D2 holds in the workers: Retry-After waited, at most MaxRetries + 1 tries per grant; no user is lost: each is granted or in the retry list', () => {
    expect(r.calls.filter((c) => c.cmdlet === 'Start-Sleep').map((c) => Number(c.parameters.Seconds))).toContain(17);
    const grants = calls.filter((c) => c.cmdlet === 'Grant-CsTeamsSharedCallingRoutingPolicy');
    const perUser = new Map<string, number>();
    for (const g of grants) perUser.set(String(g.parameters.Identity).toLowerCase(), (perUser.get(String(g.parameters.Identity).toLowerCase()) ?? 0) + 1);
    expect(Math.max(...perUser.values())).toBeLessThanOrEqual(6);
    const granted = new Set(grants.filter((g) => g.outcome === 'ok').map((g) => String(g.parameters.Identity).toLowerCase()));
    const retry = parseCsv(ws.output('07-users.retry.csv') ?? '');
    const failed = new Set(retry.map((row) => (row.Target ?? '').toLowerCase()));
    for (const u of plan.users.map((x) => x.upn.toLowerCase())) expect(granted.has(u) !== failed.has(u), u).toBe(true);
    // Workers compete for the same 5 grants a minute, so some users use up their tries; those are 429s.
    for (const row of retry) expect(row.Error).toMatch(/429|Too Many Requests/);
    if (failed.size > 0) expect(r.exitCode).toBe(1);
  });
  afterAll(() => ws.dispose());
});
