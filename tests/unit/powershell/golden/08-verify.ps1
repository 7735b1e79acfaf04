<#
.SYNOPSIS
    Shared Calling runbook, stage 08: read the tenant back and write the verification report.

.DESCRIPTION
    Reads every planned object back from the tenant and writes SharedCalling-Verification.csv to the
    output folder, for import into the Shared Calling Planner. Changes nothing. Under -DryRun (a
    preview before the real run, when most objects do not exist yet) differences are logged as
    DryRun, not Failed, the report goes to SharedCalling-Verification.dryrun.csv so the last real
    report is kept, and the stage exits 0.

    Report format (CSV, comma-separated, UTF-8 with BOM, every field in double quotes, "" for a
    quote inside a field, header row first; a field that starts with = + - @ ' tab or CR gets one
    leading ' so that Excel shows it as text): Kind,Subject,Property,Expected,Actual,Status,Name.
    Kind is one of resourceAccount, autoAttendant, voiceRoutingPolicy, emergencyPolicy,
    sharedCallingPolicy, user. Subject is the planner's id of the object; for users it is the
    lower-case UPN. Property is the checked property; the row with Property Exists comes first for
    every object. Status is Done (as planned), Failed (differs from the plan) or Missing (the object
    does not exist; then no other rows follow for it). Name is for people reading the file and
    ignored on import.

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

.EXAMPLE
    .\08-verify.ps1 -DryRun

.EXAMPLE
    .\08-verify.ps1

.EXAMPLE
    .\08-verify.ps1 -Resume

.NOTES
    Writes to the output folder: 08-verify.log.csv (every action: Time,Stage,Step,Target,Action,
    Status,Detail; Status is Done, Skipped, DryRun, Manual, Resumed or Failed), 08-verify.retry.csv
    (failed items of the last run; a -DryRun writes 08-verify.dryrun.retry.csv instead) and
    08-verify.checkpoint.txt (the plan SHA-256, then the finished steps, for -Resume; -DryRun leaves it alone).
    Exit code: 0 when nothing failed, 1 otherwise.
#>
#Requires -Version 5.1
#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '5.5.0' }

# Plan:          'Contoso Shared Calling (sample)'
# Plan id:       'sample'
# Plan SHA-256:  d29394b6d5cb9dd4c2339b974ad784ebadac71f4f47e940e4a4418087255ba8c  (canonical JSON of the plan, verification results excluded)
# Generator:     shared-calling-planner/powershell 1.0.0
# Rules (shared-calling.md): RA1, RA5, RA8, RA11, AA2, AA4, AA7, VR1, E1, E2, EN9, V1, V3

[CmdletBinding(SupportsShouldProcess)]
param(
    [switch]$DryRun,
    [switch]$Resume,
    [string]$OutputFolder = $PSScriptRoot,
    [ValidateRange(0, 10)]
    [int]$MaxRetries = 5,
    [switch]$SkipLicensing,
    [switch]$Transcript,
    [string]$ExpectedPlanSha256 = ''
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

$script:StageName = '08-verify'
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
    # From 100 planned users on: every user's current state from one listing, by lower-case UPN, or
    # $null below that size or when the listing fails (the users are then read one by one).
    function Get-BulkOnlineUser {
        param([int]$PlannedCount)
        if ($PlannedCount -lt 100) { return $null }
        try {
            $bulkListing = @{}
            foreach ($bulkUser in @(Invoke-TenantCall { Get-CsOnlineUser -AccountType User -ResultSize Unlimited -ErrorAction Stop })) {
                if ($bulkUser -and $bulkUser.UserPrincipalName) { $bulkListing[([string]$bulkUser.UserPrincipalName).ToLowerInvariant()] = $bulkUser }
            }
            return $bulkListing
        } catch {
            Write-Warning ('Reading all users at once failed ({0}); reading them one by one.' -f $_.Exception.Message)
            return $null
        }
    }

    function Get-PlannedOnlineUser {
        param([string]$PlannedUpn)
        if ($null -ne $script:BulkOnlineUsers) {
            $listed = $script:BulkOnlineUsers[$PlannedUpn.ToLowerInvariant()]
            if ($null -ne $listed) { return $listed }
        }
        return (Find-OnlineUser $PlannedUpn)
    }

    Connect-TeamsIfNeeded
    $reportPath = Join-Path $OutputFolder 'SharedCalling-Verification.csv'
    if ($DryRun) { $reportPath = Join-Path $OutputFolder 'SharedCalling-Verification.dryrun.csv' }
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
    $stageBodyEnded = $true
} catch {
    $stageBodyEnded = $true
    Write-StepLog 'stage' $script:StageName 'Run stage' 'Failed' $_.Exception.Message
} finally {
    # Ctrl+C skips the rest of the try and every catch: only this block runs.
    Close-StageFile -Interrupted:(-not $stageBodyEnded)
}
Complete-Stage
