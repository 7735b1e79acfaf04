import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(p) ? [p] : [];
  });
}

/** Every module specifier a source file imports or re-exports (static and dynamic). */
function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm)) {
    out.push(m[1] ?? m[2] ?? m[3] ?? '');
  }
  return out;
}

/** The facades UI code may import src/lib through: the core, the presentation helpers, the startup entry. */
const FACADES = ['src/lib/index.ts', 'src/lib/view/index.ts', 'src/lib/startup.ts'];

/** UI imports of src/lib that go past the facades. `file` is relative to the root; `text` its source. */
function facadeViolations(file: string, text: string): string[] {
  const out: string[] = [];
  for (const spec of importsOf(text)) {
    if (!spec.startsWith('.')) continue;
    const target = relative(root, join(root, dirname(file), spec)).replace(/\.js$/, '.ts');
    if (!target.startsWith('src/lib/')) continue;
    if (!FACADES.includes(target)) out.push(`${file} imports ${spec}`);
  }
  return out;
}

/** Imports from src/lib/domain into src/lib/checks (the domain model must not depend on the checks). */
function domainViolations(file: string, text: string): string[] {
  if (!file.startsWith('src/lib/domain/')) return [];
  return importsOf(text)
    .filter((spec) => relative(root, join(root, dirname(file), spec)).startsWith('src/lib/checks'))
    .map((spec) => `${file} imports ${spec}`);
}

/** UI code: everything in src/ outside the core, the database and the workers. */
function uiFiles(): string[] {
  return [...files(join(root, 'src/ui')), join(root, 'src/App.svelte'), join(root, 'src/main.ts')];
}

describe('architecture', () => {
  it('UI code imports src/lib only through the two facades (and the startup entry)', () => {
    const offenders = uiFiles().flatMap((f) => facadeViolations(relative(root, f), readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('nothing in src/lib/domain imports from src/lib/checks', () => {
    const offenders = files(join(root, 'src/lib/domain')).flatMap((f) => domainViolations(relative(root, f), readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the two rules catch what they forbid', () => {
    expect(facadeViolations('src/ui/views/users/UsersView.svelte', "import { x } from '../../../lib/checks/rules.js';")).toEqual([
      'src/ui/views/users/UsersView.svelte imports ../../../lib/checks/rules.js',
    ]);
    expect(facadeViolations('src/ui/views/users/UsersView.svelte', "const m = import('../../../lib/powershell/generate.js');")).toHaveLength(1);
    expect(
      facadeViolations('src/ui/views/users/UsersView.svelte', "import { x } from '../../../lib/index.js';\nimport { y } from '../../../lib/view/index.js';"),
    ).toEqual([]);
    expect(facadeViolations('src/ui/views/users/UsersView.svelte', "import { x } from '../../state/app.svelte.js';")).toEqual([]);
    expect(domainViolations('src/lib/domain/edits.ts', "import { policyNameProblem } from '../checks/policies.js';")).toHaveLength(1);
    expect(domainViolations('src/lib/domain/edits.ts', "import type { Plan } from './model.js';")).toEqual([]);
  });

  it('the core (src/lib) never imports UI, database, workers or browser globals', () => {
    const offenders: string[] = [];
    for (const f of files(join(root, 'src/lib'))) {
      const text = readFileSync(f, 'utf8');
      const rel = relative(root, f);
      for (const m of text.matchAll(/(?:import|export)[^'"]*from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? '';
        if (/(^|\/)(ui|db|workers)(\/|$)/.test(spec) || /^(svelte|dexie)(\/|$)/.test(spec) || spec.endsWith('.svelte')) {
          offenders.push(`${rel} imports ${spec}`);
        }
      }
      // Browser globals: the core must run the same in Node, a worker and the page.
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
      for (const g of ['window', 'document', 'indexedDB', 'localStorage', 'navigator']) {
        if (new RegExp(`(?<![\\w.])${g}\\b`).test(code)) offenders.push(`${rel} uses ${g}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('UI code uses runes only: no `export let`, no `on:` directives, no svelte/store', () => {
    const offenders: string[] = [];
    for (const f of files(join(root, 'src'))) {
      if (!f.endsWith('.svelte') && !f.endsWith('.svelte.ts')) continue;
      const text = readFileSync(f, 'utf8');
      if (/export let /.test(text)) offenders.push(`${relative(root, f)}: export let`);
      if (/\son:[a-z]+=/.test(text)) offenders.push(`${relative(root, f)}: on: directive`);
      if (/from ['"]svelte\/store['"]/.test(text)) offenders.push(`${relative(root, f)}: svelte/store`);
    }
    expect(offenders).toEqual([]);
  });
});
