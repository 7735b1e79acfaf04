<#
.SYNOPSIS
    Shared Calling runbook, stage 09: roll the plan back.

.DESCRIPTION
    Undoes stages 07 to 02 in reverse order: removes the users' policy assignments (only where they
    still equal the plan) and planned extensions, and turns Enterprise Voice off again for users the
    plan's user list shows without it (V1; left on, as Manual, where the list did not say); takes
    the callback numbers out of each Shared Calling policy (EN8) and removes the policy, the
    emergency call routing policies and the voice routing policies (after taking the policy off the
    Direct Routing resource account); removes the auto attendant associations and the auto
    attendants; and unassigns the resource accounts' numbers.

    The rollback works from the plan, not from the logs of earlier runs: it removes what the plan
    names, except objects the plan marks as existing in the tenant (a brownfield plan): those are
    never removed, keep their number, association and callback numbers, and are logged as Skipped.
    Run with -DryRun first and read the log. Every change asks for confirmation (ConfirmImpact
    High); answer "Yes to All" or pass -Confirm:$false to run unattended. A LIS location pinned on a
    number stays with the number (§3.15). Resource accounts and their licences are kept unless
    -RemoveResourceAccounts is given (then the accounts are deleted with Microsoft Graph
    Remove-MgUser, RA3).

    Everything this script does is fixed code that loops over the plan data section ($Plan) below;
    plan values appear in it only as single-quoted literals. It is safe to run again: each step
    reads the current state, changes only what differs and logs what it skipped.

.PARAMETER DryRun
    Read the tenant and report what would change, without calling any cmdlet that changes it.
    Separate from -WhatIf because several Teams cmdlets ignore -WhatIf.

.PARAMETER Resume
    Skip the steps that the checkpoint file of an earlier run records as finished.

.PARAMETER OutputFolder
    Folder for the action log, the retry list and the checkpoint. Default: the folder of this
    script.

.PARAMETER MaxRetries
    How often a throttled call (HTTP 429, "throttled", 503) is retried, with exponential back-off.

.PARAMETER SkipLicensing
    Do not use Microsoft Graph; licence steps are only reported (assign them in the Microsoft 365
    admin center).

.PARAMETER Transcript
    Record the whole console session (Start-Transcript) in <stage>.transcript.txt in the output
    folder, appended to on each run.

.PARAMETER ExpectedPlanSha256
    Refuse to run unless the embedded plan has this SHA-256 (the runbook passes its own, so all
    files must come from one export).

.PARAMETER BatchSize
    Users per New-CsBatchPolicyAssignmentOperation call (at most 5,000, shared-calling.md §3.14).

.PARAMETER RemoveResourceAccounts
    Also delete the planned resource accounts (Microsoft Graph Remove-MgUser), which frees their
    licences.

.EXAMPLE
    .\09-rollback.ps1 -DryRun

.EXAMPLE
    .\09-rollback.ps1

.EXAMPLE
    .\09-rollback.ps1 -Resume

.NOTES
    Writes to the output folder: 09-rollback.log.csv (every action: Time,Stage,Step,Target,Action,
    Status,Detail; Status is Done, Skipped, DryRun, Manual, Resumed or Failed), 09-rollback.retry.csv
    (failed items of the last run; a -DryRun writes 09-rollback.dryrun.retry.csv instead) and
    09-rollback.checkpoint.txt (the plan SHA-256, then the finished steps, for -Resume; -DryRun leaves it alone).
    Exit code: 0 when nothing failed, 1 otherwise.
#>
#Requires -Version 5.1
#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '5.5.0' }

# Plan:          'Contoso Shared Calling (sample)'
# Plan id:       'sample'
# Plan SHA-256:  d29394b6d5cb9dd4c2339b974ad784ebadac71f4f47e940e4a4418087255ba8c  (canonical JSON of the plan, verification results excluded)
# Generator:     shared-calling-planner/powershell 1.0.0
# Rules (shared-calling.md): EN8, RA3, RA7, AA4, VR2, V3

[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
param(
    [switch]$DryRun,
    [switch]$Resume,
    [string]$OutputFolder = $PSScriptRoot,
    [ValidateRange(0, 10)]
    [int]$MaxRetries = 5,
    [switch]$SkipLicensing,
    [switch]$Transcript,
    [string]$ExpectedPlanSha256 = '',
    [ValidateRange(1, 5000)]
    [int]$BatchSize = 5000,
    [switch]$RemoveResourceAccounts
)

# ---- BEGIN PLAN DATA (generated: single-quoted literals only) ----
$Plan = @{
    Id = 'sample'
    Name = 'Contoso Shared Calling (sample)'
    TenantDomain = 'contoso.com'
    Sha256 = 'd29394b6d5cb9dd4c2339b974ad784ebadac71f4f47e940e4a4418087255ba8c'
    GeneratorVersion = 'shared-calling-planner/powershell 1.0.0'
    GlobalVoiceRoutingHasUsages = 'yes'
    UsersWithoutVoiceRoutingPolicy = 0
    TagCallbackNumbers = $false
    ResourceAccounts = @(
        @{ Id = 'ra-seattle'; Upn = 'sc-seattle@contoso.com'; DisplayName = 'Seattle Main Line'; PhoneNumber = '+12065550100'; NumberType = 'CallingPlan'; LocationId = '00000000-0000-4000-8000-000000000001'; UsageLocation = 'US'; Licence = 'teamsPhoneResourceAccount'; PayAsYouGo = $true; CallingPlanBilling = 'payAsYouGo'; VoiceRoutingPolicy = ''; Existing = $false; NumberExisting = $false }
        @{ Id = 'ra-london'; Upn = 'sc-london@contoso.com'; DisplayName = 'London Main Line'; PhoneNumber = '+442079460100'; NumberType = 'OperatorConnect'; LocationId = '00000000-0000-4000-8000-000000000002'; UsageLocation = 'GB'; Licence = 'teamsPhoneResourceAccount'; PayAsYouGo = $false; CallingPlanBilling = ''; VoiceRoutingPolicy = ''; Existing = $false; NumberExisting = $false }
        @{ Id = 'ra-sydney'; Upn = 'sc-sydney@contoso.com'; DisplayName = 'Sydney Main Line'; PhoneNumber = '+61255500100'; NumberType = 'DirectRouting'; LocationId = '00000000-0000-4000-8000-000000000003'; UsageLocation = 'AU'; Licence = 'teamsPhoneResourceAccount'; PayAsYouGo = $false; CallingPlanBilling = ''; VoiceRoutingPolicy = 'VRP-AU-DR-ResourceAccount'; Existing = $false; NumberExisting = $false }
    )
    AutoAttendants = @(
        @{ Id = 'aa-seattle'; Name = 'Seattle Main Auto Attendant'; LanguageId = 'en-US'; TimeZoneId = 'Pacific Standard Time'; DialByName = $true; DialByExtension = $false; ResourceAccountUpn = 'sc-seattle@contoso.com'; Greeting = ''; Groups = @(@{ Name = 'SC-Seattle-Users'; ObjectId = '' }); Existing = $false }
        @{ Id = 'aa-london'; Name = 'London Main Auto Attendant'; LanguageId = 'en-GB'; TimeZoneId = 'GMT Standard Time'; DialByName = $true; DialByExtension = $false; ResourceAccountUpn = 'sc-london@contoso.com'; Greeting = ''; Groups = @(@{ Name = 'SC-London-Users'; ObjectId = '' }); Existing = $false }
        @{ Id = 'aa-sydney'; Name = 'Sydney Main Auto Attendant'; LanguageId = 'en-AU'; TimeZoneId = 'AUS Eastern Standard Time'; DialByName = $true; DialByExtension = $true; ResourceAccountUpn = 'sc-sydney@contoso.com'; Greeting = ''; Groups = @(@{ Name = 'SC-Sydney-Users'; ObjectId = '' }); Existing = $false }
    )
    VoiceRoutingPolicies = @(
        @{ Id = 'vrp-users'; Name = 'SC-NoPSTN'; Description = 'Shared Calling users: no PSTN usages (VR1)'; PstnUsages = @(); Existing = $false }
        @{ Id = 'vrp-au-ra'; Name = 'VRP-AU-DR-ResourceAccount'; Description = 'Direct Routing resource account in Sydney (RA11)'; PstnUsages = @('AU-PSTN'); Existing = $false }
    )
    EmergencyPolicies = @(
        @{ Id = 'ecrp-us'; Name = 'ECRP-US-CPOC'; Description = 'US emergency dial strings, no PSTN usage (Calling Plan, E2)'; Dynamic = $true; Numbers = @(@{ DialString = '911'; DialMask = ''; PstnUsage = '' }, @{ DialString = '933'; DialMask = ''; PstnUsage = '' }); Existing = $false }
        @{ Id = 'ecrp-uk'; Name = 'ECRP-UK-CPOC'; Description = 'UK emergency dial strings, no PSTN usage (Operator Connect, E2)'; Dynamic = $true; Numbers = @(@{ DialString = '999'; DialMask = ''; PstnUsage = '' }, @{ DialString = '112'; DialMask = ''; PstnUsage = '' }); Existing = $false }
        @{ Id = 'ecrp-au'; Name = 'ECRP-AU-DR'; Description = 'Australian emergency dial strings routed over Direct Routing (E2)'; Dynamic = $true; Numbers = @(@{ DialString = '000'; DialMask = ''; PstnUsage = 'AU-Emergency' }, @{ DialString = '112'; DialMask = ''; PstnUsage = 'AU-Emergency' }); Existing = $false }
    )
    SharedCallingPolicies = @(
        @{ Id = 'scp-seattle'; Name = 'SC-Seattle'; Description = 'Shared Calling for Seattle users on +12065550100'; ResourceAccountUpn = 'sc-seattle@contoso.com'; CallbackNumbers = @('+12065550101', '+12065550102', '+12065550103'); Existing = $false; Group = $null }
        @{ Id = 'scp-london'; Name = 'SC-London'; Description = 'Shared Calling for London users on +442079460100'; ResourceAccountUpn = 'sc-london@contoso.com'; CallbackNumbers = @('+442079460101', '+442079460102', '+442079460103'); Existing = $false; Group = $null }
        @{ Id = 'scp-sydney'; Name = 'SC-Sydney'; Description = 'Shared Calling for Sydney users on +61255500100'; ResourceAccountUpn = 'sc-sydney@contoso.com'; CallbackNumbers = @('+61255500101', '+61255500102'); Existing = $false; Group = $null }
    )
    Users = @(
        @{ Key = 'alex.obrien0@contoso.com'; Upn = 'alex.obrien0@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'bianca.obrien1@contoso.com'; Upn = 'bianca.obrien1@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'chen.obrien2@contoso.com'; Upn = 'chen.obrien2@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'dana.obrien3@contoso.com'; Upn = 'dana.obrien3@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'emeka.obrien4@contoso.com'; Upn = 'emeka.obrien4@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'fatima.obrien5@contoso.com'; Upn = 'fatima.obrien5@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'gustavo.obrien6@contoso.com'; Upn = 'gustavo.obrien6@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'hana.obrien7@contoso.com'; Upn = 'hana.obrien7@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'ivan.obrien8@contoso.com'; Upn = 'ivan.obrien8@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'jose.obrien9@contoso.com'; Upn = 'jose.obrien9@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'kiri.obrien10@contoso.com'; Upn = 'kiri.obrien10@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'liam.obrien11@contoso.com'; Upn = 'liam.obrien11@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'mei.obrien12@contoso.com'; Upn = 'mei.obrien12@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'noor.obrien13@contoso.com'; Upn = 'noor.obrien13@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'olga.obrien14@contoso.com'; Upn = 'olga.obrien14@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'priya.obrien15@contoso.com'; Upn = 'priya.obrien15@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'quinn.obrien16@contoso.com'; Upn = 'quinn.obrien16@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'rafael.obrien17@contoso.com'; Upn = 'rafael.obrien17@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'siobhan.obrien18@contoso.com'; Upn = 'siobhan.obrien18@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'tomas.obrien19@contoso.com'; Upn = 'tomas.obrien19@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'alex.nakamura20@contoso.com'; Upn = 'alex.nakamura20@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'bianca.nakamura21@contoso.com'; Upn = 'bianca.nakamura21@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'chen.nakamura22@contoso.com'; Upn = 'chen.nakamura22@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'dana.nakamura23@contoso.com'; Upn = 'dana.nakamura23@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'emeka.nakamura24@contoso.com'; Upn = 'emeka.nakamura24@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'fatima.nakamura25@contoso.com'; Upn = 'fatima.nakamura25@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'gustavo.nakamura26@contoso.com'; Upn = 'gustavo.nakamura26@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'hana.nakamura27@contoso.com'; Upn = 'hana.nakamura27@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'ivan.nakamura28@contoso.com'; Upn = 'ivan.nakamura28@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'jose.nakamura29@contoso.com'; Upn = 'jose.nakamura29@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'kiri.nakamura30@contoso.com'; Upn = 'kiri.nakamura30@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'liam.nakamura31@contoso.com'; Upn = 'liam.nakamura31@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'mei.nakamura32@contoso.com'; Upn = 'mei.nakamura32@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'noor.nakamura33@contoso.com'; Upn = 'noor.nakamura33@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'olga.nakamura34@contoso.com'; Upn = 'olga.nakamura34@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'priya.nakamura35@contoso.com'; Upn = 'priya.nakamura35@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'quinn.nakamura36@contoso.com'; Upn = 'quinn.nakamura36@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'rafael.nakamura37@contoso.com'; Upn = 'rafael.nakamura37@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'siobhan.nakamura38@contoso.com'; Upn = 'siobhan.nakamura38@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'tomas.nakamura39@contoso.com'; Upn = 'tomas.nakamura39@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'alex.okafor40@contoso.com'; Upn = 'alex.okafor40@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'bianca.okafor41@contoso.com'; Upn = 'bianca.okafor41@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'chen.okafor42@contoso.com'; Upn = 'chen.okafor42@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'dana.okafor43@contoso.com'; Upn = 'dana.okafor43@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'emeka.okafor44@contoso.com'; Upn = 'emeka.okafor44@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'fatima.okafor45@contoso.com'; Upn = 'fatima.okafor45@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'gustavo.okafor46@contoso.com'; Upn = 'gustavo.okafor46@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'hana.okafor47@contoso.com'; Upn = 'hana.okafor47@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'ivan.okafor48@contoso.com'; Upn = 'ivan.okafor48@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'jose.okafor49@contoso.com'; Upn = 'jose.okafor49@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'kiri.okafor50@contoso.com'; Upn = 'kiri.okafor50@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'liam.okafor51@contoso.com'; Upn = 'liam.okafor51@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'mei.okafor52@contoso.com'; Upn = 'mei.okafor52@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'noor.okafor53@contoso.com'; Upn = 'noor.okafor53@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'olga.okafor54@contoso.com'; Upn = 'olga.okafor54@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'priya.okafor55@contoso.com'; Upn = 'priya.okafor55@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'quinn.okafor56@contoso.com'; Upn = 'quinn.okafor56@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'rafael.okafor57@contoso.com'; Upn = 'rafael.okafor57@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'siobhan.okafor58@contoso.com'; Upn = 'siobhan.okafor58@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'tomas.okafor59@contoso.com'; Upn = 'tomas.okafor59@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'alex.schmidt60@contoso.com'; Upn = 'alex.schmidt60@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'bianca.schmidt61@contoso.com'; Upn = 'bianca.schmidt61@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'chen.schmidt62@contoso.com'; Upn = 'chen.schmidt62@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'dana.schmidt63@contoso.com'; Upn = 'dana.schmidt63@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'emeka.schmidt64@contoso.com'; Upn = 'emeka.schmidt64@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'fatima.schmidt65@contoso.com'; Upn = 'fatima.schmidt65@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'gustavo.schmidt66@contoso.com'; Upn = 'gustavo.schmidt66@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'hana.schmidt67@contoso.com'; Upn = 'hana.schmidt67@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'ivan.schmidt68@contoso.com'; Upn = 'ivan.schmidt68@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'jose.schmidt69@contoso.com'; Upn = 'jose.schmidt69@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'kiri.schmidt70@contoso.com'; Upn = 'kiri.schmidt70@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'liam.schmidt71@contoso.com'; Upn = 'liam.schmidt71@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'mei.schmidt72@contoso.com'; Upn = 'mei.schmidt72@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'noor.schmidt73@contoso.com'; Upn = 'noor.schmidt73@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'olga.schmidt74@contoso.com'; Upn = 'olga.schmidt74@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'priya.schmidt75@contoso.com'; Upn = 'priya.schmidt75@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'quinn.schmidt76@contoso.com'; Upn = 'quinn.schmidt76@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'rafael.schmidt77@contoso.com'; Upn = 'rafael.schmidt77@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'siobhan.schmidt78@contoso.com'; Upn = 'siobhan.schmidt78@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'tomas.schmidt79@contoso.com'; Upn = 'tomas.schmidt79@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'alex.kowalski0@contoso.com'; Upn = 'alex.kowalski0@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'bianca.kowalski1@contoso.com'; Upn = 'bianca.kowalski1@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'chen.kowalski2@contoso.com'; Upn = 'chen.kowalski2@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'dana.kowalski3@contoso.com'; Upn = 'dana.kowalski3@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'emeka.kowalski4@contoso.com'; Upn = 'emeka.kowalski4@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'fatima.kowalski5@contoso.com'; Upn = 'fatima.kowalski5@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'gustavo.kowalski6@contoso.com'; Upn = 'gustavo.kowalski6@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'hana.kowalski7@contoso.com'; Upn = 'hana.kowalski7@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'ivan.kowalski8@contoso.com'; Upn = 'ivan.kowalski8@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'jose.kowalski9@contoso.com'; Upn = 'jose.kowalski9@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'kiri.kowalski10@contoso.com'; Upn = 'kiri.kowalski10@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'liam.kowalski11@contoso.com'; Upn = 'liam.kowalski11@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'mei.kowalski12@contoso.com'; Upn = 'mei.kowalski12@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'noor.kowalski13@contoso.com'; Upn = 'noor.kowalski13@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'olga.kowalski14@contoso.com'; Upn = 'olga.kowalski14@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'priya.kowalski15@contoso.com'; Upn = 'priya.kowalski15@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'quinn.kowalski16@contoso.com'; Upn = 'quinn.kowalski16@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'rafael.kowalski17@contoso.com'; Upn = 'rafael.kowalski17@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'siobhan.kowalski18@contoso.com'; Upn = 'siobhan.kowalski18@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'tomas.kowalski19@contoso.com'; Upn = 'tomas.kowalski19@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'alex.haddad20@contoso.com'; Upn = 'alex.haddad20@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'bianca.haddad21@contoso.com'; Upn = 'bianca.haddad21@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'chen.haddad22@contoso.com'; Upn = 'chen.haddad22@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'dana.haddad23@contoso.com'; Upn = 'dana.haddad23@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'emeka.haddad24@contoso.com'; Upn = 'emeka.haddad24@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'fatima.haddad25@contoso.com'; Upn = 'fatima.haddad25@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'gustavo.haddad26@contoso.com'; Upn = 'gustavo.haddad26@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'hana.haddad27@contoso.com'; Upn = 'hana.haddad27@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'ivan.haddad28@contoso.com'; Upn = 'ivan.haddad28@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'jose.haddad29@contoso.com'; Upn = 'jose.haddad29@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'kiri.haddad30@contoso.com'; Upn = 'kiri.haddad30@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'liam.haddad31@contoso.com'; Upn = 'liam.haddad31@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'mei.haddad32@contoso.com'; Upn = 'mei.haddad32@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'noor.haddad33@contoso.com'; Upn = 'noor.haddad33@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'olga.haddad34@contoso.com'; Upn = 'olga.haddad34@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'priya.haddad35@contoso.com'; Upn = 'priya.haddad35@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'quinn.haddad36@contoso.com'; Upn = 'quinn.haddad36@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'rafael.haddad37@contoso.com'; Upn = 'rafael.haddad37@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'siobhan.haddad38@contoso.com'; Upn = 'siobhan.haddad38@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'tomas.haddad39@contoso.com'; Upn = 'tomas.haddad39@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'alex.nguyen40@contoso.com'; Upn = 'alex.nguyen40@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'bianca.nguyen41@contoso.com'; Upn = 'bianca.nguyen41@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'chen.nguyen42@contoso.com'; Upn = 'chen.nguyen42@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'dana.nguyen43@contoso.com'; Upn = 'dana.nguyen43@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'emeka.nguyen44@contoso.com'; Upn = 'emeka.nguyen44@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'fatima.nguyen45@contoso.com'; Upn = 'fatima.nguyen45@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'gustavo.nguyen46@contoso.com'; Upn = 'gustavo.nguyen46@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'hana.nguyen47@contoso.com'; Upn = 'hana.nguyen47@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'ivan.nguyen48@contoso.com'; Upn = 'ivan.nguyen48@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'jose.nguyen49@contoso.com'; Upn = 'jose.nguyen49@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'kiri.nguyen50@contoso.com'; Upn = 'kiri.nguyen50@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'liam.nguyen51@contoso.com'; Upn = 'liam.nguyen51@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'mei.nguyen52@contoso.com'; Upn = 'mei.nguyen52@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'noor.nguyen53@contoso.com'; Upn = 'noor.nguyen53@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'olga.nguyen54@contoso.com'; Upn = 'olga.nguyen54@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'priya.nguyen55@contoso.com'; Upn = 'priya.nguyen55@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'quinn.nguyen56@contoso.com'; Upn = 'quinn.nguyen56@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'rafael.nguyen57@contoso.com'; Upn = 'rafael.nguyen57@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'siobhan.nguyen58@contoso.com'; Upn = 'siobhan.nguyen58@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'tomas.nguyen59@contoso.com'; Upn = 'tomas.nguyen59@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'alex.nakamura0@contoso.com'; Upn = 'alex.nakamura0@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2001'; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'bianca.nakamura1@contoso.com'; Upn = 'bianca.nakamura1@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2002'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'chen.nakamura2@contoso.com'; Upn = 'chen.nakamura2@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2003'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'dana.nakamura3@contoso.com'; Upn = 'dana.nakamura3@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2004'; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'emeka.nakamura4@contoso.com'; Upn = 'emeka.nakamura4@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2005'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'fatima.nakamura5@contoso.com'; Upn = 'fatima.nakamura5@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2006'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'gustavo.nakamura6@contoso.com'; Upn = 'gustavo.nakamura6@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2007'; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'hana.nakamura7@contoso.com'; Upn = 'hana.nakamura7@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2008'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'ivan.nakamura8@contoso.com'; Upn = 'ivan.nakamura8@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2009'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'jose.nakamura9@contoso.com'; Upn = 'jose.nakamura9@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2010'; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'kiri.nakamura10@contoso.com'; Upn = 'kiri.nakamura10@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2011'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'liam.nakamura11@contoso.com'; Upn = 'liam.nakamura11@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2012'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'mei.nakamura12@contoso.com'; Upn = 'mei.nakamura12@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2013'; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'noor.nakamura13@contoso.com'; Upn = 'noor.nakamura13@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2014'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'olga.nakamura14@contoso.com'; Upn = 'olga.nakamura14@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2015'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'priya.nakamura15@contoso.com'; Upn = 'priya.nakamura15@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2016'; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'quinn.nakamura16@contoso.com'; Upn = 'quinn.nakamura16@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2017'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'rafael.nakamura17@contoso.com'; Upn = 'rafael.nakamura17@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2018'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'siobhan.nakamura18@contoso.com'; Upn = 'siobhan.nakamura18@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2019'; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'tomas.nakamura19@contoso.com'; Upn = 'tomas.nakamura19@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2020'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'alex.okafor20@contoso.com'; Upn = 'alex.okafor20@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2021'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'bianca.okafor21@contoso.com'; Upn = 'bianca.okafor21@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2022'; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'chen.okafor22@contoso.com'; Upn = 'chen.okafor22@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2023'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'dana.okafor23@contoso.com'; Upn = 'dana.okafor23@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2024'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'emeka.okafor24@contoso.com'; Upn = 'emeka.okafor24@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2025'; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'fatima.okafor25@contoso.com'; Upn = 'fatima.okafor25@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2026'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'gustavo.okafor26@contoso.com'; Upn = 'gustavo.okafor26@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2027'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'hana.okafor27@contoso.com'; Upn = 'hana.okafor27@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2028'; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'ivan.okafor28@contoso.com'; Upn = 'ivan.okafor28@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2029'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'jose.okafor29@contoso.com'; Upn = 'jose.okafor29@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2030'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'kiri.okafor30@contoso.com'; Upn = 'kiri.okafor30@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2031'; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'liam.okafor31@contoso.com'; Upn = 'liam.okafor31@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2032'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'mei.okafor32@contoso.com'; Upn = 'mei.okafor32@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2033'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'noor.okafor33@contoso.com'; Upn = 'noor.okafor33@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2034'; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'olga.okafor34@contoso.com'; Upn = 'olga.okafor34@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2035'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'priya.okafor35@contoso.com'; Upn = 'priya.okafor35@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2036'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'quinn.okafor36@contoso.com'; Upn = 'quinn.okafor36@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2037'; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
        @{ Key = 'rafael.okafor37@contoso.com'; Upn = 'rafael.okafor37@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2038'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'siobhan.okafor38@contoso.com'; Upn = 'siobhan.okafor38@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2039'; ExtensionNote = ''; EnterpriseVoiceBefore = 'no' }
        @{ Key = 'tomas.okafor39@contoso.com'; Upn = 'tomas.okafor39@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2040'; ExtensionNote = ''; EnterpriseVoiceBefore = 'yes' }
    )
}
# ---- END PLAN DATA ----

$script:StageName = '09-rollback'
Set-StrictMode -Version 1.0
$ErrorActionPreference = 'Stop'
$script:ScriptCmdlet = $PSCmdlet
$script:AutoAttendantApplicationId = 'ce933385-9390-45d1-9512-c8d228074e07'  # RA5

if ($ExpectedPlanSha256 -and $ExpectedPlanSha256 -ne $Plan.Sha256) {
    Write-Error ('This file was generated from plan {0}, not {1}. Download all files of one export again.' -f $Plan.Sha256, $ExpectedPlanSha256) -ErrorAction Continue
    exit 1
}
if ([string]::IsNullOrEmpty($OutputFolder)) { $OutputFolder = (Get-Location).Path }
if (-not (Test-Path -LiteralPath $OutputFolder)) { $null = New-Item -ItemType Directory -Path $OutputFolder -Force -WhatIf:$false -Confirm:$false }
# .NET file APIs resolve relative paths against the process directory, not the PowerShell location.
$OutputFolder = (Resolve-Path -LiteralPath $OutputFolder).ProviderPath

$script:LogPath = Join-Path $OutputFolder ($script:StageName + '.log.csv')
# A dry run writes its retry list to a file of its own and never touches the checkpoint, so the
# retry list and checkpoint of the last real run survive it.
if ($DryRun) {
    $script:RetryPath = Join-Path $OutputFolder ($script:StageName + '.dryrun.retry.csv')
} else {
    $script:RetryPath = Join-Path $OutputFolder ($script:StageName + '.retry.csv')
}
$script:CheckpointPath = Join-Path $OutputFolder ($script:StageName + '.checkpoint.txt')
$script:TranscriptPath = Join-Path $OutputFolder ($script:StageName + '.transcript.txt')
$script:TranscriptOn = $false
$script:Counts = [ordered]@{ Done = 0; Skipped = 0; DryRun = 0; Manual = 0; Resumed = 0; Failed = 0 }
$script:RetryLines = New-Object 'System.Collections.Generic.List[string]'
$script:Finished = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
# Steps that failed in this run, and the status of the last logged step (later steps depend on them).
$script:FailedSteps = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
$script:LastStatus = ''
$script:ProgressPercent = -1
$script:Utf8Bom = New-Object System.Text.UTF8Encoding($true)

# The checkpoint's first line is the SHA-256 of the plan that wrote it. -Resume with the
# checkpoint of another plan (a re-export after a change) is refused: its finished steps may differ.
if ($Resume -and (Test-Path -LiteralPath $script:CheckpointPath)) {
    $checkpointLines = @([System.IO.File]::ReadAllLines($script:CheckpointPath, $script:Utf8Bom))
    $checkpointPlan = ''
    if ($checkpointLines.Count -gt 0) { $checkpointPlan = $checkpointLines[0] }
    if ($checkpointPlan -ne $Plan.Sha256) {
        Write-Error ('-Resume refused: {0} was written for another plan (SHA-256 {1}), this file is plan {2}. Run without -Resume to start again, or resume with the files of the export that wrote the checkpoint.' -f $script:CheckpointPath, $checkpointPlan, $Plan.Sha256) -ErrorAction Continue
        exit 1
    }
    foreach ($checkpointLine in ($checkpointLines | Select-Object -Skip 1)) {
        if ($checkpointLine) { $null = $script:Finished.Add($checkpointLine) }
    }
} elseif (-not $DryRun -and (Test-Path -LiteralPath $script:CheckpointPath)) {
    Remove-Item -LiteralPath $script:CheckpointPath -WhatIf:$false -Confirm:$false
}

$script:LogWriter = $null
$script:CheckpointWriter = $null

# The writers are opened as the stage body starts and closed in its finally block, so Ctrl+C or
# a terminating error never leaves the log locked for the next run in the same console.
function Open-StageFile {
    if ($Transcript) {
        $null = Start-Transcript -LiteralPath $script:TranscriptPath -Append -WhatIf:$false -Confirm:$false
        $script:TranscriptOn = $true
    }
    # Action log: Time,Stage,Step,Target,Action,Status,Detail (UTF-8 with BOM, one row per action).
    $logIsNew = -not (Test-Path -LiteralPath $script:LogPath)
    $script:LogWriter = New-Object System.IO.StreamWriter($script:LogPath, $true, $script:Utf8Bom)
    $script:LogWriter.AutoFlush = $true
    if ($logIsNew) { $script:LogWriter.WriteLine((ConvertTo-CsvLine @('Time', 'Stage', 'Step', 'Target', 'Action', 'Status', 'Detail'))) }
    if (-not $DryRun) {
        $checkpointIsNew = -not (Test-Path -LiteralPath $script:CheckpointPath)
        $script:CheckpointWriter = New-Object System.IO.StreamWriter($script:CheckpointPath, $true, $script:Utf8Bom)
        $script:CheckpointWriter.AutoFlush = $true
        if ($checkpointIsNew) { $script:CheckpointWriter.WriteLine($Plan.Sha256) }
    }
}

function Stop-StageTranscript {
    if ($script:TranscriptOn) {
        $script:TranscriptOn = $false
        $null = Stop-Transcript
    }
}

# Closes the writers; with -Interrupted also the transcript (Complete-Stage stops it after the summary).
function Close-StageFile {
    param([switch]$Interrupted)
    if ($Interrupted) { Stop-StageTranscript }
    if ($null -ne $script:CheckpointWriter) { $script:CheckpointWriter.Dispose(); $script:CheckpointWriter = $null }
    if ($null -ne $script:LogWriter) { $script:LogWriter.Dispose(); $script:LogWriter = $null }
}

# CSV files (action log, retry list, verification report): UTF-8 with BOM, every field in double
# quotes. Excel opens a CSV by guessing types: "+12065550101" would become the number 12065550101,
# and a field starting with = + - @ (or tab, CR) would become a formula. Such a field is written
# with a leading apostrophe, which Excel shows as text; so is a field that starts with an apostrophe,
# so the planner's reader takes exactly one apostrophe off again.
$script:CsvGuarded = '=+-@''' + [char]9 + [char]13

function ConvertTo-CsvLine {
    param([object[]]$LineFields)
    $lineParts = New-Object 'System.Collections.Generic.List[string]'
    foreach ($lineField in $LineFields) {
        $fieldText = [string]$lineField
        if ($fieldText.Length -gt 0 -and $script:CsvGuarded.IndexOf($fieldText[0]) -ge 0) { $fieldText = '''' + $fieldText }
        $lineParts.Add('"' + $fieldText.Replace('"', '""') + '"')
    }
    return ($lineParts -join ',')
}

# Writes a whole CSV file: a header line, then one line per row (each an array of fields).
function Write-CsvFile {
    param([string]$CsvPath, [string[]]$CsvHeader, [System.Collections.Generic.List[string]]$CsvLines)
    $csvWriter = New-Object System.IO.StreamWriter($CsvPath, $false, $script:Utf8Bom)
    try {
        $csvWriter.WriteLine((ConvertTo-CsvLine $CsvHeader))
        foreach ($csvLine in $CsvLines) { $csvWriter.WriteLine($csvLine) }
    } finally {
        $csvWriter.Dispose()
    }
}

function Write-StepLog {
    param([string]$LogStep, [string]$LogTarget, [string]$LogAction, [string]$LogStatus, [string]$LogDetail)
    $script:Counts[$LogStatus] = $script:Counts[$LogStatus] + 1
    $script:LastStatus = $LogStatus
    if ($LogStatus -eq 'Failed') { $null = $script:FailedSteps.Add($LogStep) }
    $logTime = (Get-Date).ToString('o')
    $fields = @($logTime, $script:StageName, $LogStep, $LogTarget, $LogAction, $LogStatus, $LogDetail)
    if ($null -ne $script:LogWriter) { $script:LogWriter.WriteLine((ConvertTo-CsvLine $fields)) }
    if ($LogStatus -eq 'Failed') {
        $script:RetryLines.Add((ConvertTo-CsvLine @($LogStep, $LogTarget, $LogAction, $LogDetail)))
        Write-Warning ('[Failed] {0} {1}: {2}' -f $LogAction, $LogTarget, $LogDetail)
    } elseif ($LogStatus -eq 'Skipped' -or $LogStatus -eq 'Resumed') {
        Write-Verbose ('[{0}] {1} {2}: {3}' -f $LogStatus, $LogAction, $LogTarget, $LogDetail)
    } else {
        Write-Host ('[{0}] {1} {2}: {3}' -f $LogStatus, $LogAction, $LogTarget, $LogDetail)
    }
}

# Progress of a per-user loop (Write-Progress -Id 1), updated when the whole percentage changes.
function Write-LoopProgress {
    param([string]$ProgressActivity, [int]$ProgressIndex, [int]$ProgressTotal)
    if ($ProgressTotal -le 0) { return }
    $progressPercent = [int][math]::Floor(100 * $ProgressIndex / $ProgressTotal)
    if ($progressPercent -eq $script:ProgressPercent) { return }
    $script:ProgressPercent = $progressPercent
    Write-Progress -Id 1 -Activity $ProgressActivity -Status ('{0} of {1}' -f $ProgressIndex, $ProgressTotal) -PercentComplete $progressPercent
}

function Complete-LoopProgress {
    param([string]$ProgressActivity)
    Write-Progress -Id 1 -Activity $ProgressActivity -Completed
    $script:ProgressPercent = -1
}

function Add-Checkpoint {
    param([string]$CheckpointKey)
    if ($null -ne $script:CheckpointWriter) { $script:CheckpointWriter.WriteLine($CheckpointKey) }
}

# What a failed tenant call means is read from the service's answer, never from message text
# (UPNs, numbers and paths may contain "429" or "503"). The Teams ConfigAPI and Microsoft Graph
# cmdlets throw an AutoRest RestException whose Response is the System.Net.Http.HttpResponseMessage;
# it is on the exception or on one of its inner exceptions. $null when there is none.
function Get-ErrorResponse {
    param($ResponseError)
    $responseException = $ResponseError
    if ($ResponseError -is [System.Management.Automation.ErrorRecord]) { $responseException = $ResponseError.Exception }
    for ($responseDepth = 0; $null -ne $responseException -and $responseDepth -lt 8; $responseDepth++) {
        $responseProperty = $responseException.PSObject.Properties['Response']
        if ($null -ne $responseProperty -and $null -ne $responseProperty.Value -and $null -ne $responseProperty.Value.PSObject.Properties['StatusCode']) {
            return $responseProperty.Value
        }
        $responseException = $responseException.InnerException
    }
    return $null
}

# HTTP status of a failed call (404, 403, 409, 429, 503 ...), 0 when the error carries no response.
function Get-ErrorStatus {
    param($StatusError)
    $statusResponse = Get-ErrorResponse $StatusError
    if ($null -eq $statusResponse) { return 0 }
    try { return [int]$statusResponse.StatusCode } catch { return 0 }
}

# Throttled (429) or temporarily unavailable (503): the only errors that are retried.
function Test-Throttled {
    param($ThrottleError)
    $throttleStatus = Get-ErrorStatus $ThrottleError
    return ($throttleStatus -eq 429 -or $throttleStatus -eq 503)
}

# Not found: a 404, or (for a cmdlet that throws without a response) an ObjectNotFound error record.
# Anything else (401, 403, 500, network) is a failure, never "absent".
function Test-NotFound {
    param($NotFoundError)
    $notFoundStatus = Get-ErrorStatus $NotFoundError
    if ($notFoundStatus -ne 0) { return ($notFoundStatus -eq 404) }
    if ($NotFoundError -isnot [System.Management.Automation.ErrorRecord]) { return $false }
    if ([string]$NotFoundError.CategoryInfo.Category -eq 'ObjectNotFound') { return $true }
    return ([string]$NotFoundError.FullyQualifiedErrorId -match '^(?i)(NotFound|ObjectNotFound|ResourceNotFound)(,|$)')
}

# Seconds to wait before retry number RetryAttempt + 1: the server's Retry-After when it sends one,
# otherwise 5, 10, 20 ... seconds; never more than 300.
function Get-RetryDelay {
    param($DelayError, [int]$RetryAttempt)
    $delaySeconds = 5 * [math]::Pow(2, $RetryAttempt)
    $delayResponse = Get-ErrorResponse $DelayError
    if ($null -ne $delayResponse -and $null -ne $delayResponse.Headers -and $null -ne $delayResponse.Headers.RetryAfter) {
        $retryAfter = $delayResponse.Headers.RetryAfter
        if ($null -ne $retryAfter.Delta) { $delaySeconds = [math]::Ceiling($retryAfter.Delta.TotalSeconds) }
        elseif ($null -ne $retryAfter.Date) { $delaySeconds = [math]::Ceiling(($retryAfter.Date - [DateTimeOffset]::UtcNow).TotalSeconds) }
    }
    return [int][math]::Max(1, [math]::Min(300, $delaySeconds))
}

# The one retry loop around one tenant call: every Teams or Graph cmdlet call sits in its own
# Invoke-TenantCall, Invoke-Lookup or Invoke-Change block and no such block contains another, so a
# call is attempted at most MaxRetries + 1 times.
function Invoke-TenantCall {
    param([scriptblock]$TenantScript)
    $tenantAttempt = 0
    while ($true) {
        try {
            return (& $TenantScript)
        } catch {
            if ($tenantAttempt -ge $MaxRetries -or -not (Test-Throttled $_)) { throw }
            $retryDelay = Get-RetryDelay $_ $tenantAttempt
            Write-Warning ('Service answered {0}; retry {1} of {2} in {3} s' -f (Get-ErrorStatus $_), ($tenantAttempt + 1), $MaxRetries, $retryDelay)
            Start-Sleep -Seconds $retryDelay
            $tenantAttempt++
        }
    }
}

# A read that returns $null when the object does not exist (only a not-found means absent; any
# other error propagates and fails the step).
function Invoke-Lookup {
    param([scriptblock]$LookupScript)
    try {
        return (Invoke-TenantCall $LookupScript)
    } catch {
        if (Test-NotFound $_) { return $null }
        throw
    }
}

# The only way stage code calls a cmdlet that changes the tenant: never under -DryRun.
function Invoke-Change {
    param([scriptblock]$ChangeScript)
    if ($DryRun) { throw 'Refusing to change the tenant under -DryRun.' }
    return (Invoke-TenantCall $ChangeScript)
}

# Read-compare-change for one item. IsDone returns $true when the tenant already matches the plan,
# otherwise a short text describing the current state.
function Invoke-PlanStep {
    param(
        [string]$StepKey,
        [string]$StepTarget,
        [string]$StepAction,
        [scriptblock]$IsDone,
        [scriptblock]$Change
    )
    if ($script:Finished.Contains($StepKey)) {
        Write-StepLog $StepKey $StepTarget $StepAction 'Resumed' 'finished in an earlier run (checkpoint)'
        return
    }
    try {
        $stepState = & $IsDone
        if (($stepState -is [bool]) -and $stepState) {
            Write-StepLog $StepKey $StepTarget $StepAction 'Skipped' 'already as planned'
            Add-Checkpoint $StepKey
            return
        }
        if ($DryRun) {
            Write-StepLog $StepKey $StepTarget $StepAction 'DryRun' ('would change; now: {0}' -f $stepState)
            return
        }
        if (-not $script:ScriptCmdlet.ShouldProcess($StepTarget, $StepAction)) {
            Write-StepLog $StepKey $StepTarget $StepAction 'Skipped' 'not confirmed (-WhatIf or -Confirm)'
            return
        }
        $null = & $Change
        Write-StepLog $StepKey $StepTarget $StepAction 'Done' ('was: {0}' -f $stepState)
        Add-Checkpoint $StepKey
    } catch {
        Write-StepLog $StepKey $StepTarget $StepAction 'Failed' $_.Exception.Message
    }
}

# A read-only check: Done when Test returns $true, otherwise Failed with the returned text.
function Invoke-Check {
    param([string]$CheckKey, [string]$CheckTarget, [string]$CheckAction, [scriptblock]$Test)
    try {
        $checkState = & $Test
        if (($checkState -is [bool]) -and $checkState) {
            Write-StepLog $CheckKey $CheckTarget $CheckAction 'Done' 'as required'
        } else {
            Write-StepLog $CheckKey $CheckTarget $CheckAction 'Failed' ([string]$checkState)
        }
    } catch {
        Write-StepLog $CheckKey $CheckTarget $CheckAction 'Failed' $_.Exception.Message
    }
}

function Connect-TeamsIfNeeded {
    try {
        $null = Get-CsTenant -ErrorAction Stop
    } catch {
        Connect-MicrosoftTeams -ErrorAction Stop -WhatIf:$false -Confirm:$false | Out-Null
    }
}

# Microsoft Graph is used only for licences (RA2, RA9) and, in the rollback, to delete resource
# accounts; without it those steps are only reported. Each stage asks for the scopes it needs:
# read-only ones when it only reads (-DryRun, stage 01), the least write scopes where it writes.
# An existing session is reused when it already holds them (a ReadWrite scope covers its Read one).
function Connect-GraphIfNeeded {
    param([string[]]$GraphScopes)
    if ($SkipLicensing) { return $false }
    foreach ($graphModule in @('Microsoft.Graph.Users', 'Microsoft.Graph.Users.Actions', 'Microsoft.Graph.Identity.DirectoryManagement')) {
        if (-not (Get-Module -ListAvailable -Name $graphModule)) {
            Write-Warning ('Module {0} is not installed: licence steps are only reported.' -f $graphModule)
            return $false
        }
    }
    # -WhatIf is for tenant changes only. Whether Connect-MgGraph takes -WhatIf is not documented,
    # so the preference is switched off for this function's scope instead of passing -WhatIf:$false.
    $WhatIfPreference = $false
    try {
        $graphContext = Get-MgContext
        $heldScopes = @()
        if ($null -ne $graphContext) { $heldScopes = @($graphContext.Scopes) }
        $missingScopes = @($GraphScopes | Where-Object { $heldScopes -notcontains $_ -and $heldScopes -notcontains ($_ -replace '\.Read\.', '.ReadWrite.') })
        if ($missingScopes.Count -gt 0) {
            Connect-MgGraph -Scopes $GraphScopes -NoWelcome -ErrorAction Stop
        }
        return $true
    } catch {
        Write-Warning ('Could not connect to Microsoft Graph ({0}): licence steps are only reported.' -f $_.Exception.Message)
        return $false
    }
}

# Policy names come back as 'Tag:Name', as plain strings or as objects with a Name (§3.6).
function Get-PolicyName {
    param($PolicyValue)
    if ($null -eq $PolicyValue) { return '' }
    $policyText = $PolicyValue
    if ($PolicyValue -isnot [string] -and $null -ne $PolicyValue.PSObject.Properties['Name']) { $policyText = $PolicyValue.Name }
    $policyText = [string]$policyText
    if ($policyText -match '^(?i)tag:') { $policyText = $policyText.Substring(4) }
    return $policyText
}

function Get-ObjectIdentity {
    param($IdentityObject)
    if ($null -eq $IdentityObject) { return '' }
    if ($null -ne $IdentityObject.PSObject.Properties['Identity'] -and $IdentityObject.Identity) { return [string]$IdentityObject.Identity }
    return [string]$IdentityObject.Id
}

# Ordered, case-insensitive list comparison.
function Test-SameList {
    param([object[]]$LeftList, [object[]]$RightList)
    $leftItems = @($LeftList | Where-Object { $null -ne $_ -and [string]$_ -ne '' } | ForEach-Object { [string]$_ })
    $rightItems = @($RightList | Where-Object { $null -ne $_ -and [string]$_ -ne '' } | ForEach-Object { [string]$_ })
    if ($leftItems.Count -ne $rightItems.Count) { return $false }
    for ($listIndex = 0; $listIndex -lt $leftItems.Count; $listIndex++) {
        if ($leftItems[$listIndex] -ne $rightItems[$listIndex]) { return $false }
    }
    return $true
}

function Find-ApplicationInstance {
    param([string]$InstanceUpn)
    return (Invoke-Lookup { Get-CsOnlineApplicationInstance -Identity $InstanceUpn -ErrorAction Stop })
}

function Find-OnlineUser {
    param([string]$OnlineUserUpn)
    return (Invoke-Lookup { Get-CsOnlineUser -Identity $OnlineUserUpn -ErrorAction Stop })
}

# R8: Get-, Set-, Update- and Remove-CsPhoneNumberTag need MicrosoftTeams 7.1.0 or later (§3.17).
function Test-NumberTagSupport {
    $tagModule = Get-Module -ListAvailable -Name 'MicrosoftTeams' | Sort-Object Version -Descending | Select-Object -First 1
    return ($null -ne $tagModule -and $tagModule.Version -ge [version]'7.1.0')
}

function Find-NumberAssignment {
    param([string]$AssignmentNumber)
    return (Invoke-Lookup { Get-CsPhoneNumberAssignment -TelephoneNumber $AssignmentNumber -ErrorAction Stop | Select-Object -First 1 })
}

function Find-AutoAttendant {
    param([string]$AutoAttendantName)
    return (Invoke-Lookup { Get-CsAutoAttendant -NameFilter $AutoAttendantName -ErrorAction Stop | Where-Object { $_.Name -eq $AutoAttendantName } | Select-Object -First 1 })
}

function Complete-Stage {
    Close-StageFile
    if ($script:RetryLines.Count -gt 0) {
        Write-CsvFile $script:RetryPath @('Step', 'Target', 'Action', 'Error') $script:RetryLines
    } elseif (Test-Path -LiteralPath $script:RetryPath) {
        Remove-Item -LiteralPath $script:RetryPath -WhatIf:$false -Confirm:$false
    }
    Write-Host ''
    Write-Host ('Summary of {0} (plan {1}):' -f $script:StageName, $Plan.Name)
    foreach ($countName in $script:Counts.Keys) { Write-Host ('  {0,-8} {1}' -f $countName, $script:Counts[$countName]) }
    Write-Host ('  Log:     {0}' -f $script:LogPath)
    if ($script:RetryLines.Count -gt 0) {
        Write-Host ('  Failed items: {0} (rerun with -Resume after fixing them)' -f $script:RetryPath)
        Stop-StageTranscript
        exit 1
    }
    Stop-StageTranscript
    exit 0
}

$stageBodyEnded = $false
try {
    Open-StageFile
    # ConfirmImpact High asks before every change, and a non-interactive session cannot answer: say so
    # once, before anything runs, instead of failing every item on its own.
    $nonInteractiveSession = @([Environment]::GetCommandLineArgs() | Where-Object { $_ -match '^-noni' }).Count -gt 0
    if (-not $DryRun -and -not $WhatIfPreference -and $nonInteractiveSession -and $ConfirmPreference -ne 'None') {
        throw 'Rollback asks before each change and this session is non-interactive: run it with -Confirm:$false (after a -DryRun).'
    }
    Connect-TeamsIfNeeded
    Write-Warning 'Rollback removes the objects and assignments this plan names. Run with -DryRun first.'

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

    function Get-ReversedList {
        param([object[]]$ReverseItems)
        $reversedItems = @($ReverseItems)
        [array]::Reverse($reversedItems)
        return ,$reversedItems
    }

    # Reverse of stage 07: users.
    # AA7: the extension stage 07 wrote to Entra BusinessPhone is cleared again, but only where it is
    # still exactly that value (a business phone the plan did not write is left alone).
    $rollbackPhones = $false
    if (@($Plan.Users | Where-Object { $_.ExtensionNumber }).Count -gt 0) {
        if ($DryRun) { $rollbackPhones = Connect-GraphIfNeeded @('User.Read.All') }
        else { $rollbackPhones = Connect-GraphIfNeeded @('User.ReadWrite.All') }
    }
    $emergencyBatches = @{}
    $voiceRoutingBatches = @{}
    $userCount = @($Plan.Users).Count
    $userIndex = 0
    foreach ($user in (Get-ReversedList $Plan.Users)) {
        $userKey = 'rollback:user:' + $user.Key
        Write-LoopProgress 'Stage 09: users' $userIndex $userCount
        $userIndex++
        # Only a user that is not found is skipped; a failed read fails the user (never "already done").
        try {
            $onlineUser = Find-OnlineUser $user.Upn
        } catch {
            Write-StepLog $userKey $user.Upn 'Read user' 'Failed' $_.Exception.Message
            continue
        }
        if ($null -eq $onlineUser) {
            Write-StepLog $userKey $user.Upn 'Read user' 'Skipped' 'user not found with Get-CsOnlineUser'
            continue
        }
        $batchObjectId = Get-ObjectIdentity $onlineUser
        $currentEmergency = Get-PolicyName $onlineUser.TeamsEmergencyCallRoutingPolicy
        if ($user.EmergencyPolicy -and $currentEmergency -eq $user.EmergencyPolicy -and -not $script:Finished.Contains($userKey + ':ecrp')) {
            Add-BatchItem $emergencyBatches '' ($userKey + ':ecrp') $user.Upn $batchObjectId $currentEmergency
        }
        $currentVoiceRouting = Get-PolicyName $onlineUser.OnlineVoiceRoutingPolicy
        if ($user.VoiceRoutingPolicy -and $currentVoiceRouting -eq $user.VoiceRoutingPolicy -and -not $script:Finished.Contains($userKey + ':vrp')) {
            Add-BatchItem $voiceRoutingBatches '' ($userKey + ':vrp') $user.Upn $batchObjectId $currentVoiceRouting
        }
        if ($user.SharedCallingPolicy) {
            Invoke-PlanStep ($userKey + ':scp') $user.Upn 'Remove Shared Calling policy assignment' -IsDone {
                $currentName = Get-PolicyName $onlineUser.TeamsSharedCallingRoutingPolicy
                if ($currentName -ne $user.SharedCallingPolicy) { return $true }
                return ('policy {0}' -f $currentName)
            } -Change {
                Invoke-Change { Grant-CsTeamsSharedCallingRoutingPolicy -Identity $user.Upn -PolicyName $null -ErrorAction Stop }
            }
        }
        if ($user.ExtensionNumber) {
            Invoke-PlanStep ($userKey + ':extension') $user.Upn 'Remove extension number (V3)' -IsDone {
                $lineUri = [string]$onlineUser.LineUri
                if ($lineUri -match '^(?i)tel:') { $lineUri = $lineUri.Substring(4) }
                if ($lineUri -ne $user.ExtensionNumber) { return $true }
                return ('line URI {0}' -f $lineUri)
            } -Change {
                Invoke-Change { Remove-CsPhoneNumberAssignment -Identity $user.Upn -PhoneNumber $user.ExtensionNumber -PhoneNumberType DirectRouting -ErrorAction Stop }
            }
            $phoneAction = 'Clear the extension from Entra BusinessPhone (AA7)'
            if (-not $rollbackPhones) {
                Write-StepLog ($userKey + ':businessphone') $user.Upn $phoneAction 'Manual' ('AA7: Microsoft Graph not used: remove {0} from the business phone of this user in Entra if it is still there' -f $user.ExtensionNumber)
            } else {
                Invoke-PlanStep ($userKey + ':businessphone') $user.Upn $phoneAction -IsDone {
                    $graphUser = Invoke-Lookup { Get-MgUser -UserId $user.Upn -Property 'Id,BusinessPhones' -ErrorAction Stop }
                    if ($null -eq $graphUser) { return $true }
                    if (@($graphUser.BusinessPhones) -notcontains $user.ExtensionNumber) { return $true }
                    return ('business phone {0}' -f $user.ExtensionNumber)
                } -Change {
                    Invoke-Change { Update-MgUser -UserId $user.Upn -BusinessPhones @() -ErrorAction Stop }
                }
            }
        }
        # V1: Enterprise Voice goes back off only where the plan's user list showed it off before.
        if ($user.EnterpriseVoiceBefore -eq 'no') {
            Invoke-PlanStep ($userKey + ':ev') $user.Upn 'Turn Enterprise Voice off (as before the plan, V1)' -IsDone {
                if ($onlineUser.EnterpriseVoiceEnabled -ne $true) { return $true }
                return 'Enterprise Voice on'
            } -Change {
                Invoke-Change { Set-CsPhoneNumberAssignment -Identity $user.Upn -EnterpriseVoiceEnabled $false -ErrorAction Stop }
            }
        } elseif ($user.EnterpriseVoiceBefore -eq 'unknown') {
            Write-StepLog ($userKey + ':ev') $user.Upn 'Turn Enterprise Voice off (V1)' 'Manual' 'left on: the user list did not say whether Enterprise Voice was on before the plan'
        }
    }
    Complete-LoopProgress 'Stage 09: users'
    Invoke-BatchAssignment -BatchPolicyType 'TeamsEmergencyCallRoutingPolicy' -BatchSets $emergencyBatches
    Invoke-BatchAssignment -BatchPolicyType 'OnlineVoiceRoutingPolicy' -BatchSets $voiceRoutingBatches

    # Reverse of stage 07's group assignment (§3.14): the group's policy assignment goes; a group the
    # plan created is deleted (its members with it); a group that existed keeps its members.
    $groupPolicyCount = @($Plan.SharedCallingPolicies | Where-Object { $null -ne $_.Group }).Count
    $rollbackGraphReady = $false
    if ($groupPolicyCount -gt 0) {
        if ($DryRun) { $rollbackGraphReady = Connect-GraphIfNeeded @('Group.Read.All') }
        else { $rollbackGraphReady = Connect-GraphIfNeeded @('Group.ReadWrite.All') }
    }
    foreach ($scp in (Get-ReversedList $Plan.SharedCallingPolicies)) {
        if ($null -eq $scp.Group -or $scp.Existing) { continue }
        $rollbackGroup = $scp.Group
        if (-not $rollbackGraphReady) {
            Write-StepLog ('rollback:scp:{0}:group' -f $scp.Id) $rollbackGroup.Name 'Remove the group policy assignment (§3.14)' 'Manual' 'Microsoft Graph not available: remove the assignment in the Teams admin center (Group policy assignment).'
            continue
        }
        $groupObject = $null
        try {
            if ($rollbackGroup.ObjectId) { $groupObject = Invoke-Lookup { Get-MgGroup -GroupId $rollbackGroup.ObjectId -ErrorAction Stop } }
            else {
                $groupFilter = "displayName eq '{0}'" -f $rollbackGroup.Name.Replace("'", "''")
                $foundGroups = @(Invoke-TenantCall { Get-MgGroup -Filter $groupFilter -All -ErrorAction Stop } | Where-Object { $_ })
                if ($foundGroups.Count -eq 1) { $groupObject = $foundGroups[0] }
            }
        } catch { $groupObject = $null }
        if ($null -eq $groupObject) {
            Write-StepLog ('rollback:scp:{0}:group' -f $scp.Id) $rollbackGroup.Name 'Remove the group policy assignment (§3.14)' 'Skipped' 'group not found (or not one group of that name)'
            continue
        }
        $rollbackGroupId = [string]$groupObject.Id
        Invoke-PlanStep ('rollback:scp:{0}:group' -f $scp.Id) $rollbackGroup.Name 'Remove the group policy assignment (§3.14)' -IsDone {
            $groupAssignment = @(Invoke-TenantCall { Get-CsGroupPolicyAssignment -GroupId $rollbackGroupId -PolicyType TeamsSharedCallingRoutingPolicy -ErrorAction Stop } | Where-Object { $_ })
            if ($groupAssignment.Count -eq 0 -or [string]$groupAssignment[0].PolicyName -ne $scp.Name) { return $true }
            return ('assigned {0}' -f $groupAssignment[0].PolicyName)
        } -Change {
            Invoke-Change { Remove-CsGroupPolicyAssignment -GroupId $rollbackGroupId -PolicyType TeamsSharedCallingRoutingPolicy -ErrorAction Stop }
        }
        if ($rollbackGroup.Existing) {
            Write-StepLog ('rollback:scp:{0}:groupDelete' -f $scp.Id) $rollbackGroup.Name 'Delete the policy group' 'Skipped' 'exists in the tenant before the plan (marked existing): kept with its members'
        } else {
            Invoke-PlanStep ('rollback:scp:{0}:groupDelete' -f $scp.Id) $rollbackGroup.Name 'Delete the policy group the plan created' -IsDone {
                if ($null -eq (Invoke-Lookup { Get-MgGroup -GroupId $rollbackGroupId -ErrorAction Stop })) { return $true }
                return 'exists'
            } -Change {
                Invoke-Change { Remove-MgGroup -GroupId $rollbackGroupId -ErrorAction Stop }
            }
        }
    }

    # Reverse of stage 06: Shared Calling policies. EN8: a number is taken out of the policy before the
    # number can be reused, so the callback numbers are removed first, then the policy.
    $tagsSupported = $false
    if ($Plan.TagCallbackNumbers) { $tagsSupported = Test-NumberTagSupport }
    foreach ($scp in (Get-ReversedList $Plan.SharedCallingPolicies)) {
        # §3.17: remove the tag stage 06 set (only that tag; other tags stay).
        if ($Plan.TagCallbackNumbers -and $tagsSupported) {
            foreach ($callbackNumber in @($scp.CallbackNumbers)) {
                Invoke-PlanStep ('rollback:scp:{0}:tag:{1}' -f $scp.Id, $callbackNumber) $callbackNumber ('Remove tag {0} (§3.17)' -f $scp.Name) -IsDone {
                    $assignment = Find-NumberAssignment $callbackNumber
                    if ($null -eq $assignment) { return $true }
                    if (@($assignment.Tag) -notcontains $scp.Name) { return $true }
                    return ('tagged {0}' -f $scp.Name)
                } -Change {
                    Invoke-Change { Remove-CsPhoneNumberTag -PhoneNumber $callbackNumber -Tag $scp.Name -ErrorAction Stop }
                }
            }
        }
        # A policy that existed before the plan keeps its callback numbers and stays (brownfield plan).
        if ($scp.Existing) {
            Write-StepLog ('rollback:scp:{0}' -f $scp.Id) $scp.Name 'Remove Shared Calling policy (EN8)' 'Skipped' 'exists in the tenant before the plan (marked existing): kept'
            continue
        }
        Invoke-PlanStep ('rollback:scp:{0}:callbacks' -f $scp.Id) $scp.Name 'Take the callback numbers out of the policy (EN8)' -IsDone {
            $current = Invoke-Lookup { Get-CsTeamsSharedCallingRoutingPolicy -Identity $scp.Name -ErrorAction Stop }
            if ($null -eq $current) { return $true }
            $held = @($current.EmergencyNumbers | Where-Object { $_ })
            if ($held.Count -eq 0) { return $true }
            return ('{0} callback numbers' -f $held.Count)
        } -Change {
            $current = Invoke-Lookup { Get-CsTeamsSharedCallingRoutingPolicy -Identity $scp.Name -ErrorAction Stop }
            $held = @($current.EmergencyNumbers | Where-Object { $_ } | ForEach-Object { [string]$_ })
            Invoke-Change { Set-CsTeamsSharedCallingRoutingPolicy -Identity $scp.Name -EmergencyNumbers @{ remove = $held } -ErrorAction Stop }
        }
        Invoke-PlanStep ('rollback:scp:{0}' -f $scp.Id) $scp.Name 'Remove Shared Calling policy (EN8)' -IsDone {
            if ($null -eq (Invoke-Lookup { Get-CsTeamsSharedCallingRoutingPolicy -Identity $scp.Name -ErrorAction Stop })) { return $true }
            return 'exists'
        } -Change {
            Invoke-Change { Remove-CsTeamsSharedCallingRoutingPolicy -Identity $scp.Name -ErrorAction Stop }
        }
    }

    # Reverse of stage 05: emergency call routing policies.
    foreach ($ecrp in (Get-ReversedList $Plan.EmergencyPolicies)) {
        if ($ecrp.Existing) {
            Write-StepLog ('rollback:ecrp:{0}' -f $ecrp.Id) $ecrp.Name 'Remove emergency call routing policy' 'Skipped' 'exists in the tenant before the plan (marked existing): kept'
            continue
        }
        Invoke-PlanStep ('rollback:ecrp:{0}' -f $ecrp.Id) $ecrp.Name 'Remove emergency call routing policy' -IsDone {
            if ($null -eq (Invoke-Lookup { Get-CsTeamsEmergencyCallRoutingPolicy -Identity $ecrp.Name -ErrorAction Stop })) { return $true }
            return 'exists'
        } -Change {
            Invoke-Change { Remove-CsTeamsEmergencyCallRoutingPolicy -Identity $ecrp.Name -ErrorAction Stop }
        }
    }

    # Reverse of stage 04: the resource accounts' grant (VR2), then the policies.
    foreach ($ra in (Get-ReversedList $Plan.ResourceAccounts)) {
        if (-not $ra.VoiceRoutingPolicy) { continue }
        # An existing account keeps its voice routing policy: the plan cannot tell whether it had it before.
        if ($ra.Existing) {
            Write-StepLog ('rollback:ra:{0}:voiceRouting' -f $ra.Id) $ra.Upn 'Remove voice routing policy from resource account (VR2)' 'Skipped' 'exists in the tenant before the plan (marked existing): kept'
            continue
        }
        Invoke-PlanStep ('rollback:ra:{0}:voiceRouting' -f $ra.Id) $ra.Upn 'Remove voice routing policy from resource account (VR2)' -IsDone {
            $onlineUser = Find-OnlineUser $ra.Upn
            if ($null -eq $onlineUser) { return $true }
            $currentName = Get-PolicyName $onlineUser.OnlineVoiceRoutingPolicy
            if ($currentName -ne $ra.VoiceRoutingPolicy) { return $true }
            return ('policy {0}' -f $currentName)
        } -Change {
            Invoke-Change { Grant-CsOnlineVoiceRoutingPolicy -Identity $ra.Upn -PolicyName $null -ErrorAction Stop }
        }
    }
    foreach ($vrp in (Get-ReversedList $Plan.VoiceRoutingPolicies)) {
        if ($vrp.Existing) {
            Write-StepLog ('rollback:vrp:{0}' -f $vrp.Id) $vrp.Name 'Remove voice routing policy' 'Skipped' 'exists in the tenant before the plan (marked existing): kept'
            continue
        }
        Invoke-PlanStep ('rollback:vrp:{0}' -f $vrp.Id) $vrp.Name 'Remove voice routing policy' -IsDone {
            if ($null -eq (Invoke-Lookup { Get-CsOnlineVoiceRoutingPolicy -Identity $vrp.Name -ErrorAction Stop })) { return $true }
            return 'exists'
        } -Change {
            Invoke-Change { Remove-CsOnlineVoiceRoutingPolicy -Identity $vrp.Name -ErrorAction Stop }
        }
    }

    # Reverse of stage 03: association (AA4), then the auto attendant.
    foreach ($aa in (Get-ReversedList $Plan.AutoAttendants)) {
        # An existing auto attendant keeps its association and stays (brownfield plan).
        if ($aa.Existing) {
            Write-StepLog ('rollback:aa:{0}' -f $aa.Id) $aa.Name 'Remove auto attendant' 'Skipped' 'exists in the tenant before the plan (marked existing): kept'
            continue
        }
        if ($aa.ResourceAccountUpn) {
            Invoke-PlanStep ('rollback:aa:{0}:association' -f $aa.Id) $aa.Name 'Remove resource account association (AA4)' -IsDone {
                $instance = Find-ApplicationInstance $aa.ResourceAccountUpn
                $current = Find-AutoAttendant $aa.Name
                if ($null -eq $instance -or $null -eq $current) { return $true }
                $association = Invoke-Lookup { Get-CsOnlineApplicationInstanceAssociation -Identity ([string]$instance.ObjectId) -ErrorAction Stop }
                if ($null -eq $association -or [string]$association.ConfigurationId -ne (Get-ObjectIdentity $current)) { return $true }
                return 'associated'
            } -Change {
                $instance = Find-ApplicationInstance $aa.ResourceAccountUpn
                Invoke-Change { Remove-CsOnlineApplicationInstanceAssociation -Identities @([string]$instance.ObjectId) -ErrorAction Stop }
            }
        }
        Invoke-PlanStep ('rollback:aa:{0}' -f $aa.Id) $aa.Name 'Remove auto attendant' -IsDone {
            if ($null -eq (Find-AutoAttendant $aa.Name)) { return $true }
            return 'exists'
        } -Change {
            $current = Find-AutoAttendant $aa.Name
            Invoke-Change { Remove-CsAutoAttendant -Identity (Get-ObjectIdentity $current) -ErrorAction Stop }
        }
    }

    # Reverse of stage 02: numbers, then (only with -RemoveResourceAccounts) the accounts themselves.
    $graphReady = $false
    # Deleting accounts needs User.ReadWrite.All; a dry run only reads.
    if ($RemoveResourceAccounts -and $DryRun) { $graphReady = Connect-GraphIfNeeded @('User.Read.All') }
    elseif ($RemoveResourceAccounts) { $graphReady = Connect-GraphIfNeeded @('User.ReadWrite.All') }
    foreach ($ra in (Get-ReversedList $Plan.ResourceAccounts)) {
        if ($ra.Existing) {
            # An existing account is never deleted and never loses its number (brownfield plan).
            Write-StepLog ('rollback:ra:{0}' -f $ra.Id) $ra.Upn 'Remove resource account and unassign its number' 'Skipped' 'exists in the tenant before the plan (marked existing): kept'
            continue
        }
        if ($ra.PhoneNumber -and $ra.NumberExisting) {
            Write-StepLog ('rollback:ra:{0}:number' -f $ra.Id) $ra.PhoneNumber 'Unassign number (RA7)' 'Skipped' 'the number was assigned before the plan (marked existing): kept'
        } elseif ($ra.PhoneNumber) {
            Invoke-PlanStep ('rollback:ra:{0}:number' -f $ra.Id) $ra.Upn 'Unassign number (RA7)' -IsDone {
                $instance = Find-ApplicationInstance $ra.Upn
                $assignment = Find-NumberAssignment $ra.PhoneNumber
                if ($null -eq $instance -or $null -eq $assignment) { return $true }
                if ([string]$assignment.AssignedPstnTargetId -ne [string]$instance.ObjectId) { return $true }
                return 'assigned'
            } -Change {
                Invoke-Change { Remove-CsPhoneNumberAssignment -Identity $ra.Upn -PhoneNumber $ra.PhoneNumber -PhoneNumberType $ra.NumberType -ErrorAction Stop }
            }
        }
        if (-not $RemoveResourceAccounts) {
            Write-StepLog ('rollback:ra:{0}' -f $ra.Id) $ra.Upn 'Remove resource account' 'Skipped' 'kept (use -RemoveResourceAccounts to delete it)'
        } elseif (-not $graphReady) {
            Write-StepLog ('rollback:ra:{0}' -f $ra.Id) $ra.Upn 'Remove resource account (RA3)' 'Manual' 'Microsoft Graph not available: delete the account in the Microsoft 365 admin center.'
        } else {
            Invoke-PlanStep ('rollback:ra:{0}' -f $ra.Id) $ra.Upn 'Remove resource account (RA3)' -IsDone {
                if ($null -eq (Find-ApplicationInstance $ra.Upn)) { return $true }
                return 'exists'
            } -Change {
                Invoke-Change { Remove-MgUser -UserId $ra.Upn -ErrorAction Stop }
            }
        }
    }
    $stageBodyEnded = $true
} catch {
    $stageBodyEnded = $true
    Write-StepLog 'stage' $script:StageName 'Run stage' 'Failed' $_.Exception.Message
} finally {
    # Ctrl+C skips the rest of the try and every catch: only this block runs.
    Close-StageFile -Interrupted:(-not $stageBodyEnded)
}
Complete-Stage
