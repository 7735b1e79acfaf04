import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSamplePlan } from '../../../src/lib/domain/sample-plan.js';
import { generateScripts } from '../../../src/lib/powershell/index.js';
import { countLines, firstLines, tokenize, tokenizeLines, type Token, type TokenType } from '../../../src/lib/ps-highlight/index.js';

/** Non-text tokens as [type, text] pairs. */
const marked = (src: string): [TokenType, string][] =>
  tokenize(src)
    .filter((t) => t.type !== 'text')
    .map((t) => [t.type, t.text]);
const typesOf = (src: string, type: TokenType) =>
  tokenize(src)
    .filter((t) => t.type === type)
    .map((t) => t.text);
const join = (tokens: Token[]) => tokens.map((t) => t.text).join('');

describe('tokenize', () => {
  it('line comments run to the end of the line, not past the CR', () => {
    const src = '$a = 1 # set a\r\nWrite-Host $a';
    expect(typesOf(src, 'comment')).toEqual(['# set a']);
    expect(typesOf(src, 'command')).toEqual(['Write-Host']);
  });

  it('block comments <# #> span lines and hide code inside them', () => {
    const src = "<#\n.SYNOPSIS\n    Get-Thing 'x' $y\n#>\nGet-Date";
    expect(marked(src)).toEqual([
      ['comment', "<#\n.SYNOPSIS\n    Get-Thing 'x' $y\n#>"],
      ['command', 'Get-Date'],
    ]);
    const lines = tokenizeLines(src);
    expect(lines).toHaveLength(5);
    expect(lines[2]).toEqual([{ type: 'comment', text: "    Get-Thing 'x' $y" }]);
  });

  it('an unterminated block comment runs to the end', () => {
    expect(marked('<# open\nstill')).toEqual([['comment', '<# open\nstill']]);
  });

  it('#Requires lines are comments', () => {
    expect(typesOf("#Requires -Modules @{ ModuleName = 'MicrosoftTeams' }", 'comment')).toHaveLength(1);
  });

  it('single-quoted strings: doubled quotes stay inside, $ and # are literal', () => {
    const src = "$n = 'O''Brien # not a comment $notVar'; $m";
    expect(marked(src)).toEqual([
      ['variable', '$n'],
      ['operator', '='],
      ['string', "'O''Brien # not a comment $notVar'"],
      ['variable', '$m'],
    ]);
  });

  it('curly single quotes open, close and double like straight ones', () => {
    // PowerShell treats ' ‘ ’ ‚ ‛ as single quotes; a doubled one of any kind is literal.
    const src = "$n = \u2018O\u2019\u2019Brien\u2019 + 'D\u2018\u2018Arcy\u201b";
    expect(typesOf(src, 'string')).toEqual(['\u2018O\u2019\u2019Brien\u2019', "'D\u2018\u2018Arcy\u201b"]);
  });

  it('double-quoted strings with backtick escapes and doubled quotes', () => {
    const src = 'Write-Host "say `"hi`" and ""bye"" $x" $y';
    expect(typesOf(src, 'string')).toEqual(['"say `"hi`" and ""bye"" $x"']);
    expect(typesOf(src, 'variable')).toEqual(['$y']);
  });

  it('here-strings run to the closing quote-at at the start of a line', () => {
    const src = "$t = @'\nit's 'quoted'\n  '@ not yet\n'@\n$after";
    expect(typesOf(src, 'string')).toEqual(["@'\nit's 'quoted'\n  '@ not yet\n'@"]);
    expect(typesOf(src, 'variable')).toEqual(['$t', '$after']);
    const dq = '@"\nHello $name\n"@';
    expect(typesOf(dq, 'string')).toEqual([dq]);
  });

  it('variables: scopes, braces, automatic ones and splatting', () => {
    const src = '$script:Finished ${odd name} $_ $? $env:PATH @stageArgs $a::b';
    expect(typesOf(src, 'variable')).toEqual(['$script:Finished', '${odd name}', '$_', '$?', '$env:PATH', '@stageArgs', '$a']);
  });

  it('cmdlet names, parameters and dash operators', () => {
    const src = "Set-CsPhoneNumberAssignment -Identity $u -EnterpriseVoiceEnabled $true -ErrorAction Stop\nif ($a -eq 1 -and -not $b) { $c = '{0}' -f $d }";
    expect(typesOf(src, 'command')).toEqual(['Set-CsPhoneNumberAssignment']);
    expect(typesOf(src, 'parameter')).toEqual(['-Identity', '-EnterpriseVoiceEnabled', '-ErrorAction']);
    expect(typesOf(src, 'operator')).toEqual(['-eq', '-and', '-not', '=', '-f']);
    expect(typesOf(src, 'keyword')).toEqual(['if']);
    expect(typesOf(src, 'number')).toEqual(['1']);
  });

  it('-Confirm:$false keeps the colon on the parameter', () => {
    expect(marked('Remove-Thing -Confirm:$false')).toEqual([
      ['command', 'Remove-Thing'],
      ['parameter', '-Confirm:'],
      ['variable', '$false'],
    ]);
  });

  it('keywords are case-insensitive; members named like keywords are not keywords', () => {
    expect(typesOf('ForEach ($x IN $y) { Return }', 'keyword')).toEqual(['ForEach', 'IN', 'Return']);
    expect(typesOf('$list.foreach({ $_ })', 'keyword')).toEqual([]);
  });

  it('type literals and attributes; an index is not a type', () => {
    const src = '[CmdletBinding(SupportsShouldProcess)]\n[System.Collections.Generic.List[string]]::new() $a[0] [int]$n';
    expect(typesOf(src, 'type')).toEqual(['CmdletBinding', '[System.Collections.Generic.List[string]]', '[int]']);
    expect(typesOf(src, 'number')).toEqual(['0']);
  });

  it('pipelines: the command after a pipe is a command', () => {
    expect(typesOf('Get-ChildItem -Path . -Filter *.ps1 | Unblock-File', 'command')).toEqual(['Get-ChildItem', 'Unblock-File']);
  });

  it('the generated scripts round-trip and highlight their parts', () => {
    for (const f of generateScripts(createSamplePlan())) {
      const tokens = tokenize(f.text);
      expect(join(tokens), f.name).toBe(f.text);
      const kinds = new Set(tokens.map((t) => t.type));
      for (const k of ['comment', 'string', 'variable', 'command', 'keyword', 'operator', 'parameter'] as const)
        expect(kinds.has(k), `${f.name}: ${k}`).toBe(true);
      expect(tokenizeLines(f.text)).toHaveLength(countLines(f.text) + (f.text.endsWith('\n') ? 1 : 0));
    }
  });

  it('any text round-trips (property)', () => {
    const alphabet = fc.constantFrom(...`abcXYZ019 $@#<>'"\u2018\u2019\u201c\`{}()[]-.:=|;,\n\r\t`.split(''));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')),
        (src) => {
          expect(join(tokenize(src))).toBe(src);
          const lines = tokenizeLines(src);
          expect(lines.map((l) => join(l)).join('\n')).toBe(src.replace(/\r\n|\r/g, '\n'));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('countLines / firstLines', () => {
  it('counts lines; a final line end starts no new line', () => {
    expect(countLines('')).toBe(0);
    expect(countLines('a')).toBe(1);
    expect(countLines('a\r\nb\r\n')).toBe(2);
    expect(countLines('a\nb')).toBe(2);
  });
  it('cuts after n lines, keeping the line ends', () => {
    expect(firstLines('a\r\nb\r\nc\r\n', 2)).toBe('a\r\nb\r\n');
    expect(firstLines('a\nb', 5)).toBe('a\nb');
  });
});
