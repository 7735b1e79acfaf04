# SimTenant: the behaviour behind the simulated MicrosoftTeams and Microsoft Graph modules.
#
# The generated modules (tests/powershell/.build/Modules, written by build.mjs) declare every cmdlet
# with the public reference's parameter sets; each body calls Invoke-SimCmdlet, which
#   1. logs the call (env SIM_CALL_LOG, JSONL),
#   2. applies the configured faults (behaviour in the snapshot, overridden by env SIM_FAULTS),
#   3. runs the behaviour SimImpl-<Cmdlet> against the tenant state (env SIM_TENANT, JSON),
#   4. saves the state after a successful mutating call (or only on Save-SimTenant / exit with
#      SIM_SAVE=end), and
#   5. reports an error as the real binary cmdlets do: an ErrorRecord whose exception is a
#      SimTenant.RestException carrying a real HttpResponseMessage, terminating under
#      -ErrorAction Stop (or a caller's $ErrorActionPreference = 'Stop'), non-terminating otherwise.
# Start-Sleep and Get-Date are shadowed: they use a virtual clock (see SimTenant.Core.ps1).
# Rule ids (V1, RA2, EN4, ...) refer to the project's Shared Calling domain reference.
#
# One file on purpose: in PowerShell 7.6.9 a module that dot-sources a script while it is loaded by
# a script's `#Requires -Modules` makes that script's `exit <n>` end the process with 0 (see
# README.md); the stage scripts' exit codes must survive.
#
# Sections: CORE (types, state, log, clock, faults, dispatcher) - TEAMS (SimImpl-<Cmdlet>) - GRAPH.

Set-StrictMode -Version 1.0


# ===============================================================================================
# CORE
# ===============================================================================================
# SimTenant core: compiled types, state (load, index, save), call log, virtual clock, faults and the
# dispatcher Invoke-SimCmdlet. Dot-sourced by SimTenant.psm1.

# ---------------------------------------------------------------------------------------------
# Compiled types (SimTenant.RestException, SimTenant.Json), cached per source hash in .build/.
# ---------------------------------------------------------------------------------------------
# Top-level code here runs cmdlets and .NET calls only, never a function or script block: see the
# note at the top of this file and README.md (PowerShell issue #23887).
if (-not ('SimTenant.RestException' -as [type])) {
    $sourcePath = Join-Path $PSScriptRoot 'SimTenant.cs'
    $source = [System.IO.File]::ReadAllText($sourcePath)
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $hash = ([System.BitConverter]::ToString($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($source + $PSVersionTable.PSVersion))) -replace '-', '').Substring(0, 16)
    $cacheDir = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../.build'))
    $dll = Join-Path $cacheDir ('SimTenant.{0}.dll' -f $hash)
    if (-not (Test-Path -LiteralPath $dll)) {
        $null = New-Item -ItemType Directory -Path $cacheDir -Force -WhatIf:$false
        $temp = Join-Path $cacheDir ('SimTenant.{0}.{1}.tmp.dll' -f $hash, [System.Diagnostics.Process]::GetCurrentProcess().Id)
        Add-Type -TypeDefinition $source -OutputAssembly $temp -ReferencedAssemblies @('System.Net.Http', 'System.Net.Primitives', 'System.Text.Json', 'System.Collections', 'System.Collections.Specialized', 'System.Collections.NonGeneric', 'System.Management.Automation', 'System.Runtime', 'System.Threading', 'System.Memory', 'System.Text.Encodings.Web', 'netstandard')
        try { [System.IO.File]::Move($temp, $dll) } catch { if (-not (Test-Path -LiteralPath $dll)) { throw } }
    }
    Add-Type -Path $dll
}
# The first runspace that imports the engine owns the main virtual clock (see SimTenant.Shared).
[SimTenant.Shared]::ClaimOwner()

# ---------------------------------------------------------------------------------------------
# Engine state (one per PowerShell process)
# ---------------------------------------------------------------------------------------------
# $script: variables are per runspace (each runspace of ForEach-Object -Parallel imports its own
# copy of this module), so the state lives in [SimTenant.Shared]::Sim and every runspace's $script:Sim
# points at that one table once it has made a call. Calls hold [SimTenant.Shared]::Gate.
$script:Sim = @{ Initialized = $false }
$script:CmdletInfo = @{}

# The state is loaded on the first call of an exported function (not at import: see above).
function Use-Sim {
    if ($script:Sim.Initialized) { return }
    [SimTenant.Shared]::Enter()
    try {
        if ($null -eq [SimTenant.Shared]::Sim) {
            Initialize-SimTenant
            [SimTenant.Shared]::Sim = $script:Sim
        } else {
            $script:Sim = [SimTenant.Shared]::Sim
        }
    } finally {
        [SimTenant.Shared]::Exit()
    }
}

$script:DefaultBehaviour = [ordered]@{
    eventualConsistency = [ordered]@{ resourceAccountHiddenCalls = 0 }
    throttling = [ordered]@{ maxCalls = 0; windowSeconds = 60; retryAfterSeconds = 30; cmdlets = @() }
    transientFailures = @()
    accessDenied = @()
    userFailures = @()
    batch = [ordered]@{ pollsUntilInProgress = 2; pollsUntilComplete = 3; completeWord = 'Completed'; userErrors = [ordered]@{}; missingFromUserState = @() }
    latency = [ordered]@{ readMs = 0; writeMs = 0; batchMs = 0; realSleep = $false }
    sessionPerRunspace = $false
    policyValueForm = 'name'
    refuseRemovingAssignedPolicy = $true
    resourceAccountCallingPlanLicenceRequired = $true
    virtualGetDate = $true
}

# Object builders: local in the real module (no service call), never tenant calls.
$script:LocalCmdlets = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
foreach ($localName in @('New-CsAutoAttendantCallFlow', 'New-CsAutoAttendantDialScope', 'New-CsAutoAttendantMenu',
        'New-CsAutoAttendantMenuOption', 'New-CsAutoAttendantPrompt', 'New-CsAutoAttendantCallableEntity',
        'New-CsTeamsEmergencyNumber', 'Get-MgContext')) { $null = $script:LocalCmdlets.Add($localName) }
# Session cmdlets: not tenant calls (no tenant data read or written), not mutating.
$script:SessionCmdlets = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
foreach ($sessionName in @('Connect-MicrosoftTeams', 'Disconnect-MicrosoftTeams', 'Connect-MgGraph', 'Disconnect-MgGraph')) { $null = $script:SessionCmdlets.Add($sessionName) }
$script:ReadOnlyTenantCalls = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
foreach ($readName in @('Find-CsGroup', 'Export-CsAcquiredPhoneNumber')) { $null = $script:ReadOnlyTenantCalls.Add($readName) }

function Test-SimMutating {
    param([string]$CmdletName)
    if ($script:LocalCmdlets.Contains($CmdletName) -or $script:SessionCmdlets.Contains($CmdletName) -or $script:ReadOnlyTenantCalls.Contains($CmdletName)) { return $false }
    $verb = $CmdletName.Split('-')[0]
    return @('New', 'Set', 'Grant', 'Remove', 'Update', 'Sync', 'Register', 'Unregister', 'Clear', 'Add', 'Move', 'Enable', 'Disable', 'Complete', 'Import') -contains $verb
}

function Get-SimCallClass {
    param([string]$CmdletName)
    if ($CmdletName -like '*BatchPolicyAssignmentOperation') { return 'batch' }
    if (Test-SimMutating $CmdletName) { return 'write' }
    return 'read'
}

function Test-SimTeamsCmdlet {
    param([string]$CmdletName)
    return ($CmdletName -notlike '*-Mg*')
}

function Initialize-SimTenant {
    $script:Sim = @{
        Initialized = $true
        Path = $env:SIM_TENANT
        SaveMode = 'each'
        Dirty = $false
        State = $null
        SnapshotBehaviour = $null
        Behaviour = $null
        Seq = 0
        ClockStart = [datetime]::Now
        TeamsConnected = $false
        GraphContext = $null
        CallCounts = New-Object 'System.Collections.Generic.Dictionary[string,int]' ([System.StringComparer]::OrdinalIgnoreCase)
        TenantCalls = 0
        MutatingCalls = 0
            Hidden = New-Object 'System.Collections.Generic.Dictionary[string,int]' ([System.StringComparer]::OrdinalIgnoreCase)
        LogWriter = $null
        CurrentCall = $null
        FinalNewline = $true
    }
    if ($env:SIM_SAVE -eq 'end') { $script:Sim.SaveMode = 'end' }
    # SIM_PROFILE=<path>: time spent in the engine per cmdlet, written when the process ends.
    $script:Sim.Profile = $null
    if ($env:SIM_PROFILE) { $script:Sim.Profile = @{} }
    if ($env:SIM_TENANT) {
        if (-not (Test-Path -LiteralPath $env:SIM_TENANT)) { throw ('SimTenant: SIM_TENANT names {0}, which does not exist.' -f $env:SIM_TENANT) }
        $script:Sim.Path = [System.IO.Path]::GetFullPath($env:SIM_TENANT)
        $text = [System.IO.File]::ReadAllText($script:Sim.Path, [System.Text.UTF8Encoding]::new($false))
        # Saved files keep the loaded file's convention for the final newline (JSON.stringify gives none).
        $script:Sim.FinalNewline = $text.EndsWith("`n")
        try { $state = [SimTenant.Json]::Parse($text) } catch { throw ('SimTenant: {0} is not valid JSON: {1}' -f $script:Sim.Path, $_.Exception.Message) }
    } else {
        $state = [SimTenant.Json]::Parse('{}')
    }
    $script:Sim.State = [SimTenant.Data]::Unwrap((Complete-SimState $state))
    $script:Sim.SnapshotBehaviour = $script:Sim.State['behaviour']
    $script:Sim.Behaviour = Merge-SimBehaviour $script:DefaultBehaviour $script:Sim.SnapshotBehaviour
    if ($env:SIM_FAULTS) {
        if (-not (Test-Path -LiteralPath $env:SIM_FAULTS)) { throw ('SimTenant: SIM_FAULTS names {0}, which does not exist.' -f $env:SIM_FAULTS) }
        $faults = [SimTenant.Json]::Parse([System.IO.File]::ReadAllText($env:SIM_FAULTS))
        if ($faults.Contains('behaviour')) { $faults = $faults['behaviour'] }
        $script:Sim.Behaviour = Merge-SimBehaviour $script:Sim.Behaviour $faults
    }
    Update-SimIndexes
    $b = $script:Sim.Behaviour
    $script:Sim.AnyFault = ([SimTenant.Data]::Items($b['accessDenied']).Count -gt 0) -or ([int]$b['throttling']['maxCalls'] -gt 0) -or
        ([SimTenant.Data]::Items($b['transientFailures']).Count -gt 0) -or ([SimTenant.Data]::Items($b['userFailures']).Count -gt 0)
    if ($env:SIM_CALL_LOG) {
        $logPath = [System.IO.Path]::GetFullPath($env:SIM_CALL_LOG)
        $logDir = [System.IO.Path]::GetDirectoryName($logPath)
        if (-not [System.IO.Directory]::Exists($logDir)) { $null = [System.IO.Directory]::CreateDirectory($logDir) }
        # Continue the sequence and the virtual clock of an earlier process writing the same log.
        if ([System.IO.File]::Exists($logPath)) {
            $lastLine = $null
            foreach ($line in [System.IO.File]::ReadLines($logPath)) { if ($line) { $lastLine = $line } }
            if ($lastLine) {
                try {
                    $last = [SimTenant.Json]::Parse($lastLine)
                    $script:Sim.Seq = [int]$last['seq']
                    [SimTenant.Shared]::SetClock([double]$last['virtualTime'])
                } catch { }
            }
        }
        $stream = [System.IO.FileStream]::new($logPath, [System.IO.FileMode]::Append, [System.IO.FileAccess]::Write, [System.IO.FileShare]::ReadWrite)
        $script:Sim.LogWriter = [System.IO.StreamWriter]::new($stream, [System.Text.UTF8Encoding]::new($false))
        $script:Sim.LogWriter.AutoFlush = $true
    }
}

# Deep merge of behaviour objects: dictionaries merge key by key, anything else replaces.
function Merge-SimBehaviour {
    param($Base, $Override)
    $result = [ordered]@{}
    if ($null -ne $Base) { foreach ($key in [SimTenant.Data]::Items($Base.Keys)) { $result[$key] = $Base[$key] } }
    if ($null -eq $Override) { return $result }
    foreach ($key in [SimTenant.Data]::Items($Override.Keys)) {
        $baseValue = $result[$key]
        $value = $Override[$key]
        if ($baseValue -is [System.Collections.IDictionary] -and $value -is [System.Collections.IDictionary]) {
            $result[$key] = Merge-SimBehaviour $baseValue $value
        } else {
            $result[$key] = $value
        }
    }
    return $result
}


# Adds the top-level collections a snapshot may leave out (kept out of the file until written).
function Complete-SimState {
    param($State)
    foreach ($listName in @('skus', 'users', 'phoneNumbers', 'lisLocations', 'autoAttendants', 'associations', 'pstnUsages', 'groups', 'groupPolicyAssignments', 'batchOperations')) {
        if (-not $State.Contains($listName) -or $null -eq $State[$listName]) { $State[$listName] = [SimTenant.Data]::NewList() }
    }
    foreach ($mapName in @('tenant', 'policies')) {
        if (-not $State.Contains($mapName) -or $null -eq $State[$mapName]) { $State[$mapName] = [SimTenant.Data]::NewMap() }
    }
    foreach ($policyType in @('TeamsSharedCallingRoutingPolicy', 'TeamsEmergencyCallRoutingPolicy', 'OnlineVoiceRoutingPolicy')) {
        if (-not $State['policies'].Contains($policyType)) { $State['policies'][$policyType] = [SimTenant.Data]::NewList() }
    }
    $tenant = $State['tenant']
    if (-not $tenant.Contains('tenantId')) { $tenant['tenantId'] = '00000000-0000-4000-8000-00000000c0de' }
    if (-not $tenant.Contains('displayName')) { $tenant['displayName'] = 'Simulated tenant' }
    if (-not $tenant.Contains('defaultDomain')) { $tenant['defaultDomain'] = 'contoso.onmicrosoft.com' }
    if (-not $tenant.Contains('cloud')) { $tenant['cloud'] = 'commercial' }
    return $State
}

# Hashtable indexes: no O(n) scan per call (100,000-user benchmark).
function Update-SimIndexes {
    $indexes = [SimTenant.Data]::BuildIndexes($script:Sim.State)
    foreach ($name in @('UsersById', 'UsersByUpn', 'Numbers', 'NumbersByTarget', 'Skus', 'Groups', 'GroupMembers', 'UserGroups')) {
        $script:Sim[$name] = $indexes[$name]
    }
}

function Add-SimMembership {
    param([string]$GroupId, [string]$UserId)
    $null = $script:Sim.GroupMembers[$GroupId].Add($UserId)
    if (-not $script:Sim.UserGroups.ContainsKey($UserId)) { $script:Sim.UserGroups[$UserId] = [System.Collections.Generic.List[string]]::new() }
    $script:Sim.UserGroups[$UserId].Add($GroupId)
}

function Remove-SimMembership {
    param([string]$GroupId, [string]$UserId)
    $null = $script:Sim.GroupMembers[$GroupId].Remove($UserId)
    if ($script:Sim.UserGroups.ContainsKey($UserId)) { $null = $script:Sim.UserGroups[$UserId].Remove($GroupId) }
}

function Add-SimNumberIndex {
    param($Number)
    $script:Sim.Numbers[[SimTenant.Data]::NumberKey($Number['telephoneNumber'])] = $Number
    $target = [string]$Number['assignedPstnTargetId']
    if ($target) {
        if (-not $script:Sim.NumbersByTarget.ContainsKey($target)) { $script:Sim.NumbersByTarget[$target] = [SimTenant.Data]::NewList() }
        $script:Sim.NumbersByTarget[$target].Add($Number)
    }
}

function Remove-SimNumberTarget {
    param($Number)
    $target = [string]$Number['assignedPstnTargetId']
    if ($target -and $script:Sim.NumbersByTarget.ContainsKey($target)) { $null = $script:Sim.NumbersByTarget[$target].Remove($Number) }
}

function Set-SimNumberTarget {
    param($Number, [string]$Target, [string]$Status, [string]$Category)
    Remove-SimNumberTarget $Number
    $Number['assignedPstnTargetId'] = $(if ($Target) { $Target } else { $null })
    $Number['pstnAssignmentStatus'] = $Status
    $Number['assignmentCategory'] = $(if ($Target) { $Category } else { $null })
    if ($Target) {
        if (-not $script:Sim.NumbersByTarget.ContainsKey($Target)) { $script:Sim.NumbersByTarget[$Target] = [SimTenant.Data]::NewList() }
        $script:Sim.NumbersByTarget[$Target].Add($Number)
    }
}

function Get-SimNumbersOf {
    param([string]$Target)
    if ($script:Sim.NumbersByTarget.ContainsKey($Target)) { return ,@($script:Sim.NumbersByTarget[$Target].ToArray()) }
    return ,@()
}

function ConvertTo-SimNumberKey {
    param([string]$Number)
    return [SimTenant.Data]::NumberKey($Number)
}

# ---------------------------------------------------------------------------------------------
# Saving
# ---------------------------------------------------------------------------------------------
function Save-SimTenant {
    [CmdletBinding()]
    param()
    Use-Sim
    if (-not $script:Sim.Path) { return }
    $state = $script:Sim.State
    # Faults from SIM_FAULTS are never saved: the snapshot keeps its own behaviour object.
    $text = [SimTenant.Json]::Serialize($state, 2)
    if ($script:Sim.FinalNewline) { $text += "`n" }
    $temp = $script:Sim.Path + '.tmp'
    [System.IO.File]::WriteAllText($temp, $text, [System.Text.UTF8Encoding]::new($false))
    [System.IO.File]::Move($temp, $script:Sim.Path, $true)
    $script:Sim.Dirty = $false
}

function Save-SimTenantIfDirty {
    if (-not $script:Sim.Initialized) { return }
    # Only the owner runspace saves at exit (a worker runspace closing must not write the snapshot).
    if (-not [SimTenant.Shared]::IsOwner) { return }
    if ($null -ne $script:Sim.Profile -and $script:Sim.Profile.Count -gt 0) {
        $lines = foreach ($key in ($script:Sim.Profile.Keys | Sort-Object)) {
            $row = $script:Sim.Profile[$key]
            "{0}`t{1}`t{2:0.0}" -f $key, $row[0], ($row[1] * 1000.0 / [System.Diagnostics.Stopwatch]::Frequency)
        }
        [System.IO.File]::WriteAllLines($env:SIM_PROFILE, [string[]]@("cmdlet`tcalls`tengine ms") + @($lines))
    }
    if ($script:Sim.Dirty) { Save-SimTenant }
    if ($null -ne $script:Sim.LogWriter) { $script:Sim.LogWriter.Flush() }
}

function Set-SimDirty { $script:Sim.Dirty = $true }

function Get-SimTenantState { Use-Sim; return $script:Sim.State }
function Get-SimVirtualTime { Use-Sim; return [SimTenant.Shared]::Now() }
function Get-SimCallCount { Use-Sim; return [pscustomobject]@{ Calls = $script:Sim.Seq; TenantCalls = $script:Sim.TenantCalls; MutatingCalls = $script:Sim.MutatingCalls } }

# ---------------------------------------------------------------------------------------------
# Call log
# ---------------------------------------------------------------------------------------------
function ConvertTo-SimLogValue {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [System.Management.Automation.PSObject] -and $Value.BaseObject -isnot [System.Management.Automation.PSCustomObject]) { $Value = $Value.BaseObject }
    if ($Value -is [System.Security.SecureString] -or $Value -is [System.Management.Automation.PSCredential]) { return '***' }
    if ($Value -is [System.Security.Cryptography.X509Certificates.X509Certificate2]) { return ('certificate ' + $Value.Thumbprint) }
    if ($Value -is [bool]) { return $Value }
    if ($Value -is [System.Management.Automation.SwitchParameter]) { return $Value.IsPresent }
    if ($Value -is [string]) { return $Value }
    if ($Value -is [System.Collections.IDictionary]) {
        $map = [SimTenant.Data]::NewMap()
        foreach ($key in [SimTenant.Data]::Items($Value.Keys)) { $map[[string]$key] = ConvertTo-SimLogValue $Value[$key] }
        return $map
    }
    if ($Value -is [System.Management.Automation.PSCustomObject] -or ($Value -is [System.Management.Automation.PSObject])) {
        $map = [SimTenant.Data]::NewMap()
        foreach ($property in $Value.PSObject.Properties) { $map[$property.Name] = ConvertTo-SimLogValue $property.Value }
        return $map
    }
    if ($Value -is [System.Collections.IEnumerable]) {
        $list = [SimTenant.Data]::NewList()
        foreach ($item in $Value) { $list.Add((ConvertTo-SimLogValue $item)) }
        return ,$list
    }
    return [string]$Value
}

function Write-SimLog {
    param($Entry)
    if ($null -eq $script:Sim.LogWriter) { return }
    $script:Sim.LogWriter.WriteLine([SimTenant.Json]::Serialize($Entry, 0))
}

# ---------------------------------------------------------------------------------------------
# Virtual clock: Start-Sleep and Get-Date
# ---------------------------------------------------------------------------------------------
function Start-Sleep {
    [CmdletBinding(DefaultParameterSetName = 'Seconds')]
    param(
        [Parameter(ParameterSetName = 'Seconds', Mandatory = $true, Position = 0, ValueFromPipeline = $true)]
        [double]$Seconds,
        [Parameter(ParameterSetName = 'Milliseconds', Mandatory = $true)]
        [Alias('ms')]
        [int]$Milliseconds,
        [Parameter(ParameterSetName = 'FromTimeSpan', Mandatory = $true)]
        [Alias('ts')]
        [timespan]$Duration
    )
    Use-Sim
    $delay = switch ($PSCmdlet.ParameterSetName) {
        'Milliseconds' { $Milliseconds / 1000.0 }
        'FromTimeSpan' { $Duration.TotalSeconds }
        default { $Seconds }
    }
    [SimTenant.Shared]::Enter()
    try {
        $script:Sim.Seq++
        $sleptTo = [SimTenant.Shared]::Advance($delay)
        $entry = [ordered]@{
            seq = $script:Sim.Seq; cmdlet = 'Start-Sleep'; parameterSet = $PSCmdlet.ParameterSetName
            parameters = [ordered]@{ Seconds = $delay }; tenantCall = $false; mutating = $false
            outcome = 'ok'; status = $null; error = $null; virtualTime = $sleptTo
        }
        Write-SimLog $entry
    } finally {
        [SimTenant.Shared]::Exit()
    }
}

function Get-Date {
    # Shadows Get-Date so that waits measured with it (deadlines, back-off) follow the virtual clock.
    Use-Sim
    if (-not $script:Sim.Behaviour['virtualGetDate']) { return (Microsoft.PowerShell.Utility\Get-Date @args) }
    $now = $script:Sim.ClockStart.AddSeconds([SimTenant.Shared]::Now())
    if ($args.Count -eq 0) { return $now }
    # An explicit date (-Date, or a first positional argument) is the caller's, not the clock's.
    $hasDate = -not ($args[0] -is [string] -and $args[0].StartsWith('-'))
    foreach ($arg in $args) { if ($arg -is [string] -and $arg -match '^-(?i)Date:?$') { $hasDate = $true } }
    if ($hasDate) { return (Microsoft.PowerShell.Utility\Get-Date @args) }
    return (Microsoft.PowerShell.Utility\Get-Date -Date $now @args)
}

# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------
$script:HttpMethods = @{ Get = 'GET'; Find = 'GET'; New = 'POST'; Set = 'PUT'; Grant = 'POST'; Remove = 'DELETE'; Update = 'PATCH'; Export = 'POST' }

# Throws the service error (caught by Invoke-SimCmdlet and reported the way the real cmdlet does).
function Stop-SimCall {
    param([int]$Status, [string]$Code, [string]$Message, [int]$RetryAfter = -1)
    $call = $script:Sim.CurrentCall
    $name = 'Invoke-Sim'
    if ($null -ne $call) { $name = $call.Name }
    $verb = $name.Split('-')[0]
    $method = $script:HttpMethods[$verb]
    if (-not $method) { $method = 'POST' }
    if ($name -like '*-Mg*') { $uri = 'https://graph.microsoft.com/v1.0/' + ($name.Split('-')[1]) }
    else { $uri = 'https://api.interfaces.records.teams.microsoft.com/Teams.PowerShell/' + ($name.Split('-')[1]) }
    throw [SimTenant.RestException]::new($Status, $Code, $Message, $method, $uri, $RetryAfter)
}

function Get-SimErrorCategory {
    param([int]$Status)
    switch ($Status) {
        400 { return [System.Management.Automation.ErrorCategory]::InvalidArgument }
        401 { return [System.Management.Automation.ErrorCategory]::AuthenticationError }
        403 { return [System.Management.Automation.ErrorCategory]::PermissionDenied }
        404 { return [System.Management.Automation.ErrorCategory]::ObjectNotFound }
        409 { return [System.Management.Automation.ErrorCategory]::ResourceExists }
        429 { return [System.Management.Automation.ErrorCategory]::LimitsExceeded }
        503 { return [System.Management.Automation.ErrorCategory]::ResourceUnavailable }
        default { return [System.Management.Automation.ErrorCategory]::NotSpecified }
    }
}

function New-SimErrorRecord {
    param([System.Exception]$Exception, [string]$CmdletName, $Target)
    $code = 'Error'
    $status = 0
    if ($Exception -is [SimTenant.RestException]) { $code = $Exception.Code; $status = $Exception.StatusCode }
    $suffix = $CmdletName -replace '-', ''
    if ($CmdletName -like '*-Mg*') { $fqid = '{0},Microsoft.Graph.PowerShell.Cmdlets.{1}' -f $code, $suffix }
    else { $fqid = '{0},Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Cmdlets.{1}' -f $code, $suffix }
    return [System.Management.Automation.ErrorRecord]::new($Exception, $fqid, (Get-SimErrorCategory $status), $Target)
}

# ---------------------------------------------------------------------------------------------
# Faults
# ---------------------------------------------------------------------------------------------
function Test-SimNameListed {
    param($List, [string]$CmdletName)
    foreach ($item in [SimTenant.Data]::Items($List)) { if ($null -ne $item -and [string]$item -ieq $CmdletName) { return $true } }
    return $false
}

function Invoke-SimFaults {
    param([string]$CmdletName, [hashtable]$P, [bool]$TenantCall)
    if (-not $script:Sim.AnyFault) { return }
    $behaviour = $script:Sim.Behaviour
    # Access denied (403) for the named cmdlets, always.
    if (Test-SimNameListed $behaviour['accessDenied'] $CmdletName) {
        if ($CmdletName -like '*-Mg*') { Stop-SimCall 403 'Authorization_RequestDenied' 'Insufficient privileges to complete the operation.' }
        Stop-SimCall 403 'Forbidden' ('Access denied: the signed-in account is not allowed to run {0} (HTTP 403 Forbidden).' -f $CmdletName)
    }
    if (-not $TenantCall) { return }
    # Throttling: 429 once maxCalls tenant calls were made within windowSeconds of virtual time.
    $throttling = $behaviour['throttling']
    if ($null -ne $throttling -and [int]$throttling['maxCalls'] -gt 0) {
        $scope = [SimTenant.Data]::Items($throttling['cmdlets'])
        if ($scope.Count -eq 0 -or (Test-SimNameListed $scope $CmdletName)) {
            # Counted in virtual time on the caller's lane (SimTenant.Shared.Throttled).
            if ([SimTenant.Shared]::Throttled([SimTenant.Shared]::Now(), [double]$throttling['windowSeconds'], [int]$throttling['maxCalls'])) {
                $retry = [int]$throttling['retryAfterSeconds']
                if ($CmdletName -like '*-Mg*') { Stop-SimCall 429 'TooManyRequests' ('Too many requests. Retry after {0} seconds.' -f $retry) $retry }
                Stop-SimCall 429 'TooManyRequests' ('The request was throttled (HTTP 429 Too Many Requests). Retry after {0} seconds.' -f $retry) $retry
            }
        }
    }
    # Transient failures (503 by default) on the Nth call of a cmdlet, or on every Mth call.
    $count = $script:Sim.CallCounts[$CmdletName]
    foreach ($fault in [SimTenant.Data]::Items($behaviour['transientFailures'])) {
        if ($null -eq $fault -or [string]$fault['cmdlet'] -ine $CmdletName) { continue }
        $hit = $false
        if ($fault.Contains('onCall') -and [int]$fault['onCall'] -eq $count) { $hit = $true }
        if ($fault.Contains('onCalls') -and (@($fault['onCalls'] | ForEach-Object { [int]$_ }) -contains $count)) { $hit = $true }
        if ($fault.Contains('everyNth') -and [int]$fault['everyNth'] -gt 0 -and ($count % [int]$fault['everyNth']) -eq 0) { $hit = $true }
        if ($hit) {
            $status = 503
            if ($fault.Contains('status')) { $status = [int]$fault['status'] }
            $message = 'The service is temporarily unavailable (HTTP 503 Service Unavailable). Try again later.'
            if ($fault.Contains('message')) { $message = [string]$fault['message'] }
            Stop-SimCall $status 'ServiceUnavailable' $message
        }
    }
    # Per-user failures: the Identity / UserId names one of the listed users.
    foreach ($fault in [SimTenant.Data]::Items($behaviour['userFailures'])) {
        if ($null -eq $fault -or [string]$fault['cmdlet'] -ine $CmdletName) { continue }
        $identity = $null
        foreach ($key in @('Identity', 'UserId', 'UserPrincipalName')) { if ($P.ContainsKey($key)) { $identity = [string]$P[$key]; break } }
        if (-not $identity) { continue }
        $user = Find-SimUser $identity -IgnoreVisibility
        foreach ($listed in [SimTenant.Data]::Items($fault['users'])) {
            $listedText = [string]$listed
            if ($listedText -ieq $identity -or ($null -ne $user -and ($listedText -ieq [string]$user['userPrincipalName'] -or $listedText -ieq [string]$user['objectId']))) {
                $status = 400
                if ($fault.Contains('status')) { $status = [int]$fault['status'] }
                $message = 'The request failed for this user.'
                if ($fault.Contains('message')) { $message = [string]$fault['message'] }
                $code = 'BadRequest'
                if ($fault.Contains('code')) { $code = [string]$fault['code'] }
                Stop-SimCall $status $code $message
            }
        }
    }
}

# A new resource account stays unknown to the Teams cmdlets for N Teams calls after its creation.
function Add-SimHidden {
    param([string]$ObjectId)
    $calls = [int]$script:Sim.Behaviour['eventualConsistency']['resourceAccountHiddenCalls']
    if ($calls -gt 0) { $script:Sim.Hidden[$ObjectId] = $calls + 1 }
}

function Step-SimHidden {
    if ($script:Sim.Hidden.Count -eq 0) { return }
    foreach ($key in [SimTenant.Data]::Items($script:Sim.Hidden.Keys)) {
        $left = $script:Sim.Hidden[$key] - 1
        if ($left -le 0) { $null = $script:Sim.Hidden.Remove($key) } else { $script:Sim.Hidden[$key] = $left }
    }
}

# ---------------------------------------------------------------------------------------------
# Dispatcher
# ---------------------------------------------------------------------------------------------
$script:CommonParameterNames = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
foreach ($commonName in [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters) { $null = $script:CommonParameterNames.Add($commonName) }

function Get-SimCallerPreference {
    param($Cmdlet, [string]$Name, $Default)
    try {
        $value = $Cmdlet.SessionState.PSVariable.GetValue($Name)
        if ($null -ne $value) { return $value }
    } catch { }
    return $Default
}

# A plain (not advanced) function: it runs once per simulated call, and binding is its main cost.
function Invoke-SimCmdlet {
    param([string]$Name, [string]$ParameterSetName, [System.Collections.IDictionary]$Bound, $Cmdlet)
    Use-Sim
    # One call at a time per process, whichever runspace makes it (ForEach-Object -Parallel).
    [SimTenant.Shared]::Enter()
    try {
        $profileStart = [System.Diagnostics.Stopwatch]::GetTimestamp()
        $P = @{}
        foreach ($key in $Bound.Keys) { if (-not $script:CommonParameterNames.Contains($key)) { $P[$key] = $Bound[$key] } }
        $info = $script:CmdletInfo[$Name]
        if ($null -eq $info) {
            $isLocal = $script:LocalCmdlets.Contains($Name)
            $info = @{
                TenantCall = -not $isLocal -and -not $script:SessionCmdlets.Contains($Name)
                Mutating = Test-SimMutating $Name
                LatencyKey = (Get-SimCallClass $Name) + 'Ms'
                Teams = Test-SimTeamsCmdlet $Name
                SupportsWhatIf = ($null -ne $Cmdlet -and $Cmdlet.MyInvocation.MyCommand.Parameters.ContainsKey('WhatIf'))
                Impl = 'SimImpl-' + $Name
            }
            $info.ImplExists = [bool](Get-Command -Name $info.Impl -CommandType Function -ErrorAction SilentlyContinue)
            $script:CmdletInfo[$Name] = $info
        }
        $tenantCall = $info.TenantCall
        $mutating = $info.Mutating
        if (-not $script:Sim.CallCounts.ContainsKey($Name)) { $script:Sim.CallCounts[$Name] = 0 }
        $script:Sim.CallCounts[$Name]++
        $script:Sim.Seq++
        if ($tenantCall) { $script:Sim.TenantCalls++ }
        if ($mutating) { $script:Sim.MutatingCalls++ }

        # Latency per call class (virtual, on the caller's lane; also real with latency.realSleep).
        $callTime = [SimTenant.Shared]::Begin()
        $latency = $script:Sim.Behaviour['latency']
        if ($tenantCall -and $null -ne $latency) {
            $ms = [double]$latency[$info.LatencyKey]
            if ($ms -gt 0) {
                $callTime = [SimTenant.Shared]::Advance($ms / 1000.0)
                if ($latency['realSleep']) { [System.Threading.Thread]::Sleep([int]$ms) }
            }
        }
        $entry = [ordered]@{
            seq = $script:Sim.Seq; cmdlet = $Name; parameterSet = $ParameterSetName
            parameters = (ConvertTo-SimLogValue $P); tenantCall = $tenantCall; mutating = $mutating
            outcome = 'ok'; status = 200; error = $null; virtualTime = $callTime
        }
        $script:Sim.CurrentCall = @{ Name = $Name; Set = $ParameterSetName; Cmdlet = $Cmdlet; P = $P }

        # -WhatIf: a cmdlet that supports ShouldProcess changes nothing (the caller's $WhatIfPreference
        # counts, as for a binary cmdlet).
        $whatIf = $false
        if ($Bound.ContainsKey('WhatIf')) { $whatIf = [bool]$Bound['WhatIf'] }
        elseif ($null -ne $Cmdlet) { $whatIf = [bool](Get-SimCallerPreference $Cmdlet 'WhatIfPreference' $false) }
        # Reads never honour -WhatIf (some Get-* pages list it); changes and Connect-/Disconnect- do.
        $supportsWhatIf = $info.SupportsWhatIf -and ($mutating -or $script:SessionCmdlets.Contains($Name))

        $output = $null
        $failure = $null
        try {
            if ($tenantCall -or $Name -eq 'Get-MgContext') { Assert-SimConnected $Name }
            Invoke-SimFaults $Name $P $tenantCall
            if ($whatIf -and $supportsWhatIf) {
                $entry.outcome = 'whatif'
                $entry.status = $null
                Write-Host ('What if: Performing the operation "{0}" on target "{1}".' -f $Name, (Get-SimTargetText $P))
            } else {
                $implName = $info.Impl
                if (-not $info.ImplExists) {
                    Stop-SimCall 501 'NotImplemented' ('SimTenant has no behaviour for {0} yet: the simulated tenant cannot run this call.' -f $Name)
                }
                $output = @(& $implName $P $ParameterSetName)
                if ($mutating -and $entry.outcome -eq 'ok') { Set-SimDirty }
            }
        } catch {
            $failure = $_.Exception
            if ($failure -is [System.Management.Automation.MethodInvocationException] -and $null -ne $failure.InnerException) { $failure = $failure.InnerException }
            $entry.outcome = 'error'
            if ($failure -is [SimTenant.RestException]) { $entry.status = $failure.StatusCode }
            elseif ($failure -is [System.UnauthorizedAccessException] -or $failure -is [System.Security.Authentication.AuthenticationException]) { $entry.status = 401 }
            else {
                # A defect of the engine itself: report it loudly with where it happened.
                $entry.status = 500
                $failure = [System.InvalidOperationException]::new(('SimTenant engine error in {0}: {1} ({2})' -f $Name, $failure.Message, $_.InvocationInfo.PositionMessage), $failure)
            }
            $entry.error = $failure.Message
        }
        if ($tenantCall -and $info.Teams -and $script:Sim.Hidden.Count -gt 0) { Step-SimHidden }
        Write-SimLog $entry
        $script:Sim.CurrentCall = $null
        if ($script:Sim.Dirty -and $script:Sim.SaveMode -ne 'end') { Save-SimTenant }
        if ($null -ne $script:Sim.Profile) {
            $elapsed = [System.Diagnostics.Stopwatch]::GetTimestamp() - $profileStart
            if (-not $script:Sim.Profile.ContainsKey($Name)) { $script:Sim.Profile[$Name] = [long[]]@(0, 0) }
            $script:Sim.Profile[$Name][0] += 1
            $script:Sim.Profile[$Name][1] += $elapsed
        }
    } finally {
        [SimTenant.Shared]::Exit()
    }

    if ($null -ne $failure) {
        $record = New-SimErrorRecord $failure $Name (Get-SimTargetText $P)
        $action = $null
        if ($Bound.ContainsKey('ErrorAction')) { $action = [string]$Bound['ErrorAction'] }
        elseif ($null -ne $Cmdlet) { $action = [string](Get-SimCallerPreference $Cmdlet 'ErrorActionPreference' 'Continue') }
        if ($null -eq $Cmdlet) { throw $record }
        if ($action -eq 'Stop') { $Cmdlet.ThrowTerminatingError($record) }
        $Cmdlet.WriteError($record)
        return
    }
    foreach ($item in $output) { $item }
}

function Get-SimTargetText {
    param([hashtable]$P)
    foreach ($key in @('Identity', 'UserId', 'UserPrincipalName', 'TelephoneNumber', 'Name', 'GroupId', 'Identities', 'Instance', 'OperationId')) {
        if ($P.ContainsKey($key)) {
            $value = $P[$key]
            if ($key -eq 'Instance' -and $null -ne $value) { return [string](Get-SimField $value @('Id', 'Identity')) }
            return ([SimTenant.Data]::Items($value) -join ',')
        }
    }
    return ''
}

function Assert-SimConnected {
    param([string]$CmdletName)
    if ($CmdletName -like '*-Mg*') {
        if ($CmdletName -eq 'Get-MgContext') { return }
        if ($null -eq $script:Sim.GraphContext -or ($script:Sim.Behaviour['sessionPerRunspace'] -and -not [SimTenant.Shared]::ConnectedHere)) {
            throw [System.Security.Authentication.AuthenticationException]::new('Authentication needed. Please call Connect-MgGraph.')
        }
        return
    }
    if (-not $script:Sim.TeamsConnected -or ($script:Sim.Behaviour['sessionPerRunspace'] -and -not [SimTenant.Shared]::ConnectedHere)) {
        throw [System.UnauthorizedAccessException]::new('You must call the Connect-MicrosoftTeams cmdlet before calling any other cmdlets.')
    }
}

# ---------------------------------------------------------------------------------------------
# Shared helpers for the behaviours
# ---------------------------------------------------------------------------------------------
function New-SimGuid {
    param([string]$Kind, [string]$Key)
    $nonce = 0
    while ($true) {
        $sha = [System.Security.Cryptography.SHA256]::Create()
        $bytes = $sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes(('{0}|{1}|{2}|{3}' -f $script:Sim.State['tenant']['tenantId'], $Kind, $Key.ToLowerInvariant(), $nonce)))
        $guidBytes = [byte[]]$bytes[0..15]
        $guidBytes[7] = ($guidBytes[7] -band 0x0F) -bor 0x40
        $guidBytes[8] = ($guidBytes[8] -band 0x3F) -bor 0x80
        $id = ([guid]::new($guidBytes)).ToString()
        if (-not (Test-SimIdTaken $id)) { return $id }
        $nonce++
    }
}

function Test-SimIdTaken {
    param([string]$Id)
    if ($script:Sim.UsersById.ContainsKey($Id) -or $script:Sim.Groups.ContainsKey($Id)) { return $true }
    foreach ($aa in $script:Sim.State['autoAttendants']) { if ([string]$aa['identity'] -eq $Id) { return $true } }
    foreach ($op in $script:Sim.State['batchOperations']) { if ([string]$op['operationId'] -eq $Id) { return $true } }
    return $false
}

# Finds a user by objectId, UPN or SIP address. Teams cmdlets do not see a resource account that is
# still propagating (eventual consistency) unless -IgnoreVisibility.
function Find-SimUser {
    param([string]$Identity, [switch]$IgnoreVisibility)
    if (-not $Identity) { return $null }
    $key = $Identity.Trim()
    if ($key -match '^(?i)sip:') { $key = $key.Substring(4) }
    $user = $null
    if ($script:Sim.UsersById.ContainsKey($key)) { $user = $script:Sim.UsersById[$key] }
    elseif ($script:Sim.UsersByUpn.ContainsKey($key)) { $user = $script:Sim.UsersByUpn[$key] }
    if ($null -eq $user) { return $null }
    if (-not $IgnoreVisibility -and $script:Sim.Hidden.ContainsKey([string]$user['objectId'])) { return $null }
    return $user
}

function Get-SimUserOrFail {
    param([string]$Identity, [string]$What = 'user')
    $user = Find-SimUser $Identity
    if ($null -eq $user) {
        Stop-SimCall 404 'NotFound' ("Management object not found for identity '{0}'." -f $Identity)
    }
    return $user
}

# Enabled service plans of a user (assigned SKUs minus disabled plans).
function Get-SimServicePlans {
    param($User)
    return ,[SimTenant.Views]::ServicePlans($User, $script:Sim.Skus)
}

function Test-SimHasPlan {
    param($User, [string[]]$PlanNames)
    foreach ($plan in (Get-SimServicePlans $User)) {
        foreach ($name in $PlanNames) { if ([string]$plan['servicePlanName'] -like $name) { return $true } }
    }
    return $false
}

# PSListModifier-style argument: @{add=...}, @{remove=...}, @{replace=...} or a plain value/array (replace).
function Resolve-SimListChange {
    param($Current, $Argument)
    $result = New-Object System.Collections.Generic.List[object]
    foreach ($item in [SimTenant.Data]::Items($Current)) { if ($null -ne $item) { $result.Add($item) } }
    if ($Argument -is [System.Management.Automation.PSObject]) { $Argument = $Argument.BaseObject }
    if ($Argument -is [System.Collections.IDictionary]) {
        foreach ($key in [SimTenant.Data]::Items($Argument.Keys)) {
            if (@('add', 'remove', 'replace') -notcontains ([string]$key).ToLowerInvariant()) {
                Stop-SimCall 400 'BadRequest' ("Cannot convert the list modifier: key '{0}' is not one of Add, Remove, Replace." -f $key)
            }
        }
        $replaceKey = @($Argument.Keys | Where-Object { [string]$_ -ieq 'replace' })
        if ($replaceKey.Count -gt 0) {
            $result.Clear()
            foreach ($item in @($Argument[$replaceKey[0]])) { if ($null -ne $item) { $result.Add($item) } }
        }
        foreach ($key in @($Argument.Keys | Where-Object { [string]$_ -ieq 'remove' })) {
            foreach ($item in [SimTenant.Data]::Items($Argument[$key])) {
                if ($null -eq $item) { continue }
                for ($i = $result.Count - 1; $i -ge 0; $i--) { if (Test-SimSameItem $result[$i] $item) { $result.RemoveAt($i) } }
            }
        }
        foreach ($key in @($Argument.Keys | Where-Object { [string]$_ -ieq 'add' })) {
            foreach ($item in [SimTenant.Data]::Items($Argument[$key])) {
                if ($null -eq $item) { continue }
                $present = $false
                foreach ($existing in $result) { if (Test-SimSameItem $existing $item) { $present = $true } }
                if (-not $present) { $result.Add($item) }
            }
        }
        return ,$result
    }
    $result.Clear()
    foreach ($item in [SimTenant.Data]::Items($Argument)) { if ($null -ne $item) { $result.Add($item) } }
    return ,$result
}

function Test-SimSameItem {
    param($Left, $Right)
    if ($Left -is [string] -or $Right -is [string]) { return ([string]$Left -ieq [string]$Right) }
    return ((ConvertTo-SimEmergencyNumberKey $Left) -eq (ConvertTo-SimEmergencyNumberKey $Right))
}

function ConvertTo-SimEmergencyNumberKey {
    param($Number)
    $dial = Get-SimField $Number @('emergencyDialString', 'EmergencyDialString')
    $mask = Get-SimField $Number @('emergencyDialMask', 'EmergencyDialMask')
    $usage = Get-SimField $Number @('onlinePstnUsage', 'OnlinePSTNUsage')
    return ('{0}|{1}|{2}' -f $dial, $mask, $usage).ToLowerInvariant()
}

# Reads a property of a dictionary or an object, trying several names.
function Get-SimField {
    param($Object, [string[]]$Names)
    if ($null -eq $Object) { return $null }
    if ($Object -is [System.Management.Automation.PSObject] -and $Object.BaseObject -is [System.Collections.IDictionary]) { $Object = $Object.BaseObject }
    foreach ($name in $Names) {
        if ($Object -is [System.Collections.IDictionary]) {
            if ($Object.Contains($name)) { return $Object[$name] }
        } else {
            $property = $Object.PSObject.Properties[$name]
            if ($null -ne $property) { return $property.Value }
        }
    }
    return $null
}

function ConvertTo-SimStringList {
    param($Value)
    $list = [SimTenant.Data]::NewList()
    foreach ($item in [SimTenant.Data]::Items($Value)) { if ($null -ne $item -and [string]$item -ne '') { $list.Add([string]$item) } }
    return ,$list
}

function Get-SimIso {
    return $script:Sim.ClockStart.AddSeconds([SimTenant.Shared]::Now()).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
}

# ===============================================================================================
# TEAMS
# ===============================================================================================
# SimTenant: behaviours of the MicrosoftTeams cmdlets, one function per cmdlet (SimImpl-<Cmdlet>).
# Each gets the bound parameters ($P, common parameters removed) and the parameter set ($Set);
# it returns output objects with the documented property names or fails with Stop-SimCall.
# Output property sources: tests/powershell/sim/README.md (table).

$script:AutoAttendantAppId = 'ce933385-9390-45d1-9512-c8d228074e07'
$script:CallQueueAppId = '11cd3e2e-fccb-42ad-ad00-878b93575e07'
$script:PolicyTypes = @('TeamsSharedCallingRoutingPolicy', 'TeamsEmergencyCallRoutingPolicy', 'OnlineVoiceRoutingPolicy')
# §3.14: the documented PolicyType values of New-CsBatchPolicyAssignmentOperation.
$script:BatchPolicyTypes = @('CallingLineIdentity', 'ExternalAccessPolicy', 'OnlineVoiceRoutingPolicy', 'TeamsAppSetupPolicy',
    'TeamsAppPermissionPolicy', 'TeamsCallingPolicy', 'TeamsCallParkPolicy', 'TeamsChannelsPolicy',
    'TeamsEducationAssignmentsAppPolicy', 'TeamsEmergencyCallingPolicy', 'TeamsMeetingBroadcastPolicy',
    'TeamsEmergencyCallRoutingPolicy', 'TeamsMeetingPolicy', 'TeamsMessagingPolicy', 'TeamsTemplatePermissionPolicy',
    'TeamsUpdateManagementPolicy', 'TeamsUpgradePolicy', 'TeamsVerticalPackagePolicy', 'TeamsVideoInteropServicePolicy', 'TenantDialPlan')

# ------------------------------------------------------------------------------------------------
# Session
# ------------------------------------------------------------------------------------------------
function SimImpl-Connect-MicrosoftTeams {
    param([hashtable]$P, [string]$Set)
    $script:Sim.TeamsConnected = $true
    [SimTenant.Shared]::MarkConnected($true)
    $tenant = $script:Sim.State['tenant']
    [pscustomobject][ordered]@{
        Account = 'admin@' + [string]$tenant['defaultDomain']
        Environment = 'AzureCloud'
        Tenant = [string]$tenant['tenantId']
        TenantId = [string]$tenant['tenantId']
        TenantDomain = [string]$tenant['defaultDomain']
    }
}

function SimImpl-Disconnect-MicrosoftTeams {
    param([hashtable]$P, [string]$Set)
    $script:Sim.TeamsConnected = $false
    [SimTenant.Shared]::MarkConnected($false)
}

function SimImpl-Get-CsTenant {
    param([hashtable]$P, [string]$Set)
    $tenant = $script:Sim.State['tenant']
    $domains = New-Object System.Collections.Generic.List[object]
    $domains.Add([pscustomobject][ordered]@{ Name = [string]$tenant['defaultDomain']; Status = 'Enabled' })
    [pscustomobject][ordered]@{
        TenantId = [string]$tenant['tenantId']
        DisplayName = [string]$tenant['displayName']
        VerifiedDomains = $domains.ToArray()
        CountryAbbreviation = [string]$tenant['countryAbbreviation']
        TeamsUpgradeEffectiveMode = 'TeamsOnly'
        ServiceInstance = 'microsoftcommunicationsonline/noam-4a-s7'
    }
}

# ------------------------------------------------------------------------------------------------
# Users (Get-CsOnlineUser)
# ------------------------------------------------------------------------------------------------
function Get-SimEffectivePolicy {
    param($User, [string]$PolicyType)
    $direct = $null
    if ($null -ne $User['policies'] -and $User['policies'].Contains($PolicyType)) { $direct = [string]$User['policies'][$PolicyType] }
    if ($direct) { return [pscustomobject][ordered]@{ PolicyName = $direct; AssignmentType = 'Direct'; GroupId = $null; Rank = 0 } }
    $best = $null
    $groups = $null
    if ($script:Sim.UserGroups.ContainsKey([string]$User['objectId'])) { $groups = $script:Sim.UserGroups[[string]$User['objectId']] }
    if ($null -eq $groups) { return $null }
    foreach ($assignment in $script:Sim.State['groupPolicyAssignments']) {
        if ([string]$assignment['policyType'] -ne $PolicyType) { continue }
        if (-not $groups.Contains([string]$assignment['groupId'])) { continue }
        if ($null -eq $best -or [int]$assignment['rank'] -lt [int]$best['rank']) { $best = $assignment }
    }
    if ($null -eq $best) { return $null }
    return [pscustomobject][ordered]@{ PolicyName = [string]$best['policyName']; AssignmentType = 'Group'; GroupId = [string]$best['groupId']; Rank = [int]$best['rank'] }
}

function ConvertTo-SimOnlineUser {
    param($User, [switch]$SkipUserPolicies)
    # Built by SimTenant.Views (compiled): see SimTenant.cs and the README's property table.
    return [SimTenant.Views]::OnlineUser($User, $script:Sim.State, $script:Sim.Skus, $script:Sim.UserGroups, [string]$script:Sim.Behaviour['policyValueForm'], [bool]$SkipUserPolicies)
}

# -Filter support: the forms "<Property> -eq '<value>'", -like, -ne, joined by -and (Where-Object syntax).
function Test-SimOnlineUserFilter {
    param($OnlineUser, [string]$Filter)
    if (-not $Filter) { return $true }
    $clauses = $Filter.Trim().Trim('{', '}').Trim() -split '\s+-and\s+'
    foreach ($clause in $clauses) {
        $clause = $clause.Trim().Trim('(', ')')
        if ($clause -notmatch '^\s*([A-Za-z]+)\s+-(eq|ne|like|notlike|contains)\s+(.+?)\s*$') {
            Stop-SimCall 400 'BadRequest' ("Invalid filter '{0}': SimTenant understands <Property> -eq|-ne|-like|-notlike|-contains <value>, joined by -and." -f $Filter)
        }
        $property = $Matches[1]; $op = $Matches[2]; $raw = $Matches[3].Trim()
        $value = $raw.Trim("'", '"')
        if ($raw -match '^\$(true|false)$') { $value = [bool]::Parse($Matches[1]) }
        $actual = $OnlineUser.PSObject.Properties[$property]
        if ($null -eq $actual) { Stop-SimCall 400 'BadRequest' ("Invalid filter: unknown property '{0}'." -f $property) }
        $actualValue = $actual.Value
        if ($actualValue -is [pscustomobject] -and $null -ne $actualValue.PSObject.Properties['Name']) { $actualValue = $actualValue.Name }
        $ok = switch ($op) {
            'eq' { if ($value -is [bool]) { [bool]$actualValue -eq $value } else { [string]$actualValue -ieq [string]$value } }
            'ne' { if ($value -is [bool]) { [bool]$actualValue -ne $value } else { [string]$actualValue -ine [string]$value } }
            'like' { [string]$actualValue -ilike [string]$value }
            'notlike' { [string]$actualValue -inotlike [string]$value }
            'contains' { @($actualValue | ForEach-Object { [string]$_ }) -icontains [string]$value }
        }
        if (-not $ok) { return $false }
    }
    return $true
}

function SimImpl-Get-CsOnlineUser {
    param([hashtable]$P, [string]$Set)
    $skip = $P.ContainsKey('SkipUserPolicies') -and [bool]$P['SkipUserPolicies']
    if ($P.ContainsKey('Identity') -and $null -ne $P['Identity'] -and [string]$P['Identity'] -ne '') {
        $user = Get-SimUserOrFail ([string]$P['Identity'])
        return (ConvertTo-SimOnlineUser $user -SkipUserPolicies:$skip)
    }
    $limit = [int]::MaxValue
    if ($P.ContainsKey('ResultSize') -and [string]$P['ResultSize'] -ne 'Unlimited') { $limit = [int]$P['ResultSize'] }
    $count = 0
    foreach ($user in $script:Sim.State['users']) {
        if ($count -ge $limit) { break }
        if ($script:Sim.Hidden.ContainsKey([string]$user['objectId'])) { continue }
        if ($P.ContainsKey('AccountType') -and [string]$user['accountType'] -ine [string]$P['AccountType']) { continue }
        $online = ConvertTo-SimOnlineUser $user -SkipUserPolicies:$skip
        if ($P.ContainsKey('Filter') -and -not (Test-SimOnlineUserFilter $online ([string]$P['Filter']))) { continue }
        $online
        $count++
    }
}

# ------------------------------------------------------------------------------------------------
# Resource accounts (application instances) and associations
# ------------------------------------------------------------------------------------------------
function ConvertTo-SimApplicationInstance {
    param($User)
    $number = $null
    if ($User['lineUri']) { $number = [string]$User['lineUri'] }
    [pscustomobject][ordered]@{
        ObjectId = [string]$User['objectId']
        TenantId = [string]$script:Sim.State['tenant']['tenantId']
        UserPrincipalName = [string]$User['userPrincipalName']
        ApplicationId = [string]$User['applicationId']
        DisplayName = [string]$User['displayName']
        PhoneNumber = $number
    }
}

function Get-SimResourceAccountOrFail {
    param([string]$Identity)
    $user = Find-SimUser $Identity
    if ($null -eq $user -or [string]$user['accountType'] -ne 'ResourceAccount') {
        Stop-SimCall 404 'NotFound' ("Application instance '{0}' was not found." -f $Identity)
    }
    return $user
}

function SimImpl-New-CsOnlineApplicationInstance {
    param([hashtable]$P, [string]$Set)
    $upn = [string]$P['UserPrincipalName']
    if ($upn -notmatch '^[^@\s]+@[^@\s]+\.[^@\s]+$') { Stop-SimCall 400 'BadRequest' ("'{0}' is not a valid user principal name." -f $upn) }
    if ($null -ne (Find-SimUser $upn -IgnoreVisibility)) {
        Stop-SimCall 409 'Conflict' ("A user or resource account with the user principal name '{0}' already exists." -f $upn)
    }
    $appId = $script:AutoAttendantAppId
    if ($P.ContainsKey('ApplicationId')) { $appId = ([guid]$P['ApplicationId']).ToString() }
    if (@($script:AutoAttendantAppId, $script:CallQueueAppId) -notcontains $appId) {
        Stop-SimCall 400 'BadRequest' ("ApplicationId {0} is not an auto attendant or call queue application (RA5)." -f $appId)
    }
    $displayName = $upn.Split('@')[0]
    if ($P.ContainsKey('DisplayName') -and $P['DisplayName']) { $displayName = [string]$P['DisplayName'] }
    $user = [SimTenant.Data]::NewMap()
    $user['objectId'] = New-SimGuid 'user' $upn
    $user['userPrincipalName'] = $upn
    $user['displayName'] = $displayName
    $user['accountType'] = 'ResourceAccount'
    $user['accountEnabled'] = $false  # RA3: blocked from sign-in
    $user['usageLocation'] = $null
    $user['assignedLicenses'] = [SimTenant.Data]::NewList()
    $user['enterpriseVoiceEnabled'] = $false
    $user['lineUri'] = $null
    $user['businessPhones'] = [SimTenant.Data]::NewList()
    $user['mobilePhone'] = $null
    $user['hiddenFromAddressLists'] = $false
    $user['applicationId'] = $appId
    $user['createdBySim'] = $true
    $user['policies'] = [SimTenant.Data]::NewMap()
    $script:Sim.State['users'].Add($user)
    $script:Sim.UsersById[$user['objectId']] = $user
    $script:Sim.UsersByUpn[$upn] = $user
    Add-SimHidden $user['objectId']
    return (ConvertTo-SimApplicationInstance $user)
}

function SimImpl-Get-CsOnlineApplicationInstance {
    param([hashtable]$P, [string]$Set)
    if ($P.ContainsKey('Identity') -and $P['Identity']) {
        return (ConvertTo-SimApplicationInstance (Get-SimResourceAccountOrFail ([string]$P['Identity'])))
    }
    if ($P.ContainsKey('Identities') -and $P['Identities']) {
        foreach ($identity in [SimTenant.Data]::Items($P['Identities'])) { ConvertTo-SimApplicationInstance (Get-SimResourceAccountOrFail ([string]$identity)) }
        return
    }
    $skip = 0; if ($P.ContainsKey('Skip')) { $skip = [int]$P['Skip'] }
    $limit = [int]::MaxValue; if ($P.ContainsKey('ResultSize')) { $limit = [int]$P['ResultSize'] }
    $index = 0; $count = 0
    foreach ($user in $script:Sim.State['users']) {
        if ([string]$user['accountType'] -ne 'ResourceAccount' -or $script:Sim.Hidden.ContainsKey([string]$user['objectId'])) { continue }
        $index++
        if ($index -le $skip) { continue }
        if ($count -ge $limit) { break }
        ConvertTo-SimApplicationInstance $user
        $count++
    }
}

function SimImpl-Set-CsOnlineApplicationInstance {
    param([hashtable]$P, [string]$Set)
    $user = Get-SimResourceAccountOrFail ([string]$P['Identity'])
    if ($P.ContainsKey('DisplayName')) { $user['displayName'] = [string]$P['DisplayName'] }
    if ($P.ContainsKey('ApplicationId')) { $user['applicationId'] = ([guid]$P['ApplicationId']).ToString() }
    if ($P.ContainsKey('OnpremPhoneNumber')) {
        Stop-SimCall 400 'BadRequest' '-OnpremPhoneNumber is deprecated for number assignment in this cloud: use Set-CsPhoneNumberAssignment (§3.9).'
    }
    return (ConvertTo-SimApplicationInstance $user)
}

function Find-SimAssociation {
    param([string]$ObjectId)
    foreach ($association in $script:Sim.State['associations']) { if ([string]$association['objectId'] -ieq $ObjectId) { return $association } }
    return $null
}

function ConvertTo-SimAssociation {
    param($Association)
    [pscustomobject][ordered]@{
        Id = [string]$Association['objectId']
        ConfigurationId = [string]$Association['configurationId']
        ConfigurationType = [string]$Association['configurationType']
        CallPriority = $(if ($Association.Contains('callPriority')) { [int]$Association['callPriority'] } else { 3 })
    }
}

function SimImpl-New-CsOnlineApplicationInstanceAssociation {
    param([hashtable]$P, [string]$Set)
    $type = [string]$P['ConfigurationType']
    if (@('AutoAttendant', 'CallQueue') -notcontains $type) { Stop-SimCall 400 'BadRequest' ("ConfigurationType must be AutoAttendant or CallQueue, not '{0}'." -f $type) }
    $configId = [string]$P['ConfigurationId']
    if ($type -eq 'AutoAttendant' -and $null -eq (Find-SimAutoAttendantById $configId)) {
        Stop-SimCall 404 'NotFound' ("Auto attendant '{0}' was not found." -f $configId)
    }
    $priority = 3
    if ($P.ContainsKey('CallPriority')) {
        $priority = [int]$P['CallPriority']
        if ($priority -lt 1 -or $priority -gt 5) { Stop-SimCall 400 'BadRequest' 'CallPriority must be between 1 and 5.' }
    }
    $accounts = @()
    foreach ($identity in [SimTenant.Data]::Items($P['Identities'])) {
        $user = Get-SimResourceAccountOrFail ([string]$identity)
        $existing = Find-SimAssociation ([string]$user['objectId'])
        if ($null -ne $existing) {
            Stop-SimCall 409 'Conflict' ("Resource account '{0}' is already associated with configuration {1}." -f $identity, $existing['configurationId'])
        }
        $accounts += $user
    }
    foreach ($user in $accounts) {
        $association = [SimTenant.Data]::NewMap()
        $association['objectId'] = [string]$user['objectId']
        $association['configurationId'] = $configId
        $association['configurationType'] = $type
        $association['callPriority'] = $priority
        $script:Sim.State['associations'].Add($association)
        [pscustomobject][ordered]@{ Results = @([pscustomobject][ordered]@{ CallConfigurationId = $configId; Id = [string]$user['objectId']; Result = 'Success' }) }
    }
}

function SimImpl-Get-CsOnlineApplicationInstanceAssociation {
    param([hashtable]$P, [string]$Set)
    $user = Get-SimResourceAccountOrFail ([string]$P['Identity'])
    $association = Find-SimAssociation ([string]$user['objectId'])
    if ($null -eq $association) { Stop-SimCall 404 'NotFound' ("No association found for application instance '{0}'." -f $P['Identity']) }
    return (ConvertTo-SimAssociation $association)
}

function SimImpl-Remove-CsOnlineApplicationInstanceAssociation {
    param([hashtable]$P, [string]$Set)
    foreach ($identity in [SimTenant.Data]::Items($P['Identities'])) {
        $user = Get-SimResourceAccountOrFail ([string]$identity)
        $association = Find-SimAssociation ([string]$user['objectId'])
        if ($null -eq $association) { Stop-SimCall 404 'NotFound' ("No association found for application instance '{0}'." -f $identity) }
        $null = $script:Sim.State['associations'].Remove($association)
        [pscustomobject][ordered]@{ Results = @([pscustomobject][ordered]@{ Id = [string]$user['objectId']; Result = 'Success' }) }
    }
}

# ------------------------------------------------------------------------------------------------
# Phone numbers
# ------------------------------------------------------------------------------------------------
function ConvertTo-SimNumberAssignment {
    param($Number)
    $source = 'Online'
    if ([string]$Number['numberType'] -eq 'DirectRouting') { $source = 'OnPremises' }
    [pscustomobject][ordered]@{
        TelephoneNumber = [string]$Number['telephoneNumber']
        OperatorId = $null
        NumberType = [string]$Number['numberType']
        ActivationState = 'Activated'
        AssignedPstnTargetId = $Number['assignedPstnTargetId']
        AssignmentCategory = $Number['assignmentCategory']
        Capability = @($Number['capabilities'] | ForEach-Object { [string]$_ })
        City = $null
        CivicAddressId = (Get-SimCivicAddressId ([string]$Number['locationId']))
        IsoCountryCode = [string]$Number['isoCountryCode']
        IsoSubdivision = $null
        LocationId = $Number['locationId']
        LocationUpdateSupported = $true
        NetworkSiteId = $null
        NumberSource = $source
        PortInOrderStatus = $null
        PstnAssignmentStatus = $(if ($Number['pstnAssignmentStatus']) { [string]$Number['pstnAssignmentStatus'] } else { 'Unassigned' })
        PstnPartnerId = $null
        PstnPartnerName = $(if ([string]$Number['numberType'] -eq 'CallingPlan') { 'Microsoft' } else { $null })
        NumberCategory = $Number['numberCategory']
        Tag = @($Number['tags'] | ForEach-Object { [string]$_ })
    }
}

function Get-SimCivicAddressId {
    param([string]$LocationId)
    if (-not $LocationId) { return $null }
    foreach ($location in $script:Sim.State['lisLocations']) { if ([string]$location['locationId'] -ieq $LocationId) { return $location['civicAddressId'] } }
    return $null
}

function Find-SimNumber {
    param([string]$TelephoneNumber)
    $key = ConvertTo-SimNumberKey $TelephoneNumber
    if ($script:Sim.Numbers.ContainsKey($key)) { return $script:Sim.Numbers[$key] }
    return $null
}

# -AssignedPstnTargetId: a UPN, SIP address, ObjectId or a Shared Calling policy instance (EN11).
function Resolve-SimTargetId {
    param([string]$Target)
    if ($Target -match '^(?i)TeamsSharedCallingRoutingPolicy\|') { return $Target }
    $user = Find-SimUser $Target
    if ($null -ne $user) { return [string]$user['objectId'] }
    return $Target
}

function SimImpl-Get-CsPhoneNumberAssignment {
    param([hashtable]$P, [string]$Set)
    $candidates = $null
    if ($P.ContainsKey('TelephoneNumber')) {
        $number = Find-SimNumber ([string]$P['TelephoneNumber'])
        $candidates = @(); if ($null -ne $number) { $candidates = [SimTenant.Data]::Items($number) }
    } elseif ($P.ContainsKey('AssignedPstnTargetId')) {
        $candidates = Get-SimNumbersOf (Resolve-SimTargetId ([string]$P['AssignedPstnTargetId']))
    } else {
        $candidates = $script:Sim.State['phoneNumbers']
    }
    $filterClauses = @()
    if ($P.ContainsKey('Filter') -and $P['Filter']) { $filterClauses = ConvertFrom-SimNumberFilter ([string]$P['Filter']) }
    $top = 500; if ($P.ContainsKey('Top')) { $top = [int]$P['Top'] }
    if ($top -gt 1000) { Stop-SimCall 400 'BadRequest' '-Top accepts at most 1000.' }
    $skip = 0; if ($P.ContainsKey('Skip')) { $skip = [int]$P['Skip'] }
    $index = 0; $count = 0
    foreach ($number in $candidates) {
        if ($P.ContainsKey('NumberType') -and [string]$number['numberType'] -ine [string]$P['NumberType']) { continue }
        if ($filterClauses.Count -gt 0 -and -not (Test-SimNumberFilter $number $filterClauses)) { continue }
        if ($P.ContainsKey('IsoCountryCode') -and [string]$number['isoCountryCode'] -ine [string]$P['IsoCountryCode']) { continue }
        if ($P.ContainsKey('LocationId') -and [string]$number['locationId'] -ine [string]$P['LocationId']) { continue }
        if ($P.ContainsKey('PstnAssignmentStatus') -and [string]$number['pstnAssignmentStatus'] -ine [string]$P['PstnAssignmentStatus']) { continue }
        if ($P.ContainsKey('AssignmentCategory') -and [string]$number['assignmentCategory'] -ine [string]$P['AssignmentCategory']) { continue }
        if ($P.ContainsKey('CapabilitiesContain') -and ([SimTenant.Data]::Items($number['capabilities']) -inotcontains [string]$P['CapabilitiesContain'])) { continue }
        if ($P.ContainsKey('TelephoneNumberStartsWith') -and -not ([string]$number['telephoneNumber']).TrimStart('+').StartsWith(([string]$P['TelephoneNumberStartsWith']).TrimStart('+'))) { continue }
        if ($P.ContainsKey('TelephoneNumberContain') -and -not ([string]$number['telephoneNumber']).Contains([string]$P['TelephoneNumberContain'])) { continue }
        if ($P.ContainsKey('CivicAddressId') -and (Get-SimCivicAddressId ([string]$number['locationId'])) -ine [string]$P['CivicAddressId']) { continue }
        $index++
        if ($index -le $skip) { continue }
        if ($count -ge $top) { break }
        ConvertTo-SimNumberAssignment $number
        $count++
    }
}

# -Filter (module 6.8.0+, §3.8): "<Field> -eq|-ne '<value>'" and "Tags -contains ['<tag>']", joined by -and.
$script:NumberFilterFields = @{
    TelephoneNumber = 'telephoneNumber'; NumberType = 'numberType'; IsoCountryCode = 'isoCountryCode'
    PstnAssignmentStatus = 'pstnAssignmentStatus'; AssignmentStatus = 'pstnAssignmentStatus'
    AssignedPstnTargetId = 'assignedPstnTargetId'; TargetId = 'assignedPstnTargetId'
    LocationId = 'locationId'; AssignmentCategory = 'assignmentCategory'; Capability = 'capabilities'; Tags = 'tags'
}

function ConvertFrom-SimNumberFilter {
    param([string]$Filter)
    $clauses = New-Object System.Collections.Generic.List[object]
    foreach ($part in ($Filter -split '\s+-and\s+')) {
        $text = $part.Trim()
        if ($text -notmatch "^(\w+)\s+-(eq|ne|contains)\s+(.+)$") {
            Stop-SimCall 400 'BadRequest' ("Invalid filter '{0}': expected <Field> -eq|-ne|-contains <value>." -f $Filter)
        }
        $field = $script:NumberFilterFields[$Matches[1]]
        if (-not $field) { Stop-SimCall 400 'BadRequest' ("Invalid filter: '{0}' is not a filterable field." -f $Matches[1]) }
        $value = $Matches[3].Trim().Trim('[', ']').Trim().Trim("'", '"')
        $clauses.Add([pscustomobject]@{ Field = $field; Op = $Matches[2]; Value = $value })
    }
    return ,$clauses.ToArray()
}

function Test-SimNumberFilter {
    param($Number, $Clauses)
    foreach ($clause in $Clauses) {
        $actual = $Number[$clause.Field]
        $ok = switch ($clause.Op) {
            'eq' { [string]$actual -ieq $clause.Value }
            'ne' { [string]$actual -ine $clause.Value }
            'contains' { [SimTenant.Data]::Items($actual) -icontains $clause.Value }
        }
        if (-not $ok) { return $false }
    }
    return $true
}

# Export-CsAcquiredPhoneNumber / Get-CsExportAcquiredPhoneNumberStatus (§3.17): the order completes at
# once; the "download link" is a file:// CSV next to the snapshot (or in the temp folder).
function SimImpl-Export-CsAcquiredPhoneNumber {
    param([hashtable]$P, [string]$Set)
    $all = @('TelephoneNumber', 'NumberType', 'LocationId', 'CivicAddressId', 'AcquiredCapabilities', 'AssignmentStatus', 'IsoCountryCode', 'TargetId', 'TargetType', 'AssignmentCategory', 'NumberSource')
    $properties = $all
    if ($P.ContainsKey('Property') -and $P['Property']) {
        $properties = @(([string]$P['Property']).Split(',') | ForEach-Object { $_.Trim() } | Where-Object { $_ })
        foreach ($name in $properties) { if ($all -notcontains $name) { Stop-SimCall 400 'BadRequest' ("'{0}' is not an exportable property." -f $name) } }
    }
    $orderId = New-SimGuid 'export' ([string]$script:Sim.Seq)
    $folder = [System.IO.Path]::GetTempPath()
    if ($script:Sim.Path) { $folder = [System.IO.Path]::GetDirectoryName($script:Sim.Path) }
    $file = Join-Path $folder ('export-{0}.csv' -f $orderId)
    $rows = foreach ($number in $script:Sim.State['phoneNumbers']) {
        $target = [string]$number['assignedPstnTargetId']
        $targetType = $null
        if ($target -match '^TeamsSharedCallingRoutingPolicy\|') { $targetType = 'Policy' }
        elseif ($target -and $script:Sim.UsersById.ContainsKey($target)) { $targetType = $(if ([string]$script:Sim.UsersById[$target]['accountType'] -eq 'ResourceAccount') { 'ResourceAccount' } else { 'User' }) }
        $row = [ordered]@{
            TelephoneNumber = [string]$number['telephoneNumber']; NumberType = [string]$number['numberType']; LocationId = $number['locationId']
            CivicAddressId = (Get-SimCivicAddressId ([string]$number['locationId'])); AcquiredCapabilities = (([SimTenant.Data]::Items($number['capabilities'])) -join ',')
            AssignmentStatus = [string]$number['pstnAssignmentStatus']; IsoCountryCode = [string]$number['isoCountryCode']; TargetId = $number['assignedPstnTargetId']
            TargetType = $targetType; AssignmentCategory = $number['assignmentCategory']; NumberSource = $(if ([string]$number['numberType'] -eq 'DirectRouting') { 'OnPremises' } else { 'Online' })
        }
        $picked = [ordered]@{}
        foreach ($name in $properties) { $picked[$name] = $row[$name] }
        [pscustomobject]$picked
    }
    @($rows) | Export-Csv -LiteralPath $file -NoTypeInformation -Encoding utf8 -WhatIf:$false
    if (-not $script:Sim.Contains('Exports')) { $script:Sim['Exports'] = @{} }
    $script:Sim['Exports'][$orderId] = $file
    return $orderId
}

function SimImpl-Get-CsExportAcquiredPhoneNumberStatus {
    param([hashtable]$P, [string]$Set)
    $orderId = [string]$P['OrderId']
    if (-not $script:Sim.Contains('Exports') -or -not $script:Sim['Exports'].ContainsKey($orderId)) {
        Stop-SimCall 404 'NotFound' ("Export order '{0}' was not found." -f $orderId)
    }
    $uri = [System.Uri]::new($script:Sim['Exports'][$orderId]).AbsoluteUri
    [pscustomobject][ordered]@{
        Id = $orderId; OrderId = $orderId; Status = 'Completed'; CreatedAt = (Get-SimIso)
        DownloadLink = $uri; DownloadLinkExpiry = $script:Sim.ClockStart.AddSeconds([SimTenant.Shared]::Now() + 3600).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
    }
}

function Test-SimResourceAccountLicensed {
    param($User)
    # §3.9 / RA2: the Teams Phone Resource Account licence (service plan MCOEV_VIRTUALUSER).
    return (Test-SimHasPlan $User @('MCOEV_VIRTUALUSER'))
}

function Assert-SimLocation {
    param([string]$LocationId)
    if ($LocationId -eq 'null') { return }
    foreach ($location in $script:Sim.State['lisLocations']) { if ([string]$location['locationId'] -ieq $LocationId) { return } }
    Stop-SimCall 404 'NotFound' ("Location '{0}' was not found (Get-CsOnlineLisLocation)." -f $LocationId)
}

function Set-SimNumberLocation {
    param($Number, [string]$LocationId)
    if ($LocationId -eq 'null') {
        if ([string]$Number['numberType'] -eq 'CallingPlan') { Stop-SimCall 400 'BadRequest' 'The location of a Calling Plan number cannot be cleared (§3.7).' }
        $Number['locationId'] = $null
        return
    }
    Assert-SimLocation $LocationId
    $Number['locationId'] = $LocationId
}

function SimImpl-Set-CsPhoneNumberAssignment {
    param([hashtable]$P, [string]$Set)
    switch ($Set) {
        'Attribute' {
            $user = Get-SimUserOrFail ([string]$P['Identity'])
            $enable = [bool]$P['EnterpriseVoiceEnabled']
            # V1/U1: Enterprise Voice needs an enabled Teams Phone (MCOEV) service plan; a resource
            # account has MCOEV_VIRTUALUSER instead. The service refuses otherwise (always on).
            if ($enable -and -not (Test-SimHasPlan $user @('MCOEV', 'MCOEV_VIRTUALUSER'))) {
                Stop-SimCall 400 'BadRequest' ("Enterprise Voice cannot be enabled for '{0}': the user has no Teams Phone (MCOEV) licence with an enabled service plan." -f $P['Identity'])
            }
            $user['enterpriseVoiceEnabled'] = $enable
            return
        }
        'Assignment' { return (Invoke-SimNumberAssignment $P) }
        'LocationUpdate' {
            $number = Find-SimNumber ([string]$P['TelephoneNumber'])
            if ($null -eq $number) { Stop-SimCall 404 'NotFound' ("Telephone number '{0}' was not found in the tenant inventory." -f $P['TelephoneNumber']) }
            Set-SimNumberLocation $number ([string]$P['LocationId'])
            return
        }
        default { Stop-SimCall 501 'NotImplemented' ("SimTenant has no behaviour for Set-CsPhoneNumberAssignment parameter set {0}." -f $Set) }
    }
}

function Invoke-SimNumberAssignment {
    param([hashtable]$P)
    $user = Get-SimUserOrFail ([string]$P['Identity'])
    $type = [string]$P['NumberType']
    if (@('CallingPlan', 'OperatorConnect', 'DirectRouting') -notcontains $type) {
        Stop-SimCall 400 'BadRequest' ("NumberType must be CallingPlan, OperatorConnect or DirectRouting, not '{0}'." -f $type)
    }
    $numberText = [string]$P['TelephoneNumber']
    if ($numberText -match '^(?i)tel:') { Stop-SimCall 400 'BadRequest' ("'{0}': give the number without the tel: prefix (§3.7)." -f $numberText) }
    if ($numberText -notmatch '^\+?[1-9]\d{6,14}(;ext=\d{1,15})?$') { Stop-SimCall 400 'BadRequest' ("'{0}' is not an E.164 telephone number." -f $numberText) }
    if ($numberText -match ';ext=' -and $type -ne 'DirectRouting') { Stop-SimCall 400 'BadRequest' 'Only Direct Routing numbers can carry an extension (V3, RA4).' }
    $number = Find-SimNumber $numberText
    $isResourceAccount = [string]$user['accountType'] -eq 'ResourceAccount'
    if ($null -eq $number) {
        # Calling Plan and Operator Connect numbers must be in the inventory; Direct Routing numbers may be assigned freely.
        if ($type -ne 'DirectRouting') { Stop-SimCall 404 'NotFound' ("Telephone number '{0}' is not in the tenant's {1} inventory." -f $numberText, $type) }
        $number = [SimTenant.Data]::NewMap()
        $number['telephoneNumber'] = ConvertTo-SimNumberKey $numberText
        $number['numberType'] = 'DirectRouting'
        $number['isoCountryCode'] = $user['usageLocation']
        $number['capabilities'] = [SimTenant.Data]::Base((ConvertTo-SimStringList @('UserAssignment', 'VoiceApplicationAssignment', 'ConferenceAssignment')))
        $number['numberCategory'] = $null
        $number['assignedPstnTargetId'] = $null
        $number['assignmentCategory'] = $null
        $number['pstnAssignmentStatus'] = 'Unassigned'
        $number['locationId'] = $null
        $number['tags'] = [SimTenant.Data]::NewList()
        $number['createdBySim'] = $true
        $script:Sim.State['phoneNumbers'].Add($number)
        Add-SimNumberIndex $number
    } elseif ([string]$number['numberType'] -ne $type) {
        Stop-SimCall 400 'BadRequest' ("Telephone number '{0}' is a {1} number, not {2}." -f $numberText, $number['numberType'], $type)
    }
    $target = [string]$number['assignedPstnTargetId']
    if ($target -and $target -ne [string]$user['objectId']) {
        Stop-SimCall 400 'BadRequest' ("Telephone number '{0}' is already assigned to another target ({1})." -f $numberText, $target)
    }
    $capability = 'UserAssignment'; if ($isResourceAccount) { $capability = 'VoiceApplicationAssignment' }
    if ([SimTenant.Data]::Items($number['capabilities']) -notcontains $capability) {
        Stop-SimCall 400 'BadRequest' ("Telephone number '{0}' does not have the {1} capability." -f $numberText, $capability)
    }
    if ($isResourceAccount) {
        # §3.9 / RA2: the licence goes on before the number.
        if (-not (Test-SimResourceAccountLicensed $user)) {
            Stop-SimCall 400 'BadRequest' ("The resource account '{0}' must have a Microsoft Teams Phone Resource Account licence before a phone number can be assigned." -f $P['Identity'])
        }
        # RA9: a Calling Plan service number needs a (pay-as-you-go) Calling Plan on the account.
        if ($type -eq 'CallingPlan' -and $script:Sim.Behaviour['resourceAccountCallingPlanLicenceRequired'] -and -not (Test-SimHasPlan $user @('MCOPSTN*'))) {
            Stop-SimCall 400 'BadRequest' ("The resource account '{0}' needs a Calling Plan licence (pay-as-you-go) for a Calling Plan service number (RA9)." -f $P['Identity'])
        }
    } else {
        if (-not (Test-SimHasPlan $user @('MCOEV'))) {
            Stop-SimCall 400 'BadRequest' ("'{0}' has no Teams Phone (MCOEV) licence: a phone number cannot be assigned." -f $P['Identity'])
        }
        if ($type -eq 'CallingPlan' -and -not (Test-SimHasPlan $user @('MCOPSTN*'))) {
            Stop-SimCall 400 'BadRequest' ("'{0}' has no Calling Plan licence: a Calling Plan number cannot be assigned." -f $P['Identity'])
        }
    }
    if ($type -eq 'CallingPlan' -and $user['usageLocation'] -and [string]$number['isoCountryCode'] -ine [string]$user['usageLocation']) {
        Stop-SimCall 400 'BadRequest' ("Calling Plan number '{0}' is in {1}; the account's usage location is {2}." -f $numberText, $number['isoCountryCode'], $user['usageLocation'])
    }
    if ($P.ContainsKey('LocationId') -and $P['LocationId']) { Set-SimNumberLocation $number ([string]$P['LocationId']) }
    # A new primary number replaces the account's current one.
    foreach ($other in (Get-SimNumbersOf ([string]$user['objectId']))) {
        if ($other -ne $number) { Clear-SimNumberAssignment $other }
    }
    $status = 'UserAssigned'; if ($isResourceAccount) { $status = 'VoiceApplicationAssigned' }
    $category = 'Primary'; if ($P.ContainsKey('AssignmentCategory') -and $P['AssignmentCategory']) { $category = [string]$P['AssignmentCategory'] }
    Set-SimNumberTarget $number ([string]$user['objectId']) $status $category
    $user['lineUri'] = 'tel:' + (ConvertTo-SimNumberKey $numberText)
    # §3.7: assigning a number turns Enterprise Voice on.
    $user['enterpriseVoiceEnabled'] = $true
}

function Clear-SimNumberAssignment {
    param($Number)
    $target = [string]$Number['assignedPstnTargetId']
    if ($target -and $script:Sim.UsersById.ContainsKey($target)) {
        $owner = $script:Sim.UsersById[$target]
        if ((ConvertTo-SimNumberKey ([string]$owner['lineUri'])) -eq (ConvertTo-SimNumberKey ([string]$Number['telephoneNumber']))) { $owner['lineUri'] = $null }
    }
    Set-SimNumberTarget $Number $null 'Unassigned' $null
    # Direct Routing numbers enter the inventory on assignment and leave it on removal.
    if ($Number['createdBySim'] -and [string]$Number['numberType'] -eq 'DirectRouting') {
        $null = $script:Sim.State['phoneNumbers'].Remove($Number)
        $null = $script:Sim.Numbers.Remove((ConvertTo-SimNumberKey ([string]$Number['telephoneNumber'])))
    }
}

function SimImpl-Remove-CsPhoneNumberAssignment {
    param([hashtable]$P, [string]$Set)
    $user = Get-SimUserOrFail ([string]$P['Identity'])
    if ($Set -eq 'RemoveAll') {
        foreach ($number in (Get-SimNumbersOf ([string]$user['objectId']))) { Clear-SimNumberAssignment $number }
        return
    }
    $number = Find-SimNumber ([string]$P['TelephoneNumber'])
    if ($null -eq $number -or [string]$number['assignedPstnTargetId'] -ne [string]$user['objectId']) {
        Stop-SimCall 404 'NotFound' ("Telephone number '{0}' is not assigned to '{1}'." -f $P['TelephoneNumber'], $P['Identity'])
    }
    if ([string]$number['numberType'] -ine [string]$P['NumberType']) {
        Stop-SimCall 400 'BadRequest' ("Telephone number '{0}' is a {1} number, not {2}." -f $P['TelephoneNumber'], $number['numberType'], $P['NumberType'])
    }
    Clear-SimNumberAssignment $number
}

# ------------------------------------------------------------------------------------------------
# Phone number tags and export (§3.17)
# ------------------------------------------------------------------------------------------------
function Get-SimNumberOrFail {
    param([string]$TelephoneNumber)
    $number = Find-SimNumber $TelephoneNumber
    if ($null -eq $number) { Stop-SimCall 404 'NotFound' ("Telephone number '{0}' was not found in the tenant inventory." -f $TelephoneNumber) }
    return $number
}

function SimImpl-Get-CsPhoneNumberTag {
    param([hashtable]$P, [string]$Set)
    $tags = New-Object 'System.Collections.Generic.SortedSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
    foreach ($number in $script:Sim.State['phoneNumbers']) { foreach ($tag in [SimTenant.Data]::Items($number['tags'])) { if ($tag) { $null = $tags.Add([string]$tag) } } }
    foreach ($tag in $tags) { $tag }
}

function SimImpl-Set-CsPhoneNumberTag {
    param([hashtable]$P, [string]$Set)
    $number = Get-SimNumberOrFail ([string]$P['PhoneNumber'])
    $tag = [string]$P['Tag']
    if ($tag.Length -gt 50) { Stop-SimCall 400 'BadRequest' 'A tag has at most 50 characters (§3.17).' }
    if ($null -eq $number['tags']) { $number['tags'] = [SimTenant.Data]::NewList() }
    foreach ($existing in $number['tags']) { if ([string]$existing -ieq $tag) { return } }
    if ($number['tags'].Count -ge 50) { Stop-SimCall 400 'BadRequest' 'A number has at most 50 tags (§3.17).' }
    $number['tags'].Add($tag)
}

function SimImpl-Remove-CsPhoneNumberTag {
    param([hashtable]$P, [string]$Set)
    $number = Get-SimNumberOrFail ([string]$P['PhoneNumber'])
    $tag = [string]$P['Tag']
    for ($i = $number['tags'].Count - 1; $i -ge 0; $i--) { if ([string]$number['tags'][$i] -ieq $tag) { $number['tags'].RemoveAt($i) } }
}

function SimImpl-Update-CsPhoneNumberTag {
    param([hashtable]$P, [string]$Set)
    $old = [string]$P['TagName']; $new = [string]$P['NewTagName']
    foreach ($number in $script:Sim.State['phoneNumbers']) {
        for ($i = 0; $i -lt [SimTenant.Data]::Items($number['tags']).Count; $i++) { if ([string]$number['tags'][$i] -ieq $old) { $number['tags'][$i] = $new } }
    }
}

# ------------------------------------------------------------------------------------------------
# LIS locations, groups, PSTN usages
# ------------------------------------------------------------------------------------------------
function SimImpl-Get-CsOnlineLisLocation {
    param([hashtable]$P, [string]$Set)
    foreach ($location in $script:Sim.State['lisLocations']) {
        if ($P.ContainsKey('LocationId') -and [string]$location['locationId'] -ine [string]$P['LocationId']) { continue }
        if ($P.ContainsKey('CivicAddressId') -and [string]$location['civicAddressId'] -ine [string]$P['CivicAddressId']) { continue }
        if ($P.ContainsKey('City') -and [string]$location['city'] -ine [string]$P['City']) { continue }
        if ($P.ContainsKey('CountryOrRegion') -and [string]$location['countryOrRegion'] -ine [string]$P['CountryOrRegion']) { continue }
        if ($P.ContainsKey('Description') -and [string]$location['description'] -ine [string]$P['Description']) { continue }
        [pscustomobject][ordered]@{
            LocationId = [string]$location['locationId']; CivicAddressId = [string]$location['civicAddressId']
            Description = $location['description']; Location = $location['description']
            City = $location['city']; CountryOrRegion = $location['countryOrRegion']; IsDefault = $false
        }
    }
}

function SimImpl-Get-CsOnlineLisCivicAddress {
    param([hashtable]$P, [string]$Set)
    $seen = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
    foreach ($location in $script:Sim.State['lisLocations']) {
        $civic = [string]$location['civicAddressId']
        if (-not $civic -or -not $seen.Add($civic)) { continue }
        if ($P.ContainsKey('CivicAddressId') -and $civic -ine [string]$P['CivicAddressId']) { continue }
        if ($P.ContainsKey('LocationId') -and [string]$location['locationId'] -ine [string]$P['LocationId']) { continue }
        if ($P.ContainsKey('City') -and [string]$location['city'] -ine [string]$P['City']) { continue }
        if ($P.ContainsKey('CountryOrRegion') -and [string]$location['countryOrRegion'] -ine [string]$P['CountryOrRegion']) { continue }
        [pscustomobject][ordered]@{
            CivicAddressId = $civic; DefaultLocationId = [string]$location['locationId']
            Description = $location['description']; City = $location['city']; CountryOrRegion = $location['countryOrRegion']
        }
    }
}

function SimImpl-Find-CsGroup {
    param([hashtable]$P, [string]$Set)
    $query = [string]$P['SearchQuery']
    $exact = $P.ContainsKey('ExactMatchOnly') -and [bool]$P['ExactMatchOnly']
    $max = 10; if ($P.ContainsKey('MaxResults')) { $max = [int]$P['MaxResults'] }
    $count = 0
    foreach ($group in $script:Sim.State['groups']) {
        if ($count -ge $max) { break }
        $name = [string]$group['displayName']
        $hit = $(if ($exact) { $name -ieq $query } else { $name.StartsWith($query, [System.StringComparison]::OrdinalIgnoreCase) })
        if (-not $hit) { continue }
        [pscustomobject][ordered]@{ Id = [string]$group['id']; DisplayName = $name; MailAddress = $group['mail'] }
        $count++
    }
}

function SimImpl-Get-CsOnlinePstnUsage {
    param([hashtable]$P, [string]$Set)
    if ($P.ContainsKey('Identity') -and $P['Identity'] -and [string]$P['Identity'] -ine 'Global') {
        Stop-SimCall 404 'NotFound' ("Cannot find PSTN usage settings '{0}': the only instance is Global." -f $P['Identity'])
    }
    [pscustomobject][ordered]@{ Identity = 'Global'; Usage = @($script:Sim.State['pstnUsages'] | ForEach-Object { [string]$_ }) }
}

function SimImpl-Set-CsOnlinePstnUsage {
    param([hashtable]$P, [string]$Set)
    if ($P.ContainsKey('Identity') -and $P['Identity'] -and [string]$P['Identity'] -ine 'Global') {
        Stop-SimCall 404 'NotFound' ("Cannot find PSTN usage settings '{0}': the only instance is Global." -f $P['Identity'])
    }
    if (-not $P.ContainsKey('Usage')) { return }
    $new = Resolve-SimListChange $script:Sim.State['pstnUsages'] $P['Usage']
    foreach ($usage in $script:Sim.State['pstnUsages']) {
        if ([SimTenant.Data]::Items($new) -icontains [string]$usage) { continue }
        foreach ($policy in $script:Sim.State['policies']['OnlineVoiceRoutingPolicy']) {
            if ([SimTenant.Data]::Items($policy['onlinePstnUsages']) -icontains [string]$usage) { Stop-SimCall 400 'BadRequest' ("PSTN usage '{0}' is used by voice routing policy {1} and cannot be removed." -f $usage, $policy['identity']) }
        }
    }
    $script:Sim.State['pstnUsages'] = [SimTenant.Data]::Base((ConvertTo-SimStringList $new))
}

# ------------------------------------------------------------------------------------------------
# Policies: TeamsSharedCallingRoutingPolicy, TeamsEmergencyCallRoutingPolicy, OnlineVoiceRoutingPolicy
# ------------------------------------------------------------------------------------------------
# §3.6: per-user instances are kept as 'Tag:<name>'; the tenant default is 'Global'.
function ConvertTo-SimPolicyIdentity {
    param([string]$Identity)
    $text = $Identity.Trim()
    if ($text -ieq 'Global') { return 'Global' }
    if ($text -match '^(?i)tag:') { $text = $text.Substring(4) }
    return ('Tag:' + $text)
}

function Get-SimPolicyName {
    param([string]$Identity)
    if ($Identity -match '^(?i)tag:') { return $Identity.Substring(4) }
    return $Identity
}

function Find-SimPolicy {
    param([string]$PolicyType, [string]$Identity)
    $id = ConvertTo-SimPolicyIdentity $Identity
    foreach ($policy in $script:Sim.State['policies'][$PolicyType]) { if ([string]$policy['identity'] -ieq $id) { return $policy } }
    return $null
}

function Get-SimPolicyOrFail {
    param([string]$PolicyType, [string]$Identity)
    $policy = Find-SimPolicy $PolicyType $Identity
    if ($null -eq $policy) { Stop-SimCall 404 'NotFound' ("Cannot find a {0} with identity '{1}'." -f $PolicyType, $Identity) }
    return $policy
}

function Assert-SimNewPolicy {
    param([string]$PolicyType, [string]$Identity)
    if ($null -ne (Find-SimPolicy $PolicyType $Identity)) {
        Stop-SimCall 409 'Conflict' ("A {0} with identity '{1}' already exists." -f $PolicyType, (ConvertTo-SimPolicyIdentity $Identity))
    }
    if ((ConvertTo-SimPolicyIdentity $Identity) -eq 'Global') { Stop-SimCall 409 'Conflict' 'The Global instance already exists.' }
}

function Assert-SimDescription {
    param([hashtable]$P)
    if ($P.ContainsKey('Description') -and ([string]$P['Description']).Length -gt 512) {
        Stop-SimCall 400 'BadRequest' ('Description has {0} characters; at most 512 are allowed.' -f ([string]$P['Description']).Length)
    }
}

function Get-SimPolicies {
    param([string]$PolicyType, [hashtable]$P)
    if ($P.ContainsKey('Identity') -and $P['Identity']) {
        if (([string]$P['Identity']).Contains('*')) { Stop-SimCall 400 'BadRequest' '-Identity takes no wildcards: use -Filter.' }
        return ,@(Get-SimPolicyOrFail $PolicyType ([string]$P['Identity']))
    }
    $filter = '*'; if ($P.ContainsKey('Filter') -and $P['Filter']) { $filter = [string]$P['Filter'] }
    return ,@($script:Sim.State['policies'][$PolicyType] | Where-Object { [string]$_['identity'] -ilike $filter })
}

function Test-SimPolicyAssigned {
    param([string]$PolicyType, [string]$Name)
    foreach ($user in $script:Sim.State['users']) {
        if ($null -ne $user['policies'] -and $user['policies'].Contains($PolicyType) -and [string]$user['policies'][$PolicyType] -ieq $Name) { return [string]$user['userPrincipalName'] }
    }
    foreach ($assignment in $script:Sim.State['groupPolicyAssignments']) {
        if ([string]$assignment['policyType'] -eq $PolicyType -and [string]$assignment['policyName'] -ieq $Name) { return ('group ' + $assignment['groupId']) }
    }
    return $null
}

function Remove-SimPolicy {
    param([string]$PolicyType, [hashtable]$P)
    $policy = Get-SimPolicyOrFail $PolicyType ([string]$P['Identity'])
    if ([string]$policy['identity'] -eq 'Global') { Stop-SimCall 400 'BadRequest' 'The Global instance cannot be removed.' }
    $name = Get-SimPolicyName ([string]$policy['identity'])
    if ($script:Sim.Behaviour['refuseRemovingAssignedPolicy']) {
        $holder = Test-SimPolicyAssigned $PolicyType $name
        if ($holder) { Stop-SimCall 400 'BadRequest' ("{0} '{1}' is still assigned ({2}); remove the assignments first." -f $PolicyType, $policy['identity'], $holder) }
    }
    return $policy
}

# ---- Shared Calling routing policy ([PS-New] [PS-Set] [PS-Get] [PS-Remove]) ----
function ConvertTo-SimSharedCallingPolicy {
    param($Policy)
    [pscustomobject][ordered]@{
        Identity = [string]$Policy['identity']
        Description = $Policy['description']
        ResourceAccount = $Policy['resourceAccount']
        EmergencyNumbers = @($Policy['emergencyNumbers'] | ForEach-Object { [string]$_ })
    }
}

function Get-SimPolicyTargetId {
    param($Policy)
    return ('TeamsSharedCallingRoutingPolicy|' + [string]$Policy['identity'])
}

# EN1-EN7: the resource account and its emergency callback numbers.
function Assert-SimSharedCallingConfig {
    param($Policy, [string]$ResourceAccountId, $Numbers)
    # §3.1: -ResourceAccount takes the ObjectId (Identity) of the resource account, never a UPN.
    $parsed = [guid]::Empty
    $account = $null
    if ([guid]::TryParse($ResourceAccountId, [ref]$parsed)) {
        $account = Find-SimUser $ResourceAccountId
        # Not (yet) known to Teams: the service answers "not found" (eventual consistency included).
        if ($null -eq $account) { Stop-SimCall 404 'NotFound' ("Resource account '{0}' was not found." -f $ResourceAccountId) }
    }
    if ($null -eq $account -or [string]$account['accountType'] -ne 'ResourceAccount') {
        Stop-SimCall 400 'BadRequest' ("ResourceAccount '{0}' is not the ObjectId of a resource account (§3.1: a UPN is not accepted)." -f $ResourceAccountId)
    }
    $accountNumbers = Get-SimNumbersOf ([string]$account['objectId'])
    if ($accountNumbers.Count -eq 0) {
        Stop-SimCall 400 'BadRequest' ("Resource account '{0}' has no phone number: assign one before using it in a Shared Calling policy (RA1)." -f $account['userPrincipalName'])
    }
    $accountNumber = $accountNumbers[0]
    $policyTarget = $null; if ($null -ne $Policy) { $policyTarget = Get-SimPolicyTargetId $Policy }
    foreach ($text in [SimTenant.Data]::Items($Numbers)) {
        $numberText = [string]$text
        if ($numberText -notmatch '^\+[1-9]\d{6,14}$') { Stop-SimCall 400 'BadRequest' ("Emergency callback number '{0}' is not in E.164 format with a leading +." -f $numberText) }
        $number = Find-SimNumber $numberText
        $accountType = [string]$accountNumber['numberType']
        if ($null -eq $number) {
            # EN5: CP and OC callback numbers must be present in the tenant; DR numbers need not be.
            if ($accountType -ne 'DirectRouting') { Stop-SimCall 400 'BadRequest' ("Emergency callback number '{0}' is not in the tenant's inventory (EN5)." -f $numberText) }
            continue
        }
        # EN4: same number type and country as the resource account's number.
        if ([string]$number['numberType'] -ne $accountType) { Stop-SimCall 400 'BadRequest' ("Emergency callback number '{0}' is {1}; the resource account's number is {2} (EN4)." -f $numberText, $number['numberType'], $accountType) }
        if ([string]$number['isoCountryCode'] -ine [string]$accountNumber['isoCountryCode']) { Stop-SimCall 400 'BadRequest' ("Emergency callback number '{0}' is in {1}; the resource account's number is in {2} (EN4)." -f $numberText, $number['isoCountryCode'], $accountNumber['isoCountryCode']) }
        # EN3: a Calling Plan service number on the account needs subscriber numbers as ECBNs.
        if ($accountType -eq 'CallingPlan' -and [string]$number['numberCategory'] -eq 'Service') { Stop-SimCall 400 'BadRequest' ("Emergency callback number '{0}' is a service number; Calling Plan callback numbers must be subscriber numbers (EN3)." -f $numberText) }
        $target = [string]$number['assignedPstnTargetId']
        if ($target -and $target -ne $policyTarget) {
            # EN6 / EN7: not assigned to a user or resource account, not in another policy.
            if ($target -match '^TeamsSharedCallingRoutingPolicy\|') { Stop-SimCall 400 'BadRequest' ("Emergency callback number '{0}' already belongs to {1} (EN7)." -f $numberText, $target.Split('|')[1]) }
            Stop-SimCall 400 'BadRequest' ("Emergency callback number '{0}' is assigned to a user or resource account (EN6)." -f $numberText)
        }
    }
}

# EN11: inventory numbers held by the policy show the policy instance as their target.
function Update-SimPolicyNumberTargets {
    param($Policy, $OldNumbers, $NewNumbers)
    $target = Get-SimPolicyTargetId $Policy
    foreach ($text in [SimTenant.Data]::Items($OldNumbers)) {
        if ([SimTenant.Data]::Items($NewNumbers) -icontains [string]$text) { continue }
        $number = Find-SimNumber ([string]$text)
        if ($null -ne $number -and [string]$number['assignedPstnTargetId'] -eq $target) { Set-SimNumberTarget $number $null 'Unassigned' $null }
    }
    foreach ($text in [SimTenant.Data]::Items($NewNumbers)) {
        $number = Find-SimNumber ([string]$text)
        if ($null -ne $number -and -not $number['assignedPstnTargetId']) { Set-SimNumberTarget $number $target 'PolicyAssigned' $null }
    }
}

function SimImpl-Get-CsTeamsSharedCallingRoutingPolicy {
    param([hashtable]$P, [string]$Set)
    foreach ($policy in (Get-SimPolicies 'TeamsSharedCallingRoutingPolicy' $P)) { ConvertTo-SimSharedCallingPolicy $policy }
}

function SimImpl-New-CsTeamsSharedCallingRoutingPolicy {
    param([hashtable]$P, [string]$Set)
    Assert-SimNewPolicy 'TeamsSharedCallingRoutingPolicy' ([string]$P['Identity'])
    Assert-SimDescription $P
    if (-not $P.ContainsKey('ResourceAccount') -or -not $P['ResourceAccount']) {
        # [PS-New] table: ResourceAccount Required: True (the syntax says optional; the service needs it).
        Stop-SimCall 400 'BadRequest' 'ResourceAccount is required: give the ObjectId of the resource account (§3.1).'
    }
    $numbers = Resolve-SimListChange @() $P['EmergencyNumbers']
    $policy = [SimTenant.Data]::NewMap()
    $policy['identity'] = ConvertTo-SimPolicyIdentity ([string]$P['Identity'])
    $policy['description'] = $(if ($P.ContainsKey('Description')) { [string]$P['Description'] } else { $null })
    Assert-SimSharedCallingConfig $policy ([string]$P['ResourceAccount']) $numbers
    $account = Find-SimUser ([string]$P['ResourceAccount'])
    $policy['resourceAccount'] = [string]$account['objectId']
    $policy['emergencyNumbers'] = [SimTenant.Data]::Base((ConvertTo-SimStringList ($numbers | ForEach-Object { ConvertTo-SimNumberKey ([string]$_) })))
    $policy['createdBySim'] = $true
    $script:Sim.State['policies']['TeamsSharedCallingRoutingPolicy'].Add($policy)
    Update-SimPolicyNumberTargets $policy @() $policy['emergencyNumbers']
    return (ConvertTo-SimSharedCallingPolicy $policy)
}

function SimImpl-Set-CsTeamsSharedCallingRoutingPolicy {
    param([hashtable]$P, [string]$Set)
    $policy = Get-SimPolicyOrFail 'TeamsSharedCallingRoutingPolicy' ([string]$P['Identity'])
    Assert-SimDescription $P
    $numbers = $policy['emergencyNumbers']
    if ($P.ContainsKey('EmergencyNumbers')) { $numbers = Resolve-SimListChange $policy['emergencyNumbers'] $P['EmergencyNumbers'] }
    $accountId = [string]$policy['resourceAccount']
    if ($P.ContainsKey('ResourceAccount')) { $accountId = [string]$P['ResourceAccount'] }
    Assert-SimSharedCallingConfig $policy $accountId $numbers
    if ($P.ContainsKey('ResourceAccount')) { $policy['resourceAccount'] = [string](Find-SimUser $accountId)['objectId'] }
    if ($P.ContainsKey('Description')) { $policy['description'] = [string]$P['Description'] }
    $old = [SimTenant.Data]::Items($policy['emergencyNumbers'])
    $policy['emergencyNumbers'] = [SimTenant.Data]::Base((ConvertTo-SimStringList ($numbers | ForEach-Object { ConvertTo-SimNumberKey ([string]$_) })))
    Update-SimPolicyNumberTargets $policy $old $policy['emergencyNumbers']
}

function SimImpl-Remove-CsTeamsSharedCallingRoutingPolicy {
    param([hashtable]$P, [string]$Set)
    $policy = Remove-SimPolicy 'TeamsSharedCallingRoutingPolicy' $P
    Update-SimPolicyNumberTargets $policy ([SimTenant.Data]::Items($policy['emergencyNumbers'])) @()
    $null = $script:Sim.State['policies']['TeamsSharedCallingRoutingPolicy'].Remove($policy)
}

# ---- Emergency call routing policy ([PS-ECRP] [PS-SetECRP] [PS-EN]) ----
function SimImpl-New-CsTeamsEmergencyNumber {
    param([hashtable]$P, [string]$Set)
    $mask = $null
    if ($P.ContainsKey('EmergencyDialMask') -and $P['EmergencyDialMask']) {
        $mask = [string]$P['EmergencyDialMask']
        foreach ($part in $mask.Split(';')) { if ($part -notmatch '^\d{1,10}$') { Stop-SimCall 400 'BadRequest' ("EmergencyDialMask '{0}': each entry is 1 to 10 digits, separated by ';' (§3.12)." -f $mask) } }
    }
    [pscustomobject][ordered]@{
        EmergencyDialString = $(if ($P.ContainsKey('EmergencyDialString')) { [string]$P['EmergencyDialString'] } else { $null })
        EmergencyDialMask = $mask
        OnlinePSTNUsage = $(if ($P.ContainsKey('OnlinePSTNUsage') -and $P['OnlinePSTNUsage']) { [string]$P['OnlinePSTNUsage'] } else { $null })
    }
}

function ConvertTo-SimEmergencyNumberRecord {
    param($Number)
    $record = [SimTenant.Data]::NewMap()
    $record['emergencyDialString'] = Get-SimField $Number @('emergencyDialString', 'EmergencyDialString')
    $record['emergencyDialMask'] = Get-SimField $Number @('emergencyDialMask', 'EmergencyDialMask')
    $record['onlinePstnUsage'] = Get-SimField $Number @('onlinePstnUsage', 'OnlinePSTNUsage')
    return $record
}

function ConvertTo-SimEmergencyPolicy {
    param($Policy)
    $numbers = foreach ($number in [SimTenant.Data]::Items($Policy['emergencyNumbers'])) {
        if ($null -eq $number) { continue }
        [pscustomobject][ordered]@{ EmergencyDialString = $number['emergencyDialString']; EmergencyDialMask = $number['emergencyDialMask']; OnlinePSTNUsage = $number['onlinePstnUsage'] }
    }
    [pscustomobject][ordered]@{
        Identity = [string]$Policy['identity']
        Description = $Policy['description']
        AllowEnhancedEmergencyServices = [bool]$Policy['allowEnhancedEmergencyServices']
        EmergencyNumbers = [SimTenant.Data]::Items($numbers)
    }
}

function Get-SimEmergencyNumbers {
    param($Current, $Argument)
    $items = Resolve-SimListChange $Current $Argument
    $records = [SimTenant.Data]::NewList()
    $seen = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
    foreach ($item in $items) {
        $record = ConvertTo-SimEmergencyNumberRecord $item
        if (-not $record['emergencyDialString']) { Stop-SimCall 400 'BadRequest' 'An emergency number needs an EmergencyDialString.' }
        # E5: dial strings and dial masks unique within one policy.
        foreach ($entry in @([string]$record['emergencyDialString']) + @(([string]$record['emergencyDialMask']).Split(';') | Where-Object { $_ })) {
            if (-not $seen.Add($entry)) { Stop-SimCall 400 'BadRequest' ("Dial string or mask '{0}' appears twice in the policy (E5)." -f $entry) }
        }
        $usage = [string]$record['onlinePstnUsage']
        if ($usage -and ([SimTenant.Data]::Items($script:Sim.State['pstnUsages']) -inotcontains $usage)) {
            Stop-SimCall 400 'BadRequest' ("Online PSTN usage '{0}' does not exist (Set-CsOnlinePstnUsage, §3.12)." -f $usage)
        }
        $records.Add([SimTenant.Data]::Base($record))
    }
    return ,$records
}

function SimImpl-Get-CsTeamsEmergencyCallRoutingPolicy {
    param([hashtable]$P, [string]$Set)
    foreach ($policy in (Get-SimPolicies 'TeamsEmergencyCallRoutingPolicy' $P)) { ConvertTo-SimEmergencyPolicy $policy }
}

function SimImpl-New-CsTeamsEmergencyCallRoutingPolicy {
    param([hashtable]$P, [string]$Set)
    Assert-SimNewPolicy 'TeamsEmergencyCallRoutingPolicy' ([string]$P['Identity'])
    Assert-SimDescription $P
    # §3.12 gotcha: @{add=...} adds to the numbers of the Global instance; objects passed directly replace them.
    $global = Find-SimPolicy 'TeamsEmergencyCallRoutingPolicy' 'Global'
    $inherited = @(); if ($null -ne $global) { $inherited = [SimTenant.Data]::Items($global['emergencyNumbers']) }
    $numbers = [SimTenant.Data]::NewList()
    if ($P.ContainsKey('EmergencyNumbers')) { $numbers = Get-SimEmergencyNumbers $inherited $P['EmergencyNumbers'] }
    $policy = [SimTenant.Data]::NewMap()
    $policy['identity'] = ConvertTo-SimPolicyIdentity ([string]$P['Identity'])
    $policy['description'] = $(if ($P.ContainsKey('Description')) { [string]$P['Description'] } else { $null })
    $policy['allowEnhancedEmergencyServices'] = $(if ($P.ContainsKey('AllowEnhancedEmergencyServices')) { [bool]$P['AllowEnhancedEmergencyServices'] } else { $false })
    $policy['emergencyNumbers'] = [SimTenant.Data]::Base($numbers)
    $policy['createdBySim'] = $true
    $script:Sim.State['policies']['TeamsEmergencyCallRoutingPolicy'].Add($policy)
    return (ConvertTo-SimEmergencyPolicy $policy)
}

function SimImpl-Set-CsTeamsEmergencyCallRoutingPolicy {
    param([hashtable]$P, [string]$Set)
    $identity = 'Global'; if ($P.ContainsKey('Identity') -and $P['Identity']) { $identity = [string]$P['Identity'] }
    $policy = Get-SimPolicyOrFail 'TeamsEmergencyCallRoutingPolicy' $identity
    Assert-SimDescription $P
    if ($P.ContainsKey('EmergencyNumbers')) { $numbers = Get-SimEmergencyNumbers $policy['emergencyNumbers'] $P['EmergencyNumbers'] }
    if ($P.ContainsKey('Description')) { $policy['description'] = [string]$P['Description'] }
    if ($P.ContainsKey('AllowEnhancedEmergencyServices')) { $policy['allowEnhancedEmergencyServices'] = [bool]$P['AllowEnhancedEmergencyServices'] }
    if ($P.ContainsKey('EmergencyNumbers')) { $policy['emergencyNumbers'] = [SimTenant.Data]::Base($numbers) }
}

function SimImpl-Remove-CsTeamsEmergencyCallRoutingPolicy {
    param([hashtable]$P, [string]$Set)
    $policy = Remove-SimPolicy 'TeamsEmergencyCallRoutingPolicy' $P
    $null = $script:Sim.State['policies']['TeamsEmergencyCallRoutingPolicy'].Remove($policy)
}

# ---- Online voice routing policy ([PS-OVRP]) ----
function ConvertTo-SimVoiceRoutingPolicy {
    param($Policy)
    [pscustomobject][ordered]@{
        Identity = [string]$Policy['identity']
        Description = $Policy['description']
        OnlinePstnUsages = @($Policy['onlinePstnUsages'] | ForEach-Object { [string]$_ })
        RouteType = 'BYOT'
    }
}

function Get-SimPstnUsageList {
    param($Current, $Argument)
    $usages = ConvertTo-SimStringList (Resolve-SimListChange $Current $Argument)
    foreach ($usage in $usages) {
        if ([SimTenant.Data]::Items($script:Sim.State['pstnUsages']) -inotcontains $usage) { Stop-SimCall 400 'BadRequest' ("Online PSTN usage '{0}' does not exist (Set-CsOnlinePstnUsage)." -f $usage) }
    }
    return ,$usages
}

function SimImpl-Get-CsOnlineVoiceRoutingPolicy {
    param([hashtable]$P, [string]$Set)
    foreach ($policy in (Get-SimPolicies 'OnlineVoiceRoutingPolicy' $P)) { ConvertTo-SimVoiceRoutingPolicy $policy }
}

function SimImpl-New-CsOnlineVoiceRoutingPolicy {
    param([hashtable]$P, [string]$Set)
    Assert-SimNewPolicy 'OnlineVoiceRoutingPolicy' ([string]$P['Identity'])
    Assert-SimDescription $P
    $usages = [SimTenant.Data]::NewList()
    if ($P.ContainsKey('OnlinePstnUsages')) { $usages = Get-SimPstnUsageList @() $P['OnlinePstnUsages'] }
    $policy = [SimTenant.Data]::NewMap()
    $policy['identity'] = ConvertTo-SimPolicyIdentity ([string]$P['Identity'])
    $policy['description'] = $(if ($P.ContainsKey('Description')) { [string]$P['Description'] } else { $null })
    $policy['onlinePstnUsages'] = [SimTenant.Data]::Base($usages)
    $policy['createdBySim'] = $true
    $script:Sim.State['policies']['OnlineVoiceRoutingPolicy'].Add($policy)
    return (ConvertTo-SimVoiceRoutingPolicy $policy)
}

function SimImpl-Set-CsOnlineVoiceRoutingPolicy {
    param([hashtable]$P, [string]$Set)
    $identity = 'Global'; if ($P.ContainsKey('Identity') -and $P['Identity']) { $identity = [string]$P['Identity'] }
    $policy = Get-SimPolicyOrFail 'OnlineVoiceRoutingPolicy' $identity
    Assert-SimDescription $P
    if ($P.ContainsKey('OnlinePstnUsages')) { $policy['onlinePstnUsages'] = [SimTenant.Data]::Base((Get-SimPstnUsageList $policy['onlinePstnUsages'] $P['OnlinePstnUsages'])) }
    if ($P.ContainsKey('Description')) { $policy['description'] = [string]$P['Description'] }
}

function SimImpl-Remove-CsOnlineVoiceRoutingPolicy {
    param([hashtable]$P, [string]$Set)
    $policy = Remove-SimPolicy 'OnlineVoiceRoutingPolicy' $P
    $null = $script:Sim.State['policies']['OnlineVoiceRoutingPolicy'].Remove($policy)
}

# ---- Grant-* ([PS-Grant] [PS-GrantECRP] [PS-GrantOVRP]) ----
function Invoke-SimGrant {
    param([string]$PolicyType, [hashtable]$P, [string]$Set)
    $policyName = $null
    # §3.4/§3.6: -PolicyName is the bare name; 'Tag:X' names no policy.
    if ($P.ContainsKey('PolicyName') -and $null -ne $P['PolicyName'] -and [string]$P['PolicyName'] -ne '') { $policyName = [string]$P['PolicyName'] }
    if ($policyName -ieq 'Global') { $policyName = $null }
    if ($null -ne $policyName -and ($policyName -match '^(?i)tag:' -or $null -eq (Find-SimPolicy $PolicyType $policyName))) {
        Stop-SimCall 404 'NotFound' ("Cannot find a {0} named '{1}' (grant the name without 'Tag:', §3.6)." -f $PolicyType, $policyName)
    }
    if ($Set -eq 'GrantToGroup' -or $P.ContainsKey('Group')) {
        $group = Get-SimTeamsGroupOrFail ([string]$P['Group'])
        $rank = $null; if ($P.ContainsKey('Rank')) { $rank = [int]$P['Rank'] }
        Set-SimGroupAssignment ([string]$group['id']) $PolicyType $policyName $rank
        return
    }
    if ($Set -eq 'GrantToTenant' -or ($P.ContainsKey('Global') -and [bool]$P['Global'])) {
        $tenant = $script:Sim.State['tenant']
        if (-not $tenant.Contains('globalPolicyAssignments') -or $null -eq $tenant['globalPolicyAssignments']) { $tenant['globalPolicyAssignments'] = [SimTenant.Data]::NewMap() }
        if ($null -eq $policyName) { $tenant['globalPolicyAssignments'].Remove($PolicyType) } else { $tenant['globalPolicyAssignments'][$PolicyType] = $policyName }
        return
    }
    if (-not $P.ContainsKey('Identity') -or -not $P['Identity']) { Stop-SimCall 400 'BadRequest' 'Grant to a user needs -Identity.' }
    $user = Get-SimUserOrFail ([string]$P['Identity'])
    if ($null -eq $user['policies']) { $user['policies'] = [SimTenant.Data]::NewMap() }
    if ($null -eq $policyName) { $user['policies'].Remove($PolicyType) } else { $user['policies'][$PolicyType] = $policyName }
    if ($P.ContainsKey('PassThru') -and [bool]$P['PassThru']) { return (ConvertTo-SimOnlineUser $user) }
}

function SimImpl-Grant-CsTeamsSharedCallingRoutingPolicy { param([hashtable]$P, [string]$Set) Invoke-SimGrant 'TeamsSharedCallingRoutingPolicy' $P $Set }
function SimImpl-Grant-CsTeamsEmergencyCallRoutingPolicy { param([hashtable]$P, [string]$Set) Invoke-SimGrant 'TeamsEmergencyCallRoutingPolicy' $P $Set }
function SimImpl-Grant-CsOnlineVoiceRoutingPolicy { param([hashtable]$P, [string]$Set) Invoke-SimGrant 'OnlineVoiceRoutingPolicy' $P $Set }

# ------------------------------------------------------------------------------------------------
# Group policy assignment (§3.14)
# ------------------------------------------------------------------------------------------------
function Get-SimTeamsGroupOrFail {
    param([string]$Group)
    if ($script:Sim.Groups.ContainsKey($Group)) { return $script:Sim.Groups[$Group] }
    foreach ($candidate in $script:Sim.State['groups']) {
        if ([string]$candidate['mail'] -and [string]$candidate['mail'] -ieq $Group) { return $candidate }
    }
    Stop-SimCall 404 'NotFound' ("Group '{0}' was not found." -f $Group)
}

function Set-SimGroupAssignment {
    param([string]$GroupId, [string]$PolicyType, [string]$PolicyName, $Rank)
    $list = $script:Sim.State['groupPolicyAssignments']
    $group = $script:Sim.Groups[$GroupId]
    $existing = $null
    foreach ($assignment in $list) { if ([string]$assignment['groupId'] -ieq $GroupId -and [string]$assignment['policyType'] -eq $PolicyType) { $existing = $assignment } }
    if ($null -ne $existing) { $null = $list.Remove($existing) }
    $same = @($list | Where-Object { [string]$_['policyType'] -eq $PolicyType } | Sort-Object { [int]$_['rank'] })
    if ($PolicyName) {
        if ([bool]$group['hiddenMembership']) { Stop-SimCall 400 'BadRequest' ("Group '{0}' has hidden membership and cannot take group policy assignments (§3.14)." -f $GroupId) }
        if ($same.Count -ge 64) { Stop-SimCall 400 'BadRequest' ('At most 64 groups can have a {0} assignment (§3.14).' -f $PolicyType) }
        $assignment = [SimTenant.Data]::NewMap()
        $assignment['groupId'] = $GroupId
        $assignment['policyType'] = $PolicyType
        $assignment['policyName'] = $PolicyName
        $position = $same.Count
        if ($null -ne $Rank -and [int]$Rank -ge 1 -and [int]$Rank -le $same.Count) { $position = [int]$Rank - 1 }
        $ordered = New-Object System.Collections.Generic.List[object]
        foreach ($item in $same) { $ordered.Add($item) }
        $ordered.Insert($position, $assignment)
        $same = $ordered.ToArray()
        $list.Add($assignment)
    }
    # Ranks are renumbered 1, 2, 3 ... within a policy type.
    $rankNumber = 1
    foreach ($item in $same) { $item['rank'] = $rankNumber; $rankNumber++ }
}

function ConvertTo-SimGroupAssignment {
    param($Assignment)
    [pscustomobject][ordered]@{
        GroupId = [string]$Assignment['groupId']; PolicyType = [string]$Assignment['policyType']
        PolicyName = [string]$Assignment['policyName']; Rank = [int]$Assignment['rank']
        CreatedTime = $null; CreatedBy = $null
    }
}

function SimImpl-Get-CsGroupPolicyAssignment {
    param([hashtable]$P, [string]$Set)
    foreach ($assignment in $script:Sim.State['groupPolicyAssignments']) {
        if ($P.ContainsKey('GroupId') -and [string]$assignment['groupId'] -ine [string]$P['GroupId']) { continue }
        if ($P.ContainsKey('PolicyType') -and [string]$assignment['policyType'] -ine [string]$P['PolicyType']) { continue }
        ConvertTo-SimGroupAssignment $assignment
    }
}

function SimImpl-New-CsGroupPolicyAssignment {
    param([hashtable]$P, [string]$Set)
    $group = Get-SimTeamsGroupOrFail ([string]$P['GroupId'])
    $type = [string]$P['PolicyType']
    $name = Get-SimPolicyName ([string]$P['PolicyName'])
    if ($script:PolicyTypes -contains $type -and $null -eq (Find-SimPolicy $type $name)) { Stop-SimCall 404 'NotFound' ("Cannot find a {0} named '{1}'." -f $type, $name) }
    foreach ($assignment in $script:Sim.State['groupPolicyAssignments']) {
        if ([string]$assignment['groupId'] -ieq [string]$group['id'] -and [string]$assignment['policyType'] -eq $type) { Stop-SimCall 409 'Conflict' ("Group '{0}' already has a {1} assignment." -f $P['GroupId'], $type) }
    }
    $rank = $null; if ($P.ContainsKey('Rank')) { $rank = [int]$P['Rank'] }
    Set-SimGroupAssignment ([string]$group['id']) $type $name $rank
}

function SimImpl-Remove-CsGroupPolicyAssignment {
    param([hashtable]$P, [string]$Set)
    $group = Get-SimTeamsGroupOrFail ([string]$P['GroupId'])
    $type = [string]$P['PolicyType']
    $found = $false
    foreach ($assignment in $script:Sim.State['groupPolicyAssignments']) { if ([string]$assignment['groupId'] -ieq [string]$group['id'] -and [string]$assignment['policyType'] -eq $type) { $found = $true } }
    if (-not $found) { Stop-SimCall 404 'NotFound' ("Group '{0}' has no {1} assignment." -f $P['GroupId'], $type) }
    Set-SimGroupAssignment ([string]$group['id']) $type $null $null
}

function SimImpl-Get-CsUserPolicyAssignment {
    param([hashtable]$P, [string]$Set)
    $user = Get-SimUserOrFail ([string]$P['Identity'])
    $types = [SimTenant.Data]::Items($script:PolicyTypes)
    if ($P.ContainsKey('PolicyType') -and $P['PolicyType']) { $types = @([string]$P['PolicyType']) }
    foreach ($type in $types) {
        $effective = Get-SimEffectivePolicy $user $type
        # [PS-UPA]: no result means the tenant or system global default applies.
        if ($null -eq $effective) { continue }
        $sources = New-Object System.Collections.Generic.List[object]
        $direct = $null
        if ($null -ne $user['policies'] -and $user['policies'].Contains($type)) { $direct = [string]$user['policies'][$type] }
        if ($direct) { $sources.Add([pscustomobject][ordered]@{ AssignmentType = 'Direct'; PolicyName = $direct; Reference = $null }) }
        $groups = $null
        if ($script:Sim.UserGroups.ContainsKey([string]$user['objectId'])) { $groups = $script:Sim.UserGroups[[string]$user['objectId']] }
        if ($null -ne $groups) {
            foreach ($assignment in @($script:Sim.State['groupPolicyAssignments'] | Where-Object { [string]$_['policyType'] -eq $type } | Sort-Object { [int]$_['rank'] })) {
                if ($groups.Contains([string]$assignment['groupId'])) { $sources.Add([pscustomobject][ordered]@{ AssignmentType = 'Group'; PolicyName = [string]$assignment['policyName']; Reference = [string]$assignment['groupId'] }) }
            }
        }
        [pscustomobject][ordered]@{ PolicyType = $type; PolicyName = $effective.PolicyName; PolicySource = $sources.ToArray() }
    }
}

# ------------------------------------------------------------------------------------------------
# Batch policy assignment (§3.14, D6, D7)
# ------------------------------------------------------------------------------------------------
function SimImpl-New-CsBatchPolicyAssignmentOperation {
    param([hashtable]$P, [string]$Set)
    $type = [string]$P['PolicyType']
    if ($script:BatchPolicyTypes -notcontains $type) {
        Stop-SimCall 400 'BadRequest' ("PolicyType '{0}' is not supported by batch policy assignment (§3.14)." -f $type)
    }
    $name = $null
    if ($P.ContainsKey('PolicyName') -and $null -ne $P['PolicyName'] -and [string]$P['PolicyName'] -ne '') { $name = Get-SimPolicyName ([string]$P['PolicyName']) }
    if ($null -ne $name -and $script:PolicyTypes -contains $type -and $null -eq (Find-SimPolicy $type $name)) {
        Stop-SimCall 404 'NotFound' ("Cannot find a {0} named '{1}'." -f $type, $name)
    }
    $ids = [SimTenant.Data]::NewList()
    $seen = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
    foreach ($id in [SimTenant.Data]::Items($P['Identity'])) { if ($null -ne $id -and $seen.Add([string]$id)) { $ids.Add([string]$id) } }
    if ($ids.Count -eq 0) { Stop-SimCall 400 'BadRequest' 'Identity names no users.' }
    if ($ids.Count -gt 5000) { Stop-SimCall 400 'BadRequest' ('A batch takes at most 5,000 users; got {0} (§3.14).' -f $ids.Count) }
    $operationName = $null; if ($P.ContainsKey('OperationName')) { $operationName = [string]$P['OperationName'] }
    $op = [SimTenant.Data]::NewMap()
    $op['operationId'] = New-SimGuid 'batch' ('{0}|{1}|{2}' -f $type, $name, $script:Sim.Seq)
    $op['operationName'] = $operationName
    $op['policyType'] = $type
    $op['policyName'] = $name
    $op['userIds'] = $ids
    $op['createdTime'] = Get-SimIso
    $op['pollsSoFar'] = 0
    $op['applied'] = $false
    $op['userState'] = $null
    $script:Sim.State['batchOperations'].Add($op)
    return [string]$op['operationId']
}

# Applies a finished batch once: per-user results (behaviour.batch.userErrors, unknown users) and
# the users left out of UserState (behaviour.batch.missingFromUserState, D7).
function Complete-SimBatch {
    param($Op)
    $behaviour = $script:Sim.Behaviour['batch']
    $errors = $behaviour['userErrors']
    $missing = @($behaviour['missingFromUserState'] | ForEach-Object { [string]$_ })
    $states = [SimTenant.Data]::NewList()
    foreach ($id in $Op['userIds']) {
        $user = Find-SimUser ([string]$id)
        $keys = @([string]$id)
        if ($null -ne $user) { $keys += @([string]$user['objectId'], [string]$user['userPrincipalName']) }
        $isMissing = $false
        foreach ($key in $keys) { if ($missing -icontains $key) { $isMissing = $true } }
        if ($isMissing) { continue }
        $result = 'Success'
        $errorText = $null
        if ($null -ne $errors) { foreach ($key in $keys) { if ($errors.Contains($key)) { $errorText = [string]$errors[$key] } } }
        if ($null -eq $user) { $result = 'User not found' }
        elseif ($errorText) { $result = $errorText }
        else {
            if ($null -eq $user['policies']) { $user['policies'] = [SimTenant.Data]::NewMap() }
            if ($Op['policyName']) { $user['policies'][[string]$Op['policyType']] = [string]$Op['policyName'] } else { $user['policies'].Remove([string]$Op['policyType']) }
        }
        $state = [SimTenant.Data]::NewMap()
        $state['id'] = [string]$id
        $state['result'] = $result
        $state['state'] = 'Completed'
        $states.Add($state)
    }
    $Op['userState'] = $states
    $Op['applied'] = $true
    $Op['completedTime'] = Get-SimIso
}

function ConvertTo-SimBatchOperation {
    param($Op)
    $polls = [int]$Op['pollsSoFar']
    $behaviour = $script:Sim.Behaviour['batch']
    $status = 'NotStarted'
    if ($polls -ge [int]$behaviour['pollsUntilInProgress']) { $status = 'InProgress' }
    if ($polls -ge [int]$behaviour['pollsUntilComplete'] -or $Op['applied']) { $status = [string]$behaviour['completeWord'] }
    $userStates = @()
    $errorsCount = 0; $completedCount = 0
    if ($Op['applied']) {
        $userStates = foreach ($state in $Op['userState']) {
            if ([string]$state['result'] -ne 'Success') { $errorsCount++ } else { $completedCount++ }
            [pscustomobject][ordered]@{ Id = [string]$state['id']; Result = [string]$state['result']; State = [string]$state['state'] }
        }
    } else {
        $userState = $(if ($status -eq 'NotStarted') { 'NotStarted' } else { 'InProgress' })
        $userStates = foreach ($id in $Op['userIds']) { [pscustomobject][ordered]@{ Id = [string]$id; Result = ''; State = $userState } }
    }
    $total = [SimTenant.Data]::Items($Op['userIds']).Count
    [pscustomobject][ordered]@{
        OperationId = [string]$Op['operationId']
        OperationName = $Op['operationName']
        OverallStatus = $status
        CreatedBy = 'admin@' + [string]$script:Sim.State['tenant']['defaultDomain']
        CreatedTime = $Op['createdTime']
        CompletedTime = $Op['completedTime']
        CompletedCount = $completedCount
        ErrorCount = $errorsCount
        InProgressCount = $(if ($status -eq 'InProgress') { $total } else { 0 })
        NotStartedCount = $(if ($status -eq 'NotStarted') { $total } else { 0 })
        UserState = [SimTenant.Data]::Items($userStates)
    }
}

function SimImpl-Get-CsBatchPolicyAssignmentOperation {
    param([hashtable]$P, [string]$Set)
    if ($P.ContainsKey('Identity')) {
        $op = $null
        foreach ($candidate in $script:Sim.State['batchOperations']) { if ([string]$candidate['operationId'] -ieq [string]$P['Identity']) { $op = $candidate } }
        if ($null -eq $op) { Stop-SimCall 404 'NotFound' ("Batch operation '{0}' was not found." -f $P['Identity']) }
        # Progress is driven by polls: NotStarted -> InProgress -> Complete(d) after K polls.
        $op['pollsSoFar'] = [int]$op['pollsSoFar'] + 1
        Set-SimDirty
        if (-not $op['applied'] -and [int]$op['pollsSoFar'] -ge [int]$script:Sim.Behaviour['batch']['pollsUntilComplete']) { Complete-SimBatch $op }
        return (ConvertTo-SimBatchOperation $op)
    }
    foreach ($op in $script:Sim.State['batchOperations']) {
        $view = ConvertTo-SimBatchOperation $op
        if ($P.ContainsKey('Status') -and [string]$view.OverallStatus -ine [string]$P['Status']) { continue }
        $view
    }
}

# ------------------------------------------------------------------------------------------------
# Auto attendants ([PS-AA] [PS-AADS] [PS-AAMenu]); the builders store nothing
# ------------------------------------------------------------------------------------------------
function SimImpl-New-CsAutoAttendantPrompt {
    param([hashtable]$P, [string]$Set)
    $active = 'None'
    if ($P.ContainsKey('TextToSpeechPrompt') -and $P['TextToSpeechPrompt']) { $active = 'TextToSpeech' }
    if ($P.ContainsKey('AudioFilePrompt') -and $P['AudioFilePrompt']) { $active = 'AudioFile' }
    if ($P.ContainsKey('ActiveType') -and $P['ActiveType']) { $active = [string]$P['ActiveType'] }
    if ($P.ContainsKey('TextToSpeechPrompt') -and ([string]$P['TextToSpeechPrompt']).Length -gt 1000) { Stop-SimCall 400 'BadRequest' 'A text-to-speech prompt has at most 1,000 characters (AA11).' }
    [pscustomobject][ordered]@{
        ActiveType = $active
        TextToSpeechPrompt = $(if ($P.ContainsKey('TextToSpeechPrompt')) { [string]$P['TextToSpeechPrompt'] } else { $null })
        AudioFilePrompt = $(if ($P.ContainsKey('AudioFilePrompt')) { $P['AudioFilePrompt'] } else { $null })
    }
}

function SimImpl-New-CsAutoAttendantMenuOption {
    param([hashtable]$P, [string]$Set)
    [pscustomobject][ordered]@{
        Action = [string]$P['Action']
        DtmfResponse = [string]$P['DtmfResponse']
        VoiceResponses = [SimTenant.Data]::Items($P['VoiceResponses'])
        CallTarget = $P['CallTarget']
        Prompt = $P['Prompt']
        Description = $P['Description']
    }
}

function SimImpl-New-CsAutoAttendantMenu {
    param([hashtable]$P, [string]$Set)
    $method = 'None'
    if ($P.ContainsKey('DirectorySearchMethod') -and $P['DirectorySearchMethod']) { $method = [string]$P['DirectorySearchMethod'] }
    if (@('None', 'ByName', 'ByExtension') -notcontains $method) { Stop-SimCall 400 'BadRequest' ("DirectorySearchMethod must be None, ByName or ByExtension, not '{0}'." -f $method) }
    [pscustomobject][ordered]@{
        Name = [string]$P['Name']
        Prompts = @($P['Prompts'] | Where-Object { $null -ne $_ })
        MenuOptions = @($P['MenuOptions'] | Where-Object { $null -ne $_ })
        DialByNameEnabled = ($P.ContainsKey('EnableDialByName') -and [bool]$P['EnableDialByName'])
        DirectorySearchMethod = $method
    }
}

function SimImpl-New-CsAutoAttendantCallFlow {
    param([hashtable]$P, [string]$Set)
    [pscustomobject][ordered]@{
        Id = [guid]::NewGuid().ToString()
        Name = [string]$P['Name']
        Greetings = @($P['Greetings'] | Where-Object { $null -ne $_ })
        Menu = $P['Menu']
        ForceListenMenuEnabled = ($P.ContainsKey('ForceListenMenuEnabled') -and [bool]$P['ForceListenMenuEnabled'])
    }
}

function SimImpl-New-CsAutoAttendantDialScope {
    param([hashtable]$P, [string]$Set)
    [pscustomobject][ordered]@{
        Type = 'Group'
        GroupScope = [pscustomobject][ordered]@{ GroupIds = @($P['GroupIds'] | ForEach-Object { [string]$_ }) }
    }
}

function SimImpl-New-CsAutoAttendantCallableEntity {
    param([hashtable]$P, [string]$Set)
    [pscustomobject][ordered]@{
        Id = [string]$P['Identity']; Type = [string]$P['Type']
        EnableTranscription = ($P.ContainsKey('EnableTranscription') -and [bool]$P['EnableTranscription'])
        EnableSharedVoicemailSystemPromptSuppression = ($P.ContainsKey('EnableSharedVoicemailSystemPromptSuppression') -and [bool]$P['EnableSharedVoicemailSystemPromptSuppression'])
        CallPriority = $(if ($P.ContainsKey('CallPriority')) { [int]$P['CallPriority'] } else { 3 })
    }
}

function Find-SimAutoAttendantById {
    param([string]$Identity)
    foreach ($aa in $script:Sim.State['autoAttendants']) { if ([string]$aa['identity'] -ieq $Identity) { return $aa } }
    return $null
}

function ConvertTo-SimPlain {
    param($Value)
    # A builder object (pscustomobject) kept in the snapshot as a plain map.
    if ($null -eq $Value) { return $null }
    return [SimTenant.Json]::Parse([SimTenant.Json]::Serialize($Value, 0))
}

function ConvertFrom-SimPlain {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [System.Collections.IDictionary]) {
        $out = [ordered]@{}
        foreach ($key in [SimTenant.Data]::Items($Value.Keys)) { $out[[string]$key] = ConvertFrom-SimPlain $Value[$key] }
        return [pscustomobject]$out
    }
    if ($Value -is [System.Collections.IList]) { return ,@($Value | ForEach-Object { ConvertFrom-SimPlain $_ }) }
    return $Value
}

function Get-SimScopeGroupIds {
    param($Scope)
    if ($null -eq $Scope) { return ,@() }
    $groupScope = Get-SimField $Scope @('GroupScope', 'groupScope')
    if ($null -eq $groupScope) { return ,@() }
    return ,@((Get-SimField $groupScope @('GroupIds', 'groupIds')) | Where-Object { $_ } | ForEach-Object { [string]$_ })
}

function Assert-SimGroupIds {
    param($GroupIds)
    foreach ($id in [SimTenant.Data]::Items($GroupIds)) {
        if (-not $script:Sim.Groups.ContainsKey([string]$id)) { Stop-SimCall 400 'BadRequest' ("Dial scope group '{0}' was not found (AA2)." -f $id) }
    }
}

function ConvertTo-SimAutoAttendant {
    param($AA)
    $inclusion = $null
    if ([SimTenant.Data]::Items($AA['inclusionScopeGroupIds']).Count -gt 0) { $inclusion = [pscustomobject][ordered]@{ Type = 'Group'; GroupScope = [pscustomobject][ordered]@{ GroupIds = @($AA['inclusionScopeGroupIds'] | ForEach-Object { [string]$_ }) } } }
    $exclusion = $null
    if ([SimTenant.Data]::Items($AA['exclusionScopeGroupIds']).Count -gt 0) { $exclusion = [pscustomobject][ordered]@{ Type = 'Group'; GroupScope = [pscustomobject][ordered]@{ GroupIds = @($AA['exclusionScopeGroupIds'] | ForEach-Object { [string]$_ }) } } }
    $instances = @($script:Sim.State['associations'] | Where-Object { [string]$_['configurationId'] -ieq [string]$AA['identity'] } | ForEach-Object { [string]$_['objectId'] })
    # Property names as Get-CsAutoAttendant.md Example 2 shows them (Id, not Identity).
    [pscustomobject][ordered]@{
        Id = [string]$AA['identity']
        TenantId = [string]$script:Sim.State['tenant']['tenantId']
        Name = [string]$AA['name']
        LanguageId = [string]$AA['languageId']
        VoiceId = $AA['voiceId']
        DefaultCallFlow = (ConvertFrom-SimPlain $AA['defaultCallFlow'])
        Operator = (ConvertFrom-SimPlain $AA['operator'])
        TimeZoneId = [string]$AA['timeZoneId']
        VoiceResponseEnabled = [bool]$AA['voiceResponseEnabled']
        CallFlows = @()
        Schedules = @()
        CallHandlingAssociations = @()
        DirectoryLookupScope = [pscustomobject][ordered]@{ InclusionScope = $inclusion; ExclusionScope = $exclusion }
        Status = $null
        DialByNameResourceId = $null
        ApplicationInstances = $instances
        UserNameExtension = $AA['userNameExtension']
    }
}

function SimImpl-New-CsAutoAttendant {
    param([hashtable]$P, [string]$Set)
    $name = [string]$P['Name']
    foreach ($aa in $script:Sim.State['autoAttendants']) {
        if ([string]$aa['name'] -ceq $name) { Stop-SimCall 409 'Conflict' ("An auto attendant named '{0}' already exists." -f $name) }
    }
    if ([string]$P['LanguageId'] -notmatch '^[a-z]{2,3}-[A-Z]{2}$') { Stop-SimCall 400 'BadRequest' ("LanguageId '{0}' is not a supported language (for example en-US)." -f $P['LanguageId']) }
    if (-not [string]$P['TimeZoneId']) { Stop-SimCall 400 'BadRequest' 'TimeZoneId is required.' }
    $flow = $P['DefaultCallFlow']
    if ($null -eq $flow -or $null -eq (Get-SimField $flow @('Menu'))) { Stop-SimCall 400 'BadRequest' 'DefaultCallFlow must be a call flow with a menu (New-CsAutoAttendantCallFlow).' }
    $inclusion = Get-SimScopeGroupIds $P['InclusionScope']
    $exclusion = Get-SimScopeGroupIds $P['ExclusionScope']
    Assert-SimGroupIds $inclusion
    Assert-SimGroupIds $exclusion
    $aa = [SimTenant.Data]::NewMap()
    $aa['identity'] = New-SimGuid 'autoAttendant' $name
    $aa['name'] = $name
    $aa['languageId'] = [string]$P['LanguageId']
    $aa['timeZoneId'] = [string]$P['TimeZoneId']
    $aa['voiceId'] = $(if ($P.ContainsKey('VoiceId')) { [string]$P['VoiceId'] } else { $null })
    $aa['voiceResponseEnabled'] = ($P.ContainsKey('EnableVoiceResponse') -and [bool]$P['EnableVoiceResponse'])
    $aa['defaultCallFlow'] = [SimTenant.Data]::Base((ConvertTo-SimPlain $flow))
    $aa['inclusionScopeGroupIds'] = [SimTenant.Data]::Base((ConvertTo-SimStringList $inclusion))
    $aa['exclusionScopeGroupIds'] = [SimTenant.Data]::Base((ConvertTo-SimStringList $exclusion))
    $aa['operator'] = [SimTenant.Data]::Base((ConvertTo-SimPlain $P['Operator']))
    $aa['userNameExtension'] = $(if ($P.ContainsKey('UserNameExtension')) { [string]$P['UserNameExtension'] } else { $null })
    $aa['createdBySim'] = $true
    $script:Sim.State['autoAttendants'].Add($aa)
    return (ConvertTo-SimAutoAttendant $aa)
}

function SimImpl-Get-CsAutoAttendant {
    param([hashtable]$P, [string]$Set)
    if ($P.ContainsKey('Identity') -and $P['Identity']) {
        $aa = Find-SimAutoAttendantById ([string]$P['Identity'])
        if ($null -eq $aa) { Stop-SimCall 404 'NotFound' ("Auto attendant '{0}' was not found." -f $P['Identity']) }
        return (ConvertTo-SimAutoAttendant $aa)
    }
    $items = [SimTenant.Data]::Items($script:Sim.State['autoAttendants'])
    if ($P.ContainsKey('NameFilter') -and $P['NameFilter']) {
        $filter = [string]$P['NameFilter']
        $items = @($items | Where-Object { ([string]$_['name']).IndexOf($filter, [System.StringComparison]::OrdinalIgnoreCase) -ge 0 })
    }
    if ($P.ContainsKey('SortBy') -and [string]$P['SortBy'] -eq 'Name') { $items = @($items | Sort-Object { [string]$_['name'] } -Descending:($P.ContainsKey('Descending') -and [bool]$P['Descending'])) }
    $skip = 0; if ($P.ContainsKey('Skip')) { $skip = [int]$P['Skip'] }
    # [Get-CsAutoAttendant] -First: at most 100 at a time (the default); more fails.
    $first = 100; if ($P.ContainsKey('First')) { $first = [int]$P['First'] }
    if ($first -gt 100) { Stop-SimCall 400 'BadRequest' '-First accepts at most 100 auto attendants per request.' }
    foreach ($aa in @($items | Select-Object -Skip $skip -First $first)) { ConvertTo-SimAutoAttendant $aa }
}

function SimImpl-Set-CsAutoAttendant {
    param([hashtable]$P, [string]$Set)
    $instance = $P['Instance']
    $identity = [string](Get-SimField $instance @('Id', 'Identity'))
    $aa = Find-SimAutoAttendantById $identity
    if ($null -eq $aa) { Stop-SimCall 404 'NotFound' ("Auto attendant '{0}' was not found." -f $identity) }
    $language = [string](Get-SimField $instance @('LanguageId'))
    if ($language -notmatch '^[a-z]{2,3}-[A-Z]{2}$') { Stop-SimCall 400 'BadRequest' ("LanguageId '{0}' is not a supported language." -f $language) }
    $scope = Get-SimField $instance @('DirectoryLookupScope')
    $inclusion = Get-SimScopeGroupIds (Get-SimField $scope @('InclusionScope'))
    $exclusion = Get-SimScopeGroupIds (Get-SimField $scope @('ExclusionScope'))
    Assert-SimGroupIds $inclusion
    Assert-SimGroupIds $exclusion
    $name = [string](Get-SimField $instance @('Name'))
    if ($name -cne [string]$aa['name']) {
        foreach ($other in $script:Sim.State['autoAttendants']) { if ($other -ne $aa -and [string]$other['name'] -ceq $name) { Stop-SimCall 409 'Conflict' ("An auto attendant named '{0}' already exists." -f $name) } }
    }
    $aa['name'] = $name
    $aa['languageId'] = $language
    $aa['timeZoneId'] = [string](Get-SimField $instance @('TimeZoneId'))
    $aa['voiceResponseEnabled'] = [bool](Get-SimField $instance @('VoiceResponseEnabled'))
    $aa['defaultCallFlow'] = [SimTenant.Data]::Base((ConvertTo-SimPlain (Get-SimField $instance @('DefaultCallFlow'))))
    $aa['operator'] = [SimTenant.Data]::Base((ConvertTo-SimPlain (Get-SimField $instance @('Operator'))))
    $aa['inclusionScopeGroupIds'] = [SimTenant.Data]::Base((ConvertTo-SimStringList $inclusion))
    $aa['exclusionScopeGroupIds'] = [SimTenant.Data]::Base((ConvertTo-SimStringList $exclusion))
}

function SimImpl-Remove-CsAutoAttendant {
    param([hashtable]$P, [string]$Set)
    $aa = Find-SimAutoAttendantById ([string]$P['Identity'])
    if ($null -eq $aa) { Stop-SimCall 404 'NotFound' ("Auto attendant '{0}' was not found." -f $P['Identity']) }
    # Inferred: removing an auto attendant drops its resource-account associations.
    foreach ($association in @($script:Sim.State['associations'] | Where-Object { [string]$_['configurationId'] -ieq [string]$aa['identity'] })) {
        $null = $script:Sim.State['associations'].Remove($association)
    }
    $null = $script:Sim.State['autoAttendants'].Remove($aa)
}

# ===============================================================================================
# GRAPH
# ===============================================================================================
# SimTenant: behaviours of the Microsoft Graph PowerShell cmdlets the scripts use (SimImpl-<Cmdlet>).

# Scopes that allow a call (delegated); an app-only connection is allowed everything.
$script:GraphScopes = @{
    'Get-MgUser' = @('User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'User.ReadBasic.All')
    'Update-MgUser' = @('User.ReadWrite.All', 'Directory.ReadWrite.All')
    'Remove-MgUser' = @('User.ReadWrite.All', 'Directory.ReadWrite.All')
    'Set-MgUserLicense' = @('User.ReadWrite.All', 'Directory.ReadWrite.All', 'LicenseAssignment.ReadWrite.All')
    'Get-MgSubscribedSku' = @('Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'LicenseAssignment.Read.All')
    'Get-MgGroup' = @('Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'GroupMember.Read.All')
    'New-MgGroup' = @('Group.ReadWrite.All', 'Directory.ReadWrite.All', 'Group.Create')
    'Get-MgGroupMember' = @('GroupMember.Read.All', 'Group.Read.All', 'GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All')
    'New-MgGroupMember' = @('GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All')
    'Update-MgGroup' = @('GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All')
    'Remove-MgGroup' = @('Group.ReadWrite.All', 'Directory.ReadWrite.All')
    'Remove-MgGroupMemberByRef' = @('GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All')
    'Remove-MgGroupMemberDirectoryObjectByRef' = @('GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All')
}

function Assert-SimGraphScope {
    $call = $script:Sim.CurrentCall
    $context = $script:Sim.GraphContext
    if ($null -eq $context -or $context.AuthType -eq 'AppOnly') { return }
    $needed = $script:GraphScopes[$call.Name]
    if ($null -eq $needed) { return }
    foreach ($scope in $context.Scopes) { if ($needed -icontains $scope) { return } }
    Stop-SimCall 403 'Authorization_RequestDenied' ('Insufficient privileges to complete the operation. {0} needs one of the scopes {1}; connected with {2}.' -f $call.Name, ($needed -join ', '), ($context.Scopes -join ', '))
}

function SimImpl-Connect-MgGraph {
    param([hashtable]$P, [string]$Set)
    $tenant = $script:Sim.State['tenant']
    $authType = 'Delegated'
    if ($Set -ne 'UserParameterSet') { $authType = 'AppOnly' }
    $scopes = New-Object System.Collections.Generic.List[string]
    if ($null -ne $script:Sim.GraphContext -and $authType -eq 'Delegated') { foreach ($s in $script:Sim.GraphContext.Scopes) { $scopes.Add($s) } }
    foreach ($s in [SimTenant.Data]::Items($P['Scopes'])) { if ($s -and -not $scopes.Contains([string]$s)) { $scopes.Add([string]$s) } }
    foreach ($s in @('openid', 'profile')) { if ($authType -eq 'Delegated' -and -not $scopes.Contains($s)) { $scopes.Add($s) } }
    $script:Sim.GraphContext = [pscustomobject][ordered]@{
        ClientId = $(if ($P.ContainsKey('ClientId')) { [string]$P['ClientId'] } else { '14d82eec-204b-4c2f-b7e8-296a70dab67e' })
        TenantId = [string]$tenant['tenantId']
        Scopes = $scopes.ToArray()
        AuthType = $authType
        TokenCredentialType = $(if ($authType -eq 'AppOnly') { 'ClientCertificate' } else { 'InteractiveBrowser' })
        Account = $(if ($authType -eq 'Delegated') { 'admin@' + [string]$tenant['defaultDomain'] } else { $null })
        AppName = 'Microsoft Graph Command Line Tools'
        ContextScope = 'CurrentUser'
        Environment = 'Global'
    }
    if (-not ($P.ContainsKey('NoWelcome') -and [bool]$P['NoWelcome'])) { Write-Host 'Welcome to Microsoft Graph!' }
}

function SimImpl-Disconnect-MgGraph {
    param([hashtable]$P, [string]$Set)
    $script:Sim.GraphContext = $null
}

function SimImpl-Get-MgContext {
    param([hashtable]$P, [string]$Set)
    return $script:Sim.GraphContext
}

# Graph returns only the default properties unless -Property names others (UsageLocation and
# AssignedLicenses are not in the default set).
$script:GraphUserDefault = @('Id', 'BusinessPhones', 'DisplayName', 'GivenName', 'JobTitle', 'Mail', 'MobilePhone', 'OfficeLocation', 'PreferredLanguage', 'Surname', 'UserPrincipalName')

function ConvertTo-SimGraphUser {
    param($User, $Property)
    $wanted = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
    $names = @($Property | ForEach-Object { ([string]$_).Split(',') } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
    if ($names.Count -eq 0 -or $names -contains '*') { foreach ($n in $script:GraphUserDefault) { $null = $wanted.Add($n) } }
    foreach ($n in $names) { $null = $wanted.Add($n) }
    $null = $wanted.Add('Id')
    $licences = @($User['assignedLicenses'] | Where-Object { $null -ne $_ } | ForEach-Object {
        [pscustomobject][ordered]@{ SkuId = [string]$_['skuId']; DisabledPlans = @($_['disabledPlans'] | ForEach-Object { [string]$_ }) }
    })
    $all = [ordered]@{
        Id = [string]$User['objectId']
        UserPrincipalName = [string]$User['userPrincipalName']
        DisplayName = [string]$User['displayName']
        AccountEnabled = [bool]$User['accountEnabled']
        UsageLocation = $User['usageLocation']
        AssignedLicenses = $licences
        BusinessPhones = @($User['businessPhones'] | ForEach-Object { [string]$_ })
        MobilePhone = $User['mobilePhone']
        Mail = $(if ([string]$User['accountType'] -eq 'ResourceAccount') { $null } else { [string]$User['userPrincipalName'] })
        UserType = $(if ([string]$User['accountType'] -eq 'Guest') { 'Guest' } else { 'Member' })
        GivenName = $null; Surname = $null; JobTitle = $null; OfficeLocation = $null; PreferredLanguage = $null
    }
    $out = [ordered]@{}
    foreach ($key in $all.Keys) { $out[$key] = $(if ($wanted.Contains($key)) { $all[$key] } else { $null }) }
    $out['AdditionalProperties'] = @{}
    return [pscustomobject]$out
}

function Get-SimGraphUserOrFail {
    param([string]$UserId)
    $user = Find-SimUser $UserId -IgnoreVisibility
    if ($null -eq $user) {
        Stop-SimCall 404 'Request_ResourceNotFound' ("Resource '{0}' does not exist or one of its queried reference-property objects are not present." -f $UserId)
    }
    return $user
}

# OData $filter subset: <field> eq '<v>', startswith(<field>,'<v>'), assignedLicenses/any(x:x/skuId eq <guid>), joined by 'and'.
function Test-SimGraphFilter {
    param($Record, [string]$Filter, [hashtable]$Fields)
    if (-not $Filter) { return $true }
    foreach ($clause in ($Filter -split '\s+and\s+')) {
        $clause = $clause.Trim()
        if ($clause -match "^(\w+)\s+eq\s+'(.*)'$") {
            $field = $Fields[$Matches[1]]
            if ($null -eq $field) { Stop-SimCall 400 'Request_UnsupportedQuery' ("Unsupported or invalid query filter clause specified for property '{0}'." -f $Matches[1]) }
            if ([string]$Record[$field] -ine $Matches[2].Replace("''", "'")) { return $false }
        } elseif ($clause -match "^(\w+)\s+eq\s+(true|false)$") {
            $field = $Fields[$Matches[1]]
            if ($null -eq $field) { Stop-SimCall 400 'Request_UnsupportedQuery' ("Unsupported or invalid query filter clause specified for property '{0}'." -f $Matches[1]) }
            if ([bool]$Record[$field] -ne [bool]::Parse($Matches[2])) { return $false }
        } elseif ($clause -match "^startswith\((\w+),\s*'(.*)'\)$") {
            $field = $Fields[$Matches[1]]
            if ($null -eq $field) { Stop-SimCall 400 'Request_UnsupportedQuery' ("Unsupported property '{0}' in startswith." -f $Matches[1]) }
            if (-not ([string]$Record[$field]).StartsWith($Matches[2].Replace("''", "'"), [System.StringComparison]::OrdinalIgnoreCase)) { return $false }
        } elseif ($clause -match '^assignedLicenses/any\(\w+:\w+/skuId\s+eq\s+([0-9a-fA-F-]{36})\)$') {
            $sku = $Matches[1]
            if (-not (@($Record['assignedLicenses'] | Where-Object { $null -ne $_ -and [string]$_['skuId'] -ieq $sku }).Count -gt 0)) { return $false }
        } else {
            Stop-SimCall 400 'Request_UnsupportedQuery' ("SimTenant does not understand the filter clause '{0}'." -f $clause)
        }
    }
    return $true
}

$script:GraphUserFields = @{ userPrincipalName = 'userPrincipalName'; displayName = 'displayName'; usageLocation = 'usageLocation'; accountEnabled = 'accountEnabled'; mail = 'userPrincipalName'; id = 'objectId'; mobilePhone = 'mobilePhone' }

function Set-SimCountVariable {
    param([hashtable]$P, [int]$Count)
    if (-not $P.ContainsKey('CountVariable')) { return }
    if ([string]$P['ConsistencyLevel'] -ine 'eventual') { Stop-SimCall 400 'Request_BadRequest' '$count requires the ConsistencyLevel header set to eventual.' }
    $cmdlet = $script:Sim.CurrentCall.Cmdlet
    if ($null -ne $cmdlet) { $cmdlet.SessionState.PSVariable.Set([string]$P['CountVariable'], $Count) }
}

function SimImpl-Get-MgUser {
    param([hashtable]$P, [string]$Set)
    Assert-SimGraphScope
    if ($Set -eq 'Get') { return (ConvertTo-SimGraphUser (Get-SimGraphUserOrFail ([string]$P['UserId'])) $P['Property']) }
    if ($Set -eq 'GetViaIdentity') { return (ConvertTo-SimGraphUser (Get-SimGraphUserOrFail ([string](Get-SimField $P['InputObject'] @('UserId', 'Id')))) $P['Property']) }
    $top = 100
    if ($P.ContainsKey('Top')) { $top = [int]$P['Top'] }
    if ($P.ContainsKey('All') -and [bool]$P['All']) { $top = [int]::MaxValue }
    $filter = $null; if ($P.ContainsKey('Filter')) { $filter = [string]$P['Filter'] }
    $count = 0; $emitted = 0
    foreach ($user in $script:Sim.State['users']) {
        if (-not (Test-SimGraphFilter $user $filter $script:GraphUserFields)) { continue }
        $count++
        if ($emitted -lt $top) { ConvertTo-SimGraphUser $user $P['Property']; $emitted++ }
    }
    Set-SimCountVariable $P $count
}

function SimImpl-Update-MgUser {
    param([hashtable]$P, [string]$Set)
    Assert-SimGraphScope
    $user = Get-SimGraphUserOrFail ([string]$P['UserId'])
    $body = @{}
    if ($Set -eq 'Update') { foreach ($property in $P['BodyParameter'].GetEnumerator()) { $body[[string]$property.Key] = $property.Value } }
    foreach ($key in @('UsageLocation', 'BusinessPhones', 'MobilePhone', 'DisplayName', 'AccountEnabled')) { if ($P.ContainsKey($key)) { $body[$key] = $P[$key] } }
    if ($body.ContainsKey('UsageLocation')) {
        $location = [string]$body['UsageLocation']
        if ($location -notmatch '^[A-Za-z]{2}$') { Stop-SimCall 400 'Request_BadRequest' ("Invalid value specified for property 'usageLocation' of resource 'User': '{0}'." -f $location) }
        $user['usageLocation'] = $location.ToUpperInvariant()
    }
    if ($body.ContainsKey('BusinessPhones')) {
        $phones = ConvertTo-SimStringList $body['BusinessPhones']
        if ($phones.Count -gt 1) { Stop-SimCall 400 'Request_BadRequest' 'businessPhones takes at most one number.' }
        $user['businessPhones'] = $phones
    }
    if ($body.ContainsKey('MobilePhone')) { $user['mobilePhone'] = $(if ($body['MobilePhone']) { [string]$body['MobilePhone'] } else { $null }) }
    if ($body.ContainsKey('DisplayName')) { $user['displayName'] = [string]$body['DisplayName'] }
    if ($body.ContainsKey('AccountEnabled')) { $user['accountEnabled'] = [bool]$body['AccountEnabled'] }
    if ($P.ContainsKey('PassThru') -and [bool]$P['PassThru']) { return $true }
}

function SimImpl-Remove-MgUser {
    param([hashtable]$P, [string]$Set)
    Assert-SimGraphScope
    $user = Get-SimGraphUserOrFail ([string]$P['UserId'])
    $id = [string]$user['objectId']
    foreach ($licence in [SimTenant.Data]::Items($user['assignedLicenses'])) { Step-SimSkuConsumed ([string]$licence['skuId']) -1 }
    foreach ($number in (Get-SimNumbersOf $id)) { Clear-SimNumberAssignment $number }
    foreach ($association in @($script:Sim.State['associations'] | Where-Object { [string]$_['objectId'] -ieq $id })) { $null = $script:Sim.State['associations'].Remove($association) }
    foreach ($group in $script:Sim.State['groups']) {
        if ($script:Sim.GroupMembers[[string]$group['id']].Contains($id)) {
            for ($i = $group['members'].Count - 1; $i -ge 0; $i--) { if ([string]$group['members'][$i] -ieq $id) { $group['members'].RemoveAt($i) } }
            Remove-SimMembership ([string]$group['id']) $id
        }
    }
    $null = $script:Sim.State['users'].Remove($user)
    $null = $script:Sim.UsersById.Remove($id)
    $null = $script:Sim.UsersByUpn.Remove([string]$user['userPrincipalName'])
    if ($P.ContainsKey('PassThru') -and [bool]$P['PassThru']) { return $true }
}

function Step-SimSkuConsumed {
    param([string]$SkuId, [int]$Delta)
    if ($script:Sim.Skus.ContainsKey($SkuId)) {
        $sku = $script:Sim.Skus[$SkuId]
        $sku['consumed'] = [long]$sku['consumed'] + $Delta
    }
}

function SimImpl-Set-MgUserLicense {
    param([hashtable]$P, [string]$Set)
    Assert-SimGraphScope
    $user = Get-SimGraphUserOrFail ([string]$P['UserId'])
    $adds = @(); $removes = @()
    if ($Set -eq 'Assign') {
        $adds = @(Get-SimField $P['BodyParameter'] @('AddLicenses', 'addLicenses'))
        $removes = @(Get-SimField $P['BodyParameter'] @('RemoveLicenses', 'removeLicenses'))
    } else {
        $adds = [SimTenant.Data]::Items($P['AddLicenses'])
        $removes = [SimTenant.Data]::Items($P['RemoveLicenses'])
    }
    $adds = @($adds | Where-Object { $null -ne $_ })
    $removes = @($removes | Where-Object { $null -ne $_ -and [string]$_ -ne '' } | ForEach-Object { [string]$_ })
    if ($adds.Count -gt 0 -and -not $user['usageLocation']) {
        Stop-SimCall 400 'Request_BadRequest' 'License assignment cannot be done for user with invalid usage location.'
    }
    $have = @($user['assignedLicenses'] | Where-Object { $null -ne $_ } | ForEach-Object { [string]$_['skuId'] })
    foreach ($skuId in $removes) {
        if ($have -notcontains $skuId) { Stop-SimCall 400 'Request_BadRequest' ("User does not have a corresponding license for SKU {0}." -f $skuId) }
    }
    $newLicences = New-Object System.Collections.Generic.List[object]
    foreach ($add in $adds) {
        $skuId = [string](Get-SimField $add @('SkuId', 'skuId'))
        if (-not $script:Sim.Skus.ContainsKey($skuId)) { Stop-SimCall 400 'Request_BadRequest' ("License {0} does not correspond to a valid company License." -f $skuId) }
        $sku = $script:Sim.Skus[$skuId]
        if ($have -notcontains $skuId -and [long]$sku['consumed'] -ge [long]$sku['enabled']) {
            Stop-SimCall 400 'Request_BadRequest' ("Subscription {0} ({1}) has no available licenses." -f $sku['skuPartNumber'], $skuId)
        }
        $licence = [SimTenant.Data]::NewMap()
        $licence['skuId'] = $skuId
        $licence['disabledPlans'] = [SimTenant.Data]::Base((ConvertTo-SimStringList (Get-SimField $add @('DisabledPlans', 'disabledPlans'))))
        $newLicences.Add($licence)
    }
    foreach ($skuId in $removes) {
        for ($i = $user['assignedLicenses'].Count - 1; $i -ge 0; $i--) {
            if ([string]$user['assignedLicenses'][$i]['skuId'] -ieq $skuId) { $user['assignedLicenses'].RemoveAt($i); Step-SimSkuConsumed $skuId -1 }
        }
    }
    foreach ($licence in $newLicences) {
        $existing = $null
        foreach ($current in $user['assignedLicenses']) { if ([string]$current['skuId'] -ieq [string]$licence['skuId']) { $existing = $current } }
        if ($null -ne $existing) { $existing['disabledPlans'] = $licence['disabledPlans'] }
        else { $user['assignedLicenses'].Add($licence); Step-SimSkuConsumed ([string]$licence['skuId']) 1 }
    }
    return (ConvertTo-SimGraphUser $user 'Id,DisplayName,UserPrincipalName,AssignedLicenses')
}

function ConvertTo-SimSku {
    param($Sku)
    [pscustomobject][ordered]@{
        Id = '{0}_{1}' -f $script:Sim.State['tenant']['tenantId'], $Sku['skuId']
        SkuId = [string]$Sku['skuId']
        SkuPartNumber = [string]$Sku['skuPartNumber']
        AppliesTo = 'User'
        CapabilityStatus = 'Enabled'
        ConsumedUnits = [int]$Sku['consumed']
        PrepaidUnits = [pscustomobject][ordered]@{ Enabled = [int]$Sku['enabled']; LockedOut = 0; Suspended = 0; Warning = 0 }
        ServicePlans = @($Sku['servicePlans'] | Where-Object { $null -ne $_ } | ForEach-Object {
            [pscustomobject][ordered]@{ ServicePlanId = [string]$_['servicePlanId']; ServicePlanName = [string]$_['servicePlanName']; ProvisioningStatus = 'Success'; AppliesTo = 'User' }
        })
    }
}

function SimImpl-Get-MgSubscribedSku {
    param([hashtable]$P, [string]$Set)
    Assert-SimGraphScope
    if ($Set -eq 'Get') {
        foreach ($sku in $script:Sim.State['skus']) { if (('{0}_{1}' -f $script:Sim.State['tenant']['tenantId'], $sku['skuId']) -ieq [string]$P['SubscribedSkuId'] -or [string]$sku['skuId'] -ieq [string]$P['SubscribedSkuId']) { return (ConvertTo-SimSku $sku) } }
        Stop-SimCall 404 'Request_ResourceNotFound' ("Resource '{0}' does not exist." -f $P['SubscribedSkuId'])
    }
    foreach ($sku in $script:Sim.State['skus']) { ConvertTo-SimSku $sku }
}

# ---- Groups ----
function ConvertTo-SimGraphGroup {
    param($Group)
    [pscustomobject][ordered]@{
        Id = [string]$Group['id']; DisplayName = [string]$Group['displayName']; Description = $Group['description']
        SecurityEnabled = [bool]$Group['securityEnabled']; MailEnabled = [bool]$Group['mailEnabled']; Mail = $Group['mail']
        GroupTypes = @($Group['groupTypes'] | Where-Object { $_ })
        AdditionalProperties = @{}
    }
}

function Get-SimGraphGroupOrFail {
    param([string]$GroupId)
    if (-not $script:Sim.Groups.ContainsKey($GroupId)) { Stop-SimCall 404 'Request_ResourceNotFound' ("Resource '{0}' does not exist or one of its queried reference-property objects are not present." -f $GroupId) }
    return $script:Sim.Groups[$GroupId]
}

$script:GraphGroupFields = @{ displayName = 'displayName'; id = 'id'; mail = 'mail'; securityEnabled = 'securityEnabled'; mailEnabled = 'mailEnabled' }

function SimImpl-Get-MgGroup {
    param([hashtable]$P, [string]$Set)
    Assert-SimGraphScope
    if ($Set -eq 'Get') { return (ConvertTo-SimGraphGroup (Get-SimGraphGroupOrFail ([string]$P['GroupId']))) }
    $top = 100
    if ($P.ContainsKey('Top')) { $top = [int]$P['Top'] }
    if ($P.ContainsKey('All') -and [bool]$P['All']) { $top = [int]::MaxValue }
    $filter = $null; if ($P.ContainsKey('Filter')) { $filter = [string]$P['Filter'] }
    $count = 0; $emitted = 0
    foreach ($group in $script:Sim.State['groups']) {
        if (-not (Test-SimGraphFilter $group $filter $script:GraphGroupFields)) { continue }
        $count++
        if ($emitted -lt $top) { ConvertTo-SimGraphGroup $group; $emitted++ }
    }
    Set-SimCountVariable $P $count
}

function SimImpl-New-MgGroup {
    param([hashtable]$P, [string]$Set)
    Assert-SimGraphScope
    $body = @{}
    if ($Set -eq 'Create') { foreach ($property in $P['BodyParameter'].GetEnumerator()) { $body[[string]$property.Key] = $property.Value } }
    foreach ($key in @('DisplayName', 'Description', 'MailEnabled', 'MailNickname', 'SecurityEnabled', 'GroupTypes')) { if ($P.ContainsKey($key)) { $body[$key] = $P[$key] } }
    if (-not $body['DisplayName'] -or -not $body['MailNickname']) { Stop-SimCall 400 'Request_BadRequest' 'Invalid value specified for property displayName or mailNickname of resource Group.' }
    $group = [SimTenant.Data]::NewMap()
    $group['id'] = New-SimGuid 'group' ([string]$body['DisplayName'])
    $group['displayName'] = [string]$body['DisplayName']
    $group['description'] = $(if ($body['Description']) { [string]$body['Description'] } else { $null })
    $group['members'] = [SimTenant.Data]::NewList()
    $group['hiddenMembership'] = $false
    $group['securityEnabled'] = [bool]$body['SecurityEnabled']
    $group['mailEnabled'] = [bool]$body['MailEnabled']
    $group['mail'] = $(if ([bool]$body['MailEnabled']) { '{0}@{1}' -f $body['MailNickname'], $script:Sim.State['tenant']['defaultDomain'] } else { $null })
    $group['createdBySim'] = $true
    $script:Sim.State['groups'].Add($group)
    $script:Sim.Groups[[string]$group['id']] = $group
    $script:Sim.GroupMembers[[string]$group['id']] = [System.Collections.Generic.HashSet[string]]::new([System.StringComparer]::OrdinalIgnoreCase)
    return (ConvertTo-SimGraphGroup $group)
}

function SimImpl-Get-MgGroupMember {
    param([hashtable]$P, [string]$Set)
    Assert-SimGraphScope
    $group = Get-SimGraphGroupOrFail ([string]$P['GroupId'])
    $top = 100
    if ($P.ContainsKey('Top')) { $top = [int]$P['Top'] }
    if ($P.ContainsKey('All') -and [bool]$P['All']) { $top = [int]::MaxValue }
    $emitted = 0
    foreach ($member in [SimTenant.Data]::Items($group['members'])) {
        if ($emitted -ge $top) { break }
        $user = $null
        if ($script:Sim.UsersById.ContainsKey([string]$member)) { $user = $script:Sim.UsersById[[string]$member] }
        $extra = @{ '@odata.type' = '#microsoft.graph.user' }
        if ($null -ne $user) { $extra['userPrincipalName'] = [string]$user['userPrincipalName']; $extra['displayName'] = [string]$user['displayName'] }
        [pscustomobject][ordered]@{ Id = [string]$member; DeletedDateTime = $null; AdditionalProperties = $extra }
        $emitted++
    }
    Set-SimCountVariable $P ([SimTenant.Data]::Items($group['members']).Count)
}

function SimImpl-New-MgGroupMember {
    param([hashtable]$P, [string]$Set)
    Assert-SimGraphScope
    $group = Get-SimGraphGroupOrFail ([string]$P['GroupId'])
    $id = [string]$P['DirectoryObjectId']
    $user = Get-SimGraphUserOrFail $id
    if ($script:Sim.GroupMembers[[string]$group['id']].Contains([string]$user['objectId'])) {
        Stop-SimCall 400 'Request_BadRequest' "One or more added object references already exist for the following modified properties: 'members'."
    }
    $group['members'].Add([string]$user['objectId'])
    Add-SimMembership ([string]$group['id']) ([string]$user['objectId'])
}

# PATCH /groups/{id} with "members@odata.bind": up to 20 members in one request (one write, §10.4).
function SimImpl-Update-MgGroup {
    param([hashtable]$P, [string]$Set)
    Assert-SimGraphScope
    $group = Get-SimGraphGroupOrFail ([string]$P['GroupId'])
    $body = @{}
    if ($Set -eq 'Update') { foreach ($property in $P['BodyParameter'].GetEnumerator()) { $body[[string]$property.Key] = $property.Value } }
    if ($P.ContainsKey('AdditionalProperties')) { foreach ($property in $P['AdditionalProperties'].GetEnumerator()) { $body[[string]$property.Key] = $property.Value } }
    foreach ($key in @('DisplayName', 'Description')) { if ($P.ContainsKey($key)) { $body[$key] = $P[$key] } }
    $refs = @()
    if ($body.ContainsKey('members@odata.bind')) { $refs = @([SimTenant.Data]::Items($body['members@odata.bind'])) }
    if ($refs.Count -gt 20) { Stop-SimCall 400 'Request_BadRequest' 'A maximum of 20 members can be added in a single request.' }
    $ids = New-Object System.Collections.Generic.List[string]
    foreach ($ref in $refs) {
        $text = [string]$ref
        if ($text -notmatch '/directoryObjects/([0-9a-fA-F-]{36})$') { Stop-SimCall 400 'Request_BadRequest' ("Invalid URL format specified in @odata.bind for members: '{0}'." -f $text) }
        $user = Get-SimGraphUserOrFail $Matches[1]
        if ([SimTenant.Data]::Items($group['members']) -icontains [string]$user['objectId'] -or $ids.Contains([string]$user['objectId'])) {
            Stop-SimCall 400 'Request_BadRequest' "One or more added object references already exist for the following modified properties: 'members'."
        }
        $ids.Add([string]$user['objectId'])
    }
    foreach ($id in $ids) { $group['members'].Add($id) }
    if ($body.ContainsKey('DisplayName')) { $group['displayName'] = [string]$body['DisplayName'] }
    if ($body.ContainsKey('Description')) { $group['description'] = [string]$body['Description'] }
    Update-SimIndexes
}

# DELETE /groups/{id}: the group and its policy assignments go (inferred: the assignment has no group left).
function SimImpl-Remove-MgGroup {
    param([hashtable]$P, [string]$Set)
    Assert-SimGraphScope
    $group = Get-SimGraphGroupOrFail ([string]$P['GroupId'])
    foreach ($assignment in @($script:Sim.State['groupPolicyAssignments'] | Where-Object { [string]$_['groupId'] -ieq [string]$group['id'] })) {
        $null = $script:Sim.State['groupPolicyAssignments'].Remove($assignment)
    }
    $null = $script:Sim.State['groups'].Remove($group)
    Update-SimIndexes
}

function Remove-SimGroupMember {
    param([hashtable]$P)
    Assert-SimGraphScope
    $group = Get-SimGraphGroupOrFail ([string]$P['GroupId'])
    $id = [string]$P['DirectoryObjectId']
    $index = -1
    for ($i = 0; $i -lt $group['members'].Count; $i++) { if ([string]$group['members'][$i] -ieq $id) { $index = $i } }
    if ($index -lt 0) { Stop-SimCall 404 'Request_ResourceNotFound' ("Resource '{0}' does not exist or one of its queried reference-property objects are not present." -f $id) }
    $memberId = [string]$group['members'][$index]
    $group['members'].RemoveAt($index)
    Remove-SimMembership ([string]$group['id']) $memberId
}

function SimImpl-Remove-MgGroupMemberByRef { param([hashtable]$P, [string]$Set) Remove-SimGroupMember $P }
function SimImpl-Remove-MgGroupMemberDirectoryObjectByRef { param([hashtable]$P, [string]$Set) Remove-SimGroupMember $P }


# Opt-in reproduction of PowerShell issue #23887 (a script module that runs script code while a
# script's #Requires loads it zeroes that script's exit code), for a test of the scripts' exit codes.
if ($env:SIM_REQUIRES_EXIT_QUIRK -eq '1') { $null = & { 'run script code at import' } }

$ExecutionContext.SessionState.Module.OnRemove = { Save-SimTenantIfDirty }
$null = Register-EngineEvent -SourceIdentifier ([System.Management.Automation.PsEngineEvent]::Exiting) -SupportEvent -Action {
    $module = Get-Module -Name 'SimTenant'
    if ($null -ne $module) { & $module { Save-SimTenantIfDirty } }
}

Export-ModuleMember -Function Invoke-SimCmdlet, Start-Sleep, Get-Date, Save-SimTenant, Get-SimTenantState, Get-SimVirtualTime, Get-SimCallCount
