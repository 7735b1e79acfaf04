/**
 * Guards for the review findings on the generated PowerShell (issue 11, D1–D16, RA8, style), read
 * from the generated text and its tree-sitter AST. What only running shows is guarded by the pwsh
 * runs in tests/powershell/defects.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Node, Parser, Tree } from 'web-tree-sitter';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { generateScripts, type ScriptFile } from '../../../src/lib/powershell/index.js';
import { blockOwner, commandName, commands, commandsIn, functionDefinitions, loadParser, parse } from './ps-tree.js';

/** Builders that create objects in memory only (§3.11, §3.12): not tenant calls. */
const IN_MEMORY = new Set([
  'New-CsTeamsEmergencyNumber',
  'New-CsAutoAttendantDialScope',
  'New-CsAutoAttendantMenu',
  'New-CsAutoAttendantCallFlow',
  'New-CsAutoAttendantPrompt',
]);
/** Not tenant calls: the local Graph context, the sign-ins, and the connection probe. */
const NOT_TENANT_CALLS = new Set(['Get-MgContext', 'Connect-MgGraph', 'Connect-MicrosoftTeams', 'Get-CsTenant']);
const TENANT_CALL = /^[A-Za-z]+-(Cs|Mg)[A-Z]/;
const WRAPPERS = new Set(['Invoke-TenantCall', 'Invoke-Lookup', 'Invoke-Change']);

let parser: Parser;
let files: ScriptFile[];
const trees = new Map<string, Tree>();
beforeAll(async () => {
  parser = await loadParser();
  files = generateScripts(createSamplePlan());
  for (const f of files) trees.set(f.name, parse(parser, f.text));
});
const stageFiles = () => files.filter((f) => /^\d\d-/.test(f.name));
const text = (name: string) => files.find((f) => f.name === name)!.text;
/** The text of `function <name> { … }` in a file. */
function fnText(file: string, name: string): string {
  const node = functionDefinitions(trees.get(file)!).get(name);
  expect(node, `${file}: function ${name}`).toBeDefined();
  return node!.text;
}

/** Functions that (directly or through other functions) open a retry loop. */
function loopingFunctions(tree: Tree): Set<string> {
  const defs = functionDefinitions(tree);
  const calls = new Map<string, Set<string>>();
  for (const [name, node] of defs) calls.set(name, new Set(commandsIn(node).map((c) => c.name)));
  const out = new Set<string>(WRAPPERS);
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, called] of calls) {
      if (out.has(name)) continue;
      if ([...called].some((c) => out.has(c))) {
        out.add(name);
        changed = true;
      }
    }
  }
  return out;
}

describe('D2: throttling is decided from the status, one retry loop per tenant call', () => {
  it('Test-Throttled reads the HTTP status (429, 503) of the error, not its text', () => {
    for (const f of stageFiles()) {
      const t = fnText(f.name, 'Test-Throttled');
      expect(t).not.toMatch(/Out-String|-match|throttl[^e]|Limited/i);
      expect(t).toContain('Get-ErrorStatus');
      expect(t).toMatch(/-eq 429/);
      expect(t).toMatch(/-eq 503/);
      expect(fnText(f.name, 'Get-ErrorResponse')).toContain("PSObject.Properties['Response']");
      expect(fnText(f.name, 'Get-ErrorResponse')).toContain('InnerException');
    }
  });

  it('Retry-After is honoured and every wait is capped at 300 s', () => {
    const t = fnText('07-users.ps1', 'Get-RetryDelay');
    expect(t).toContain('Headers.RetryAfter');
    expect(t).toContain('[math]::Min(300');
  });

  it('every Teams and Graph call sits directly in its own Invoke-TenantCall / Invoke-Lookup / Invoke-Change block', () => {
    const problems: string[] = [];
    let calls = 0;
    for (const f of stageFiles()) {
      for (const c of commands(trees.get(f.name)!)) {
        if (!TENANT_CALL.test(c.name) || IN_MEMORY.has(c.name) || NOT_TENANT_CALLS.has(c.name)) continue;
        calls++;
        const owner = blockOwner(c.node);
        const ownerName = owner ? commandName(owner) : '';
        if (!WRAPPERS.has(ownerName)) problems.push(`${f.name}:${c.node.startPosition.row + 1} ${c.name} (in ${ownerName || 'no block'})`);
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(60);
  });

  it('no retry loop runs inside another (no nested back-off)', () => {
    const problems: string[] = [];
    for (const f of stageFiles()) {
      const tree = trees.get(f.name)!;
      const looping = loopingFunctions(tree);
      for (const c of commands(tree)) {
        if (!WRAPPERS.has(c.name)) continue;
        // The script block argument of this wrapper must not call anything that loops again.
        const inner = commandsIn(c.node).filter((x) => x.node.id !== c.node.id);
        for (const x of inner) {
          if (looping.has(x.name)) problems.push(`${f.name}:${x.node.startPosition.row + 1} ${x.name} inside ${c.name}`);
        }
      }
      // The step helpers run IsDone / Change / Test blocks directly (their calls carry their own loop).
      for (const name of ['Invoke-PlanStep', 'Invoke-Check']) {
        const body = fnText(f.name, name);
        expect(body).not.toMatch(/Invoke-TenantCall \$(IsDone|Change|Test)|Invoke-Change \$Change/);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('D3: only a not-found means absent', () => {
  it('Invoke-Lookup returns $null only when Test-NotFound says so, and rethrows everything else', () => {
    for (const f of stageFiles()) {
      const t = fnText(f.name, 'Invoke-Lookup');
      expect(t).toMatch(/if \(Test-NotFound \$_\) \{ return \$null \}\r\n\s+throw/);
      const nf = fnText(f.name, 'Test-NotFound');
      expect(nf).toContain('-eq 404');
      expect(nf).toContain("'ObjectNotFound'");
    }
  });
});

export function nodeLine(n: Node): number {
  return n.startPosition.row + 1;
}

describe('D10: the stage files are closed in a finally block', () => {
  it('the body opens the log inside try and closes it in finally, before the summary', () => {
    for (const f of stageFiles()) {
      const t = text(f.name);
      expect(t, f.name).toMatch(
        /\r\ntry \{\r\n    Open-StageFile\r\n[\s\S]*\r\n\} catch \{\r\n(    [^\r\n]*\r\n)+\} finally \{\r\n(    #[^\r\n]*\r\n)?    Close-StageFile -Interrupted:\(-not \$stageBodyEnded\)\r\n\}\r\nComplete-Stage\r\n$/,
      );
      // Nothing opens a writer at file level any more.
      expect(fnText(f.name, 'Open-StageFile')).toContain('New-Object System.IO.StreamWriter($script:LogPath');
      expect(t.split('New-Object System.IO.StreamWriter($script:LogPath').length).toBe(2);
    }
  });
});

describe('D11: -WhatIf only affects tenant changes', () => {
  const OWN_FILES = new Set(['Export-Csv', 'New-Item', 'Remove-Item', 'Out-File', 'Set-Content', 'Add-Content', 'Start-Transcript', 'Connect-MicrosoftTeams']);
  it('every file and connection cmdlet passes -WhatIf:$false (and -Confirm:$false)', () => {
    const problems: string[] = [];
    let seen = 0;
    for (const f of files) {
      for (const c of commands(trees.get(f.name)!)) {
        if (!OWN_FILES.has(c.name)) continue;
        seen++;
        if (!/-WhatIf:\$false/.test(c.node.text) || !/-Confirm:\$false/.test(c.node.text))
          problems.push(`${f.name}:${c.node.startPosition.row + 1} ${c.node.text}`);
      }
    }
    expect(problems).toEqual([]);
    expect(seen).toBeGreaterThan(10);
  });
  it('Connect-MgGraph runs with $WhatIfPreference switched off in its function', () => {
    const t = fnText('02-resource-accounts.ps1', 'Connect-GraphIfNeeded');
    expect(t.indexOf('$WhatIfPreference = $false')).toBeGreaterThan(0);
    expect(t.indexOf('$WhatIfPreference = $false')).toBeLessThan(t.indexOf('Connect-MgGraph -Scopes'));
  });
});

describe('D13: Microsoft Graph scopes fit what the stage does', () => {
  const scopeCalls = (file: string) =>
    commands(trees.get(file)!)
      .filter((c) => c.name === 'Connect-GraphIfNeeded')
      .map((c) => c.node.text);
  it('stage 01 (read only) asks for read scopes only', () => {
    expect(scopeCalls('01-prerequisites.ps1')).toEqual(["Connect-GraphIfNeeded @('User.Read.All', 'Organization.Read.All')"]);
  });
  it('stage 02 asks for read scopes under -DryRun and the least write scopes otherwise (§10.4)', () => {
    const t = text('02-resource-accounts.ps1');
    expect(t).toContain("if ($DryRun) { $graphScopes = @('User.Read.All', 'Organization.Read.All') }");
    expect(t).toContain("else { $graphScopes = @('User.ReadWrite.All', 'LicenseAssignment.ReadWrite.All', 'Organization.Read.All') }");
    expect(scopeCalls('02-resource-accounts.ps1')).toEqual(['Connect-GraphIfNeeded $graphScopes']);
  });
  it('the rollback asks for User.ReadWrite.All only to delete accounts, and not under -DryRun', () => {
    const t = text('09-rollback.ps1');
    expect(t).toContain("if ($RemoveResourceAccounts -and $DryRun) { $graphReady = Connect-GraphIfNeeded @('User.Read.All') }");
    expect(t).toContain("elseif ($RemoveResourceAccounts) { $graphReady = Connect-GraphIfNeeded @('User.ReadWrite.All') }");
  });
  it('Connect-MgGraph asks for exactly the scopes the stage named, reusing a session that holds them', () => {
    const t = fnText('02-resource-accounts.ps1', 'Connect-GraphIfNeeded');
    expect(t).toContain('Connect-MgGraph -Scopes $GraphScopes -NoWelcome -ErrorAction Stop');
    expect(t).toContain('$missingScopes.Count -gt 0');
    for (const f of files) expect(f.text).not.toMatch(/Connect-MgGraph -Scopes @\(/);
  });
});

describe('D1, D12: stage 07 order and Teams Phone', () => {
  it('D1: the policy batches run before Enterprise Voice, and the Shared Calling grant is last and conditional', () => {
    const names = commands(trees.get('07-users.ps1')!).map((c) => c.node.text.split(' ').slice(0, 3).join(' '));
    const at = (prefix: string) => names.findIndex((n) => n.startsWith(prefix));
    const batches = names.map((n, i) => (n.startsWith('Invoke-BatchAssignment -BatchPolicyType') ? i : -1)).filter((i) => i >= 0);
    expect(batches).toHaveLength(2);
    expect(Math.max(...batches)).toBeLessThan(at('Set-CsPhoneNumberAssignment -Identity $user.Upn'));
    expect(at('Set-CsPhoneNumberAssignment -Identity $user.Upn')).toBeLessThan(at('Grant-CsTeamsSharedCallingRoutingPolicy -Identity $user.Upn'));
    // The parallel pass (PowerShell 7) keeps the order per user: its executor makes the Enterprise
    // Voice and extension calls before the grant, and grants only when nothing failed first.
    const work = fnText('07-users.ps1', 'Invoke-UserWorkItem');
    expect(work.indexOf('Set-CsPhoneNumberAssignment -Identity $Work.Upn -EnterpriseVoiceEnabled')).toBeGreaterThan(0);
    expect(work.indexOf('Set-CsPhoneNumberAssignment -Identity $Work.Upn -EnterpriseVoiceEnabled')).toBeLessThan(work.indexOf('-PhoneNumber $Work.Extension'));
    expect(work.indexOf('-PhoneNumber $Work.Extension')).toBeLessThan(work.indexOf('if ($workFailed.Count -gt 0)'));
    expect(work.indexOf('if ($workFailed.Count -gt 0)')).toBeLessThan(
      work.indexOf('Grant-CsTeamsSharedCallingRoutingPolicy -Identity $Work.Upn -PolicyName $Work.Policy'),
    );
    expect(fnText('07-users.ps1', 'New-UserWorkItem')).toContain("if ($script:FailedSteps.Contains($workKey + ':ecrp'))");
    const t = text('07-users.ps1');
    expect(t).toMatch(/if \(\$failedFirst\.Count -gt 0\) \{\r\n\s+Write-StepLog \(\$userKey \+ ':scp'\)/);
    expect(t).toContain("if ($script:FailedSteps.Contains($userKey + ':ecrp'))");
    expect(t).toContain("if ($script:LastStatus -eq 'Failed') { $failedFirst.Add('Enterprise Voice (V1)') }");
  });
  it('issue 12 item 7: the parallel pass runs only on PowerShell 7+, with -ThrottleLimit > 1, never under -DryRun, -WhatIf or -Confirm', () => {
    const t = fnText('07-users.ps1', 'Test-ParallelPass');
    expect(t).toContain('if ($ThrottleLimit -le 1 -or $DryRun -or $WhatIfPreference) { return $false }');
    expect(t).toContain("if ($ConfirmPreference -ne 'High' -and $ConfirmPreference -ne 'None') { return $false }");
    expect(t).toContain('return ($PSVersionTable.PSVersion.Major -ge 7)');
    expect(text('07-users.ps1')).toContain('[ValidateRange(1, 32)]\r\n    [int]$ThrottleLimit = 4');
    expect(text('Invoke-SharedCallingRunbook.ps1')).toContain("if ($entry.Number -eq '07') { $stageArgs['ThrottleLimit'] = $ThrottleLimit }");
  });
  it('issue 12 item 7: plan values reach the workers only as data; their code is the text of the file’s own functions', () => {
    const t = text('07-users.ps1');
    // $using: only for the retry count, the module version and the code; users go through the pipeline.
    expect([...new Set([...t.matchAll(/\$using:(\w+)/g)].map((m) => m[1]))].sort()).toEqual(['MaxRetries', 'WorkerCode', 'teamsVersion']);
    expect(t.match(/\[scriptblock\]::Create\(/gi)).toHaveLength(1);
    expect(t).toContain('. ([scriptblock]::Create($using:WorkerCode))');
    const code = fnText('07-users.ps1', 'Get-UserWorkerCode');
    expect(code).toContain('(Get-Command -Name $workerFunction -CommandType Function).Definition');
    expect(code).not.toMatch(/\$Plan|\$user\b|\$Work\b/);
    // Workers never write a file: no log, checkpoint or CSV writer in the functions they run.
    const work = fnText('07-users.ps1', 'Invoke-UserWorkItem');
    expect(work).not.toMatch(/Write-StepLog|Add-Checkpoint|StreamWriter|Write-CsvFile|Out-File|Set-Content/);
  });
  it('D12: Teams Phone is read from FeatureTypes (PhoneSystem) or an enabled MCOEV plan (U1, U4)', () => {
    const t = fnText('07-users.ps1', 'Test-TeamsPhone');
    expect(t).toContain("@($PhoneUser.FeatureTypes) -contains 'PhoneSystem'");
    expect(t).toContain("-like 'MCOEV*' -and [string]$assignedPlan.CapabilityStatus -eq 'Enabled'");
    expect(text('07-users.ps1')).toMatch(/if \(-not \(Test-TeamsPhone \$onlineUser\)\) \{\r\n[^\r\n]*'Failed'[^\r\n]*\r\n\s+continue/);
  });
  it('style: per-user loops report progress and complete it', () => {
    for (const f of ['07-users.ps1']) {
      const t = text(f);
      expect(t).toContain("Write-LoopProgress 'Stage 07: reading users' $userIndex $userCount");
      expect(t).toContain("Complete-LoopProgress 'Stage 07: enabling users'");
      expect(fnText(f, 'Write-LoopProgress')).toContain('Write-Progress -Id 1 -Activity $ProgressActivity -Status');
      expect(fnText(f, 'Write-LoopProgress')).toContain('-PercentComplete $progressPercent');
      expect(fnText(f, 'Complete-LoopProgress')).toContain('Write-Progress -Id 1 -Activity $ProgressActivity -Completed');
    }
  });
});

describe('style: -Transcript', () => {
  it('every stage has -Transcript: Start-Transcript into the output folder, stopped after the summary or when interrupted', () => {
    for (const f of stageFiles()) {
      expect(text(f.name)).toContain('[switch]$Transcript');
      expect(fnText(f.name, 'Open-StageFile')).toContain('Start-Transcript -LiteralPath $script:TranscriptPath -Append -WhatIf:$false -Confirm:$false');
      expect(text(f.name)).toContain("$script:TranscriptPath = Join-Path $OutputFolder ($script:StageName + '.transcript.txt')");
      const complete = fnText(f.name, 'Complete-Stage');
      expect(complete.match(/Stop-StageTranscript\r\n\s+exit [01]/g)).toHaveLength(2);
    }
    const rb = text('Invoke-SharedCallingRunbook.ps1');
    expect(rb).toContain('[switch]$Transcript');
    expect(rb).toContain('Start-Transcript -LiteralPath');
  });
});

describe('style: helper functions have singular nouns and approved verbs', () => {
  const APPROVED = new Set([
    'Add',
    'Close',
    'Complete',
    'Connect',
    'ConvertTo',
    'Find',
    'Get',
    'Invoke',
    'Join',
    'New',
    'Open',
    'Set',
    'Start',
    'Stop',
    'Test',
    'Wait',
    'Write',
  ]);
  it('no function noun ends in a plural s', () => {
    const names = new Set<string>();
    for (const f of files) for (const n of functionDefinitions(trees.get(f.name)!).keys()) names.add(n);
    expect(names.size).toBeGreaterThan(40);
    const plural = [...names].filter((n) => /[^su]s$/.test(n) || /Ids$/.test(n));
    expect(plural).toEqual([]);
    expect([...names].filter((n) => !APPROVED.has(n.split('-')[0]!))).toEqual([]);
    expect(names).toContain('Invoke-BatchAssignment');
    expect(names).toContain('Get-WantedSkuId');
  });
});
