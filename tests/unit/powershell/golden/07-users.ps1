<#
.SYNOPSIS
    Shared Calling runbook, stage 07: enable and assign the users.

.DESCRIPTION
    For each planned user: enables Enterprise Voice with Set-CsPhoneNumberAssignment -Identity <upn>
    -EnterpriseVoiceEnabled $true (V1); assigns a planned extension as Set-CsPhoneNumberAssignment
    -Identity <upn> -PhoneNumber '<resource account number>;ext=<extension>' -PhoneNumberType
    DirectRouting (V3); and grants the Shared Calling policy with
    Grant-CsTeamsSharedCallingRoutingPolicy -Identity <upn> -PolicyName <name>, one user at a time,
    because batch assignment does not support that policy type (shared-calling.md §3.14).

    Emergency call routing policies (E1) and voice routing policies (VR1) are assigned with
    New-CsBatchPolicyAssignmentOperation -PolicyType TeamsEmergencyCallRoutingPolicy /
    OnlineVoiceRoutingPolicy, at most 5,000 users per batch, one batch at a time, each polled with
    Get-CsBatchPolicyAssignmentOperation -OperationId until it completes. Users whose assignment
    already matches are skipped.

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

.PARAMETER ExpectedPlanSha256
    Refuse to run unless the embedded plan has this SHA-256 (the runbook passes its own, so all
    files must come from one export).

.PARAMETER BatchSize
    Users per New-CsBatchPolicyAssignmentOperation call (at most 5,000, shared-calling.md §3.14).

.EXAMPLE
    .\07-users.ps1 -DryRun

.EXAMPLE
    .\07-users.ps1

.EXAMPLE
    .\07-users.ps1 -Resume

.NOTES
    Writes to the output folder: 07-users.log.csv (every action: Time,Stage,Step,Target,Action,
    Status,Detail; Status is Done, Skipped, DryRun, Manual, Resumed or Failed), 07-users.retry.csv
    (failed items of the last run) and 07-users.checkpoint.txt (finished steps, for -Resume).
    Exit code: 0 when nothing failed, 1 otherwise.
#>
#Requires -Version 5.1
#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '5.5.0' }

# Plan:          'Contoso Shared Calling (sample)'
# Plan id:       'sample'
# Plan SHA-256:  4c27ca757e741e8f8644c212478b893c2af1035f75232e41fbbd0fa33de86f73  (canonical JSON of the plan, verification results excluded)
# Generator:     shared-calling-planner/powershell 1.0.0
# Rules (shared-calling.md): U1, V1, V2, V3, V4, E1, VR1

[CmdletBinding(SupportsShouldProcess)]
param(
    [switch]$DryRun,
    [switch]$Resume,
    [string]$OutputFolder = $PSScriptRoot,
    [ValidateRange(0, 10)]
    [int]$MaxRetries = 5,
    [switch]$SkipLicensing,
    [string]$ExpectedPlanSha256 = '',
    [ValidateRange(1, 5000)]
    [int]$BatchSize = 5000
)

# ---- BEGIN PLAN DATA (generated: single-quoted literals only) ----
$Plan = @{
    Id = 'sample'
    Name = 'Contoso Shared Calling (sample)'
    TenantDomain = 'contoso.com'
    Sha256 = '4c27ca757e741e8f8644c212478b893c2af1035f75232e41fbbd0fa33de86f73'
    GeneratorVersion = 'shared-calling-planner/powershell 1.0.0'
    GlobalVoiceRoutingHasUsages = 'yes'
    UsersWithoutVoiceRoutingPolicy = 0
    Users = @(
        @{ Key = 'alex.obrien0@contoso.com'; Upn = 'alex.obrien0@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'bianca.obrien1@contoso.com'; Upn = 'bianca.obrien1@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'chen.obrien2@contoso.com'; Upn = 'chen.obrien2@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'dana.obrien3@contoso.com'; Upn = 'dana.obrien3@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'emeka.obrien4@contoso.com'; Upn = 'emeka.obrien4@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'fatima.obrien5@contoso.com'; Upn = 'fatima.obrien5@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'gustavo.obrien6@contoso.com'; Upn = 'gustavo.obrien6@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'hana.obrien7@contoso.com'; Upn = 'hana.obrien7@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'ivan.obrien8@contoso.com'; Upn = 'ivan.obrien8@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'jose.obrien9@contoso.com'; Upn = 'jose.obrien9@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'kiri.obrien10@contoso.com'; Upn = 'kiri.obrien10@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'liam.obrien11@contoso.com'; Upn = 'liam.obrien11@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'mei.obrien12@contoso.com'; Upn = 'mei.obrien12@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'noor.obrien13@contoso.com'; Upn = 'noor.obrien13@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'olga.obrien14@contoso.com'; Upn = 'olga.obrien14@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'priya.obrien15@contoso.com'; Upn = 'priya.obrien15@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'quinn.obrien16@contoso.com'; Upn = 'quinn.obrien16@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'rafael.obrien17@contoso.com'; Upn = 'rafael.obrien17@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'siobhan.obrien18@contoso.com'; Upn = 'siobhan.obrien18@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'tomas.obrien19@contoso.com'; Upn = 'tomas.obrien19@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'alex.nakamura20@contoso.com'; Upn = 'alex.nakamura20@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'bianca.nakamura21@contoso.com'; Upn = 'bianca.nakamura21@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'chen.nakamura22@contoso.com'; Upn = 'chen.nakamura22@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'dana.nakamura23@contoso.com'; Upn = 'dana.nakamura23@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'emeka.nakamura24@contoso.com'; Upn = 'emeka.nakamura24@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'fatima.nakamura25@contoso.com'; Upn = 'fatima.nakamura25@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'gustavo.nakamura26@contoso.com'; Upn = 'gustavo.nakamura26@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'hana.nakamura27@contoso.com'; Upn = 'hana.nakamura27@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'ivan.nakamura28@contoso.com'; Upn = 'ivan.nakamura28@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'jose.nakamura29@contoso.com'; Upn = 'jose.nakamura29@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'kiri.nakamura30@contoso.com'; Upn = 'kiri.nakamura30@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'liam.nakamura31@contoso.com'; Upn = 'liam.nakamura31@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'mei.nakamura32@contoso.com'; Upn = 'mei.nakamura32@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'noor.nakamura33@contoso.com'; Upn = 'noor.nakamura33@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'olga.nakamura34@contoso.com'; Upn = 'olga.nakamura34@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'priya.nakamura35@contoso.com'; Upn = 'priya.nakamura35@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'quinn.nakamura36@contoso.com'; Upn = 'quinn.nakamura36@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'rafael.nakamura37@contoso.com'; Upn = 'rafael.nakamura37@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'siobhan.nakamura38@contoso.com'; Upn = 'siobhan.nakamura38@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'tomas.nakamura39@contoso.com'; Upn = 'tomas.nakamura39@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'alex.okafor40@contoso.com'; Upn = 'alex.okafor40@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'bianca.okafor41@contoso.com'; Upn = 'bianca.okafor41@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'chen.okafor42@contoso.com'; Upn = 'chen.okafor42@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'dana.okafor43@contoso.com'; Upn = 'dana.okafor43@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'emeka.okafor44@contoso.com'; Upn = 'emeka.okafor44@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'fatima.okafor45@contoso.com'; Upn = 'fatima.okafor45@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'gustavo.okafor46@contoso.com'; Upn = 'gustavo.okafor46@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'hana.okafor47@contoso.com'; Upn = 'hana.okafor47@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'ivan.okafor48@contoso.com'; Upn = 'ivan.okafor48@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'jose.okafor49@contoso.com'; Upn = 'jose.okafor49@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'kiri.okafor50@contoso.com'; Upn = 'kiri.okafor50@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'liam.okafor51@contoso.com'; Upn = 'liam.okafor51@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'mei.okafor52@contoso.com'; Upn = 'mei.okafor52@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'noor.okafor53@contoso.com'; Upn = 'noor.okafor53@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'olga.okafor54@contoso.com'; Upn = 'olga.okafor54@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'priya.okafor55@contoso.com'; Upn = 'priya.okafor55@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'quinn.okafor56@contoso.com'; Upn = 'quinn.okafor56@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'rafael.okafor57@contoso.com'; Upn = 'rafael.okafor57@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'siobhan.okafor58@contoso.com'; Upn = 'siobhan.okafor58@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'tomas.okafor59@contoso.com'; Upn = 'tomas.okafor59@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'alex.schmidt60@contoso.com'; Upn = 'alex.schmidt60@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'bianca.schmidt61@contoso.com'; Upn = 'bianca.schmidt61@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'chen.schmidt62@contoso.com'; Upn = 'chen.schmidt62@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'dana.schmidt63@contoso.com'; Upn = 'dana.schmidt63@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'emeka.schmidt64@contoso.com'; Upn = 'emeka.schmidt64@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'fatima.schmidt65@contoso.com'; Upn = 'fatima.schmidt65@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'gustavo.schmidt66@contoso.com'; Upn = 'gustavo.schmidt66@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'hana.schmidt67@contoso.com'; Upn = 'hana.schmidt67@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'ivan.schmidt68@contoso.com'; Upn = 'ivan.schmidt68@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'jose.schmidt69@contoso.com'; Upn = 'jose.schmidt69@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'kiri.schmidt70@contoso.com'; Upn = 'kiri.schmidt70@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'liam.schmidt71@contoso.com'; Upn = 'liam.schmidt71@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'mei.schmidt72@contoso.com'; Upn = 'mei.schmidt72@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'noor.schmidt73@contoso.com'; Upn = 'noor.schmidt73@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'olga.schmidt74@contoso.com'; Upn = 'olga.schmidt74@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'priya.schmidt75@contoso.com'; Upn = 'priya.schmidt75@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'quinn.schmidt76@contoso.com'; Upn = 'quinn.schmidt76@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'rafael.schmidt77@contoso.com'; Upn = 'rafael.schmidt77@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'siobhan.schmidt78@contoso.com'; Upn = 'siobhan.schmidt78@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'tomas.schmidt79@contoso.com'; Upn = 'tomas.schmidt79@contoso.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'alex.kowalski0@contoso.com'; Upn = 'alex.kowalski0@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'bianca.kowalski1@contoso.com'; Upn = 'bianca.kowalski1@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'chen.kowalski2@contoso.com'; Upn = 'chen.kowalski2@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'dana.kowalski3@contoso.com'; Upn = 'dana.kowalski3@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'emeka.kowalski4@contoso.com'; Upn = 'emeka.kowalski4@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'fatima.kowalski5@contoso.com'; Upn = 'fatima.kowalski5@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'gustavo.kowalski6@contoso.com'; Upn = 'gustavo.kowalski6@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'hana.kowalski7@contoso.com'; Upn = 'hana.kowalski7@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'ivan.kowalski8@contoso.com'; Upn = 'ivan.kowalski8@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'jose.kowalski9@contoso.com'; Upn = 'jose.kowalski9@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'kiri.kowalski10@contoso.com'; Upn = 'kiri.kowalski10@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'liam.kowalski11@contoso.com'; Upn = 'liam.kowalski11@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'mei.kowalski12@contoso.com'; Upn = 'mei.kowalski12@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'noor.kowalski13@contoso.com'; Upn = 'noor.kowalski13@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'olga.kowalski14@contoso.com'; Upn = 'olga.kowalski14@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'priya.kowalski15@contoso.com'; Upn = 'priya.kowalski15@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'quinn.kowalski16@contoso.com'; Upn = 'quinn.kowalski16@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'rafael.kowalski17@contoso.com'; Upn = 'rafael.kowalski17@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'siobhan.kowalski18@contoso.com'; Upn = 'siobhan.kowalski18@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'tomas.kowalski19@contoso.com'; Upn = 'tomas.kowalski19@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'alex.haddad20@contoso.com'; Upn = 'alex.haddad20@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'bianca.haddad21@contoso.com'; Upn = 'bianca.haddad21@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'chen.haddad22@contoso.com'; Upn = 'chen.haddad22@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'dana.haddad23@contoso.com'; Upn = 'dana.haddad23@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'emeka.haddad24@contoso.com'; Upn = 'emeka.haddad24@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'fatima.haddad25@contoso.com'; Upn = 'fatima.haddad25@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'gustavo.haddad26@contoso.com'; Upn = 'gustavo.haddad26@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'hana.haddad27@contoso.com'; Upn = 'hana.haddad27@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'ivan.haddad28@contoso.com'; Upn = 'ivan.haddad28@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'jose.haddad29@contoso.com'; Upn = 'jose.haddad29@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'kiri.haddad30@contoso.com'; Upn = 'kiri.haddad30@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'liam.haddad31@contoso.com'; Upn = 'liam.haddad31@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'mei.haddad32@contoso.com'; Upn = 'mei.haddad32@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'noor.haddad33@contoso.com'; Upn = 'noor.haddad33@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'olga.haddad34@contoso.com'; Upn = 'olga.haddad34@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'priya.haddad35@contoso.com'; Upn = 'priya.haddad35@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'quinn.haddad36@contoso.com'; Upn = 'quinn.haddad36@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'rafael.haddad37@contoso.com'; Upn = 'rafael.haddad37@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'siobhan.haddad38@contoso.com'; Upn = 'siobhan.haddad38@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'tomas.haddad39@contoso.com'; Upn = 'tomas.haddad39@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'alex.nguyen40@contoso.com'; Upn = 'alex.nguyen40@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'bianca.nguyen41@contoso.com'; Upn = 'bianca.nguyen41@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'chen.nguyen42@contoso.com'; Upn = 'chen.nguyen42@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'dana.nguyen43@contoso.com'; Upn = 'dana.nguyen43@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'emeka.nguyen44@contoso.com'; Upn = 'emeka.nguyen44@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'fatima.nguyen45@contoso.com'; Upn = 'fatima.nguyen45@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'gustavo.nguyen46@contoso.com'; Upn = 'gustavo.nguyen46@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'hana.nguyen47@contoso.com'; Upn = 'hana.nguyen47@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'ivan.nguyen48@contoso.com'; Upn = 'ivan.nguyen48@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'jose.nguyen49@contoso.com'; Upn = 'jose.nguyen49@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'kiri.nguyen50@contoso.com'; Upn = 'kiri.nguyen50@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'liam.nguyen51@contoso.com'; Upn = 'liam.nguyen51@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'mei.nguyen52@contoso.com'; Upn = 'mei.nguyen52@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'noor.nguyen53@contoso.com'; Upn = 'noor.nguyen53@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'olga.nguyen54@contoso.com'; Upn = 'olga.nguyen54@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'priya.nguyen55@contoso.com'; Upn = 'priya.nguyen55@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'quinn.nguyen56@contoso.com'; Upn = 'quinn.nguyen56@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'rafael.nguyen57@contoso.com'; Upn = 'rafael.nguyen57@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'siobhan.nguyen58@contoso.com'; Upn = 'siobhan.nguyen58@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'tomas.nguyen59@contoso.com'; Upn = 'tomas.nguyen59@contoso.com'; SharedCallingPolicy = 'SC-London'; EmergencyPolicy = 'ECRP-UK-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''; ExtensionNote = '' }
        @{ Key = 'alex.nakamura0@contoso.com'; Upn = 'alex.nakamura0@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2001'; ExtensionNote = '' }
        @{ Key = 'bianca.nakamura1@contoso.com'; Upn = 'bianca.nakamura1@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2002'; ExtensionNote = '' }
        @{ Key = 'chen.nakamura2@contoso.com'; Upn = 'chen.nakamura2@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2003'; ExtensionNote = '' }
        @{ Key = 'dana.nakamura3@contoso.com'; Upn = 'dana.nakamura3@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2004'; ExtensionNote = '' }
        @{ Key = 'emeka.nakamura4@contoso.com'; Upn = 'emeka.nakamura4@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2005'; ExtensionNote = '' }
        @{ Key = 'fatima.nakamura5@contoso.com'; Upn = 'fatima.nakamura5@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2006'; ExtensionNote = '' }
        @{ Key = 'gustavo.nakamura6@contoso.com'; Upn = 'gustavo.nakamura6@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2007'; ExtensionNote = '' }
        @{ Key = 'hana.nakamura7@contoso.com'; Upn = 'hana.nakamura7@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2008'; ExtensionNote = '' }
        @{ Key = 'ivan.nakamura8@contoso.com'; Upn = 'ivan.nakamura8@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2009'; ExtensionNote = '' }
        @{ Key = 'jose.nakamura9@contoso.com'; Upn = 'jose.nakamura9@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2010'; ExtensionNote = '' }
        @{ Key = 'kiri.nakamura10@contoso.com'; Upn = 'kiri.nakamura10@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2011'; ExtensionNote = '' }
        @{ Key = 'liam.nakamura11@contoso.com'; Upn = 'liam.nakamura11@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2012'; ExtensionNote = '' }
        @{ Key = 'mei.nakamura12@contoso.com'; Upn = 'mei.nakamura12@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2013'; ExtensionNote = '' }
        @{ Key = 'noor.nakamura13@contoso.com'; Upn = 'noor.nakamura13@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2014'; ExtensionNote = '' }
        @{ Key = 'olga.nakamura14@contoso.com'; Upn = 'olga.nakamura14@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2015'; ExtensionNote = '' }
        @{ Key = 'priya.nakamura15@contoso.com'; Upn = 'priya.nakamura15@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2016'; ExtensionNote = '' }
        @{ Key = 'quinn.nakamura16@contoso.com'; Upn = 'quinn.nakamura16@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2017'; ExtensionNote = '' }
        @{ Key = 'rafael.nakamura17@contoso.com'; Upn = 'rafael.nakamura17@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2018'; ExtensionNote = '' }
        @{ Key = 'siobhan.nakamura18@contoso.com'; Upn = 'siobhan.nakamura18@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2019'; ExtensionNote = '' }
        @{ Key = 'tomas.nakamura19@contoso.com'; Upn = 'tomas.nakamura19@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2020'; ExtensionNote = '' }
        @{ Key = 'alex.okafor20@contoso.com'; Upn = 'alex.okafor20@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2021'; ExtensionNote = '' }
        @{ Key = 'bianca.okafor21@contoso.com'; Upn = 'bianca.okafor21@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2022'; ExtensionNote = '' }
        @{ Key = 'chen.okafor22@contoso.com'; Upn = 'chen.okafor22@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2023'; ExtensionNote = '' }
        @{ Key = 'dana.okafor23@contoso.com'; Upn = 'dana.okafor23@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2024'; ExtensionNote = '' }
        @{ Key = 'emeka.okafor24@contoso.com'; Upn = 'emeka.okafor24@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2025'; ExtensionNote = '' }
        @{ Key = 'fatima.okafor25@contoso.com'; Upn = 'fatima.okafor25@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2026'; ExtensionNote = '' }
        @{ Key = 'gustavo.okafor26@contoso.com'; Upn = 'gustavo.okafor26@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2027'; ExtensionNote = '' }
        @{ Key = 'hana.okafor27@contoso.com'; Upn = 'hana.okafor27@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2028'; ExtensionNote = '' }
        @{ Key = 'ivan.okafor28@contoso.com'; Upn = 'ivan.okafor28@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2029'; ExtensionNote = '' }
        @{ Key = 'jose.okafor29@contoso.com'; Upn = 'jose.okafor29@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2030'; ExtensionNote = '' }
        @{ Key = 'kiri.okafor30@contoso.com'; Upn = 'kiri.okafor30@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2031'; ExtensionNote = '' }
        @{ Key = 'liam.okafor31@contoso.com'; Upn = 'liam.okafor31@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2032'; ExtensionNote = '' }
        @{ Key = 'mei.okafor32@contoso.com'; Upn = 'mei.okafor32@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2033'; ExtensionNote = '' }
        @{ Key = 'noor.okafor33@contoso.com'; Upn = 'noor.okafor33@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2034'; ExtensionNote = '' }
        @{ Key = 'olga.okafor34@contoso.com'; Upn = 'olga.okafor34@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2035'; ExtensionNote = '' }
        @{ Key = 'priya.okafor35@contoso.com'; Upn = 'priya.okafor35@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2036'; ExtensionNote = '' }
        @{ Key = 'quinn.okafor36@contoso.com'; Upn = 'quinn.okafor36@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2037'; ExtensionNote = '' }
        @{ Key = 'rafael.okafor37@contoso.com'; Upn = 'rafael.okafor37@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2038'; ExtensionNote = '' }
        @{ Key = 'siobhan.okafor38@contoso.com'; Upn = 'siobhan.okafor38@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2039'; ExtensionNote = '' }
        @{ Key = 'tomas.okafor39@contoso.com'; Upn = 'tomas.okafor39@contoso.com'; SharedCallingPolicy = 'SC-Sydney'; EmergencyPolicy = 'ECRP-AU-DR'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = '+61255500100;ext=2040'; ExtensionNote = '' }
    )
}
# ---- END PLAN DATA ----

$script:StageName = '07-users'
Set-StrictMode -Version 1.0
$ErrorActionPreference = 'Stop'
$script:ScriptCmdlet = $PSCmdlet
$script:AutoAttendantApplicationId = 'ce933385-9390-45d1-9512-c8d228074e07'  # RA5

if ($ExpectedPlanSha256 -and $ExpectedPlanSha256 -ne $Plan.Sha256) {
    Write-Error ('This file was generated from plan {0}, not {1}. Download all files of one export again.' -f $Plan.Sha256, $ExpectedPlanSha256) -ErrorAction Continue
    exit 1
}
if ([string]::IsNullOrEmpty($OutputFolder)) { $OutputFolder = (Get-Location).Path }
if (-not (Test-Path -LiteralPath $OutputFolder)) { $null = New-Item -ItemType Directory -Path $OutputFolder -Force }
# .NET file APIs resolve relative paths against the process directory, not the PowerShell location.
$OutputFolder = (Resolve-Path -LiteralPath $OutputFolder).ProviderPath

$script:LogPath = Join-Path $OutputFolder ($script:StageName + '.log.csv')
$script:RetryPath = Join-Path $OutputFolder ($script:StageName + '.retry.csv')
$script:CheckpointPath = Join-Path $OutputFolder ($script:StageName + '.checkpoint.txt')
$script:Counts = [ordered]@{ Done = 0; Skipped = 0; DryRun = 0; Manual = 0; Resumed = 0; Failed = 0 }
$script:RetryItems = New-Object System.Collections.Generic.List[object]
$script:Finished = New-Object 'System.Collections.Generic.HashSet[string]' ([System.StringComparer]::OrdinalIgnoreCase)
$script:Utf8Bom = New-Object System.Text.UTF8Encoding($true)

if ($Resume -and (Test-Path -LiteralPath $script:CheckpointPath)) {
    foreach ($checkpointLine in [System.IO.File]::ReadAllLines($script:CheckpointPath, $script:Utf8Bom)) {
        if ($checkpointLine) { $null = $script:Finished.Add($checkpointLine) }
    }
} elseif (-not $DryRun -and (Test-Path -LiteralPath $script:CheckpointPath)) {
    Remove-Item -LiteralPath $script:CheckpointPath
}

# Action log: Time,Stage,Step,Target,Action,Status,Detail (UTF-8 with BOM, one row per action).
$script:LogIsNew = -not (Test-Path -LiteralPath $script:LogPath)
$script:LogWriter = New-Object System.IO.StreamWriter($script:LogPath, $true, $script:Utf8Bom)
$script:LogWriter.AutoFlush = $true
if ($script:LogIsNew) { $script:LogWriter.WriteLine('"Time","Stage","Step","Target","Action","Status","Detail"') }
$script:CheckpointWriter = $null
if (-not $DryRun) {
    $script:CheckpointWriter = New-Object System.IO.StreamWriter($script:CheckpointPath, $true, $script:Utf8Bom)
    $script:CheckpointWriter.AutoFlush = $true
}

function ConvertTo-CsvField {
    param([string]$FieldText)
    if ($null -eq $FieldText) { $FieldText = '' }
    return '"' + $FieldText.Replace('"', '""') + '"'
}

function Write-StepLog {
    param([string]$LogStep, [string]$LogTarget, [string]$LogAction, [string]$LogStatus, [string]$LogDetail)
    $script:Counts[$LogStatus] = $script:Counts[$LogStatus] + 1
    $logTime = (Get-Date).ToString('o')
    $fields = @($logTime, $script:StageName, $LogStep, $LogTarget, $LogAction, $LogStatus, $LogDetail)
    $script:LogWriter.WriteLine((($fields | ForEach-Object { ConvertTo-CsvField $_ }) -join ','))
    if ($LogStatus -eq 'Failed') {
        $script:RetryItems.Add([pscustomobject]@{ Step = $LogStep; Target = $LogTarget; Action = $LogAction; Error = $LogDetail })
        Write-Warning ('[Failed] {0} {1}: {2}' -f $LogAction, $LogTarget, $LogDetail)
    } elseif ($LogStatus -eq 'Skipped' -or $LogStatus -eq 'Resumed') {
        Write-Verbose ('[{0}] {1} {2}: {3}' -f $LogStatus, $LogAction, $LogTarget, $LogDetail)
    } else {
        Write-Host ('[{0}] {1} {2}: {3}' -f $LogStatus, $LogAction, $LogTarget, $LogDetail)
    }
}

function Add-Checkpoint {
    param([string]$CheckpointKey)
    if ($null -ne $script:CheckpointWriter) { $script:CheckpointWriter.WriteLine($CheckpointKey) }
}

function Test-Throttled {
    param($ThrottleError)
    $throttleText = ($ThrottleError | Out-String)
    return ($throttleText -match '(?i)\b429\b|throttl|too ?many ?requests|rate ?limit|server ?busy|\b503\b')
}

# Retries a call that was throttled, waiting 5, 10, 20 ... seconds (at most 300).
function Invoke-WithBackoff {
    param([scriptblock]$BackoffScript)
    $backoffAttempt = 0
    while ($true) {
        try {
            return (& $BackoffScript)
        } catch {
            if ($backoffAttempt -ge $MaxRetries -or -not (Test-Throttled $_)) { throw }
            $backoffDelay = [math]::Min(300, 5 * [math]::Pow(2, $backoffAttempt))
            Write-Warning ('Throttled; retry {0} of {1} in {2} s' -f ($backoffAttempt + 1), $MaxRetries, $backoffDelay)
            Start-Sleep -Seconds $backoffDelay
            $backoffAttempt++
        }
    }
}

# A read that returns $null when the object does not exist (or cannot be read); throttling is retried.
function Invoke-Lookup {
    param([scriptblock]$LookupScript)
    try {
        return (Invoke-WithBackoff $LookupScript)
    } catch {
        if (Test-Throttled $_) { throw }
        return $null
    }
}

# The only way stage code calls a cmdlet that changes the tenant: never under -DryRun.
function Invoke-Change {
    param([scriptblock]$ChangeScript)
    if ($DryRun) { throw 'Refusing to change the tenant under -DryRun.' }
    return (Invoke-WithBackoff $ChangeScript)
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
        $stepState = Invoke-WithBackoff $IsDone
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
        $null = Invoke-Change $Change
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
        $checkState = Invoke-WithBackoff $Test
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
        Connect-MicrosoftTeams -ErrorAction Stop | Out-Null
    }
}

# Microsoft Graph is used only for licences (RA2, RA9); without it those steps are only reported.
function Connect-GraphIfNeeded {
    if ($SkipLicensing) { return $false }
    foreach ($graphModule in @('Microsoft.Graph.Users', 'Microsoft.Graph.Users.Actions', 'Microsoft.Graph.Identity.DirectoryManagement')) {
        if (-not (Get-Module -ListAvailable -Name $graphModule)) {
            Write-Warning ('Module {0} is not installed: licence steps are only reported.' -f $graphModule)
            return $false
        }
    }
    try {
        if ($null -eq (Get-MgContext)) {
            Connect-MgGraph -Scopes @('User.ReadWrite.All', 'Organization.Read.All') -NoWelcome -ErrorAction Stop
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

function Find-NumberAssignment {
    param([string]$AssignmentNumber)
    return (Invoke-Lookup { Get-CsPhoneNumberAssignment -TelephoneNumber $AssignmentNumber -ErrorAction Stop | Select-Object -First 1 })
}

function Find-AutoAttendant {
    param([string]$AutoAttendantName)
    return (Invoke-Lookup { Get-CsAutoAttendant -NameFilter $AutoAttendantName -ErrorAction Stop | Where-Object { $_.Name -eq $AutoAttendantName } | Select-Object -First 1 })
}

function Complete-Stage {
    if ($null -ne $script:CheckpointWriter) { $script:CheckpointWriter.Dispose() }
    $script:LogWriter.Dispose()
    if ($script:RetryItems.Count -gt 0) {
        $script:RetryItems | Export-Csv -LiteralPath $script:RetryPath -NoTypeInformation -Encoding UTF8
    } elseif (Test-Path -LiteralPath $script:RetryPath) {
        Remove-Item -LiteralPath $script:RetryPath
    }
    Write-Host ''
    Write-Host ('Summary of {0} (plan {1}):' -f $script:StageName, $Plan.Name)
    foreach ($countName in $script:Counts.Keys) { Write-Host ('  {0,-8} {1}' -f $countName, $script:Counts[$countName]) }
    Write-Host ('  Log:     {0}' -f $script:LogPath)
    if ($script:RetryItems.Count -gt 0) {
        Write-Host ('  Failed items: {0} (rerun with -Resume after fixing them)' -f $script:RetryPath)
        exit 1
    }
    exit 0
}

try {
    Connect-TeamsIfNeeded

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
            $operation = Invoke-WithBackoff { Get-CsBatchPolicyAssignmentOperation -OperationId $WaitOperationId -ErrorAction Stop }
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

    $emergencyBatches = @{}
    $voiceRoutingBatches = @{}

    foreach ($user in $Plan.Users) {
        $userKey = 'user:' + $user.Key
        $userStepKeys = @(($userKey + ':ev'), ($userKey + ':scp'), ($userKey + ':ecrp'), ($userKey + ':vrp'))
        if ($user.ExtensionNumber) { $userStepKeys += ($userKey + ':extension') }
        if (@($userStepKeys | Where-Object { -not $script:Finished.Contains($_) }).Count -eq 0) {
            Write-StepLog $userKey $user.Upn 'User' 'Resumed' 'all steps finished in an earlier run (checkpoint)'
            continue
        }
        $onlineUser = Find-OnlineUser $user.Upn
        if ($null -eq $onlineUser) {
            Write-StepLog $userKey $user.Upn 'Read user' 'Failed' 'user not found with Get-CsOnlineUser'
            continue
        }

        # V1: Enterprise Voice on.
        Invoke-PlanStep ($userKey + ':ev') $user.Upn 'Enable Enterprise Voice (V1)' -IsDone {
            if ($onlineUser.EnterpriseVoiceEnabled -eq $true) { return $true }
            return 'Enterprise Voice off'
        } -Change {
            Set-CsPhoneNumberAssignment -Identity $user.Upn -EnterpriseVoiceEnabled $true -ErrorAction Stop
        }

        # V3: Direct Routing number with the user's extension (only where planned; V2: otherwise no number).
        if ($user.ExtensionNumber) {
            Invoke-PlanStep ($userKey + ':extension') $user.Upn 'Assign extension (V3)' -IsDone {
                $lineUri = [string]$onlineUser.LineUri
                if ($lineUri -match '^(?i)tel:') { $lineUri = $lineUri.Substring(4) }
                if ($lineUri -eq $user.ExtensionNumber) { return $true }
                return ('line URI {0}' -f $lineUri)
            } -Change {
                Set-CsPhoneNumberAssignment -Identity $user.Upn -PhoneNumber $user.ExtensionNumber -PhoneNumberType DirectRouting -ErrorAction Stop
            }
        } elseif ($user.ExtensionNote) {
            Write-StepLog ($userKey + ':extension') $user.Upn 'Assign extension (V3)' 'Manual' $user.ExtensionNote
        }

        # §3.14: batch assignment has no Shared Calling policy type, so it is granted per user.
        if ($user.SharedCallingPolicy) {
            Invoke-PlanStep ($userKey + ':scp') $user.Upn 'Grant Shared Calling policy' -IsDone {
                $currentName = Get-PolicyName $onlineUser.TeamsSharedCallingRoutingPolicy
                if ($currentName -eq $user.SharedCallingPolicy) { return $true }
                return ('policy {0}' -f $currentName)
            } -Change {
                Grant-CsTeamsSharedCallingRoutingPolicy -Identity $user.Upn -PolicyName $user.SharedCallingPolicy -ErrorAction Stop
            }
        }

        # E1 and VR1: collected here, assigned in batches below.
        $batchObjectId = Get-ObjectIdentity $onlineUser
        $assignments = @(
            @{ Key = ($userKey + ':ecrp'); Planned = $user.EmergencyPolicy; Current = (Get-PolicyName $onlineUser.TeamsEmergencyCallRoutingPolicy); Sets = $emergencyBatches; Action = 'Assign TeamsEmergencyCallRoutingPolicy (E1)' },
            @{ Key = ($userKey + ':vrp'); Planned = $user.VoiceRoutingPolicy; Current = (Get-PolicyName $onlineUser.OnlineVoiceRoutingPolicy); Sets = $voiceRoutingBatches; Action = 'Assign OnlineVoiceRoutingPolicy (VR1)' }
        )
        foreach ($assignment in $assignments) {
            if (-not $assignment.Planned) { continue }
            if ($script:Finished.Contains($assignment.Key)) {
                Write-StepLog $assignment.Key $user.Upn $assignment.Action 'Resumed' 'finished in an earlier run (checkpoint)'
            } elseif ($assignment.Current -eq $assignment.Planned) {
                Write-StepLog $assignment.Key $user.Upn $assignment.Action 'Skipped' 'already as planned'
                Add-Checkpoint $assignment.Key
            } else {
                Add-BatchItem $assignment.Sets $assignment.Planned $assignment.Key $user.Upn $batchObjectId $assignment.Current
            }
        }
    }

    Invoke-BatchAssignments -BatchPolicyType 'TeamsEmergencyCallRoutingPolicy' -BatchSets $emergencyBatches
    Invoke-BatchAssignments -BatchPolicyType 'OnlineVoiceRoutingPolicy' -BatchSets $voiceRoutingBatches
} catch {
    Write-StepLog 'stage' $script:StageName 'Run stage' 'Failed' $_.Exception.Message
}
Complete-Stage
