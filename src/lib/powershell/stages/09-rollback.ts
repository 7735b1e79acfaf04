/** Stage 09: undo what the plan creates or grants, in reverse order (§9 order reversed). */
import type { StageSpec } from '../stage.js';
import { BATCH_HELPERS, BATCH_SIZE_HELP, BATCH_SIZE_PARAM } from './batch.js';

export const rollbackStage: StageSpec = {
  file: '09-rollback.ps1',
  number: '09',
  name: 'rollback',
  synopsis: 'Shared Calling runbook, stage 09: roll the plan back.',
  description: [
    "Undoes stages 07 to 02 in reverse order: removes the users' policy assignments (only where they still equal the plan) and planned extensions, and turns Enterprise Voice off again for users the plan's user list shows without it (V1; left on, as Manual, where the list did not say); takes the callback numbers out of each Shared Calling policy (EN8) and removes the policy, the emergency call routing policies and the voice routing policies (after taking the policy off the Direct Routing resource account); removes the auto attendant associations and the auto attendants; and unassigns the resource accounts' numbers.",
    'The rollback works from the plan, not from the logs of earlier runs: it removes what the plan names, except objects the plan marks as existing in the tenant (a brownfield plan): those are never removed, keep their number, association and callback numbers, and are logged as Skipped. Run with -DryRun first and read the log. Every change asks for confirmation (ConfirmImpact High); answer "Yes to All" or pass -Confirm:$false to run unattended. A LIS location pinned on a number stays with the number (§3.15). Resource accounts and their licences are kept unless -RemoveResourceAccounts is given (then the accounts are deleted with Microsoft Graph Remove-MgUser, RA3).',
  ],
  rules: ['EN8', 'RA3', 'RA7', 'AA4', 'VR2', 'V3'],
  data: ['resourceAccounts', 'autoAttendants', 'voiceRoutingPolicies', 'emergencyPolicies', 'sharedCallingPolicies', 'users'],
  confirmImpact: 'High',
  extraParams: [BATCH_SIZE_PARAM, ['    [switch]$RemoveResourceAccounts']],
  extraParamHelp: [
    BATCH_SIZE_HELP,
    ['RemoveResourceAccounts', 'Also delete the planned resource accounts (Microsoft Graph Remove-MgUser), which frees their licences.'],
  ],
  body: `
# ConfirmImpact High asks before every change, and a non-interactive session cannot answer: say so
# once, before anything runs, instead of failing every item on its own.
$nonInteractiveSession = @([Environment]::GetCommandLineArgs() | Where-Object { $_ -match '^-noni' }).Count -gt 0
if (-not $DryRun -and -not $WhatIfPreference -and $nonInteractiveSession -and $ConfirmPreference -ne 'None') {
    throw 'Rollback asks before each change and this session is non-interactive: run it with -Confirm:$false (after a -DryRun).'
}
Connect-TeamsIfNeeded
Write-Warning 'Rollback removes the objects and assignments this plan names. Run with -DryRun first.'
${BATCH_HELPERS}
function Get-ReversedList {
    param([object[]]$ReverseItems)
    $reversedItems = @($ReverseItems)
    [array]::Reverse($reversedItems)
    return ,$reversedItems
}

# Reverse of stage 07: users.
# AA7: the extension stage 07 wrote to Entra BusinessPhone is cleared again, but only where it is
# still exactly that value (a business phone the plan did not write is left alone).
$rollbackPhones = $false
if (@($Plan.Users | Where-Object { $_.ExtensionNumber }).Count -gt 0) {
    if ($DryRun) { $rollbackPhones = Connect-GraphIfNeeded @('User.Read.All') }
    else { $rollbackPhones = Connect-GraphIfNeeded @('User.ReadWrite.All') }
}
$emergencyBatches = @{}
$voiceRoutingBatches = @{}
$userCount = @($Plan.Users).Count
$userIndex = 0
foreach ($user in (Get-ReversedList $Plan.Users)) {
    $userKey = 'rollback:user:' + $user.Key
    Write-LoopProgress 'Stage 09: users' $userIndex $userCount
    $userIndex++
    # Only a user that is not found is skipped; a failed read fails the user (never "already done").
    try {
        $onlineUser = Find-OnlineUser $user.Upn
    } catch {
        Write-StepLog $userKey $user.Upn 'Read user' 'Failed' $_.Exception.Message
        continue
    }
    if ($null -eq $onlineUser) {
        Write-StepLog $userKey $user.Upn 'Read user' 'Skipped' 'user not found with Get-CsOnlineUser'
        continue
    }
    $batchObjectId = Get-ObjectIdentity $onlineUser
    $currentEmergency = Get-PolicyName $onlineUser.TeamsEmergencyCallRoutingPolicy
    if ($user.EmergencyPolicy -and $currentEmergency -eq $user.EmergencyPolicy -and -not $script:Finished.Contains($userKey + ':ecrp')) {
        Add-BatchItem $emergencyBatches '' ($userKey + ':ecrp') $user.Upn $batchObjectId $currentEmergency
    }
    $currentVoiceRouting = Get-PolicyName $onlineUser.OnlineVoiceRoutingPolicy
    if ($user.VoiceRoutingPolicy -and $currentVoiceRouting -eq $user.VoiceRoutingPolicy -and -not $script:Finished.Contains($userKey + ':vrp')) {
        Add-BatchItem $voiceRoutingBatches '' ($userKey + ':vrp') $user.Upn $batchObjectId $currentVoiceRouting
    }
    if ($user.SharedCallingPolicy) {
        Invoke-PlanStep ($userKey + ':scp') $user.Upn 'Remove Shared Calling policy assignment' -IsDone {
            $currentName = Get-PolicyName $onlineUser.TeamsSharedCallingRoutingPolicy
            if ($currentName -ne $user.SharedCallingPolicy) { return $true }
            return ('policy {0}' -f $currentName)
        } -Change {
            Invoke-Change { Grant-CsTeamsSharedCallingRoutingPolicy -Identity $user.Upn -PolicyName $null -ErrorAction Stop }
        }
    }
    if ($user.ExtensionNumber) {
        Invoke-PlanStep ($userKey + ':extension') $user.Upn 'Remove extension number (V3)' -IsDone {
            $lineUri = [string]$onlineUser.LineUri
            if ($lineUri -match '^(?i)tel:') { $lineUri = $lineUri.Substring(4) }
            if ($lineUri -ne $user.ExtensionNumber) { return $true }
            return ('line URI {0}' -f $lineUri)
        } -Change {
            Invoke-Change { Remove-CsPhoneNumberAssignment -Identity $user.Upn -PhoneNumber $user.ExtensionNumber -PhoneNumberType DirectRouting -ErrorAction Stop }
        }
        $phoneAction = 'Clear the extension from Entra BusinessPhone (AA7)'
        if (-not $rollbackPhones) {
            Write-StepLog ($userKey + ':businessphone') $user.Upn $phoneAction 'Manual' ('AA7: Microsoft Graph not used: remove {0} from the business phone of this user in Entra if it is still there' -f $user.ExtensionNumber)
        } else {
            Invoke-PlanStep ($userKey + ':businessphone') $user.Upn $phoneAction -IsDone {
                $graphUser = Invoke-Lookup { Get-MgUser -UserId $user.Upn -Property 'Id,BusinessPhones' -ErrorAction Stop }
                if ($null -eq $graphUser) { return $true }
                if (@($graphUser.BusinessPhones) -notcontains $user.ExtensionNumber) { return $true }
                return ('business phone {0}' -f $user.ExtensionNumber)
            } -Change {
                Invoke-Change { Update-MgUser -UserId $user.Upn -BusinessPhones @() -ErrorAction Stop }
            }
        }
    }
    # V1: Enterprise Voice goes back off only where the plan's user list showed it off before.
    if ($user.EnterpriseVoiceBefore -eq 'no') {
        Invoke-PlanStep ($userKey + ':ev') $user.Upn 'Turn Enterprise Voice off (as before the plan, V1)' -IsDone {
            if ($onlineUser.EnterpriseVoiceEnabled -ne $true) { return $true }
            return 'Enterprise Voice on'
        } -Change {
            Invoke-Change { Set-CsPhoneNumberAssignment -Identity $user.Upn -EnterpriseVoiceEnabled $false -ErrorAction Stop }
        }
    } elseif ($user.EnterpriseVoiceBefore -eq 'unknown') {
        Write-StepLog ($userKey + ':ev') $user.Upn 'Turn Enterprise Voice off (V1)' 'Manual' 'left on: the user list did not say whether Enterprise Voice was on before the plan'
    }
}
Complete-LoopProgress 'Stage 09: users'
Invoke-BatchAssignment -BatchPolicyType 'TeamsEmergencyCallRoutingPolicy' -BatchSets $emergencyBatches
Invoke-BatchAssignment -BatchPolicyType 'OnlineVoiceRoutingPolicy' -BatchSets $voiceRoutingBatches

# Reverse of stage 07's group assignment (§3.14): the group's policy assignment goes; a group the
# plan created is deleted (its members with it); a group that existed keeps its members.
$groupPolicyCount = @($Plan.SharedCallingPolicies | Where-Object { $null -ne $_.Group }).Count
$rollbackGraphReady = $false
if ($groupPolicyCount -gt 0) {
    if ($DryRun) { $rollbackGraphReady = Connect-GraphIfNeeded @('Group.Read.All') }
    else { $rollbackGraphReady = Connect-GraphIfNeeded @('Group.ReadWrite.All') }
}
foreach ($scp in (Get-ReversedList $Plan.SharedCallingPolicies)) {
    if ($null -eq $scp.Group -or $scp.Existing) { continue }
    $rollbackGroup = $scp.Group
    if (-not $rollbackGraphReady) {
        Write-StepLog ('rollback:scp:{0}:group' -f $scp.Id) $rollbackGroup.Name 'Remove the group policy assignment (§3.14)' 'Manual' 'Microsoft Graph not available: remove the assignment in the Teams admin center (Group policy assignment).'
        continue
    }
    $groupObject = $null
    try {
        if ($rollbackGroup.ObjectId) { $groupObject = Invoke-Lookup { Get-MgGroup -GroupId $rollbackGroup.ObjectId -ErrorAction Stop } }
        else {
            $groupFilter = "displayName eq '{0}'" -f $rollbackGroup.Name.Replace("'", "''")
            $foundGroups = @(Invoke-TenantCall { Get-MgGroup -Filter $groupFilter -All -ErrorAction Stop } | Where-Object { $_ })
            if ($foundGroups.Count -eq 1) { $groupObject = $foundGroups[0] }
        }
    } catch { $groupObject = $null }
    if ($null -eq $groupObject) {
        Write-StepLog ('rollback:scp:{0}:group' -f $scp.Id) $rollbackGroup.Name 'Remove the group policy assignment (§3.14)' 'Skipped' 'group not found (or not one group of that name)'
        continue
    }
    $rollbackGroupId = [string]$groupObject.Id
    Invoke-PlanStep ('rollback:scp:{0}:group' -f $scp.Id) $rollbackGroup.Name 'Remove the group policy assignment (§3.14)' -IsDone {
        $groupAssignment = @(Invoke-TenantCall { Get-CsGroupPolicyAssignment -GroupId $rollbackGroupId -PolicyType TeamsSharedCallingRoutingPolicy -ErrorAction Stop } | Where-Object { $_ })
        if ($groupAssignment.Count -eq 0 -or [string]$groupAssignment[0].PolicyName -ne $scp.Name) { return $true }
        return ('assigned {0}' -f $groupAssignment[0].PolicyName)
    } -Change {
        Invoke-Change { Remove-CsGroupPolicyAssignment -GroupId $rollbackGroupId -PolicyType TeamsSharedCallingRoutingPolicy -ErrorAction Stop }
    }
    if ($rollbackGroup.Existing) {
        Write-StepLog ('rollback:scp:{0}:groupDelete' -f $scp.Id) $rollbackGroup.Name 'Delete the policy group' 'Skipped' 'exists in the tenant before the plan (marked existing): kept with its members'
    } else {
        Invoke-PlanStep ('rollback:scp:{0}:groupDelete' -f $scp.Id) $rollbackGroup.Name 'Delete the policy group the plan created' -IsDone {
            if ($null -eq (Invoke-Lookup { Get-MgGroup -GroupId $rollbackGroupId -ErrorAction Stop })) { return $true }
            return 'exists'
        } -Change {
            Invoke-Change { Remove-MgGroup -GroupId $rollbackGroupId -ErrorAction Stop }
        }
    }
}

# Reverse of stage 06: Shared Calling policies. EN8: a number is taken out of the policy before the
# number can be reused, so the callback numbers are removed first, then the policy.
$tagsSupported = $false
if ($Plan.TagCallbackNumbers) { $tagsSupported = Test-NumberTagSupport }
foreach ($scp in (Get-ReversedList $Plan.SharedCallingPolicies)) {
    # §3.17: remove the tag stage 06 set (only that tag; other tags stay).
    if ($Plan.TagCallbackNumbers -and $tagsSupported) {
        foreach ($callbackNumber in @($scp.CallbackNumbers)) {
            Invoke-PlanStep ('rollback:scp:{0}:tag:{1}' -f $scp.Id, $callbackNumber) $callbackNumber ('Remove tag {0} (§3.17)' -f $scp.Name) -IsDone {
                $assignment = Find-NumberAssignment $callbackNumber
                if ($null -eq $assignment) { return $true }
                if (@($assignment.Tag) -notcontains $scp.Name) { return $true }
                return ('tagged {0}' -f $scp.Name)
            } -Change {
                Invoke-Change { Remove-CsPhoneNumberTag -PhoneNumber $callbackNumber -Tag $scp.Name -ErrorAction Stop }
            }
        }
    }
    # A policy that existed before the plan keeps its callback numbers and stays (brownfield plan).
    if ($scp.Existing) {
        Write-StepLog ('rollback:scp:{0}' -f $scp.Id) $scp.Name 'Remove Shared Calling policy (EN8)' 'Skipped' 'exists in the tenant before the plan (marked existing): kept'
        continue
    }
    Invoke-PlanStep ('rollback:scp:{0}:callbacks' -f $scp.Id) $scp.Name 'Take the callback numbers out of the policy (EN8)' -IsDone {
        $current = Invoke-Lookup { Get-CsTeamsSharedCallingRoutingPolicy -Identity $scp.Name -ErrorAction Stop }
        if ($null -eq $current) { return $true }
        $held = @($current.EmergencyNumbers | Where-Object { $_ })
        if ($held.Count -eq 0) { return $true }
        return ('{0} callback numbers' -f $held.Count)
    } -Change {
        $current = Invoke-Lookup { Get-CsTeamsSharedCallingRoutingPolicy -Identity $scp.Name -ErrorAction Stop }
        $held = @($current.EmergencyNumbers | Where-Object { $_ } | ForEach-Object { [string]$_ })
        Invoke-Change { Set-CsTeamsSharedCallingRoutingPolicy -Identity $scp.Name -EmergencyNumbers @{ remove = $held } -ErrorAction Stop }
    }
    Invoke-PlanStep ('rollback:scp:{0}' -f $scp.Id) $scp.Name 'Remove Shared Calling policy (EN8)' -IsDone {
        if ($null -eq (Invoke-Lookup { Get-CsTeamsSharedCallingRoutingPolicy -Identity $scp.Name -ErrorAction Stop })) { return $true }
        return 'exists'
    } -Change {
        Invoke-Change { Remove-CsTeamsSharedCallingRoutingPolicy -Identity $scp.Name -ErrorAction Stop }
    }
}

# Reverse of stage 05: emergency call routing policies.
foreach ($ecrp in (Get-ReversedList $Plan.EmergencyPolicies)) {
    if ($ecrp.Existing) {
        Write-StepLog ('rollback:ecrp:{0}' -f $ecrp.Id) $ecrp.Name 'Remove emergency call routing policy' 'Skipped' 'exists in the tenant before the plan (marked existing): kept'
        continue
    }
    Invoke-PlanStep ('rollback:ecrp:{0}' -f $ecrp.Id) $ecrp.Name 'Remove emergency call routing policy' -IsDone {
        if ($null -eq (Invoke-Lookup { Get-CsTeamsEmergencyCallRoutingPolicy -Identity $ecrp.Name -ErrorAction Stop })) { return $true }
        return 'exists'
    } -Change {
        Invoke-Change { Remove-CsTeamsEmergencyCallRoutingPolicy -Identity $ecrp.Name -ErrorAction Stop }
    }
}

# Reverse of stage 04: the resource accounts' grant (VR2), then the policies.
foreach ($ra in (Get-ReversedList $Plan.ResourceAccounts)) {
    if (-not $ra.VoiceRoutingPolicy) { continue }
    # An existing account keeps its voice routing policy: the plan cannot tell whether it had it before.
    if ($ra.Existing) {
        Write-StepLog ('rollback:ra:{0}:voiceRouting' -f $ra.Id) $ra.Upn 'Remove voice routing policy from resource account (VR2)' 'Skipped' 'exists in the tenant before the plan (marked existing): kept'
        continue
    }
    Invoke-PlanStep ('rollback:ra:{0}:voiceRouting' -f $ra.Id) $ra.Upn 'Remove voice routing policy from resource account (VR2)' -IsDone {
        $onlineUser = Find-OnlineUser $ra.Upn
        if ($null -eq $onlineUser) { return $true }
        $currentName = Get-PolicyName $onlineUser.OnlineVoiceRoutingPolicy
        if ($currentName -ne $ra.VoiceRoutingPolicy) { return $true }
        return ('policy {0}' -f $currentName)
    } -Change {
        Invoke-Change { Grant-CsOnlineVoiceRoutingPolicy -Identity $ra.Upn -PolicyName $null -ErrorAction Stop }
    }
}
foreach ($vrp in (Get-ReversedList $Plan.VoiceRoutingPolicies)) {
    if ($vrp.Existing) {
        Write-StepLog ('rollback:vrp:{0}' -f $vrp.Id) $vrp.Name 'Remove voice routing policy' 'Skipped' 'exists in the tenant before the plan (marked existing): kept'
        continue
    }
    Invoke-PlanStep ('rollback:vrp:{0}' -f $vrp.Id) $vrp.Name 'Remove voice routing policy' -IsDone {
        if ($null -eq (Invoke-Lookup { Get-CsOnlineVoiceRoutingPolicy -Identity $vrp.Name -ErrorAction Stop })) { return $true }
        return 'exists'
    } -Change {
        Invoke-Change { Remove-CsOnlineVoiceRoutingPolicy -Identity $vrp.Name -ErrorAction Stop }
    }
}

# Reverse of stage 03: association (AA4), then the auto attendant.
foreach ($aa in (Get-ReversedList $Plan.AutoAttendants)) {
    # An existing auto attendant keeps its association and stays (brownfield plan).
    if ($aa.Existing) {
        Write-StepLog ('rollback:aa:{0}' -f $aa.Id) $aa.Name 'Remove auto attendant' 'Skipped' 'exists in the tenant before the plan (marked existing): kept'
        continue
    }
    if ($aa.ResourceAccountUpn) {
        Invoke-PlanStep ('rollback:aa:{0}:association' -f $aa.Id) $aa.Name 'Remove resource account association (AA4)' -IsDone {
            $instance = Find-ApplicationInstance $aa.ResourceAccountUpn
            $current = Find-AutoAttendant $aa.Name
            if ($null -eq $instance -or $null -eq $current) { return $true }
            $association = Invoke-Lookup { Get-CsOnlineApplicationInstanceAssociation -Identity ([string]$instance.ObjectId) -ErrorAction Stop }
            if ($null -eq $association -or [string]$association.ConfigurationId -ne (Get-ObjectIdentity $current)) { return $true }
            return 'associated'
        } -Change {
            $instance = Find-ApplicationInstance $aa.ResourceAccountUpn
            Invoke-Change { Remove-CsOnlineApplicationInstanceAssociation -Identities @([string]$instance.ObjectId) -ErrorAction Stop }
        }
    }
    Invoke-PlanStep ('rollback:aa:{0}' -f $aa.Id) $aa.Name 'Remove auto attendant' -IsDone {
        if ($null -eq (Find-AutoAttendant $aa.Name)) { return $true }
        return 'exists'
    } -Change {
        $current = Find-AutoAttendant $aa.Name
        Invoke-Change { Remove-CsAutoAttendant -Identity (Get-ObjectIdentity $current) -ErrorAction Stop }
    }
}

# Reverse of stage 02: numbers, then (only with -RemoveResourceAccounts) the accounts themselves.
$graphReady = $false
# Deleting accounts needs User.ReadWrite.All; a dry run only reads.
if ($RemoveResourceAccounts -and $DryRun) { $graphReady = Connect-GraphIfNeeded @('User.Read.All') }
elseif ($RemoveResourceAccounts) { $graphReady = Connect-GraphIfNeeded @('User.ReadWrite.All') }
foreach ($ra in (Get-ReversedList $Plan.ResourceAccounts)) {
    if ($ra.Existing) {
        # An existing account is never deleted and never loses its number (brownfield plan).
        Write-StepLog ('rollback:ra:{0}' -f $ra.Id) $ra.Upn 'Remove resource account and unassign its number' 'Skipped' 'exists in the tenant before the plan (marked existing): kept'
        continue
    }
    if ($ra.PhoneNumber -and $ra.NumberExisting) {
        Write-StepLog ('rollback:ra:{0}:number' -f $ra.Id) $ra.PhoneNumber 'Unassign number (RA7)' 'Skipped' 'the number was assigned before the plan (marked existing): kept'
    } elseif ($ra.PhoneNumber) {
        Invoke-PlanStep ('rollback:ra:{0}:number' -f $ra.Id) $ra.Upn 'Unassign number (RA7)' -IsDone {
            $instance = Find-ApplicationInstance $ra.Upn
            $assignment = Find-NumberAssignment $ra.PhoneNumber
            if ($null -eq $instance -or $null -eq $assignment) { return $true }
            if ([string]$assignment.AssignedPstnTargetId -ne [string]$instance.ObjectId) { return $true }
            return 'assigned'
        } -Change {
            Invoke-Change { Remove-CsPhoneNumberAssignment -Identity $ra.Upn -PhoneNumber $ra.PhoneNumber -PhoneNumberType $ra.NumberType -ErrorAction Stop }
        }
    }
    if (-not $RemoveResourceAccounts) {
        Write-StepLog ('rollback:ra:{0}' -f $ra.Id) $ra.Upn 'Remove resource account' 'Skipped' 'kept (use -RemoveResourceAccounts to delete it)'
    } elseif (-not $graphReady) {
        Write-StepLog ('rollback:ra:{0}' -f $ra.Id) $ra.Upn 'Remove resource account (RA3)' 'Manual' 'Microsoft Graph not available: delete the account in the Microsoft 365 admin center.'
    } else {
        Invoke-PlanStep ('rollback:ra:{0}' -f $ra.Id) $ra.Upn 'Remove resource account (RA3)' -IsDone {
            if ($null -eq (Find-ApplicationInstance $ra.Upn)) { return $true }
            return 'exists'
        } -Change {
            Invoke-Change { Remove-MgUser -UserId $ra.Upn -ErrorAction Stop }
        }
    }
}
`,
};
