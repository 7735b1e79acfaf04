/** Stage 04: voice routing policies (VR1, VR2, RA11, §3.13). User grants happen in stage 07 (batch). */
import type { StageSpec } from '../stage.js';

export const voiceRoutingStage: StageSpec = {
  file: '04-voice-routing.ps1',
  number: '04',
  name: 'voice-routing',
  synopsis: 'Shared Calling runbook, stage 04: voice routing policies.',
  description: [
    "Creates the planned online voice routing policies with New-CsOnlineVoiceRoutingPolicy: the users' policy without PSTN usages (VR1: needed whenever the Global policy has usages) and, for a Direct Routing resource account, a policy with usages that is granted to the resource account with Grant-CsOnlineVoiceRoutingPolicy (RA11, VR2).",
    'Users get their voice routing policy in stage 07 (New-CsBatchPolicyAssignmentOperation).',
  ],
  rules: ['VR1', 'VR2', 'RA11'],
  data: ['resourceAccounts', 'voiceRoutingPolicies'],
  body: `
Connect-TeamsIfNeeded

function Find-VoiceRoutingPolicy {
    param([string]$VoicePolicyName)
    return (Invoke-Lookup { Get-CsOnlineVoiceRoutingPolicy -Identity $VoicePolicyName -ErrorAction Stop })
}

# VR1: report when Global has usages but some planned users get no policy of their own.
Invoke-Check 'vrp:global' 'Global' 'Check Global voice routing policy (VR1)' {
    $globalPolicy = Find-VoiceRoutingPolicy 'Global'
    $globalUsages = @()
    if ($null -ne $globalPolicy) { $globalUsages = @($globalPolicy.OnlinePstnUsages | Where-Object { $_ }) }
    if ($globalUsages.Count -gt 0 -and $Plan.UsersWithoutVoiceRoutingPolicy -gt 0) {
        return ('VR1: Global has PSTN usages and {0} planned users get no voice routing policy' -f $Plan.UsersWithoutVoiceRoutingPolicy)
    }
    return $true
}

foreach ($vrp in $Plan.VoiceRoutingPolicies) {
    Invoke-PlanStep ('vrp:{0}:create' -f $vrp.Id) $vrp.Name 'Create voice routing policy (VR1, RA11)' -IsDone {
        if ($null -ne (Find-VoiceRoutingPolicy $vrp.Name)) { return $true }
        return 'not found'
    } -Change {
        if (@($vrp.PstnUsages).Count -gt 0) {
            # RA11: with PSTN usages, for a Direct Routing resource account.
            Invoke-Change { New-CsOnlineVoiceRoutingPolicy -Identity $vrp.Name -Description $vrp.Description -OnlinePstnUsages @($vrp.PstnUsages) -ErrorAction Stop }
        } else {
            # VR1: leaving out -OnlinePstnUsages gives an empty list.
            Invoke-Change { New-CsOnlineVoiceRoutingPolicy -Identity $vrp.Name -Description $vrp.Description -ErrorAction Stop }
        }
    }

    Invoke-PlanStep ('vrp:{0}:usages' -f $vrp.Id) $vrp.Name 'Set PSTN usages (VR1, RA11)' -IsDone {
        $current = Find-VoiceRoutingPolicy $vrp.Name
        if ($null -eq $current) { return 'policy not found' }
        if (Test-SameList @($current.OnlinePstnUsages) @($vrp.PstnUsages)) { return $true }
        return ('usages {0}' -f (@($current.OnlinePstnUsages) -join ', '))
    } -Change {
        $current = Find-VoiceRoutingPolicy $vrp.Name
        if (@($vrp.PstnUsages).Count -gt 0) {
            # Replaces the list; usage order is route order.
            Invoke-Change { Set-CsOnlineVoiceRoutingPolicy -Identity $vrp.Name -OnlinePstnUsages @($vrp.PstnUsages) -ErrorAction Stop }
        } else {
            Invoke-Change { Set-CsOnlineVoiceRoutingPolicy -Identity $vrp.Name -OnlinePstnUsages @{ remove = @($current.OnlinePstnUsages) } -ErrorAction Stop }
        }
    }
}

# RA11, VR2: the Direct Routing resource account gets the policy with usages.
foreach ($ra in $Plan.ResourceAccounts) {
    if (-not $ra.VoiceRoutingPolicy) { continue }
    Invoke-PlanStep ('ra:{0}:voiceRouting' -f $ra.Id) $ra.Upn 'Grant voice routing policy to resource account (RA11)' -IsDone {
        $onlineUser = Find-OnlineUser $ra.Upn
        if ($null -eq $onlineUser) { return 'resource account not found' }
        $currentName = Get-PolicyName $onlineUser.OnlineVoiceRoutingPolicy
        if ($currentName -eq $ra.VoiceRoutingPolicy) { return $true }
        return ('policy {0}' -f $currentName)
    } -Change {
        Invoke-Change { Grant-CsOnlineVoiceRoutingPolicy -Identity $ra.Upn -PolicyName $ra.VoiceRoutingPolicy -ErrorAction Stop }
    }
}
`,
};
