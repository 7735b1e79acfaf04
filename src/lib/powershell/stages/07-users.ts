/** Stage 07: users (V1, V3, AA7, E1, VR1, §3.14). */
import type { StageSpec } from '../stage.js';
import { BATCH_HELPERS, BATCH_SIZE_HELP, BATCH_SIZE_PARAM } from './batch.js';

export const usersStage: StageSpec = {
  file: '07-users.ps1',
  number: '07',
  name: 'users',
  synopsis: 'Shared Calling runbook, stage 07: enable and assign the users.',
  description: [
    "Runs in the order of shared-calling.md §9: first the emergency call routing policies (E1) and voice routing policies (VR1), assigned with New-CsBatchPolicyAssignmentOperation -PolicyType TeamsEmergencyCallRoutingPolicy / OnlineVoiceRoutingPolicy, at most 5,000 users per batch, one batch at a time, each polled with Get-CsBatchPolicyAssignmentOperation -OperationId until it completes; then, per user, Enterprise Voice with Set-CsPhoneNumberAssignment -Identity <upn> -EnterpriseVoiceEnabled $true (V1) and a planned extension as Set-CsPhoneNumberAssignment -Identity <upn> -PhoneNumber '<resource account number>;ext=<extension>' -PhoneNumberType DirectRouting (V3); and last the Shared Calling policy with Grant-CsTeamsSharedCallingRoutingPolicy -Identity <upn> -PolicyName <name>, one user at a time, because batch assignment does not support that policy type (shared-calling.md §3.14).",
    'Users with an extension also get it in Entra BusinessPhone as +<number>;ext=<extension> with Microsoft Graph (Update-MgUser -BusinessPhones, scope User.ReadWrite.All), because the auto attendant reads dial-by-extension from there, not from the Teams number (AA7); a business phone the plan did not write is never overwritten, and without Graph the step is reported as Manual.',
    'The Shared Calling policy is granted only to users whose earlier steps succeeded. A user without Teams Phone (no PhoneSystem feature and no enabled MCOEV plan, U1) is reported as Failed and left unchanged. Users whose assignment already matches are skipped.',
  ],
  rules: ['U1', 'V1', 'V2', 'V3', 'V4', 'AA7', 'E1', 'VR1'],
  data: ['users'],
  extraParams: [BATCH_SIZE_PARAM],
  extraParamHelp: [BATCH_SIZE_HELP],
  body: `
Connect-TeamsIfNeeded
${BATCH_HELPERS}
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

$emergencyBatches = @{}
$voiceRoutingBatches = @{}
$readyUsers = New-Object System.Collections.Generic.List[object]
$userCount = @($Plan.Users).Count
$userIndex = 0

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
        $onlineUser = Find-OnlineUser $user.Upn
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
# which is granted only when every earlier step of the user succeeded.
$userIndex = 0
$sharedCallingPolicyFound = @{}
foreach ($ready in $readyUsers) {
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
`,
};
