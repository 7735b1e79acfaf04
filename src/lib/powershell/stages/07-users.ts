/** Stage 07: users (V1, V3, E1, VR1, §3.14). */
import type { StageSpec } from '../stage.js';
import { BATCH_HELPERS, BATCH_SIZE_HELP, BATCH_SIZE_PARAM } from './batch.js';

export const usersStage: StageSpec = {
  file: '07-users.ps1',
  number: '07',
  name: 'users',
  synopsis: 'Shared Calling runbook, stage 07: enable and assign the users.',
  description: [
    'For each planned user: enables Enterprise Voice with Set-CsPhoneNumberAssignment -Identity <upn> -EnterpriseVoiceEnabled $true (V1); assigns a planned extension as Set-CsPhoneNumberAssignment -Identity <upn> -PhoneNumber \'<resource account number>;ext=<extension>\' -PhoneNumberType DirectRouting (V3); and grants the Shared Calling policy with Grant-CsTeamsSharedCallingRoutingPolicy -Identity <upn> -PolicyName <name>, one user at a time, because batch assignment does not support that policy type (shared-calling.md §3.14).',
    'Emergency call routing policies (E1) and voice routing policies (VR1) are assigned with New-CsBatchPolicyAssignmentOperation -PolicyType TeamsEmergencyCallRoutingPolicy / OnlineVoiceRoutingPolicy, at most 5,000 users per batch, one batch at a time, each polled with Get-CsBatchPolicyAssignmentOperation -OperationId until it completes. Users whose assignment already matches are skipped.',
  ],
  rules: ['U1', 'V1', 'V2', 'V3', 'V4', 'E1', 'VR1'],
  data: ['users'],
  extraParams: [BATCH_SIZE_PARAM],
  extraParamHelp: [BATCH_SIZE_HELP],
  body: `
Connect-TeamsIfNeeded
${BATCH_HELPERS}
$emergencyBatches = @{}
$voiceRoutingBatches = @{}

foreach ($user in $Plan.Users) {
    $userKey = 'user:' + $user.Key
    $userStepKeys = @(($userKey + ':ev'), ($userKey + ':scp'), ($userKey + ':ecrp'), ($userKey + ':vrp'))
    if ($user.ExtensionNumber) { $userStepKeys += ($userKey + ':extension') }
    if (@($userStepKeys | Where-Object { -not $script:Finished.Contains($_) }).Count -eq 0) {
        Write-StepLog $userKey $user.Upn 'User' 'Resumed' 'all steps finished in an earlier run (checkpoint)'
        continue
    }
    $onlineUser = Find-OnlineUser $user.Upn
    if ($null -eq $onlineUser) {
        Write-StepLog $userKey $user.Upn 'Read user' 'Failed' 'user not found with Get-CsOnlineUser'
        continue
    }

    # V1: Enterprise Voice on.
    Invoke-PlanStep ($userKey + ':ev') $user.Upn 'Enable Enterprise Voice (V1)' -IsDone {
        if ($onlineUser.EnterpriseVoiceEnabled -eq $true) { return $true }
        return 'Enterprise Voice off'
    } -Change {
        Invoke-Change { Set-CsPhoneNumberAssignment -Identity $user.Upn -EnterpriseVoiceEnabled $true -ErrorAction Stop }
    }

    # V3: Direct Routing number with the user's extension (only where planned; V2: otherwise no number).
    if ($user.ExtensionNumber) {
        Invoke-PlanStep ($userKey + ':extension') $user.Upn 'Assign extension (V3)' -IsDone {
            $lineUri = [string]$onlineUser.LineUri
            if ($lineUri -match '^(?i)tel:') { $lineUri = $lineUri.Substring(4) }
            if ($lineUri -eq $user.ExtensionNumber) { return $true }
            return ('line URI {0}' -f $lineUri)
        } -Change {
            Invoke-Change { Set-CsPhoneNumberAssignment -Identity $user.Upn -PhoneNumber $user.ExtensionNumber -PhoneNumberType DirectRouting -ErrorAction Stop }
        }
    } elseif ($user.ExtensionNote) {
        Write-StepLog ($userKey + ':extension') $user.Upn 'Assign extension (V3)' 'Manual' $user.ExtensionNote
    }

    # §3.14: batch assignment has no Shared Calling policy type, so it is granted per user.
    if ($user.SharedCallingPolicy) {
        Invoke-PlanStep ($userKey + ':scp') $user.Upn 'Grant Shared Calling policy' -IsDone {
            $currentName = Get-PolicyName $onlineUser.TeamsSharedCallingRoutingPolicy
            if ($currentName -eq $user.SharedCallingPolicy) { return $true }
            return ('policy {0}' -f $currentName)
        } -Change {
            Invoke-Change { Grant-CsTeamsSharedCallingRoutingPolicy -Identity $user.Upn -PolicyName $user.SharedCallingPolicy -ErrorAction Stop }
        }
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
}

Invoke-BatchAssignment -BatchPolicyType 'TeamsEmergencyCallRoutingPolicy' -BatchSets $emergencyBatches
Invoke-BatchAssignment -BatchPolicyType 'OnlineVoiceRoutingPolicy' -BatchSets $voiceRoutingBatches
`,
};
