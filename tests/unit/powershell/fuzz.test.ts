/**
 * Property tests: arbitrary Unicode in every text field of a small plan still gives scripts that
 * parse, with the same sequence of commands as the plain plan. Two properties, because a full
 * tree-sitter parse of all ten files costs about half a second:
 *   1. whole files: parse without errors, same command-name sequence, same code outside the data
 *      section (a few dozen runs);
 *   2. data sections alone: parse without errors and keep exactly the tree shape of the plain plan's
 *      data section, i.e. every value stayed one literal (many runs).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Parser } from 'web-tree-sitter';
import { DATA_SECTION_BEGIN, DATA_SECTION_END, generateScripts } from '../../../src/lib/powershell/index.js';
import { HOSTILE, replaceTexts, smallPlan } from './fixtures.js';
import { commandNames, fixedCode, loadParser, parse, shape, syntaxProblems } from './ps-tree.js';

function dataSection(text: string): string {
  const from = text.indexOf(DATA_SECTION_BEGIN);
  const to = text.indexOf(DATA_SECTION_END);
  return from < 0 ? '' : text.slice(from, to + DATA_SECTION_END.length) + '\r\n';
}

let parser: Parser;
let baseline: { names: string[]; fixed: string; dataShape: string }[];
beforeAll(async () => {
  parser = await loadParser();
  baseline = generateScripts(smallPlan(1)).map((f) => ({
    names: commandNames(parse(parser, f.text)),
    fixed: fixedCode(f.text),
    dataShape: f.text.includes(DATA_SECTION_BEGIN) ? shape(parse(parser, dataSection(f.text))) : '',
  }));
});

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(...HOSTILE),
  fc.stringMatching(/^['\u2018\u2019\u201A\u201B$`"#<>@{}()\r\n;&|\u202E\u2028]{0,12}$/),
);
const texts = fc.array(text, { minLength: 1, maxLength: 12 });

describe('fuzz: arbitrary text in every field of a small plan', () => {
  it('whole scripts parse and run the same commands as the plain plan', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(texts, (t) => {
        generateScripts(replaceTexts(smallPlan(1), t)).forEach((f, i) => {
          const tree = parse(parser, f.text);
          expect(syntaxProblems(tree), f.name).toEqual([]);
          expect(commandNames(tree), f.name).toEqual(baseline[i]!.names);
          expect(fixedCode(f.text), f.name).toBe(baseline[i]!.fixed);
        });
      }),
      { numRuns: 12 },
    );
  });

  it('data sections parse with the same tree shape as the plain plan', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(texts, (t) => {
        generateScripts(replaceTexts(smallPlan(1), t)).forEach((f, i) => {
          if (!f.text.includes(DATA_SECTION_BEGIN)) return; // the runbook has none
          const tree = parse(parser, dataSection(f.text));
          expect(syntaxProblems(tree), f.name).toEqual([]);
          expect(shape(tree), f.name).toBe(baseline[i]!.dataShape);
        });
      }),
      { numRuns: 150 },
    );
  });
});
