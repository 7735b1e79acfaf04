/** Stage 01: tooling, connection and tenant prerequisites (R1, R4, R5, RA8, E2, RA11, VR1, RA2, RA9). */
import type { StageSpec } from '../stage.js';

export const prerequisitesStage: StageSpec = {
  file: '01-prerequisites.ps1',
  number: '01',
  name: 'prerequisites',
  synopsis: 'Shared Calling runbook, stage 01: check tooling, connect, check tenant prerequisites.',
  description: [
    'Checks PowerShell 5.1 or later, the MicrosoftTeams module 5.5.0 or later (R1, R4) and, for module 6.3.0 or later, PowerShell 7.2+ or Windows PowerShell 5.1 (R5), connects with Connect-MicrosoftTeams, and checks what later stages rely on: the LIS location of every resource-account number (RA8: a number without one stops the runbook here, as it is an error in the planner), the online PSTN usages named by emergency and voice routing policies (E2, RA11), and the PSTN usages of the Global voice routing policy (VR1).',
    'Microsoft Graph is used only when the plan licenses resource accounts (RA2, RA9), with read-only scopes, to compare the free licences with the accounts that do not hold one yet. For a Calling Plan service number it reports how the calls are funded (RA9, 09/2024): pay-as-you-go minutes, or Communications Credits only where the Calling Plan subscription is MOSA-billed. This stage changes nothing.',
  ],
  rules: ['R1', 'R3', 'R4', 'R5', 'RA2', 'RA8', 'RA9', 'RA11', 'E2', 'VR1', 'EN6', 'EN14'],
  data: ['resourceAccounts', 'voiceRoutingPolicies', 'emergencyPolicies', 'sharedCallingPolicies'],
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
# R5: MicrosoftTeams 6.3.0 and later run only on PowerShell 7.2 or later, or on Windows PowerShell 5.1.
Invoke-Check 'prereq:powershell-for-module' 'PowerShell' 'Check PowerShell version for the MicrosoftTeams module (R5)' {
    $teamsModule = Get-Module -ListAvailable -Name 'MicrosoftTeams' | Sort-Object Version -Descending | Select-Object -First 1
    if ($null -eq $teamsModule -or $teamsModule.Version -lt [version]'6.3.0') { return $true }
    $edition = 'Desktop'
    if ($PSVersionTable.ContainsKey('PSEdition')) { $edition = [string]$PSVersionTable.PSEdition }
    if ($edition -eq 'Desktop' -or $PSVersionTable.PSVersion -ge [version]'7.2') { return $true }
    return ('R5: MicrosoftTeams {0} needs PowerShell 7.2 or later, or Windows PowerShell 5.1; this is PowerShell {1}' -f $teamsModule.Version, $PSVersionTable.PSVersion)
}
# R8: tagging callback numbers (plan setting, §3.17) needs MicrosoftTeams 7.1.0; stage 06 skips the
# tags with a Manual line on an older module, so this is a note, not a stop.
if ($Plan.TagCallbackNumbers) {
    if (Test-NumberTagSupport) {
        Write-StepLog 'prereq:module:tags' 'MicrosoftTeams' 'Check MicrosoftTeams 7.1.0 for number tags (R8)' 'Done' 'as required'
    } else {
        Write-StepLog 'prereq:module:tags' 'MicrosoftTeams' 'Check MicrosoftTeams 7.1.0 for number tags (R8)' 'Manual' 'R8: number tags need MicrosoftTeams 7.1.0 or later; stage 06 will skip them. Update-Module MicrosoftTeams'
    }
}
Invoke-Check 'prereq:connect' 'Microsoft Teams' 'Connect-MicrosoftTeams' {
    Connect-TeamsIfNeeded
    return $true
}
# R3: Shared Calling exists in public clouds only; the tenant's cloud cannot be read reliably here.
Write-StepLog 'prereq:cloud' 'Tenant' 'Check public cloud (R3)' 'Manual' 'Shared Calling is available in public clouds only (not GCC High or DoD): confirm the tenant.'

# RA8: every resource-account number must carry an emergency location (LocationId). The reference
# says "must", so a number without one is an error in the planner as well, and the runbook stops here.
foreach ($ra in $Plan.ResourceAccounts) {
    if (-not $ra.PhoneNumber) { continue }
    Invoke-Check ('prereq:ra:{0}:location' -f $ra.Id) $ra.PhoneNumber 'Check LIS location of the resource account number (RA8)' {
        if (-not $ra.LocationId) { return 'RA8: the plan has no LIS LocationId for the site of this number' }
        $location = Invoke-Lookup { Get-CsOnlineLisLocation -LocationId $ra.LocationId -ErrorAction Stop }
        if ($null -ne $location) { return $true }
        return ('LIS location {0} not found (Get-CsOnlineLisLocation)' -f $ra.LocationId)
    }
}

# EN6, EN11, EN14: a planned callback number must be free, or held by a Shared Calling policy of this
# plan (stage 06 moves it). A number held by a policy shows PstnAssignmentStatus PolicyAssigned and the
# policy instance as AssignedPstnTargetId ('TeamsSharedCallingRoutingPolicy|Tag:<name>', EN11).
$plannedPolicyNames = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
foreach ($scp in $Plan.SharedCallingPolicies) { $null = $plannedPolicyNames.Add([string]$scp.Name) }
foreach ($scp in $Plan.SharedCallingPolicies) {
    foreach ($callback in $scp.CallbackNumbers) {
        Invoke-Check ('prereq:scp:{0}:callback:{1}' -f $scp.Id, $callback) $callback 'Check callback number is free (EN6, EN14)' {
            $assignment = Find-NumberAssignment $callback
            if ($null -eq $assignment) { return $true }
            $target = [string]$assignment.AssignedPstnTargetId
            $status = [string]$assignment.PstnAssignmentStatus
            if (-not $target -or $status -match '^(?i)unassigned$') { return $true }
            if ($target -match '^(?i)TeamsSharedCallingRoutingPolicy\\|Tag:(.+)$') {
                if ($plannedPolicyNames.Contains($Matches[1])) { return $true }
                return ('EN14: already a callback number of the Shared Calling policy {0}, which this plan does not name; take it out of that policy first (EN8)' -f $Matches[1])
            }
            if ($status -match '^(?i)policyassigned$') {
                return ('EN14: already held by the Shared Calling policy instance {0}; take it out of that policy first (EN8)' -f $target)
            }
            return ('EN6: assigned to {0} ({1}); a callback number must not be assigned to a user or resource account' -f $target, $status)
        }
    }
}

# E2, RA11: PSTN usages named by the plan must exist (Set-CsOnlinePstnUsage, done by the Direct Routing admin).
$plannedUsages = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
foreach ($vrp in $Plan.VoiceRoutingPolicies) { foreach ($usage in $vrp.PstnUsages) { if ($usage) { $null = $plannedUsages.Add($usage) } } }
foreach ($ecrp in $Plan.EmergencyPolicies) { foreach ($entry in $ecrp.Numbers) { if ($entry.PstnUsage) { $null = $plannedUsages.Add($entry.PstnUsage) } } }
if ($plannedUsages.Count -gt 0) {
    $tenantUsages = $null
    $usageProblem = ''
    try {
        $usageRecord = Invoke-Lookup { Get-CsOnlinePstnUsage -Identity 'Global' -ErrorAction Stop }
        $tenantUsages = @()
        if ($null -ne $usageRecord) { $tenantUsages = @($usageRecord.Usage) }
    } catch {
        $usageProblem = ('could not read the PSTN usages: {0}' -f $_.Exception.Message)
    }
    foreach ($usage in ($plannedUsages | Sort-Object)) {
        Invoke-Check ('prereq:usage:{0}' -f $usage) $usage 'Check online PSTN usage exists (E2, RA11)' {
            if ($usageProblem) { return $usageProblem }
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

# Licence SKU ids of the subscriptions whose part number matches a pattern.
function Get-SkuIdSet {
    param([string]$SkuPattern)
    return @($skus | Where-Object { $_.SkuPartNumber -like $SkuPattern } | ForEach-Object { [string]$_.SkuId })
}

# How many of the accounts still lack a licence of one of the SKUs: accounts that already hold one
# need none of the free units (an account that does not exist yet needs one).
function Get-MissingLicenceCount {
    param([object[]]$LicenceAccounts, [string[]]$LicenceSkuIds)
    $missingCount = 0
    foreach ($licenceAccount in $LicenceAccounts) {
        $graphUser = Invoke-Lookup { Get-MgUser -UserId $licenceAccount.Upn -Property 'Id,AssignedLicenses' -ErrorAction Stop }
        $heldIds = @()
        if ($null -ne $graphUser) { $heldIds = @($graphUser.AssignedLicenses | ForEach-Object { [string]$_.SkuId }) }
        if (@($heldIds | Where-Object { $LicenceSkuIds -contains $_ }).Count -eq 0) { $missingCount++ }
    }
    return $missingCount
}

# RA2, RA9: licences for resource accounts (Microsoft Graph, read only here).
$skus = $null
$licensedAccounts = @($Plan.ResourceAccounts | Where-Object { $_.Licence -ne 'none' -or $_.PayAsYouGo })
if ($licensedAccounts.Count -gt 0) {
    # This stage only reads.
    if (Connect-GraphIfNeeded @('User.Read.All', 'Organization.Read.All')) {
        $skus = $null
        try {
            $skus = @(Invoke-TenantCall { Get-MgSubscribedSku -All -ErrorAction Stop })
        } catch {
            Write-StepLog 'prereq:licences' 'Licences' 'Read subscriptions (RA2, RA9)' 'Failed' $_.Exception.Message
        }
        if ($null -ne $skus) {
            $licenceChecks = @(
                @{ Pattern = 'PHONESYSTEM_VIRTUALUSER*'; Label = 'Microsoft Teams Phone Resource Account (RA2)'; Accounts = @($licensedAccounts | Where-Object { $_.Licence -ne 'none' }) },
                @{ Pattern = 'Microsoft_Teams_Calling_Plan_pay_as_you_go*'; Label = 'Calling Plan pay-as-you-go (RA9)'; Accounts = @($licensedAccounts | Where-Object { $_.PayAsYouGo }) }
            )
            foreach ($licenceCheck in $licenceChecks) {
                if ($licenceCheck.Accounts.Count -eq 0) { continue }
                Invoke-Check ('prereq:licence:{0}' -f $licenceCheck.Pattern) $licenceCheck.Label 'Check licences available' {
                    $free = 0
                    foreach ($sku in @($skus | Where-Object { $_.SkuPartNumber -like $licenceCheck.Pattern })) {
                        $free += [int]$sku.PrepaidUnits.Enabled - [int]$sku.ConsumedUnits
                    }
                    $needed = Get-MissingLicenceCount $licenceCheck.Accounts (Get-SkuIdSet $licenceCheck.Pattern)
                    if ($free -ge $needed) { return $true }
                    return ('{0} free, {1} needed by accounts that do not hold one yet' -f $free, $needed)
                }
            }
        }
    } else {
        Write-StepLog 'prereq:licences' 'Licences' 'Check licences (RA2, RA9)' 'Manual' 'Microsoft Graph not used: check the Teams Phone Resource Account and pay-as-you-go licences in the Microsoft 365 admin center.'
    }
}

# RA9 (09/17/2024): the calls of a Calling Plan service number are funded with pay-as-you-go minutes;
# only a Calling Plan subscription billed through a Microsoft Online Subscription Agreement (MOSA)
# billing account needs Communications Credits (MCOPSTNC, also listed as MCOPSTNPP) with a funded
# balance. Older pages and the cmdlet help still ask for credits in every case (§8 item 16).
foreach ($ra in @($Plan.ResourceAccounts | Where-Object { $_.CallingPlanBilling })) {
    $fundingKey = ('prereq:ra:{0}:funding' -f $ra.Id)
    $fundingAction = 'Check how Calling Plan calls are funded (RA9)'
    if ($ra.CallingPlanBilling -eq 'mosa') {
        if ($null -eq $skus) {
            Write-StepLog $fundingKey $ra.Upn $fundingAction 'Manual' 'RA9: MOSA billing: the account needs a Communications Credits licence (MCOPSTNC or MCOPSTNPP) and a funded balance; check them in the Microsoft 365 admin center.'
        } else {
            Invoke-Check $fundingKey $ra.Upn $fundingAction {
                if (@($skus | Where-Object { $_.SkuPartNumber -eq 'MCOPSTNC' -or $_.SkuPartNumber -eq 'MCOPSTNPP' }).Count -gt 0) { return $true }
                return 'RA9: the Calling Plan subscription is MOSA-billed, so calls need Communications Credits (MCOPSTNC or MCOPSTNPP), and the tenant has none: buy them and keep the balance funded'
            }
        }
    } elseif ($ra.CallingPlanBilling -eq 'payAsYouGo') {
        Write-StepLog $fundingKey $ra.Upn $fundingAction 'Manual' 'RA9: pay-as-you-go billing: confirm pay-as-you-go is enabled to fund the calls; no Communications Credits are needed (older pages say they are).'
    } else {
        Write-StepLog $fundingKey $ra.Upn $fundingAction 'Manual' 'RA9: billing type not in the plan: with pay-as-you-go billing confirm pay-as-you-go is enabled; with a MOSA billing account assign Communications Credits (MCOPSTNC or MCOPSTNPP) and fund them.'
    }
}
`,
};
