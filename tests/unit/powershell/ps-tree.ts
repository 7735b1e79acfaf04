/**
 * Test helper: parse generated PowerShell with tree-sitter-powershell (web-tree-sitter in Node) and
 * pull out what the tests check: syntax errors, command names, parameters, and where mutating
 * cmdlets sit.
 */
import { fileURLToPath } from 'node:url';
import { Language, Parser, Query, type Node, type Tree } from 'web-tree-sitter';
import { DATA_SECTION_BEGIN, DATA_SECTION_END } from '../../../src/lib/powershell/index.js';

const WASM = fileURLToPath(new URL('../../../node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm', import.meta.url));

let parserPromise: Promise<Parser> | null = null;

export function loadParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    const lang = await Language.load(WASM);
    const p = new Parser();
    p.setLanguage(lang);
    return p;
  })();
  return parserPromise;
}

export function parse(parser: Parser, text: string): Tree {
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const c of node.children) if (c) walk(c, visit);
}

/** ERROR and MISSING nodes, with line numbers, for a readable failure message. */
export function syntaxProblems(tree: Tree): string[] {
  // hasError covers ERROR and MISSING nodes and is computed natively; walk only to explain it.
  if (!tree.rootNode.hasError) return [];
  const out: string[] = [];
  walk(tree.rootNode, (n) => {
    if (n.type === 'ERROR' || n.isMissing) {
      out.push(`${n.isMissing ? 'MISSING ' : ''}${n.type} at ${n.startPosition.row + 1}:${n.startPosition.column + 1}`);
    }
  });
  return out;
}

export interface CommandInfo {
  name: string;
  /** Parameter names without the leading `-` or a trailing `:`. */
  params: string[];
  node: Node;
}

export function commands(tree: Tree): CommandInfo[] {
  const out: CommandInfo[] = [];
  walk(tree.rootNode, (n) => {
    if (n.type !== 'command') return;
    const nameNode = n.childForFieldName('command_name');
    if (!nameNode) return;
    const elements = n.childForFieldName('command_elements');
    const params: string[] = [];
    if (elements) {
      for (const c of elements.children) {
        if (c && c.type === 'command_parameter') params.push(c.text.replace(/^-/, '').replace(/:$/, ''));
      }
    }
    out.push({ name: nameNode.text, params, node: n });
  });
  return out;
}

const queries = new WeakMap<Language, Query>();

/** Command names in document order (a native tree-sitter query). */
export function commandNames(tree: Tree): string[] {
  const lang = tree.language;
  let q = queries.get(lang);
  if (!q) {
    q = new Query(lang, '(command command_name: (_) @name)');
    queries.set(lang, q);
  }
  return q.captures(tree.rootNode).map((c) => c.node.text);
}

/**
 * Is `cmd` inside a script block given as `-Change` to Invoke-PlanStep or as the argument of
 * Invoke-Change (the only paths that refuse to run under -DryRun)?
 */
export function isInsideChangeBlock(cmd: Node): boolean {
  for (let n: Node | null = cmd.parent; n; n = n.parent) {
    if (n.type !== 'script_block_expression') continue;
    // script_block_expression → unary_expression → array_literal_expression → command_elements
    let arg: Node | null = n;
    while (arg && arg.parent && arg.parent.type !== 'command_elements') arg = arg.parent;
    const elements = arg?.parent;
    const owner = elements?.parent;
    if (!arg || !elements || !owner || owner.type !== 'command') continue;
    const ownerName = owner.childForFieldName('command_name')?.text;
    if (ownerName === 'Invoke-Change') return true;
    if (ownerName === 'Invoke-PlanStep') {
      let prev = arg.previousSibling;
      while (prev && prev.type === 'command_argument_sep') prev = prev.previousSibling;
      if (prev && prev.type === 'command_parameter' && prev.text === '-Change') return true;
    }
  }
  return false;
}

/** Every string literal node whose text starts with a double quote or is a here-string. */
export function expandableStrings(tree: Tree): Node[] {
  const out: Node[] = [];
  walk(tree.rootNode, (n) => {
    if (n.type === 'expandable_string_literal' || n.type.includes('here_string')) out.push(n);
  });
  return out;
}

/** The file without the data section and the header lines that carry plan values or the hash. */
export function fixedCode(text: string): string {
  const out: string[] = [];
  let inData = false;
  for (const l of text.split('\r\n')) {
    if (l === DATA_SECTION_BEGIN) inData = true;
    if (!inData && !/^# Plan(:| id:| SHA-256:)/.test(l) && !l.startsWith('$PlanSha256 = ')) out.push(l);
    if (l === DATA_SECTION_END) inData = false;
  }
  return out.join('\n');
}

/**
 * Tree shape without the text of literals: node kinds with nesting, from a cursor walk (much
 * cheaper than `rootNode.toString()`). `verbatim_string_characters` is left out, so an empty
 * literal and a non-empty one have the same shape.
 */
export function shape(tree: Tree): string {
  const skip = tree.language.idForNodeType('verbatim_string_characters', true);
  const out: number[] = [];
  const c = tree.walk();
  for (;;) {
    if (c.nodeTypeId !== skip) out.push(c.nodeTypeId);
    if (c.gotoFirstChild()) {
      out.push(-1);
      continue;
    }
    while (!c.gotoNextSibling()) {
      if (!c.gotoParent()) {
        c.delete();
        return out.join(',');
      }
      out.push(-2);
    }
  }
}

/**
 * The command that takes, as an argument, the nearest script block around `cmd`: e.g. for
 * `Invoke-Lookup { Get-CsX }` the owner of Get-CsX is Invoke-Lookup. Null when `cmd` sits directly in a
 * function body or at file level (loops and if blocks are statement blocks, not script blocks).
 */
export function blockOwner(cmd: Node): Node | null {
  for (let n: Node | null = cmd.parent; n; n = n.parent) {
    if (n.type === 'function_statement') return null;
    if (n.type !== 'script_block_expression') continue;
    let arg: Node | null = n;
    while (arg && arg.parent && arg.parent.type !== 'command_elements') {
      if (arg.parent.type === 'script_block' || arg.parent.type === 'statement_list') return null;
      arg = arg.parent;
    }
    const owner = arg?.parent?.parent;
    return owner && owner.type === 'command' ? owner : null;
  }
  return null;
}

export function commandName(cmd: Node): string {
  return cmd.childForFieldName('command_name')?.text ?? '';
}

/** Function definitions: name → the function_statement node. */
export function functionDefinitions(tree: Tree): Map<string, Node> {
  const out = new Map<string, Node>();
  walk(tree.rootNode, (n) => {
    if (n.type !== 'function_statement') return;
    const name = n.children.find((c) => c?.type === 'function_name')?.text;
    if (name) out.set(name, n);
  });
  return out;
}

/** Commands anywhere below `node`. */
export function commandsIn(node: Node): CommandInfo[] {
  const out: CommandInfo[] = [];
  walk(node, (n) => {
    if (n.type !== 'command') return;
    const name = commandName(n);
    if (name) out.push({ name, params: [], node: n });
  });
  return out;
}
