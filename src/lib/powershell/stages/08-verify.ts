/**
 * Stage 08: read the tenant back and write the verification report that the planner imports
 * (`parseVerificationCsv` in ../verification.ts documents the same format).
 */
import type { StageSpec } from '../stage.js';
import { VERIFICATION_FILE_NAME } from '../verification.js';
import { BULK_READ_HELPERS } from './bulk-read.js';

/** Where a -DryRun writes its report (D16: a dry run never replaces the last real run's files). */
export const VERIFICATION_DRY_RUN_FILE_NAME = 'SharedCalling-Verification.dryrun.csv';

export const verifyStage: StageSpec = {
  file: '08-verify.ps1',
  number: '08',
  name: 'verify',
  synopsis: 'Shared Calling runbook, stage 08: read the tenant back and write the verification report.',
  description: [
    `Reads every planned object back from the tenant and writes ${VERIFICATION_FILE_NAME} to the output folder, for import into the Shared Calling Planner. Changes nothing. Under -DryRun (a preview before the real run, when most objects do not exist yet) differences are logged as DryRun, not Failed, the report goes to ${VERIFICATION_DRY_RUN_FILE_NAME} so the last real report is kept, and the stage exits 0.`,
    "Report format (CSV, comma-separated, UTF-8 with BOM, every field in double quotes, \"\" for a quote inside a field, header row first; a field that starts with = + - @ ' tab or CR gets one leading ' so that Excel shows it as text): Kind,Subject,Property,Expected,Actual,Status,Name. Kind is one of resourceAccount, autoAttendant, voiceRoutingPolicy, emergencyPolicy, sharedCallingPolicy, user. Subject is the planner's id of the object; for users it is the lower-case UPN. Property is the checked property; the row with Property Exists comes first for every object. Status is Done (as planned), Failed (differs from the plan) or Missing (the object does not exist; then no other rows follow for it). Name is for people reading the file and ignored on import.",
  ],
  rules: ['RA1', 'RA5', 'RA8', 'RA11', 'AA2', 'AA4', 'AA7', 'VR1', 'E1', 'E2', 'EN9', 'V1', 'V3'],
  data: ['resourceAccounts', 'autoAttendants', 'voiceRoutingPolicies', 'emergencyPolicies', 'sharedCallingPolicies', 'users'],
  body: `
${BULK_READ_HELPERS}
Connect-TeamsIfNeeded
$reportPath = Join-Path $OutputFolder '${VERIFICATION_FILE_NAME}'
if ($DryRun) { $reportPath = Join-Path $OutputFolder '${VERIFICATION_DRY_RUN_FILE_NAME}' }
$reportRows = New-Object 'System.Collections.Generic.List[string]'
$script:Subject = $null

function Start-Subject {
    param([string]$SubjectKind, [string]$SubjectId, [string]$SubjectName)
    $script:Subject = @{ Kind = $SubjectKind; Id = $SubjectId; Name = $SubjectName; Problems = (New-Object System.Collections.Generic.List[string]) }
}

function Add-ReportRow {
    param([string]$RowProperty, [string]$RowExpected, [string]$RowActual, [string]$RowStatus)
    # Columns: Kind,Subject,Property,Expected,Actual,Status,Name.
    $reportRows.Add((ConvertTo-CsvLine @($script:Subject.Kind, $script:Subject.Id, $RowProperty, $RowExpected, $RowActual, $RowStatus, $script:Subject.Name)))
    if ($RowStatus -ne 'Done') { $script:Subject.Problems.Add(('{0}: expected {1}, found {2}' -f $RowProperty, $RowExpected, $RowActual)) }
}

# Compares case-insensitively; Status Done or Failed.
function Test-Property {
    param([string]$TestProperty, [string]$TestExpected, [string]$TestActual)
    if ($TestExpected -eq $TestActual) { $testStatus = 'Done' } else { $testStatus = 'Failed' }
    Add-ReportRow $TestProperty $TestExpected $TestActual $testStatus
}

# The Exists row; returns $false (and records Missing) when the object was not found.
function Test-Existence {
    param($ExistingObject)
    if ($null -eq $ExistingObject) {
        Add-ReportRow 'Exists' 'yes' 'no' 'Missing'
        return $false
    }
    Add-ReportRow 'Exists' 'yes' 'yes' 'Done'
    return $true
}

function Complete-Subject {
    $subjectStep = 'verify:{0}:{1}' -f $script:Subject.Kind, $script:Subject.Id
    if ($script:Subject.Problems.Count -eq 0) {
        Write-StepLog $subjectStep $script:Subject.Name 'Verify' 'Done' 'as planned'
    } else {
        $subjectStatus = 'Failed'
        if ($DryRun) { $subjectStatus = 'DryRun' }
        Write-StepLog $subjectStep $script:Subject.Name 'Verify' $subjectStatus ($script:Subject.Problems -join '; ')
    }
}

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

function Join-List {
    param([object[]]$JoinItems)
    return ((@($JoinItems) | Where-Object { $null -ne $_ -and [string]$_ -ne '' } | ForEach-Object { [string]$_ }) -join ';')
}

try {
    foreach ($ra in $Plan.ResourceAccounts) {
        Start-Subject 'resourceAccount' $ra.Id $ra.Upn
        # A read that fails (denied, unavailable) is a Failed row for this object, not the end of the report.
        try {
            $instance = Find-ApplicationInstance $ra.Upn
            if (Test-Existence $instance) {
                Test-Property 'DisplayName' $ra.DisplayName ([string]$instance.DisplayName)
                Test-Property 'ApplicationId' $script:AutoAttendantApplicationId ([string]$instance.ApplicationId)
                if ($ra.PhoneNumber) {
                    # RA1: the number is assigned to this account; RA8: with the planned location.
                    $assignment = Find-NumberAssignment $ra.PhoneNumber
                    $assignedTo = ''
                    $locationId = ''
                    if ($null -ne $assignment) { $assignedTo = [string]$assignment.AssignedPstnTargetId; $locationId = [string]$assignment.LocationId }
                    if ($assignedTo -eq [string]$instance.ObjectId) { $actualNumber = $ra.PhoneNumber } else { $actualNumber = ('assigned to {0}' -f $assignedTo) }
                    Test-Property 'PhoneNumber' $ra.PhoneNumber $actualNumber
                    Test-Property 'LocationId' $ra.LocationId $locationId
                }
                if ($ra.VoiceRoutingPolicy) {
                    $onlineUser = Find-OnlineUser $ra.Upn
                    $currentName = ''
                    if ($null -ne $onlineUser) { $currentName = Get-PolicyName $onlineUser.OnlineVoiceRoutingPolicy }
                    Test-Property 'VoiceRoutingPolicy' $ra.VoiceRoutingPolicy $currentName
                }
            }
        } catch {
            Add-ReportRow 'Read' 'readable' $_.Exception.Message 'Failed'
        }
        Complete-Subject
    }

    foreach ($aa in $Plan.AutoAttendants) {
        Start-Subject 'autoAttendant' $aa.Id $aa.Name
        # A read that fails (denied, unavailable) is a Failed row for this object, not the end of the report.
        try {
            $current = Find-AutoAttendant $aa.Name
            if (Test-Existence $current) {
                Test-Property 'LanguageId' $aa.LanguageId ([string]$current.LanguageId)
                Test-Property 'TimeZoneId' $aa.TimeZoneId ([string]$current.TimeZoneId)
                $expectedGroups = foreach ($group in $aa.Groups) {
                    if ($group.ObjectId) { $group.ObjectId; continue }
                    $foundGroups = @(Invoke-Lookup { Find-CsGroup -SearchQuery $group.Name -ExactMatchOnly $true -ErrorAction Stop } | Where-Object { $_.DisplayName -eq $group.Name })
                    if ($foundGroups.Count -eq 1) { [string]$foundGroups[0].Id } else { 'group not found: ' + $group.Name }
                }
                $currentGroups = @()
                if ($null -ne $current.DirectoryLookupScope -and $null -ne $current.DirectoryLookupScope.InclusionScope) {
                    $currentGroups = @($current.DirectoryLookupScope.InclusionScope.GroupScope.GroupIds)
                }
                Test-Property 'DialScopeGroups' (Join-List (@($expectedGroups) | Sort-Object)) (Join-List (@($currentGroups) | Sort-Object))
                # AA4: the resource account is associated with this auto attendant.
                $associatedWith = ''
                $instance = $null
                if ($aa.ResourceAccountUpn) { $instance = Find-ApplicationInstance $aa.ResourceAccountUpn }
                if ($null -ne $instance) {
                    $association = Invoke-Lookup { Get-CsOnlineApplicationInstanceAssociation -Identity ([string]$instance.ObjectId) -ErrorAction Stop }
                    if ($null -ne $association -and [string]$association.ConfigurationId -eq (Get-ObjectIdentity $current)) { $associatedWith = $aa.ResourceAccountUpn }
                }
                Test-Property 'ResourceAccount' $aa.ResourceAccountUpn $associatedWith
            }
        } catch {
            Add-ReportRow 'Read' 'readable' $_.Exception.Message 'Failed'
        }
        Complete-Subject
    }

    foreach ($vrp in $Plan.VoiceRoutingPolicies) {
        Start-Subject 'voiceRoutingPolicy' $vrp.Id $vrp.Name
        # A read that fails (denied, unavailable) is a Failed row for this object, not the end of the report.
        try {
            $current = Invoke-Lookup { Get-CsOnlineVoiceRoutingPolicy -Identity $vrp.Name -ErrorAction Stop }
            if (Test-Existence $current) {
                Test-Property 'PstnUsages' (Join-List $vrp.PstnUsages) (Join-List @($current.OnlinePstnUsages))
            }
        } catch {
            Add-ReportRow 'Read' 'readable' $_.Exception.Message 'Failed'
        }
        Complete-Subject
    }

    foreach ($ecrp in $Plan.EmergencyPolicies) {
        Start-Subject 'emergencyPolicy' $ecrp.Id $ecrp.Name
        # A read that fails (denied, unavailable) is a Failed row for this object, not the end of the report.
        try {
            $current = Invoke-Lookup { Get-CsTeamsEmergencyCallRoutingPolicy -Identity $ecrp.Name -ErrorAction Stop }
            if (Test-Existence $current) {
                Test-Property 'AllowEnhancedEmergencyServices' ([string][bool]$ecrp.Dynamic) ([string][bool]$current.AllowEnhancedEmergencyServices)
                Test-Property 'EmergencyNumbers' (Get-EmergencySignature @($ecrp.Numbers) -FromPlan) (Get-EmergencySignature @($current.EmergencyNumbers))
            }
        } catch {
            Add-ReportRow 'Read' 'readable' $_.Exception.Message 'Failed'
        }
        Complete-Subject
    }

    foreach ($scp in $Plan.SharedCallingPolicies) {
        Start-Subject 'sharedCallingPolicy' $scp.Id $scp.Name
        # A read that fails (denied, unavailable) is a Failed row for this object, not the end of the report.
        try {
            $current = Invoke-Lookup { Get-CsTeamsSharedCallingRoutingPolicy -Identity $scp.Name -ErrorAction Stop }
            if (Test-Existence $current) {
                $instance = $null
                if ($scp.ResourceAccountUpn) { $instance = Find-ApplicationInstance $scp.ResourceAccountUpn }
                $actualAccount = [string]$current.ResourceAccount
                if ($null -ne $instance -and $actualAccount -eq [string]$instance.ObjectId) { $actualAccount = $scp.ResourceAccountUpn }
                Test-Property 'ResourceAccount' $scp.ResourceAccountUpn $actualAccount
                # EN9/EN10: order matters.
                Test-Property 'EmergencyNumbers' (Join-List $scp.CallbackNumbers) (Join-List @($current.EmergencyNumbers))
            }
        } catch {
            Add-ReportRow 'Read' 'readable' $_.Exception.Message 'Failed'
        }
        Complete-Subject
    }

    # AA7: the extension stage 07 wrote to Entra BusinessPhone is checked too, with Microsoft Graph
    # read-only (skipped, like stage 07's write, without Graph or with -SkipLicensing).
    $directoryPhones = $false
    if (@($Plan.Users | Where-Object { $_.ExtensionNumber }).Count -gt 0) { $directoryPhones = Connect-GraphIfNeeded @('User.Read.All') }

    $userCount = @($Plan.Users).Count
    $userIndex = 0
    # Issue 12 item 7: one bulk listing from 100 users on (Get-BulkOnlineUser, Get-PlannedOnlineUser).
    $script:BulkOnlineUsers = Get-BulkOnlineUser @($Plan.Users).Count

    foreach ($user in $Plan.Users) {
        Write-LoopProgress 'Stage 08: users' $userIndex $userCount
        $userIndex++
        Start-Subject 'user' $user.Key $user.Upn
        # A read that fails (denied, unavailable) is a Failed row for this object, not the end of the report.
        try {
            $onlineUser = Get-PlannedOnlineUser $user.Upn
            if (Test-Existence $onlineUser) {
                Test-Property 'EnterpriseVoiceEnabled' 'True' ([string]($onlineUser.EnterpriseVoiceEnabled -eq $true))
                if ($user.SharedCallingPolicy) {
                    # §10.2: a group assignment shows only in EffectivePolicyAssignments (a direct one wins, G1).
                    $effectiveName = Get-PolicyName $onlineUser.TeamsSharedCallingRoutingPolicy
                    if (-not $effectiveName) {
                        $effectiveEntry = @($onlineUser.EffectivePolicyAssignments | Where-Object { $_ -and [string]$_.PolicyType -eq 'TeamsSharedCallingRoutingPolicy' })
                        if ($effectiveEntry.Count -gt 0) { $effectiveName = [string]$effectiveEntry[0].PolicyAssignment.DisplayName }
                    }
                    Test-Property 'SharedCallingPolicy' $user.SharedCallingPolicy $effectiveName
                }
                if ($user.EmergencyPolicy) { Test-Property 'EmergencyPolicy' $user.EmergencyPolicy (Get-PolicyName $onlineUser.TeamsEmergencyCallRoutingPolicy) }
                if ($user.VoiceRoutingPolicy) { Test-Property 'VoiceRoutingPolicy' $user.VoiceRoutingPolicy (Get-PolicyName $onlineUser.OnlineVoiceRoutingPolicy) }
                if ($user.ExtensionNumber) {
                    $lineUri = [string]$onlineUser.LineUri
                    if ($lineUri -match '^(?i)tel:') { $lineUri = $lineUri.Substring(4) }
                    Test-Property 'LineUri' $user.ExtensionNumber $lineUri
                    if ($directoryPhones) {
                        $graphUser = Invoke-Lookup { Get-MgUser -UserId $user.Upn -Property 'Id,BusinessPhones' -ErrorAction Stop }
                        $phones = @()
                        if ($null -ne $graphUser) { $phones = @($graphUser.BusinessPhones | Where-Object { $_ } | ForEach-Object { [string]$_ }) }
                        $actualPhone = $phones -join ';'
                        if ($phones -contains $user.ExtensionNumber) { $actualPhone = $user.ExtensionNumber }
                        Test-Property 'BusinessPhone' $user.ExtensionNumber $actualPhone
                    }
                }
            }
        } catch {
            Add-ReportRow 'Read' 'readable' $_.Exception.Message 'Failed'
        }
        Complete-Subject
    }
    Complete-LoopProgress 'Stage 08: users'
} finally {
    # Written even when the run stops early, so the planner can import what was checked.
    Write-CsvFile $reportPath @('Kind', 'Subject', 'Property', 'Expected', 'Actual', 'Status', 'Name') $reportRows
    Write-Host ('Verification report: {0} ({1} rows)' -f $reportPath, $reportRows.Count)
}
`,
};
