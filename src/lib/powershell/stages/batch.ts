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

function Wait-BatchOperation {
    param([string]$WaitOperationId)
    $waitDeadline = (Get-Date).AddHours(4)
    while ($true) {
        $operation = Invoke-TenantCall { Get-CsBatchPolicyAssignmentOperation -OperationId $WaitOperationId -ErrorAction Stop }
        if ([string]$operation.OverallStatus -eq 'Completed') { return $operation }
        if ((Get-Date) -gt $waitDeadline) { throw ('batch {0} is still {1} after 4 hours' -f $WaitOperationId, $operation.OverallStatus) }
        Write-Host ('Batch {0}: {1}; checking again in 30 s' -f $WaitOperationId, $operation.OverallStatus)
        Start-Sleep -Seconds 30
    }
}

# One batch at a time, each polled to completion; an empty policy name removes the assignment.
function Invoke-BatchAssignments {
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
                $userResults = @{}
                foreach ($userState in @($operation.UserState)) { $userResults[[string]$userState.Id] = [string]$userState.Result }
                foreach ($batchItem in $batchChunk) {
                    $userResult = $userResults[$batchItem.ObjectId]
                    if ($userResult -and $userResult -ne 'Success') {
                        Write-StepLog $batchItem.Key $batchItem.Upn $batchAction 'Failed' $userResult
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
export const BATCH_SIZE_HELP: [string, string] = [
  'BatchSize',
  'Users per New-CsBatchPolicyAssignmentOperation call (at most 5,000, shared-calling.md §3.14).',
];
