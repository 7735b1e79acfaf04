/**
 * Stage 07, pass 2 on PowerShell 7 (issue 12 item 7): the per-user changes (Enterprise Voice V1,
 * extension V3, Entra BusinessPhone AA7, the per-user Shared Calling grant and the G1 removal of a
 * direct assignment) with ForEach-Object -Parallel -ThrottleLimit $ThrottleLimit.
 *
 * The main runspace decides what each user needs from the state already in memory (the bulk
 * Get-CsOnlineUser listing of pass 1 and the checkpoint), sends only the users with a change to the
 * workers as data (hashtables through the pipeline, $using: for the rest, never text), and writes
 * the log, checkpoint, retry list and group members from the returned records in plan order. The
 * workers call the tenant through the same Invoke-Change / Invoke-TenantCall retry loop (their
 * definitions reach them as the text of this file's own functions, which holds no plan data) and
 * never write a file. Serial (the loop below the call) on Windows PowerShell 5.1, with
 * -ThrottleLimit 1, -DryRun, -WhatIf or -Confirm.
 */
export const THROTTLE_LIMIT_PARAM: string[] = ['    [ValidateRange(1, 32)]', '    [int]$ThrottleLimit = 4'];
export const THROTTLE_LIMIT_HELP: [string, string] = [
  'ThrottleLimit',
  'PowerShell 7 and later: how many users stage 07 changes at the same time (ForEach-Object -Parallel). 1 runs them one after another, as Windows PowerShell 5.1, -DryRun, -WhatIf and -Confirm always do. The Teams service publishes no limits for its cmdlets (shared-calling.md §10.4); throttled calls are retried after the server’s wait.',
];

export const USERS_PARALLEL_HELPERS = `
# The per-user changes of pass 2 run in parallel only on PowerShell 7 or later, with more than one
# runspace, for a real run without -WhatIf or -Confirm (those ask or report per step, in order).
function Test-ParallelPass {
    if ($ThrottleLimit -le 1 -or $DryRun -or $WhatIfPreference) { return $false }
    if ($ConfirmPreference -ne 'High' -and $ConfirmPreference -ne 'None') { return $false }
    return ($PSVersionTable.PSVersion.Major -ge 7)
}

# A worker whose session is not the main runspace's (not connected) fails its first call without a
# service answer: the MicrosoftTeams "You must call the Connect-MicrosoftTeams cmdlet" error or
# Microsoft Graph's "Authentication needed".
function Test-SessionMissing {
    param($SessionError)
    if ((Get-ErrorStatus $SessionError) -ne 0) { return $false }
    $sessionException = $SessionError
    if ($SessionError -is [System.Management.Automation.ErrorRecord]) { $sessionException = $SessionError.Exception }
    for ($sessionDepth = 0; $null -ne $sessionException -and $sessionDepth -lt 8; $sessionDepth++) {
        if ($sessionException -is [System.UnauthorizedAccessException] -or $sessionException -is [System.Security.Authentication.AuthenticationException]) { return $true }
        $sessionText = [string]$sessionException.Message
        if ($sessionText.StartsWith('You must call the Connect-MicrosoftTeams cmdlet') -or $sessionText.StartsWith('Authentication needed. Please call Connect-MgGraph')) { return $true }
        $sessionException = $sessionException.InnerException
    }
    return $false
}

# What one ready user needs, decided in the main runspace from the state in memory (no call): a
# hashtable of plain values that a worker can take. States: Resumed (checkpoint), Skipped (already
# as planned), Change; the business phone (AA7) is Check (read in Entra, then written) or Manual.
function New-UserWorkItem {
    param($WorkReady, [int]$WorkIndex)
    $workUser = $WorkReady.User
    $workKey = $WorkReady.Key
    $workOnline = $WorkReady.Online
    $workFailed = New-Object System.Collections.Generic.List[string]
    if ($script:FailedSteps.Contains($workKey + ':ecrp')) { $workFailed.Add('emergency call routing policy (E1)') }
    if ($script:FailedSteps.Contains($workKey + ':vrp')) { $workFailed.Add('voice routing policy (VR1)') }
    $work = @{
        Index = $WorkIndex; Upn = [string]$workUser.Upn; Key = $workKey; FailedFirst = $workFailed.ToArray()
        EvState = 'Change'; EvWas = 'Enterprise Voice off'
        Extension = ''; ExtState = ''; ExtWas = ''; ExtensionNote = ''; PhoneState = ''
        Policy = ''; PolicyMissing = $false; PolicyByGroup = $false; DirectName = ''; DirectState = ''; ScpState = ''; ScpWas = ''
    }
    if ($script:Finished.Contains($workKey + ':ev')) { $work.EvState = 'Resumed' }
    elseif ($workOnline.EnterpriseVoiceEnabled -eq $true) { $work.EvState = 'Skipped' }
    if ($workUser.ExtensionNumber) {
        $work.Extension = [string]$workUser.ExtensionNumber
        $workLineUri = [string]$workOnline.LineUri
        if ($workLineUri -match '^(?i)tel:') { $workLineUri = $workLineUri.Substring(4) }
        $work.ExtWas = ('line URI {0}' -f $workLineUri)
        if ($script:Finished.Contains($workKey + ':extension')) { $work.ExtState = 'Resumed' }
        elseif ($workLineUri -eq $workUser.ExtensionNumber) { $work.ExtState = 'Skipped' }
        else { $work.ExtState = 'Change' }
        if (-not $directoryPhones) { $work.PhoneState = 'Manual' }
        elseif ($script:Finished.Contains($workKey + ':businessphone')) { $work.PhoneState = 'Resumed' }
        else { $work.PhoneState = 'Check' }
    } elseif ($workUser.ExtensionNote) {
        $work.ExtensionNote = [string]$workUser.ExtensionNote
    }
    if ($workUser.SharedCallingPolicy) {
        $work.Policy = [string]$workUser.SharedCallingPolicy
        if (-not $sharedCallingPolicyFound.ContainsKey($work.Policy)) {
            $sharedCallingPolicyFound[$work.Policy] = $null -ne (Invoke-Lookup { Get-CsTeamsSharedCallingRoutingPolicy -Identity $work.Policy -ErrorAction Stop })
        }
        $work.PolicyMissing = -not $sharedCallingPolicyFound[$work.Policy]
        $currentPolicy = Get-PolicyName $workOnline.TeamsSharedCallingRoutingPolicy
        if ($groupPolicies.ContainsKey($work.Policy)) {
            $work.PolicyByGroup = $true
            $work.DirectName = $currentPolicy
            if ($script:Finished.Contains($workKey + ':scpDirect')) { $work.DirectState = 'Resumed' } else { $work.DirectState = 'Change' }
        } else {
            $work.ScpWas = ('policy {0}' -f $currentPolicy)
            if ($script:Finished.Contains($workKey + ':scp')) { $work.ScpState = 'Resumed' }
            elseif ($currentPolicy -eq $work.Policy) { $work.ScpState = 'Skipped' }
            else { $work.ScpState = 'Change' }
        }
    }
    return $work
}

# True when the user needs at least one tenant call (only such users go to a worker).
function Test-UserWorkCall {
    param($CallWork)
    if ($CallWork.EvState -eq 'Change' -or $CallWork.ExtState -eq 'Change' -or $CallWork.PhoneState -eq 'Check' -or $CallWork.ScpState -eq 'Change') { return $true }
    return ($CallWork.PolicyByGroup -and $CallWork.DirectName -and $CallWork.DirectState -eq 'Change')
}

# The per-user steps of pass 2 for one user, in the order of shared-calling.md §9 (Enterprise Voice,
# extension, business phone, then the Shared Calling policy only when every earlier step succeeded),
# as Invoke-PlanStep does them for a real run. Runs in a worker (-Worker) or in the main runspace;
# writes nothing: it returns @{ Index; NotConnected; Records; GroupReady }, each record
# @{ Key; Action; Status; Detail; Checkpoint }. In a worker, a first call that finds no session
# returns NotConnected and no record, before anything was changed.
function Invoke-UserWorkItem {
    param($Work, [switch]$Worker)
    $workRecords = New-Object System.Collections.Generic.List[object]
    $workResult = @{ Index = $Work.Index; NotConnected = $false; Records = $workRecords; GroupReady = $false }
    $workCalls = @{ First = $true; NotConnected = $false }
    $workFailed = New-Object System.Collections.Generic.List[string]
    foreach ($failedName in $Work.FailedFirst) { if ($failedName) { $workFailed.Add([string]$failedName) } }

    function Add-WorkRecord {
        param([string]$RecordKey, [string]$RecordAction, [string]$RecordStatus, [string]$RecordDetail, [bool]$RecordCheckpoint)
        $workRecords.Add(@{ Key = $RecordKey; Action = $RecordAction; Status = $RecordStatus; Detail = $RecordDetail; Checkpoint = $RecordCheckpoint })
    }
    function Set-WorkCallFailed {
        param($CallError)
        if ($Worker -and $workCalls.First -and (Test-SessionMissing $CallError)) {
            $workCalls.NotConnected = $true
            throw $CallError
        }
        $workCalls.First = $false
    }
    # One read-compare-change step whose comparison the main runspace made.
    function Invoke-WorkStep {
        param([string]$StepKey, [string]$StepAction, [string]$StepState, [string]$StepWas, [scriptblock]$StepChange)
        if ($StepState -eq 'Resumed') { Add-WorkRecord $StepKey $StepAction 'Resumed' 'finished in an earlier run (checkpoint)' $false; return 'Resumed' }
        if ($StepState -eq 'Skipped') { Add-WorkRecord $StepKey $StepAction 'Skipped' 'already as planned' $true; return 'Skipped' }
        try {
            $null = & $StepChange
            $workCalls.First = $false
        } catch {
            Set-WorkCallFailed $_
            Add-WorkRecord $StepKey $StepAction 'Failed' $_.Exception.Message $false
            return 'Failed'
        }
        Add-WorkRecord $StepKey $StepAction 'Done' ('was: {0}' -f $StepWas) $true
        return 'Done'
    }

    try {
        # V1: Enterprise Voice on.
        $evStatus = Invoke-WorkStep ($Work.Key + ':ev') 'Enable Enterprise Voice (V1)' $Work.EvState $Work.EvWas {
            Invoke-Change { Set-CsPhoneNumberAssignment -Identity $Work.Upn -EnterpriseVoiceEnabled $true -ErrorAction Stop }
        }
        if ($evStatus -eq 'Failed') { $workFailed.Add('Enterprise Voice (V1)') }
        if ($Work.Extension) {
            # V3: the Direct Routing number with the user's extension.
            if ($workFailed -contains 'Enterprise Voice (V1)') {
                Add-WorkRecord ($Work.Key + ':extension') 'Assign extension (V3)' 'Failed' 'not attempted: Enterprise Voice (V1) failed' $false
                $workFailed.Add('extension (V3)')
            } else {
                $extensionStatus = Invoke-WorkStep ($Work.Key + ':extension') 'Assign extension (V3)' $Work.ExtState $Work.ExtWas {
                    Invoke-Change { Set-CsPhoneNumberAssignment -Identity $Work.Upn -PhoneNumber $Work.Extension -PhoneNumberType DirectRouting -ErrorAction Stop }
                }
                if ($extensionStatus -eq 'Failed') { $workFailed.Add('extension (V3)') }
            }
            # AA7: the extension in Entra BusinessPhone; a value the plan did not write is kept.
            $phoneKey = $Work.Key + ':businessphone'
            $phoneAction = 'Write extension to Entra BusinessPhone (AA7)'
            if ($Work.PhoneState -eq 'Manual') {
                Add-WorkRecord $phoneKey $phoneAction 'Manual' ('AA7: Microsoft Graph not used: enter {0} as the business phone of this user in Entra, or dial by extension will not find them' -f $Work.Extension) $false
            } elseif ($Work.PhoneState -eq 'Resumed') {
                Add-WorkRecord $phoneKey $phoneAction 'Resumed' 'finished in an earlier run (checkpoint)' $false
            } else {
                try {
                    $graphUser = Invoke-Lookup { Get-MgUser -UserId $Work.Upn -Property 'Id,BusinessPhones' -ErrorAction Stop }
                    $workCalls.First = $false
                    if ($null -eq $graphUser) { throw 'AA7: user not found in Microsoft Graph' }
                    $phones = @($graphUser.BusinessPhones | Where-Object { $_ })
                    if ($phones -contains $Work.Extension) {
                        Add-WorkRecord $phoneKey $phoneAction 'Skipped' 'already as planned' $true
                    } elseif ($phones.Count -gt 0) {
                        throw ('AA7: the business phone is {0}, which the plan did not write; it was not overwritten. Replace it with {1} by hand (or put the extension in Mobile).' -f ($phones -join ', '), $Work.Extension)
                    } else {
                        $null = Invoke-Change { Update-MgUser -UserId $Work.Upn -BusinessPhones @($Work.Extension) -ErrorAction Stop }
                        Add-WorkRecord $phoneKey $phoneAction 'Done' 'was: no business phone' $true
                    }
                } catch {
                    Set-WorkCallFailed $_
                    Add-WorkRecord $phoneKey $phoneAction 'Failed' $_.Exception.Message $false
                }
            }
        } elseif ($Work.ExtensionNote) {
            Add-WorkRecord ($Work.Key + ':extension') 'Assign extension (V3)' 'Manual' $Work.ExtensionNote $false
        }
        # §3.14: the Shared Calling policy last, only when every earlier step succeeded.
        if ($Work.Policy) {
            if ($Work.PolicyMissing) { $workFailed.Add(('Shared Calling policy {0} not found (stage 06 creates it)' -f $Work.Policy)) }
            if ($workFailed.Count -gt 0) {
                Add-WorkRecord ($Work.Key + ':scp') 'Grant Shared Calling policy' 'Failed' ('not attempted: {0} failed first (shared-calling.md §9 order)' -f ($workFailed -join ', ')) $false
            } elseif ($Work.PolicyByGroup) {
                # G1: a direct assignment counts as rank 0 and beats the group, so it is removed.
                if ($Work.DirectName) {
                    $null = Invoke-WorkStep ($Work.Key + ':scpDirect') 'Remove direct Shared Calling assignment (G1: the group assigns the policy)' $Work.DirectState ('direct assignment {0}' -f $Work.DirectName) {
                        Invoke-Change { Grant-CsTeamsSharedCallingRoutingPolicy -Identity $Work.Upn -PolicyName $null -ErrorAction Stop }
                    }
                }
                $workResult.GroupReady = $true
            } else {
                $null = Invoke-WorkStep ($Work.Key + ':scp') 'Grant Shared Calling policy' $Work.ScpState $Work.ScpWas {
                    Invoke-Change { Grant-CsTeamsSharedCallingRoutingPolicy -Identity $Work.Upn -PolicyName $Work.Policy -ErrorAction Stop }
                }
            }
        }
    } catch {
        if (-not $workCalls.NotConnected) { throw }
        return @{ Index = $Work.Index; NotConnected = $true; Records = @(); GroupReady = $false }
    }
    return $workResult
}

# The functions a worker needs, as the text of their definitions in this file (fixed code, no plan
# data): the retry loop and error readers of every stage, and the per-user steps above.
function Get-UserWorkerCode {
    $workerCode = New-Object System.Text.StringBuilder
    foreach ($workerFunction in @('Get-ErrorResponse', 'Get-ErrorStatus', 'Test-Throttled', 'Test-NotFound', 'Get-RetryDelay', 'Invoke-TenantCall', 'Invoke-Lookup', 'Invoke-Change', 'Test-SessionMissing', 'Invoke-UserWorkItem')) {
        $definition = (Get-Command -Name $workerFunction -CommandType Function).Definition
        $null = $workerCode.AppendLine('function ' + $workerFunction + ' {').AppendLine($definition).AppendLine('}')
    }
    return $workerCode.ToString()
}

# Runs chunks of work items (each an array) in ForEach-Object -Parallel runspaces and passes their
# results on, one per user. Each worker imports MicrosoftTeams; the module keeps its session in the
# process (inferred, see docs/powershell.md), so the main runspace's Connect-MicrosoftTeams serves
# the workers. A worker that cannot start reports NotConnected for its users, before any call.
function Invoke-UserWorkParallel {
    param([object[]]$ParallelItems, [string]$WorkerCode)
    # The workers load the MicrosoftTeams version this session runs (#Requires picked it).
    $teamsVersion = ''
    $loadedTeams = @(Get-Module -Name MicrosoftTeams | Sort-Object Version -Descending)
    if ($loadedTeams.Count -gt 0) { $teamsVersion = [string]$loadedTeams[0].Version }
    if ($PSVersionTable.PSVersion.Major -ge 7) {
        $ParallelItems | ForEach-Object -ThrottleLimit $ThrottleLimit -Parallel {
            # One pipeline item is a chunk of users (one runspace start, one module import and one
            # copy of the code per chunk, not per user).
            $workChunk = @($_)
            try {
                Set-StrictMode -Version 1.0
                $ErrorActionPreference = 'Stop'
                $MaxRetries = $using:MaxRetries
                $DryRun = $false
                if ($using:teamsVersion) { Import-Module -Name MicrosoftTeams -RequiredVersion $using:teamsVersion -ErrorAction Stop }
                else { Import-Module -Name MicrosoftTeams -ErrorAction Stop }
                . ([scriptblock]::Create($using:WorkerCode))
            } catch {
                foreach ($workItem in $workChunk) { @{ Index = $workItem.Index; NotConnected = $true; Records = @(); GroupReady = $false } }
                return
            }
            foreach ($workItem in $workChunk) {
                try {
                    Invoke-UserWorkItem $workItem -Worker
                } catch {
                    # A defect past the first call: the user fails, nothing is retried twice.
                    @{ Index = $workItem.Index; NotConnected = $false; GroupReady = $false; Records = @(@{ Key = ($workItem.Key + ':ev'); Action = 'Change the user (parallel worker)'; Status = 'Failed'; Detail = $_.Exception.Message; Checkpoint = $false }) }
                }
            }
        }
    }
}

# Pass 2 in parallel: decide here, change in the workers, write here in plan order.
function Invoke-ReadyUsersInParallel {
    $workItems = New-Object System.Collections.Generic.List[object]
    foreach ($ready in $readyUsers) { $workItems.Add((New-UserWorkItem $ready $workItems.Count)) }
    $workResults = New-Object 'object[]' $workItems.Count
    $callItems = New-Object System.Collections.Generic.List[object]
    foreach ($workItem in $workItems) {
        if (Test-UserWorkCall $workItem) { $callItems.Add($workItem) } else { $workResults[$workItem.Index] = Invoke-UserWorkItem $workItem }
    }
    $serialItems = New-Object System.Collections.Generic.List[object]
    if ($callItems.Count -gt 0) {
        $workerCode = Get-UserWorkerCode
        $progressDone = 0
        # The first user alone: when its worker has no session, the rest run in this runspace.
        $firstResult = @(Invoke-UserWorkParallel @(, @($callItems[0])) $workerCode | Where-Object { $null -ne $_ })
        if ($firstResult.Count -ne 1 -or $firstResult[0].NotConnected) {
            $serialItems.AddRange($callItems)
        } else {
            $workResults[$firstResult[0].Index] = $firstResult[0]
            $progressDone++
            if ($callItems.Count -gt 1) {
                # Chunks small enough that every runspace gets about eight (even lanes), at most 50 users.
                $restCount = $callItems.Count - 1
                $chunkSize = [int][math]::Max(1, [math]::Min(50, [math]::Ceiling($restCount / ($ThrottleLimit * 8))))
                $restChunks = New-Object System.Collections.Generic.List[object]
                for ($chunkStart = 1; $chunkStart -lt $callItems.Count; $chunkStart += $chunkSize) {
                    $restChunks.Add($callItems.GetRange($chunkStart, [math]::Min($chunkSize, $callItems.Count - $chunkStart)).ToArray())
                }
                Invoke-UserWorkParallel $restChunks.ToArray() $workerCode | ForEach-Object {
                    if ($null -eq $_) { return }
                    if ($_.NotConnected) { $serialItems.Add($workItems[$_.Index]) } else { $workResults[$_.Index] = $_ }
                    $progressDone++
                    Write-LoopProgress 'Stage 07: enabling users' $progressDone $callItems.Count
                }
            }
        }
        if ($serialItems.Count -gt 0) {
            Write-StepLog 'users:parallel' ('{0} users' -f $serialItems.Count) ('Change users in parallel (-ThrottleLimit {0})' -f $ThrottleLimit) 'Skipped' 'the parallel runspaces have no Microsoft Teams or Graph session of their own (not connected); these users run one after another in this session instead'
            Write-Warning ('Parallel runspaces are not connected: {0} users run one after another.' -f $serialItems.Count)
            foreach ($serialItem in $serialItems) {
                $workResults[$serialItem.Index] = Invoke-UserWorkItem $serialItem
                $progressDone++
                Write-LoopProgress 'Stage 07: enabling users' $progressDone $callItems.Count
            }
        }
    }
    # A user without a result (a runspace that ended without answering) fails; it is not run again
    # here, since it may have been changed: the retry list and -Resume take it up.
    foreach ($callItem in $callItems) {
        if ($null -eq $workResults[$callItem.Index]) {
            $workResults[$callItem.Index] = @{ Index = $callItem.Index; NotConnected = $false; GroupReady = $false; Records = @(@{ Key = ($callItem.Key + ':ev'); Action = 'Change the user (parallel worker)'; Status = 'Failed'; Detail = 'the parallel runspace returned no result for this user'; Checkpoint = $false }) }
        }
    }
    # Log, checkpoint, retry list and group members in plan order.
    # (foreach over the lists themselves: @() of a list that is PSObject-wrapped at one call and
    # bare at another fails with "Argument types do not match", tests/powershell/sim/README.md.)
    foreach ($workResult in $workResults) {
        $resultReady = $readyUsers[$workResult.Index]
        foreach ($record in $workResult.Records) {
            Write-StepLog $record.Key $resultReady.User.Upn $record.Action $record.Status $record.Detail
            if ($record.Checkpoint) { Add-Checkpoint $record.Key }
        }
        if ($workResult.GroupReady) {
            $resultPolicy = $resultReady.User.SharedCallingPolicy
            if (-not $groupMembers.ContainsKey($resultPolicy)) { $groupMembers[$resultPolicy] = New-Object System.Collections.Generic.List[object] }
            $groupMembers[$resultPolicy].Add(@{ Key = ($resultReady.Key + ':scp'); Upn = $resultReady.User.Upn; ObjectId = (Get-ObjectIdentity $resultReady.Online) })
        }
    }
}
`;
