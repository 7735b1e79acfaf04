import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(p) ? [p] : [];
  });
}

describe('architecture', () => {
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
      const code = text
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
        .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
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
