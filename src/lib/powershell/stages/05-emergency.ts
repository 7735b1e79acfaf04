/** Stage 05: emergency call routing policies (E1, E2, E5, §3.12). User grants happen in stage 07. */
import type { StageSpec } from '../stage.js';

export const emergencyStage: StageSpec = {
  file: '05-emergency.ps1',
  number: '05',
  name: 'emergency',
  synopsis: 'Shared Calling runbook, stage 05: emergency call routing policies.',
  description: [
    'Builds the emergency numbers of each planned policy with New-CsTeamsEmergencyNumber (-EmergencyDialString, -EmergencyDialMask, and -OnlinePSTNUsage only for Direct Routing: E2) and creates or updates the policy with New-/Set-CsTeamsEmergencyCallRoutingPolicy.',
    "The number objects are passed directly, which replaces the policy's numbers: passing them as @{add=...} to New-CsTeamsEmergencyCallRoutingPolicy would keep the numbers inherited from the Global instance (shared-calling.md §3.12).",
    'Users get their emergency call routing policy in stage 07 (New-CsBatchPolicyAssignmentOperation, E1).',
  ],
  rules: ['E1', 'E2', 'E3', 'E5'],
  data: ['emergencyPolicies'],
  body: `
Connect-TeamsIfNeeded

function Find-EmergencyPolicy {
    param([string]$EmergencyPolicyName)
    return (Invoke-Lookup { Get-CsTeamsEmergencyCallRoutingPolicy -Identity $EmergencyPolicyName -ErrorAction Stop })
}

# Comparable text of a list of emergency numbers: dial string|mask|usage, sorted.
function Get-EmergencySignature {
    param([object[]]$SignatureNumbers, [switch]$FromPlan)
    $signatureItems = foreach ($signatureNumber in $SignatureNumbers) {
        if ($null -eq $signatureNumber) { continue }
        if ($FromPlan) {
            '{0}|{1}|{2}' -f $signatureNumber.DialString, $signatureNumber.DialMask, $signatureNumber.PstnUsage
        } else {
            '{0}|{1}|{2}' -f $signatureNumber.EmergencyDialString, $signatureNumber.EmergencyDialMask, $signatureNumber.OnlinePSTNUsage
        }
    }
    return ((@($signatureItems) | Sort-Object) -join ';')
}

# In-memory number objects (New-CsTeamsEmergencyNumber creates nothing in the tenant, §3.12).
function New-EmergencyNumberList {
    param($NumberPolicy)
    $numberObjects = New-Object System.Collections.Generic.List[object]
    foreach ($entry in $NumberPolicy.Numbers) {
        $numberSpec = @{ EmergencyDialString = $entry.DialString }
        if ($entry.DialMask) { $numberSpec['EmergencyDialMask'] = $entry.DialMask }
        # E2: a PSTN usage only for Direct Routing; none for Calling Plan and Operator Connect.
        if ($entry.PstnUsage) { $numberSpec['OnlinePSTNUsage'] = $entry.PstnUsage }
        $numberObjects.Add((New-CsTeamsEmergencyNumber @numberSpec -ErrorAction Stop))
    }
    return ,$numberObjects.ToArray()
}

foreach ($ecrp in $Plan.EmergencyPolicies) {
    Invoke-PlanStep ('ecrp:{0}:create' -f $ecrp.Id) $ecrp.Name 'Create emergency call routing policy (E1, E2)' -IsDone {
        if ($null -ne (Find-EmergencyPolicy $ecrp.Name)) { return $true }
        return 'not found'
    } -Change {
        $emergencyNumbers = New-EmergencyNumberList $ecrp
        # §3.12: objects passed directly replace the numbers (no @{add=...}).
        Invoke-Change { New-CsTeamsEmergencyCallRoutingPolicy -Identity $ecrp.Name -Description $ecrp.Description -AllowEnhancedEmergencyServices $ecrp.Dynamic -EmergencyNumbers $emergencyNumbers -ErrorAction Stop }
    }

    Invoke-PlanStep ('ecrp:{0}:settings' -f $ecrp.Id) $ecrp.Name 'Update emergency numbers and settings (E2, E5)' -IsDone {
        $current = Find-EmergencyPolicy $ecrp.Name
        if ($null -eq $current) { return 'policy not found' }
        $differences = @()
        if ([bool]$current.AllowEnhancedEmergencyServices -ne [bool]$ecrp.Dynamic) { $differences += ('dynamic emergency calling {0}' -f $current.AllowEnhancedEmergencyServices) }
        if ([string]$current.Description -cne $ecrp.Description) { $differences += 'description' }
        $currentSignature = Get-EmergencySignature @($current.EmergencyNumbers)
        if ($currentSignature -ne (Get-EmergencySignature @($ecrp.Numbers) -FromPlan)) { $differences += ('numbers {0}' -f $currentSignature) }
        if ($differences.Count -eq 0) { return $true }
        return ($differences -join '; ')
    } -Change {
        $emergencyNumbers = New-EmergencyNumberList $ecrp
        Invoke-Change { Set-CsTeamsEmergencyCallRoutingPolicy -Identity $ecrp.Name -Description $ecrp.Description -AllowEnhancedEmergencyServices $ecrp.Dynamic -EmergencyNumbers $emergencyNumbers -ErrorAction Stop }
    }
}
`,
};
