/** Stage 07: users (V1, V3, AA7, E1, VR1, §3.14). */
import type { StageSpec } from '../stage.js';
import { BATCH_HELPERS, BATCH_SIZE_HELP, BATCH_SIZE_PARAM } from './batch.js';
import { BULK_READ_HELPERS } from './bulk-read.js';
import { THROTTLE_LIMIT_HELP, THROTTLE_LIMIT_PARAM, USERS_PARALLEL_HELPERS } from './users-parallel.js';

export const usersStage: StageSpec = {
  file: '07-users.ps1',
  number: '07',
  name: 'users',
  synopsis: 'Shared Calling runbook, stage 07: enable and assign the users.',
  description: [
    "Runs in the order of shared-calling.md §9: first the emergency call routing policies (E1) and voice routing policies (VR1), assigned with New-CsBatchPolicyAssignmentOperation -PolicyType TeamsEmergencyCallRoutingPolicy / OnlineVoiceRoutingPolicy, at most 5,000 users per batch, one batch at a time, each polled with Get-CsBatchPolicyAssignmentOperation -OperationId until it completes; then, per user, Enterprise Voice with Set-CsPhoneNumberAssignment -Identity <upn> -EnterpriseVoiceEnabled $true (V1) and a planned extension as Set-CsPhoneNumberAssignment -Identity <upn> -PhoneNumber '<resource account number>;ext=<extension>' -PhoneNumberType DirectRouting (V3); and last the Shared Calling policy with Grant-CsTeamsSharedCallingRoutingPolicy -Identity <upn> -PolicyName <name>, one user at a time, because batch assignment does not support that policy type (shared-calling.md §3.14).",
    "A Shared Calling policy the plan assigns by group (§3.14, §10.1) is not granted per user: its users are added as direct members of the policy's Entra security group with Microsoft Graph, up to 20 members per request (PATCH /groups/{id} members@odata.bind through Update-MgGroup, one write each, within the documented write quotas of §10.4; a 429 is retried after the server's wait), the group is created first unless the plan marks it as existing, and the policy is assigned once with Grant-CsTeamsSharedCallingRoutingPolicy -Group <objectId> -PolicyName <name> -Rank <rank>. A direct assignment beats the group (G1), so one found on such a user is removed. The stage then reads the effective assignment of a few members (EffectivePolicyAssignments) and reports Done, or Manual while it propagates (24 h or more for large groups).",
    'Users with an extension also get it in Entra BusinessPhone as +<number>;ext=<extension> with Microsoft Graph (Update-MgUser -BusinessPhones, scope User.ReadWrite.All), because the auto attendant reads dial-by-extension from there, not from the Teams number (AA7); a business phone the plan did not write is never overwritten, and without Graph the step is reported as Manual.',
    'The Shared Calling policy is granted only to users whose earlier steps succeeded. A user without Teams Phone (no PhoneSystem feature and no enabled MCOEV plan, U1) is reported as Failed and left unchanged. Users whose assignment already matches are skipped.',
    'On PowerShell 7 the per-user changes run in parallel runspaces (ForEach-Object -Parallel, -ThrottleLimit, default 4): this session decides what each user needs, the runspaces make the calls with the same retries, and this session writes the log, checkpoint and retry list in plan order. Windows PowerShell 5.1, -ThrottleLimit 1, -DryRun, -WhatIf and -Confirm run one user after another. When the runspaces have no session, the stage says so once and runs those users here.',
  ],
  rules: ['U1', 'V1', 'V2', 'V3', 'V4', 'AA7', 'E1', 'VR1'],
  data: ['sharedCallingPolicies', 'users'],
  extraParams: [BATCH_SIZE_PARAM, THROTTLE_LIMIT_PARAM],
  extraParamHelp: [BATCH_SIZE_HELP, THROTTLE_LIMIT_HELP],
  body: `
Connect-TeamsIfNeeded
${BATCH_HELPERS}
${BULK_READ_HELPERS}
# U1, V1: Enterprise Voice and Shared Calling need Teams Phone. The user has it when
# Get-CsOnlineUser lists the PhoneSystem feature (FeatureTypes) or an enabled AssignedPlan capability
# whose name starts with MCOEV (U4, [DIALPAD]: "any capability whose name starts with MCOEV counts").
function Test-TeamsPhone {
    param($PhoneUser)
    if (@($PhoneUser.FeatureTypes) -contains 'PhoneSystem') { return $true }
    foreach ($assignedPlan in @($PhoneUser.AssignedPlan)) {
        if ($null -eq $assignedPlan) { continue }
        if ([string]$assignedPlan.Capability -like 'MCOEV*' -and [string]$assignedPlan.CapabilityStatus -eq 'Enabled') { return $true }
    }
    return $false
}

# §3.14, §10.1: Shared Calling policies assigned through an Entra group, by policy name.
$groupPolicies = @{}
foreach ($groupPolicy in @($Plan.SharedCallingPolicies)) { if ($null -ne $groupPolicy.Group) { $groupPolicies[$groupPolicy.Name] = $groupPolicy } }
$groupMembers = @{}

$emergencyBatches = @{}
$voiceRoutingBatches = @{}
$readyUsers = New-Object System.Collections.Generic.List[object]
$userCount = @($Plan.Users).Count
$userIndex = 0

# Issue 12 item 7: one bulk listing from 100 users on (Get-BulkOnlineUser, Get-PlannedOnlineUser).
$script:BulkOnlineUsers = Get-BulkOnlineUser @($Plan.Users).Count

# Pass 1: read every user, check Teams Phone (U1), collect the E1 and VR1 assignments for the batches.
foreach ($user in $Plan.Users) {
    Write-LoopProgress 'Stage 07: reading users' $userIndex $userCount
    $userIndex++
    $userKey = 'user:' + $user.Key
    $userStepKeys = @(($userKey + ':ev'), ($userKey + ':scp'), ($userKey + ':ecrp'), ($userKey + ':vrp'))
    if ($user.ExtensionNumber) { $userStepKeys += ($userKey + ':extension') }
    if (@($userStepKeys | Where-Object { -not $script:Finished.Contains($_) }).Count -eq 0) {
        Write-StepLog $userKey $user.Upn 'User' 'Resumed' 'all steps finished in an earlier run (checkpoint)'
        continue
    }
    try {
        $onlineUser = Get-PlannedOnlineUser $user.Upn
    } catch {
        Write-StepLog $userKey $user.Upn 'Read user' 'Failed' $_.Exception.Message
        continue
    }
    if ($null -eq $onlineUser) {
        Write-StepLog $userKey $user.Upn 'Read user' 'Failed' 'user not found with Get-CsOnlineUser'
        continue
    }
    if (-not (Test-TeamsPhone $onlineUser)) {
        Write-StepLog ($userKey + ':licence') $user.Upn 'Check Teams Phone licence (U1)' 'Failed' 'U1: no Teams Phone (no PhoneSystem feature, no enabled MCOEV plan); assign a Teams Phone licence, then run again. Nothing was changed for this user.'
        continue
    }

    # E1 and VR1: collected here, assigned in batches below.
    $batchObjectId = Get-ObjectIdentity $onlineUser
    $assignments = @(
        @{ Key = ($userKey + ':ecrp'); Planned = $user.EmergencyPolicy; Current = (Get-PolicyName $onlineUser.TeamsEmergencyCallRoutingPolicy); Sets = $emergencyBatches; Action = 'Assign TeamsEmergencyCallRoutingPolicy (E1)' },
        @{ Key = ($userKey + ':vrp'); Planned = $user.VoiceRoutingPolicy; Current = (Get-PolicyName $onlineUser.OnlineVoiceRoutingPolicy); Sets = $voiceRoutingBatches; Action = 'Assign OnlineVoiceRoutingPolicy (VR1)' }
    )
    foreach ($assignment in $assignments) {
        if (-not $assignment.Planned) { continue }
        if ($script:Finished.Contains($assignment.Key)) {
            Write-StepLog $assignment.Key $user.Upn $assignment.Action 'Resumed' 'finished in an earlier run (checkpoint)'
        } elseif ($assignment.Current -eq $assignment.Planned) {
            Write-StepLog $assignment.Key $user.Upn $assignment.Action 'Skipped' 'already as planned'
            Add-Checkpoint $assignment.Key
        } else {
            Add-BatchItem $assignment.Sets $assignment.Planned $assignment.Key $user.Upn $batchObjectId $assignment.Current
        }
    }
    $readyUsers.Add(@{ User = $user; Key = $userKey; Online = $onlineUser })
}
Complete-LoopProgress 'Stage 07: reading users'

# §9 steps 9-10: the emergency call routing and voice routing policies come first, each batch
# waited for, so no user holds the Shared Calling policy without them.
Invoke-BatchAssignment -BatchPolicyType 'TeamsEmergencyCallRoutingPolicy' -BatchSets $emergencyBatches
Invoke-BatchAssignment -BatchPolicyType 'OnlineVoiceRoutingPolicy' -BatchSets $voiceRoutingBatches

# AA7: the auto attendant's dial by extension reads the extension from Entra BusinessPhone (or
# Mobile), never from the Teams number (LineURI), so users with an extension get it there too, in
# the documented form +<number>;ext=<extension>. Microsoft Graph with User.ReadWrite.All; without it
# (or with -SkipLicensing) the step is reported as Manual.
$directoryPhones = $false
if (@($readyUsers | Where-Object { $_.User.ExtensionNumber }).Count -gt 0) {
    if ($DryRun) { $directoryPhones = Connect-GraphIfNeeded @('User.Read.All') }
    else { $directoryPhones = Connect-GraphIfNeeded @('User.ReadWrite.All') }
}

# Pass 2 (§9 steps 11-13): Enterprise Voice (V1), the extension (V3), then the Shared Calling policy,
# which is granted only when every earlier step of the user succeeded. On PowerShell 7 the changes
# run in parallel runspaces (Invoke-ReadyUsersInParallel); otherwise, user by user, here.
$userIndex = 0
$sharedCallingPolicyFound = @{}
${USERS_PARALLEL_HELPERS}
$serialReadyUsers = $readyUsers
if (Test-ParallelPass) {
    Invoke-ReadyUsersInParallel
    $serialReadyUsers = @()
}
foreach ($ready in $serialReadyUsers) {
    Write-LoopProgress 'Stage 07: enabling users' $userIndex $readyUsers.Count
    $userIndex++
    $user = $ready.User
    $userKey = $ready.Key
    $onlineUser = $ready.Online
    $failedFirst = New-Object System.Collections.Generic.List[string]
    if ($script:FailedSteps.Contains($userKey + ':ecrp')) { $failedFirst.Add('emergency call routing policy (E1)') }
    if ($script:FailedSteps.Contains($userKey + ':vrp')) { $failedFirst.Add('voice routing policy (VR1)') }

    # V1: Enterprise Voice on.
    Invoke-PlanStep ($userKey + ':ev') $user.Upn 'Enable Enterprise Voice (V1)' -IsDone {
        if ($onlineUser.EnterpriseVoiceEnabled -eq $true) { return $true }
        return 'Enterprise Voice off'
    } -Change {
        Invoke-Change { Set-CsPhoneNumberAssignment -Identity $user.Upn -EnterpriseVoiceEnabled $true -ErrorAction Stop }
    }
    if ($script:LastStatus -eq 'Failed') { $failedFirst.Add('Enterprise Voice (V1)') }

    # V3: Direct Routing number with the user's extension (only where planned; V2: otherwise no number).
    if ($user.ExtensionNumber) {
        if ($failedFirst -contains 'Enterprise Voice (V1)') {
            Write-StepLog ($userKey + ':extension') $user.Upn 'Assign extension (V3)' 'Failed' 'not attempted: Enterprise Voice (V1) failed'
        } else {
            Invoke-PlanStep ($userKey + ':extension') $user.Upn 'Assign extension (V3)' -IsDone {
                $lineUri = [string]$onlineUser.LineUri
                if ($lineUri -match '^(?i)tel:') { $lineUri = $lineUri.Substring(4) }
                if ($lineUri -eq $user.ExtensionNumber) { return $true }
                return ('line URI {0}' -f $lineUri)
            } -Change {
                Invoke-Change { Set-CsPhoneNumberAssignment -Identity $user.Upn -PhoneNumber $user.ExtensionNumber -PhoneNumberType DirectRouting -ErrorAction Stop }
            }
        }
        if ($script:LastStatus -eq 'Failed') { $failedFirst.Add('extension (V3)') }

        # AA7: the same extension in Entra BusinessPhone, where the auto attendant looks for it. A
        # business phone the plan did not write is never overwritten.
        $phoneAction = 'Write extension to Entra BusinessPhone (AA7)'
        if (-not $directoryPhones) {
            Write-StepLog ($userKey + ':businessphone') $user.Upn $phoneAction 'Manual' ('AA7: Microsoft Graph not used: enter {0} as the business phone of this user in Entra, or dial by extension will not find them' -f $user.ExtensionNumber)
        } else {
            Invoke-PlanStep ($userKey + ':businessphone') $user.Upn $phoneAction -IsDone {
                $graphUser = Invoke-Lookup { Get-MgUser -UserId $user.Upn -Property 'Id,BusinessPhones' -ErrorAction Stop }
                if ($null -eq $graphUser) { throw 'AA7: user not found in Microsoft Graph' }
                $phones = @($graphUser.BusinessPhones | Where-Object { $_ })
                if ($phones -contains $user.ExtensionNumber) { return $true }
                if ($phones.Count -gt 0) { throw ('AA7: the business phone is {0}, which the plan did not write; it was not overwritten. Replace it with {1} by hand (or put the extension in Mobile).' -f ($phones -join ', '), $user.ExtensionNumber) }
                return 'no business phone'
            } -Change {
                Invoke-Change { Update-MgUser -UserId $user.Upn -BusinessPhones @($user.ExtensionNumber) -ErrorAction Stop }
            }
        }
    } elseif ($user.ExtensionNote) {
        Write-StepLog ($userKey + ':extension') $user.Upn 'Assign extension (V3)' 'Manual' $user.ExtensionNote
    }

    # §3.14: batch assignment has no Shared Calling policy type, so it is granted per user, last.
    if ($user.SharedCallingPolicy) {
        # A policy stage 06 did not create is reported once per user, without a grant that must fail
        # (under -DryRun it is expected not to exist yet).
        if (-not $DryRun -and -not $sharedCallingPolicyFound.ContainsKey($user.SharedCallingPolicy)) {
            $sharedCallingPolicyFound[$user.SharedCallingPolicy] = $null -ne (Invoke-Lookup { Get-CsTeamsSharedCallingRoutingPolicy -Identity $user.SharedCallingPolicy -ErrorAction Stop })
        }
        if (-not $DryRun -and -not $sharedCallingPolicyFound[$user.SharedCallingPolicy]) {
            $failedFirst.Add(('Shared Calling policy {0} not found (stage 06 creates it)' -f $user.SharedCallingPolicy))
        }
        if ($failedFirst.Count -gt 0) {
            Write-StepLog ($userKey + ':scp') $user.Upn 'Grant Shared Calling policy' 'Failed' ('not attempted: {0} failed first (shared-calling.md §9 order)' -f ($failedFirst -join ', '))
        } elseif ($groupPolicies.ContainsKey($user.SharedCallingPolicy)) {
            # G1: a direct assignment counts as rank 0 and beats the group, so it is removed.
            $directName = Get-PolicyName $onlineUser.TeamsSharedCallingRoutingPolicy
            if ($directName) {
                Invoke-PlanStep ($userKey + ':scpDirect') $user.Upn 'Remove direct Shared Calling assignment (G1: the group assigns the policy)' -IsDone {
                    return ('direct assignment {0}' -f $directName)
                } -Change {
                    Invoke-Change { Grant-CsTeamsSharedCallingRoutingPolicy -Identity $user.Upn -PolicyName $null -ErrorAction Stop }
                }
            }
            if (-not $groupMembers.ContainsKey($user.SharedCallingPolicy)) { $groupMembers[$user.SharedCallingPolicy] = New-Object System.Collections.Generic.List[object] }
            $groupMembers[$user.SharedCallingPolicy].Add(@{ Key = ($userKey + ':scp'); Upn = $user.Upn; ObjectId = (Get-ObjectIdentity $onlineUser) })
        } else {
            Invoke-PlanStep ($userKey + ':scp') $user.Upn 'Grant Shared Calling policy' -IsDone {
                $currentName = Get-PolicyName $onlineUser.TeamsSharedCallingRoutingPolicy
                if ($currentName -eq $user.SharedCallingPolicy) { return $true }
                return ('policy {0}' -f $currentName)
            } -Change {
                Invoke-Change { Grant-CsTeamsSharedCallingRoutingPolicy -Identity $user.Upn -PolicyName $user.SharedCallingPolicy -ErrorAction Stop }
            }
        }
    }
}
Complete-LoopProgress 'Stage 07: enabling users'

# §3.14, §10.1, §10.4: group-based assignment. Members go in through Microsoft Graph.
$groupGraphReady = $false
if ($groupPolicies.Count -gt 0) {
    if ($DryRun) { $groupGraphReady = Connect-GraphIfNeeded @('Group.Read.All', 'GroupMember.Read.All') }
    else { $groupGraphReady = Connect-GraphIfNeeded @('Group.ReadWrite.All', 'GroupMember.ReadWrite.All') }
}

function Find-PolicyGroup {
    param($FindGroup)
    if ($FindGroup.ObjectId) { return (Invoke-Lookup { Get-MgGroup -GroupId $FindGroup.ObjectId -ErrorAction Stop }) }
    # OData string literal: a quote inside is doubled.
    $groupFilter = "displayName eq '{0}'" -f $FindGroup.Name.Replace("'", "''")
    $foundGroups = @(Invoke-TenantCall { Get-MgGroup -Filter $groupFilter -All -ErrorAction Stop } | Where-Object { $_ })
    if ($foundGroups.Count -gt 1) { throw ('{0} groups are named {1}: put its object id in the plan' -f $foundGroups.Count, $FindGroup.Name) }
    if ($foundGroups.Count -eq 1) { return $foundGroups[0] }
    return $null
}

foreach ($scp in @($Plan.SharedCallingPolicies)) {
    if ($null -eq $scp.Group) { continue }
    $policyGroup = $scp.Group
    $groupStepKey = 'scp:{0}:group' -f $scp.Id
    $members = @()
    if ($groupMembers.ContainsKey($scp.Name)) { $members = $groupMembers[$scp.Name].ToArray() }
    if (-not $groupGraphReady) {
        Write-StepLog $groupStepKey $policyGroup.Name 'Add the users to the policy group (§10.1)' 'Manual' ('Microsoft Graph not available: add the {0} users to {1} and run Grant-CsTeamsSharedCallingRoutingPolicy -Group <objectId> -PolicyName <name> -Rank {2}.' -f $members.Count, $policyGroup.Name, $policyGroup.Rank)
        continue
    }
    Invoke-PlanStep ($groupStepKey + ':create') $policyGroup.Name 'Create the security group of the policy (§10.1)' -IsDone {
        if ($null -ne (Find-PolicyGroup $policyGroup)) { return $true }
        if ($policyGroup.Existing) { throw 'the plan marks this group as existing in the tenant, but it was not found; it is not created' }
        return 'not found'
    } -Change {
        Invoke-Change { New-MgGroup -BodyParameter @{ displayName = $policyGroup.Name; mailEnabled = $false; mailNickname = $policyGroup.MailNickname; securityEnabled = $true } -ErrorAction Stop }
    }
    try { $groupObject = Find-PolicyGroup $policyGroup } catch { $groupObject = $null }
    if ($null -eq $groupObject) {
        $memberStatus = 'Failed'; if ($DryRun) { $memberStatus = 'DryRun' }
        foreach ($member in $members) { Write-StepLog $member.Key $member.Upn ('Add to group {0}' -f $policyGroup.Name) $memberStatus 'the group does not exist yet' }
        continue
    }
    $groupId = [string]$groupObject.Id
    $currentMembers = [System.Collections.Generic.HashSet[string]]::new([System.StringComparer]::OrdinalIgnoreCase)
    foreach ($currentMember in @(Invoke-TenantCall { Get-MgGroupMember -GroupId $groupId -All -ErrorAction Stop })) { if ($currentMember) { [void]$currentMembers.Add([string]$currentMember.Id) } }
    $toAdd = New-Object System.Collections.Generic.List[object]
    foreach ($member in $members) {
        if ($currentMembers.Contains([string]$member.ObjectId)) {
            Write-StepLog $member.Key $member.Upn ('Add to group {0}' -f $policyGroup.Name) 'Skipped' 'already a member'
            Add-Checkpoint $member.Key
        } else { $toAdd.Add($member) }
    }
    # Graph takes up to 20 members per PATCH /groups/{id}: one write per 20 users (§10.4 quotas).
    for ($chunkStart = 0; $chunkStart -lt $toAdd.Count; $chunkStart += 20) {
        Write-LoopProgress ('Stage 07: adding members to {0}' -f $policyGroup.Name) $chunkStart $toAdd.Count
        $chunk = @($toAdd.GetRange($chunkStart, [Math]::Min(20, $toAdd.Count - $chunkStart)))
        if ($DryRun) {
            foreach ($member in $chunk) { Write-StepLog $member.Key $member.Upn ('Add to group {0}' -f $policyGroup.Name) 'DryRun' 'would add as a direct member' }
            continue
        }
        if (-not $script:ScriptCmdlet.ShouldProcess($policyGroup.Name, ('Add {0} members' -f $chunk.Count))) {
            foreach ($member in $chunk) { Write-StepLog $member.Key $member.Upn ('Add to group {0}' -f $policyGroup.Name) 'Skipped' 'not confirmed (-WhatIf or -Confirm)' }
            continue
        }
        $memberRefs = @($chunk | ForEach-Object { 'https://graph.microsoft.com/v1.0/directoryObjects/' + [string]$_.ObjectId })
        try {
            Invoke-Change { Update-MgGroup -GroupId $groupId -BodyParameter @{ 'members@odata.bind' = $memberRefs } -ErrorAction Stop }
            foreach ($member in $chunk) {
                Write-StepLog $member.Key $member.Upn ('Add to group {0}' -f $policyGroup.Name) 'Done' 'added as a direct member'
                Add-Checkpoint $member.Key
            }
        } catch {
            foreach ($member in $chunk) { Write-StepLog $member.Key $member.Upn ('Add to group {0}' -f $policyGroup.Name) 'Failed' $_.Exception.Message }
        }
    }
    Complete-LoopProgress ('Stage 07: adding members to {0}' -f $policyGroup.Name)
    Invoke-PlanStep ($groupStepKey + ':grant') $policyGroup.Name ('Assign {0} to the group with rank {1} (§3.14)' -f $scp.Name, $policyGroup.Rank) -IsDone {
        $groupAssignment = @(Invoke-TenantCall { Get-CsGroupPolicyAssignment -GroupId $groupId -PolicyType TeamsSharedCallingRoutingPolicy -ErrorAction Stop } | Where-Object { $_ })
        if ($groupAssignment.Count -eq 0) { return 'not assigned' }
        if ([string]$groupAssignment[0].PolicyName -eq $scp.Name -and [int]$groupAssignment[0].Rank -eq [int]$policyGroup.Rank) { return $true }
        return ('{0} with rank {1}' -f $groupAssignment[0].PolicyName, $groupAssignment[0].Rank)
    } -Change {
        Invoke-Change { Grant-CsTeamsSharedCallingRoutingPolicy -Group $groupId -PolicyName $scp.Name -Rank ([int]$policyGroup.Rank) -ErrorAction Stop }
    }
    # §10.2: the effective assignment of a few members (EffectivePolicyAssignments, 7.2.0+).
    if (-not $DryRun -and $members.Count -gt 0) {
        $probe = @($members | Select-Object -First 3)
        $effectiveNow = $false
        for ($probeRound = 0; $probeRound -lt 10 -and -not $effectiveNow; $probeRound++) {
            $effectiveNow = $true
            foreach ($member in $probe) {
                $probeUser = Find-OnlineUser $member.Upn
                $entry = @($probeUser.EffectivePolicyAssignments | Where-Object { $_ -and [string]$_.PolicyType -eq 'TeamsSharedCallingRoutingPolicy' })
                if ($entry.Count -eq 0 -or [string]$entry[0].PolicyAssignment.DisplayName -ne $scp.Name) { $effectiveNow = $false }
            }
            if (-not $effectiveNow) { Start-Sleep -Seconds 30 }
        }
        if ($effectiveNow) { Write-StepLog ($groupStepKey + ':effective') $policyGroup.Name 'Effective assignment through the group (§10.2)' 'Done' ('{0} is effective for the members checked' -f $scp.Name) }
        else { Write-StepLog ($groupStepKey + ':effective') $policyGroup.Name 'Effective assignment through the group (§10.2)' 'Manual' 'not effective yet: group assignment can take 24 hours or more to reach large groups; stage 08 verifies it later' }
    }
}
`,
};
