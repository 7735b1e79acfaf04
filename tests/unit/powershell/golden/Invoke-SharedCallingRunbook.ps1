<#
.SYNOPSIS
    Shared Calling runbook: runs the stage scripts of this folder in order.

.DESCRIPTION
    Runs 01-prerequisites.ps1, 02-resource-accounts.ps1, 03-auto-attendants.ps1,
    04-voice-routing.ps1, 05-emergency.ps1, 06-shared-calling-policies.ps1, 07-users.ps1,
    08-verify.ps1 in this order (-Stage All, the default), or the stages named with -Stage (by
    number or name). The rollback (09-rollback.ps1) runs only when named explicitly.

    Each stage is a separate script in this folder and can also be run on its own. The runbook stops
    at the first stage that fails (exit code 1) unless -ContinueOnError or -DryRun is given, and
    exits 1 itself when any stage failed.

    Start with -DryRun: every stage then reads the tenant and logs what it would change without
    changing anything.

.PARAMETER Stage
    Stages to run: All, or numbers/names (prerequisites, resource-accounts, auto-attendants,
    voice-routing, emergency, shared-calling-policies, users, verify, rollback).

.PARAMETER DryRun
    Passed to every stage: read and report only, never call a cmdlet that changes the tenant.

.PARAMETER Resume
    Passed to every stage: skip the steps finished in an earlier run (checkpoint files).

.PARAMETER OutputFolder
    Folder for logs, retry lists, checkpoints and the verification report. Default: this folder.

.PARAMETER MaxRetries
    Retries of throttled calls, with exponential back-off.

.PARAMETER ThrottleLimit
    Passed to stage 07: on PowerShell 7, how many users it changes at the same time (1 = one after
    another, as on Windows PowerShell 5.1).

.PARAMETER SkipLicensing
    Do not use Microsoft Graph; licence steps are only reported.

.PARAMETER RemoveResourceAccounts
    Passed to the rollback: also delete the resource accounts.

.PARAMETER ContinueOnError
    Run the remaining stages after a stage failed (always so under -DryRun, which changes nothing).

.PARAMETER Transcript
    Record the whole run (Start-Transcript) in Invoke-SharedCallingRunbook.transcript.txt in the
    output folder, appended to on each run.

.EXAMPLE
    .\Invoke-SharedCallingRunbook.ps1 -DryRun

.EXAMPLE
    .\Invoke-SharedCallingRunbook.ps1

.EXAMPLE
    .\Invoke-SharedCallingRunbook.ps1 -Stage users, verify -Resume

.EXAMPLE
    .\Invoke-SharedCallingRunbook.ps1 -Stage rollback -DryRun

.NOTES
    Files downloaded from the browser carry the "downloaded from the internet" mark; unblock them once:
        Get-ChildItem -Path . -Filter *.ps1 | Unblock-File
    Every stage writes <stage>.log.csv, <stage>.retry.csv (failed items) and <stage>.checkpoint.txt.
    Exit code: 0 when every stage succeeded, 1 otherwise.
#>
#Requires -Version 5.1

# Plan:          'Contoso Shared Calling (sample)'
# Plan id:       'sample'
# Plan SHA-256:  d29394b6d5cb9dd4c2339b974ad784ebadac71f4f47e940e4a4418087255ba8c  (canonical JSON of the plan, verification results excluded)
# Generator:     shared-calling-planner/powershell 1.0.0

[CmdletBinding(SupportsShouldProcess)]
param(
    [ValidateSet('All', '01', '02', '03', '04', '05', '06', '07', '08', '09', 'prerequisites', 'resource-accounts', 'auto-attendants', 'voice-routing', 'emergency', 'shared-calling-policies', 'users', 'verify', 'rollback')]
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
$PlanSha256 = 'd29394b6d5cb9dd4c2339b974ad784ebadac71f4f47e940e4a4418087255ba8c'

# The runbook checks the module itself instead of '#Requires -Modules' (which every stage file has):
# a script whose #Requires loads a script module can lose its 'exit 1' and end the process with 0
# (PowerShell issues #23887, #6615), and the runbook's exit code is what automation reads (R1).
$teamsModule = Get-Module -ListAvailable -Name MicrosoftTeams | Where-Object { $_.Version -ge [version]'5.5.0' } | Select-Object -First 1
if ($null -eq $teamsModule) {
    Write-Error 'The MicrosoftTeams module 5.5.0 or later is not installed (R1): Install-Module MicrosoftTeams -Scope CurrentUser' -ErrorAction Continue
    exit 1
}
$stages = @(
    @{ Number = '01'; Name = 'prerequisites'; File = '01-prerequisites.ps1' },
    @{ Number = '02'; Name = 'resource-accounts'; File = '02-resource-accounts.ps1' },
    @{ Number = '03'; Name = 'auto-attendants'; File = '03-auto-attendants.ps1' },
    @{ Number = '04'; Name = 'voice-routing'; File = '04-voice-routing.ps1' },
    @{ Number = '05'; Name = 'emergency'; File = '05-emergency.ps1' },
    @{ Number = '06'; Name = 'shared-calling-policies'; File = '06-shared-calling-policies.ps1' },
    @{ Number = '07'; Name = 'users'; File = '07-users.ps1' },
    @{ Number = '08'; Name = 'verify'; File = '08-verify.ps1' },
    @{ Number = '09'; Name = 'rollback'; File = '09-rollback.ps1' }
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
