/** Stage 06: Shared Calling routing policies and their callback numbers (§3.1, §3.2, EN1–EN10). */
import type { StageSpec } from '../stage.js';

export const sharedCallingPoliciesStage: StageSpec = {
  file: '06-shared-calling-policies.ps1',
  number: '06',
  name: 'shared-calling-policies',
  synopsis: 'Shared Calling runbook, stage 06: Shared Calling routing policies.',
  description: [
    "Creates or updates each planned policy with New-/Set-CsTeamsSharedCallingRoutingPolicy. -ResourceAccount gets the resource account's ObjectId, read at run time with (Get-CsOnlineApplicationInstance -Identity <upn>).ObjectId: the cmdlet does not accept a UPN (shared-calling.md §3.1, §8).",
    'Emergency callback numbers are reconciled against the current list. First the numbers no longer planned are taken out of every policy with @{remove=...}, so a number can move from one policy to another (EN7, EN8); then each policy whose list differs from the plan in content or order gets the planned list as a plain array, which replaces it (EN9, EN10: the list is used in order and its first number is reused when all are reserved).',
    'With the plan setting "tag callback numbers" on (off by default), every callback number gets the policy name as a tag with Set-CsPhoneNumberTag, so the pool can be found later with Get-CsPhoneNumberAssignment -Filter "Tags -contains [\'<name>\']" (§3.17); that needs MicrosoftTeams 7.1.0 (R8), and on an older module, or for a name longer than 50 characters, the step is reported as Manual.',
  ],
  rules: ['RA6', 'RA7', 'RA8', 'R8', 'EN1', 'EN2', 'EN3', 'EN4', 'EN6', 'EN7', 'EN8', 'EN9', 'EN10'],
  data: ['sharedCallingPolicies'],
  body: `
Connect-TeamsIfNeeded

function Find-SharedCallingPolicy {
    param([string]$SharedPolicyName)
    return (Invoke-Lookup { Get-CsTeamsSharedCallingRoutingPolicy -Identity $SharedPolicyName -ErrorAction Stop })
}

# §3.1: -ResourceAccount takes the ObjectId of the resource account, read at run time, never its UPN.
function Get-ResourceAccountId {
    param([string]$AccountUpn)
    $accountInstance = Find-ApplicationInstance $AccountUpn
    if ($null -eq $accountInstance -or -not $accountInstance.ObjectId) { throw ('resource account {0} not found' -f $AccountUpn) }
    return [string]$accountInstance.ObjectId
}

# Items of the first list that are not in the second (case-insensitive).
function Get-ListExcess {
    param([object[]]$ExcessFrom, [object[]]$ExcessOf)
    return @($ExcessFrom | Where-Object { $null -ne $_ -and [string]$_ -ne '' -and @($ExcessOf) -notcontains [string]$_ } | ForEach-Object { [string]$_ })
}

# EN7, EN8: pass 1 takes numbers that are no longer planned out of every policy.
foreach ($scp in $Plan.SharedCallingPolicies) {
    Invoke-PlanStep ('scp:{0}:removeCallbacks' -f $scp.Id) $scp.Name 'Remove callback numbers not in the plan (EN8)' -IsDone {
        $current = Find-SharedCallingPolicy $scp.Name
        if ($null -eq $current) { return $true }
        $extraNumbers = @(Get-ListExcess @($current.EmergencyNumbers) @($scp.CallbackNumbers))
        if ($extraNumbers.Count -eq 0) { return $true }
        return ('to remove: {0}' -f ($extraNumbers -join ', '))
    } -Change {
        $current = Find-SharedCallingPolicy $scp.Name
        $extraNumbers = @(Get-ListExcess @($current.EmergencyNumbers) @($scp.CallbackNumbers))
        Invoke-Change { Set-CsTeamsSharedCallingRoutingPolicy -Identity $scp.Name -EmergencyNumbers @{ remove = $extraNumbers } -ErrorAction Stop }
    }
}

$tagsSupported = $false
if ($Plan.TagCallbackNumbers) { $tagsSupported = Test-NumberTagSupport }

foreach ($scp in $Plan.SharedCallingPolicies) {
    if (-not $scp.ResourceAccountUpn) {
        Write-StepLog ('scp:{0}:create' -f $scp.Id) $scp.Name 'Create Shared Calling policy' 'Failed' 'the plan names no resource account for this policy'
        continue
    }
    Invoke-PlanStep ('scp:{0}:create' -f $scp.Id) $scp.Name 'Create Shared Calling policy (EN1, EN9)' -IsDone {
        if ($null -ne (Find-SharedCallingPolicy $scp.Name)) { return $true }
        return 'not found'
    } -Change {
        # §3.1: -ResourceAccount takes the ObjectId, never a UPN.
        $resourceAccountId = Get-ResourceAccountId $scp.ResourceAccountUpn
        if (@($scp.CallbackNumbers).Count -gt 0) {
            Invoke-Change { New-CsTeamsSharedCallingRoutingPolicy -Identity $scp.Name -ResourceAccount $resourceAccountId -EmergencyNumbers @{ add = @($scp.CallbackNumbers) } -Description $scp.Description -ErrorAction Stop }
        } else {
            # EN1: without callback numbers the resource account's number is the emergency caller ID.
            Invoke-Change { New-CsTeamsSharedCallingRoutingPolicy -Identity $scp.Name -ResourceAccount $resourceAccountId -Description $scp.Description -ErrorAction Stop }
        }
    }

    Invoke-PlanStep ('scp:{0}:settings' -f $scp.Id) $scp.Name 'Update resource account and description (RA6)' -IsDone {
        $current = Find-SharedCallingPolicy $scp.Name
        if ($null -eq $current) { return 'policy not found' }
        $instance = Find-ApplicationInstance $scp.ResourceAccountUpn
        if ($null -eq $instance) { return 'resource account not found' }
        $differences = @()
        if ([string]$current.ResourceAccount -ne [string]$instance.ObjectId) { $differences += ('resource account {0}' -f $current.ResourceAccount) }
        if ([string]$current.Description -cne $scp.Description) { $differences += 'description' }
        if ($differences.Count -eq 0) { return $true }
        return ($differences -join '; ')
    } -Change {
        $resourceAccountId = Get-ResourceAccountId $scp.ResourceAccountUpn
        Invoke-Change { Set-CsTeamsSharedCallingRoutingPolicy -Identity $scp.Name -ResourceAccount $resourceAccountId -Description $scp.Description -ErrorAction Stop }
    }

    # EN9, EN10: the list is used in order and its first number is the one reused when all are
    # reserved, so the tenant's order must be the plan's, not only its set. A plain array replaces the
    # list (PSListModifier, §3.1/§3.2); numbers no longer planned were taken out in pass 1 (EN7, EN8).
    Invoke-PlanStep ('scp:{0}:callbacks' -f $scp.Id) $scp.Name 'Set callback numbers in plan order (EN9, EN10)' -IsDone {
        $current = Find-SharedCallingPolicy $scp.Name
        if ($null -eq $current) { return 'policy not found' }
        if (Test-SameList @($current.EmergencyNumbers) @($scp.CallbackNumbers)) { return $true }
        return ('numbers {0}' -f (@($current.EmergencyNumbers) -join ', '))
    } -Change {
        if (@($scp.CallbackNumbers).Count -gt 0) {
            Invoke-Change { Set-CsTeamsSharedCallingRoutingPolicy -Identity $scp.Name -EmergencyNumbers @($scp.CallbackNumbers) -ErrorAction Stop }
        } else {
            # EN1: no callback numbers planned: take out whatever is left.
            $current = Find-SharedCallingPolicy $scp.Name
            $extraNumbers = @(Get-ListExcess @($current.EmergencyNumbers) @())
            Invoke-Change { Set-CsTeamsSharedCallingRoutingPolicy -Identity $scp.Name -EmergencyNumbers @{ remove = $extraNumbers } -ErrorAction Stop }
        }
    }

    # §3.17 (plan setting, off by default): tag each callback number with the policy name, so admins
    # find the pool later (Get-CsPhoneNumberAssignment -Filter "Tags -contains ['<name>']"). Tags need
    # MicrosoftTeams 7.1.0 (R8), have at most 50 characters and are not case-sensitive.
    if ($Plan.TagCallbackNumbers) {
        foreach ($callbackNumber in @($scp.CallbackNumbers)) {
            $tagKey = ('scp:{0}:tag:{1}' -f $scp.Id, $callbackNumber)
            $tagAction = ('Tag callback number {0} (§3.17)' -f $scp.Name)
            if (-not $tagsSupported) {
                Write-StepLog $tagKey $callbackNumber $tagAction 'Manual' 'R8: Set-CsPhoneNumberTag needs MicrosoftTeams 7.1.0 or later; update the module and run again, or tag the number in the Teams admin center'
                continue
            }
            if ($scp.Name.Length -gt 50) {
                Write-StepLog $tagKey $callbackNumber $tagAction 'Manual' '§3.17: a tag has at most 50 characters and the policy name is longer; tag the number by hand'
                continue
            }
            Invoke-PlanStep $tagKey $callbackNumber $tagAction -IsDone {
                $assignment = Find-NumberAssignment $callbackNumber
                if ($null -eq $assignment) { throw 'the number is not in the Teams number inventory (Get-CsPhoneNumberAssignment), so it cannot be tagged' }
                if (@($assignment.Tag) -contains $scp.Name) { return $true }
                return ('tags: {0}' -f ((@($assignment.Tag) | Where-Object { $_ }) -join ', '))
            } -Change {
                Invoke-Change { Set-CsPhoneNumberTag -PhoneNumber $callbackNumber -Tag $scp.Name -ErrorAction Stop }
            }
        }
    }
}
`,
};
