/**
 * Fixed PowerShell for batch policy assignment (§3.14), shared by stage 07 and the rollback:
 * New-CsBatchPolicyAssignmentOperation with at most 5,000 users per batch, one batch at a time,
 * polled with Get-CsBatchPolicyAssignmentOperation -OperationId until it completes; per-user results
 * come from its UserState. Users are identified by ObjectId (a UPN that differs from the SIP address
 * would fail, §3.14).
 */
export const BATCH_HELPERS = `
# Pending batch items: @{ Key; Upn; ObjectId; Current } per user, grouped by policy name.
function Add-BatchItem {
    param([hashtable]$BatchSets, [string]$BatchPolicy, [string]$BatchKey, [string]$BatchUpn, [string]$BatchObjectId, [string]$BatchCurrent)
    if (-not $BatchSets.ContainsKey($BatchPolicy)) { $BatchSets[$BatchPolicy] = New-Object System.Collections.Generic.List[object] }
    $BatchSets[$BatchPolicy].Add(@{ Key = $BatchKey; Upn = $BatchUpn; ObjectId = $BatchObjectId; Current = $BatchCurrent })
}

# The OUTPUTS section lists OverallStatus NotStarted, InProgress, Complete while every example
# shows Completed (§3.14, §8 item 22): both mean finished. A status that says the operation failed
# or was cancelled ends the wait with an error; any other status (NotStarted, InProgress) waits on.
function Wait-BatchOperation {
    param([string]$WaitOperationId)
    # 480 polls 30 s apart: 4 hours.
    for ($waitPoll = 1; $true; $waitPoll++) {
        $operation = Invoke-TenantCall { Get-CsBatchPolicyAssignmentOperation -OperationId $WaitOperationId -ErrorAction Stop }
        $overallStatus = [string]$operation.OverallStatus
        if ($overallStatus -eq 'Complete' -or $overallStatus -eq 'Completed') { return $operation }
        if ($overallStatus -match '^(?i)(Failed|Failure|Error|Errored|Cancelled|Canceled|Aborted)$') {
            throw ('batch {0} ended with status {1}' -f $WaitOperationId, $overallStatus)
        }
        if ($waitPoll -ge 480) { throw ('batch {0} is still {1} after 4 hours' -f $WaitOperationId, $overallStatus) }
        Write-Host ('Batch {0}: {1}; checking again in 30 s' -f $WaitOperationId, $overallStatus)
        Start-Sleep -Seconds 30
    }
}

# One batch at a time, each polled to completion; an empty policy name removes the assignment.
# Invoke-BatchAssignment -BatchPolicyType <type> -BatchSets <policy name -> items>
function Invoke-BatchAssignment {
    param([string]$BatchPolicyType, [hashtable]$BatchSets)
    foreach ($batchPolicyName in @($BatchSets.Keys | Sort-Object)) {
        $batchItems = $BatchSets[$batchPolicyName]
        $batchLabel = $batchPolicyName
        if (-not $batchLabel) { $batchLabel = '(none)' }
        $batchAction = ('Assign {0} {1} (batch)' -f $BatchPolicyType, $batchLabel)
        for ($batchOffset = 0; $batchOffset -lt $batchItems.Count; $batchOffset += $BatchSize) {
            $batchChunk = @($batchItems.GetRange($batchOffset, [math]::Min($BatchSize, $batchItems.Count - $batchOffset)))
            if ($DryRun) {
                foreach ($batchItem in $batchChunk) { Write-StepLog $batchItem.Key $batchItem.Upn $batchAction 'DryRun' ('would change; now: {0}' -f $batchItem.Current) }
                continue
            }
            if (-not $script:ScriptCmdlet.ShouldProcess(('{0} users' -f $batchChunk.Count), $batchAction)) {
                foreach ($batchItem in $batchChunk) { Write-StepLog $batchItem.Key $batchItem.Upn $batchAction 'Skipped' 'not confirmed (-WhatIf or -Confirm)' }
                continue
            }
            try {
                $batchIds = @($batchChunk | ForEach-Object { $_.ObjectId })
                if ($batchPolicyName) {
                    $operationId = Invoke-Change { New-CsBatchPolicyAssignmentOperation -PolicyType $BatchPolicyType -PolicyName $batchPolicyName -Identity $batchIds -OperationName $batchAction -ErrorAction Stop }
                } else {
                    $operationId = Invoke-Change { New-CsBatchPolicyAssignmentOperation -PolicyType $BatchPolicyType -PolicyName $null -Identity $batchIds -OperationName $batchAction -ErrorAction Stop }
                }
                $operation = Wait-BatchOperation ([string]$operationId)
                # Per-user results (UserState: Id, Result, State). A user the batch does not report
                # is Failed, never Done.
                $userResults = @{}
                foreach ($userState in @($operation.UserState)) {
                    if ($null -eq $userState) { continue }
                    $userResults[([string]$userState.Id).ToLowerInvariant()] = $userState
                }
                foreach ($batchItem in $batchChunk) {
                    $userState = $userResults[([string]$batchItem.ObjectId).ToLowerInvariant()]
                    if ($null -eq $userState) {
                        Write-StepLog $batchItem.Key $batchItem.Upn $batchAction 'Failed' ('not reported by batch {0}' -f $operationId)
                    } elseif ([string]$userState.Result -ne 'Success') {
                        Write-StepLog $batchItem.Key $batchItem.Upn $batchAction 'Failed' ('batch {0}: {1} ({2})' -f $operationId, $userState.Result, $userState.State)
                    } else {
                        Write-StepLog $batchItem.Key $batchItem.Upn $batchAction 'Done' ('batch {0}; was: {1}' -f $operationId, $batchItem.Current)
                        Add-Checkpoint $batchItem.Key
                    }
                }
            } catch {
                foreach ($batchItem in $batchChunk) { Write-StepLog $batchItem.Key $batchItem.Upn $batchAction 'Failed' $_.Exception.Message }
            }
        }
    }
}
`;

export const BATCH_SIZE_PARAM: string[] = ['    [ValidateRange(1, 5000)]', '    [int]$BatchSize = 5000'];
export const BATCH_SIZE_HELP: [string, string] = ['BatchSize', 'Users per New-CsBatchPolicyAssignmentOperation call (at most 5,000, shared-calling.md §3.14).'];
