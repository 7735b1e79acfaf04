/**
 * Stage 00: read-only discovery (issue 12 item 3). Exports what a plan needs from the tenant into one
 * JSON file the planner imports (New plan from tenant, Compare with tenant). It changes nothing:
 * read-only Graph scopes, only Get- cmdlets. The runbook does not run it as part of "All": "All"
 * converges the tenant to a plan, while discovery comes before the plan exists (and again to compare);
 * its file must be imported and reviewed in the planner, so the admin runs it on its own.
 */
import type { StageSpec } from '../stage.js';

export const DISCOVERY_FILE_NAME = 'SharedCalling-Discovery.json';
export const DISCOVERY_FORMAT = 'shared-calling-planner/discovery';

export const discoveryStage: StageSpec = {
  file: '00-discovery.ps1',
  number: '00',
  name: 'discovery',
  synopsis: 'Shared Calling runbook, stage 00: read what the plan needs from the tenant (read-only).',
  description: [
    `Reads, and never changes: users (Get-CsOnlineUser -AccountType User, all of them in one listing: UserPrincipalName, DisplayName, UsageLocation, AccountType, AccountEnabled, FeatureTypes, Teams Phone from FeatureTypes or an enabled MCOEV* plan, EnterpriseVoiceEnabled, LineUri, the direct policy assignments and EffectivePolicyAssignments), resource accounts (Get-CsOnlineApplicationInstance) and their associations, auto attendants (dial scope, dial by name or extension, operator), the number inventory (Get-CsPhoneNumberAssignment, 1,000 per page), the Shared Calling, emergency call routing and voice routing policies, PSTN usages, LIS locations and, through Microsoft Graph with read-only scopes, licence SKUs with their counts.`,
    `Writes one file, ${DISCOVERY_FILE_NAME} (UTF-8, JSON, "format": "${DISCOVERY_FORMAT}"), to the output folder; import it in the planner with New plan from tenant or Compare with tenant. The runbook does not run this stage as part of All: run it on its own.`,
  ],
  rules: ['R6', 'U1', 'U4'],
  data: [],
  body: `
Connect-TeamsIfNeeded
$discoveryGraphReady = Connect-GraphIfNeeded @('Organization.Read.All')

function Get-DiscoveryPolicyName {
    param($DiscoveryValue)
    if ($null -eq $DiscoveryValue) { return '' }
    if ($DiscoveryValue.PSObject.Properties['Name']) { return [string]$DiscoveryValue.Name }
    return ([string]$DiscoveryValue -replace '^Tag:', '')
}

# U1, U4: Teams Phone from FeatureTypes or an enabled MCOEV* service plan.
function Test-DiscoveryTeamsPhone {
    param($DiscoveryUser)
    if (@($DiscoveryUser.FeatureTypes) -contains 'PhoneSystem') { return $true }
    foreach ($discoveryPlan in @($DiscoveryUser.AssignedPlan)) {
        if ($null -ne $discoveryPlan -and [string]$discoveryPlan.Capability -like 'MCOEV*' -and [string]$discoveryPlan.CapabilityStatus -eq 'Enabled') { return $true }
    }
    return $false
}

$discoveredUsers = New-Object System.Collections.Generic.List[object]
foreach ($onlineUser in @(Invoke-TenantCall { Get-CsOnlineUser -AccountType User -ResultSize Unlimited -ErrorAction Stop })) {
    if ($null -eq $onlineUser) { continue }
    $effective = @()
    foreach ($entry in @($onlineUser.EffectivePolicyAssignments)) {
        if ($null -eq $entry) { continue }
        $effective += [ordered]@{ policyType = [string]$entry.PolicyType; policyName = [string]$entry.PolicyAssignment.DisplayName; assignmentType = [string]$entry.PolicyAssignment.AssignmentType; groupId = [string]$entry.PolicyAssignment.GroupId }
    }
    $discoveredUsers.Add([ordered]@{
        upn = [string]$onlineUser.UserPrincipalName
        objectId = [string]$onlineUser.Identity
        displayName = [string]$onlineUser.DisplayName
        usageLocation = [string]$onlineUser.UsageLocation
        accountType = [string]$onlineUser.AccountType
        accountEnabled = [bool]$onlineUser.AccountEnabled
        featureTypes = @($onlineUser.FeatureTypes | ForEach-Object { [string]$_ })
        teamsPhone = (Test-DiscoveryTeamsPhone $onlineUser)
        enterpriseVoiceEnabled = [bool]$onlineUser.EnterpriseVoiceEnabled
        lineUri = [string]$onlineUser.LineUri
        hiddenFromAddressLists = [bool]$onlineUser.HideFromAddressLists
        sharedCallingPolicy = (Get-DiscoveryPolicyName $onlineUser.TeamsSharedCallingRoutingPolicy)
        emergencyPolicy = (Get-DiscoveryPolicyName $onlineUser.TeamsEmergencyCallRoutingPolicy)
        voiceRoutingPolicy = (Get-DiscoveryPolicyName $onlineUser.OnlineVoiceRoutingPolicy)
        effectivePolicies = $effective
    })
}
Write-StepLog 'discovery:users' 'users' 'Read users' 'Done' ('{0} users' -f $discoveredUsers.Count)

$discoveredAccounts = New-Object System.Collections.Generic.List[object]
foreach ($instance in @(Invoke-TenantCall { Get-CsOnlineApplicationInstance -ErrorAction Stop })) {
    if ($null -eq $instance) { continue }
    $association = Invoke-Lookup { Get-CsOnlineApplicationInstanceAssociation -Identity ([string]$instance.ObjectId) -ErrorAction Stop }
    $configurationId = ''
    if ($null -ne $association) { $configurationId = [string]$association.ConfigurationId }
    $discoveredAccounts.Add([ordered]@{ upn = [string]$instance.UserPrincipalName; objectId = [string]$instance.ObjectId; displayName = [string]$instance.DisplayName; applicationId = [string]$instance.ApplicationId; phoneNumber = [string]$instance.PhoneNumber; associatedConfigurationId = $configurationId })
}
Write-StepLog 'discovery:resourceAccounts' 'resource accounts' 'Read resource accounts' 'Done' ('{0} accounts' -f $discoveredAccounts.Count)

$discoveredAttendants = New-Object System.Collections.Generic.List[object]
foreach ($attendant in @(Invoke-TenantCall { Get-CsAutoAttendant -ErrorAction Stop })) {
    if ($null -eq $attendant) { continue }
    $scopeIds = @()
    if ($null -ne $attendant.DirectoryLookupScope -and $null -ne $attendant.DirectoryLookupScope.InclusionScope -and $null -ne $attendant.DirectoryLookupScope.InclusionScope.GroupScope) {
        $scopeIds = @($attendant.DirectoryLookupScope.InclusionScope.GroupScope.GroupIds | ForEach-Object { [string]$_ })
    }
    $menu = $null
    if ($null -ne $attendant.DefaultCallFlow) { $menu = $attendant.DefaultCallFlow.Menu }
    $operatorId = ''
    if ($null -ne $attendant.Operator) { $operatorId = [string]$attendant.Operator.Id }
    $discoveredAttendants.Add([ordered]@{
        id = [string]$attendant.Identity; name = [string]$attendant.Name; languageId = [string]$attendant.LanguageId; timeZoneId = [string]$attendant.TimeZoneId
        dialScopeGroupIds = $scopeIds; dialByName = ($null -ne $menu -and [bool]$menu.DialByNameEnabled); directorySearchMethod = $(if ($null -ne $menu) { [string]$menu.DirectorySearchMethod } else { '' })
        operator = $operatorId; applicationInstances = @($attendant.ApplicationInstances | ForEach-Object { [string]$_ })
    })
}
Write-StepLog 'discovery:autoAttendants' 'auto attendants' 'Read auto attendants' 'Done' ('{0} auto attendants' -f $discoveredAttendants.Count)

# §10.3: 1,000 numbers per page (-Top), paged with -Skip.
$discoveredNumbers = New-Object System.Collections.Generic.List[object]
for ($numberSkip = 0; ; $numberSkip += 1000) {
    $page = @(Invoke-TenantCall { Get-CsPhoneNumberAssignment -Top 1000 -Skip $numberSkip -ErrorAction Stop } | Where-Object { $_ })
    foreach ($number in $page) {
        $discoveredNumbers.Add([ordered]@{ telephoneNumber = [string]$number.TelephoneNumber; numberType = [string]$number.NumberType; capabilities = @($number.Capability | ForEach-Object { [string]$_ }); isoCountryCode = [string]$number.IsoCountryCode; assignedTo = [string]$number.AssignedPstnTargetId; assignmentStatus = [string]$number.PstnAssignmentStatus; locationId = [string]$number.LocationId; operator = [string]$number.PstnPartnerName })
    }
    if ($page.Count -lt 1000) { break }
}
Write-StepLog 'discovery:numbers' 'numbers' 'Read number inventory' 'Done' ('{0} numbers' -f $discoveredNumbers.Count)

$sharedCallingPolicies = @(Invoke-TenantCall { Get-CsTeamsSharedCallingRoutingPolicy -ErrorAction Stop } | Where-Object { $_ } | ForEach-Object {
    [ordered]@{ name = ([string]$_.Identity -replace '^Tag:', ''); description = [string]$_.Description; resourceAccount = [string]$_.ResourceAccount; emergencyNumbers = @($_.EmergencyNumbers | ForEach-Object { [string]$_ }) }
})
$emergencyPolicies = @(Invoke-TenantCall { Get-CsTeamsEmergencyCallRoutingPolicy -ErrorAction Stop } | Where-Object { $_ } | ForEach-Object {
    [ordered]@{ name = ([string]$_.Identity -replace '^Tag:', ''); description = [string]$_.Description; dynamic = [bool]$_.AllowEnhancedEmergencyServices; numbers = @($_.EmergencyNumbers | Where-Object { $_ } | ForEach-Object { [ordered]@{ dialString = [string]$_.EmergencyDialString; dialMask = [string]$_.EmergencyDialMask; pstnUsage = [string]$_.OnlinePSTNUsage } }) }
})
$voiceRoutingPolicies = @(Invoke-TenantCall { Get-CsOnlineVoiceRoutingPolicy -ErrorAction Stop } | Where-Object { $_ } | ForEach-Object {
    [ordered]@{ name = ([string]$_.Identity -replace '^Tag:', ''); description = [string]$_.Description; pstnUsages = @($_.OnlinePstnUsages | ForEach-Object { [string]$_ }) }
})
$pstnUsages = @()
$usageSettings = Invoke-Lookup { Get-CsOnlinePstnUsage -Identity Global -ErrorAction Stop }
if ($null -ne $usageSettings) { $pstnUsages = @($usageSettings.Usage | ForEach-Object { [string]$_ }) }
$lisLocations = @(Invoke-TenantCall { Get-CsOnlineLisLocation -ErrorAction Stop } | Where-Object { $_ } | ForEach-Object {
    [ordered]@{ locationId = [string]$_.LocationId; civicAddressId = [string]$_.CivicAddressId; description = [string]$_.Description; city = [string]$_.City; countryOrRegion = [string]$_.CountryOrRegion }
})
$skus = @()
if ($discoveryGraphReady) {
    $skus = @(Invoke-TenantCall { Get-MgSubscribedSku -All -ErrorAction Stop } | Where-Object { $_ } | ForEach-Object {
        [ordered]@{ skuId = [string]$_.SkuId; skuPartNumber = [string]$_.SkuPartNumber; enabled = [int]$_.PrepaidUnits.Enabled; consumed = [int]$_.ConsumedUnits }
    })
} else {
    Write-StepLog 'discovery:skus' 'licences' 'Read licence SKUs' 'Manual' 'Microsoft Graph not available: licence counts are not in the file.'
}
Write-StepLog 'discovery:policies' 'policies' 'Read policies, PSTN usages, LIS locations and licences' 'Done' ('{0} Shared Calling, {1} emergency, {2} voice routing policies' -f $sharedCallingPolicies.Count, $emergencyPolicies.Count, $voiceRoutingPolicies.Count)

$discovery = [ordered]@{
    format = '${DISCOVERY_FORMAT}'
    version = 1
    tenantId = ''
    users = $discoveredUsers.ToArray(); resourceAccounts = $discoveredAccounts.ToArray(); autoAttendants = $discoveredAttendants.ToArray()
    numbers = $discoveredNumbers.ToArray(); sharedCallingPolicies = $sharedCallingPolicies; emergencyPolicies = $emergencyPolicies
    voiceRoutingPolicies = $voiceRoutingPolicies; pstnUsages = $pstnUsages; lisLocations = $lisLocations; skus = $skus
}
$discoveryPath = Join-Path $OutputFolder '${DISCOVERY_FILE_NAME}'
[System.IO.File]::WriteAllText($discoveryPath, (ConvertTo-Json -InputObject $discovery -Depth 8), (New-Object System.Text.UTF8Encoding($false)))
Write-StepLog 'discovery:file' $discoveryPath 'Write discovery file' 'Done' 'import it in the planner: New plan from tenant, or Compare with tenant'
`,
};
