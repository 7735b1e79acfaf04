<#
.SYNOPSIS
    Shared Calling runbook, stage 05: emergency call routing policies.

.DESCRIPTION
    Builds the emergency numbers of each planned policy with New-CsTeamsEmergencyNumber
    (-EmergencyDialString, -EmergencyDialMask, and -OnlinePSTNUsage only for Direct Routing: E2) and
    creates or updates the policy with New-/Set-CsTeamsEmergencyCallRoutingPolicy.

    The number objects are passed directly, which replaces the policy's numbers: passing them as
    @{add=...} to New-CsTeamsEmergencyCallRoutingPolicy would keep the numbers inherited from the
    Global instance (shared-calling.md §3.12).

    Users get their emergency call routing policy in stage 07 (New-CsBatchPolicyAssignmentOperation,
    E1).

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

.PARAMETER ExpectedPlanSha256
    Refuse to run unless the embedded plan has this SHA-256 (the runbook passes its own, so all
    files must come from one export).

.EXAMPLE
    .\05-emergency.ps1 -DryRun

.EXAMPLE
    .\05-emergency.ps1

.EXAMPLE
    .\05-emergency.ps1 -Resume

.NOTES
    Writes to the output folder: 05-emergency.log.csv (every action: Time,Stage,Step,Target,Action,
    Status,Detail; Status is Done, Skipped, DryRun, Manual, Resumed or Failed), 05-emergency.retry.csv
    (failed items of the last run) and 05-emergency.checkpoint.txt (finished steps, for -Resume).
    Exit code: 0 when nothing failed, 1 otherwise.
#>
#Requires -Version 5.1
#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '5.5.0' }

# Plan:          'Contoso Shared Calling (sample)'
# Plan id:       'sample'
# Plan SHA-256:  4c27ca757e741e8f8644c212478b893c2af1035f75232e41fbbd0fa33de86f73  (canonical JSON of the plan, verification results excluded)
# Generator:     shared-calling-planner/powershell 1.0.0
# Rules (shared-calling.md): E1, E2, E3, E5

[CmdletBinding(SupportsShouldProcess)]
param(
    [switch]$DryRun,
    [switch]$Resume,
    [string]$OutputFolder = $PSScriptRoot,
    [ValidateRange(0, 10)]
    [int]$MaxRetries = 5,
    [switch]$SkipLicensing,
    [string]$ExpectedPlanSha256 = ''
)

# ---- BEGIN PLAN DATA (generated: single-quoted literals only) ----
$Plan = @{
    Id = 'sample'
    Name = 'Contoso Shared Calling (sample)'
    TenantDomain = 'contoso.com'
    Sha256 = '4c27ca757e741e8f8644c212478b893c2af1035f75232e41fbbd0fa33de86f73'
    GeneratorVersion = 'shared-calling-planner/powershell 1.0.0'
    GlobalVoiceRoutingHasUsages = 'yes'
    UsersWithoutVoiceRoutingPolicy = 0
    EmergencyPolicies = @(
        @{ Id = 'ecrp-us'; Name = 'ECRP-US-CPOC'; Description = 'US emergency dial strings, no PSTN usage (Calling Plan, E2)'; Dynamic = $true; Numbers = @(@{ DialString = '911'; DialMask = ''; PstnUsage = '' }, @{ DialString = '933'; DialMask = ''; PstnUsage = '' }) }
        @{ Id = 'ecrp-uk'; Name = 'ECRP-UK-CPOC'; Description = 'UK emergency dial strings, no PSTN usage (Operator Connect, E2)'; Dynamic = $true; Numbers = @(@{ DialString = '999'; DialMask = ''; PstnUsage = '' }, @{ DialString = '112'; DialMask = ''; PstnUsage = '' }) }
        @{ Id = 'ecrp-au'; Name = 'ECRP-AU-DR'; Description = 'Australian emergency dial strings routed over Direct Routing (E2)'; Dynamic = $true; Numbers = @(@{ DialString = '000'; DialMask = ''; PstnUsage = 'AU-Emergency' }, @{ DialString = '112'; DialMask = ''; PstnUsage = 'AU-Emergency' }) }
    )
}
# ---- END PLAN DATA ----

$script:StageName = '05-emergency'
Set-StrictMode -Version 1.0
$ErrorActionPreference = 'Stop'
$script:ScriptCmdlet = $PSCmdlet
$script:AutoAttendantApplicationId = 'ce933385-9390-45d1-9512-c8d228074e07'  # RA5

if ($ExpectedPlanSha256 -and $ExpectedPlanSha256 -ne $Plan.Sha256) {
    Write-Error ('This file was generated from plan {0}, not {1}. Download all files of one export again.' -f $Plan.Sha256, $ExpectedPlanSha256) -ErrorAction Continue
    exit 1
}
if ([string]::IsNullOrEmpty($OutputFolder)) { $OutputFolder = (Get-Location).Path }
if (-not (Test-Path -LiteralPath $OutputFolder)) { $null = New-Item -ItemType Directory -Path $OutputFolder -Force }
# .NET file APIs resolve relative paths against the process directory, not the PowerShell location.
$OutputFolder = (Resolve-Path -LiteralPath $OutputFolder).ProviderPath

$script:LogPath = Join-Path $OutputFolder ($script:StageName + '.log.csv')
$script:RetryPath = Join-Path $OutputFolder ($script:StageName + '.retry.csv')
$script:CheckpointPath = Join-Path $OutputFolder ($script:StageName + '.checkpoint.txt')
$script:Counts = [ordered]@{ Done = 0; Skipped = 0; DryRun = 0; Manual = 0; Resumed = 0; Failed = 0 }
$script:RetryItems = New-Object System.Collections.Generic.List[object]
$script:Finished = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
$script:Utf8Bom = New-Object System.Text.UTF8Encoding($true)

if ($Resume -and (Test-Path -LiteralPath $script:CheckpointPath)) {
    foreach ($checkpointLine in [System.IO.File]::ReadAllLines($script:CheckpointPath, $script:Utf8Bom)) {
        if ($checkpointLine) { $null = $script:Finished.Add($checkpointLine) }
    }
} elseif (-not $DryRun -and (Test-Path -LiteralPath $script:CheckpointPath)) {
    Remove-Item -LiteralPath $script:CheckpointPath
}

# Action log: Time,Stage,Step,Target,Action,Status,Detail (UTF-8 with BOM, one row per action).
$script:LogIsNew = -not (Test-Path -LiteralPath $script:LogPath)
$script:LogWriter = New-Object System.IO.StreamWriter($script:LogPath, $true, $script:Utf8Bom)
$script:LogWriter.AutoFlush = $true
if ($script:LogIsNew) { $script:LogWriter.WriteLine('"Time","Stage","Step","Target","Action","Status","Detail"') }
$script:CheckpointWriter = $null
if (-not $DryRun) {
    $script:CheckpointWriter = New-Object System.IO.StreamWriter($script:CheckpointPath, $true, $script:Utf8Bom)
    $script:CheckpointWriter.AutoFlush = $true
}

function ConvertTo-CsvField {
    param([string]$FieldText)
    if ($null -eq $FieldText) { $FieldText = '' }
    return '"' + $FieldText.Replace('"', '""') + '"'
}

function Write-StepLog {
    param([string]$LogStep, [string]$LogTarget, [string]$LogAction, [string]$LogStatus, [string]$LogDetail)
    $script:Counts[$LogStatus] = $script:Counts[$LogStatus] + 1
    $logTime = (Get-Date).ToString('o')
    $fields = @($logTime, $script:StageName, $LogStep, $LogTarget, $LogAction, $LogStatus, $LogDetail)
    $script:LogWriter.WriteLine((($fields | ForEach-Object { ConvertTo-CsvField $_ }) -join ','))
    if ($LogStatus -eq 'Failed') {
        $script:RetryItems.Add([pscustomobject]@{ Step = $LogStep; Target = $LogTarget; Action = $LogAction; Error = $LogDetail })
        Write-Warning ('[Failed] {0} {1}: {2}' -f $LogAction, $LogTarget, $LogDetail)
    } elseif ($LogStatus -eq 'Skipped' -or $LogStatus -eq 'Resumed') {
        Write-Verbose ('[{0}] {1} {2}: {3}' -f $LogStatus, $LogAction, $LogTarget, $LogDetail)
    } else {
        Write-Host ('[{0}] {1} {2}: {3}' -f $LogStatus, $LogAction, $LogTarget, $LogDetail)
    }
}

function Add-Checkpoint {
    param([string]$CheckpointKey)
    if ($null -ne $script:CheckpointWriter) { $script:CheckpointWriter.WriteLine($CheckpointKey) }
}

function Test-Throttled {
    param($ThrottleError)
    $throttleText = ($ThrottleError | Out-String)
    return ($throttleText -match '(?i)\b429\b|throttl|too ?many ?requests|rate ?limit|server ?busy|\b503\b')
}

# Retries a call that was throttled, waiting 5, 10, 20 ... seconds (at most 300).
function Invoke-WithBackoff {
    param([scriptblock]$BackoffScript)
    $backoffAttempt = 0
    while ($true) {
        try {
            return (& $BackoffScript)
        } catch {
            if ($backoffAttempt -ge $MaxRetries -or -not (Test-Throttled $_)) { throw }
            $backoffDelay = [math]::Min(300, 5 * [math]::Pow(2, $backoffAttempt))
            Write-Warning ('Throttled; retry {0} of {1} in {2} s' -f ($backoffAttempt + 1), $MaxRetries, $backoffDelay)
            Start-Sleep -Seconds $backoffDelay
            $backoffAttempt++
        }
    }
}

# A read that returns $null when the object does not exist (or cannot be read); throttling is retried.
function Invoke-Lookup {
    param([scriptblock]$LookupScript)
    try {
        return (Invoke-WithBackoff $LookupScript)
    } catch {
        if (Test-Throttled $_) { throw }
        return $null
    }
}

# The only way stage code calls a cmdlet that changes the tenant: never under -DryRun.
function Invoke-Change {
    param([scriptblock]$ChangeScript)
    if ($DryRun) { throw 'Refusing to change the tenant under -DryRun.' }
    return (Invoke-WithBackoff $ChangeScript)
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
        $stepState = Invoke-WithBackoff $IsDone
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
        $null = Invoke-Change $Change
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
        $checkState = Invoke-WithBackoff $Test
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
        Connect-MicrosoftTeams -ErrorAction Stop | Out-Null
    }
}

# Microsoft Graph is used only for licences (RA2, RA9); without it those steps are only reported.
function Connect-GraphIfNeeded {
    if ($SkipLicensing) { return $false }
    foreach ($graphModule in @('Microsoft.Graph.Users', 'Microsoft.Graph.Users.Actions', 'Microsoft.Graph.Identity.DirectoryManagement')) {
        if (-not (Get-Module -ListAvailable -Name $graphModule)) {
            Write-Warning ('Module {0} is not installed: licence steps are only reported.' -f $graphModule)
            return $false
        }
    }
    try {
        if ($null -eq (Get-MgContext)) {
            Connect-MgGraph -Scopes @('User.ReadWrite.All', 'Organization.Read.All') -NoWelcome -ErrorAction Stop
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

function Find-NumberAssignment {
    param([string]$AssignmentNumber)
    return (Invoke-Lookup { Get-CsPhoneNumberAssignment -TelephoneNumber $AssignmentNumber -ErrorAction Stop | Select-Object -First 1 })
}

function Find-AutoAttendant {
    param([string]$AutoAttendantName)
    return (Invoke-Lookup { Get-CsAutoAttendant -NameFilter $AutoAttendantName -ErrorAction Stop | Where-Object { $_.Name -eq $AutoAttendantName } | Select-Object -First 1 })
}

function Complete-Stage {
    if ($null -ne $script:CheckpointWriter) { $script:CheckpointWriter.Dispose() }
    $script:LogWriter.Dispose()
    if ($script:RetryItems.Count -gt 0) {
        $script:RetryItems | Export-Csv -LiteralPath $script:RetryPath -NoTypeInformation -Encoding UTF8
    } elseif (Test-Path -LiteralPath $script:RetryPath) {
        Remove-Item -LiteralPath $script:RetryPath
    }
    Write-Host ''
    Write-Host ('Summary of {0} (plan {1}):' -f $script:StageName, $Plan.Name)
    foreach ($countName in $script:Counts.Keys) { Write-Host ('  {0,-8} {1}' -f $countName, $script:Counts[$countName]) }
    Write-Host ('  Log:     {0}' -f $script:LogPath)
    if ($script:RetryItems.Count -gt 0) {
        Write-Host ('  Failed items: {0} (rerun with -Resume after fixing them)' -f $script:RetryPath)
        exit 1
    }
    exit 0
}

try {
    Connect-TeamsIfNeeded

    function Find-EmergencyPolicy {
        param([string]$EmergencyPolicyName)
        return (Invoke-Lookup { Get-CsTeamsEmergencyCallRoutingPolicy -Identity $EmergencyPolicyName -ErrorAction Stop })
    }

    # Comparable text of a list of emergency numbers: dial string|mask|usage, sorted.
    function Get-EmergencySignature {
        param([object[]]$SignatureNumbers, [switch]$FromPlan)
        $signatureItems = foreach ($signatureNumber in $SignatureNumbers) {
            if ($null -eq $signatureNumber) { continue }
            if ($FromPlan) {
                '{0}|{1}|{2}' -f $signatureNumber.DialString, $signatureNumber.DialMask, $signatureNumber.PstnUsage
            } else {
                '{0}|{1}|{2}' -f $signatureNumber.EmergencyDialString, $signatureNumber.EmergencyDialMask, $signatureNumber.OnlinePSTNUsage
            }
        }
        return ((@($signatureItems) | Sort-Object) -join ';')
    }

    # In-memory number objects (New-CsTeamsEmergencyNumber creates nothing in the tenant, §3.12).
    function New-EmergencyNumberList {
        param($NumberPolicy)
        $numberObjects = New-Object System.Collections.Generic.List[object]
        foreach ($entry in $NumberPolicy.Numbers) {
            $numberSpec = @{ EmergencyDialString = $entry.DialString }
            if ($entry.DialMask) { $numberSpec['EmergencyDialMask'] = $entry.DialMask }
            # E2: a PSTN usage only for Direct Routing; none for Calling Plan and Operator Connect.
            if ($entry.PstnUsage) { $numberSpec['OnlinePSTNUsage'] = $entry.PstnUsage }
            $numberObjects.Add((New-CsTeamsEmergencyNumber @numberSpec -ErrorAction Stop))
        }
        return ,$numberObjects.ToArray()
    }

    foreach ($ecrp in $Plan.EmergencyPolicies) {
        Invoke-PlanStep ('ecrp:{0}:create' -f $ecrp.Id) $ecrp.Name 'Create emergency call routing policy (E1, E2)' -IsDone {
            if ($null -ne (Find-EmergencyPolicy $ecrp.Name)) { return $true }
            return 'not found'
        } -Change {
            $emergencyNumbers = New-EmergencyNumberList $ecrp
            # §3.12: objects passed directly replace the numbers (no @{add=...}).
            New-CsTeamsEmergencyCallRoutingPolicy -Identity $ecrp.Name -Description $ecrp.Description -AllowEnhancedEmergencyServices $ecrp.Dynamic -EmergencyNumbers $emergencyNumbers -ErrorAction Stop
        }

        Invoke-PlanStep ('ecrp:{0}:settings' -f $ecrp.Id) $ecrp.Name 'Update emergency numbers and settings (E2, E5)' -IsDone {
            $current = Find-EmergencyPolicy $ecrp.Name
            if ($null -eq $current) { return 'policy not found' }
            $differences = @()
            if ([bool]$current.AllowEnhancedEmergencyServices -ne [bool]$ecrp.Dynamic) { $differences += ('dynamic emergency calling {0}' -f $current.AllowEnhancedEmergencyServices) }
            if ([string]$current.Description -cne $ecrp.Description) { $differences += 'description' }
            $currentSignature = Get-EmergencySignature @($current.EmergencyNumbers)
            if ($currentSignature -ne (Get-EmergencySignature @($ecrp.Numbers) -FromPlan)) { $differences += ('numbers {0}' -f $currentSignature) }
            if ($differences.Count -eq 0) { return $true }
            return ($differences -join '; ')
        } -Change {
            $emergencyNumbers = New-EmergencyNumberList $ecrp
            Set-CsTeamsEmergencyCallRoutingPolicy -Identity $ecrp.Name -Description $ecrp.Description -AllowEnhancedEmergencyServices $ecrp.Dynamic -EmergencyNumbers $emergencyNumbers -ErrorAction Stop
        }
    }
} catch {
    Write-StepLog 'stage' $script:StageName 'Run stage' 'Failed' $_.Exception.Message
}
Complete-Stage
