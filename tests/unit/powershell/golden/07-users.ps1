<#
.SYNOPSIS
    Shared Calling runbook, stage 07: enable and assign the users.

.DESCRIPTION
    Runs in the order of shared-calling.md §9: first the emergency call routing policies (E1) and
    voice routing policies (VR1), assigned with New-CsBatchPolicyAssignmentOperation -PolicyType
    TeamsEmergencyCallRoutingPolicy / OnlineVoiceRoutingPolicy, at most 5,000 users per batch, one
    batch at a time, each polled with Get-CsBatchPolicyAssignmentOperation -OperationId until it
    completes; then, per user, Enterprise Voice with Set-CsPhoneNumberAssignment -Identity <upn>
    -EnterpriseVoiceEnabled $true (V1) and a planned extension as Set-CsPhoneNumberAssignment
    -Identity <upn> -PhoneNumber '<resource account number>;ext=<extension>' -PhoneNumberType
    DirectRouting (V3); and last the Shared Calling policy with
    Grant-CsTeamsSharedCallingRoutingPolicy -Identity <upn> -PolicyName <name>, one user at a time,
    because batch assignment does not support that policy type (shared-calling.md §3.14).

    A Shared Calling policy the plan assigns by group (§3.14, §10.1) is not granted per user: its
    users are added as direct members of the policy's Entra security group with Microsoft Graph, up
    to 20 members per request (PATCH /groups/{id} members@odata.bind through Update-MgGroup, one
    write each, within the documented write quotas of §10.4; a 429 is retried after the server's
    wait), the group is created first unless the plan marks it as existing, and the policy is
    assigned once with Grant-CsTeamsSharedCallingRoutingPolicy -Group <objectId> -PolicyName <name>
    -Rank <rank>. A direct assignment beats the group (G1), so one found on such a user is removed.
    The stage then reads the effective assignment of a few members (EffectivePolicyAssignments) and
    reports Done, or Manual while it propagates (24 h or more for large groups).

    Users with an extension also get it in Entra BusinessPhone as +<number>;ext=<extension> with
    Microsoft Graph (Update-MgUser -BusinessPhones, scope User.ReadWrite.All), because the auto
    attendant reads dial-by-extension from there, not from the Teams number (AA7); a business phone
    the plan did not write is never overwritten, and without Graph the step is reported as Manual.

    The Shared Calling policy is granted only to users whose earlier steps succeeded. A user without
    Teams Phone (no PhoneSystem feature and no enabled MCOEV plan, U1) is reported as Failed and
    left unchanged. Users whose assignment already matches are skipped.

    On PowerShell 7 the per-user changes run in parallel runspaces (ForEach-Object -Parallel,
    -ThrottleLimit, default 4): this session decides what each user needs, the runspaces make the
    calls with the same retries, and this session writes the log, checkpoint and retry list in plan
    order. Windows PowerShell 5.1, -ThrottleLimit 1, -DryRun, -WhatIf and -Confirm run one user
    after another. When the runspaces have no session, the stage says so once and runs those users
    here.

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

.PARAMETER ThrottleLimit
    PowerShell 7 and later: how many users stage 07 changes at the same time (ForEach-Object
    -Parallel). 1 runs them one after another, as Windows PowerShell 5.1, -DryRun, -WhatIf and
    -Confirm always do. The Teams service publishes no limits for its cmdlets (shared-calling.md
    §10.4); throttled calls are retried after the server’s wait.

.EXAMPLE
    .\07-users.ps1 -DryRun

.EXAMPLE
    .\07-users.ps1

.EXAMPLE
    .\07-users.ps1 -Resume

.NOTES
    Writes to the output folder: 07-users.log.csv (every action: Time,Stage,Step,Target,Action,
    Status,Detail; Status is Done, Skipped, DryRun, Manual, Resumed or Failed), 07-users.retry.csv
    (failed items of the last run; a -DryRun writes 07-users.dryrun.retry.csv instead) and
    07-users.checkpoint.txt (the plan SHA-256, then the finished steps, for -Resume; -DryRun leaves it alone).
    Exit code: 0 when nothing failed, 1 otherwise.
#>
#Requires -Version 5.1
#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '5.5.0' }

# Plan:          'Contoso Shared Calling (sample)'
# Plan id:       'sample'
# Plan SHA-256:  d29394b6d5cb9dd4c2339b974ad784ebadac71f4f47e940e4a4418087255ba8c  (canonical JSON of the plan, verification results excluded)
# Generator:     shared-calling-planner/powershell 1.0.0
# Rules (shared-calling.md): U1, V1, V2, V3, V4, AA7, E1, VR1

[CmdletBinding(SupportsShouldProcess)]
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
    [ValidateRange(1, 32)]
    [int]$ThrottleLimit = 4
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
    Connect-TeamsIfNeeded

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

    # U1, V1: Enterprise Voice and Shared Calling need Teams Phone. The user has it when
    # Get-CsOnlineUser lists the PhoneSystem feature (FeatureTypes) or an enabled AssignedPlan capability
    # whose name starts with MCOEV (U4, [DIALPAD]: "any capability whose name starts with MCOEV counts").
    function Test-TeamsPhone {
        param($PhoneUser)
        if (@($PhoneUser.FeatureTypes) -contains 'PhoneSystem') { return $true }
        foreach ($assignedPlan in @($PhoneUser.AssignedPlan)) {
            if ($null -eq $assignedPlan) { continue }
            if ([string]$assignedPlan.Capability -like 'MCOEV*' -and [string]$assignedPlan.CapabilityStatus -eq 'Enabled') { return $true }
        }
        return $false
    }

    # §3.14, §10.1: Shared Calling policies assigned through an Entra group, by policy name.
    $groupPolicies = @{}
    foreach ($groupPolicy in @($Plan.SharedCallingPolicies)) { if ($null -ne $groupPolicy.Group) { $groupPolicies[$groupPolicy.Name] = $groupPolicy } }
    $groupMembers = @{}

    $emergencyBatches = @{}
    $voiceRoutingBatches = @{}
    $readyUsers = New-Object System.Collections.Generic.List[object]
    $userCount = @($Plan.Users).Count
    $userIndex = 0

    # Issue 12 item 7: one bulk listing from 100 users on (Get-BulkOnlineUser, Get-PlannedOnlineUser).
    $script:BulkOnlineUsers = Get-BulkOnlineUser @($Plan.Users).Count

    # Pass 1: read every user, check Teams Phone (U1), collect the E1 and VR1 assignments for the batches.
    foreach ($user in $Plan.Users) {
        Write-LoopProgress 'Stage 07: reading users' $userIndex $userCount
        $userIndex++
        $userKey = 'user:' + $user.Key
        $userStepKeys = @(($userKey + ':ev'), ($userKey + ':scp'), ($userKey + ':ecrp'), ($userKey + ':vrp'))
        if ($user.ExtensionNumber) { $userStepKeys += ($userKey + ':extension') }
        if (@($userStepKeys | Where-Object { -not $script:Finished.Contains($_) }).Count -eq 0) {
            Write-StepLog $userKey $user.Upn 'User' 'Resumed' 'all steps finished in an earlier run (checkpoint)'
            continue
        }
        try {
            $onlineUser = Get-PlannedOnlineUser $user.Upn
        } catch {
            Write-StepLog $userKey $user.Upn 'Read user' 'Failed' $_.Exception.Message
            continue
        }
        if ($null -eq $onlineUser) {
            Write-StepLog $userKey $user.Upn 'Read user' 'Failed' 'user not found with Get-CsOnlineUser'
            continue
        }
        if (-not (Test-TeamsPhone $onlineUser)) {
            Write-StepLog ($userKey + ':licence') $user.Upn 'Check Teams Phone licence (U1)' 'Failed' 'U1: no Teams Phone (no PhoneSystem feature, no enabled MCOEV plan); assign a Teams Phone licence, then run again. Nothing was changed for this user.'
            continue
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
        $readyUsers.Add(@{ User = $user; Key = $userKey; Online = $onlineUser })
    }
    Complete-LoopProgress 'Stage 07: reading users'

    # §9 steps 9-10: the emergency call routing and voice routing policies come first, each batch
    # waited for, so no user holds the Shared Calling policy without them.
    Invoke-BatchAssignment -BatchPolicyType 'TeamsEmergencyCallRoutingPolicy' -BatchSets $emergencyBatches
    Invoke-BatchAssignment -BatchPolicyType 'OnlineVoiceRoutingPolicy' -BatchSets $voiceRoutingBatches

    # AA7: the auto attendant's dial by extension reads the extension from Entra BusinessPhone (or
    # Mobile), never from the Teams number (LineURI), so users with an extension get it there too, in
    # the documented form +<number>;ext=<extension>. Microsoft Graph with User.ReadWrite.All; without it
    # (or with -SkipLicensing) the step is reported as Manual.
    $directoryPhones = $false
    if (@($readyUsers | Where-Object { $_.User.ExtensionNumber }).Count -gt 0) {
        if ($DryRun) { $directoryPhones = Connect-GraphIfNeeded @('User.Read.All') }
        else { $directoryPhones = Connect-GraphIfNeeded @('User.ReadWrite.All') }
    }

    # Pass 2 (§9 steps 11-13): Enterprise Voice (V1), the extension (V3), then the Shared Calling policy,
    # which is granted only when every earlier step of the user succeeded. On PowerShell 7 the changes
    # run in parallel runspaces (Invoke-ReadyUsersInParallel); otherwise, user by user, here.
    $userIndex = 0
    $sharedCallingPolicyFound = @{}

    # The per-user changes of pass 2 run in parallel only on PowerShell 7 or later, with more than one
    # runspace, for a real run without -WhatIf or -Confirm (those ask or report per step, in order).
    function Test-ParallelPass {
        if ($ThrottleLimit -le 1 -or $DryRun -or $WhatIfPreference) { return $false }
        if ($ConfirmPreference -ne 'High' -and $ConfirmPreference -ne 'None') { return $false }
        return ($PSVersionTable.PSVersion.Major -ge 7)
    }

    # A worker whose session is not the main runspace's (not connected) fails its first call without a
    # service answer: the MicrosoftTeams "You must call the Connect-MicrosoftTeams cmdlet" error or
    # Microsoft Graph's "Authentication needed".
    function Test-SessionMissing {
        param($SessionError)
        if ((Get-ErrorStatus $SessionError) -ne 0) { return $false }
        $sessionException = $SessionError
        if ($SessionError -is [System.Management.Automation.ErrorRecord]) { $sessionException = $SessionError.Exception }
        for ($sessionDepth = 0; $null -ne $sessionException -and $sessionDepth -lt 8; $sessionDepth++) {
            if ($sessionException -is [System.UnauthorizedAccessException] -or $sessionException -is [System.Security.Authentication.AuthenticationException]) { return $true }
            $sessionText = [string]$sessionException.Message
            if ($sessionText.StartsWith('You must call the Connect-MicrosoftTeams cmdlet') -or $sessionText.StartsWith('Authentication needed. Please call Connect-MgGraph')) { return $true }
            $sessionException = $sessionException.InnerException
        }
        return $false
    }

    # What one ready user needs, decided in the main runspace from the state in memory (no call): a
    # hashtable of plain values that a worker can take. States: Resumed (checkpoint), Skipped (already
    # as planned), Change; the business phone (AA7) is Check (read in Entra, then written) or Manual.
    function New-UserWorkItem {
        param($WorkReady, [int]$WorkIndex)
        $workUser = $WorkReady.User
        $workKey = $WorkReady.Key
        $workOnline = $WorkReady.Online
        $workFailed = New-Object System.Collections.Generic.List[string]
        if ($script:FailedSteps.Contains($workKey + ':ecrp')) { $workFailed.Add('emergency call routing policy (E1)') }
        if ($script:FailedSteps.Contains($workKey + ':vrp')) { $workFailed.Add('voice routing policy (VR1)') }
        $work = @{
            Index = $WorkIndex; Upn = [string]$workUser.Upn; Key = $workKey; FailedFirst = $workFailed.ToArray()
            EvState = 'Change'; EvWas = 'Enterprise Voice off'
            Extension = ''; ExtState = ''; ExtWas = ''; ExtensionNote = ''; PhoneState = ''
            Policy = ''; PolicyMissing = $false; PolicyByGroup = $false; DirectName = ''; DirectState = ''; ScpState = ''; ScpWas = ''
        }
        if ($script:Finished.Contains($workKey + ':ev')) { $work.EvState = 'Resumed' }
        elseif ($workOnline.EnterpriseVoiceEnabled -eq $true) { $work.EvState = 'Skipped' }
        if ($workUser.ExtensionNumber) {
            $work.Extension = [string]$workUser.ExtensionNumber
            $workLineUri = [string]$workOnline.LineUri
            if ($workLineUri -match '^(?i)tel:') { $workLineUri = $workLineUri.Substring(4) }
            $work.ExtWas = ('line URI {0}' -f $workLineUri)
            if ($script:Finished.Contains($workKey + ':extension')) { $work.ExtState = 'Resumed' }
            elseif ($workLineUri -eq $workUser.ExtensionNumber) { $work.ExtState = 'Skipped' }
            else { $work.ExtState = 'Change' }
            if (-not $directoryPhones) { $work.PhoneState = 'Manual' }
            elseif ($script:Finished.Contains($workKey + ':businessphone')) { $work.PhoneState = 'Resumed' }
            else { $work.PhoneState = 'Check' }
        } elseif ($workUser.ExtensionNote) {
            $work.ExtensionNote = [string]$workUser.ExtensionNote
        }
        if ($workUser.SharedCallingPolicy) {
            $work.Policy = [string]$workUser.SharedCallingPolicy
            if (-not $sharedCallingPolicyFound.ContainsKey($work.Policy)) {
                $sharedCallingPolicyFound[$work.Policy] = $null -ne (Invoke-Lookup { Get-CsTeamsSharedCallingRoutingPolicy -Identity $work.Policy -ErrorAction Stop })
            }
            $work.PolicyMissing = -not $sharedCallingPolicyFound[$work.Policy]
            $currentPolicy = Get-PolicyName $workOnline.TeamsSharedCallingRoutingPolicy
            if ($groupPolicies.ContainsKey($work.Policy)) {
                $work.PolicyByGroup = $true
                $work.DirectName = $currentPolicy
                if ($script:Finished.Contains($workKey + ':scpDirect')) { $work.DirectState = 'Resumed' } else { $work.DirectState = 'Change' }
            } else {
                $work.ScpWas = ('policy {0}' -f $currentPolicy)
                if ($script:Finished.Contains($workKey + ':scp')) { $work.ScpState = 'Resumed' }
                elseif ($currentPolicy -eq $work.Policy) { $work.ScpState = 'Skipped' }
                else { $work.ScpState = 'Change' }
            }
        }
        return $work
    }

    # True when the user needs at least one tenant call (only such users go to a worker).
    function Test-UserWorkCall {
        param($CallWork)
        if ($CallWork.EvState -eq 'Change' -or $CallWork.ExtState -eq 'Change' -or $CallWork.PhoneState -eq 'Check' -or $CallWork.ScpState -eq 'Change') { return $true }
        return ($CallWork.PolicyByGroup -and $CallWork.DirectName -and $CallWork.DirectState -eq 'Change')
    }

    # The per-user steps of pass 2 for one user, in the order of shared-calling.md §9 (Enterprise Voice,
    # extension, business phone, then the Shared Calling policy only when every earlier step succeeded),
    # as Invoke-PlanStep does them for a real run. Runs in a worker (-Worker) or in the main runspace;
    # writes nothing: it returns @{ Index; NotConnected; Records; GroupReady }, each record
    # @{ Key; Action; Status; Detail; Checkpoint }. In a worker, a first call that finds no session
    # returns NotConnected and no record, before anything was changed.
    function Invoke-UserWorkItem {
        param($Work, [switch]$Worker)
        $workRecords = New-Object System.Collections.Generic.List[object]
        $workResult = @{ Index = $Work.Index; NotConnected = $false; Records = $workRecords; GroupReady = $false }
        $workCalls = @{ First = $true; NotConnected = $false }
        $workFailed = New-Object System.Collections.Generic.List[string]
        foreach ($failedName in $Work.FailedFirst) { if ($failedName) { $workFailed.Add([string]$failedName) } }

        function Add-WorkRecord {
            param([string]$RecordKey, [string]$RecordAction, [string]$RecordStatus, [string]$RecordDetail, [bool]$RecordCheckpoint)
            $workRecords.Add(@{ Key = $RecordKey; Action = $RecordAction; Status = $RecordStatus; Detail = $RecordDetail; Checkpoint = $RecordCheckpoint })
        }
        function Set-WorkCallFailed {
            param($CallError)
            if ($Worker -and $workCalls.First -and (Test-SessionMissing $CallError)) {
                $workCalls.NotConnected = $true
                throw $CallError
            }
            $workCalls.First = $false
        }
        # One read-compare-change step whose comparison the main runspace made.
        function Invoke-WorkStep {
            param([string]$StepKey, [string]$StepAction, [string]$StepState, [string]$StepWas, [scriptblock]$StepChange)
            if ($StepState -eq 'Resumed') { Add-WorkRecord $StepKey $StepAction 'Resumed' 'finished in an earlier run (checkpoint)' $false; return 'Resumed' }
            if ($StepState -eq 'Skipped') { Add-WorkRecord $StepKey $StepAction 'Skipped' 'already as planned' $true; return 'Skipped' }
            try {
                $null = & $StepChange
                $workCalls.First = $false
            } catch {
                Set-WorkCallFailed $_
                Add-WorkRecord $StepKey $StepAction 'Failed' $_.Exception.Message $false
                return 'Failed'
            }
            Add-WorkRecord $StepKey $StepAction 'Done' ('was: {0}' -f $StepWas) $true
            return 'Done'
        }

        try {
            # V1: Enterprise Voice on.
            $evStatus = Invoke-WorkStep ($Work.Key + ':ev') 'Enable Enterprise Voice (V1)' $Work.EvState $Work.EvWas {
                Invoke-Change { Set-CsPhoneNumberAssignment -Identity $Work.Upn -EnterpriseVoiceEnabled $true -ErrorAction Stop }
            }
            if ($evStatus -eq 'Failed') { $workFailed.Add('Enterprise Voice (V1)') }
            if ($Work.Extension) {
                # V3: the Direct Routing number with the user's extension.
                if ($workFailed -contains 'Enterprise Voice (V1)') {
                    Add-WorkRecord ($Work.Key + ':extension') 'Assign extension (V3)' 'Failed' 'not attempted: Enterprise Voice (V1) failed' $false
                    $workFailed.Add('extension (V3)')
                } else {
                    $extensionStatus = Invoke-WorkStep ($Work.Key + ':extension') 'Assign extension (V3)' $Work.ExtState $Work.ExtWas {
                        Invoke-Change { Set-CsPhoneNumberAssignment -Identity $Work.Upn -PhoneNumber $Work.Extension -PhoneNumberType DirectRouting -ErrorAction Stop }
                    }
                    if ($extensionStatus -eq 'Failed') { $workFailed.Add('extension (V3)') }
                }
                # AA7: the extension in Entra BusinessPhone; a value the plan did not write is kept.
                $phoneKey = $Work.Key + ':businessphone'
                $phoneAction = 'Write extension to Entra BusinessPhone (AA7)'
                if ($Work.PhoneState -eq 'Manual') {
                    Add-WorkRecord $phoneKey $phoneAction 'Manual' ('AA7: Microsoft Graph not used: enter {0} as the business phone of this user in Entra, or dial by extension will not find them' -f $Work.Extension) $false
                } elseif ($Work.PhoneState -eq 'Resumed') {
                    Add-WorkRecord $phoneKey $phoneAction 'Resumed' 'finished in an earlier run (checkpoint)' $false
                } else {
                    try {
                        $graphUser = Invoke-Lookup { Get-MgUser -UserId $Work.Upn -Property 'Id,BusinessPhones' -ErrorAction Stop }
                        $workCalls.First = $false
                        if ($null -eq $graphUser) { throw 'AA7: user not found in Microsoft Graph' }
                        $phones = @($graphUser.BusinessPhones | Where-Object { $_ })
                        if ($phones -contains $Work.Extension) {
                            Add-WorkRecord $phoneKey $phoneAction 'Skipped' 'already as planned' $true
                        } elseif ($phones.Count -gt 0) {
                            throw ('AA7: the business phone is {0}, which the plan did not write; it was not overwritten. Replace it with {1} by hand (or put the extension in Mobile).' -f ($phones -join ', '), $Work.Extension)
                        } else {
                            $null = Invoke-Change { Update-MgUser -UserId $Work.Upn -BusinessPhones @($Work.Extension) -ErrorAction Stop }
                            Add-WorkRecord $phoneKey $phoneAction 'Done' 'was: no business phone' $true
                        }
                    } catch {
                        Set-WorkCallFailed $_
                        Add-WorkRecord $phoneKey $phoneAction 'Failed' $_.Exception.Message $false
                    }
                }
            } elseif ($Work.ExtensionNote) {
                Add-WorkRecord ($Work.Key + ':extension') 'Assign extension (V3)' 'Manual' $Work.ExtensionNote $false
            }
            # §3.14: the Shared Calling policy last, only when every earlier step succeeded.
            if ($Work.Policy) {
                if ($Work.PolicyMissing) { $workFailed.Add(('Shared Calling policy {0} not found (stage 06 creates it)' -f $Work.Policy)) }
                if ($workFailed.Count -gt 0) {
                    Add-WorkRecord ($Work.Key + ':scp') 'Grant Shared Calling policy' 'Failed' ('not attempted: {0} failed first (shared-calling.md §9 order)' -f ($workFailed -join ', ')) $false
                } elseif ($Work.PolicyByGroup) {
                    # G1: a direct assignment counts as rank 0 and beats the group, so it is removed.
                    if ($Work.DirectName) {
                        $null = Invoke-WorkStep ($Work.Key + ':scpDirect') 'Remove direct Shared Calling assignment (G1: the group assigns the policy)' $Work.DirectState ('direct assignment {0}' -f $Work.DirectName) {
                            Invoke-Change { Grant-CsTeamsSharedCallingRoutingPolicy -Identity $Work.Upn -PolicyName $null -ErrorAction Stop }
                        }
                    }
                    $workResult.GroupReady = $true
                } else {
                    $null = Invoke-WorkStep ($Work.Key + ':scp') 'Grant Shared Calling policy' $Work.ScpState $Work.ScpWas {
                        Invoke-Change { Grant-CsTeamsSharedCallingRoutingPolicy -Identity $Work.Upn -PolicyName $Work.Policy -ErrorAction Stop }
                    }
                }
            }
        } catch {
            if (-not $workCalls.NotConnected) { throw }
            return @{ Index = $Work.Index; NotConnected = $true; Records = @(); GroupReady = $false }
        }
        return $workResult
    }

    # The functions a worker needs, as the text of their definitions in this file (fixed code, no plan
    # data): the retry loop and error readers of every stage, and the per-user steps above.
    function Get-UserWorkerCode {
        $workerCode = New-Object System.Text.StringBuilder
        foreach ($workerFunction in @('Get-ErrorResponse', 'Get-ErrorStatus', 'Test-Throttled', 'Test-NotFound', 'Get-RetryDelay', 'Invoke-TenantCall', 'Invoke-Lookup', 'Invoke-Change', 'Test-SessionMissing', 'Invoke-UserWorkItem')) {
            $definition = (Get-Command -Name $workerFunction -CommandType Function).Definition
            $null = $workerCode.AppendLine('function ' + $workerFunction + ' {').AppendLine($definition).AppendLine('}')
        }
        return $workerCode.ToString()
    }

    # Runs chunks of work items (each an array) in ForEach-Object -Parallel runspaces and passes their
    # results on, one per user. Each worker imports MicrosoftTeams; the module keeps its session in the
    # process (inferred, see docs/powershell.md), so the main runspace's Connect-MicrosoftTeams serves
    # the workers. A worker that cannot start reports NotConnected for its users, before any call.
    function Invoke-UserWorkParallel {
        param([object[]]$ParallelItems, [string]$WorkerCode)
        # The workers load the MicrosoftTeams version this session runs (#Requires picked it).
        $teamsVersion = ''
        $loadedTeams = @(Get-Module -Name MicrosoftTeams | Sort-Object Version -Descending)
        if ($loadedTeams.Count -gt 0) { $teamsVersion = [string]$loadedTeams[0].Version }
        if ($PSVersionTable.PSVersion.Major -ge 7) {
            $ParallelItems | ForEach-Object -ThrottleLimit $ThrottleLimit -Parallel {
                # One pipeline item is a chunk of users (one runspace start, one module import and one
                # copy of the code per chunk, not per user).
                $workChunk = @($_)
                try {
                    Set-StrictMode -Version 1.0
                    $ErrorActionPreference = 'Stop'
                    $MaxRetries = $using:MaxRetries
                    $DryRun = $false
                    if ($using:teamsVersion) { Import-Module -Name MicrosoftTeams -RequiredVersion $using:teamsVersion -ErrorAction Stop }
                    else { Import-Module -Name MicrosoftTeams -ErrorAction Stop }
                    . ([scriptblock]::Create($using:WorkerCode))
                } catch {
                    foreach ($workItem in $workChunk) { @{ Index = $workItem.Index; NotConnected = $true; Records = @(); GroupReady = $false } }
                    return
                }
                foreach ($workItem in $workChunk) {
                    try {
                        Invoke-UserWorkItem $workItem -Worker
                    } catch {
                        # A defect past the first call: the user fails, nothing is retried twice.
                        @{ Index = $workItem.Index; NotConnected = $false; GroupReady = $false; Records = @(@{ Key = ($workItem.Key + ':ev'); Action = 'Change the user (parallel worker)'; Status = 'Failed'; Detail = $_.Exception.Message; Checkpoint = $false }) }
                    }
                }
            }
        }
    }

    # Pass 2 in parallel: decide here, change in the workers, write here in plan order.
    function Invoke-ReadyUsersInParallel {
        $workItems = New-Object System.Collections.Generic.List[object]
        foreach ($ready in $readyUsers) { $workItems.Add((New-UserWorkItem $ready $workItems.Count)) }
        $workResults = New-Object 'object[]' $workItems.Count
        $callItems = New-Object System.Collections.Generic.List[object]
        foreach ($workItem in $workItems) {
            if (Test-UserWorkCall $workItem) { $callItems.Add($workItem) } else { $workResults[$workItem.Index] = Invoke-UserWorkItem $workItem }
        }
        $serialItems = New-Object System.Collections.Generic.List[object]
        if ($callItems.Count -gt 0) {
            $workerCode = Get-UserWorkerCode
            $progressDone = 0
            # The first user alone: when its worker has no session, the rest run in this runspace.
            $firstResult = @(Invoke-UserWorkParallel @(, @($callItems[0])) $workerCode | Where-Object { $null -ne $_ })
            if ($firstResult.Count -ne 1 -or $firstResult[0].NotConnected) {
                $serialItems.AddRange($callItems)
            } else {
                $workResults[$firstResult[0].Index] = $firstResult[0]
                $progressDone++
                if ($callItems.Count -gt 1) {
                    # Chunks small enough that every runspace gets about eight (even lanes), at most 50 users.
                    $restCount = $callItems.Count - 1
                    $chunkSize = [int][math]::Max(1, [math]::Min(50, [math]::Ceiling($restCount / ($ThrottleLimit * 8))))
                    $restChunks = New-Object System.Collections.Generic.List[object]
                    for ($chunkStart = 1; $chunkStart -lt $callItems.Count; $chunkStart += $chunkSize) {
                        $restChunks.Add($callItems.GetRange($chunkStart, [math]::Min($chunkSize, $callItems.Count - $chunkStart)).ToArray())
                    }
                    Invoke-UserWorkParallel $restChunks.ToArray() $workerCode | ForEach-Object {
                        if ($null -eq $_) { return }
                        if ($_.NotConnected) { $serialItems.Add($workItems[$_.Index]) } else { $workResults[$_.Index] = $_ }
                        $progressDone++
                        Write-LoopProgress 'Stage 07: enabling users' $progressDone $callItems.Count
                    }
                }
            }
            if ($serialItems.Count -gt 0) {
                Write-StepLog 'users:parallel' ('{0} users' -f $serialItems.Count) ('Change users in parallel (-ThrottleLimit {0})' -f $ThrottleLimit) 'Skipped' 'the parallel runspaces have no Microsoft Teams or Graph session of their own (not connected); these users run one after another in this session instead'
                Write-Warning ('Parallel runspaces are not connected: {0} users run one after another.' -f $serialItems.Count)
                foreach ($serialItem in $serialItems) {
                    $workResults[$serialItem.Index] = Invoke-UserWorkItem $serialItem
                    $progressDone++
                    Write-LoopProgress 'Stage 07: enabling users' $progressDone $callItems.Count
                }
            }
        }
        # A user without a result (a runspace that ended without answering) fails; it is not run again
        # here, since it may have been changed: the retry list and -Resume take it up.
        foreach ($callItem in $callItems) {
            if ($null -eq $workResults[$callItem.Index]) {
                $workResults[$callItem.Index] = @{ Index = $callItem.Index; NotConnected = $false; GroupReady = $false; Records = @(@{ Key = ($callItem.Key + ':ev'); Action = 'Change the user (parallel worker)'; Status = 'Failed'; Detail = 'the parallel runspace returned no result for this user'; Checkpoint = $false }) }
            }
        }
        # Log, checkpoint, retry list and group members in plan order.
        # (foreach over the lists themselves: @() of a list that is PSObject-wrapped at one call and
        # bare at another fails with "Argument types do not match", tests/powershell/sim/README.md.)
        foreach ($workResult in $workResults) {
            $resultReady = $readyUsers[$workResult.Index]
            foreach ($record in $workResult.Records) {
                Write-StepLog $record.Key $resultReady.User.Upn $record.Action $record.Status $record.Detail
                if ($record.Checkpoint) { Add-Checkpoint $record.Key }
            }
            if ($workResult.GroupReady) {
                $resultPolicy = $resultReady.User.SharedCallingPolicy
                if (-not $groupMembers.ContainsKey($resultPolicy)) { $groupMembers[$resultPolicy] = New-Object System.Collections.Generic.List[object] }
                $groupMembers[$resultPolicy].Add(@{ Key = ($resultReady.Key + ':scp'); Upn = $resultReady.User.Upn; ObjectId = (Get-ObjectIdentity $resultReady.Online) })
            }
        }
    }

    $serialReadyUsers = $readyUsers
    if (Test-ParallelPass) {
        Invoke-ReadyUsersInParallel
        $serialReadyUsers = @()
    }
    foreach ($ready in $serialReadyUsers) {
        Write-LoopProgress 'Stage 07: enabling users' $userIndex $readyUsers.Count
        $userIndex++
        $user = $ready.User
        $userKey = $ready.Key
        $onlineUser = $ready.Online
        $failedFirst = New-Object System.Collections.Generic.List[string]
        if ($script:FailedSteps.Contains($userKey + ':ecrp')) { $failedFirst.Add('emergency call routing policy (E1)') }
        if ($script:FailedSteps.Contains($userKey + ':vrp')) { $failedFirst.Add('voice routing policy (VR1)') }

        # V1: Enterprise Voice on.
        Invoke-PlanStep ($userKey + ':ev') $user.Upn 'Enable Enterprise Voice (V1)' -IsDone {
            if ($onlineUser.EnterpriseVoiceEnabled -eq $true) { return $true }
            return 'Enterprise Voice off'
        } -Change {
            Invoke-Change { Set-CsPhoneNumberAssignment -Identity $user.Upn -EnterpriseVoiceEnabled $true -ErrorAction Stop }
        }
        if ($script:LastStatus -eq 'Failed') { $failedFirst.Add('Enterprise Voice (V1)') }

        # V3: Direct Routing number with the user's extension (only where planned; V2: otherwise no number).
        if ($user.ExtensionNumber) {
            if ($failedFirst -contains 'Enterprise Voice (V1)') {
                Write-StepLog ($userKey + ':extension') $user.Upn 'Assign extension (V3)' 'Failed' 'not attempted: Enterprise Voice (V1) failed'
            } else {
                Invoke-PlanStep ($userKey + ':extension') $user.Upn 'Assign extension (V3)' -IsDone {
                    $lineUri = [string]$onlineUser.LineUri
                    if ($lineUri -match '^(?i)tel:') { $lineUri = $lineUri.Substring(4) }
                    if ($lineUri -eq $user.ExtensionNumber) { return $true }
                    return ('line URI {0}' -f $lineUri)
                } -Change {
                    Invoke-Change { Set-CsPhoneNumberAssignment -Identity $user.Upn -PhoneNumber $user.ExtensionNumber -PhoneNumberType DirectRouting -ErrorAction Stop }
                }
            }
            if ($script:LastStatus -eq 'Failed') { $failedFirst.Add('extension (V3)') }

            # AA7: the same extension in Entra BusinessPhone, where the auto attendant looks for it. A
            # business phone the plan did not write is never overwritten.
            $phoneAction = 'Write extension to Entra BusinessPhone (AA7)'
            if (-not $directoryPhones) {
                Write-StepLog ($userKey + ':businessphone') $user.Upn $phoneAction 'Manual' ('AA7: Microsoft Graph not used: enter {0} as the business phone of this user in Entra, or dial by extension will not find them' -f $user.ExtensionNumber)
            } else {
                Invoke-PlanStep ($userKey + ':businessphone') $user.Upn $phoneAction -IsDone {
                    $graphUser = Invoke-Lookup { Get-MgUser -UserId $user.Upn -Property 'Id,BusinessPhones' -ErrorAction Stop }
                    if ($null -eq $graphUser) { throw 'AA7: user not found in Microsoft Graph' }
                    $phones = @($graphUser.BusinessPhones | Where-Object { $_ })
                    if ($phones -contains $user.ExtensionNumber) { return $true }
                    if ($phones.Count -gt 0) { throw ('AA7: the business phone is {0}, which the plan did not write; it was not overwritten. Replace it with {1} by hand (or put the extension in Mobile).' -f ($phones -join ', '), $user.ExtensionNumber) }
                    return 'no business phone'
                } -Change {
                    Invoke-Change { Update-MgUser -UserId $user.Upn -BusinessPhones @($user.ExtensionNumber) -ErrorAction Stop }
                }
            }
        } elseif ($user.ExtensionNote) {
            Write-StepLog ($userKey + ':extension') $user.Upn 'Assign extension (V3)' 'Manual' $user.ExtensionNote
        }

        # §3.14: batch assignment has no Shared Calling policy type, so it is granted per user, last.
        if ($user.SharedCallingPolicy) {
            # A policy stage 06 did not create is reported once per user, without a grant that must fail
            # (under -DryRun it is expected not to exist yet).
            if (-not $DryRun -and -not $sharedCallingPolicyFound.ContainsKey($user.SharedCallingPolicy)) {
                $sharedCallingPolicyFound[$user.SharedCallingPolicy] = $null -ne (Invoke-Lookup { Get-CsTeamsSharedCallingRoutingPolicy -Identity $user.SharedCallingPolicy -ErrorAction Stop })
            }
            if (-not $DryRun -and -not $sharedCallingPolicyFound[$user.SharedCallingPolicy]) {
                $failedFirst.Add(('Shared Calling policy {0} not found (stage 06 creates it)' -f $user.SharedCallingPolicy))
            }
            if ($failedFirst.Count -gt 0) {
                Write-StepLog ($userKey + ':scp') $user.Upn 'Grant Shared Calling policy' 'Failed' ('not attempted: {0} failed first (shared-calling.md §9 order)' -f ($failedFirst -join ', '))
            } elseif ($groupPolicies.ContainsKey($user.SharedCallingPolicy)) {
                # G1: a direct assignment counts as rank 0 and beats the group, so it is removed.
                $directName = Get-PolicyName $onlineUser.TeamsSharedCallingRoutingPolicy
                if ($directName) {
                    Invoke-PlanStep ($userKey + ':scpDirect') $user.Upn 'Remove direct Shared Calling assignment (G1: the group assigns the policy)' -IsDone {
                        return ('direct assignment {0}' -f $directName)
                    } -Change {
                        Invoke-Change { Grant-CsTeamsSharedCallingRoutingPolicy -Identity $user.Upn -PolicyName $null -ErrorAction Stop }
                    }
                }
                if (-not $groupMembers.ContainsKey($user.SharedCallingPolicy)) { $groupMembers[$user.SharedCallingPolicy] = New-Object System.Collections.Generic.List[object] }
                $groupMembers[$user.SharedCallingPolicy].Add(@{ Key = ($userKey + ':scp'); Upn = $user.Upn; ObjectId = (Get-ObjectIdentity $onlineUser) })
            } else {
                Invoke-PlanStep ($userKey + ':scp') $user.Upn 'Grant Shared Calling policy' -IsDone {
                    $currentName = Get-PolicyName $onlineUser.TeamsSharedCallingRoutingPolicy
                    if ($currentName -eq $user.SharedCallingPolicy) { return $true }
                    return ('policy {0}' -f $currentName)
                } -Change {
                    Invoke-Change { Grant-CsTeamsSharedCallingRoutingPolicy -Identity $user.Upn -PolicyName $user.SharedCallingPolicy -ErrorAction Stop }
                }
            }
        }
    }
    Complete-LoopProgress 'Stage 07: enabling users'

    # §3.14, §10.1, §10.4: group-based assignment. Members go in through Microsoft Graph.
    $groupGraphReady = $false
    if ($groupPolicies.Count -gt 0) {
        if ($DryRun) { $groupGraphReady = Connect-GraphIfNeeded @('Group.Read.All', 'GroupMember.Read.All') }
        else { $groupGraphReady = Connect-GraphIfNeeded @('Group.ReadWrite.All', 'GroupMember.ReadWrite.All') }
    }

    function Find-PolicyGroup {
        param($FindGroup)
        if ($FindGroup.ObjectId) { return (Invoke-Lookup { Get-MgGroup -GroupId $FindGroup.ObjectId -ErrorAction Stop }) }
        # OData string literal: a quote inside is doubled.
        $groupFilter = "displayName eq '{0}'" -f $FindGroup.Name.Replace("'", "''")
        $foundGroups = @(Invoke-TenantCall { Get-MgGroup -Filter $groupFilter -All -ErrorAction Stop } | Where-Object { $_ })
        if ($foundGroups.Count -gt 1) { throw ('{0} groups are named {1}: put its object id in the plan' -f $foundGroups.Count, $FindGroup.Name) }
        if ($foundGroups.Count -eq 1) { return $foundGroups[0] }
        return $null
    }

    foreach ($scp in @($Plan.SharedCallingPolicies)) {
        if ($null -eq $scp.Group) { continue }
        $policyGroup = $scp.Group
        $groupStepKey = 'scp:{0}:group' -f $scp.Id
        $members = @()
        if ($groupMembers.ContainsKey($scp.Name)) { $members = $groupMembers[$scp.Name].ToArray() }
        if (-not $groupGraphReady) {
            Write-StepLog $groupStepKey $policyGroup.Name 'Add the users to the policy group (§10.1)' 'Manual' ('Microsoft Graph not available: add the {0} users to {1} and run Grant-CsTeamsSharedCallingRoutingPolicy -Group <objectId> -PolicyName <name> -Rank {2}.' -f $members.Count, $policyGroup.Name, $policyGroup.Rank)
            continue
        }
        Invoke-PlanStep ($groupStepKey + ':create') $policyGroup.Name 'Create the security group of the policy (§10.1)' -IsDone {
            if ($null -ne (Find-PolicyGroup $policyGroup)) { return $true }
            if ($policyGroup.Existing) { throw 'the plan marks this group as existing in the tenant, but it was not found; it is not created' }
            return 'not found'
        } -Change {
            Invoke-Change { New-MgGroup -BodyParameter @{ displayName = $policyGroup.Name; mailEnabled = $false; mailNickname = $policyGroup.MailNickname; securityEnabled = $true } -ErrorAction Stop }
        }
        try { $groupObject = Find-PolicyGroup $policyGroup } catch { $groupObject = $null }
        if ($null -eq $groupObject) {
            $memberStatus = 'Failed'; if ($DryRun) { $memberStatus = 'DryRun' }
            foreach ($member in $members) { Write-StepLog $member.Key $member.Upn ('Add to group {0}' -f $policyGroup.Name) $memberStatus 'the group does not exist yet' }
            continue
        }
        $groupId = [string]$groupObject.Id
        $currentMembers = [System.Collections.Generic.HashSet[string]]::new([System.StringComparer]::OrdinalIgnoreCase)
        foreach ($currentMember in @(Invoke-TenantCall { Get-MgGroupMember -GroupId $groupId -All -ErrorAction Stop })) { if ($currentMember) { [void]$currentMembers.Add([string]$currentMember.Id) } }
        $toAdd = New-Object System.Collections.Generic.List[object]
        foreach ($member in $members) {
            if ($currentMembers.Contains([string]$member.ObjectId)) {
                Write-StepLog $member.Key $member.Upn ('Add to group {0}' -f $policyGroup.Name) 'Skipped' 'already a member'
                Add-Checkpoint $member.Key
            } else { $toAdd.Add($member) }
        }
        # Graph takes up to 20 members per PATCH /groups/{id}: one write per 20 users (§10.4 quotas).
        for ($chunkStart = 0; $chunkStart -lt $toAdd.Count; $chunkStart += 20) {
            Write-LoopProgress ('Stage 07: adding members to {0}' -f $policyGroup.Name) $chunkStart $toAdd.Count
            $chunk = @($toAdd.GetRange($chunkStart, [Math]::Min(20, $toAdd.Count - $chunkStart)))
            if ($DryRun) {
                foreach ($member in $chunk) { Write-StepLog $member.Key $member.Upn ('Add to group {0}' -f $policyGroup.Name) 'DryRun' 'would add as a direct member' }
                continue
            }
            if (-not $script:ScriptCmdlet.ShouldProcess($policyGroup.Name, ('Add {0} members' -f $chunk.Count))) {
                foreach ($member in $chunk) { Write-StepLog $member.Key $member.Upn ('Add to group {0}' -f $policyGroup.Name) 'Skipped' 'not confirmed (-WhatIf or -Confirm)' }
                continue
            }
            $memberRefs = @($chunk | ForEach-Object { 'https://graph.microsoft.com/v1.0/directoryObjects/' + [string]$_.ObjectId })
            try {
                Invoke-Change { Update-MgGroup -GroupId $groupId -BodyParameter @{ 'members@odata.bind' = $memberRefs } -ErrorAction Stop }
                foreach ($member in $chunk) {
                    Write-StepLog $member.Key $member.Upn ('Add to group {0}' -f $policyGroup.Name) 'Done' 'added as a direct member'
                    Add-Checkpoint $member.Key
                }
            } catch {
                foreach ($member in $chunk) { Write-StepLog $member.Key $member.Upn ('Add to group {0}' -f $policyGroup.Name) 'Failed' $_.Exception.Message }
            }
        }
        Complete-LoopProgress ('Stage 07: adding members to {0}' -f $policyGroup.Name)
        Invoke-PlanStep ($groupStepKey + ':grant') $policyGroup.Name ('Assign {0} to the group with rank {1} (§3.14)' -f $scp.Name, $policyGroup.Rank) -IsDone {
            $groupAssignment = @(Invoke-TenantCall { Get-CsGroupPolicyAssignment -GroupId $groupId -PolicyType TeamsSharedCallingRoutingPolicy -ErrorAction Stop } | Where-Object { $_ })
            if ($groupAssignment.Count -eq 0) { return 'not assigned' }
            if ([string]$groupAssignment[0].PolicyName -eq $scp.Name -and [int]$groupAssignment[0].Rank -eq [int]$policyGroup.Rank) { return $true }
            return ('{0} with rank {1}' -f $groupAssignment[0].PolicyName, $groupAssignment[0].Rank)
        } -Change {
            Invoke-Change { Grant-CsTeamsSharedCallingRoutingPolicy -Group $groupId -PolicyName $scp.Name -Rank ([int]$policyGroup.Rank) -ErrorAction Stop }
        }
        # §10.2: the effective assignment of a few members (EffectivePolicyAssignments, 7.2.0+).
        if (-not $DryRun -and $members.Count -gt 0) {
            $probe = @($members | Select-Object -First 3)
            $effectiveNow = $false
            for ($probeRound = 0; $probeRound -lt 10 -and -not $effectiveNow; $probeRound++) {
                $effectiveNow = $true
                foreach ($member in $probe) {
                    $probeUser = Find-OnlineUser $member.Upn
                    $entry = @($probeUser.EffectivePolicyAssignments | Where-Object { $_ -and [string]$_.PolicyType -eq 'TeamsSharedCallingRoutingPolicy' })
                    if ($entry.Count -eq 0 -or [string]$entry[0].PolicyAssignment.DisplayName -ne $scp.Name) { $effectiveNow = $false }
                }
                if (-not $effectiveNow) { Start-Sleep -Seconds 30 }
            }
            if ($effectiveNow) { Write-StepLog ($groupStepKey + ':effective') $policyGroup.Name 'Effective assignment through the group (§10.2)' 'Done' ('{0} is effective for the members checked' -f $scp.Name) }
            else { Write-StepLog ($groupStepKey + ':effective') $policyGroup.Name 'Effective assignment through the group (§10.2)' 'Manual' 'not effective yet: group assignment can take 24 hours or more to reach large groups; stage 08 verifies it later' }
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
