<#
.SYNOPSIS
    Shared Calling runbook, stage 01: check tooling, connect, check tenant prerequisites.

.DESCRIPTION
    Checks PowerShell 5.1 or later, the MicrosoftTeams module 5.5.0 or later (R1, R4) and, for
    module 6.3.0 or later, PowerShell 7.2+ or Windows PowerShell 5.1 (R5), connects with
    Connect-MicrosoftTeams, and checks what later stages rely on: the LIS location of every
    resource-account number (RA8: a number without one stops the runbook here, as it is an error in
    the planner), the online PSTN usages named by emergency and voice routing policies (E2, RA11),
    and the PSTN usages of the Global voice routing policy (VR1).

    Microsoft Graph is used only when the plan licenses resource accounts (RA2, RA9), with read-only
    scopes, to compare the free licences with the accounts that do not hold one yet. For a Calling
    Plan service number it reports how the calls are funded (RA9, 09/2024): pay-as-you-go minutes,
    or Communications Credits only where the Calling Plan subscription is MOSA-billed. This stage
    changes nothing.

    Everything this script does is fixed code that loops over the plan data section ($Plan) below;
    plan values appear in it only as single-quoted literals. It is safe to run again: each step
    reads the current state, changes only what differs and logs what it skipped.

.PARAMETER DryRun
    Read the tenant and report what would change, without calling any cmdlet that changes it.
    Separate from -WhatIf because several Teams cmdlets ignore -WhatIf.

.PARAMETER Resume
    Skip the steps that the checkpoint file of an earlier run records as finished.

.PARAMETER OutputFolder
    Folder for the action log, the retry list and the checkpoint. Default: the folder of this
    script.

.PARAMETER MaxRetries
    How often a throttled call (HTTP 429, "throttled", 503) is retried, with exponential back-off.

.PARAMETER SkipLicensing
    Do not use Microsoft Graph; licence steps are only reported (assign them in the Microsoft 365
    admin center).

.PARAMETER Transcript
    Record the whole console session (Start-Transcript) in <stage>.transcript.txt in the output
    folder, appended to on each run.

.PARAMETER ExpectedPlanSha256
    Refuse to run unless the embedded plan has this SHA-256 (the runbook passes its own, so all
    files must come from one export).

.EXAMPLE
    .\01-prerequisites.ps1 -DryRun

.EXAMPLE
    .\01-prerequisites.ps1

.EXAMPLE
    .\01-prerequisites.ps1 -Resume

.NOTES
    Writes to the output folder: 01-prerequisites.log.csv (every action: Time,Stage,Step,Target,Action,
    Status,Detail; Status is Done, Skipped, DryRun, Manual, Resumed or Failed), 01-prerequisites.retry.csv
    (failed items of the last run; a -DryRun writes 01-prerequisites.dryrun.retry.csv instead) and
    01-prerequisites.checkpoint.txt (the plan SHA-256, then the finished steps, for -Resume; -DryRun leaves it alone).
    Exit code: 0 when nothing failed, 1 otherwise.
#>
#Requires -Version 5.1
#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '5.5.0' }

# Plan:          'Contoso Shared Calling (sample)'
# Plan id:       'sample'
# Plan SHA-256:  d29394b6d5cb9dd4c2339b974ad784ebadac71f4f47e940e4a4418087255ba8c  (canonical JSON of the plan, verification results excluded)
# Generator:     shared-calling-planner/powershell 1.0.0
# Rules (shared-calling.md): R1, R3, R4, R5, RA2, RA8, RA9, RA11, E2, VR1, EN6, EN14

[CmdletBinding(SupportsShouldProcess)]
param(
    [switch]$DryRun,
    [switch]$Resume,
    [string]$OutputFolder = $PSScriptRoot,
    [ValidateRange(0, 10)]
    [int]$MaxRetries = 5,
    [switch]$SkipLicensing,
    [switch]$Transcript,
    [string]$ExpectedPlanSha256 = ''
)

# ---- BEGIN PLAN DATA (generated: single-quoted literals only) ----
$Plan = @{
    Id = 'sample'
    Name = 'Contoso Shared Calling (sample)'
    TenantDomain = 'contoso.com'
    Sha256 = 'd29394b6d5cb9dd4c2339b974ad784ebadac71f4f47e940e4a4418087255ba8c'
    GeneratorVersion = 'shared-calling-planner/powershell 1.0.0'
    GlobalVoiceRoutingHasUsages = 'yes'
    UsersWithoutVoiceRoutingPolicy = 0
    TagCallbackNumbers = $false
    ResourceAccounts = @(
        @{ Id = 'ra-seattle'; Upn = 'sc-seattle@contoso.com'; DisplayName = 'Seattle Main Line'; PhoneNumber = '+12065550100'; NumberType = 'CallingPlan'; LocationId = '00000000-0000-4000-8000-000000000001'; UsageLocation = 'US'; Licence = 'teamsPhoneResourceAccount'; PayAsYouGo = $true; CallingPlanBilling = 'payAsYouGo'; VoiceRoutingPolicy = ''; Existing = $false; NumberExisting = $false }
        @{ Id = 'ra-london'; Upn = 'sc-london@contoso.com'; DisplayName = 'London Main Line'; PhoneNumber = '+442079460100'; NumberType = 'OperatorConnect'; LocationId = '00000000-0000-4000-8000-000000000002'; UsageLocation = 'GB'; Licence = 'teamsPhoneResourceAccount'; PayAsYouGo = $false; CallingPlanBilling = ''; VoiceRoutingPolicy = ''; Existing = $false; NumberExisting = $false }
        @{ Id = 'ra-sydney'; Upn = 'sc-sydney@contoso.com'; DisplayName = 'Sydney Main Line'; PhoneNumber = '+61255500100'; NumberType = 'DirectRouting'; LocationId = '00000000-0000-4000-8000-000000000003'; UsageLocation = 'AU'; Licence = 'teamsPhoneResourceAccount'; PayAsYouGo = $false; CallingPlanBilling = ''; VoiceRoutingPolicy = 'VRP-AU-DR-ResourceAccount'; Existing = $false; NumberExisting = $false }
    )
    VoiceRoutingPolicies = @(
        @{ Id = 'vrp-users'; Name = 'SC-NoPSTN'; Description = 'Shared Calling users: no PSTN usages (VR1)'; PstnUsages = @(); Existing = $false }
        @{ Id = 'vrp-au-ra'; Name = 'VRP-AU-DR-ResourceAccount'; Description = 'Direct Routing resource account in Sydney (RA11)'; PstnUsages = @('AU-PSTN'); Existing = $false }
    )
    EmergencyPolicies = @(
        @{ Id = 'ecrp-us'; Name = 'ECRP-US-CPOC'; Description = 'US emergency dial strings, no PSTN usage (Calling Plan, E2)'; Dynamic = $true; Numbers = @(@{ DialString = '911'; DialMask = ''; PstnUsage = '' }, @{ DialString = '933'; DialMask = ''; PstnUsage = '' }); Existing = $false }
        @{ Id = 'ecrp-uk'; Name = 'ECRP-UK-CPOC'; Description = 'UK emergency dial strings, no PSTN usage (Operator Connect, E2)'; Dynamic = $true; Numbers = @(@{ DialString = '999'; DialMask = ''; PstnUsage = '' }, @{ DialString = '112'; DialMask = ''; PstnUsage = '' }); Existing = $false }
        @{ Id = 'ecrp-au'; Name = 'ECRP-AU-DR'; Description = 'Australian emergency dial strings routed over Direct Routing (E2)'; Dynamic = $true; Numbers = @(@{ DialString = '000'; DialMask = ''; PstnUsage = 'AU-Emergency' }, @{ DialString = '112'; DialMask = ''; PstnUsage = 'AU-Emergency' }); Existing = $false }
    )
    SharedCallingPolicies = @(
        @{ Id = 'scp-seattle'; Name = 'SC-Seattle'; Description = 'Shared Calling for Seattle users on +12065550100'; ResourceAccountUpn = 'sc-seattle@contoso.com'; CallbackNumbers = @('+12065550101', '+12065550102', '+12065550103'); Existing = $false; Group = $null }
        @{ Id = 'scp-london'; Name = 'SC-London'; Description = 'Shared Calling for London users on +442079460100'; ResourceAccountUpn = 'sc-london@contoso.com'; CallbackNumbers = @('+442079460101', '+442079460102', '+442079460103'); Existing = $false; Group = $null }
        @{ Id = 'scp-sydney'; Name = 'SC-Sydney'; Description = 'Shared Calling for Sydney users on +61255500100'; ResourceAccountUpn = 'sc-sydney@contoso.com'; CallbackNumbers = @('+61255500101', '+61255500102'); Existing = $false; Group = $null }
    )
}
# ---- END PLAN DATA ----

$script:StageName = '01-prerequisites'
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
        $missingScopes = @($GraphScopes | Where-Object { $heldScopes -notcontains $_ -and $heldScopes -notcontains ($_ -replace '\.Read\.', '.ReadWrite.') })
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

$stageBodyEnded = $false
try {
    Open-StageFile
    # R1/R4: the *-CsTeamsSharedCallingRoutingPolicy cmdlets need MicrosoftTeams 5.5.0 or later.
    Invoke-Check 'prereq:powershell' 'PowerShell' 'Check PowerShell 5.1 or later' {
        if ($PSVersionTable.PSVersion -ge [version]'5.1') { return $true }
        return ('PowerShell {0} found' -f $PSVersionTable.PSVersion)
    }
    Invoke-Check 'prereq:module' 'MicrosoftTeams' 'Check MicrosoftTeams module 5.5.0 or later (R1)' {
        $teamsModule = Get-Module -ListAvailable -Name 'MicrosoftTeams' | Sort-Object Version -Descending | Select-Object -First 1
        if ($null -eq $teamsModule) { return 'MicrosoftTeams is not installed: Install-Module MicrosoftTeams -Scope CurrentUser' }
        if ($teamsModule.Version -ge [version]'5.5.0') { return $true }
        return ('MicrosoftTeams {0} found; update with Update-Module MicrosoftTeams' -f $teamsModule.Version)
    }
    # R5: MicrosoftTeams 6.3.0 and later run only on PowerShell 7.2 or later, or on Windows PowerShell 5.1.
    Invoke-Check 'prereq:powershell-for-module' 'PowerShell' 'Check PowerShell version for the MicrosoftTeams module (R5)' {
        $teamsModule = Get-Module -ListAvailable -Name 'MicrosoftTeams' | Sort-Object Version -Descending | Select-Object -First 1
        if ($null -eq $teamsModule -or $teamsModule.Version -lt [version]'6.3.0') { return $true }
        $edition = 'Desktop'
        if ($PSVersionTable.ContainsKey('PSEdition')) { $edition = [string]$PSVersionTable.PSEdition }
        if ($edition -eq 'Desktop' -or $PSVersionTable.PSVersion -ge [version]'7.2') { return $true }
        return ('R5: MicrosoftTeams {0} needs PowerShell 7.2 or later, or Windows PowerShell 5.1; this is PowerShell {1}' -f $teamsModule.Version, $PSVersionTable.PSVersion)
    }
    # R8: tagging callback numbers (plan setting, §3.17) needs MicrosoftTeams 7.1.0; stage 06 skips the
    # tags with a Manual line on an older module, so this is a note, not a stop.
    if ($Plan.TagCallbackNumbers) {
        if (Test-NumberTagSupport) {
            Write-StepLog 'prereq:module:tags' 'MicrosoftTeams' 'Check MicrosoftTeams 7.1.0 for number tags (R8)' 'Done' 'as required'
        } else {
            Write-StepLog 'prereq:module:tags' 'MicrosoftTeams' 'Check MicrosoftTeams 7.1.0 for number tags (R8)' 'Manual' 'R8: number tags need MicrosoftTeams 7.1.0 or later; stage 06 will skip them. Update-Module MicrosoftTeams'
        }
    }
    Invoke-Check 'prereq:connect' 'Microsoft Teams' 'Connect-MicrosoftTeams' {
        Connect-TeamsIfNeeded
        return $true
    }
    # R3: Shared Calling exists in public clouds only; the tenant's cloud cannot be read reliably here.
    Write-StepLog 'prereq:cloud' 'Tenant' 'Check public cloud (R3)' 'Manual' 'Shared Calling is available in public clouds only (not GCC High or DoD): confirm the tenant.'

    # RA8: every resource-account number must carry an emergency location (LocationId). The reference
    # says "must", so a number without one is an error in the planner as well, and the runbook stops here.
    foreach ($ra in $Plan.ResourceAccounts) {
        if (-not $ra.PhoneNumber) { continue }
        Invoke-Check ('prereq:ra:{0}:location' -f $ra.Id) $ra.PhoneNumber 'Check LIS location of the resource account number (RA8)' {
            if (-not $ra.LocationId) { return 'RA8: the plan has no LIS LocationId for the site of this number' }
            $location = Invoke-Lookup { Get-CsOnlineLisLocation -LocationId $ra.LocationId -ErrorAction Stop }
            if ($null -ne $location) { return $true }
            return ('LIS location {0} not found (Get-CsOnlineLisLocation)' -f $ra.LocationId)
        }
    }

    # EN6, EN11, EN14: a planned callback number must be free, or held by a Shared Calling policy of this
    # plan (stage 06 moves it). A number held by a policy shows PstnAssignmentStatus PolicyAssigned and the
    # policy instance as AssignedPstnTargetId ('TeamsSharedCallingRoutingPolicy|Tag:<name>', EN11).
    $plannedPolicyNames = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
    foreach ($scp in $Plan.SharedCallingPolicies) { $null = $plannedPolicyNames.Add([string]$scp.Name) }
    foreach ($scp in $Plan.SharedCallingPolicies) {
        foreach ($callback in $scp.CallbackNumbers) {
            Invoke-Check ('prereq:scp:{0}:callback:{1}' -f $scp.Id, $callback) $callback 'Check callback number is free (EN6, EN14)' {
                $assignment = Find-NumberAssignment $callback
                if ($null -eq $assignment) { return $true }
                $target = [string]$assignment.AssignedPstnTargetId
                $status = [string]$assignment.PstnAssignmentStatus
                if (-not $target -or $status -match '^(?i)unassigned$') { return $true }
                if ($target -match '^(?i)TeamsSharedCallingRoutingPolicy\|Tag:(.+)$') {
                    if ($plannedPolicyNames.Contains($Matches[1])) { return $true }
                    return ('EN14: already a callback number of the Shared Calling policy {0}, which this plan does not name; take it out of that policy first (EN8)' -f $Matches[1])
                }
                if ($status -match '^(?i)policyassigned$') {
                    return ('EN14: already held by the Shared Calling policy instance {0}; take it out of that policy first (EN8)' -f $target)
                }
                return ('EN6: assigned to {0} ({1}); a callback number must not be assigned to a user or resource account' -f $target, $status)
            }
        }
    }

    # E2, RA11: PSTN usages named by the plan must exist (Set-CsOnlinePstnUsage, done by the Direct Routing admin).
    $plannedUsages = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
    foreach ($vrp in $Plan.VoiceRoutingPolicies) { foreach ($usage in $vrp.PstnUsages) { if ($usage) { $null = $plannedUsages.Add($usage) } } }
    foreach ($ecrp in $Plan.EmergencyPolicies) { foreach ($entry in $ecrp.Numbers) { if ($entry.PstnUsage) { $null = $plannedUsages.Add($entry.PstnUsage) } } }
    if ($plannedUsages.Count -gt 0) {
        $tenantUsages = $null
        $usageProblem = ''
        try {
            $usageRecord = Invoke-Lookup { Get-CsOnlinePstnUsage -Identity 'Global' -ErrorAction Stop }
            $tenantUsages = @()
            if ($null -ne $usageRecord) { $tenantUsages = @($usageRecord.Usage) }
        } catch {
            $usageProblem = ('could not read the PSTN usages: {0}' -f $_.Exception.Message)
        }
        foreach ($usage in ($plannedUsages | Sort-Object)) {
            Invoke-Check ('prereq:usage:{0}' -f $usage) $usage 'Check online PSTN usage exists (E2, RA11)' {
                if ($usageProblem) { return $usageProblem }
                if ($tenantUsages -contains $usage) { return $true }
                return 'PSTN usage not found: create it with Set-CsOnlinePstnUsage and route it (Direct Routing)'
            }
        }
    }

    # VR1: if Global has PSTN usages, Shared Calling users need a policy without any.
    Invoke-Check 'prereq:global-voice-routing' 'Global' 'Check Global voice routing policy (VR1)' {
        $globalPolicy = Invoke-Lookup { Get-CsOnlineVoiceRoutingPolicy -Identity 'Global' -ErrorAction Stop }
        $globalUsages = @()
        if ($null -ne $globalPolicy) { $globalUsages = @($globalPolicy.OnlinePstnUsages | Where-Object { $_ }) }
        if ($globalUsages.Count -eq 0) { return $true }
        if ($Plan.UsersWithoutVoiceRoutingPolicy -gt 0) {
            return ('VR1: Global has PSTN usages ({0}) and {1} planned users get no voice routing policy' -f ($globalUsages -join ', '), $Plan.UsersWithoutVoiceRoutingPolicy)
        }
        return $true
    }

    # Licence SKU ids of the subscriptions whose part number matches a pattern.
    function Get-SkuIdSet {
        param([string]$SkuPattern)
        return @($skus | Where-Object { $_.SkuPartNumber -like $SkuPattern } | ForEach-Object { [string]$_.SkuId })
    }

    # How many of the accounts still lack a licence of one of the SKUs: accounts that already hold one
    # need none of the free units (an account that does not exist yet needs one).
    function Get-MissingLicenceCount {
        param([object[]]$LicenceAccounts, [string[]]$LicenceSkuIds)
        $missingCount = 0
        foreach ($licenceAccount in $LicenceAccounts) {
            $graphUser = Invoke-Lookup { Get-MgUser -UserId $licenceAccount.Upn -Property 'Id,AssignedLicenses' -ErrorAction Stop }
            $heldIds = @()
            if ($null -ne $graphUser) { $heldIds = @($graphUser.AssignedLicenses | ForEach-Object { [string]$_.SkuId }) }
            if (@($heldIds | Where-Object { $LicenceSkuIds -contains $_ }).Count -eq 0) { $missingCount++ }
        }
        return $missingCount
    }

    # RA2, RA9: licences for resource accounts (Microsoft Graph, read only here).
    $skus = $null
    $licensedAccounts = @($Plan.ResourceAccounts | Where-Object { $_.Licence -ne 'none' -or $_.PayAsYouGo })
    if ($licensedAccounts.Count -gt 0) {
        # This stage only reads.
        if (Connect-GraphIfNeeded @('User.Read.All', 'Organization.Read.All')) {
            $skus = $null
            try {
                $skus = @(Invoke-TenantCall { Get-MgSubscribedSku -All -ErrorAction Stop })
            } catch {
                Write-StepLog 'prereq:licences' 'Licences' 'Read subscriptions (RA2, RA9)' 'Failed' $_.Exception.Message
            }
            if ($null -ne $skus) {
                $licenceChecks = @(
                    @{ Pattern = 'PHONESYSTEM_VIRTUALUSER*'; Label = 'Microsoft Teams Phone Resource Account (RA2)'; Accounts = @($licensedAccounts | Where-Object { $_.Licence -ne 'none' }) },
                    @{ Pattern = 'Microsoft_Teams_Calling_Plan_pay_as_you_go*'; Label = 'Calling Plan pay-as-you-go (RA9)'; Accounts = @($licensedAccounts | Where-Object { $_.PayAsYouGo }) }
                )
                foreach ($licenceCheck in $licenceChecks) {
                    if ($licenceCheck.Accounts.Count -eq 0) { continue }
                    Invoke-Check ('prereq:licence:{0}' -f $licenceCheck.Pattern) $licenceCheck.Label 'Check licences available' {
                        $free = 0
                        foreach ($sku in @($skus | Where-Object { $_.SkuPartNumber -like $licenceCheck.Pattern })) {
                            $free += [int]$sku.PrepaidUnits.Enabled - [int]$sku.ConsumedUnits
                        }
                        $needed = Get-MissingLicenceCount $licenceCheck.Accounts (Get-SkuIdSet $licenceCheck.Pattern)
                        if ($free -ge $needed) { return $true }
                        return ('{0} free, {1} needed by accounts that do not hold one yet' -f $free, $needed)
                    }
                }
            }
        } else {
            Write-StepLog 'prereq:licences' 'Licences' 'Check licences (RA2, RA9)' 'Manual' 'Microsoft Graph not used: check the Teams Phone Resource Account and pay-as-you-go licences in the Microsoft 365 admin center.'
        }
    }

    # RA9 (09/17/2024): the calls of a Calling Plan service number are funded with pay-as-you-go minutes;
    # only a Calling Plan subscription billed through a Microsoft Online Subscription Agreement (MOSA)
    # billing account needs Communications Credits (MCOPSTNC, also listed as MCOPSTNPP) with a funded
    # balance. Older pages and the cmdlet help still ask for credits in every case (§8 item 16).
    foreach ($ra in @($Plan.ResourceAccounts | Where-Object { $_.CallingPlanBilling })) {
        $fundingKey = ('prereq:ra:{0}:funding' -f $ra.Id)
        $fundingAction = 'Check how Calling Plan calls are funded (RA9)'
        if ($ra.CallingPlanBilling -eq 'mosa') {
            if ($null -eq $skus) {
                Write-StepLog $fundingKey $ra.Upn $fundingAction 'Manual' 'RA9: MOSA billing: the account needs a Communications Credits licence (MCOPSTNC or MCOPSTNPP) and a funded balance; check them in the Microsoft 365 admin center.'
            } else {
                Invoke-Check $fundingKey $ra.Upn $fundingAction {
                    if (@($skus | Where-Object { $_.SkuPartNumber -eq 'MCOPSTNC' -or $_.SkuPartNumber -eq 'MCOPSTNPP' }).Count -gt 0) { return $true }
                    return 'RA9: the Calling Plan subscription is MOSA-billed, so calls need Communications Credits (MCOPSTNC or MCOPSTNPP), and the tenant has none: buy them and keep the balance funded'
                }
            }
        } elseif ($ra.CallingPlanBilling -eq 'payAsYouGo') {
            Write-StepLog $fundingKey $ra.Upn $fundingAction 'Manual' 'RA9: pay-as-you-go billing: confirm pay-as-you-go is enabled to fund the calls; no Communications Credits are needed (older pages say they are).'
        } else {
            Write-StepLog $fundingKey $ra.Upn $fundingAction 'Manual' 'RA9: billing type not in the plan: with pay-as-you-go billing confirm pay-as-you-go is enabled; with a MOSA billing account assign Communications Credits (MCOPSTNC or MCOPSTNPP) and fund them.'
        }
    }
    $stageBodyEnded = $true
} catch {
    $stageBodyEnded = $true
    Write-StepLog 'stage' $script:StageName 'Run stage' 'Failed' $_.Exception.Message
} finally {
    # Ctrl+C skips the rest of the try and every catch: only this block runs.
    Close-StageFile -Interrupted:(-not $stageBodyEnded)
}
Complete-Stage
