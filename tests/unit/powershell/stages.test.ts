/**
 * Per-stage checks: each stage uses the cmdlets shared-calling.md §3 prescribes, with documented
 * parameter names only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Parser } from 'web-tree-sitter';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { generateScripts, type ScriptFile } from '../../../src/lib/powershell/index.js';
import { commands, loadParser, parse, type CommandInfo } from './ps-tree.js';

/** Parameters per cmdlet as documented (shared-calling.md §3, the Teams and Graph cmdlet reference). */
const DOCUMENTED: Record<string, string[]> = {
  'Connect-MicrosoftTeams': [],
  'Get-CsTenant': [],
  'Get-CsOnlineUser': ['Identity'],
  'Get-CsOnlineLisLocation': ['LocationId', 'City', 'CivicAddressId', 'CountryOrRegion', 'Description'],
  'Get-CsOnlinePstnUsage': ['Identity'],
  'New-CsOnlineApplicationInstance': ['UserPrincipalName', 'ApplicationId', 'DisplayName', 'Force'],
  'Set-CsOnlineApplicationInstance': ['Identity', 'ApplicationId', 'DisplayName'],
  'Get-CsOnlineApplicationInstance': ['Identity', 'Identities', 'ResultSize'],
  // §3.7: -PhoneNumber = -TelephoneNumber, -PhoneNumberType = -NumberType.
  'Set-CsPhoneNumberAssignment': ['Identity', 'TelephoneNumber', 'PhoneNumber', 'NumberType', 'PhoneNumberType', 'LocationId', 'EnterpriseVoiceEnabled'],
  'Get-CsPhoneNumberAssignment': ['TelephoneNumber', 'AssignedPstnTargetId', 'NumberType', 'Top', 'Skip'],
  // R7: -PhoneNumber and -PhoneNumberType are aliases since the 2026-06-26 docs and the names before.
  'Remove-CsPhoneNumberAssignment': ['Identity', 'TelephoneNumber', 'PhoneNumber', 'NumberType', 'PhoneNumberType', 'Notify', 'RemoveAll'],
  'New-CsOnlineApplicationInstanceAssociation': ['Identities', 'ConfigurationId', 'ConfigurationType', 'CallPriority'],
  'Get-CsOnlineApplicationInstanceAssociation': ['Identity'],
  'Remove-CsOnlineApplicationInstanceAssociation': ['Identities'],
  'New-CsAutoAttendant': [
    'Name',
    'LanguageId',
    'TimeZoneId',
    'DefaultCallFlow',
    'InclusionScope',
    'ExclusionScope',
    'Operator',
    'CallFlows',
    'CallHandlingAssociations',
  ],
  'Get-CsAutoAttendant': ['NameFilter', 'Identity'],
  'Set-CsAutoAttendant': ['Instance'],
  'Remove-CsAutoAttendant': ['Identity'],
  'New-CsAutoAttendantDialScope': ['GroupScope', 'GroupIds'],
  'New-CsAutoAttendantMenu': ['Name', 'MenuOptions', 'Prompts', 'EnableDialByName', 'DirectorySearchMethod'],
  'New-CsAutoAttendantCallFlow': ['Name', 'Menu', 'Greetings'],
  'New-CsAutoAttendantPrompt': ['TextToSpeechPrompt'],
  'Find-CsGroup': ['SearchQuery', 'ExactMatchOnly', 'MailEnabledOnly', 'MaxResults'],
  'New-CsTeamsSharedCallingRoutingPolicy': ['Identity', 'EmergencyNumbers', 'ResourceAccount', 'Description', 'Force'],
  'Set-CsTeamsSharedCallingRoutingPolicy': ['Identity', 'EmergencyNumbers', 'ResourceAccount', 'Description', 'Force'],
  // §3.17 [PS-Tag]: Set-/Remove-CsPhoneNumberTag -PhoneNumber <String> -Tag <String> (7.1.0, R8).
  'Set-CsPhoneNumberTag': ['PhoneNumber', 'Tag'],
  'Remove-CsPhoneNumberTag': ['PhoneNumber', 'Tag'],
  'Get-CsTeamsSharedCallingRoutingPolicy': ['Identity', 'Filter'],
  'Grant-CsTeamsSharedCallingRoutingPolicy': ['Identity', 'PolicyName', 'Global', 'Group', 'Rank', 'Force'],
  'Remove-CsTeamsSharedCallingRoutingPolicy': ['Identity', 'Force'],
  'New-CsTeamsEmergencyNumber': ['EmergencyDialString', 'EmergencyDialMask', 'OnlinePSTNUsage'],
  'New-CsTeamsEmergencyCallRoutingPolicy': ['Identity', 'AllowEnhancedEmergencyServices', 'Description', 'EmergencyNumbers'],
  'Set-CsTeamsEmergencyCallRoutingPolicy': ['Identity', 'AllowEnhancedEmergencyServices', 'Description', 'EmergencyNumbers'],
  'Get-CsTeamsEmergencyCallRoutingPolicy': ['Identity'],
  'Remove-CsTeamsEmergencyCallRoutingPolicy': ['Identity'],
  'New-CsOnlineVoiceRoutingPolicy': ['Identity', 'Description', 'OnlinePstnUsages', 'RouteType'],
  'Set-CsOnlineVoiceRoutingPolicy': ['Identity', 'Description', 'OnlinePstnUsages', 'RouteType'],
  'Get-CsOnlineVoiceRoutingPolicy': ['Identity'],
  'Remove-CsOnlineVoiceRoutingPolicy': ['Identity'],
  'Grant-CsOnlineVoiceRoutingPolicy': ['Identity', 'PolicyName', 'Global', 'Group', 'Rank', 'PassThru'],
  'New-CsBatchPolicyAssignmentOperation': ['OperationName', 'Identity', 'PolicyType', 'AdditionalParameters', 'PolicyName'],
  // §8.14: documented as -Identity with the alias -OperationId (the examples use -OperationId).
  'Get-CsBatchPolicyAssignmentOperation': ['Identity', 'OperationId', 'Status'],
  'Connect-MgGraph': ['Scopes', 'NoWelcome'],
  'Get-MgContext': [],
  'Get-MgSubscribedSku': ['All'],
  'Get-MgUser': ['UserId', 'Property'],
  'Update-MgUser': ['UserId', 'UsageLocation', 'BusinessPhones'],
  'Set-MgUserLicense': ['UserId', 'AddLicenses', 'RemoveLicenses'],
  'Remove-MgUser': ['UserId'],
};
const COMMON = new Set(['ErrorAction', 'WarningAction', 'Verbose', 'WhatIf', 'Confirm']);

let parser: Parser;
let files: ScriptFile[];
const cmds = new Map<string, CommandInfo[]>();
beforeAll(async () => {
  parser = await loadParser();
  files = generateScripts(createSamplePlan());
  for (const f of files) cmds.set(f.name, commands(parse(parser, f.text)));
});

const inFile = (file: string, name: string) => (cmds.get(file) ?? []).filter((c) => c.name === name);
const text = (file: string) => files.find((f) => f.name === file)!.text;
/** Calls of `name` in `file` that pass exactly the parameters `params` (and maybe -ErrorAction). */
function expectCall(file: string, name: string, params: string[]): void {
  const calls = inFile(file, name);
  const want = [...params].sort().join(',');
  const found = calls.map((c) =>
    c.params
      .filter((p) => p !== 'ErrorAction')
      .sort()
      .join(','),
  );
  expect(found, `${name} in ${file}`).toContain(want);
}

describe('every Teams and Graph cmdlet is used with documented parameter names', () => {
  it('only documented cmdlets and parameters', () => {
    const problems: string[] = [];
    for (const [file, list] of cmds) {
      for (const c of list) {
        if (!/^[A-Za-z]+-(Cs|Mg)[A-Z]|MicrosoftTeams/.test(c.name)) continue;
        const documented = DOCUMENTED[c.name];
        if (!documented) {
          problems.push(`${file}: undocumented cmdlet ${c.name}`);
          continue;
        }
        for (const p of c.params) {
          if (!documented.includes(p) && !COMMON.has(p)) problems.push(`${file}: ${c.name} -${p}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('R7: Set-/Remove-CsPhoneNumberAssignment use -PhoneNumber and -PhoneNumberType, which every supported module accepts', () => {
    const offenders: string[] = [];
    let calls = 0;
    for (const [file, list] of cmds) {
      for (const c of list) {
        if (c.name !== 'Set-CsPhoneNumberAssignment' && c.name !== 'Remove-CsPhoneNumberAssignment') continue;
        calls++;
        for (const p of c.params) if (p === 'TelephoneNumber' || p === 'NumberType') offenders.push(`${file}: ${c.name} -${p}`);
      }
    }
    expect(calls).toBeGreaterThan(3);
    expect(offenders).toEqual([]);
  });

  it('no Invoke-Expression anywhere', () => {
    for (const f of files) {
      expect(f.text).not.toMatch(/Invoke-Expression|\biex\b/i);
      expect((cmds.get(f.name) ?? []).map((c) => c.name)).not.toContain('Invoke-Expression');
    }
  });
});

describe('AA7: extensions in Entra BusinessPhone', () => {
  it('stage 07 writes +<number>;ext=<extension> with Update-MgUser -BusinessPhones after reading it, never over another value', () => {
    const F = '07-users.ps1';
    expectCall(F, 'Update-MgUser', ['UserId', 'BusinessPhones']);
    expectCall(F, 'Get-MgUser', ['UserId', 'Property']);
    expect(text(F)).toContain("Connect-GraphIfNeeded @('User.ReadWrite.All')");
    expect(text(F)).toContain('which the plan did not write; it was not overwritten');
    expect(text(F)).toContain("'Manual' ('AA7: Microsoft Graph not used");
  });
  it('the rollback clears it only where it is still the planned value', () => {
    const F = '09-rollback.ps1';
    expectCall(F, 'Update-MgUser', ['UserId', 'BusinessPhones']);
    expect(text(F)).toContain('@($graphUser.BusinessPhones) -notcontains $user.ExtensionNumber');
    expect(text(F)).toContain('-BusinessPhones @()');
  });
});

describe('AA11: the greeting of the directory menu', () => {
  it('uses the plan greeting, quoted, or the default prompt', () => {
    const F = '03-auto-attendants.ps1';
    expect(text(F)).toContain('if ($aa.Greeting) { $promptText = $aa.Greeting }');
    expect(text(F)).toContain("Greeting = ''");
    const p = createSamplePlan();
    p.autoAttendants[0]!.greeting = "Welcome to Contoso's main line. $(calc)";
    const f = generateScripts(p).find((x) => x.name === F)!;
    expect(f.text).toContain("Greeting = 'Welcome to Contoso''s main line. $(calc)'");
  });
});

describe('runbook', () => {
  it('AA8: the closing line says directory search may take up to 36 hours', () => {
    expect(text('Invoke-SharedCallingRunbook.ps1')).toContain('may not find new users for up to 36 hours (AA8)');
  });
});

describe('§3.17 callback number tags (plan setting, R8)', () => {
  it('off by default: the data says so and no tag is written', () => {
    expect(text('06-shared-calling-policies.ps1')).toContain('TagCallbackNumbers = $false');
  });
  it('on: stage 06 tags each callback number with the policy name after reading it, needs 7.1.0; the rollback removes only that tag', () => {
    const p = createSamplePlan();
    p.tenant.tagCallbackNumbers = true;
    const out = generateScripts(p);
    const t06 = out.find((f) => f.name === '06-shared-calling-policies.ps1')!.text;
    expect(t06).toContain('TagCallbackNumbers = $true');
    expect(t06).toContain('Invoke-Change { Set-CsPhoneNumberTag -PhoneNumber $callbackNumber -Tag $scp.Name -ErrorAction Stop }');
    expect(t06).toContain('if (@($assignment.Tag) -contains $scp.Name) { return $true }');
    expect(t06).toContain('$tagsSupported = Test-NumberTagSupport');
    const t09 = out.find((f) => f.name === '09-rollback.ps1')!.text;
    expect(t09).toContain('Invoke-Change { Remove-CsPhoneNumberTag -PhoneNumber $callbackNumber -Tag $scp.Name -ErrorAction Stop }');
    expect(out.find((f) => f.name === '01-prerequisites.ps1')!.text).toContain("[version]'7.1.0'");
  });
});

describe('01-prerequisites', () => {
  const F = '01-prerequisites.ps1';
  it('checks MicrosoftTeams 5.5.0 (R1) and connects', () => {
    expect(text(F)).toContain("Get-Module -ListAvailable -Name 'MicrosoftTeams'");
    expect(text(F)).toContain("[version]'5.5.0'");
    expect(inFile(F, 'Connect-MicrosoftTeams').length).toBeGreaterThan(0);
  });
  it('checks LIS locations (RA8), PSTN usages (E2, RA11), Global voice routing (VR1)', () => {
    expectCall(F, 'Get-CsOnlineLisLocation', ['LocationId']);
    expectCall(F, 'Get-CsOnlinePstnUsage', ['Identity']);
    expectCall(F, 'Get-CsOnlineVoiceRoutingPolicy', ['Identity']);
  });
  it('uses Microsoft Graph only for licences', () => {
    expectCall(F, 'Get-MgSubscribedSku', ['All']);
    expect(text(F)).toContain('PHONESYSTEM_VIRTUALUSER');
  });
  it('R5: MicrosoftTeams 6.3.0 and later need PowerShell 7.2+ or Windows PowerShell 5.1', () => {
    expect(text(F)).toContain("$teamsModule.Version -lt [version]'6.3.0'");
    expect(text(F)).toContain("$PSVersionTable.PSVersion -ge [version]'7.2'");
    expect(text(F)).toContain("$edition -eq 'Desktop'");
  });
  it('RA9: funding follows the billing type: credits are checked only for MOSA billing', () => {
    // The sample's Seattle account is billed pay-as-you-go: a Manual note, no credits demanded.
    expect(text(F)).toContain("CallingPlanBilling = 'payAsYouGo'");
    expect(text(F)).toContain("if ($ra.CallingPlanBilling -eq 'mosa')");
    expect(text(F)).toContain('no Communications Credits are needed (older pages say they are)');
    expect(text(F)).not.toContain("'prereq:licence:credits'");
    const mosa = createSamplePlan();
    mosa.resourceAccounts.find((r) => r.id === 'ra-seattle')!.callingPlanBilling = 'mosa';
    const f = generateScripts(mosa).find((x) => x.name === F)!;
    expect(f.text).toContain("CallingPlanBilling = 'mosa'");
    // Only Calling Plan service numbers carry a billing type into the script.
    expect(text(F).match(/CallingPlanBilling = '[^']*'/g)).toEqual(["CallingPlanBilling = 'payAsYouGo'", "CallingPlanBilling = ''", "CallingPlanBilling = ''"]);
  });
  it('changes nothing', () => {
    for (const c of cmds.get(F) ?? []) expect(c.name).not.toMatch(/^(New|Set|Grant|Remove|Update)-(Cs|Mg)/);
  });
});

describe('02-resource-accounts', () => {
  const F = '02-resource-accounts.ps1';
  it('creates the resource account with the auto attendant application id (RA5)', () => {
    expectCall(F, 'New-CsOnlineApplicationInstance', ['UserPrincipalName', 'ApplicationId', 'DisplayName']);
    expect(text(F)).toContain("-ApplicationId 'ce933385-9390-45d1-9512-c8d228074e07'");
  });
  it('licenses with Set-MgUserLicense (RA2, RA9) or reports Manual', () => {
    expectCall(F, 'Set-MgUserLicense', ['UserId', 'AddLicenses', 'RemoveLicenses']);
    expect(text(F)).toContain("'Manual'");
    expect(text(F)).toContain('Microsoft_Teams_Calling_Plan_pay_as_you_go*');
  });
  it('assigns the number with -Identity -PhoneNumber -PhoneNumberType and pins -LocationId (RA1, RA8)', () => {
    expectCall(F, 'Set-CsPhoneNumberAssignment', ['Identity', 'PhoneNumber', 'PhoneNumberType', 'LocationId']);
    expectCall(F, 'Set-CsPhoneNumberAssignment', ['Identity', 'PhoneNumber', 'PhoneNumberType']);
    expectCall(F, 'Set-CsPhoneNumberAssignment', ['PhoneNumber', 'LocationId']);
  });
  it('embeds the numbers, types and locations of the sample', () => {
    expect(text(F)).toContain("PhoneNumber = '+61255500100'; NumberType = 'DirectRouting'; LocationId = '00000000-0000-4000-8000-000000000003'");
    expect(text(F)).toContain("NumberType = 'CallingPlan'");
    expect(text(F)).toContain("NumberType = 'OperatorConnect'");
  });
});

describe('03-auto-attendants', () => {
  const F = '03-auto-attendants.ps1';
  it('builds a group dial scope (AA2), a directory menu (AA3) and the auto attendant', () => {
    expectCall(F, 'New-CsAutoAttendantDialScope', ['GroupScope', 'GroupIds']);
    expectCall(F, 'New-CsAutoAttendantMenu', ['Name', 'Prompts', 'EnableDialByName', 'DirectorySearchMethod']);
    expectCall(F, 'New-CsAutoAttendantCallFlow', ['Name', 'Menu']);
    expectCall(F, 'New-CsAutoAttendant', ['Name', 'LanguageId', 'TimeZoneId', 'DefaultCallFlow', 'InclusionScope']);
    expect(text(F)).toContain("'ByExtension'");
    expect(text(F)).toContain("'ByName'");
  });
  it('associates the resource account by ObjectId (AA4)', () => {
    expectCall(F, 'New-CsOnlineApplicationInstanceAssociation', ['Identities', 'ConfigurationId', 'ConfigurationType']);
    expect(text(F)).toContain('-Identities @([string]$instance.ObjectId)');
    expect(text(F)).toContain('-ConfigurationType AutoAttendant');
  });
  it('looks up dial-scope groups without an object id by exact name', () => {
    expectCall(F, 'Find-CsGroup', ['SearchQuery', 'ExactMatchOnly']);
    expect(text(F)).toContain("Groups = @(@{ Name = 'SC-Seattle-Users'; ObjectId = '' })");
  });
});

describe('04-voice-routing', () => {
  const F = '04-voice-routing.ps1';
  it('creates the empty users policy (VR1) and the DR resource-account policy with usages (RA11)', () => {
    expectCall(F, 'New-CsOnlineVoiceRoutingPolicy', ['Identity', 'Description']);
    expectCall(F, 'New-CsOnlineVoiceRoutingPolicy', ['Identity', 'Description', 'OnlinePstnUsages']);
    expect(text(F)).toContain("Name = 'SC-NoPSTN'; Description = 'Shared Calling users: no PSTN usages (VR1)'; PstnUsages = @()");
    expect(text(F)).toContain("PstnUsages = @('AU-PSTN')");
  });
  it('grants the DR policy to the resource account (RA11)', () => {
    expectCall(F, 'Grant-CsOnlineVoiceRoutingPolicy', ['Identity', 'PolicyName']);
    expect(text(F)).toContain("VoiceRoutingPolicy = 'VRP-AU-DR-ResourceAccount'");
  });
});

describe('05-emergency', () => {
  const F = '05-emergency.ps1';
  it('builds numbers with New-CsTeamsEmergencyNumber, PSTN usage only where planned (E2)', () => {
    expectCall(F, 'New-CsTeamsEmergencyNumber', []);
    expect(text(F)).toContain('New-CsTeamsEmergencyNumber @numberSpec');
    expect(text(F)).toContain('@{ EmergencyDialString = $entry.DialString }');
    expect(text(F)).toContain("$numberSpec['EmergencyDialMask']");
    expect(text(F)).toContain("$numberSpec['OnlinePSTNUsage']");
    expect(text(F)).toContain("@{ DialString = '000'; DialMask = ''; PstnUsage = 'AU-Emergency' }");
    expect(text(F)).toContain("@{ DialString = '911'; DialMask = ''; PstnUsage = '' }");
  });
  it('passes the number objects directly (replace), never @{add=} on New- (§3.12)', () => {
    expectCall(F, 'New-CsTeamsEmergencyCallRoutingPolicy', ['Identity', 'Description', 'AllowEnhancedEmergencyServices', 'EmergencyNumbers']);
    expect(text(F)).toContain('-EmergencyNumbers $emergencyNumbers');
    expect(text(F)).not.toMatch(/EmergencyCallRoutingPolicy[^\r\n]*@\{\s*add/i);
    expectCall(F, 'Set-CsTeamsEmergencyCallRoutingPolicy', ['Identity', 'Description', 'AllowEnhancedEmergencyServices', 'EmergencyNumbers']);
  });
});

describe('06-shared-calling-policies', () => {
  const F = '06-shared-calling-policies.ps1';
  it('passes the resource account ObjectId read at run time, never a UPN (§3.1)', () => {
    expect(text(F)).toContain('$resourceAccountId = Get-ResourceAccountId $scp.ResourceAccountUpn');
    expect(text(F)).toContain('return [string]$accountInstance.ObjectId');
    for (const c of [...inFile(F, 'New-CsTeamsSharedCallingRoutingPolicy'), ...inFile(F, 'Set-CsTeamsSharedCallingRoutingPolicy')]) {
      expect(c.node.text).not.toMatch(/-ResourceAccount \$scp\.ResourceAccountUpn/);
    }
    expectCall(F, 'New-CsTeamsSharedCallingRoutingPolicy', ['Identity', 'ResourceAccount', 'EmergencyNumbers', 'Description']);
    expectCall(F, 'New-CsTeamsSharedCallingRoutingPolicy', ['Identity', 'ResourceAccount', 'Description']);
  });
  it('takes unplanned callback numbers out with @{remove=} first (EN8), then sets the planned list in order (EN10)', () => {
    expect(text(F)).toContain('-EmergencyNumbers @{ remove = $extraNumbers }');
    expect(text(F)).toContain('-EmergencyNumbers @($scp.CallbackNumbers) -ErrorAction Stop');
    expect(text(F)).toContain('-EmergencyNumbers @{ add = @($scp.CallbackNumbers) }');
    expect(text(F)).toContain('if (Test-SameList @($current.EmergencyNumbers) @($scp.CallbackNumbers)) { return $true }');
    expect(text(F).indexOf('removeCallbacks')).toBeLessThan(text(F).indexOf(':callbacks'));
    expect(text(F)).toContain("CallbackNumbers = @('+12065550101', '+12065550102', '+12065550103')");
  });
});

describe('07-users', () => {
  const F = '07-users.ps1';
  it('enables Enterprise Voice per user (V1)', () => {
    expectCall(F, 'Set-CsPhoneNumberAssignment', ['Identity', 'EnterpriseVoiceEnabled']);
    expect(text(F)).toContain('-EnterpriseVoiceEnabled $true');
  });
  it('grants the Shared Calling policy per user (batch does not support it, §3.14)', () => {
    expectCall(F, 'Grant-CsTeamsSharedCallingRoutingPolicy', ['Identity', 'PolicyName']);
    expect(text(F)).not.toMatch(/PolicyType[^\r\n]*TeamsSharedCallingRoutingPolicy/);
  });
  it('assigns emergency and voice routing policies in batches of at most 5,000, polled to completion', () => {
    expectCall(F, 'New-CsBatchPolicyAssignmentOperation', ['PolicyType', 'PolicyName', 'Identity', 'OperationName']);
    expectCall(F, 'Get-CsBatchPolicyAssignmentOperation', ['OperationId']);
    expect(text(F)).toContain("-BatchPolicyType 'TeamsEmergencyCallRoutingPolicy'");
    expect(text(F)).toContain("-BatchPolicyType 'OnlineVoiceRoutingPolicy'");
    expect(text(F)).toContain('[ValidateRange(1, 5000)]');
    expect(text(F)).toContain("$overallStatus -eq 'Complete' -or $overallStatus -eq 'Completed'");
    expect(text(F)).toContain('$operation.UserState');
  });
  it('assigns planned extensions as <ra number>;ext=<ext> Direct Routing numbers (V3)', () => {
    expectCall(F, 'Set-CsPhoneNumberAssignment', ['Identity', 'PhoneNumber', 'PhoneNumberType']);
    expect(text(F)).toContain('-PhoneNumberType DirectRouting');
    expect(text(F)).toContain("ExtensionNumber = '+61255500100;ext=2001'");
    expect(text(F)).toMatch(
      /Upn = 'alex\.obrien0@contoso\.com'; SharedCallingPolicy = 'SC-Seattle'; EmergencyPolicy = 'ECRP-US-CPOC'; VoiceRoutingPolicy = 'SC-NoPSTN'; ExtensionNumber = ''/,
    );
  });
});

describe('08-verify', () => {
  const F = '08-verify.ps1';
  it('only reads', () => {
    for (const c of cmds.get(F) ?? []) expect(c.name).not.toMatch(/^(New|Set|Grant|Remove|Update)-(Cs|Mg)/);
  });
  it('writes the verification CSV with the documented columns and statuses', () => {
    expect(text(F)).toContain("Join-Path $OutputFolder 'SharedCalling-Verification.csv'");
    expect(text(F)).toContain(
      'ConvertTo-CsvLine @($script:Subject.Kind, $script:Subject.Id, $RowProperty, $RowExpected, $RowActual, $RowStatus, $script:Subject.Name)',
    );
    expect(text(F)).toContain("Write-CsvFile $reportPath @('Kind', 'Subject', 'Property', 'Expected', 'Actual', 'Status', 'Name') $reportRows");
    for (const s of ["'Done'", "'Failed'", "'Missing'"]) expect(text(F)).toContain(s);
    for (const k of ['resourceAccount', 'autoAttendant', 'voiceRoutingPolicy', 'emergencyPolicy', 'sharedCallingPolicy', 'user']) {
      expect(text(F)).toContain(`Start-Subject '${k}'`);
    }
  });
  it('uses the user key as subject', () => {
    expect(text(F)).toContain("Start-Subject 'user' $user.Key $user.Upn");
    expect(text(F)).toContain("Key = 'alex.obrien0@contoso.com'");
  });
});

describe('09-rollback', () => {
  const F = '09-rollback.ps1';
  it('asks for confirmation (ConfirmImpact High) and honours -DryRun', () => {
    expect(text(F)).toContain("[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]");
    expect(text(F)).toContain('if ($DryRun)');
  });
  it('undoes in reverse order: users, Shared Calling, emergency, voice routing, auto attendants, resource accounts', () => {
    const order = [
      'Grant-CsTeamsSharedCallingRoutingPolicy',
      'Remove-CsTeamsSharedCallingRoutingPolicy',
      'Remove-CsTeamsEmergencyCallRoutingPolicy',
      'Grant-CsOnlineVoiceRoutingPolicy',
      'Remove-CsOnlineVoiceRoutingPolicy',
      'Remove-CsOnlineApplicationInstanceAssociation',
      'Remove-CsAutoAttendant',
      'Remove-CsPhoneNumberAssignment',
    ];
    const names = (cmds.get(F) ?? []).map((c) => c.name);
    const lastOf = (n: string) => names.lastIndexOf(n);
    for (let i = 1; i < order.length; i++) expect(lastOf(order[i - 1]!), order[i]).toBeLessThan(lastOf(order[i]!));
    expect(text(F)).toContain('-PolicyName $null');
  });
});
