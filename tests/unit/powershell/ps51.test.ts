/**
 * Windows PowerShell 5.1 cannot run on the build machine, so every generated file is checked here
 * for syntax, cmdlets, parameters, automatic variables and .NET APIs that exist only in PowerShell 6
 * or 7 (house style: `#Requires -Version 5.1`). The tree-sitter AST finds pipeline chains and
 * commands with their parameters; the code outside strings and comments is searched for operators
 * the 5.1 grammar lacks (tree-sitter-powershell does not know them either, so they would also show
 * up as syntax errors). Each rule is shown to fire on a small sample, so the test can fail.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Node, Parser, Tree } from 'web-tree-sitter';
import { createEmptyPlan } from '../../../src/lib/domain/model.js';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { generateScripts } from '../../../src/lib/powershell/index.js';
import { HOSTILE, replaceTexts, smallPlan } from './fixtures.js';
import { commands, loadParser, parse } from './ps-tree.js';

/** Cmdlets that do not exist in Windows PowerShell 5.1. */
const PS7_CMDLETS = new Set([
  'Join-String',
  'Get-Error',
  'Test-Json',
  'Start-ThreadJob',
  'ConvertFrom-Markdown',
  'Show-Markdown',
  'Get-Uptime',
  'Remove-Alias',
  'Remove-Service',
  'Set-MarkdownOption',
  'Get-MarkdownOption',
  'Clear-RecycleBin',
  'Test-Connection -TargetName',
]);

/** Parameters added in PowerShell 6/7, per cmdlet ('*' = any cmdlet). */
const PS7_PARAMETERS: Record<string, string[]> = {
  '*': ['AsHashtable'],
  'ForEach-Object': ['Parallel', 'ThrottleLimit', 'TimeoutSeconds', 'AsJob'],
  'ConvertFrom-Json': ['Depth', 'AsHashtable', 'NoEnumerate', 'DateKind'],
  'ConvertTo-Json': ['AsArray', 'EscapeHandling'],
  'Get-Content': ['AsByteStream'],
  'Set-Content': ['AsByteStream'],
  'Add-Content': ['AsByteStream'],
  'Get-Date': ['AsUTC', 'UnixTimeSeconds'],
  'Split-Path': ['LeafBase', 'Extension'],
  'Join-Path': ['AdditionalChildPath'],
  'Select-String': ['Raw', 'NoEmphasis', 'Culture'],
  'Get-Random': ['Shuffle'],
  'Invoke-RestMethod': [
    'SkipCertificateCheck',
    'Authentication',
    'Token',
    'StatusCodeVariable',
    'ResponseHeadersVariable',
    'SkipHttpErrorCheck',
    'MaximumRetryCount',
    'RetryIntervalSec',
  ],
  'Invoke-WebRequest': ['SkipCertificateCheck', 'Authentication', 'Token', 'SkipHttpErrorCheck', 'MaximumRetryCount', 'RetryIntervalSec'],
  'Import-Csv': ['LiteralPath:NONE'],
  'Test-Path': ['IsValid:NONE'],
  'Out-String': [],
  'New-Item': [],
  'Remove-Item': [],
  'Start-Transcript': ['UseMinimalHeader'],
  'Where-Object': [],
  'Select-Object': [],
  'Sort-Object': ['Top', 'Bottom', 'Stable'],
  'Get-ChildItem': ['FollowSymlink'],
  'Format-Hex': ['Count', 'Offset'],
  'Wait-Job': [],
  'Export-Csv': ['UseQuotes', 'QuoteFields', 'IncludeTypeInformation'],
  'ConvertTo-Csv': ['UseQuotes', 'QuoteFields', 'IncludeTypeInformation'],
};

/** -Encoding values 5.1 accepts (FileSystemCmdletProviderEncoding); 7 adds utf8BOM, utf8NoBOM, ansi, code pages. */
const PS51_ENCODINGS = new Set(['unknown', 'string', 'unicode', 'byte', 'bigendianunicode', 'utf8', 'utf7', 'utf32', 'ascii', 'default', 'oem']);

/** Text outside strings and comments that only PowerShell 6/7 understands. */
const PS7_TEXT: [RegExp, string][] = [
  [/\?\?=?/, 'null-coalescing operator ?? / ??='],
  [/[\w)\]}]\?\.[A-Za-z_]/, 'null-conditional member access ?.'],
  [/\$\{?[\w:]+\}?\?\[/, 'null-conditional index ?[]'],
  [/\s\?\s[^\r\n]*\s:\s/, 'ternary operator ? :'],
  [/(^|[\s;{])clean\s*\{/m, 'clean block'],
  [/\$PSStyle\b/i, '$PSStyle'],
  [/\$(IsWindows|IsLinux|IsMacOS|IsCoreCLR)\b/i, '$IsWindows/$IsLinux/$IsMacOS/$IsCoreCLR (PowerShell 6+)'],
  [/\$PSNativeCommand\w+/i, '$PSNativeCommand… preference'],
  [/\$ErrorView\s*=\s*'ConciseView'/i, 'ConciseView'],
  [/\[(System\.)?Math\]::Clamp\b/i, '[Math]::Clamp (.NET Core only)'],
  [/\bSystem\.Text\.Json\b/, 'System.Text.Json (.NET Core only)'],
  [/\[(System\.)?HashCode\]/i, '[HashCode] (.NET Core only)'],
  [/\[(System\.)?(Index|Range)\]/, '[Index]/[Range] (.NET Core only)'],
  [/::\w+Async\(/, '…Async file APIs (.NET Core only)'],
  [/\s&\s*$/m, 'background operator & at the end of a pipeline'],
];

/**
 * Parameters that are allowed inside a PowerShell 7 guard: the then-block of
 * `if ($PSVersionTable.PSVersion.Major -ge 7) { … }` (exactly that condition; not its elseif or
 * else blocks), which Windows PowerShell 5.1 parses but never runs (stage 07's parallel pass).
 */
const PS7_GUARDED_PARAMETERS: Record<string, string[]> = { 'ForEach-Object': ['Parallel', 'ThrottleLimit'] };
const PS7_GUARD = /^\$PSVersionTable\.PSVersion\.Major\s+-ge\s+7$/i;

function insidePs7Guard(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    const parent = n.parent;
    if (n.type === 'statement_block' && parent?.type === 'if_statement') {
      const condition = parent.children.find((c) => c?.type === 'pipeline');
      if (condition && PS7_GUARD.test(condition.text.trim())) return true;
    }
  }
  return false;
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const c of node.children) if (c) walk(c, visit);
}

/** The source with every string literal and comment blanked out (web-tree-sitter offsets are UTF-16 units). */
function codeOnly(tree: Tree, text: string): string {
  const units = text.split('');
  walk(tree.rootNode, (n) => {
    if (n.type === 'comment' || n.type === 'string_literal' || n.type === 'expandable_string_literal' || n.type.includes('here_string')) {
      for (let i = n.startIndex; i < n.endIndex; i++) if (units[i] !== '\n' && units[i] !== '\r') units[i] = ' ';
    }
  });
  return units.join('');
}

/** The PowerShell-7-only constructs of one file: a list of "line: what". */
function ps7Problems(tree: Tree, text: string): string[] {
  const out: string[] = [];
  const line = (n: Node) => n.startPosition.row + 1;
  walk(tree.rootNode, (n) => {
    if (n.type === 'pipeline_chain_tail') out.push(`${line(n)}: pipeline chain operator && / ||`);
  });
  for (const c of commands(tree)) {
    if (PS7_CMDLETS.has(c.name)) out.push(`${line(c.node)}: ${c.name}`);
    const params = [...(PS7_PARAMETERS['*'] ?? []), ...(PS7_PARAMETERS[c.name] ?? [])];
    const guarded = (PS7_GUARDED_PARAMETERS[c.name] ?? []).map((q) => q.toLowerCase());
    for (const p of c.params) {
      if (guarded.includes(p.toLowerCase()) && insidePs7Guard(c.node)) continue;
      if (params.some((q) => q.toLowerCase() === p.toLowerCase())) out.push(`${line(c.node)}: ${c.name} -${p}`);
    }
    // -Encoding <value>: the value must be one 5.1 knows.
    const m = /-Encoding[:\s]+'?([A-Za-z0-9]+)'?/i.exec(c.node.text);
    if (m && !PS51_ENCODINGS.has(m[1]!.toLowerCase())) out.push(`${line(c.node)}: ${c.name} -Encoding ${m[1]}`);
    // -replace with a script block replacement is PowerShell 6.1+; so is ForEach-Object -Parallel.
  }
  walk(tree.rootNode, (n) => {
    if (n.type !== 'comparison_expression') return;
    const op = n.children.find((c) => c?.type === 'comparison_operator')?.text.toLowerCase();
    const right = n.children[n.children.length - 1];
    if (op && /^-[ci]?replace$/.test(op) && right && /(^|,)\s*\{/.test(right.text.trim())) out.push(`${line(n)}: -replace with a script block`);
  });
  const code = codeOnly(tree, text);
  const lines = code.split(/\r?\n/);
  lines.forEach((l, i) => {
    for (const [re, what] of PS7_TEXT) if (re.test(l)) out.push(`${i + 1}: ${what}`);
  });
  return out;
}

let parser: Parser;
beforeAll(async () => {
  parser = await loadParser();
});

describe('Windows PowerShell 5.1: no PowerShell-7-only syntax, cmdlets or parameters in generated files', () => {
  const plans = {
    sample: createSamplePlan(),
    empty: createEmptyPlan('p', 'Empty', '2026-01-01T00:00:00Z'),
    hostile: replaceTexts(smallPlan(), [...HOSTILE]),
  };
  for (const [label, plan] of Object.entries(plans)) {
    it(`${label} plan: every file is 5.1 code`, () => {
      for (const f of generateScripts(plan)) {
        expect(ps7Problems(parse(parser, f.text), f.text), `${label}: ${f.name}`).toEqual([]);
        expect(f.text, f.name).toContain('#Requires -Version 5.1');
      }
    });
  }

  it('the files declare no PowerShell edition or a 7-only #Requires', () => {
    for (const f of generateScripts(createSamplePlan())) {
      expect(f.text).not.toMatch(/#Requires -PSEdition Core|#Requires -Version [67]/i);
    }
  });
});

describe('the 5.1 checker catches each PowerShell-7-only construct', () => {
  const samples: [string, string][] = [
    ['$a = $b ? 1 : 2', 'ternary'],
    ['$a = $b ?? 1', '??'],
    ['$a ??= 1', '??'],
    ['$n = $obj?.Name', '?.'],
    ['$n = ${obj}?[0]', '?[]'],
    ['Get-Item x && Write-Host ok', 'pipeline chain'],
    ['Get-Item x || Write-Host no', 'pipeline chain'],
    ['1..3 | ForEach-Object -Parallel { $_ }', 'ForEach-Object -Parallel'],
    ['$h = Get-Content x | ConvertFrom-Json -AsHashtable', '-AsHashtable'],
    ['$o = Get-Content x | ConvertFrom-Json -Depth 5', 'ConvertFrom-Json -Depth'],
    ["$s = 'a', 'b' | Join-String -Separator ','", 'Join-String'],
    ['Write-Host $PSStyle.Bold', '$PSStyle'],
    ['Set-Content -Path x -Value y -Encoding utf8NoBOM', '-Encoding utf8NoBOM'],
    ['Out-File -FilePath x -Encoding utf8BOM', '-Encoding utf8BOM'],
    ['Get-Error', 'Get-Error'],
    ["Test-Json -Json '{}'", 'Test-Json'],
    ['function F { process { 1 } clean { 2 } }', 'clean block'],
    ["$x = 'abc' -replace 'b', { $_.Value.ToUpper() }", '-replace with a script block'],
    ['if ($IsWindows) { 1 }', '$IsWindows'],
    ['$c = [math]::Clamp(5, 1, 3)', 'Clamp'],
    ['Get-Date -AsUTC', 'Get-Date -AsUTC'],
    ['Start-Sleep 1 &', 'background operator'],
    ['if ($PSVersionTable.PSVersion.Major -ge 5) { 1..3 | ForEach-Object -Parallel { $_ } }', 'ForEach-Object -Parallel under a guard that 5.1 passes'],
    [
      'if ($PSVersionTable.PSVersion.Major -ge 7) { 1 } else { 1..3 | ForEach-Object -Parallel { $_ } }',
      'ForEach-Object -Parallel in the else block of the guard',
    ],
    [
      'if ($PSVersionTable.PSVersion.Major -ge 7) { 1 } elseif ($a) { 1..3 | ForEach-Object -ThrottleLimit 2 -Parallel { $_ } }',
      'ForEach-Object -Parallel in an elseif block of the guard',
    ],
    ['if ($PSVersionTable.PSVersion.Major -ge 7 -or $force) { 1..3 | ForEach-Object -Parallel { $_ } }', 'ForEach-Object -Parallel under a guard with -or'],
    ['if ($PSVersionTable.PSVersion.Major -ge 7) { Get-Date -AsUTC }', 'other 7-only parameters inside the guard'],
  ];
  for (const [code, what] of samples) {
    it(`rejects ${what}`, () => {
      const text = `${code}\r\n`;
      expect(ps7Problems(parse(parser, text), text).length, code).toBeGreaterThan(0);
    });
  }
  it('accepts 5.1 code that looks close: -Encoding UTF8, ::new(), classes, ForEach-Object without -Parallel, "??" in a string', () => {
    const text = [
      "$w = New-Object System.IO.StreamWriter('x', $true, [System.Text.UTF8Encoding]::new($true))",
      'Export-Csv -LiteralPath x -NoTypeInformation -Encoding UTF8',
      '1..3 | ForEach-Object { $_ }',
      "Write-Host 'what?? a ? b : c && d || e $PSStyle'",
      '# a comment with ?? and ?. and && in it',
      '$t = if ($a) { 1 } else { 2 }',
      '',
    ].join('\r\n');
    expect(ps7Problems(parse(parser, text), text)).toEqual([]);
  });
  it('accepts ForEach-Object -Parallel -ThrottleLimit inside the then-block of if ($PSVersionTable.PSVersion.Major -ge 7)', () => {
    const text = [
      'function Invoke-Work {',
      '    if ($PSVersionTable.PSVersion.Major -ge 7) {',
      '        1..3 | ForEach-Object -ThrottleLimit 4 -Parallel { $_ } | ForEach-Object { $_ }',
      '    }',
      '}',
      '',
    ].join('\r\n');
    expect(ps7Problems(parse(parser, text), text)).toEqual([]);
  });
});
