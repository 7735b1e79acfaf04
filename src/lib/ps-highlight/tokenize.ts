/**
 * A small PowerShell tokenizer for syntax highlighting in the Export screen's preview.
 *
 * It only colours text: it never evaluates anything and never produces markup. The UI renders each
 * token as a text node inside a `<span class>`, so plan data in the scripts cannot become HTML.
 * Invariant: the token texts joined give back the input exactly.
 *
 * PowerShell treats ' ‘ ’ ‚ ‛ all as single quotes and " “ ” „ as double quotes; a quote character
 * of the same family doubled inside a string is a literal quote (architecture.md, house style).
 */

export type TokenType = 'comment' | 'string' | 'variable' | 'command' | 'keyword' | 'operator' | 'parameter' | 'type' | 'number' | 'text';

export interface Token {
  type: TokenType;
  text: string;
}

const SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201a', '\u201b']);
const DOUBLE_QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e']);

const KEYWORDS = new Set([
  'begin',
  'break',
  'catch',
  'class',
  'continue',
  'data',
  'do',
  'dynamicparam',
  'else',
  'elseif',
  'end',
  'enum',
  'exit',
  'filter',
  'finally',
  'for',
  'foreach',
  'function',
  'if',
  'in',
  'param',
  'process',
  'return',
  'switch',
  'throw',
  'trap',
  'try',
  'until',
  'while',
]);

/** Dash operators (`-eq`, `-f`, `-not` …), with their case-sensitive `c` and insensitive `i` forms. */
const DASH_OPERATORS = new Set(
  [
    'eq',
    'ne',
    'gt',
    'ge',
    'lt',
    'le',
    'like',
    'notlike',
    'match',
    'notmatch',
    'contains',
    'notcontains',
    'in',
    'notin',
    'replace',
    'split',
    'join',
    'f',
    'and',
    'or',
    'xor',
    'not',
    'band',
    'bor',
    'bxor',
    'bnot',
    'shl',
    'shr',
    'is',
    'isnot',
    'as',
  ].flatMap((o) => (['f', 'and', 'or', 'xor', 'not', 'band', 'bor', 'bxor', 'bnot', 'is', 'isnot', 'as', 'join'].includes(o) ? [o] : [o, `c${o}`, `i${o}`])),
);

const isWordChar = (c: string) => /[\p{L}\p{N}_]/u.test(c);
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v' || c === '\u00a0';
/** Characters that end a bareword (command name or argument). */
const BAREWORD_END = /[\s(){}[\];,|&'"\u2018\u2019\u201a\u201b\u201c\u201d\u201e=<>]/;

/** Tokens that make a following `[` an index rather than a type literal, and `-x` an operator. */
function endsValue(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.type === 'variable' || t.type === 'string' || t.type === 'number' || t.type === 'type') return true;
  return t.type === 'text' && /[)\]}\p{L}\p{N}_]$/u.test(t.text);
}

/** End index (exclusive) of a single-quoted string starting at `i`; `text.length` when unterminated. */
function singleQuotedEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    if (SINGLE_QUOTES.has(text[j]!)) {
      if (j + 1 < text.length && SINGLE_QUOTES.has(text[j + 1]!)) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return text.length;
}

function doubleQuotedEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text[j]!;
    if (c === '`') {
      j += 2;
      continue;
    }
    if (DOUBLE_QUOTES.has(c)) {
      if (j + 1 < text.length && DOUBLE_QUOTES.has(text[j + 1]!)) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return Math.min(j, text.length);
}

/** Here-string `@'…'@` / `@"…"@`: the closing quote-at must start a line. */
function hereStringEnd(text: string, i: number, single: boolean): number {
  const quotes = single ? SINGLE_QUOTES : DOUBLE_QUOTES;
  let j = text.indexOf('\n', i + 2);
  while (j !== -1) {
    const k = j + 1;
    if (quotes.has(text[k] ?? '') && text[k + 1] === '@') return k + 2;
    j = text.indexOf('\n', k);
  }
  return text.length;
}

function variableEnd(text: string, i: number): number {
  // i points at `$` (or `@` for splatting).
  const next = text[i + 1] ?? '';
  if (next === '{') {
    const close = text.indexOf('}', i + 2);
    return close === -1 ? text.length : close + 1;
  }
  if (text[i] === '$' && (next === '$' || next === '?' || next === '^')) return i + 2;
  let j = i + 1;
  // Scope or drive qualifier: $script:Name, $env:Path (not `$a::b`).
  while (j < text.length && isWordChar(text[j]!)) j++;
  if (text[j] === ':' && text[j + 1] !== ':' && j > i + 1 && isWordChar(text[j + 1] ?? '')) {
    j++;
    while (j < text.length && isWordChar(text[j]!)) j++;
  }
  return j;
}

const TYPE_LITERAL = /^\[[\p{L}_][\p{L}\p{N}_.]*(?:\[[\p{L}\p{N}_.,\s[\]]*\])?\]/u;
const TYPE_NAME = /^[\p{L}_][\p{L}\p{N}_.]*/u;
const NUMBER = /^(?:0x[0-9a-f]+|\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?:kb|mb|gb|tb|pb|[dl])?(?![\p{L}\p{N}_])/iu;
const CMDLET = /^[\p{L}]+-[\p{L}\p{N}_]+$/u;

/** Split PowerShell source into highlight tokens (adjacent plain text merged). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  /** Last token that is not whitespace: decides between index/type and operator/argument. */
  let last: Token | undefined;
  /** Whether the next bareword is in command position (start of a statement or pipeline element). */
  let commandPosition = true;
  const push = (type: TokenType, t: string) => {
    if (t === '') return;
    const prev = out[out.length - 1];
    if (prev && prev.type === 'text' && type === 'text') prev.text += t;
    else out.push({ type, text: t });
    if (!/^\s+$/.test(t)) last = out[out.length - 1];
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1] ?? '';

    if (isSpace(c)) {
      let j = i + 1;
      while (j < text.length && isSpace(text[j]!)) j++;
      const ws = text.slice(i, j);
      push('text', ws);
      // A line break ends a statement unless the line ended with a pipe or an open bracket.
      if (ws.includes('\n') && !(last && last.type === 'operator' && /\|\s*$/.test(last.text))) commandPosition = true;
      i = j;
      continue;
    }

    if (c === '<' && next === '#') {
      const close = text.indexOf('#>', i + 2);
      const end = close === -1 ? text.length : close + 2;
      push('comment', text.slice(i, end));
      i = end;
      continue;
    }
    if (c === '#') {
      let j = text.indexOf('\n', i);
      if (j === -1) j = text.length;
      else if (text[j - 1] === '\r') j--;
      push('comment', text.slice(i, j));
      i = j;
      continue;
    }

    if (c === '@' && (SINGLE_QUOTES.has(next) || DOUBLE_QUOTES.has(next))) {
      // Here-string only when the quote is the last thing on its line.
      const rest = /^[ \t]*\r?\n/.test(text.slice(i + 2, i + 40));
      if (rest) {
        const end = hereStringEnd(text, i, SINGLE_QUOTES.has(next));
        push('string', text.slice(i, end));
        commandPosition = false;
        i = end;
        continue;
      }
    }

    if (SINGLE_QUOTES.has(c) || DOUBLE_QUOTES.has(c)) {
      const end = SINGLE_QUOTES.has(c) ? singleQuotedEnd(text, i) : doubleQuotedEnd(text, i);
      push('string', text.slice(i, end));
      commandPosition = false;
      i = end;
      continue;
    }

    if (c === '$' && next === '(') {
      push('operator', '$(');
      commandPosition = true;
      i += 2;
      continue;
    }
    if (c === '$' && (next === '{' || next === '$' || next === '?' || next === '^' || isWordChar(next))) {
      const end = variableEnd(text, i);
      push('variable', text.slice(i, end));
      commandPosition = false;
      i = end;
      continue;
    }
    if (c === '@' && isWordChar(next)) {
      // Splatting: @params
      const end = variableEnd(text, i);
      push('variable', text.slice(i, end));
      commandPosition = false;
      i = end;
      continue;
    }
    if (c === '@' && (next === '{' || next === '(')) {
      push('operator', c + next);
      commandPosition = next === '(';
      i += 2;
      continue;
    }

    if (c === '[' && !endsValue(last)) {
      const m = TYPE_LITERAL.exec(text.slice(i, i + 200));
      if (m) {
        push('type', m[0]);
        commandPosition = false;
        i += m[0].length;
        continue;
      }
      // Attribute: [CmdletBinding(...)] / [ValidateRange(0, 10)]
      const name = TYPE_NAME.exec(text.slice(i + 1, i + 200));
      if (name && text[i + 1 + name[0].length] === '(') {
        push('text', '[');
        push('type', name[0]);
        i += 1 + name[0].length;
        continue;
      }
    }

    if (c === '-' && /[\p{L}_]/u.test(next)) {
      let j = i + 1;
      while (j < text.length && (isWordChar(text[j]!) || text[j] === '-')) j++;
      // Trailing dashes belong to the next token (e.g. `-Name-` is unusual): keep word chars only.
      while (text[j - 1] === '-') j--;
      const word = text.slice(i + 1, j);
      if (DASH_OPERATORS.has(word.toLowerCase())) {
        push('operator', text.slice(i, j));
        commandPosition = false;
      } else {
        // `-Confirm:$false`: the colon belongs to the parameter.
        if (text[j] === ':' && text[j + 1] !== ':') j++;
        push('parameter', text.slice(i, j));
      }
      i = j;
      continue;
    }

    if (/\p{N}/u.test(c)) {
      const m = NUMBER.exec(text.slice(i, i + 64));
      if (m) {
        push('number', m[0]);
        commandPosition = false;
        i += m[0].length;
        continue;
      }
    }

    if (/[\p{L}_]/u.test(c)) {
      let j = i + 1;
      while (j < text.length && !BAREWORD_END.test(text[j]!) && !(text[j] === '.' && !commandPosition) && !(text[j] === ':' && text[j + 1] === ':')) j++;
      let word = text.slice(i, j);
      // Method or property after a dot: plain text.
      const afterMember = last && out[out.length - 1] === last && /(\.|::)$/.test(last.text);
      if (!afterMember && KEYWORDS.has(word.toLowerCase())) {
        push('keyword', word);
        commandPosition = true;
      } else if (!afterMember && CMDLET.test(word)) {
        push('command', word);
        commandPosition = false;
      } else {
        // Split off trailing punctuation the bareword rule swallowed (rare in generated code).
        const m = /^[\p{L}\p{N}_]+/u.exec(word);
        if (!commandPosition && m && m[0] !== word && !afterMember) word = m[0];
        push('text', word);
        commandPosition = false;
      }
      i += word.length;
      continue;
    }

    // Symbols.
    const two = c + next;
    if (
      two === '::' ||
      two === '..' ||
      two === '+=' ||
      two === '-=' ||
      two === '*=' ||
      two === '/=' ||
      two === '%=' ||
      two === '>>' ||
      two === '&&' ||
      two === '||'
    ) {
      push('operator', two);
      commandPosition = two === '&&' || two === '||';
      i += 2;
      continue;
    }
    if (c === '|' || c === ';') {
      push(c === '|' ? 'operator' : 'text', c);
      commandPosition = true;
      i++;
      continue;
    }
    if (c === '{' || c === '(') {
      push('text', c);
      commandPosition = true;
      i++;
      continue;
    }
    if (c === '&' || c === '.') {
      // Call operator / dot-sourcing at command position; member access otherwise.
      push(c === '&' || commandPosition ? 'operator' : 'text', c);
      i++;
      continue;
    }
    if ('=!+-*/%<>'.includes(c)) {
      push('operator', c);
      commandPosition = c === '=';
      i++;
      continue;
    }
    push('text', c);
    if (c === '}' || c === ')' || c === ']' || c === ',') commandPosition = false;
    i++;
  }
  return out;
}

/**
 * Tokens per line (line ends removed), for a preview with line numbers. Tokens that span lines
 * (block comments, here-strings, multi-line strings) are split, keeping their type.
 */
export function tokenizeLines(text: string): Token[][] {
  const lines: Token[][] = [[]];
  for (const t of tokenize(text)) {
    const parts = t.text.split(/\r\n|\n|\r/);
    parts.forEach((p, k) => {
      if (k > 0) lines.push([]);
      if (p !== '') lines[lines.length - 1]!.push({ type: t.type, text: p });
    });
  }
  return lines;
}

/** Line count of a text (a final line end does not start another line). */
export function countLines(text: string): number {
  if (text === '') return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

/** The first `max` lines of a text (with their line ends), cheap on a 20 MB script. */
export function firstLines(text: string, max: number): string {
  let i = -1;
  for (let n = 0; n < max; n++) {
    i = text.indexOf('\n', i + 1);
    if (i === -1) return text;
  }
  return text.slice(0, i + 1);
}
