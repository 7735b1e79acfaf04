/** Stage 01: tooling, connection and tenant prerequisites (R1, R4, RA8, E2, RA11, VR1, RA2, RA9). */
import type { StageSpec } from '../stage.js';

export const prerequisitesStage: StageSpec = {
  file: '01-prerequisites.ps1',
  number: '01',
  name: 'prerequisites',
  synopsis: 'Shared Calling runbook, stage 01: check tooling, connect, check tenant prerequisites.',
  description: [
    'Checks PowerShell 5.1 or later and the MicrosoftTeams module 5.5.0 or later (R1, R4), connects with Connect-MicrosoftTeams, and checks what later stages rely on: the LIS locations pinned on resource-account numbers (RA8), the online PSTN usages named by emergency and voice routing policies (E2, RA11), and the PSTN usages of the Global voice routing policy (VR1).',
    'Microsoft Graph is used only when the plan licenses resource accounts (RA2, RA9), to report the available licences. This stage changes nothing.',
  ],
  rules: ['R1', 'R3', 'R4', 'RA2', 'RA8', 'RA9', 'RA11', 'E2', 'VR1'],
  data: ['sites', 'resourceAccounts', 'voiceRoutingPolicies', 'emergencyPolicies'],
  body: `
# R1/R4: the *-CsTeamsSharedCallingRoutingPolicy cmdlets need MicrosoftTeams 5.5.0 or later.
Invoke-Check 'prereq:powershell' 'PowerShell' 'Check PowerShell 5.1 or later' {
    if ($PSVersionTable.PSVersion -ge [version]'5.1') { return $true }
    return ('PowerShell {0} found' -f $PSVersionTable.PSVersion)
}
Invoke-Check 'prereq:module' 'MicrosoftTeams' 'Check MicrosoftTeams module 5.5.0 or later (R1)' {
    $teamsModule = Get-Module -ListAvailable -Name 'MicrosoftTeams' | Sort-Object Version -Descending | Select-Object -First 1
    if ($null -eq $teamsModule) { return 'MicrosoftTeams is not installed: Install-Module MicrosoftTeams -Scope CurrentUser' }
    if ($teamsModule.Version -ge [version]'5.5.0') { return $true }
    return ('MicrosoftTeams {0} found; update with Update-Module MicrosoftTeams' -f $teamsModule.Version)
}
Invoke-Check 'prereq:connect' 'Microsoft Teams' 'Connect-MicrosoftTeams' {
    Connect-TeamsIfNeeded
    return $true
}
# R3: Shared Calling exists in public clouds only; the tenant's cloud cannot be read reliably here.
Write-StepLog 'prereq:cloud' 'Tenant' 'Check public cloud (R3)' 'Manual' 'Shared Calling is available in public clouds only (not GCC High or DoD): confirm the tenant.'

# RA8: every resource-account number gets a pinned emergency location.
foreach ($site in $Plan.Sites) {
    Invoke-Check ('prereq:site:{0}:location' -f $site.Id) $site.Name 'Check LIS location (RA8)' {
        if (-not $site.LocationId) { return 'RA8: the plan has no LIS LocationId for this site' }
        $location = Invoke-Lookup { Get-CsOnlineLisLocation -LocationId $site.LocationId -ErrorAction Stop }
        if ($null -ne $location) { return $true }
        return ('LIS location {0} not found (Get-CsOnlineLisLocation)' -f $site.LocationId)
    }
}

# E2, RA11: PSTN usages named by the plan must exist (Set-CsOnlinePstnUsage, done by the Direct Routing admin).
$plannedUsages = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
foreach ($vrp in $Plan.VoiceRoutingPolicies) { foreach ($usage in $vrp.PstnUsages) { if ($usage) { $null = $plannedUsages.Add($usage) } } }
foreach ($ecrp in $Plan.EmergencyPolicies) { foreach ($entry in $ecrp.Numbers) { if ($entry.PstnUsage) { $null = $plannedUsages.Add($entry.PstnUsage) } } }
if ($plannedUsages.Count -gt 0) {
    $tenantUsages = @()
    $usageRecord = Invoke-Lookup { Get-CsOnlinePstnUsage -Identity 'Global' -ErrorAction Stop }
    if ($null -ne $usageRecord) { $tenantUsages = @($usageRecord.Usage) }
    foreach ($usage in ($plannedUsages | Sort-Object)) {
        Invoke-Check ('prereq:usage:{0}' -f $usage) $usage 'Check online PSTN usage exists (E2, RA11)' {
            if ($tenantUsages -contains $usage) { return $true }
            return 'PSTN usage not found: create it with Set-CsOnlinePstnUsage and route it (Direct Routing)'
        }
    }
}

# VR1: if Global has PSTN usages, Shared Calling users need a policy without any.
Invoke-Check 'prereq:global-voice-routing' 'Global' 'Check Global voice routing policy (VR1)' {
    $globalPolicy = Invoke-Lookup { Get-CsOnlineVoiceRoutingPolicy -Identity 'Global' -ErrorAction Stop }
    $globalUsages = @()
    if ($null -ne $globalPolicy) { $globalUsages = @($globalPolicy.OnlinePstnUsages | Where-Object { $_ }) }
    if ($globalUsages.Count -eq 0) { return $true }
    if ($Plan.UsersWithoutVoiceRoutingPolicy -gt 0) {
        return ('VR1: Global has PSTN usages ({0}) and {1} planned users get no voice routing policy' -f ($globalUsages -join ', '), $Plan.UsersWithoutVoiceRoutingPolicy)
    }
    return $true
}

# RA2, RA9: licences for resource accounts (Microsoft Graph, read only here).
$licensedAccounts = @($Plan.ResourceAccounts | Where-Object { $_.Licence -ne 'none' -or $_.PayAsYouGo })
if ($licensedAccounts.Count -gt 0) {
    # This stage only reads.
    if (Connect-GraphIfNeeded @('User.Read.All', 'Organization.Read.All')) {
        $skus = @(Invoke-TenantCall { Get-MgSubscribedSku -All -ErrorAction Stop })
        $licenceChecks = @(
            @{ Pattern = 'PHONESYSTEM_VIRTUALUSER*'; Label = 'Microsoft Teams Phone Resource Account (RA2)'; Needed = $licensedAccounts.Count },
            @{ Pattern = 'Microsoft_Teams_Calling_Plan_pay_as_you_go*'; Label = 'Calling Plan pay-as-you-go (RA9)'; Needed = @($licensedAccounts | Where-Object { $_.PayAsYouGo }).Count }
        )
        foreach ($licenceCheck in $licenceChecks) {
            if ($licenceCheck.Needed -eq 0) { continue }
            Invoke-Check ('prereq:licence:{0}' -f $licenceCheck.Pattern) $licenceCheck.Label 'Check licences available' {
                $free = 0
                foreach ($sku in @($skus | Where-Object { $_.SkuPartNumber -like $licenceCheck.Pattern })) {
                    $free += [int]$sku.PrepaidUnits.Enabled - [int]$sku.ConsumedUnits
                }
                if ($free -ge $licenceCheck.Needed) { return $true }
                return ('{0} free, {1} needed (accounts already licensed need none)' -f $free, $licenceCheck.Needed)
            }
        }
        # RA9: Communications Credits (MCOPSTNC, also listed as MCOPSTNPP) fund pay-as-you-go calls.
        if (@($licensedAccounts | Where-Object { $_.PayAsYouGo }).Count -gt 0) {
            Invoke-Check 'prereq:licence:credits' 'Communications Credits (RA9)' 'Check Communications Credits' {
                if (@($skus | Where-Object { $_.SkuPartNumber -eq 'MCOPSTNC' -or $_.SkuPartNumber -eq 'MCOPSTNPP' }).Count -gt 0) { return $true }
                return 'RA9: no Communications Credits subscription; fund pay-as-you-go calls another way (New Commerce post-pay) or buy them'
            }
        }
    } else {
        Write-StepLog 'prereq:licences' 'Licences' 'Check licences (RA2, RA9)' 'Manual' 'Microsoft Graph not used: check the Teams Phone Resource Account and pay-as-you-go licences in the Microsoft 365 admin center.'
    }
}
`,
};
