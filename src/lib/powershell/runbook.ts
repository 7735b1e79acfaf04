/**
 * `Invoke-SharedCallingRunbook.ps1`: runs the stage files of the same folder in order, each as a
 * child script (`& <file> @arguments`), and stops at the first stage that exits non-zero unless
 * -ContinueOnError is given. Works from a downloaded zip as long as the files stay together.
 * It passes its plan SHA-256 to every stage, which refuses to run if it came from another export.
 */
import { MIN_TEAMS_MODULE, renderHeader, renderHelp, REQUIRES_LINES, type HeaderInfo } from './common.js';
import { psQuote } from './quote.js';
import type { StageSpec } from './stage.js';

export const RUNBOOK_FILE = 'Invoke-SharedCallingRunbook.ps1';

export function renderRunbook(stages: readonly StageSpec[], header: HeaderInfo): string {
  const names = stages.map((s) => s.name);
  const stageTable = stages.map((s) => `    @{ Number = '${s.number}'; Name = '${s.name}'; File = '${s.file}' }`).join(',\n');
  const validate = ['All', ...stages.map((s) => s.number), ...names].map((v) => `'${v}'`).join(', ');
  const help = renderHelp(
    'Shared Calling runbook: runs the stage scripts of this folder in order.',
    [
      `Runs ${stages
        .filter((s) => s.number !== '09')
        .map((s) => s.file)
        .join(
          ', ',
        )} in this order (-Stage All, the default), or the stages named with -Stage (by number or name). The rollback (${stages.find((s) => s.number === '09')?.file ?? ''}) runs only when named explicitly.`,
      'Each stage is a separate script in this folder and can also be run on its own. The runbook stops at the first stage that fails (exit code 1) unless -ContinueOnError or -DryRun is given, and exits 1 itself when any stage failed.',
      'Start with -DryRun: every stage then reads the tenant and logs what it would change without changing anything.',
    ],
    [
      ['Stage', `Stages to run: All, or numbers/names (${names.join(', ')}).`],
      ['DryRun', 'Passed to every stage: read and report only, never call a cmdlet that changes the tenant.'],
      ['Resume', 'Passed to every stage: skip the steps finished in an earlier run (checkpoint files).'],
      ['OutputFolder', 'Folder for logs, retry lists, checkpoints and the verification report. Default: this folder.'],
      ['MaxRetries', 'Retries of throttled calls, with exponential back-off.'],
      [
        'ThrottleLimit',
        'Passed to stage 07: on PowerShell 7, how many users it changes at the same time (1 = one after another, as on Windows PowerShell 5.1).',
      ],
      ['SkipLicensing', 'Do not use Microsoft Graph; licence steps are only reported.'],
      ['RemoveResourceAccounts', 'Passed to the rollback: also delete the resource accounts.'],
      ['ContinueOnError', 'Run the remaining stages after a stage failed (always so under -DryRun, which changes nothing).'],
      ['Transcript', 'Record the whole run (Start-Transcript) in Invoke-SharedCallingRunbook.transcript.txt in the output folder, appended to on each run.'],
    ],
    [
      '.\\Invoke-SharedCallingRunbook.ps1 -DryRun',
      '.\\Invoke-SharedCallingRunbook.ps1',
      '.\\Invoke-SharedCallingRunbook.ps1 -Stage users, verify -Resume',
      '.\\Invoke-SharedCallingRunbook.ps1 -Stage rollback -DryRun',
    ],
    [
      'Files downloaded from the browser carry the "downloaded from the internet" mark; unblock them once:',
      '    Get-ChildItem -Path . -Filter *.ps1 | Unblock-File',
      'Every stage writes <stage>.log.csv, <stage>.retry.csv (failed items) and <stage>.checkpoint.txt.',
      'Exit code: 0 when every stage succeeded, 1 otherwise.',
    ],
  );
  const body = `[CmdletBinding(SupportsShouldProcess)]
param(
    [ValidateSet(${validate})]
    [string[]]$Stage = @('All'),
    [switch]$DryRun,
    [switch]$Resume,
    [string]$OutputFolder = $PSScriptRoot,
    [ValidateRange(0, 10)]
    [int]$MaxRetries = 5,
    [ValidateRange(1, 32)]
    [int]$ThrottleLimit = 4,
    [switch]$SkipLicensing,
    [switch]$RemoveResourceAccounts,
    [switch]$ContinueOnError,
    [switch]$Transcript
)

Set-StrictMode -Version 1.0
$ErrorActionPreference = 'Stop'
$PlanSha256 = ${psQuote(header.planSha256)}

# The runbook checks the module itself instead of '#Requires -Modules' (which every stage file has):
# a script whose #Requires loads a script module can lose its 'exit 1' and end the process with 0
# (PowerShell issues #23887, #6615), and the runbook's exit code is what automation reads (R1).
$teamsModule = Get-Module -ListAvailable -Name MicrosoftTeams | Where-Object { $_.Version -ge [version]'${MIN_TEAMS_MODULE}' } | Select-Object -First 1
if ($null -eq $teamsModule) {
    Write-Error 'The MicrosoftTeams module ${MIN_TEAMS_MODULE} or later is not installed (R1): Install-Module MicrosoftTeams -Scope CurrentUser' -ErrorAction Continue
    exit 1
}
$stages = @(
${stageTable}
)

$selected = @($stages | Where-Object {
    ($Stage -contains 'All' -and $_.Number -ne '09') -or ($Stage -contains $_.Number) -or ($Stage -contains $_.Name)
})
$failedStages = New-Object System.Collections.Generic.List[string]
# A dry run changes nothing, so every selected stage runs: later stages then report what they would
# create even where an earlier stage reported a problem.
$keepGoing = $ContinueOnError -or $DryRun
if ([string]::IsNullOrEmpty($OutputFolder)) { $OutputFolder = (Get-Location).Path }
if (-not (Test-Path -LiteralPath $OutputFolder)) { $null = New-Item -ItemType Directory -Path $OutputFolder -Force -WhatIf:$false -Confirm:$false }
$OutputFolder = (Resolve-Path -LiteralPath $OutputFolder).ProviderPath
$transcriptOn = $false
if ($Transcript) {
    $null = Start-Transcript -LiteralPath (Join-Path $OutputFolder 'Invoke-SharedCallingRunbook.transcript.txt') -Append -WhatIf:$false -Confirm:$false
    $transcriptOn = $true
}
try {
    foreach ($entry in $selected) {
        $stagePath = Join-Path $PSScriptRoot $entry.File
        if (-not (Test-Path -LiteralPath $stagePath)) {
            Write-Error ('Stage file {0} is missing: keep all files of the export in one folder.' -f $entry.File) -ErrorAction Continue
            $failedStages.Add($entry.File)
            if (-not $keepGoing) { break }
            continue
        }
        $stageArgs = @{
            DryRun             = $DryRun
            Resume             = $Resume
            OutputFolder       = $OutputFolder
            MaxRetries         = $MaxRetries
            SkipLicensing      = $SkipLicensing
            ExpectedPlanSha256 = $PlanSha256
        }
        if ($entry.Number -eq '09') { $stageArgs['RemoveResourceAccounts'] = $RemoveResourceAccounts }
        if ($entry.Number -eq '07') { $stageArgs['ThrottleLimit'] = $ThrottleLimit }
        if ($WhatIfPreference) { $stageArgs['WhatIf'] = $true }
        if ($PSBoundParameters.ContainsKey('Confirm')) { $stageArgs['Confirm'] = $PSBoundParameters['Confirm'] }
        Write-Host ''
        Write-Host ('==== Stage {0}: {1} ====' -f $entry.Number, $entry.Name)
        $global:LASTEXITCODE = 0
        try {
            & $stagePath @stageArgs
            $stageExit = $LASTEXITCODE
        } catch {
            Write-Error ('Stage {0} stopped: {1}' -f $entry.File, $_.Exception.Message) -ErrorAction Continue
            $stageExit = 1
        }
        if ($stageExit -ne 0) {
            $failedStages.Add($entry.File)
            if (-not $keepGoing) { break }
        }
    }

    Write-Host ''
    if ($failedStages.Count -gt 0) {
        Write-Host ('Failed stages: {0}. Fix the items in their .retry.csv files, then run again with -Resume.' -f ($failedStages -join ', '))
    } else {
        Write-Host ('Finished: {0} stage(s).' -f $selected.Count)
        # AA8: address-book changes reach auto attendant search up to 24 h later, a new user up to 36 h.
        Write-Host 'Auto attendant dial by name and extension may not find new users for up to 36 hours (AA8): test directory search then.'
    }
} finally {
    if ($transcriptOn) { $null = Stop-Transcript }
}
if ($failedStages.Count -gt 0) { exit 1 }
exit 0
`;
  return [...help, REQUIRES_LINES[0]!, '', ...renderHeader(header, []), '', body].join('\n');
}
