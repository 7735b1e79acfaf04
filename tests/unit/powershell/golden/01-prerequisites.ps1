<#
.SYNOPSIS
    Shared Calling runbook, stage 01: check tooling, connect, check tenant prerequisites.

.DESCRIPTION
    Checks PowerShell 5.1 or later and the MicrosoftTeams module 5.5.0 or later (R1, R4), connects
    with Connect-MicrosoftTeams, and checks what later stages rely on: the LIS locations pinned on
    resource-account numbers (RA8), the online PSTN usages named by emergency and voice routing
    policies (E2, RA11), and the PSTN usages of the Global voice routing policy (VR1).

    Microsoft Graph is used only when the plan licenses resource accounts (RA2, RA9), to report the
    available licences. This stage changes nothing.

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
    .\01-prerequisites.ps1 -DryRun

.EXAMPLE
    .\01-prerequisites.ps1

.EXAMPLE
    .\01-prerequisites.ps1 -Resume

.NOTES
    Writes to the output folder: 01-prerequisites.log.csv (every action: Time,Stage,Step,Target,Action,
    Status,Detail; Status is Done, Skipped, DryRun, Manual, Resumed or Failed), 01-prerequisites.retry.csv
    (failed items of the last run) and 01-prerequisites.checkpoint.txt (finished steps, for -Resume).
    Exit code: 0 when nothing failed, 1 otherwise.
#>
#Requires -Version 5.1
#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '5.5.0' }

# Plan:          'Contoso Shared Calling (sample)'
# Plan id:       'sample'
# Plan SHA-256:  4c27ca757e741e8f8644c212478b893c2af1035f75232e41fbbd0fa33de86f73  (canonical JSON of the plan, verification results excluded)
# Generator:     shared-calling-planner/powershell 1.0.0
# Rules (shared-calling.md): R1, R3, R4, RA2, RA8, RA9, RA11, E2, VR1

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
    Sites = @(
        @{ Id = 'site-seattle'; Name = 'Seattle'; LocationId = '00000000-0000-4000-8000-000000000001' }
        @{ Id = 'site-london'; Name = 'London'; LocationId = '00000000-0000-4000-8000-000000000002' }
        @{ Id = 'site-sydney'; Name = 'Sydney'; LocationId = '00000000-0000-4000-8000-000000000003' }
    )
    ResourceAccounts = @(
        @{ Id = 'ra-seattle'; Upn = 'sc-seattle@contoso.com'; DisplayName = 'Seattle Main Line'; PhoneNumber = '+12065550100'; NumberType = 'CallingPlan'; LocationId = '00000000-0000-4000-8000-000000000001'; UsageLocation = 'US'; Licence = 'teamsPhoneResourceAccount'; PayAsYouGo = $true; VoiceRoutingPolicy = '' }
        @{ Id = 'ra-london'; Upn = 'sc-london@contoso.com'; DisplayName = 'London Main Line'; PhoneNumber = '+442079460100'; NumberType = 'OperatorConnect'; LocationId = '00000000-0000-4000-8000-000000000002'; UsageLocation = 'GB'; Licence = 'teamsPhoneResourceAccount'; PayAsYouGo = $false; VoiceRoutingPolicy = '' }
        @{ Id = 'ra-sydney'; Upn = 'sc-sydney@contoso.com'; DisplayName = 'Sydney Main Line'; PhoneNumber = '+61255500100'; NumberType = 'DirectRouting'; LocationId = '00000000-0000-4000-8000-000000000003'; UsageLocation = 'AU'; Licence = 'teamsPhoneResourceAccount'; PayAsYouGo = $false; VoiceRoutingPolicy = 'VRP-AU-DR-ResourceAccount' }
    )
    VoiceRoutingPolicies = @(
        @{ Id = 'vrp-users'; Name = 'SC-NoPSTN'; Description = 'Shared Calling users: no PSTN usages (VR1)'; PstnUsages = @() }
        @{ Id = 'vrp-au-ra'; Name = 'VRP-AU-DR-ResourceAccount'; Description = 'Direct Routing resource account in Sydney (RA11)'; PstnUsages = @('AU-PSTN') }
    )
    EmergencyPolicies = @(
        @{ Id = 'ecrp-us'; Name = 'ECRP-US-CPOC'; Description = 'US emergency dial strings, no PSTN usage (Calling Plan, E2)'; Dynamic = $true; Numbers = @(@{ DialString = '911'; DialMask = ''; PstnUsage = '' }, @{ DialString = '933'; DialMask = ''; PstnUsage = '' }) }
        @{ Id = 'ecrp-uk'; Name = 'ECRP-UK-CPOC'; Description = 'UK emergency dial strings, no PSTN usage (Operator Connect, E2)'; Dynamic = $true; Numbers = @(@{ DialString = '999'; DialMask = ''; PstnUsage = '' }, @{ DialString = '112'; DialMask = ''; PstnUsage = '' }) }
        @{ Id = 'ecrp-au'; Name = 'ECRP-AU-DR'; Description = 'Australian emergency dial strings routed over Direct Routing (E2)'; Dynamic = $true; Numbers = @(@{ DialString = '000'; DialMask = ''; PstnUsage = 'AU-Emergency' }, @{ DialString = '112'; DialMask = ''; PstnUsage = 'AU-Emergency' }) }
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
    Invoke-Check 'prereq:connect' 'Microsoft Teams' 'Connect-MicrosoftTeams' {
        Connect-TeamsIfNeeded
        return $true
    }
    # R3: Shared Calling exists in public clouds only; the tenant's cloud cannot be read reliably here.
    Write-StepLog 'prereq:cloud' 'Tenant' 'Check public cloud (R3)' 'Manual' 'Shared Calling is available in public clouds only (not GCC High or DoD): confirm the tenant.'

    # RA8: every resource-account number gets a pinned emergency location.
    foreach ($site in $Plan.Sites) {
        Invoke-Check ('prereq:site:{0}:location' -f $site.Id) $site.Name 'Check LIS location (RA8)' {
            if (-not $site.LocationId) { return 'RA8: the plan has no LIS LocationId for this site' }
            $location = Invoke-Lookup { Get-CsOnlineLisLocation -LocationId $site.LocationId -ErrorAction Stop }
            if ($null -ne $location) { return $true }
            return ('LIS location {0} not found (Get-CsOnlineLisLocation)' -f $site.LocationId)
        }
    }

    # E2, RA11: PSTN usages named by the plan must exist (Set-CsOnlinePstnUsage, done by the Direct Routing admin).
    $plannedUsages = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
    foreach ($vrp in $Plan.VoiceRoutingPolicies) { foreach ($usage in $vrp.PstnUsages) { if ($usage) { $null = $plannedUsages.Add($usage) } } }
    foreach ($ecrp in $Plan.EmergencyPolicies) { foreach ($entry in $ecrp.Numbers) { if ($entry.PstnUsage) { $null = $plannedUsages.Add($entry.PstnUsage) } } }
    if ($plannedUsages.Count -gt 0) {
        $tenantUsages = @()
        $usageRecord = Invoke-Lookup { Get-CsOnlinePstnUsage -Identity 'Global' -ErrorAction Stop }
        if ($null -ne $usageRecord) { $tenantUsages = @($usageRecord.Usage) }
        foreach ($usage in ($plannedUsages | Sort-Object)) {
            Invoke-Check ('prereq:usage:{0}' -f $usage) $usage 'Check online PSTN usage exists (E2, RA11)' {
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

    # RA2, RA9: licences for resource accounts (Microsoft Graph, read only here).
    $licensedAccounts = @($Plan.ResourceAccounts | Where-Object { $_.Licence -ne 'none' -or $_.PayAsYouGo })
    if ($licensedAccounts.Count -gt 0) {
        if (Connect-GraphIfNeeded) {
            $skus = @(Invoke-WithBackoff { Get-MgSubscribedSku -All -ErrorAction Stop })
            $licenceChecks = @(
                @{ Pattern = 'PHONESYSTEM_VIRTUALUSER*'; Label = 'Microsoft Teams Phone Resource Account (RA2)'; Needed = $licensedAccounts.Count },
                @{ Pattern = 'Microsoft_Teams_Calling_Plan_pay_as_you_go*'; Label = 'Calling Plan pay-as-you-go (RA9)'; Needed = @($licensedAccounts | Where-Object { $_.PayAsYouGo }).Count }
            )
            foreach ($licenceCheck in $licenceChecks) {
                if ($licenceCheck.Needed -eq 0) { continue }
                Invoke-Check ('prereq:licence:{0}' -f $licenceCheck.Pattern) $licenceCheck.Label 'Check licences available' {
                    $free = 0
                    foreach ($sku in @($skus | Where-Object { $_.SkuPartNumber -like $licenceCheck.Pattern })) {
                        $free += [int]$sku.PrepaidUnits.Enabled - [int]$sku.ConsumedUnits
                    }
                    if ($free -ge $licenceCheck.Needed) { return $true }
                    return ('{0} free, {1} needed (accounts already licensed need none)' -f $free, $licenceCheck.Needed)
                }
            }
            # RA9: Communications Credits (MCOPSTNC, also listed as MCOPSTNPP) fund pay-as-you-go calls.
            if (@($licensedAccounts | Where-Object { $_.PayAsYouGo }).Count -gt 0) {
                Invoke-Check 'prereq:licence:credits' 'Communications Credits (RA9)' 'Check Communications Credits' {
                    if (@($skus | Where-Object { $_.SkuPartNumber -eq 'MCOPSTNC' -or $_.SkuPartNumber -eq 'MCOPSTNPP' }).Count -gt 0) { return $true }
                    return 'RA9: no Communications Credits subscription; fund pay-as-you-go calls another way (New Commerce post-pay) or buy them'
                }
            }
        } else {
            Write-StepLog 'prereq:licences' 'Licences' 'Check licences (RA2, RA9)' 'Manual' 'Microsoft Graph not used: check the Teams Phone Resource Account and pay-as-you-go licences in the Microsoft 365 admin center.'
        }
    }
} catch {
    Write-StepLog 'stage' $script:StageName 'Run stage' 'Failed' $_.Exception.Message
}
Complete-Stage
