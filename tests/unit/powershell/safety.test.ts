/**
 * Safe by construction: plan data only ever appears as single-quoted literals in the data section
 * (and the quoted plan name/id in the header comment), and cannot change which commands run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Parser } from 'web-tree-sitter';
import { DATA_SECTION_BEGIN, DATA_SECTION_END, generateScripts, psQuote, type ScriptFile } from '../../../src/lib/powershell/index.js';
import { HOSTILE, replaceTexts, smallPlan } from './fixtures.js';
import { commandNames, commands, expandableStrings, fixedCode, isInsideChangeBlock, loadParser, parse, shape, syntaxProblems } from './ps-tree.js';

/** Cmdlets that only build objects in memory (§3.11, §3.12): allowed outside change blocks. */
const IN_MEMORY = new Set([
  'New-CsTeamsEmergencyNumber',
  'New-CsAutoAttendantDialScope',
  'New-CsAutoAttendantMenu',
  'New-CsAutoAttendantCallFlow',
  'New-CsAutoAttendantPrompt',
]);
const MUTATING = /^(New|Set|Grant|Remove|Update|Add|Clear|Register|Move)-(Cs|Mg)[A-Z]/;

/** Byte range of the data section. */
function dataRange(text: string): [number, number] {
  return [text.indexOf(DATA_SECTION_BEGIN), text.indexOf(DATA_SECTION_END)];
}

let parser: Parser;
let plain: ScriptFile[];
let hostile: ScriptFile[];
const hostileTexts = [...HOSTILE];
beforeAll(async () => {
  parser = await loadParser();
  plain = generateScripts(smallPlan());
  hostile = generateScripts(replaceTexts(smallPlan(), hostileTexts));
});

describe('hostile plan data stays data', () => {
  it('every file still parses without errors', () => {
    for (const f of hostile) expect(syntaxProblems(parse(parser, f.text)), f.name).toEqual([]);
  });

  it('runs exactly the same commands as the plain plan (same tree shape)', () => {
    for (let i = 0; i < plain.length; i++) {
      const a = parse(parser, plain[i]!.text);
      const b = parse(parser, hostile[i]!.text);
      expect(commandNames(b), plain[i]!.name).toEqual(commandNames(a));
      expect(shape(b), plain[i]!.name).toBe(shape(a));
    }
  });

  it("the code outside the data section is byte-identical to the plain plan's", () => {
    for (let i = 0; i < plain.length; i++) expect(fixedCode(hostile[i]!.text), plain[i]!.name).toBe(fixedCode(plain[i]!.text));
  });

  it('hostile values appear only as psQuote literals, inside the data section or the header comment', () => {
    for (const v of HOSTILE) {
      if (v === '') continue;
      const lit = psQuote(v);
      let seen = 0;
      for (const f of hostile) {
        const [from, to] = dataRange(f.text);
        for (let at = f.text.indexOf(lit); at >= 0; at = f.text.indexOf(lit, at + 1)) {
          seen++;
          const lineStart = f.text.lastIndexOf('\r\n', at) + 2;
          const inHeader = f.text.startsWith('# Plan', lineStart);
          expect((at > from && at < to) || inHeader, `${f.name}: ${lit}`).toBe(true);
        }
      }
      expect(seen, lit).toBeGreaterThan(0);
    }
    const all = hostile.map((f) => f.text).join('\n');
    expect(all).toContain("'o''brien@contoso.com'");
    expect(all).toContain("'o\u2018\u2018brien\u2019\u2019s \u201A\u201Aquote\u201B\u201B@contoso.com'");
    expect(all).toContain("'line1 line2  line3 line4 line5 end'");
    expect(all).toContain("'\uFFFDevil RLO \uFFFDisolate\uFFFD \u200Fmark \u200Eltr'");
    expect(all).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u2028\u2029\u0085\u0000]/);
  });

  it('the plan name cannot end the help comment or the header comment', () => {
    const plan = { ...smallPlan(), name: '#> Remove-Item C:\\ <#\nWrite-Host pwned' };
    for (const f of generateScripts(plan)) {
      const tree = parse(parser, f.text);
      expect(syntaxProblems(tree)).toEqual([]);
      const first = tree.rootNode.child(0)!;
      expect(first.type).toBe('comment');
      expect(first.text.startsWith('<#\r\n.SYNOPSIS')).toBe(true);
      expect(first.text).not.toContain('Remove-Item C:');
      expect(f.text).toContain("# Plan:          '#> Remove-Item C:\\ <# Write-Host pwned'");
      expect(commandNames(tree)).not.toContain('Write-Host pwned');
    }
  });

  it('literals in the data section are all single-quoted (no expandable strings, no here-strings)', () => {
    for (const f of hostile) {
      const [from, to] = dataRange(f.text);
      for (const s of expandableStrings(parse(parser, f.text))) {
        expect(s.startIndex < from || s.startIndex > to, `${f.name}: ${s.text}`).toBe(true);
        expect(s.type).not.toContain('here_string');
      }
    }
  });
});

describe('-DryRun never calls a mutating cmdlet', () => {
  it('every mutating Teams/Graph cmdlet sits in a -Change block of Invoke-PlanStep or in Invoke-Change', () => {
    const problems: string[] = [];
    let mutating = 0;
    for (const f of plain) {
      for (const c of commands(parse(parser, f.text))) {
        if (!MUTATING.test(c.name) || IN_MEMORY.has(c.name)) continue;
        mutating++;
        if (!isInsideChangeBlock(c.node)) problems.push(`${f.name}:${c.node.startPosition.row + 1} ${c.name}`);
      }
    }
    expect(problems).toEqual([]);
    expect(mutating).toBeGreaterThan(30);
  });

  it('Invoke-Change refuses under -DryRun and Invoke-PlanStep checks -DryRun before changing', () => {
    const t = plain[1]!.text;
    expect(t).toMatch(/function Invoke-Change \{\r\n    param\(\[scriptblock\]\$ChangeScript\)\r\n    if \(\$DryRun\) \{ throw/);
    const step = t.slice(t.indexOf('function Invoke-PlanStep'), t.indexOf('function Invoke-Check'));
    expect(step.indexOf('if ($DryRun)')).toBeLessThan(step.indexOf('& $Change'));
    expect(step.indexOf('ShouldProcess')).toBeLessThan(step.indexOf('& $Change'));
  });
});
