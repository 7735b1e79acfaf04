/**
 * Fixed PowerShell shared by every stage file: comment-based help, #Requires lines, the header with
 * plan name / generator version / plan SHA-256, the param block, and the helper functions that give
 * every stage the house style (architecture.md):
 *
 *   Invoke-PlanStep   read-compare-change for one item: checkpoint (-Resume), IsDone test, -DryRun,
 *                     ShouldProcess (-WhatIf/-Confirm), per-item try/catch, CSV action log
 *   Invoke-TenantCall one tenant call with its retry loop: retried only when the service answered
 *                     429 or 503 (the Response status, never message text), Retry-After honoured
 *   Invoke-Lookup     a read that gives $null only for not found (404 / ObjectNotFound)
 *   Invoke-Change     the only way a stage calls a mutating cmdlet; refuses under -DryRun
 *   Complete-Stage    summary, retry list of failed items, exit 1 when anything failed
 *
 * None of this text contains plan data; the only plan values in a file are in its data section and
 * in the header's plan-name comment line, both written through psQuote.
 */
import { psQuote } from './quote.js';
import type { StageSpec } from './stage.js';

export interface HeaderInfo {
  planName: string;
  planId: string;
  planSha256: string;
  generatorVersion: string;
  generatedAt: string | undefined;
}

/** R1: the oldest MicrosoftTeams module the scripts run with. */
export const MIN_TEAMS_MODULE = '5.5.0';

export const REQUIRES_LINES = ['#Requires -Version 5.1', `#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '${MIN_TEAMS_MODULE}' }`];

/** Comment-based help (fixed text only). */
export function renderHelp(synopsis: string, description: string[], params: [string, string][], examples: string[], notes: string[]): string[] {
  const out = ['<#', '.SYNOPSIS', `    ${synopsis}`, '', '.DESCRIPTION'];
  description.forEach((p, i) => {
    if (i > 0) out.push('');
    for (const l of wrap(p, 96)) out.push(`    ${l}`);
  });
  for (const [name, text] of params) {
    out.push('', `.PARAMETER ${name}`);
    for (const l of wrap(text, 96)) out.push(`    ${l}`);
  }
  for (const e of examples) out.push('', '.EXAMPLE', `    ${e}`);
  out.push('', '.NOTES');
  for (const n of notes) out.push(n === '' ? '' : `    ${n}`);
  out.push('#>');
  for (const l of out) if (l.includes('#>') && l !== '#>') throw new Error('help text must not close the comment');
  return out;
}

function wrap(text: string, width: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Header comment: the plan's name and id (quoted, one line), generator version, plan SHA-256. */
export function renderHeader(h: HeaderInfo, rules: string[]): string[] {
  const lines = [
    `# Plan:          ${psQuote(h.planName)}`,
    `# Plan id:       ${psQuote(h.planId)}`,
    `# Plan SHA-256:  ${h.planSha256}  (canonical JSON of the plan, verification results excluded)`,
    `# Generator:     ${h.generatorVersion}`,
  ];
  if (h.generatedAt !== undefined) lines.push(`# Generated at:  ${psQuote(h.generatedAt)}`);
  if (rules.length > 0) lines.push(`# Rules (shared-calling.md): ${rules.join(', ')}`);
  return lines;
}

export const COMMON_PARAM_HELP: [string, string][] = [
  [
    'DryRun',
    'Read the tenant and report what would change, without calling any cmdlet that changes it. Separate from -WhatIf because several Teams cmdlets ignore -WhatIf.',
  ],
  ['Resume', 'Skip the steps that the checkpoint file of an earlier run records as finished.'],
  ['OutputFolder', 'Folder for the action log, the retry list and the checkpoint. Default: the folder of this script.'],
  ['MaxRetries', 'How often a throttled call (HTTP 429, "throttled", 503) is retried, with exponential back-off.'],
  ['SkipLicensing', 'Do not use Microsoft Graph; licence steps are only reported (assign them in the Microsoft 365 admin center).'],
  ['Transcript', 'Record the whole console session (Start-Transcript) in <stage>.transcript.txt in the output folder, appended to on each run.'],
  ['ExpectedPlanSha256', 'Refuse to run unless the embedded plan has this SHA-256 (the runbook passes its own, so all files must come from one export).'],
];

const COMMON_PARAMS: string[][] = [
  ['    [switch]$DryRun'],
  ['    [switch]$Resume'],
  ['    [string]$OutputFolder = $PSScriptRoot'],
  ['    [ValidateRange(0, 10)]', '    [int]$MaxRetries = 5'],
  ['    [switch]$SkipLicensing'],
  ['    [switch]$Transcript'],
  ["    [string]$ExpectedPlanSha256 = ''"],
];

/** `[CmdletBinding(...)]` and `param(...)`; ends with a newline (toolchain.md: the grammar wants one). */
export function renderParamBlock(spec: Pick<StageSpec, 'extraParams' | 'confirmImpact'>): string[] {
  const binding = spec.confirmImpact
    ? `[CmdletBinding(SupportsShouldProcess, ConfirmImpact = '${spec.confirmImpact}')]`
    : '[CmdletBinding(SupportsShouldProcess)]';
  const params = [...COMMON_PARAMS, ...(spec.extraParams ?? [])];
  const out = [binding, 'param('];
  params.forEach((p, i) => {
    const last = i === params.length - 1;
    p.forEach((l, j) => out.push(j === p.length - 1 && !last ? `${l},` : l));
  });
  out.push(')', '');
  return out;
}

/** Fixed helper functions (see the module comment). `$StageName` must be set before them. */
export const HELPERS = `
Set-StrictMode -Version 1.0
$ErrorActionPreference = 'Stop'
$script:ScriptCmdlet = $PSCmdlet
$script:AutoAttendantApplicationId = 'ce933385-9390-45d1-9512-c8d228074e07'  # RA5

if ($ExpectedPlanSha256 -and $ExpectedPlanSha256 -ne $Plan.Sha256) {
    Write-Error ('This file was generated from plan {0}, not {1}. Download all files of one export again.' -f $Plan.Sha256, $ExpectedPlanSha256) -ErrorAction Continue
    exit 1
}
if ([string]::IsNullOrEmpty($OutputFolder)) { $OutputFolder = (Get-Location).Path }
if (-not (Test-Path -LiteralPath $OutputFolder)) { $null = New-Item -ItemType Directory -Path $OutputFolder -Force -WhatIf:$false -Confirm:$false }
# .NET file APIs resolve relative paths against the process directory, not the PowerShell location.
$OutputFolder = (Resolve-Path -LiteralPath $OutputFolder).ProviderPath

$script:LogPath = Join-Path $OutputFolder ($script:StageName + '.log.csv')
# A dry run writes its retry list to a file of its own and never touches the checkpoint, so the
# retry list and checkpoint of the last real run survive it.
if ($DryRun) {
    $script:RetryPath = Join-Path $OutputFolder ($script:StageName + '.dryrun.retry.csv')
} else {
    $script:RetryPath = Join-Path $OutputFolder ($script:StageName + '.retry.csv')
}
$script:CheckpointPath = Join-Path $OutputFolder ($script:StageName + '.checkpoint.txt')
$script:TranscriptPath = Join-Path $OutputFolder ($script:StageName + '.transcript.txt')
$script:TranscriptOn = $false
$script:Counts = [ordered]@{ Done = 0; Skipped = 0; DryRun = 0; Manual = 0; Resumed = 0; Failed = 0 }
$script:RetryLines = New-Object 'System.Collections.Generic.List[string]'
$script:Finished = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
# Steps that failed in this run, and the status of the last logged step (later steps depend on them).
$script:FailedSteps = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
$script:LastStatus = ''
$script:ProgressPercent = -1
$script:Utf8Bom = New-Object System.Text.UTF8Encoding($true)

# The checkpoint's first line is the SHA-256 of the plan that wrote it. -Resume with the
# checkpoint of another plan (a re-export after a change) is refused: its finished steps may differ.
if ($Resume -and (Test-Path -LiteralPath $script:CheckpointPath)) {
    $checkpointLines = @([System.IO.File]::ReadAllLines($script:CheckpointPath, $script:Utf8Bom))
    $checkpointPlan = ''
    if ($checkpointLines.Count -gt 0) { $checkpointPlan = $checkpointLines[0] }
    if ($checkpointPlan -ne $Plan.Sha256) {
        Write-Error ('-Resume refused: {0} was written for another plan (SHA-256 {1}), this file is plan {2}. Run without -Resume to start again, or resume with the files of the export that wrote the checkpoint.' -f $script:CheckpointPath, $checkpointPlan, $Plan.Sha256) -ErrorAction Continue
        exit 1
    }
    foreach ($checkpointLine in ($checkpointLines | Select-Object -Skip 1)) {
        if ($checkpointLine) { $null = $script:Finished.Add($checkpointLine) }
    }
} elseif (-not $DryRun -and (Test-Path -LiteralPath $script:CheckpointPath)) {
    Remove-Item -LiteralPath $script:CheckpointPath -WhatIf:$false -Confirm:$false
}

$script:LogWriter = $null
$script:CheckpointWriter = $null

# The writers are opened as the stage body starts and closed in its finally block, so Ctrl+C or
# a terminating error never leaves the log locked for the next run in the same console.
function Open-StageFile {
    if ($Transcript) {
        $null = Start-Transcript -LiteralPath $script:TranscriptPath -Append -WhatIf:$false -Confirm:$false
        $script:TranscriptOn = $true
    }
    # Action log: Time,Stage,Step,Target,Action,Status,Detail (UTF-8 with BOM, one row per action).
    $logIsNew = -not (Test-Path -LiteralPath $script:LogPath)
    $script:LogWriter = New-Object System.IO.StreamWriter($script:LogPath, $true, $script:Utf8Bom)
    $script:LogWriter.AutoFlush = $true
    if ($logIsNew) { $script:LogWriter.WriteLine((ConvertTo-CsvLine @('Time', 'Stage', 'Step', 'Target', 'Action', 'Status', 'Detail'))) }
    if (-not $DryRun) {
        $checkpointIsNew = -not (Test-Path -LiteralPath $script:CheckpointPath)
        $script:CheckpointWriter = New-Object System.IO.StreamWriter($script:CheckpointPath, $true, $script:Utf8Bom)
        $script:CheckpointWriter.AutoFlush = $true
        if ($checkpointIsNew) { $script:CheckpointWriter.WriteLine($Plan.Sha256) }
    }
}

function Stop-StageTranscript {
    if ($script:TranscriptOn) {
        $script:TranscriptOn = $false
        $null = Stop-Transcript
    }
}

# Closes the writers; with -Interrupted also the transcript (Complete-Stage stops it after the summary).
function Close-StageFile {
    param([switch]$Interrupted)
    if ($Interrupted) { Stop-StageTranscript }
    if ($null -ne $script:CheckpointWriter) { $script:CheckpointWriter.Dispose(); $script:CheckpointWriter = $null }
    if ($null -ne $script:LogWriter) { $script:LogWriter.Dispose(); $script:LogWriter = $null }
}

# CSV files (action log, retry list, verification report): UTF-8 with BOM, every field in double
# quotes. Excel opens a CSV by guessing types: "+12065550101" would become the number 12065550101,
# and a field starting with = + - @ (or tab, CR) would become a formula. Such a field is written
# with a leading apostrophe, which Excel shows as text; so is a field that starts with an apostrophe,
# so the planner's reader takes exactly one apostrophe off again.
$script:CsvGuarded = '=+-@''' + [char]9 + [char]13

function ConvertTo-CsvLine {
    param([object[]]$LineFields)
    $lineParts = New-Object 'System.Collections.Generic.List[string]'
    foreach ($lineField in $LineFields) {
        $fieldText = [string]$lineField
        if ($fieldText.Length -gt 0 -and $script:CsvGuarded.IndexOf($fieldText[0]) -ge 0) { $fieldText = '''' + $fieldText }
        $lineParts.Add('"' + $fieldText.Replace('"', '""') + '"')
    }
    return ($lineParts -join ',')
}

# Writes a whole CSV file: a header line, then one line per row (each an array of fields).
function Write-CsvFile {
    param([string]$CsvPath, [string[]]$CsvHeader, [System.Collections.Generic.List[string]]$CsvLines)
    $csvWriter = New-Object System.IO.StreamWriter($CsvPath, $false, $script:Utf8Bom)
    try {
        $csvWriter.WriteLine((ConvertTo-CsvLine $CsvHeader))
        foreach ($csvLine in $CsvLines) { $csvWriter.WriteLine($csvLine) }
    } finally {
        $csvWriter.Dispose()
    }
}

function Write-StepLog {
    param([string]$LogStep, [string]$LogTarget, [string]$LogAction, [string]$LogStatus, [string]$LogDetail)
    $script:Counts[$LogStatus] = $script:Counts[$LogStatus] + 1
    $script:LastStatus = $LogStatus
    if ($LogStatus -eq 'Failed') { $null = $script:FailedSteps.Add($LogStep) }
    $logTime = (Get-Date).ToString('o')
    $fields = @($logTime, $script:StageName, $LogStep, $LogTarget, $LogAction, $LogStatus, $LogDetail)
    if ($null -ne $script:LogWriter) { $script:LogWriter.WriteLine((ConvertTo-CsvLine $fields)) }
    if ($LogStatus -eq 'Failed') {
        $script:RetryLines.Add((ConvertTo-CsvLine @($LogStep, $LogTarget, $LogAction, $LogDetail)))
        Write-Warning ('[Failed] {0} {1}: {2}' -f $LogAction, $LogTarget, $LogDetail)
    } elseif ($LogStatus -eq 'Skipped' -or $LogStatus -eq 'Resumed') {
        Write-Verbose ('[{0}] {1} {2}: {3}' -f $LogStatus, $LogAction, $LogTarget, $LogDetail)
    } else {
        Write-Host ('[{0}] {1} {2}: {3}' -f $LogStatus, $LogAction, $LogTarget, $LogDetail)
    }
}

# Progress of a per-user loop (Write-Progress -Id 1), updated when the whole percentage changes.
function Write-LoopProgress {
    param([string]$ProgressActivity, [int]$ProgressIndex, [int]$ProgressTotal)
    if ($ProgressTotal -le 0) { return }
    $progressPercent = [int][math]::Floor(100 * $ProgressIndex / $ProgressTotal)
    if ($progressPercent -eq $script:ProgressPercent) { return }
    $script:ProgressPercent = $progressPercent
    Write-Progress -Id 1 -Activity $ProgressActivity -Status ('{0} of {1}' -f $ProgressIndex, $ProgressTotal) -PercentComplete $progressPercent
}

function Complete-LoopProgress {
    param([string]$ProgressActivity)
    Write-Progress -Id 1 -Activity $ProgressActivity -Completed
    $script:ProgressPercent = -1
}

function Add-Checkpoint {
    param([string]$CheckpointKey)
    if ($null -ne $script:CheckpointWriter) { $script:CheckpointWriter.WriteLine($CheckpointKey) }
}

# What a failed tenant call means is read from the service's answer, never from message text
# (UPNs, numbers and paths may contain "429" or "503"). The Teams ConfigAPI and Microsoft Graph
# cmdlets throw an AutoRest RestException whose Response is the System.Net.Http.HttpResponseMessage;
# it is on the exception or on one of its inner exceptions. $null when there is none.
function Get-ErrorResponse {
    param($ResponseError)
    $responseException = $ResponseError
    if ($ResponseError -is [System.Management.Automation.ErrorRecord]) { $responseException = $ResponseError.Exception }
    for ($responseDepth = 0; $null -ne $responseException -and $responseDepth -lt 8; $responseDepth++) {
        $responseProperty = $responseException.PSObject.Properties['Response']
        if ($null -ne $responseProperty -and $null -ne $responseProperty.Value -and $null -ne $responseProperty.Value.PSObject.Properties['StatusCode']) {
            return $responseProperty.Value
        }
        $responseException = $responseException.InnerException
    }
    return $null
}

# HTTP status of a failed call (404, 403, 409, 429, 503 ...), 0 when the error carries no response.
function Get-ErrorStatus {
    param($StatusError)
    $statusResponse = Get-ErrorResponse $StatusError
    if ($null -eq $statusResponse) { return 0 }
    try { return [int]$statusResponse.StatusCode } catch { return 0 }
}

# Throttled (429) or temporarily unavailable (503): the only errors that are retried.
function Test-Throttled {
    param($ThrottleError)
    $throttleStatus = Get-ErrorStatus $ThrottleError
    return ($throttleStatus -eq 429 -or $throttleStatus -eq 503)
}

# Not found: a 404, or (for a cmdlet that throws without a response) an ObjectNotFound error record.
# Anything else (401, 403, 500, network) is a failure, never "absent".
function Test-NotFound {
    param($NotFoundError)
    $notFoundStatus = Get-ErrorStatus $NotFoundError
    if ($notFoundStatus -ne 0) { return ($notFoundStatus -eq 404) }
    if ($NotFoundError -isnot [System.Management.Automation.ErrorRecord]) { return $false }
    if ([string]$NotFoundError.CategoryInfo.Category -eq 'ObjectNotFound') { return $true }
    return ([string]$NotFoundError.FullyQualifiedErrorId -match '^(?i)(NotFound|ObjectNotFound|ResourceNotFound)(,|$)')
}

# Seconds to wait before retry number RetryAttempt + 1: the server's Retry-After when it sends one,
# otherwise 5, 10, 20 ... seconds; never more than 300.
function Get-RetryDelay {
    param($DelayError, [int]$RetryAttempt)
    $delaySeconds = 5 * [math]::Pow(2, $RetryAttempt)
    $delayResponse = Get-ErrorResponse $DelayError
    if ($null -ne $delayResponse -and $null -ne $delayResponse.Headers -and $null -ne $delayResponse.Headers.RetryAfter) {
        $retryAfter = $delayResponse.Headers.RetryAfter
        if ($null -ne $retryAfter.Delta) { $delaySeconds = [math]::Ceiling($retryAfter.Delta.TotalSeconds) }
        elseif ($null -ne $retryAfter.Date) { $delaySeconds = [math]::Ceiling(($retryAfter.Date - [DateTimeOffset]::UtcNow).TotalSeconds) }
    }
    return [int][math]::Max(1, [math]::Min(300, $delaySeconds))
}

# The one retry loop around one tenant call: every Teams or Graph cmdlet call sits in its own
# Invoke-TenantCall, Invoke-Lookup or Invoke-Change block and no such block contains another, so a
# call is attempted at most MaxRetries + 1 times.
function Invoke-TenantCall {
    param([scriptblock]$TenantScript)
    $tenantAttempt = 0
    while ($true) {
        try {
            return (& $TenantScript)
        } catch {
            if ($tenantAttempt -ge $MaxRetries -or -not (Test-Throttled $_)) { throw }
            $retryDelay = Get-RetryDelay $_ $tenantAttempt
            Write-Warning ('Service answered {0}; retry {1} of {2} in {3} s' -f (Get-ErrorStatus $_), ($tenantAttempt + 1), $MaxRetries, $retryDelay)
            Start-Sleep -Seconds $retryDelay
            $tenantAttempt++
        }
    }
}

# A read that returns $null when the object does not exist (only a not-found means absent; any
# other error propagates and fails the step).
function Invoke-Lookup {
    param([scriptblock]$LookupScript)
    try {
        return (Invoke-TenantCall $LookupScript)
    } catch {
        if (Test-NotFound $_) { return $null }
        throw
    }
}

# The only way stage code calls a cmdlet that changes the tenant: never under -DryRun.
function Invoke-Change {
    param([scriptblock]$ChangeScript)
    if ($DryRun) { throw 'Refusing to change the tenant under -DryRun.' }
    return (Invoke-TenantCall $ChangeScript)
}

# Read-compare-change for one item. IsDone returns $true when the tenant already matches the plan,
# otherwise a short text describing the current state.
function Invoke-PlanStep {
    param(
        [string]$StepKey,
        [string]$StepTarget,
        [string]$StepAction,
        [scriptblock]$IsDone,
        [scriptblock]$Change
    )
    if ($script:Finished.Contains($StepKey)) {
        Write-StepLog $StepKey $StepTarget $StepAction 'Resumed' 'finished in an earlier run (checkpoint)'
        return
    }
    try {
        $stepState = & $IsDone
        if (($stepState -is [bool]) -and $stepState) {
            Write-StepLog $StepKey $StepTarget $StepAction 'Skipped' 'already as planned'
            Add-Checkpoint $StepKey
            return
        }
        if ($DryRun) {
            Write-StepLog $StepKey $StepTarget $StepAction 'DryRun' ('would change; now: {0}' -f $stepState)
            return
        }
        if (-not $script:ScriptCmdlet.ShouldProcess($StepTarget, $StepAction)) {
            Write-StepLog $StepKey $StepTarget $StepAction 'Skipped' 'not confirmed (-WhatIf or -Confirm)'
            return
        }
        $null = & $Change
        Write-StepLog $StepKey $StepTarget $StepAction 'Done' ('was: {0}' -f $stepState)
        Add-Checkpoint $StepKey
    } catch {
        Write-StepLog $StepKey $StepTarget $StepAction 'Failed' $_.Exception.Message
    }
}

# A read-only check: Done when Test returns $true, otherwise Failed with the returned text.
function Invoke-Check {
    param([string]$CheckKey, [string]$CheckTarget, [string]$CheckAction, [scriptblock]$Test)
    try {
        $checkState = & $Test
        if (($checkState -is [bool]) -and $checkState) {
            Write-StepLog $CheckKey $CheckTarget $CheckAction 'Done' 'as required'
        } else {
            Write-StepLog $CheckKey $CheckTarget $CheckAction 'Failed' ([string]$checkState)
        }
    } catch {
        Write-StepLog $CheckKey $CheckTarget $CheckAction 'Failed' $_.Exception.Message
    }
}

function Connect-TeamsIfNeeded {
    try {
        $null = Get-CsTenant -ErrorAction Stop
    } catch {
        Connect-MicrosoftTeams -ErrorAction Stop -WhatIf:$false -Confirm:$false | Out-Null
    }
}

# Microsoft Graph is used only for licences (RA2, RA9) and, in the rollback, to delete resource
# accounts; without it those steps are only reported. Each stage asks for the scopes it needs:
# read-only ones when it only reads (-DryRun, stage 01), the least write scopes where it writes.
# An existing session is reused when it already holds them (a ReadWrite scope covers its Read one).
function Connect-GraphIfNeeded {
    param([string[]]$GraphScopes)
    if ($SkipLicensing) { return $false }
    foreach ($graphModule in @('Microsoft.Graph.Users', 'Microsoft.Graph.Users.Actions', 'Microsoft.Graph.Identity.DirectoryManagement')) {
        if (-not (Get-Module -ListAvailable -Name $graphModule)) {
            Write-Warning ('Module {0} is not installed: licence steps are only reported.' -f $graphModule)
            return $false
        }
    }
    # -WhatIf is for tenant changes only. Whether Connect-MgGraph takes -WhatIf is not documented,
    # so the preference is switched off for this function's scope instead of passing -WhatIf:$false.
    $WhatIfPreference = $false
    try {
        $graphContext = Get-MgContext
        $heldScopes = @()
        if ($null -ne $graphContext) { $heldScopes = @($graphContext.Scopes) }
        $missingScopes = @($GraphScopes | Where-Object { $heldScopes -notcontains $_ -and $heldScopes -notcontains ($_ -replace '\\.Read\\.', '.ReadWrite.') })
        if ($missingScopes.Count -gt 0) {
            Connect-MgGraph -Scopes $GraphScopes -NoWelcome -ErrorAction Stop
        }
        return $true
    } catch {
        Write-Warning ('Could not connect to Microsoft Graph ({0}): licence steps are only reported.' -f $_.Exception.Message)
        return $false
    }
}

# Policy names come back as 'Tag:Name', as plain strings or as objects with a Name (§3.6).
function Get-PolicyName {
    param($PolicyValue)
    if ($null -eq $PolicyValue) { return '' }
    $policyText = $PolicyValue
    if ($PolicyValue -isnot [string] -and $null -ne $PolicyValue.PSObject.Properties['Name']) { $policyText = $PolicyValue.Name }
    $policyText = [string]$policyText
    if ($policyText -match '^(?i)tag:') { $policyText = $policyText.Substring(4) }
    return $policyText
}

function Get-ObjectIdentity {
    param($IdentityObject)
    if ($null -eq $IdentityObject) { return '' }
    if ($null -ne $IdentityObject.PSObject.Properties['Identity'] -and $IdentityObject.Identity) { return [string]$IdentityObject.Identity }
    return [string]$IdentityObject.Id
}

# Ordered, case-insensitive list comparison.
function Test-SameList {
    param([object[]]$LeftList, [object[]]$RightList)
    $leftItems = @($LeftList | Where-Object { $null -ne $_ -and [string]$_ -ne '' } | ForEach-Object { [string]$_ })
    $rightItems = @($RightList | Where-Object { $null -ne $_ -and [string]$_ -ne '' } | ForEach-Object { [string]$_ })
    if ($leftItems.Count -ne $rightItems.Count) { return $false }
    for ($listIndex = 0; $listIndex -lt $leftItems.Count; $listIndex++) {
        if ($leftItems[$listIndex] -ne $rightItems[$listIndex]) { return $false }
    }
    return $true
}

function Find-ApplicationInstance {
    param([string]$InstanceUpn)
    return (Invoke-Lookup { Get-CsOnlineApplicationInstance -Identity $InstanceUpn -ErrorAction Stop })
}

function Find-OnlineUser {
    param([string]$OnlineUserUpn)
    return (Invoke-Lookup { Get-CsOnlineUser -Identity $OnlineUserUpn -ErrorAction Stop })
}

# R8: Get-, Set-, Update- and Remove-CsPhoneNumberTag need MicrosoftTeams 7.1.0 or later (§3.17).
function Test-NumberTagSupport {
    $tagModule = Get-Module -ListAvailable -Name 'MicrosoftTeams' | Sort-Object Version -Descending | Select-Object -First 1
    return ($null -ne $tagModule -and $tagModule.Version -ge [version]'7.1.0')
}

function Find-NumberAssignment {
    param([string]$AssignmentNumber)
    return (Invoke-Lookup { Get-CsPhoneNumberAssignment -TelephoneNumber $AssignmentNumber -ErrorAction Stop | Select-Object -First 1 })
}

function Find-AutoAttendant {
    param([string]$AutoAttendantName)
    return (Invoke-Lookup { Get-CsAutoAttendant -NameFilter $AutoAttendantName -ErrorAction Stop | Where-Object { $_.Name -eq $AutoAttendantName } | Select-Object -First 1 })
}

function Complete-Stage {
    Close-StageFile
    if ($script:RetryLines.Count -gt 0) {
        Write-CsvFile $script:RetryPath @('Step', 'Target', 'Action', 'Error') $script:RetryLines
    } elseif (Test-Path -LiteralPath $script:RetryPath) {
        Remove-Item -LiteralPath $script:RetryPath -WhatIf:$false -Confirm:$false
    }
    Write-Host ''
    Write-Host ('Summary of {0} (plan {1}):' -f $script:StageName, $Plan.Name)
    foreach ($countName in $script:Counts.Keys) { Write-Host ('  {0,-8} {1}' -f $countName, $script:Counts[$countName]) }
    Write-Host ('  Log:     {0}' -f $script:LogPath)
    if ($script:RetryLines.Count -gt 0) {
        Write-Host ('  Failed items: {0} (rerun with -Resume after fixing them)' -f $script:RetryPath)
        Stop-StageTranscript
        exit 1
    }
    Stop-StageTranscript
    exit 0
}
`;

/** Body wrapper: an unexpected terminating error is logged; the files are closed whatever happens (D10); then the summary. */
export function wrapBody(body: string): string {
  return [
    '$stageBodyEnded = $false',
    'try {',
    '    Open-StageFile',
    ...body
      .replace(/^\n+|\n+$/g, '')
      .split('\n')
      .map((l) => (l === '' ? '' : `    ${l}`)),
    '    $stageBodyEnded = $true',
    '} catch {',
    '    $stageBodyEnded = $true',
    "    Write-StepLog 'stage' $script:StageName 'Run stage' 'Failed' $_.Exception.Message",
    '} finally {',
    '    # Ctrl+C skips the rest of the try and every catch: only this block runs.',
    '    Close-StageFile -Interrupted:(-not $stageBodyEnded)',
    '}',
    'Complete-Stage',
  ].join('\n');
}
