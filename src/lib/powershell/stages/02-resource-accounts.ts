/** Stage 02: resource accounts, their licences and numbers (RA1–RA5, RA8, RA9, §3.7, §3.9). */
import type { StageSpec } from '../stage.js';

export const resourceAccountsStage: StageSpec = {
  file: '02-resource-accounts.ps1',
  number: '02',
  name: 'resource-accounts',
  synopsis: 'Shared Calling runbook, stage 02: resource accounts, licences and numbers.',
  description: [
    'Creates each planned auto attendant resource account with New-CsOnlineApplicationInstance (ApplicationId ce933385-9390-45d1-9512-c8d228074e07, RA5), assigns its licence before its number (RA2, RA9, §3.9), assigns the number with Set-CsPhoneNumberAssignment -Identity -PhoneNumber -PhoneNumberType (RA1, RA4) and pins the emergency location with -LocationId (RA8).',
    'Licences are assigned with Microsoft Graph (Set-MgUserLicense) when the Microsoft.Graph modules are installed and -SkipLicensing is not given; otherwise the step is reported as Manual. A Teams Phone Standard licence found on a resource account is swapped for the Teams Phone Resource Account licence in one call (RA2).',
    'New accounts can take a few minutes to become visible; if a later step of a new account fails with "not found", wait and run again with -Resume.',
  ],
  rules: ['RA1', 'RA2', 'RA3', 'RA4', 'RA5', 'RA8', 'RA9', 'RA12'],
  data: ['resourceAccounts'],
  body: `
Connect-TeamsIfNeeded
$graphReady = $false
$skus = @()
if (@($Plan.ResourceAccounts | Where-Object { $_.Licence -ne 'none' -or $_.PayAsYouGo }).Count -gt 0) {
    # Read-only scopes for a dry run; otherwise the least that assigns licences (§10.4): usage
    # location (User.ReadWrite.All), licences (LicenseAssignment.ReadWrite.All), subscriptions (read).
    if ($DryRun) { $graphScopes = @('User.Read.All', 'Organization.Read.All') }
    else { $graphScopes = @('User.ReadWrite.All', 'LicenseAssignment.ReadWrite.All', 'Organization.Read.All') }
    $graphReady = Connect-GraphIfNeeded $graphScopes
    if ($graphReady) { $skus = @(Invoke-TenantCall { Get-MgSubscribedSku -All -ErrorAction Stop }) }
}

# SKU ids to add for an account: the resource-account licence (RA2) and, for a Calling Plan service
# number, the pay-as-you-go Calling Plan (RA9). Chooses the SKU with the most free units.
function Get-WantedSkuId {
    param($LicenceAccount)
    $wantedPatterns = @()
    if ($LicenceAccount.Licence -ne 'none') { $wantedPatterns += 'PHONESYSTEM_VIRTUALUSER*' }
    if ($LicenceAccount.PayAsYouGo) { $wantedPatterns += 'Microsoft_Teams_Calling_Plan_pay_as_you_go*' }
    $wantedIds = @()
    foreach ($wantedPattern in $wantedPatterns) {
        $bestSku = $skus | Where-Object { $_.SkuPartNumber -like $wantedPattern } |
            Sort-Object { [int]$_.PrepaidUnits.Enabled - [int]$_.ConsumedUnits } -Descending | Select-Object -First 1
        if ($null -eq $bestSku) { throw ('no subscription matching {0} in this tenant' -f $wantedPattern) }
        $wantedIds += [string]$bestSku.SkuId
    }
    return $wantedIds
}

# RA2: Teams Phone Standard (MCOEV) must never sit on a resource account.
function Get-UnwantedSkuId {
    return @($skus | Where-Object { $_.SkuPartNumber -eq 'MCOEV' } | ForEach-Object { [string]$_.SkuId })
}

function Find-GraphUser {
    param([string]$GraphUserUpn)
    return (Invoke-Lookup { Get-MgUser -UserId $GraphUserUpn -Property 'Id,UsageLocation,AssignedLicenses' -ErrorAction Stop })
}

# Waits (up to 5 minutes) until a new resource account is visible to the Teams cmdlets.
function Wait-ApplicationInstance {
    param([string]$WaitUpn)
    for ($waitRound = 0; $waitRound -lt 20; $waitRound++) {
        if ($null -ne (Find-ApplicationInstance $WaitUpn)) { return }
        Start-Sleep -Seconds 15
    }
    Write-Warning ('{0} is not visible to the Teams cmdlets yet; its next steps may fail: run again with -Resume later.' -f $WaitUpn)
}

foreach ($ra in $Plan.ResourceAccounts) {
    # RA5: auto attendant resource account.
    Invoke-PlanStep ('ra:{0}:create' -f $ra.Id) $ra.Upn 'Create resource account (RA5)' -IsDone {
        if ($null -ne (Find-ApplicationInstance $ra.Upn)) { return $true }
        return 'not found'
    } -Change {
        Invoke-Change { New-CsOnlineApplicationInstance -UserPrincipalName $ra.Upn -ApplicationId 'ce933385-9390-45d1-9512-c8d228074e07' -DisplayName $ra.DisplayName -ErrorAction Stop }
        # A new account reaches the Teams cmdlets after a while; the next steps need it.
        Wait-ApplicationInstance $ra.Upn
    }

    Invoke-PlanStep ('ra:{0}:displayName' -f $ra.Id) $ra.Upn 'Set display name' -IsDone {
        $instance = Find-ApplicationInstance $ra.Upn
        if ($null -eq $instance) { return 'resource account not found' }
        if ([string]$instance.DisplayName -ceq $ra.DisplayName) { return $true }
        return ('display name {0}' -f $instance.DisplayName)
    } -Change {
        Invoke-Change { Set-CsOnlineApplicationInstance -Identity $ra.Upn -DisplayName $ra.DisplayName -ErrorAction Stop }
    }

    # RA2, RA9, §3.9: the licence goes on before the number, or the number assignment fails.
    if ($ra.Licence -eq 'none' -and -not $ra.PayAsYouGo) {
        Write-StepLog ('ra:{0}:licence' -f $ra.Id) $ra.Upn 'Assign licence (RA2)' 'Manual' 'RA2: the plan gives this account no licence, but every resource account needs a Microsoft Teams Phone Resource Account licence.'
    } elseif (-not $graphReady) {
        Write-StepLog ('ra:{0}:licence' -f $ra.Id) $ra.Upn 'Assign licence (RA2, RA9)' 'Manual' 'Assign the Microsoft Teams Phone Resource Account licence (and the pay-as-you-go Calling Plan for a Calling Plan service number, RA9) in the Microsoft 365 admin center before the number step.'
    } else {
        Invoke-PlanStep ('ra:{0}:licence' -f $ra.Id) $ra.Upn 'Assign licence (RA2, RA9)' -IsDone {
            $wantedIds = @(Get-WantedSkuId $ra)
            # An account that does not exist yet (first run, -DryRun) is "would change", not a failure.
            $mgUser = Find-GraphUser $ra.Upn
            if ($null -eq $mgUser) { return 'account does not exist yet' }
            $haveIds = @($mgUser.AssignedLicenses | ForEach-Object { [string]$_.SkuId })
            $missingIds = @($wantedIds | Where-Object { $haveIds -notcontains $_ })
            $unwantedIds = @(Get-UnwantedSkuId | Where-Object { $haveIds -contains $_ })
            if ($missingIds.Count -eq 0 -and $unwantedIds.Count -eq 0) { return $true }
            return ('missing {0}, to remove {1}' -f $missingIds.Count, $unwantedIds.Count)
        } -Change {
            $wantedIds = @(Get-WantedSkuId $ra)
            $mgUser = Find-GraphUser $ra.Upn
            if ($null -eq $mgUser) { throw 'the account is not visible in Microsoft Graph yet; run again with -Resume in a few minutes' }
            $haveIds = @($mgUser.AssignedLicenses | ForEach-Object { [string]$_.SkuId })
            $addLicences = @($wantedIds | Where-Object { $haveIds -notcontains $_ } | ForEach-Object { @{ SkuId = $_ } })
            $removeIds = @(Get-UnwantedSkuId | Where-Object { $haveIds -contains $_ })
            if (-not $mgUser.UsageLocation -and $ra.UsageLocation) {
                Invoke-Change { Update-MgUser -UserId $ra.Upn -UsageLocation $ra.UsageLocation -ErrorAction Stop }
            }
            # RA2: add and remove in a single call, so the account is never left unlicensed.
            Invoke-Change { Set-MgUserLicense -UserId $ra.Upn -AddLicenses $addLicences -RemoveLicenses $removeIds -ErrorAction Stop }
        }
    }

    if (-not $ra.PhoneNumber) {
        Write-StepLog ('ra:{0}:number' -f $ra.Id) $ra.Upn 'Assign number (RA1)' 'Manual' 'RA1: no number planned for this resource account.'
        continue
    }

    # RA1, RA4, §3.7: assign the number (with its location when known, RA8).
    Invoke-PlanStep ('ra:{0}:number' -f $ra.Id) $ra.Upn 'Assign number (RA1)' -IsDone {
        $instance = Find-ApplicationInstance $ra.Upn
        $assignment = Find-NumberAssignment $ra.PhoneNumber
        if ($null -eq $assignment) { return 'number not found in the tenant inventory' }
        if ($null -ne $instance -and [string]$assignment.AssignedPstnTargetId -eq [string]$instance.ObjectId) { return $true }
        return ('assigned to {0}' -f $assignment.AssignedPstnTargetId)
    } -Change {
        if ($ra.LocationId) {
            Invoke-Change { Set-CsPhoneNumberAssignment -Identity $ra.Upn -PhoneNumber $ra.PhoneNumber -PhoneNumberType $ra.NumberType -LocationId $ra.LocationId -ErrorAction Stop }
        } else {
            Invoke-Change { Set-CsPhoneNumberAssignment -Identity $ra.Upn -PhoneNumber $ra.PhoneNumber -PhoneNumberType $ra.NumberType -ErrorAction Stop }
        }
    }

    # RA8: the resource account's number must carry an emergency location (pinned GUID, §3.15).
    # RA12: some Calling Plan markets refuse a location on service numbers; the TNS desk handles those.
    Invoke-PlanStep ('ra:{0}:location' -f $ra.Id) $ra.PhoneNumber 'Pin emergency location (RA8)' -IsDone {
        if (-not $ra.LocationId) { throw 'RA8: the plan has no LIS LocationId for the site of this number' }
        $assignment = Find-NumberAssignment $ra.PhoneNumber
        if ($null -eq $assignment) { return 'number not found in the tenant inventory' }
        if ([string]$assignment.LocationId -eq $ra.LocationId) { return $true }
        return ('location {0}' -f $assignment.LocationId)
    } -Change {
        Invoke-Change { Set-CsPhoneNumberAssignment -PhoneNumber $ra.PhoneNumber -LocationId $ra.LocationId -ErrorAction Stop }
    }
}
`,
};
