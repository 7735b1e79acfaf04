<#
.SYNOPSIS
    Shared Calling runbook, stage 03: auto attendants and their resource accounts.

.DESCRIPTION
    For each planned auto attendant: resolves the dial-scope groups (object id from the plan, or an
    exact Find-CsGroup match on the name), creates a directory-search menu (dial by name and/or by
    extension, AA3), a default call flow and the auto attendant with New-CsAutoAttendant and an
    inclusion scope from New-CsAutoAttendantDialScope -GroupScope -GroupIds (AA2), then associates
    the resource account with New-CsOnlineApplicationInstanceAssociation -Identities <ObjectId>
    -ConfigurationId <AA Id> -ConfigurationType AutoAttendant (AA4).

    An existing auto attendant keeps its call flows; only its language, time zone and dial-scope
    groups are brought in line with the plan. The menu prompt is fixed English text: change it in
    the Teams admin center for other languages.

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
    .\03-auto-attendants.ps1 -DryRun

.EXAMPLE
    .\03-auto-attendants.ps1

.EXAMPLE
    .\03-auto-attendants.ps1 -Resume

.NOTES
    Writes to the output folder: 03-auto-attendants.log.csv (every action: Time,Stage,Step,Target,Action,
    Status,Detail; Status is Done, Skipped, DryRun, Manual, Resumed or Failed), 03-auto-attendants.retry.csv
    (failed items of the last run) and 03-auto-attendants.checkpoint.txt (finished steps, for -Resume).
    Exit code: 0 when nothing failed, 1 otherwise.
#>
#Requires -Version 5.1
#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '5.5.0' }

# Plan:          'Contoso Shared Calling (sample)'
# Plan id:       'sample'
# Plan SHA-256:  4c27ca757e741e8f8644c212478b893c2af1035f75232e41fbbd0fa33de86f73  (canonical JSON of the plan, verification results excluded)
# Generator:     shared-calling-planner/powershell 1.0.0
# Rules (shared-calling.md): AA1, AA2, AA3, AA4, AA5

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
    AutoAttendants = @(
        @{ Id = 'aa-seattle'; Name = 'Seattle Main Auto Attendant'; LanguageId = 'en-US'; TimeZoneId = 'Pacific Standard Time'; DialByName = $true; DialByExtension = $false; ResourceAccountUpn = 'sc-seattle@contoso.com'; Groups = @(@{ Name = 'SC-Seattle-Users'; ObjectId = '' }) }
        @{ Id = 'aa-london'; Name = 'London Main Auto Attendant'; LanguageId = 'en-GB'; TimeZoneId = 'GMT Standard Time'; DialByName = $true; DialByExtension = $false; ResourceAccountUpn = 'sc-london@contoso.com'; Groups = @(@{ Name = 'SC-London-Users'; ObjectId = '' }) }
        @{ Id = 'aa-sydney'; Name = 'Sydney Main Auto Attendant'; LanguageId = 'en-AU'; TimeZoneId = 'AUS Eastern Standard Time'; DialByName = $true; DialByExtension = $true; ResourceAccountUpn = 'sc-sydney@contoso.com'; Groups = @(@{ Name = 'SC-Sydney-Users'; ObjectId = '' }) }
    )
}
# ---- END PLAN DATA ----

$script:StageName = '03-auto-attendants'
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

    function Find-Association {
        param([string]$AssociationObjectId)
        return (Invoke-Lookup { Get-CsOnlineApplicationInstanceAssociation -Identity $AssociationObjectId -ErrorAction Stop })
    }

    function Get-ScopeGroupIds {
        param($ScopeAutoAttendant)
        if ($null -eq $ScopeAutoAttendant.DirectoryLookupScope -or $null -eq $ScopeAutoAttendant.DirectoryLookupScope.InclusionScope) { return @() }
        return @($ScopeAutoAttendant.DirectoryLookupScope.InclusionScope.GroupScope.GroupIds | ForEach-Object { [string]$_ } | Sort-Object)
    }

    foreach ($aa in $Plan.AutoAttendants) {
        # AA2: dial-scope group ids; a group without an object id is looked up by its exact name.
        $groupIds = New-Object System.Collections.Generic.List[string]
        $groupProblems = New-Object System.Collections.Generic.List[string]
        foreach ($group in $aa.Groups) {
            if ($group.ObjectId) { $groupIds.Add($group.ObjectId); continue }
            $foundGroups = @(Invoke-Lookup { Find-CsGroup -SearchQuery $group.Name -ExactMatchOnly $true -ErrorAction Stop } | Where-Object { $_.DisplayName -eq $group.Name })
            if ($foundGroups.Count -eq 1) { $groupIds.Add([string]$foundGroups[0].Id) }
            else { $groupProblems.Add(('group {0}: {1} matches' -f $group.Name, $foundGroups.Count)) }
        }
        if ($groupProblems.Count -gt 0) {
            Write-StepLog ('aa:{0}:scope' -f $aa.Id) $aa.Name 'Resolve dial-scope groups (AA2)' 'Failed' ($groupProblems -join '; ')
            continue
        }
        $plannedGroupIds = @($groupIds | Sort-Object)

        # AA3: directory search by name and/or extension.
        $searchMethod = 'None'
        if ($aa.DialByExtension) { $searchMethod = 'ByExtension' } elseif ($aa.DialByName) { $searchMethod = 'ByName' }
        $dialByName = [bool]$aa.DialByName

        Invoke-PlanStep ('aa:{0}:create' -f $aa.Id) $aa.Name 'Create auto attendant (AA1, AA2, AA3)' -IsDone {
            if ($null -ne (Find-AutoAttendant $aa.Name)) { return $true }
            return 'not found'
        } -Change {
            $prompt = New-CsAutoAttendantPrompt -TextToSpeechPrompt 'Please say or enter the name or extension of the person you want to reach.'
            $menu = New-CsAutoAttendantMenu -Name 'Shared Calling directory' -Prompts @($prompt) -EnableDialByName:$dialByName -DirectorySearchMethod $searchMethod -ErrorAction Stop
            $callFlow = New-CsAutoAttendantCallFlow -Name 'Shared Calling default call flow' -Menu $menu -ErrorAction Stop
            if ($plannedGroupIds.Count -gt 0) {
                $dialScope = New-CsAutoAttendantDialScope -GroupScope -GroupIds $plannedGroupIds -ErrorAction Stop
                New-CsAutoAttendant -Name $aa.Name -LanguageId $aa.LanguageId -TimeZoneId $aa.TimeZoneId -DefaultCallFlow $callFlow -InclusionScope $dialScope -ErrorAction Stop
            } else {
                # AA2: without an inclusion scope everyone in the directory is reachable.
                New-CsAutoAttendant -Name $aa.Name -LanguageId $aa.LanguageId -TimeZoneId $aa.TimeZoneId -DefaultCallFlow $callFlow -ErrorAction Stop
            }
        }

        Invoke-PlanStep ('aa:{0}:settings' -f $aa.Id) $aa.Name 'Update language, time zone and dial scope (AA2)' -IsDone {
            $current = Find-AutoAttendant $aa.Name
            if ($null -eq $current) { return 'auto attendant not found' }
            $differences = @()
            if ([string]$current.LanguageId -ne $aa.LanguageId) { $differences += ('language {0}' -f $current.LanguageId) }
            if ([string]$current.TimeZoneId -ne $aa.TimeZoneId) { $differences += ('time zone {0}' -f $current.TimeZoneId) }
            if (-not (Test-SameList (Get-ScopeGroupIds $current) $plannedGroupIds)) { $differences += ('groups {0}' -f ((Get-ScopeGroupIds $current) -join ' ')) }
            if ($differences.Count -eq 0) { return $true }
            return ($differences -join '; ')
        } -Change {
            $current = Find-AutoAttendant $aa.Name
            $current.LanguageId = $aa.LanguageId
            $current.TimeZoneId = $aa.TimeZoneId
            if (-not (Test-SameList (Get-ScopeGroupIds $current) $plannedGroupIds)) {
                if ($plannedGroupIds.Count -eq 0 -or $null -eq $current.DirectoryLookupScope) {
                    throw 'AA2: change the dial scope of this auto attendant in the Teams admin center'
                }
                $current.DirectoryLookupScope.InclusionScope = New-CsAutoAttendantDialScope -GroupScope -GroupIds $plannedGroupIds -ErrorAction Stop
            }
            Set-CsAutoAttendant -Instance $current -ErrorAction Stop
        }

        # AA4: link the resource account (ObjectId) to the auto attendant (its Id).
        Invoke-PlanStep ('aa:{0}:association' -f $aa.Id) $aa.Name 'Associate resource account (AA4)' -IsDone {
            if (-not $aa.ResourceAccountUpn) { throw 'AA4: the plan names no resource account for this auto attendant' }
            $instance = Find-ApplicationInstance $aa.ResourceAccountUpn
            $current = Find-AutoAttendant $aa.Name
            if ($null -eq $instance -or $null -eq $current) { return 'resource account or auto attendant not found' }
            $association = Find-Association ([string]$instance.ObjectId)
            if ($null -eq $association -or -not $association.ConfigurationId) { return 'not associated' }
            if ([string]$association.ConfigurationId -eq (Get-ObjectIdentity $current)) { return $true }
            throw ('the resource account is associated with another configuration ({0}); remove that association first' -f $association.ConfigurationId)
        } -Change {
            $instance = Find-ApplicationInstance $aa.ResourceAccountUpn
            $current = Find-AutoAttendant $aa.Name
            New-CsOnlineApplicationInstanceAssociation -Identities @([string]$instance.ObjectId) -ConfigurationId (Get-ObjectIdentity $current) -ConfigurationType AutoAttendant -ErrorAction Stop
        }
    }
} catch {
    Write-StepLog 'stage' $script:StageName 'Run stage' 'Failed' $_.Exception.Message
}
Complete-Stage
