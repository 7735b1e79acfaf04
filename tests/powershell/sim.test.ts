/**
 * Self-tests of the simulated Teams tenant (tests/powershell/sim, issue 11 item 2): the generated
 * declarations bind like the real module, each behaviour (fault) fires as configured and only
 * then, errors have the service's shape, the state round-trips byte for byte, time is virtual.
 * Every test runs real pwsh against a copy of the sample plan's starting snapshot.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSamplePlan, generateScripts } from '../../src/lib/index.js';
import { REPO, SIM_DIR, SimScratch, lastJson, MODULES } from './support/pwsh.js';

const START = readFileSync(path.join(SIM_DIR, 'tenants/sample-start.json'), 'utf8');
const SUBSET = JSON.parse(readFileSync(path.join(SIM_DIR, '../reference/teams-cmdlets.subset.json'), 'utf8'));
const start = JSON.parse(START);
const [userA, userB, userC] = (start.users as { userPrincipalName: string }[]).map((u) => u.userPrincipalName) as [string, string, string];

// Test-script prelude: Probe returns 'ok' or the HTTP status (or the FullyQualifiedErrorId).
const PRELUDE = `
$ErrorActionPreference = 'Stop'
function Probe([scriptblock]$Call) {
    try { $null = & $Call; return 'ok' }
    catch {
        if ($null -ne $_.Exception.PSObject.Properties['Response'] -and $null -ne $_.Exception.Response) { return [int]$_.Exception.Response.StatusCode }
        return [string]$_.FullyQualifiedErrorId
    }
}
function Out-Result($Value) { $Value | ConvertTo-Json -Compress -Depth 8 }
`;
const CONNECT = `${PRELUDE}
Connect-MicrosoftTeams | Out-Null
Connect-MgGraph -Scopes 'User.ReadWrite.All', 'Organization.Read.All', 'Group.ReadWrite.All' -NoWelcome
`;

const scratches: SimScratch[] = [];
function scratch(name: string, snapshot: unknown = START): SimScratch {
  const s = new SimScratch(name, snapshot);
  scratches.push(s);
  return s;
}
afterAll(() => {
  for (const s of scratches) s.dispose();
});

function ok(r: { code: number; stdout: string; stderr: string }): void {
  expect(r.stderr, r.stdout).toBe('');
  expect(r.code, r.stdout).toBe(0);
}

describe('reference subset', () => {
  const FULL = path.resolve(REPO, '../shared/reference/teams-cmdlets.json');

  it.skipIf(!existsSync(FULL))('is exactly what make-subset.mjs extracts from the full reference', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'subset-'));
    const out = path.join(dir, 'subset.json');
    execFileSync(process.execPath, [path.join(SIM_DIR, 'make-subset.mjs'), FULL, '--out', out], { stdio: 'ignore' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(path.join(SIM_DIR, '../reference/teams-cmdlets.subset.json'), 'utf8'));
    rmSync(dir, { recursive: true, force: true });
  });

  it('declares every Teams and Graph cmdlet the generated files call (sample plan)', () => {
    const graph = JSON.parse(readFileSync(path.join(SIM_DIR, 'graph-cmdlets.json'), 'utf8'));
    const called = new Set<string>();
    for (const f of generateScripts(createSamplePlan())) {
      const text = new TextDecoder().decode(f.bytes);
      for (const m of text.matchAll(/\b(?:[A-Z][a-z]+)-(?:Cs[A-Z][A-Za-z]*|Mg[A-Z][A-Za-z]*|MicrosoftTeams)\b/g)) called.add(m[0]);
    }
    expect(called.size).toBeGreaterThan(30);
    const declared = new Set([...Object.keys(SUBSET.cmdlets), ...Object.keys(graph.cmdlets)]);
    expect([...called].filter((c) => !declared.has(c)).sort()).toEqual([]);
  });
});

describe('generated declarations', () => {
  it('declare every cmdlet of the reference subset, in a MicrosoftTeams that satisfies #Requires 5.5.0', () => {
    const s = scratch('decl');
    const r = s.run(`${PRELUDE}
#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '5.5.0' }
$module = Get-Module MicrosoftTeams
Out-Result ([ordered]@{ version = $module.Version.ToString(); commands = @((Get-Command -Module MicrosoftTeams).Name | Sort-Object) })
`);
    ok(r);
    const out = lastJson(r);
    expect(out.version).toBe('7.3.1');
    expect([...out.commands].sort()).toEqual(Object.keys(SUBSET.cmdlets).sort());
  });

  it("keep a script's exit code although #Requires loads them (PowerShell issue #23887 avoided)", () => {
    const s = scratch('exit');
    const code = '#Requires -Modules MicrosoftTeams\nexit 3\n';
    expect(s.run(code).code).toBe(3);
    // The opt-in reproduction shows what a module that runs script code at import would do.
    expect(s.run(code, { extra: { SIM_REQUIRES_EXIT_QUIRK: '1' } }).code).toBe(0);
  });

  it("let PowerShell's binder reject an unknown parameter, a missing mandatory one and an ambiguous set, before the tenant sees the call", () => {
    const s = scratch('binder');
    const r = s.run(`${CONNECT}
Out-Result ([ordered]@{
    unknown = Probe { Set-CsPhoneNumberAssignment -Identity '${userA}' -PhoneNumber '+12065550104' -PhoneNumberType CallingPlan -Bogus 1 }
    missing = Probe { New-CsOnlineApplicationInstance -DisplayName 'No UPN' }
    ambiguous = Probe { Set-CsPhoneNumberAssignment -Identity '${userA}' }
    badType = Probe { Set-CsPhoneNumberAssignment -Identity '${userA}' -EnterpriseVoiceEnabled 'maybe' }
    wrongSet = Probe { Grant-CsTeamsSharedCallingRoutingPolicy -Identity '${userA}' -Global -PolicyName 'X' }
    emptyMandatory = Probe { Get-CsOnlineApplicationInstanceAssociation -Identity '' }
    aliases = Probe { Set-CsPhoneNumberAssignment -Identity '${userA}' -EnterpriseVoiceEnabled $true }
})
`);
    ok(r);
    const out = lastJson(r);
    expect(out.unknown).toMatch(/^NamedParameterNotFound,Set-CsPhoneNumberAssignment/);
    expect(out.missing).toMatch(/^MissingMandatoryParameter,New-CsOnlineApplicationInstance/);
    expect(out.ambiguous).toMatch(/^AmbiguousParameterSet,Set-CsPhoneNumberAssignment/);
    expect(out.badType).toMatch(/^ParameterArgumentTransformationError,Set-CsPhoneNumberAssignment/);
    expect(out.wrongSet).toMatch(/^AmbiguousParameterSet|^Parameter/);
    expect(out.emptyMandatory).toMatch(/^ParameterArgumentValidationErrorEmptyStringNotAllowed/);
    expect(out.aliases).toBe('ok');
    // Only the last (valid) call reached the engine.
    expect(
      s
        .calls()
        .filter((c) => c.cmdlet !== 'Connect-MicrosoftTeams' && c.cmdlet !== 'Connect-MgGraph')
        .map((c) => `${c.cmdlet}/${c.parameterSet}`),
    ).toEqual(['Set-CsPhoneNumberAssignment/Attribute']);
  });
});

describe("errors have the shape of the service's", () => {
  it('terminate under -ErrorAction Stop or $ErrorActionPreference = Stop and are non-terminating otherwise, with a RestException carrying the HTTP response', () => {
    const s = scratch('errors');
    const r = s.run(`${PRELUDE}
$beforeConnect = Probe { Get-CsTenant -ErrorAction Stop }
Connect-MicrosoftTeams | Out-Null
$caught = $null
try { Get-CsOnlineUser -Identity 'nobody@contoso.com' -ErrorAction Stop } catch { $caught = $_ }
$ErrorActionPreference = 'Continue'
$Error.Clear()
$continued = 'no'
Get-CsOnlineUser -Identity 'nobody@contoso.com' 2>$null
$continued = 'yes'
$nonTerminating = $Error.Count
$Error.Clear()
Get-CsOnlineUser -Identity 'nobody@contoso.com' -ErrorAction SilentlyContinue
$silent = $Error.Count
$ErrorActionPreference = 'Stop'
$callerStop = 'no'
try { Get-CsOnlineUser -Identity 'nobody@contoso.com' } catch { $callerStop = 'yes' }
Out-Result ([ordered]@{
    beforeConnect = $beforeConnect
    type = $caught.Exception.GetType().FullName
    isHttp = ($caught.Exception.Response -is [System.Net.Http.HttpResponseMessage])
    status = [int]$caught.Exception.Response.StatusCode
    fqid = $caught.FullyQualifiedErrorId
    category = [string]$caught.CategoryInfo.Category
    message = $caught.Exception.Message
    continued = $continued; nonTerminating = $nonTerminating; silent = $silent; callerStop = $callerStop
})
`);
    ok(r);
    const out = lastJson(r);
    expect(out.beforeConnect).toMatch(/^UnauthorizedAccess|^System\.UnauthorizedAccessException|Get-CsTenant/);
    expect(out.type).toBe('SimTenant.RestException');
    expect(out.isHttp).toBe(true);
    expect(out.status).toBe(404);
    expect(out.fqid).toMatch(/^NotFound,Microsoft\.Teams\.ConfigAPI\.Cmdlets\.Generated\.Cmdlets\.GetCsOnlineUser/);
    expect(out.category).toBe('ObjectNotFound');
    expect(out.message).toContain('nobody@contoso.com');
    expect(out).toMatchObject({ continued: 'yes', nonTerminating: 1, silent: 1, callerStop: 'yes' });
  });
});

describe('faults fire as configured, and only then', () => {
  const THROTTLE = `${CONNECT}
$results = @()
foreach ($i in 1..4) { $results += Probe { Get-CsTenant } }
$retryAfter = $null
try { Get-CsTenant } catch { $status = [int]$_.Exception.Response.StatusCode; $retryAfter = [string]($_.Exception.Response.Headers.RetryAfter.Delta.TotalSeconds) }
Start-Sleep -Seconds 61
$results += Probe { Get-CsTenant }
Out-Result ([ordered]@{ results = $results; retryAfter = $retryAfter })
`;

  it('throttling: 429 with Retry-After once maxCalls tenant calls fell in the window of virtual time', () => {
    const s = scratch('throttle');
    s.setFaults({ throttling: { maxCalls: 3, windowSeconds: 60, retryAfterSeconds: 30 } });
    const r = s.run(THROTTLE);
    ok(r);
    const out = lastJson(r);
    expect(out.results).toEqual(['ok', 'ok', 'ok', 429, 'ok']);
    expect(out.retryAfter).toBe('30');
    const throttled = s.calls().filter((c) => c.status === 429);
    expect(throttled.length).toBe(2);
    expect(throttled[0]!.error).toMatch(/429/);
  });

  it('no throttling without the fault', () => {
    const s = scratch('nothrottle');
    const out = lastJson(s.run(THROTTLE));
    expect(out.results).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('transient 503 on the Nth call of a cmdlet, or on every Mth call; other cmdlets unaffected', () => {
    const code = `${CONNECT}
$tenant = @(); foreach ($i in 1..4) { $tenant += Probe { Get-CsTenant } }
$users = @(); foreach ($i in 1..4) { $users += Probe { Get-CsOnlineUser -Identity '${userA}' } }
Out-Result ([ordered]@{ tenant = $tenant; users = $users })
`;
    const nth = scratch('transient');
    nth.setFaults({ transientFailures: [{ cmdlet: 'Get-CsTenant', onCall: 2 }] });
    expect(lastJson(nth.run(code))).toEqual({ tenant: ['ok', 503, 'ok', 'ok'], users: ['ok', 'ok', 'ok', 'ok'] });
    const every = scratch('transient-every');
    every.setFaults({ transientFailures: [{ cmdlet: 'Get-CsOnlineUser', everyNth: 2 }] });
    expect(lastJson(every.run(code))).toEqual({ tenant: ['ok', 'ok', 'ok', 'ok'], users: ['ok', 503, 'ok', 503] });
  });

  it('access denied (403) for one named cmdlet, always', () => {
    const s = scratch('denied');
    s.setFaults({ accessDenied: ['Grant-CsOnlineVoiceRoutingPolicy'] });
    const out = lastJson(
      s.run(`${CONNECT}
Out-Result ([ordered]@{
    grant = @((Probe { Grant-CsOnlineVoiceRoutingPolicy -Identity '${userA}' -PolicyName $null }), (Probe { Grant-CsOnlineVoiceRoutingPolicy -Identity '${userB}' -PolicyName $null }))
    read = Probe { Get-CsOnlineUser -Identity '${userA}' }
    other = Probe { Grant-CsTeamsEmergencyCallRoutingPolicy -Identity '${userA}' -PolicyName $null }
})
`),
    );
    expect(out).toEqual({ grant: [403, 403], read: 'ok', other: 'ok' });
  });

  it('per-user failures: the named users fail with the configured status and message, the others succeed', () => {
    const s = scratch('userfail');
    s.setFaults({ userFailures: [{ cmdlet: 'Grant-CsOnlineVoiceRoutingPolicy', users: [userA], status: 400, message: 'User is not valid for this policy.' }] });
    const out = lastJson(
      s.run(`${CONNECT}
New-CsOnlineVoiceRoutingPolicy -Identity 'SC-NoPSTN' | Out-Null
$message = $null
try { Grant-CsOnlineVoiceRoutingPolicy -Identity '${userA}' -PolicyName 'SC-NoPSTN' } catch { $message = $_.Exception.Message; $status = [int]$_.Exception.Response.StatusCode }
Grant-CsOnlineVoiceRoutingPolicy -Identity '${userB}' -PolicyName 'SC-NoPSTN'
Out-Result ([ordered]@{ status = $status; message = $message })
`),
    );
    expect(out).toEqual({ status: 400, message: 'User is not valid for this policy.' });
    const users = s.tenantJson().users;
    expect(users[0].policies).toEqual({});
    expect(users[1].policies).toEqual({ OnlineVoiceRoutingPolicy: 'SC-NoPSTN' });
  });

  it('eventual consistency: a new resource account is unknown to the Teams cmdlets for N calls (404), known to Graph at once', () => {
    const code = `${CONNECT}
$created = New-CsOnlineApplicationInstance -UserPrincipalName 'sc-test@contoso.com' -ApplicationId 'ce933385-9390-45d1-9512-c8d228074e07' -DisplayName 'Test'
$graph = Probe { Get-MgUser -UserId 'sc-test@contoso.com' }
$teams = @(); foreach ($i in 1..3) { $teams += Probe { Get-CsOnlineApplicationInstance -Identity 'sc-test@contoso.com' } }
Out-Result ([ordered]@{ graph = $graph; teams = $teams; objectId = $created.ObjectId })
`;
    const lagging = scratch('consistency');
    lagging.setFaults({ eventualConsistency: { resourceAccountHiddenCalls: 2 } });
    const out = lastJson(lagging.run(code));
    expect(out.graph).toBe('ok');
    expect(out.teams).toEqual([404, 404, 'ok']);
    const ra = lagging.tenantJson().users.find((u: { userPrincipalName: string }) => u.userPrincipalName === 'sc-test@contoso.com');
    expect(ra).toMatchObject({
      objectId: out.objectId,
      accountType: 'ResourceAccount',
      createdBySim: true,
      applicationId: 'ce933385-9390-45d1-9512-c8d228074e07',
    });
    const immediate = scratch('consistency-off');
    expect(lastJson(immediate.run(code)).teams).toEqual(['ok', 'ok', 'ok']);
  });

  it('batch operations: NotStarted -> InProgress -> the configured final word; per-user failure; a user missing from UserState', () => {
    const s = scratch('batch');
    s.setFaults({
      batch: {
        pollsUntilInProgress: 2,
        pollsUntilComplete: 3,
        completeWord: 'Complete',
        userErrors: { [userB]: 'User is ineligible for the policy' },
        missingFromUserState: [userC],
      },
    });
    const ids = start.users.slice(0, 4).map((u: { objectId: string }) => u.objectId);
    const out = lastJson(
      s.run(`${CONNECT}
New-CsTeamsEmergencyCallRoutingPolicy -Identity 'ECRP-T' | Out-Null
$id = New-CsBatchPolicyAssignmentOperation -PolicyType TeamsEmergencyCallRoutingPolicy -PolicyName 'ECRP-T' -Identity @('${ids.join("','")}') -OperationName 'test'
$statuses = @(); $last = $null
foreach ($i in 1..4) { $last = Get-CsBatchPolicyAssignmentOperation -OperationId $id; $statuses += [string]$last.OverallStatus }
Out-Result ([ordered]@{ statuses = $statuses; userState = @($last.UserState | ForEach-Object { [ordered]@{ Id = $_.Id; Result = $_.Result; State = $_.State } }); errors = $last.ErrorCount })
`),
    );
    expect(out.statuses).toEqual(['NotStarted', 'InProgress', 'Complete', 'Complete']);
    expect(out.userState).toEqual([
      { Id: ids[0], Result: 'Success', State: 'Completed' },
      { Id: ids[1], Result: 'User is ineligible for the policy', State: 'Completed' },
      { Id: ids[3], Result: 'Success', State: 'Completed' },
    ]);
    expect(out.errors).toBe(1);
    const users = s.tenantJson().users;
    expect(users.slice(0, 4).map((u: { policies: Record<string, string> }) => u.policies.TeamsEmergencyCallRoutingPolicy ?? null)).toEqual([
      'ECRP-T',
      null,
      null,
      'ECRP-T',
    ]);
    // Default: "Completed", the word every documented example shows (D6).
    const plain = scratch('batch-default');
    const word = lastJson(
      plain.run(`${CONNECT}
New-CsOnlineVoiceRoutingPolicy -Identity 'V' | Out-Null
$id = New-CsBatchPolicyAssignmentOperation -PolicyType OnlineVoiceRoutingPolicy -PolicyName 'V' -Identity @('${ids[0]}')
$w = @(); foreach ($i in 1..3) { $w += [string](Get-CsBatchPolicyAssignmentOperation -OperationId $id).OverallStatus }
Out-Result $w
`),
    );
    expect(word).toEqual(['NotStarted', 'InProgress', 'Completed']);
  });

  it('Enterprise Voice is refused for a user without an enabled Teams Phone (MCOEV) plan, always (V1/U1)', () => {
    const s = scratch('ev');
    const out = lastJson(
      s.run(`${CONNECT}
Set-MgUserLicense -UserId '${userB}' -AddLicenses @() -RemoveLicenses @('e43b5b99-8dfb-405f-9987-dc307f34bcbd') | Out-Null
$message = $null
try { Set-CsPhoneNumberAssignment -Identity '${userB}' -EnterpriseVoiceEnabled $true } catch { $message = $_.Exception.Message; $status = [int]$_.Exception.Response.StatusCode }
$withPhone = Probe { Set-CsPhoneNumberAssignment -Identity '${userC}' -EnterpriseVoiceEnabled $true }
Out-Result ([ordered]@{ status = $status; message = $message; withPhone = $withPhone; ev = (Get-CsOnlineUser -Identity '${userB}').EnterpriseVoiceEnabled })
`),
    );
    expect(out.status).toBe(400);
    expect(out.message).toMatch(/Teams Phone \(MCOEV\)/);
    expect(out.withPhone).toBe('ok');
    expect(out.ev).toBe(false);
  });

  it('faults from SIM_FAULTS are never saved into the snapshot', () => {
    const s = scratch('faults-not-saved');
    s.setFaults({ accessDenied: ['Remove-MgUser'], throttling: { maxCalls: 1000 } });
    ok(
      s.run(`${CONNECT}
Grant-CsTeamsEmergencyCallRoutingPolicy -Identity '${userA}' -PolicyName $null
Update-MgUser -UserId '${userA}' -MobilePhone '+12065550199'
`),
    );
    const after = s.tenantJson();
    expect(after.behaviour).toEqual({});
    expect(after.users[0].mobilePhone).toBe('+12065550199');
  });
});

describe('state', () => {
  it('a read-only run does not rewrite the snapshot; Save-SimTenant without changes and a change undone give the same bytes', () => {
    const s = scratch('roundtrip');
    const before = statSync(s.tenant).mtimeMs;
    ok(
      s.run(`${CONNECT}
$null = Get-CsOnlineUser -Identity '${userA}'
$null = Get-CsPhoneNumberAssignment -TelephoneNumber '+12065550100'
$null = Get-MgSubscribedSku -All
$null = Get-CsTeamsSharedCallingRoutingPolicy -Identity Global
`),
    );
    expect(statSync(s.tenant).mtimeMs).toBe(before);
    expect(s.tenantText()).toBe(START);
    ok(s.run(`${PRELUDE}\nImport-Module MicrosoftTeams\nSave-SimTenant\n`));
    expect(s.tenantText()).toBe(START);
    ok(
      s.run(`${CONNECT}
New-CsOnlineVoiceRoutingPolicy -Identity 'Temp' | Out-Null
Grant-CsOnlineVoiceRoutingPolicy -Identity '${userA}' -PolicyName 'Temp'
Grant-CsOnlineVoiceRoutingPolicy -Identity '${userA}' -PolicyName $null
Remove-CsOnlineVoiceRoutingPolicy -Identity 'Temp'
`),
    );
    expect(s.tenantText()).toBe(START);
    expect(s.calls().filter((c) => c.mutating).length).toBe(4);
  });

  it('keeps the final-newline convention of the file it loaded (JSON.stringify writes none)', () => {
    const text = JSON.stringify(start, null, 2);
    const s = scratch('no-newline', text);
    ok(s.run(`${PRELUDE}\nImport-Module MicrosoftTeams\nSave-SimTenant\n`));
    expect(s.tenantText()).toBe(text);
  });

  it('SIM_SAVE=end defers saving to the end of the run', () => {
    const s = scratch('save-end');
    const out = lastJson(
      s.run(
        `${CONNECT}
Update-MgUser -UserId '${userA}' -MobilePhone '+12065550188'
$mid = [System.IO.File]::ReadAllText($env:SIM_TENANT).Contains('+12065550188')
Out-Result ([ordered]@{ mid = $mid })
`,
        { save: 'end' },
      ),
    );
    expect(out.mid).toBe(false);
    expect(s.tenantJson().users[0].mobilePhone).toBe('+12065550188');
  });
});

describe('virtual time and the call log', () => {
  it('Start-Sleep advances a virtual clock (and Get-Date with it) instead of sleeping, logged as no tenant call', () => {
    const s = scratch('sleep');
    const r = s.run(`${CONNECT}
$before = Get-Date
Start-Sleep -Seconds 7200
Start-Sleep -Milliseconds 500
Out-Result ([ordered]@{ virtual = (Get-SimVirtualTime); elapsed = [int]((Get-Date) - $before).TotalSeconds })
`);
    ok(r);
    expect(r.ms).toBeLessThan(60_000);
    const out = lastJson(r);
    expect(out.virtual).toBe(7200.5);
    expect(out.elapsed).toBeGreaterThanOrEqual(7200);
    const sleeps = s.calls().filter((c) => c.cmdlet === 'Start-Sleep');
    expect(sleeps.map((c) => [c.tenantCall, c.mutating, c.parameters.Seconds, c.virtualTime])).toEqual([
      [false, false, 7200, 7200],
      [false, false, 0.5, 7200.5],
    ]);
  });

  it('records every call: cmdlet, parameter set, parameters (arrays, hashtables as objects, secrets masked), mutating, outcome, status', () => {
    const s = scratch('log');
    ok(
      s.run(`${CONNECT}
$null = Get-CsOnlineUser -Identity '${userA}'
$prompt = New-CsAutoAttendantPrompt -TextToSpeechPrompt 'Hello'
New-CsOnlineVoiceRoutingPolicy -Identity 'L' -OnlinePstnUsages @{ add = 'AU-PSTN' } | Out-Null
$null = Probe { Grant-CsOnlineVoiceRoutingPolicy -Identity '${userA}' -PolicyName 'Missing' }
Connect-MicrosoftTeams -AccessTokens @('a', 'b') | Out-Null
Connect-MgGraph -AccessToken (ConvertTo-SecureString 'secret' -AsPlainText -Force) -NoWelcome
`),
    );
    const calls = s.calls();
    expect(calls.map((c) => c.seq)).toEqual(calls.map((_, i) => i + 1));
    const by = (name: string) => calls.filter((c) => c.cmdlet === name);
    expect(by('Connect-MicrosoftTeams')[0]).toMatchObject({ tenantCall: false, mutating: false, outcome: 'ok', parameterSet: 'UserCredential' });
    expect(by('Get-CsOnlineUser')[0]).toMatchObject({ tenantCall: true, mutating: false, outcome: 'ok', status: 200, parameters: { Identity: userA } });
    expect(by('New-CsAutoAttendantPrompt')[0]).toMatchObject({ tenantCall: false, mutating: false, parameters: { TextToSpeechPrompt: 'Hello' } });
    expect(by('New-CsOnlineVoiceRoutingPolicy')[0]).toMatchObject({
      mutating: true,
      outcome: 'ok',
      parameters: { Identity: 'L', OnlinePstnUsages: { add: 'AU-PSTN' } },
    });
    expect(by('Grant-CsOnlineVoiceRoutingPolicy')[0]).toMatchObject({ mutating: true, outcome: 'error', status: 404, parameterSet: 'Identity' });
    expect(by('Connect-MicrosoftTeams')[1]!.parameters).toEqual({ AccessTokens: ['a', 'b'] });
    expect(by('Connect-MgGraph')[1]!.parameters).toEqual({ AccessToken: '***', NoWelcome: true });
    expect(readFileSync(path.join(MODULES, 'MicrosoftTeams/7.3.1/MicrosoftTeams.psd1'), 'utf8')).toContain("ModuleVersion = '7.3.1'");
  });
});

describe('-WhatIf, latency, inventory queries', () => {
  it("-WhatIf (also the caller's $WhatIfPreference) changes nothing, and Connect-MicrosoftTeams -WhatIf does not connect (D11)", () => {
    const s = scratch('whatif');
    const out = lastJson(
      s.run(`${PRELUDE}
Connect-MgGraph -Scopes 'User.ReadWrite.All' -NoWelcome
Connect-MicrosoftTeams -WhatIf | Out-Null
$afterWhatIfConnect = Probe { Get-CsTenant }
Connect-MicrosoftTeams | Out-Null
New-CsOnlineVoiceRoutingPolicy -Identity 'W' -WhatIf | Out-Null
$WhatIfPreference = $true
New-CsOnlineVoiceRoutingPolicy -Identity 'W2' | Out-Null
$read = @(Get-CsOnlineApplicationInstance).Count
$WhatIfPreference = $false
$created = New-CsOnlineApplicationInstance -UserPrincipalName 'sc-w@contoso.com' -DisplayName 'W'
$WhatIfPreference = $true
$readOne = (Get-CsOnlineApplicationInstance -Identity 'sc-w@contoso.com').ObjectId -eq $created.ObjectId
$WhatIfPreference = $false
Remove-MgUser -UserId 'sc-w@contoso.com'
Out-Result ([ordered]@{ afterWhatIfConnect = $afterWhatIfConnect; policies = @((Get-CsOnlineVoiceRoutingPolicy).Identity); read = $read; readOne = $readOne })
`),
    );
    expect(out.afterWhatIfConnect).toMatch(/UnauthorizedAccess|Get-CsTenant/);
    expect(out.policies).toEqual(['Global']);
    // A read whose page lists -WhatIf (Get-CsOnlineApplicationInstance) still reads.
    expect(out.read).toBe(0);
    expect(out.readOne).toBe(true);
    expect(s.tenantText()).toBe(START);
    expect(
      s
        .calls()
        .filter((c) => c.outcome === 'whatif')
        .map((c) => c.cmdlet),
    ).toEqual(['Connect-MicrosoftTeams', 'New-CsOnlineVoiceRoutingPolicy', 'New-CsOnlineVoiceRoutingPolicy']);
  });

  it('latency per call class advances the virtual clock', () => {
    const s = scratch('latency');
    s.setFaults({ latency: { readMs: 250, writeMs: 1000 } });
    ok(
      s.run(`${CONNECT}
$null = Get-CsOnlineUser -Identity '${userA}'
Grant-CsOnlineVoiceRoutingPolicy -Identity '${userA}' -PolicyName $null
`),
    );
    const calls = s.calls();
    expect(calls.find((c) => c.cmdlet === 'Get-CsOnlineUser')!.virtualTime).toBe(0.25);
    expect(calls.find((c) => c.cmdlet === 'Grant-CsOnlineVoiceRoutingPolicy')!.virtualTime).toBe(1.25);
  });

  it('Get-CsPhoneNumberAssignment filters (named and -Filter), tags, and the export order', () => {
    const s = scratch('inventory');
    const out = lastJson(
      s.run(`${CONNECT}
Set-CsPhoneNumberTag -PhoneNumber '+442079460101' -Tag 'SC-London'
$result = [ordered]@{}
$result.byType = @((Get-CsPhoneNumberAssignment -NumberType OperatorConnect).TelephoneNumber).Count
$result.byCountry = @((Get-CsPhoneNumberAssignment -IsoCountryCode US -CapabilitiesContain UserAssignment).TelephoneNumber).Count
$result.byTag = @((Get-CsPhoneNumberAssignment -Filter "Tags -contains ['sc-london']").TelephoneNumber)
$result.byFilter = @((Get-CsPhoneNumberAssignment -Filter "NumberType -eq 'DirectRouting' -and IsoCountryCode -eq 'AU'").TelephoneNumber).Count
$result.badFilter = Probe { Get-CsPhoneNumberAssignment -Filter 'Nonsense' }
$result.top = @((Get-CsPhoneNumberAssignment -Top 3 -Skip 2).TelephoneNumber)
$result.tags = @(Get-CsPhoneNumberTag)
$order = Export-CsAcquiredPhoneNumber -Property 'TelephoneNumber, NumberType'
$status = Get-CsExportAcquiredPhoneNumberStatus -OrderId $order
$result.status = $status.Status
$result.rows = @(Import-Csv -LiteralPath ([System.Uri]$status.DownloadLink).LocalPath).Count
Out-Result $result
`),
    );
    expect(out).toEqual({
      byType: 5,
      byCountry: 5,
      byTag: ['+442079460101'],
      byFilter: 5,
      badFilter: 400,
      top: ['+12065550102', '+12065550103', '+12065550104'],
      tags: ['SC-London'],
      status: 'Completed',
      rows: 16,
    });
  });
});

describe('group policy assignment', () => {
  it('ranks renumbered per type, direct beats group, EffectivePolicyAssignments and Get-CsUserPolicyAssignment follow membership', () => {
    const s = scratch('gpa');
    const seattle = start.groups[0].id as string;
    const london = start.groups[1].id as string;
    const out = lastJson(
      s.run(`${CONNECT}
New-CsOnlineVoiceRoutingPolicy -Identity 'G1' | Out-Null
New-CsOnlineVoiceRoutingPolicy -Identity 'G2' | Out-Null
Grant-CsOnlineVoiceRoutingPolicy -Group '${seattle}' -PolicyName 'G1' -Rank 5
New-CsGroupPolicyAssignment -GroupId '${london}' -PolicyType OnlineVoiceRoutingPolicy -PolicyName 'G2' -Rank 1
$result = [ordered]@{}
$result.ranks = @(Get-CsGroupPolicyAssignment -PolicyType OnlineVoiceRoutingPolicy | Sort-Object Rank | ForEach-Object { '{0}={1}' -f $_.PolicyName, $_.Rank })
$result.duplicate = Probe { New-CsGroupPolicyAssignment -GroupId '${london}' -PolicyType OnlineVoiceRoutingPolicy -PolicyName 'G1' }
$result.viaGroup = @((Get-CsOnlineUser -Identity '${userA}').EffectivePolicyAssignments | ForEach-Object { '{0}:{1}:{2}' -f $_.PolicyType, $_.PolicyAssignment.DisplayName, $_.PolicyAssignment.AssignmentType })
$result.directProperty = (Get-CsOnlineUser -Identity '${userA}').OnlineVoiceRoutingPolicy
Grant-CsOnlineVoiceRoutingPolicy -Identity '${userA}' -PolicyName 'G2'
$result.effective = (Get-CsUserPolicyAssignment -Identity '${userA}' -PolicyType OnlineVoiceRoutingPolicy).PolicyName
$result.sources = @((Get-CsUserPolicyAssignment -Identity '${userA}' -PolicyType OnlineVoiceRoutingPolicy).PolicySource | ForEach-Object { $_.AssignmentType })
Remove-CsGroupPolicyAssignment -GroupId '${london}' -PolicyType OnlineVoiceRoutingPolicy
$result.afterRemove = @(Get-CsGroupPolicyAssignment | ForEach-Object { '{0}={1}' -f $_.PolicyName, $_.Rank })
$result.removeAssigned = Probe { Remove-CsOnlineVoiceRoutingPolicy -Identity 'G1' }
Out-Result $result
`),
    );
    expect(out).toEqual({
      ranks: ['G2=1', 'G1=2'],
      duplicate: 409,
      viaGroup: ['OnlineVoiceRoutingPolicy:G1:Group'],
      directProperty: null,
      effective: 'G2',
      sources: ['Direct', 'Group'],
      afterRemove: ['G1=1'],
      removeAssigned: 400,
    });
  });
});

describe('Microsoft Graph session', () => {
  it('Get-MgContext is $null before Connect-MgGraph; a write needs a write scope (403 Authorization_RequestDenied, D13)', () => {
    const s = scratch('graph');
    const out = lastJson(
      s.run(`${PRELUDE}
$before = $null -eq (Get-MgContext)
$unconnected = Probe { Get-MgUser -UserId '${userA}' }
Connect-MgGraph -Scopes 'User.Read.All', 'Organization.Read.All' -NoWelcome
$context = Get-MgContext
$read = Probe { Get-MgUser -UserId '${userA}' -Property 'Id,UsageLocation' }
$fqid = $null
try { Update-MgUser -UserId '${userA}' -MobilePhone '+12065550177' } catch { $fqid = $_.FullyQualifiedErrorId; $status = [int]$_.Exception.Response.StatusCode }
$defaultSet = (Get-MgUser -UserId '${userA}').UsageLocation
$selected = (Get-MgUser -UserId '${userA}' -Property 'Id,UsageLocation').UsageLocation
Out-Result ([ordered]@{ before = $before; unconnected = $unconnected; scopes = @($context.Scopes); authType = $context.AuthType; read = $read; status = $status; fqid = $fqid; defaultSet = $defaultSet; selected = $selected })
`),
    );
    expect(out.before).toBe(true);
    expect(out.unconnected).toMatch(/Authentication|Get-MgUser/);
    expect(out.scopes).toEqual(expect.arrayContaining(['User.Read.All', 'Organization.Read.All']));
    expect(out.authType).toBe('Delegated');
    expect(out.read).toBe('ok');
    expect(out.status).toBe(403);
    expect(out.fqid).toMatch(/^Authorization_RequestDenied,Microsoft\.Graph\.PowerShell\.Cmdlets\.UpdateMgUser/);
    // UsageLocation is not in Graph's default property set: only -Property brings it.
    expect(out.defaultSet).toBeNull();
    expect(out.selected).toBe('US');
    expect(s.tenantText()).toBe(START);
  });
});

describe('service rules the simulator enforces', () => {
  it('numbers, licences and policies: inventory, type, other target, RA licence first (§3.9), conflicts, 404s, ObjectId for -ResourceAccount', () => {
    const s = scratch('rules');
    const out = lastJson(
      s.run(`${CONNECT}
$ra = New-CsOnlineApplicationInstance -UserPrincipalName 'sc-rule@contoso.com' -ApplicationId 'ce933385-9390-45d1-9512-c8d228074e07' -DisplayName 'Rule'
$result = [ordered]@{}
$result.notInInventory = Probe { Set-CsPhoneNumberAssignment -Identity 'sc-rule@contoso.com' -PhoneNumber '+12065559999' -PhoneNumberType CallingPlan }
$result.wrongType = Probe { Set-CsPhoneNumberAssignment -Identity 'sc-rule@contoso.com' -PhoneNumber '+442079460100' -PhoneNumberType CallingPlan }
$result.unlicensed = Probe { Set-CsPhoneNumberAssignment -Identity 'sc-rule@contoso.com' -PhoneNumber '+442079460100' -PhoneNumberType OperatorConnect }
Update-MgUser -UserId 'sc-rule@contoso.com' -UsageLocation GB
Set-MgUserLicense -UserId 'sc-rule@contoso.com' -AddLicenses @(@{ SkuId = '440eaaa8-b3e0-484b-a8be-62870b9ba70a' }) -RemoveLicenses @() | Out-Null
$result.licensed = Probe { Set-CsPhoneNumberAssignment -Identity 'sc-rule@contoso.com' -PhoneNumber '+442079460100' -PhoneNumberType OperatorConnect }
$result.otherTarget = Probe { Set-CsPhoneNumberAssignment -Identity '${userA}' -PhoneNumber '+442079460100' -PhoneNumberType OperatorConnect }
$result.byUpn = Probe { New-CsTeamsSharedCallingRoutingPolicy -Identity 'SC-T' -ResourceAccount 'sc-rule@contoso.com' }
$result.created = Probe { New-CsTeamsSharedCallingRoutingPolicy -Identity 'SC-T' -ResourceAccount $ra.ObjectId -EmergencyNumbers @{ add = '+442079460101', '+442079460102' } }
$result.conflict = Probe { New-CsTeamsSharedCallingRoutingPolicy -Identity 'SC-T' -ResourceAccount $ra.ObjectId }
$result.setMissing = Probe { Set-CsTeamsSharedCallingRoutingPolicy -Identity 'SC-Nope' -Description 'x' }
$result.grantMissing = Probe { Grant-CsTeamsSharedCallingRoutingPolicy -Identity '${userA}' -PolicyName 'SC-Nope' }
$result.grantTagged = Probe { Grant-CsTeamsSharedCallingRoutingPolicy -Identity '${userA}' -PolicyName 'Tag:SC-T' }
$result.unknownAccount = Probe { New-CsTeamsSharedCallingRoutingPolicy -Identity 'SC-U' -ResourceAccount '00000000-0000-4000-8000-0000000000ff' }
$result.wrongCountry = Probe { Set-CsTeamsSharedCallingRoutingPolicy -Identity 'SC-T' -EmergencyNumbers @{ add = '+12065550101' } }
Set-CsTeamsSharedCallingRoutingPolicy -Identity 'SC-T' -EmergencyNumbers @{ remove = '+442079460101' }
Set-CsTeamsSharedCallingRoutingPolicy -Identity 'Tag:SC-T' -EmergencyNumbers @{ add = '+442079460103' }
$result.numbers = @((Get-CsTeamsSharedCallingRoutingPolicy -Identity 'SC-T').EmergencyNumbers)
Set-CsTeamsSharedCallingRoutingPolicy -Identity 'SC-T' -EmergencyNumbers @('+442079460103', '+442079460102')
$result.replaced = @((Get-CsTeamsSharedCallingRoutingPolicy -Identity 'SC-T').EmergencyNumbers)
$result.ecbnHolder = (Get-CsPhoneNumberAssignment -TelephoneNumber '+442079460103').AssignedPstnTargetId
$result.grant = Probe { Grant-CsTeamsSharedCallingRoutingPolicy -Identity '${userA}' -PolicyName 'SC-T' }
$result.userPolicy = (Get-CsOnlineUser -Identity '${userA}').TeamsSharedCallingRoutingPolicy
$result.raLine = (Get-CsOnlineUser -Identity 'sc-rule@contoso.com').LineUri
Out-Result $result
`),
    );
    expect(out).toMatchObject({
      notInInventory: 404,
      wrongType: 400,
      unlicensed: 400,
      licensed: 'ok',
      otherTarget: 400,
      byUpn: 400,
      created: 'ok',
      conflict: 409,
      setMissing: 404,
      grantMissing: 404,
      grantTagged: 404,
      unknownAccount: 404,
      wrongCountry: 400,
      numbers: ['+442079460102', '+442079460103'],
      replaced: ['+442079460103', '+442079460102'],
      ecbnHolder: 'TeamsSharedCallingRoutingPolicy|Tag:SC-T',
      grant: 'ok',
      userPolicy: 'SC-T',
      raLine: 'tel:+442079460100',
    });
  });
});

describe('one tenant per process: ForEach-Object -Parallel (issue 12 item 7)', () => {
  // Users of the sample snapshot that are plain users (Update-MgUser needs no licence).
  const plainUsers = (start.users as { userPrincipalName: string; accountType: string }[])
    .filter((u) => u.accountType === 'User')
    .slice(0, 24)
    .map((u) => u.userPrincipalName);
  const upnList = plainUsers.map((u) => `'${u}'`).join(', ');

  it('worker runspaces share the tenant, the connection and the call log; N parallel writes all land (lock), saved once at the end with SIM_SAVE=end', () => {
    const s = scratch('parallel-shared');
    const out = lastJson(
      s.run(
        `${CONNECT}
$upns = @(${upnList})
$workers = @($upns | ForEach-Object -ThrottleLimit 6 -Parallel {
    Import-Module MicrosoftTeams
    Update-MgUser -UserId $_ -MobilePhone '+12065550199'
    [System.Threading.Thread]::CurrentThread.ManagedThreadId
})
$landed = @($upns | Where-Object { (Get-MgUser -UserId $_ -Property 'MobilePhone').MobilePhone -eq '+12065550199' }).Count
$mid = [System.IO.File]::ReadAllText($env:SIM_TENANT).Contains('+12065550199')
Out-Result ([ordered]@{ landed = $landed; threads = @($workers | Sort-Object -Unique).Count; calls = (Get-SimCallCount).MutatingCalls; mid = $mid })
`,
        { save: 'end' },
      ),
    );
    expect(out.landed).toBe(plainUsers.length);
    expect(out.calls).toBe(plainUsers.length);
    expect(out.threads).toBeGreaterThan(1);
    expect(out.mid).toBe(false);
    const writes = s.calls().filter((c) => c.cmdlet === 'Update-MgUser');
    expect(writes).toHaveLength(plainUsers.length);
    // One shared log: every seq once, in increasing order.
    const seqs = s.calls().map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    // Saved by the main runspace when PowerShell exits, with every write.
    const saved = s.tenantJson().users.filter((u: { mobilePhone?: string }) => u.mobilePhone === '+12065550199');
    expect(saved).toHaveLength(plainUsers.length);
  });

  it('virtual clock lanes: a worker starts at the main clock and advances its own lane (Start-Sleep, Get-Date); the main runspace then continues from the latest lane', () => {
    const s = scratch('parallel-lanes');
    s.setFaults({ latency: { readMs: 0, writeMs: 1000 } });
    const out = lastJson(
      s.run(`${CONNECT}
Start-Sleep -Seconds 100
$mainStart = Get-SimVirtualTime
$upns = @(${plainUsers
        .slice(0, 8)
        .map((u) => `'${u}'`)
        .join(', ')})
$lanes = @($upns | ForEach-Object -ThrottleLimit 4 -Parallel {
    Import-Module MicrosoftTeams
    $before = Get-SimVirtualTime
    Start-Sleep -Seconds 2
    Update-MgUser -UserId $_ -MobilePhone '+12065550177'
    [pscustomobject]@{ Before = $before; After = (Get-SimVirtualTime); Date = (Get-Date).ToString('o') }
})
$beforeJoin = Get-SimVirtualTime
$null = Get-CsTenant
$mainAfter = Get-SimVirtualTime
Out-Result ([ordered]@{ mainStart = $mainStart; beforeJoin = $beforeJoin; mainAfter = $mainAfter; lanes = $lanes })
`),
    );
    expect(out.mainStart).toBe(100);
    // The main clock does not move while the workers run; its next call joins the latest lane.
    expect(out.beforeJoin).toBe(100);
    const afters = out.lanes.map((l: { After: number }) => l.After) as number[];
    const latest = Math.max(...afters);
    expect(out.mainAfter).toBe(latest);
    // Each call took 3 s of virtual time (2 s sleep + 1 s write); 8 calls over 4 lanes: faster than serial (24 s).
    expect(Math.min(...afters)).toBe(103);
    expect(latest - 100).toBeLessThan(24);
    expect(latest - 100).toBeGreaterThanOrEqual(6);
    // The first four items start in four fresh lanes, at the main clock.
    expect(out.lanes.filter((l: { Before: number }) => l.Before === 100).length).toBeGreaterThanOrEqual(4);
    // Get-Date in a worker follows its lane.
    const dates = out.lanes.map((l: { Date: string; After: number }) => Date.parse(l.Date) / 1000 - l.After);
    expect(Math.max(...dates) - Math.min(...dates)).toBeLessThan(1);
    const writes = s.calls().filter((c) => c.cmdlet === 'Update-MgUser');
    expect(writes.map((c) => c.virtualTime).sort((a, b) => a - b)[0]).toBe(103);
  });

  it('throttling counts calls of every lane by virtual time', () => {
    const s = scratch('parallel-throttle');
    s.setFaults({ throttling: { maxCalls: 5, windowSeconds: 60, retryAfterSeconds: 30, cmdlets: ['Update-MgUser'] } });
    const out = lastJson(
      s.run(`${CONNECT}
$upns = @(${upnList})
$statuses = @($upns | ForEach-Object -ThrottleLimit 4 -Parallel {
    Import-Module MicrosoftTeams
    try { Update-MgUser -UserId $_ -MobilePhone '+12065550166' -ErrorAction Stop; 'ok' } catch { [int]$_.Exception.Response.StatusCode }
})
Out-Result ([ordered]@{ ok = @($statuses | Where-Object { $_ -eq 'ok' }).Count; throttled = @($statuses | Where-Object { $_ -eq 429 }).Count })
`),
    );
    // No latency: every call happens at virtual time 0, so the window admits exactly 5.
    expect(out.ok).toBe(5);
    expect(out.throttled).toBe(plainUsers.length - 5);
  });

  it('behaviour sessionPerRunspace: worker runspaces are not connected until they call Connect-MicrosoftTeams themselves (off by default)', () => {
    const code = `${CONNECT}
$result = [ordered]@{ main = (Probe { Get-CsTenant }) }
$result.workers = @(1..3 | ForEach-Object -ThrottleLimit 3 -Parallel {
    Import-Module MicrosoftTeams
    try { $null = Get-CsTenant -ErrorAction Stop; 'ok' } catch { $_.Exception.GetType().Name }
})
$result.graph = @(1 | ForEach-Object -Parallel {
    Import-Module MicrosoftTeams
    try { $null = Get-MgUser -UserId '${userA}' -ErrorAction Stop; 'ok' } catch { $_.Exception.GetType().Name }
})
$result.connected = @(1 | ForEach-Object -Parallel {
    Import-Module MicrosoftTeams
    Connect-MicrosoftTeams | Out-Null
    try { $null = Get-CsTenant -ErrorAction Stop; 'ok' } catch { $_.Exception.GetType().Name }
})
Out-Result $result
`;
    const on = scratch('session-per-runspace');
    on.setFaults({ sessionPerRunspace: true });
    const a = lastJson(on.run(code));
    expect(a.main).toBe('ok');
    expect(a.workers).toEqual(['UnauthorizedAccessException', 'UnauthorizedAccessException', 'UnauthorizedAccessException']);
    expect(a.graph).toEqual(['AuthenticationException']);
    expect(a.connected).toEqual(['ok']);
    const b = lastJson(scratch('session-shared').run(code));
    expect(b.workers).toEqual(['ok', 'ok', 'ok']);
    expect(b.graph).toEqual(['ok']);
  });
});
